/**
 * awsJson1_1: POST / with `X-Amz-Target: <prefix>.<Operation>` and a JSON body; errors are
 * `{"__type": "<Code>", "message": "..."}` with the code also in `x-amzn-ErrorType`.
 */
import { AwsError } from '../errors.js';
import type { AuthFailure } from '../sigv4.js';
import type { JsonService } from '../services/types.js';
import type { HttpRequest, HttpResponse } from './http.js';
import { headerValue } from './http.js';
import type { WireProtocol } from './protocol.js';

export const JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';

export function jsonBody(status: number, requestId: string, body: unknown, extra: Record<string, string> = {}) {
  const buf = Buffer.from(JSON.stringify(body), 'utf8');
  const response: HttpResponse = {
    status,
    headers: { 'content-type': JSON_CONTENT_TYPE, 'x-amzn-requestid': requestId, ...extra },
    body: buf,
  };
  return response;
}

export function jsonError(err: AwsError, requestId: string): HttpResponse {
  const body: Record<string, unknown> = { __type: err.code, ...err.fields };
  if (err.hasMessage) body.message = err.message;
  return jsonBody(err.status, requestId, body, { 'x-amzn-errortype': err.code });
}

/** The operation name from X-Amz-Target, or undefined when the target is absent or not this shape. */
export function targetOf(req: HttpRequest): { prefix: string; operation: string } | undefined {
  const target = headerValue(req, 'x-amz-target');
  if (!target) return undefined;
  const dot = target.lastIndexOf('.');
  if (dot <= 0) return undefined;
  return { prefix: target.slice(0, dot), operation: target.slice(dot + 1) };
}

export function jsonProtocol(_service: JsonService): WireProtocol {
  return {
    decode(req) {
      const target = targetOf(req);
      if (!target) throw new AwsError('UnknownOperationException', undefined);
      const text = req.body.toString('utf8').trim();
      let input: unknown = {};
      if (text.length > 0) {
        try {
          input = JSON.parse(text);
        } catch {
          throw new AwsError('SerializationException', undefined);
        }
      }
      if (typeof input !== 'object' || input === null || Array.isArray(input)) {
        throw new AwsError('SerializationException', undefined);
      }
      return { operation: target.operation, input };
    },
    success(output, _operation, requestId) {
      return jsonBody(200, requestId, output ?? {});
    },
    error: jsonError,
    authError(f: AuthFailure) {
      switch (f.kind) {
        case 'missing':
          return new AwsError('MissingAuthenticationTokenException', f.message, 403);
        case 'incomplete':
          return new AwsError('IncompleteSignatureException', f.message, 400);
        case 'unknownKey':
          return new AwsError('UnrecognizedClientException', f.message, 403);
        case 'mismatch':
        case 'expired':
          return new AwsError('InvalidSignatureException', f.message, 403);
      }
    },
    unknownOperation() {
      return new AwsError('UnknownOperationException', undefined);
    },
  };
}
