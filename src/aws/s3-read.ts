/**
 * S3, reading a build's artifacts back: an object streamed to a file (memory stays flat whatever its size) with the
 * checksum S3 stored for it checked, and the objects under a prefix listed. Errors name the object and the IAM
 * action a missing permission needs.
 */
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32 } from 'node:zlib';
import { UserError } from '../core/errors.js';
import { describeAwsError, isAccessDenied, isAwsError } from './errors.js';

export { createS3Client } from './s3-client.js';

/** An object and where it goes. */
export interface DownloadRequest {
  readonly bucket: string;
  readonly key: string;
  /** Written (created or replaced) as the body streams in. */
  readonly file: string;
  readonly signal?: AbortSignal;
}

export interface DownloadResult {
  readonly bytes: number;
  readonly contentType?: string;
  /** The checksum S3 had stored for the object and that the bytes were checked against (none: not checked). */
  readonly checked?: 'CRC32' | 'SHA256';
}

export interface S3Object {
  readonly key: string;
  readonly size: number;
}

/** What reading artifacts needs from S3; `s3DownloadApi(client)` implements it, tests fake it or mock the client. */
export interface S3DownloadApi {
  /** GetObject to a file; NoSuchKey, AccessDenied and a checksum mismatch are UserErrors naming the object. */
  downloadFile(request: DownloadRequest): Promise<DownloadResult>;
  /** Every object whose key starts with `prefix` (ListObjectsV2, all pages). */
  listObjects(bucket: string, prefix: string, signal?: AbortSignal): Promise<S3Object[]>;
}

export function s3DownloadApi(client: S3Client): S3DownloadApi {
  return {
    downloadFile: (request) => downloadFile(client, request),
    listObjects: (bucket, prefix, signal) => listObjects(client, bucket, prefix, signal),
  };
}

/** `arn:aws:s3:::bucket/key` (CodeBuild's artifact location) → bucket and key; undefined for anything else. */
export function parseS3Arn(location: string): { bucket: string; key: string } | undefined {
  const match = /^arn:[a-z-]+:s3:::([^/]+)\/?(.*)$/.exec(location);
  if (match === null) return undefined;
  return { bucket: match[1] ?? '', key: match[2] ?? '' };
}

/**
 * GetObject with ChecksumMode ENABLED, the body streamed to `request.file`. When S3 answers a full-object CRC32 or
 * SHA-256 checksum, the bytes are hashed as they pass and compared at the end; a mismatch is a UserError (the file
 * is left for the caller to remove). Composite checksums of multipart uploads (`…-N`) and other algorithms are not
 * checked here.
 */
export async function downloadFile(client: S3Client, request: DownloadRequest): Promise<DownloadResult> {
  const { bucket, key } = request;
  let out;
  try {
    out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key, ChecksumMode: 'ENABLED' }), {
      abortSignal: request.signal,
    });
  } catch (error) {
    throw s3ReadError(error, bucket, key, 'GetObject');
  }
  const body = out.Body;
  if (body === undefined) throw new Error(`GetObject s3://${bucket}/${key} answered without a body`);
  const expected = fullObjectChecksum(out);
  const hash = expected?.algorithm === 'SHA256' ? createHash('sha256') : undefined;
  let crc = 0;
  let bytes = 0;
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (expected?.algorithm === 'CRC32') crc = crc32(chunk, crc);
      hash?.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(toReadable(body), measure, createWriteStream(request.file), { signal: request.signal });
  } catch (error) {
    throw s3ReadError(error, bucket, key, 'GetObject');
  }
  if (expected !== undefined) {
    const actual =
      expected.algorithm === 'CRC32'
        ? Buffer.from([crc >>> 24, (crc >>> 16) & 0xff, (crc >>> 8) & 0xff, crc & 0xff]).toString('base64')
        : (hash?.digest('base64') ?? '');
    if (actual !== expected.value) {
      throw new UserError(
        `s3://${bucket}/${key}: the downloaded bytes do not match the ${expected.algorithm} checksum S3 stored ` +
          `(${expected.value}, got ${actual}); the download was damaged or the object changed while it was read`,
      );
    }
  }
  return {
    bytes,
    ...(out.ContentType !== undefined ? { contentType: out.ContentType } : {}),
    ...(expected !== undefined ? { checked: expected.algorithm } : {}),
  };
}

function fullObjectChecksum(out: {
  ChecksumCRC32?: string;
  ChecksumSHA256?: string;
  ChecksumType?: string;
}): { algorithm: 'CRC32' | 'SHA256'; value: string } | undefined {
  if (out.ChecksumType === 'COMPOSITE') return undefined;
  const whole = (value: string | undefined): value is string => value !== undefined && !value.includes('-');
  if (whole(out.ChecksumSHA256)) return { algorithm: 'SHA256', value: out.ChecksumSHA256 };
  if (whole(out.ChecksumCRC32)) return { algorithm: 'CRC32', value: out.ChecksumCRC32 };
  return undefined;
}

function toReadable(body: unknown): Readable {
  if (body instanceof Readable) return body;
  if (body instanceof Uint8Array || typeof body === 'string') return Readable.from([Buffer.from(body)]);
  const web = body as { transformToWebStream?: () => ReadableStream<Uint8Array> };
  if (typeof web.transformToWebStream === 'function') {
    return Readable.fromWeb(web.transformToWebStream() as import('node:stream/web').ReadableStream<Uint8Array>);
  }
  throw new Error('GetObject answered a body of an unknown kind');
}

export async function listObjects(
  client: S3Client,
  bucket: string,
  prefix: string,
  signal?: AbortSignal,
): Promise<S3Object[]> {
  const found: S3Object[] = [];
  let token: string | undefined;
  do {
    let out;
    try {
      out = await client.send(
        new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ...(token ? { ContinuationToken: token } : {}) }),
        { abortSignal: signal },
      );
    } catch (error) {
      throw s3ReadError(error, bucket, prefix, 'ListObjectsV2');
    }
    for (const o of out.Contents ?? []) if (o.Key !== undefined) found.push({ key: o.Key, size: o.Size ?? 0 });
    token = out.IsTruncated ? out.NextContinuationToken : undefined;
  } while (token);
  return found;
}

/**
 * A failed read as the user can act on it: a missing object (NoSuchKey), a missing bucket, a missing permission
 * (s3:GetObject on the object, s3:ListBucket on the bucket for a listing), a bucket in another region.
 */
export function s3ReadError(error: unknown, bucket: string, key: string, call: 'GetObject' | 'ListObjectsV2'): Error {
  if (error instanceof UserError || !isAwsError(error))
    return error instanceof Error ? error : new Error(String(error));
  const name = String((error as { name?: unknown }).name);
  const message = String((error as { message?: unknown }).message ?? '');
  const where = call === 'GetObject' ? `s3://${bucket}/${key}` : `s3://${bucket}/${key}*`;
  const fail = (text: string) => new UserError(text, { cause: error });
  if (isAccessDenied(error)) {
    const needed =
      call === 'GetObject'
        ? `s3:GetObject on arn:aws:s3:::${bucket}/${key}`
        : `s3:ListBucket on arn:aws:s3:::${bucket} (prefix ${key})`;
    // Without s3:ListBucket, S3 answers a missing object with AccessDenied too (it will not say what does not exist).
    const missing =
      call === 'GetObject'
        ? ` (or the object does not exist and s3:ListBucket on arn:aws:s3:::${bucket} is not granted)`
        : '';
    return fail(
      `reading ${where}: missing IAM permission ${needed}${missing} (${name}: ${message}); aws-cicd iam-policy ` +
        'build --download-artifacts prints the policy',
    );
  }
  if (name === 'NoSuchKey' || (call === 'GetObject' && name === 'NotFound')) {
    return fail(`reading ${where}: the object does not exist (NoSuchKey): the build uploaded no artifact there`);
  }
  if (name === 'NoSuchBucket') {
    return fail(`reading ${where}: the bucket "${bucket}" does not exist (check the AWS region)`);
  }
  if (name === 'PermanentRedirect' || name === 'AuthorizationHeaderMalformed') {
    return fail(
      `reading ${where}: the bucket "${bucket}" is in another AWS region than the one configured (${message})`,
    );
  }
  return fail(`reading ${where}: ${describeAwsError(error)}`);
}
