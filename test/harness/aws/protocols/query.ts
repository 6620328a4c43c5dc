/**
 * awsQuery: POST / with a form body `Action=<Operation>&Version=<api version>&...`; XML responses
 * `<OpResponse><OpResult>...</OpResult><ResponseMetadata><RequestId/></ResponseMetadata></OpResponse>` and XML errors
 * `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`.
 */
import { AwsError } from '../errors.js';
import type { AuthFailure } from '../sigv4.js';
import { parseQuery } from '../sigv4.js';
import type { QueryService } from '../services/types.js';
import type { HttpRequest, HttpResponse } from './http.js';
import type { WireProtocol } from './protocol.js';

export const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** Form parameters as query-protocol input: `A.member.1.B=x` → `{A: [{B: 'x'}]}`. */
export function decodeQueryParams(pairs: [string, string][]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of pairs) {
    if (key === 'Action' || key === 'Version') continue;
    const parts = key.split('.');
    let node: Record<string, unknown> | unknown[] = root;
    for (let i = 0; i < parts.length; i++) {
      let part: string = parts[i] ?? '';
      if (part === 'member' && i + 1 < parts.length) part = parts[++i] ?? '';
      const last = i === parts.length - 1;
      const nextIsList = parts[i + 1] === 'member';
      const slot: string | number = Array.isArray(node) ? Number(part) - 1 : part;
      const container = node as Record<string | number, unknown>;
      if (last) {
        container[slot] = value;
      } else {
        container[slot] ??= nextIsList ? [] : {};
        node = container[slot] as Record<string, unknown> | unknown[];
      }
    }
  }
  return root;
}

function toXml(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map((v) => `<member>${toXml(v)}</member>`).join('');
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `<${k}>${toXml(v)}</${k}>`)
      .join('');
  }
  return escapeXml(String(value));
}

const xmlResponse = (status: number, requestId: string, xml: string): HttpResponse => ({
  status,
  headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
  body: Buffer.from(xml, 'utf8'),
});

export function queryProtocol(service: QueryService): WireProtocol {
  const ns = service.xmlNamespace;
  return {
    decode(req: HttpRequest) {
      const pairs = [...parseQuery(req.query), ...parseQuery(req.body.toString('utf8').replace(/\+/g, '%20'))];
      const params = new Map(pairs);
      const action = params.get('Action');
      if (!action) throw new AwsError('MissingAction', 'Missing Action', 400);
      const version = params.get('Version');
      if (version !== service.apiVersion) {
        throw new AwsError(
          'InvalidAction',
          `Could not find operation ${action} for version ${version ?? 'NO_VERSION_SPECIFIED'}`,
        );
      }
      return { operation: action, input: decodeQueryParams(pairs) };
    },
    success(output, operation, requestId) {
      return xmlResponse(
        200,
        requestId,
        `<${operation}Response xmlns="${ns}">\n  <${operation}Result>${toXml(output)}</${operation}Result>\n` +
          `  <ResponseMetadata>\n    <RequestId>${requestId}</RequestId>\n  </ResponseMetadata>\n</${operation}Response>\n`,
      );
    },
    error(err, requestId) {
      return xmlResponse(
        err.status,
        requestId,
        `<ErrorResponse xmlns="${ns}">\n  <Error>\n    <Type>${err.sender ? 'Sender' : 'Receiver'}</Type>\n` +
          `    <Code>${escapeXml(err.code)}</Code>\n    <Message>${escapeXml(err.message)}</Message>\n  </Error>\n` +
          `  <RequestId>${requestId}</RequestId>\n</ErrorResponse>\n`,
      );
    },
    authError(f: AuthFailure) {
      switch (f.kind) {
        case 'missing':
          return new AwsError('MissingAuthenticationToken', 'Request is missing Authentication Token', 403);
        case 'incomplete':
          return new AwsError('IncompleteSignature', f.message, 400);
        case 'unknownKey':
          return new AwsError('InvalidClientTokenId', f.message, 403);
        case 'mismatch':
        case 'expired':
          return new AwsError('SignatureDoesNotMatch', f.message, 403);
      }
    },
    unknownOperation(operation) {
      return new AwsError('InvalidAction', `Could not find operation ${operation} for version ${service.apiVersion}`);
    },
  };
}
