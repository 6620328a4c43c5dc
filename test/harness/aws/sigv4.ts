/**
 * AWS Signature Version 4 verification, written from the SigV4 documentation ("Create a signed AWS API request"):
 * the server recomputes the canonical request, the string to sign and the signature from what arrived on the wire,
 * with the secret it holds for the request's access key, and compares.
 *
 * Both the Authorization header form and presigned query parameters (X-Amz-Algorithm, X-Amz-Credential, ...) are
 * accepted. Failures carry a kind that each protocol maps to its own error code (see protocols/*).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export type AuthFailureKind =
  | 'missing' // no Authorization header and no presigned query
  | 'incomplete' // malformed Authorization / missing date
  | 'unknownKey' // access key not registered
  | 'mismatch' // signature or credential scope wrong
  | 'expired'; // request time skew over 15 minutes, or presigned URL past X-Amz-Expires

export class AuthFailure extends Error {
  constructor(
    readonly kind: AuthFailureKind,
    message: string,
    /**
     * What a protocol may echo in its error (S3's SignatureDoesNotMatch carries the string to sign and the canonical
     * request; its AuthorizationHeaderMalformed names the expected region).
     */
    readonly details: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

export interface SignedRequest {
  method: string;
  /** Path as it arrived on the wire (percent-encoded), without the query. */
  path: string;
  /** Raw query string without '?', or ''. */
  query: string;
  /** Lower-case header names. */
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface VerifyOptions {
  /** accessKeyId → secretAccessKey */
  credentials: ReadonlyMap<string, string>;
  /** The signing name the service expects in the credential scope, e.g. 'logs'. */
  service: string;
  region: string;
  now: number;
  /** S3 signs the path encoded once and un-normalized; every other service double-encodes. */
  singleEncodePath?: boolean;
  /**
   * S3's flavour (implies singleEncodePath): a header-signed request must carry x-amz-content-sha256 (its value is
   * the payload hash in the canonical request, checked against the body by the S3 protocol), and a presigned URL
   * signs the payload as UNSIGNED-PAYLOAD.
   */
  s3?: boolean;
}

export interface VerifiedIdentity {
  accessKeyId: string;
  sessionToken?: string;
  region: string;
  service: string;
  /** Header-signed requests: what the signatures of an aws-chunked payload's chunks chain from. */
  seed?: { signature: string; signingKey: Buffer; amzDate: string; scope: string };
}

const ALGORITHM = 'AWS4-HMAC-SHA256';
const MAX_SKEW_MS = 15 * 60 * 1000;

export const escapeUri = (s: string): string =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const sha256Hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data, 'utf8').digest();

export function signingKey(secret: string, date: string, region: string, service: string): Buffer {
  return hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request');
}

function header(headers: SignedRequest['headers'], name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(',') : v;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function parseQuery(query: string): [string, string][] {
  if (!query) return [];
  return query
    .split('&')
    .filter((p) => p.length > 0)
    .map((pair) => {
      const eq = pair.indexOf('=');
      return eq < 0 ? [safeDecode(pair), ''] : [safeDecode(pair.slice(0, eq)), safeDecode(pair.slice(eq + 1))];
    });
}

export function canonicalUri(path: string, singleEncode: boolean): string {
  if (singleEncode) return path || '/';
  const segments: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') segments.pop();
    else segments.push(seg);
  }
  const normalized =
    (path.startsWith('/') ? '/' : '') + segments.join('/') + (segments.length > 0 && path.endsWith('/') ? '/' : '');
  return escapeUri(normalized || '/').replace(/%2F/g, '/');
}

export function canonicalQuery(pairs: [string, string][]): string {
  return pairs
    .filter(([k]) => k !== 'X-Amz-Signature')
    .map(([k, v]) => [escapeUri(k), escapeUri(v)] as const)
    .sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

function canonicalHeaderValue(req: SignedRequest, name: string): string | undefined {
  let v = header(req.headers, name);
  if (v === undefined && name === 'host') v = header(req.headers, ':authority');
  return v?.trim().replace(/\s+/g, ' ');
}

/** "20240101T000000Z" → epoch ms, or NaN. */
export function parseAmzDate(s: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s);
  if (!m) return Number.NaN;
  const [, y, mo, d, h, mi, se] = m;
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(se));
}

export function formatAmzDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

interface AuthParts {
  credential: string;
  signedHeaders: string;
  signature: string;
  amzDate: string | undefined;
  presigned: boolean;
  expires?: number;
  sessionToken?: string;
}

function parseAuthorization(req: SignedRequest, queryPairs: [string, string][]): AuthParts {
  const auth = header(req.headers, 'authorization');
  const q = new Map(queryPairs);
  if (auth === undefined) {
    if (!q.has('X-Amz-Algorithm') && !q.has('X-Amz-Signature')) {
      throw new AuthFailure('missing', 'Missing Authentication Token');
    }
    if (q.get('X-Amz-Algorithm') !== ALGORITHM) {
      throw new AuthFailure('incomplete', `Unsupported AWS 'algorithm': '${q.get('X-Amz-Algorithm') ?? ''}'`);
    }
    const missing = ['X-Amz-Credential', 'X-Amz-SignedHeaders', 'X-Amz-Signature', 'X-Amz-Date'].filter(
      (k) => !q.get(k),
    );
    if (missing.length > 0) {
      throw new AuthFailure('incomplete', `AWS query-string parameters missing or malformed: ${missing.join(', ')}`);
    }
    return {
      credential: q.get('X-Amz-Credential') ?? '',
      signedHeaders: q.get('X-Amz-SignedHeaders') ?? '',
      signature: q.get('X-Amz-Signature') ?? '',
      amzDate: q.get('X-Amz-Date'),
      presigned: true,
      expires: Number(q.get('X-Amz-Expires') ?? '900'),
      sessionToken: q.get('X-Amz-Security-Token'),
    };
  }
  if (!auth.startsWith(`${ALGORITHM} `)) {
    throw new AuthFailure('incomplete', `Unsupported Authorization Type`);
  }
  const params = new Map<string, string>();
  for (const part of auth.slice(ALGORITHM.length + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) params.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const want = ['Credential', 'SignedHeaders', 'Signature'];
  const absent = want.filter((k) => !params.get(k));
  if (absent.length > 0) {
    throw new AuthFailure(
      'incomplete',
      absent.map((k) => `Authorization header requires '${k}' parameter.`).join(' ') +
        ` Authorization=${auth.split(' ')[0]}`,
    );
  }
  return {
    credential: params.get('Credential') ?? '',
    signedHeaders: params.get('SignedHeaders') ?? '',
    signature: params.get('Signature') ?? '',
    amzDate: header(req.headers, 'x-amz-date'),
    presigned: false,
    sessionToken: header(req.headers, 'x-amz-security-token'),
  };
}

/** Verifies the request's SigV4 signature; throws AuthFailure like AWS would, else returns who signed it. */
export function verifySigV4(req: SignedRequest, opts: VerifyOptions): VerifiedIdentity {
  const queryPairs = parseQuery(req.query);
  const parts = parseAuthorization(req, queryPairs);

  // Request date: X-Amz-Date, else the Date header.
  let requestTime: number;
  let amzDate: string;
  if (parts.amzDate) {
    amzDate = parts.amzDate;
    requestTime = parseAmzDate(amzDate);
    if (Number.isNaN(requestTime)) {
      throw new AuthFailure('incomplete', `Date must be in ISO-8601 'basic format'. Got '${amzDate}'.`);
    }
  } else {
    const date = header(req.headers, 'date');
    requestTime = date ? Date.parse(date) : Number.NaN;
    if (Number.isNaN(requestTime)) {
      throw new AuthFailure(
        'incomplete',
        "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
      );
    }
    amzDate = formatAmzDate(requestTime);
  }

  const scope = parts.credential.split('/');
  if (scope.length !== 5) {
    throw new AuthFailure(
      'incomplete',
      `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${parts.credential}'`,
    );
  }
  const [accessKeyId = '', scopeDate = '', scopeRegion = '', scopeService = '', terminator = ''] = scope;
  const secret = opts.credentials.get(accessKeyId);
  if (secret === undefined) {
    throw new AuthFailure('unknownKey', 'The security token included in the request is invalid.', { accessKeyId });
  }

  // Time skew (header auth) or expiry (presigned).
  if (parts.presigned) {
    const expires = parts.expires ?? 900;
    if (opts.now > requestTime + expires * 1000) {
      throw new AuthFailure(
        'expired',
        `Signature expired: ${amzDate} is now earlier than ${formatAmzDate(opts.now - expires * 1000)} (${formatAmzDate(opts.now)} - ${expires} sec.)`,
        { presigned: 'true' },
      );
    }
  } else if (requestTime < opts.now - MAX_SKEW_MS) {
    throw new AuthFailure(
      'expired',
      `Signature expired: ${amzDate} is now earlier than ${formatAmzDate(opts.now - MAX_SKEW_MS)} (${formatAmzDate(opts.now)} - 15 min.)`,
    );
  } else if (requestTime > opts.now + MAX_SKEW_MS) {
    throw new AuthFailure(
      'expired',
      `Signature not yet current: ${amzDate} is still later than ${formatAmzDate(opts.now + MAX_SKEW_MS)} (${formatAmzDate(opts.now)} + 15 min.)`,
    );
  }

  if (scopeDate !== amzDate.slice(0, 8)) {
    throw new AuthFailure(
      'mismatch',
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scopeDate}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`,
    );
  }
  if (terminator !== 'aws4_request') {
    throw new AuthFailure(
      'mismatch',
      `Credential should be scoped with a valid terminator: 'aws4_request', not '${terminator}'. `,
    );
  }
  if (scopeService !== opts.service) {
    throw new AuthFailure('mismatch', `Credential should be scoped to correct service: '${opts.service}'. `);
  }
  if (scopeRegion !== opts.region) {
    throw new AuthFailure('mismatch', 'Credential should be scoped to a valid region. ', {
      region: opts.region,
      given: scopeRegion,
    });
  }

  const signedHeaders = parts.signedHeaders.split(';');
  if (!signedHeaders.includes('host') && !signedHeaders.includes(':authority')) {
    throw new AuthFailure('mismatch', "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  }
  const canonicalHeaders = signedHeaders.map((h) => `${h}:${canonicalHeaderValue(req, h) ?? ''}\n`).join('');
  let payloadHash = header(req.headers, 'x-amz-content-sha256');
  if (opts.s3 && parts.presigned) payloadHash = 'UNSIGNED-PAYLOAD';
  if (opts.s3 && payloadHash === undefined) {
    throw new AuthFailure('incomplete', 'Missing required header for this request: x-amz-content-sha256');
  }
  payloadHash ??= sha256Hex(req.body);
  const canonicalRequest = [
    req.method,
    canonicalUri(req.path, opts.s3 === true || opts.singleEncodePath === true),
    canonicalQuery(queryPairs),
    canonicalHeaders,
    parts.signedHeaders,
    payloadHash,
  ].join('\n');
  const credentialScope = `${scopeDate}/${scopeRegion}/${scopeService}/aws4_request`;
  const stringToSign = [ALGORITHM, amzDate, credentialScope, sha256Hex(canonicalRequest)].join('\n');
  const key = signingKey(secret, scopeDate, scopeRegion, scopeService);
  const expected = createHmac('sha256', key).update(stringToSign, 'utf8').digest();
  const given = Buffer.from(parts.signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new AuthFailure(
      'mismatch',
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key ' +
        'and signing method. Consult the service documentation for details.\n\n' +
        `The Canonical String for this request should have been\n'${canonicalRequest}'\n\n` +
        `The String-to-Sign should have been\n'${stringToSign}'\n`,
      {
        accessKeyId,
        stringToSign,
        signatureProvided: parts.signature,
        canonicalRequest,
      },
    );
  }
  return {
    accessKeyId,
    sessionToken: parts.sessionToken,
    region: scopeRegion,
    service: scopeService,
    ...(parts.presigned
      ? {}
      : { seed: { signature: parts.signature, signingKey: key, amzDate, scope: credentialScope } }),
  };
}
