/**
 * restXml as S3 speaks it: the operation is told apart by method, path and query (the model's `http` routes, e.g.
 * `GET /{Bucket}?list-type=2` is ListObjectsV2), input travels in the path, query, headers and body, output in the
 * status, headers and an XML (or raw) body. Errors are
 * `<Error><Code/><Message/>…<RequestId/><HostId/></Error>` with `x-amz-request-id`; answers to HEAD carry no body.
 *
 * Buckets are addressed path-style (`/<bucket>/<key>`, what clients send with `forcePathStyle: true` or against an IP
 * endpoint) or virtual-host style when the Host is `<bucket>.localhost[:port]`.
 */
import { randomBytes } from 'node:crypto';
import { AwsError } from '../errors.js';
import type { HttpRoute } from '../models/types.js';
import { decodePayload } from '../s3/payload.js';
import { signatureDoesNotMatch } from '../services/s3-errors.js';
import type { RestXmlService } from '../services/types.js';
import type { AuthFailure } from '../sigv4.js';
import { parseQuery } from '../sigv4.js';
import type { HttpRequest, HttpResponse } from './http.js';
import { headerValue } from './http.js';
import type { WireProtocol } from './protocol.js';
import { escapeXml } from './query.js';

/** What an S3 operation handler receives. */
export interface RestXmlRequest {
  method: string;
  bucket?: string;
  key?: string;
  /** Decoded query parameters (the first value of each). */
  query: Map<string, string>;
  headers: HttpRequest['headers'];
  /** The payload, aws-chunked framing removed. */
  body: Buffer;
  /** Trailing headers of an aws-chunked payload (lower-case names). */
  trailers: Record<string, string>;
  addressing: 'path' | 'virtual-host';
}

/** What an S3 operation handler answers. */
export interface RestXmlOutput {
  status?: number;
  headers?: Record<string, string>;
  body?: Buffer | string;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** `<Name>value</Name>` for each defined entry, values escaped; nested arrays/objects become nested elements. */
export function xmlElements(fields: Record<string, unknown>): string {
  let out = '';
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value) out += xmlElements({ [name]: item });
    } else if (typeof value === 'object') {
      out += `<${name}>${xmlElements(value as Record<string, unknown>)}</${name}>`;
    } else {
      out += `<${name}>${escapeXml(String(value))}</${name}>`;
    }
  }
  return out;
}

export const hostId = (): string => randomBytes(48).toString('base64');

const VIRTUAL_HOST = /^([a-z0-9][a-z0-9.-]*[a-z0-9])\.localhost(?::\d+)?$/i;

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw new AwsError('InvalidURI', "Couldn't parse the specified URI.", 400);
  }
}

/** Bucket and key from the Host (virtual-host style) or the path (path style). */
export function addressOf(req: HttpRequest): Pick<RestXmlRequest, 'bucket' | 'key' | 'addressing'> {
  const host = headerValue(req, 'host') ?? headerValue(req, ':authority') ?? '';
  const virtual = VIRTUAL_HOST.exec(host);
  const path = req.path.startsWith('/') ? req.path.slice(1) : req.path;
  if (virtual) {
    return { bucket: virtual[1], key: path === '' ? undefined : decodeSegment(path), addressing: 'virtual-host' };
  }
  if (path === '') return { addressing: 'path' };
  const slash = path.indexOf('/');
  const bucket = decodeSegment(slash < 0 ? path : path.slice(0, slash));
  const key = slash < 0 || slash === path.length - 1 ? undefined : decodeSegment(path.slice(slash + 1));
  return { bucket, key, addressing: 'path' };
}

interface CompiledRoute {
  operation: string;
  method: string;
  target: 'service' | 'bucket' | 'object';
  literals: [string, string | undefined][];
  query: string[];
  headers: string[];
}

function compile(operation: string, route: HttpRoute): CompiledRoute | undefined {
  const [path = '', literalQuery] = route.uri.split('?');
  const target =
    path === '/' ? 'service' : path === '/{Bucket}' ? 'bucket' : path === '/{Bucket}/{Key+}' ? 'object' : undefined;
  if (!target) return undefined;
  const literals = (literalQuery ?? '')
    .split('&')
    .filter(Boolean)
    .map((p): [string, string | undefined] => {
      const eq = p.indexOf('=');
      return eq < 0 ? [p, undefined] : [p.slice(0, eq), p.slice(eq + 1)];
    });
  return { operation, method: route.method, target, literals, query: route.query ?? [], headers: route.headers ?? [] };
}

/** The most specific route whose method, target, literal query and required parameters the request has. */
export function routeOf(
  routes: readonly CompiledRoute[],
  req: HttpRequest,
  address: Pick<RestXmlRequest, 'bucket' | 'key'>,
  query: Map<string, string>,
): string | undefined {
  const target = address.bucket === undefined ? 'service' : address.key === undefined ? 'bucket' : 'object';
  let best: { operation: string; score: number } | undefined;
  for (const r of routes) {
    if (r.method !== req.method || r.target !== target) continue;
    if (!r.literals.every(([k, v]) => query.has(k) && (v === undefined || query.get(k) === v))) continue;
    if (!r.query.every((k) => query.has(k))) continue;
    if (!r.headers.every((h) => headerValue(req, h) !== undefined)) continue;
    const score = r.literals.length + r.query.length + r.headers.length;
    if (!best || score > best.score) best = { operation: r.operation, score };
  }
  return best?.operation;
}

export function restXmlProtocol(service: RestXmlService): WireProtocol {
  const routes = Object.entries(service.model.http ?? {})
    .map(([op, route]) => compile(op, route))
    .filter((r): r is CompiledRoute => r !== undefined);

  const answer = (status: number, requestId: string, headers: Record<string, string>, body: Buffer): HttpResponse => ({
    status,
    headers: { 'x-amz-request-id': requestId, 'x-amz-id-2': hostId(), server: 'AmazonS3', ...headers },
    body,
  });

  return {
    decode(req, identity) {
      const address = addressOf(req);
      const pairs = parseQuery(req.query);
      const query = new Map<string, string>();
      for (const [k, v] of pairs) if (!query.has(k)) query.set(k, v);
      const operation = routeOf(routes, req, address, query);
      if (!operation) {
        throw new AwsError('MethodNotAllowed', 'The specified method is not allowed against this resource.', 405, {
          Method: req.method,
          ResourceType: address.key !== undefined ? 'OBJECT' : address.bucket !== undefined ? 'BUCKET' : 'SERVICE',
        });
      }
      const presigned = query.has('X-Amz-Signature');
      const { body, trailers } = decodePayload(req, identity, presigned);
      const input: RestXmlRequest = { method: req.method, ...address, query, headers: req.headers, body, trailers };
      return { operation, input };
    },
    success(output, _operation, requestId) {
      const out = (output ?? {}) as RestXmlOutput;
      const body = typeof out.body === 'string' ? Buffer.from(out.body, 'utf8') : (out.body ?? Buffer.alloc(0));
      return answer(out.status ?? 200, requestId, out.headers ?? {}, body);
    },
    error(err, requestId) {
      const xml =
        XML_DECLARATION +
        `<Error><Code>${escapeXml(err.code)}</Code><Message>${escapeXml(err.message)}</Message>` +
        xmlElements(err.fields) +
        `<RequestId>${requestId}</RequestId><HostId>${hostId()}</HostId></Error>`;
      return answer(err.status, requestId, { 'content-type': 'application/xml' }, Buffer.from(xml, 'utf8'));
    },
    authError(f: AuthFailure) {
      switch (f.kind) {
        case 'missing':
          return new AwsError('AccessDenied', 'Access Denied', 403);
        case 'incomplete':
          if (f.message.startsWith('Missing required header')) return new AwsError('InvalidRequest', f.message, 400);
          return new AwsError('AuthorizationHeaderMalformed', `The authorization header is malformed; ${f.message}`);
        case 'unknownKey':
          return new AwsError(
            'InvalidAccessKeyId',
            'The AWS Access Key Id you provided does not exist in our records.',
            403,
            { AWSAccessKeyId: f.details.accessKeyId ?? '' },
          );
        case 'mismatch':
          if (f.details.region !== undefined) {
            return new AwsError(
              'AuthorizationHeaderMalformed',
              `The authorization header is malformed; the region '${f.details.given ?? ''}' is wrong; expecting ` +
                `'${f.details.region}'`,
              400,
              { Region: f.details.region },
            );
          }
          if (f.details.stringToSign !== undefined) return signatureDoesNotMatch(f.details);
          return new AwsError('AuthorizationHeaderMalformed', `The authorization header is malformed; ${f.message}`);
        case 'expired':
          if (f.details.presigned) return new AwsError('AccessDenied', 'Request has expired', 403);
          return new AwsError(
            'RequestTimeTooSkewed',
            'The difference between the request time and the current time is too large.',
            403,
          );
      }
    },
    unknownOperation(operation) {
      return new AwsError(
        'NotImplemented',
        `A header you provided implies functionality that is not implemented`,
        501,
        {
          Operation: operation,
        },
      );
    },
    finish(req, res) {
      if (req.method !== 'HEAD') return res;
      return { ...res, body: Buffer.alloc(0) };
    },
  };
}
