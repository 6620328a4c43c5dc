/**
 * The payload of a signed S3 request, checked against what the signature covers (x-amz-content-sha256):
 *
 * - a hex SHA-256: the body must hash to it (XAmzContentSHA256Mismatch);
 * - UNSIGNED-PAYLOAD (and every presigned URL): the body as sent;
 * - aws-chunked bodies: `STREAMING-UNSIGNED-PAYLOAD-TRAILER` (what the JS SDK v3 sends for a stream body, with a
 *   trailing x-amz-checksum-*), `STREAMING-AWS4-HMAC-SHA256-PAYLOAD` (each chunk signed, the signatures chained from
 *   the request's) and `STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER` (signed chunks plus a signed trailer). Framing:
 *   `<hex size>[;chunk-signature=<sig>]\r\n<bytes>\r\n` … a zero-size chunk, then trailer lines `name:value\r\n` and a
 *   blank line. The decoded size must equal x-amz-decoded-content-length. The trailers are returned for the operation
 *   to verify (a checksum trailer is checked like the header of the same name).
 *
 * Written from the S3 documentation "Authenticating Requests: Using the Authorization Header (Chunked Upload)" and
 * "Signature Calculations ... (Chunked Upload) with trailing headers"; the ECDSA (SigV4a) variants are not emulated.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { AwsError, notEmulated } from '../errors.js';
import type { HttpRequest } from '../protocols/http.js';
import { headerValue } from '../protocols/http.js';
import {
  incompleteBody,
  invalidArgument,
  invalidRequest,
  missingContentLength,
  signatureDoesNotMatch,
} from '../services/s3-errors.js';
import type { VerifiedIdentity } from '../sigv4.js';

export interface DecodedPayload {
  body: Buffer;
  /** Lower-case trailer name → value (aws-chunked bodies only). */
  trailers: Record<string, string>;
}

const UNSIGNED = 'UNSIGNED-PAYLOAD';
const STREAMING_UNSIGNED_TRAILER = 'STREAMING-UNSIGNED-PAYLOAD-TRAILER';
const STREAMING_SIGNED = 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD';
const STREAMING_SIGNED_TRAILER = 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER';
const EMPTY_SHA256 = createHash('sha256').update('').digest('hex');
/** S3 refuses signed chunks smaller than this, but for the last one. */
const MIN_SIGNED_CHUNK = 8192;

const sha256Hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

export function decodePayload(req: HttpRequest, identity: VerifiedIdentity, presigned: boolean): DecodedPayload {
  const declared = headerValue(req, 'x-amz-content-sha256');
  if (presigned && declared === undefined) return { body: req.body, trailers: {} };
  const value = declared ?? UNSIGNED;
  if (/^[0-9a-f]{64}$/i.test(value)) {
    const computed = sha256Hex(req.body);
    if (computed !== value.toLowerCase()) {
      throw new AwsError(
        'XAmzContentSHA256Mismatch',
        "The provided 'x-amz-content-sha256' header does not match what was computed.",
        400,
        { ClientComputedContentSHA256: value, S3ComputedContentSHA256: computed },
      );
    }
    return plain(req);
  }
  switch (value) {
    case UNSIGNED:
      return plain(req);
    case STREAMING_UNSIGNED_TRAILER:
    case STREAMING_SIGNED:
    case STREAMING_SIGNED_TRAILER:
      return decodeChunked(req, identity, value);
    default:
      if (value.startsWith('STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD')) {
        throw notEmulated(`S3 SigV4a (ECDSA) streaming payloads (${value})`);
      }
      throw invalidArgument(
        'x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER, ' +
          'STREAMING-AWS4-HMAC-SHA256-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER, ' +
          'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER or a valid sha256 value.',
        'x-amz-content-sha256',
        value,
      );
  }
}

/** A body sent whole must say how long it is (S3 does not take HTTP chunked transfer without aws-chunked). */
function plain(req: HttpRequest): DecodedPayload {
  const chunkedTransfer = /chunked/i.test(headerValue(req, 'transfer-encoding') ?? '');
  if (chunkedTransfer && headerValue(req, 'content-length') === undefined && req.method === 'PUT') {
    throw missingContentLength();
  }
  return { body: req.body, trailers: {} };
}

function decodeChunked(req: HttpRequest, identity: VerifiedIdentity, mode: string): DecodedPayload {
  const signed = mode !== STREAMING_UNSIGNED_TRAILER;
  const withTrailer = mode !== STREAMING_SIGNED;
  const decodedLength = headerValue(req, 'x-amz-decoded-content-length');
  if (decodedLength === undefined || !/^\d+$/.test(decodedLength)) throw missingContentLength();
  const seed = identity.seed;
  if (signed && !seed) throw invalidRequest(`${mode} is only valid with an Authorization header`);

  const data = req.body;
  const parts: Buffer[] = [];
  let pos = 0;
  let previous = seed?.signature ?? '';
  const readLine = (): string => {
    const end = data.indexOf('\r\n', pos);
    if (end < 0) throw incompleteBody();
    const line = data.toString('latin1', pos, end);
    pos = end + 2;
    return line;
  };
  const chunkSignature = (chunk: Buffer): string =>
    createHmac('sha256', seed?.signingKey ?? Buffer.alloc(0))
      .update(
        ['AWS4-HMAC-SHA256-PAYLOAD', seed?.amzDate, seed?.scope, previous, EMPTY_SHA256, sha256Hex(chunk)].join('\n'),
        'utf8',
      )
      .digest('hex');
  const sizes: number[] = [];
  for (;;) {
    const header = readLine();
    const m = /^([0-9a-fA-F]+)(?:;chunk-signature=([0-9a-f]{64}))?$/.exec(header);
    if (!m) throw incompleteBody();
    const size = parseInt(m[1] as string, 16);
    if (signed && m[2] === undefined) throw signatureDoesNotMatch();
    if (pos + size > data.length) throw incompleteBody();
    const chunk = data.subarray(pos, pos + size);
    pos += size;
    if (signed) {
      const expected = chunkSignature(chunk);
      if (!equalHex(expected, m[2] as string)) throw signatureDoesNotMatch({ accessKeyId: identity.accessKeyId });
      previous = expected;
    }
    sizes.push(size);
    if (size === 0) break;
    parts.push(chunk);
    // Chunk data is followed by CRLF.
    if (data.toString('latin1', pos, pos + 2) !== '\r\n') throw incompleteBody();
    pos += 2;
  }
  if (signed && sizes.slice(0, -2).some((s) => s < MIN_SIGNED_CHUNK)) {
    throw new AwsError(
      'InvalidChunkSizeError',
      'Only the last chunk is allowed to have a size less than 8192 bytes',
      403,
    );
  }

  const trailers: Record<string, string> = {};
  if (!withTrailer) {
    // The final zero-size chunk ends with an empty line.
    if (data.toString('latin1', pos, pos + 2) !== '\r\n') throw incompleteBody();
    pos += 2;
  } else {
    let trailerText = '';
    let trailerSignature: string | undefined;
    for (;;) {
      if (pos >= data.length) break;
      const line = readLine();
      if (line === '') break;
      const colon = line.indexOf(':');
      if (colon <= 0) throw incompleteBody();
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (name === 'x-amz-trailer-signature') {
        trailerSignature = value;
        continue;
      }
      trailers[name] = value;
      trailerText += `${name}:${value}\n`;
    }
    const declared = (headerValue(req, 'x-amz-trailer') ?? '')
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean);
    for (const name of declared) {
      if (trailers[name] === undefined) throw invalidRequest(`The trailing header ${name} was not found`);
    }
    if (signed) {
      const expected = createHmac('sha256', seed?.signingKey ?? Buffer.alloc(0))
        .update(['AWS4-HMAC-SHA256-TRAILER', seed?.amzDate, seed?.scope, previous, sha256Hex(trailerText)].join('\n'))
        .digest('hex');
      if (trailerSignature === undefined || !equalHex(expected, trailerSignature)) {
        throw signatureDoesNotMatch({ accessKeyId: identity.accessKeyId });
      }
    }
  }
  const body = Buffer.concat(parts);
  if (body.length !== Number(decodedLength)) throw incompleteBody();
  return { body, trailers };
}

function equalHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}
