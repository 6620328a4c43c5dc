/**
 * S3 through the real SDK client (path-style, as clients address the emulator) and through hand-signed requests
 * (smithy's SignatureV4, an independent signer): buckets, objects, listings, checksums, the aws-chunked payloads the
 * SDK and other clients send, SigV4 failures, HEAD without bodies, virtual-host addressing, presigned URLs, and the
 * aws.state.s3 store. Then Debian's AWS CLI (botocore) as a second client.
 */
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { SignatureV4 } from '@smithy/signature-v4';
import type { HttpRequest as SmithyRequest } from '@smithy/types';
import { execFile } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { checksum, crc32c, crc64nvme } from '../harness/aws/s3/checksums.js';
import { startEmulator } from '../harness/aws/server.js';
import type { Emulator } from '../harness/aws/server.js';
import { clientConfig, rejectionOf } from './helpers.js';

let emulator: Emulator;
let s3: S3Client;

beforeAll(async () => {
  emulator = await startEmulator();
  s3 = new S3Client({ ...clientConfig(emulator, { maxAttempts: 1 }), forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: 'objects' }));
});
afterAll(async () => {
  s3.destroy();
  await emulator.close();
});
afterEach(() => emulator.faults.clear());

const text = async (out: { Body?: { transformToString(): Promise<string> } }): Promise<string> =>
  (await out.Body?.transformToString()) ?? '';
const md5Etag = (s: string | Buffer): string => `"${createHash('md5').update(s).digest('hex')}"`;

// ---- hand-signed requests ------------------------------------------------------------------------------------------

type SourceData = string | ArrayBuffer | ArrayBufferView;
const bytes = (d: SourceData): Buffer =>
  typeof d === 'string'
    ? Buffer.from(d)
    : d instanceof ArrayBuffer
      ? Buffer.from(d)
      : Buffer.from(d.buffer, d.byteOffset, d.byteLength);

class Sha256 {
  private readonly hash;
  constructor(secret?: SourceData) {
    this.hash = secret ? createHmac('sha256', bytes(secret)) : createHash('sha256');
  }
  update(data: SourceData): void {
    this.hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {}
}

const signer = (secretAccessKey = 'test', applyChecksum = true) =>
  new SignatureV4({
    service: 's3',
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey },
    sha256: Sha256,
    uriEscapePath: false,
    applyChecksum,
  });

interface RawRequest {
  method: string;
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** Host header (default the emulator's host:port). */
  host?: string;
  sign?: 'header' | 'presign' | 'none';
  secret?: string;
  /** Sent instead of the signed body (to tamper with the payload after signing). */
  sendBody?: Buffer | string;
  /** Default: the emulator of this file. */
  target?: Emulator;
  /** false: sign without an x-amz-content-sha256 header. */
  applyChecksum?: boolean;
}

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

const encode = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

async function raw(r: RawRequest): Promise<RawResponse> {
  const url = new URL((r.target ?? emulator).url);
  const host = r.host ?? url.host;
  const body = typeof r.body === 'string' ? Buffer.from(r.body) : r.body;
  let request: SmithyRequest = {
    method: r.method,
    protocol: 'http:',
    hostname: host.split(':')[0] as string,
    path: r.path,
    query: r.query ?? {},
    headers: { host, ...(r.headers ?? {}) },
    body,
  };
  if ((r.sign ?? 'header') === 'header') request = await signer(r.secret, r.applyChecksum).sign(request);
  if (r.sign === 'presign') {
    // As @aws-sdk/s3-request-presigner does: a presigned URL's payload is UNSIGNED-PAYLOAD.
    request.headers['x-amz-content-sha256'] = 'UNSIGNED-PAYLOAD';
    request = await signer(r.secret).presign(request, {
      expiresIn: 300,
      unhoistableHeaders: new Set(['x-amz-content-sha256']),
    });
  }
  const qs = Object.entries(request.query ?? {})
    .map(([k, v]) => `${encode(k)}=${encode(String(v ?? ''))}`)
    .join('&');
  const payload = r.sendBody !== undefined ? Buffer.from(r.sendBody) : body;
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: url.port,
        method: r.method,
        path: qs ? `${r.path}?${qs}` : r.path,
        headers: { ...request.headers, ...(payload ? { 'content-length': String(payload.length) } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const xmlCode = (body: string) => /<Code>([^<]*)<\/Code>/.exec(body)?.[1];

// ---- buckets ---------------------------------------------------------------------------------------------------------

describe('buckets', () => {
  test('CreateBucket, HeadBucket, ListBuckets, DeleteBucket', async () => {
    const created = await s3.send(new CreateBucketCommand({ Bucket: 'b-lifecycle' }));
    expect(created.Location).toBe('/b-lifecycle');
    const head = await s3.send(new HeadBucketCommand({ Bucket: 'b-lifecycle' }));
    expect(head.BucketRegion).toBe('us-east-1');
    const list = await s3.send(new ListBucketsCommand({}));
    expect(list.Buckets?.map((b) => b.Name)).toEqual(expect.arrayContaining(['b-lifecycle', 'objects']));
    expect(list.Owner?.ID).toMatch(/^[0-9a-f]{64}$/);
    await s3.send(new DeleteBucketCommand({ Bucket: 'b-lifecycle' }));
    const gone = await rejectionOf(s3.send(new HeadBucketCommand({ Bucket: 'b-lifecycle' })));
    expect(gone.name).toBe('NotFound');
    expect(gone.$metadata?.httpStatusCode).toBe(404);
  });

  test('re-creating your own bucket answers 200 in us-east-1 (legacy) and 409 elsewhere', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'b-twice' }));
    await expect(s3.send(new CreateBucketCommand({ Bucket: 'b-twice' }))).resolves.toBeDefined();

    const elsewhere = await rejectionOf(
      s3.send(
        new CreateBucketCommand({ Bucket: 'b-west', CreateBucketConfiguration: { LocationConstraint: 'us-west-2' } }),
      ),
    );
    expect(elsewhere.name).toBe('IllegalLocationConstraintException');
    expect(elsewhere.message).toBe(
      'The us-west-2 location constraint is incompatible for the region specific endpoint this request was sent to.',
    );

    const eu = await startEmulator({ region: 'eu-west-1' });
    const client = new S3Client({ ...clientConfig(eu, { maxAttempts: 1 }), forcePathStyle: true });
    try {
      // Outside us-east-1 the SDK adds the client's region as the location constraint.
      const config = { LocationConstraint: 'eu-west-1' as const };
      await client.send(new CreateBucketCommand({ Bucket: 'b-eu' }));
      const again = await rejectionOf(
        client.send(new CreateBucketCommand({ Bucket: 'b-eu', CreateBucketConfiguration: config })),
      );
      expect(again.message).toBe('Your previous request to create the named bucket succeeded and you already own it.');
      expect(again.name).toBe('BucketAlreadyOwnedByYou');
      expect(again.$metadata?.httpStatusCode).toBe(409);
      expect((await client.send(new HeadBucketCommand({ Bucket: 'b-eu' }))).BucketRegion).toBe('eu-west-1');
    } finally {
      client.destroy();
      await eu.close();
    }
  });

  test('bucket naming rules: InvalidBucketName', async () => {
    for (const name of ['ab', 'Upper-Case', 'a..b', '192.168.1.1', '-dash', 'xn--punycode']) {
      const err = await rejectionOf(s3.send(new CreateBucketCommand({ Bucket: name })));
      expect(err.name).toBe('InvalidBucketName');
    }
  });

  test('operations on a missing bucket are NoSuchBucket; a non-empty bucket cannot be deleted', async () => {
    const err = await rejectionOf(s3.send(new PutObjectCommand({ Bucket: 'no-such-bucket', Key: 'k', Body: 'x' })));
    expect(err.name).toBe('NoSuchBucket');
    expect(err.message).toBe('The specified bucket does not exist');
    await s3.send(new PutObjectCommand({ Bucket: 'objects', Key: 'keep', Body: 'x' }));
    const notEmpty = await rejectionOf(s3.send(new DeleteBucketCommand({ Bucket: 'objects' })));
    expect(notEmpty.name).toBe('BucketNotEmpty');
    expect(notEmpty.$metadata?.httpStatusCode).toBe(409);
  });
});

// ---- objects ---------------------------------------------------------------------------------------------------------

describe('objects', () => {
  test('PutObject with a Buffer: the SDK sends a CRC32 header; ETag is the quoted MD5; GetObject validates', async () => {
    const put = await s3.send(
      new PutObjectCommand({ Bucket: 'objects', Key: 'dir/a b.txt', Body: Buffer.from('hi!') }),
    );
    expect(put.ETag).toBe(md5Etag('hi!'));
    expect(put.ChecksumCRC32).toBe(checksum('CRC32', Buffer.from('hi!')));
    expect(put.ServerSideEncryption).toBe('AES256');
    const got = await s3.send(new GetObjectCommand({ Bucket: 'objects', Key: 'dir/a b.txt' }));
    expect(await text(got)).toBe('hi!');
    expect(got.ETag).toBe(md5Etag('hi!'));
    expect(got.ChecksumCRC32).toBe(put.ChecksumCRC32);
    expect(got.ContentLength).toBe(3);
  });

  test('PutObject with a stream: aws-chunked STREAMING-UNSIGNED-PAYLOAD-TRAILER with a CRC32 trailer', async () => {
    const body = Readable.from([Buffer.from('hello '), Buffer.from('stream')]);
    const put = await s3.send(
      new PutObjectCommand({ Bucket: 'objects', Key: 'stream', Body: body, ContentLength: 12 }),
    );
    expect(put.ChecksumCRC32).toBe(checksum('CRC32', Buffer.from('hello stream')));
    const stored = emulator.state.s3.getObject('objects', 'stream');
    expect(stored?.body.toString()).toBe('hello stream');
    expect(stored?.headers['content-encoding']).toBeUndefined();
    expect(await text(await s3.send(new GetObjectCommand({ Bucket: 'objects', Key: 'stream' })))).toBe('hello stream');
  });

  test.each(['CRC32C', 'CRC64NVME', 'SHA1', 'SHA256'] as const)(
    'PutObject with ChecksumAlgorithm %s: verified, stored, answered by GetObject',
    async (algorithm) => {
      const key = `sum-${algorithm}`;
      const put = await s3.send(
        new PutObjectCommand({ Bucket: 'objects', Key: key, Body: 'checksummed', ChecksumAlgorithm: algorithm }),
      );
      const expected = checksum(algorithm, Buffer.from('checksummed'));
      expect(put[`Checksum${algorithm}`]).toBe(expected);
      const got = await s3.send(new GetObjectCommand({ Bucket: 'objects', Key: key, ChecksumMode: 'ENABLED' }));
      expect(await text(got)).toBe('checksummed');
      expect(got[`Checksum${algorithm}`]).toBe(expected);
      expect(got.ChecksumType).toBe('FULL_OBJECT');
    },
  );

  test('checksums match the reference check values (CRC-32C and CRC-64/NVME of "123456789")', () => {
    expect(crc32c(Buffer.from('123456789')).toString(16)).toBe('e3069283');
    expect(crc64nvme(Buffer.from('123456789')).toString(16)).toBe('ae8b14860a799888');
  });

  test('an object stored without a checksum gets S3 CRC64NVME, which the SDK validates on GetObject', async () => {
    emulator.state.s3.putObject('objects', 'seeded', 'from the test');
    const got = await s3.send(new GetObjectCommand({ Bucket: 'objects', Key: 'seeded', ChecksumMode: 'ENABLED' }));
    expect(await text(got)).toBe('from the test');
    expect(got.ChecksumCRC64NVME).toBe(checksum('CRC64NVME', Buffer.from('from the test')));
  });

  test('HeadObject: size, metadata, content type; GetObject ranges and conditionals', async () => {
    await s3.send(
      new PutObjectCommand({
        Bucket: 'objects',
        Key: 'meta',
        Body: '0123456789',
        ContentType: 'text/plain',
        Metadata: { Owner: 'team-a' },
        CacheControl: 'no-cache',
      }),
    );
    const head = await s3.send(new HeadObjectCommand({ Bucket: 'objects', Key: 'meta' }));
    expect(head).toMatchObject({
      ContentLength: 10,
      ContentType: 'text/plain',
      Metadata: { owner: 'team-a' },
      CacheControl: 'no-cache',
      ETag: md5Etag('0123456789'),
      AcceptRanges: 'bytes',
    });
    expect(head.LastModified).toBeInstanceOf(Date);
    const range = await s3.send(new GetObjectCommand({ Bucket: 'objects', Key: 'meta', Range: 'bytes=2-4' }));
    expect(await text(range)).toBe('234');
    expect(range.ContentRange).toBe('bytes 2-4/10');
    const suffix = await s3.send(new GetObjectCommand({ Bucket: 'objects', Key: 'meta', Range: 'bytes=-3' }));
    expect(await text(suffix)).toBe('789');
    const bad = await rejectionOf(
      s3.send(new GetObjectCommand({ Bucket: 'objects', Key: 'meta', Range: 'bytes=20-' })),
    );
    expect(bad.name).toBe('InvalidRange');
    const failed = await rejectionOf(
      s3.send(new GetObjectCommand({ Bucket: 'objects', Key: 'meta', IfMatch: '"not-the-etag"' })),
    );
    expect(failed.name).toBe('PreconditionFailed');
    const notModified = await rejectionOf(
      s3.send(new GetObjectCommand({ Bucket: 'objects', Key: 'meta', IfNoneMatch: md5Etag('0123456789') })),
    );
    expect(notModified.$metadata?.httpStatusCode).toBe(304);
  });

  test('missing keys: NoSuchKey for GET, a bodiless 404 for HEAD', async () => {
    const err = await rejectionOf(s3.send(new GetObjectCommand({ Bucket: 'objects', Key: 'nope' })));
    expect(err.name).toBe('NoSuchKey');
    expect(err.message).toBe('The specified key does not exist.');
    const head = await rejectionOf(s3.send(new HeadObjectCommand({ Bucket: 'objects', Key: 'nope' })));
    expect(head.name).toBe('NotFound');
    const res = await raw({
      method: 'HEAD',
      path: '/objects/nope',
      headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
    });
    expect(res.status).toBe(404);
    expect(res.body).toBe('');
    expect(res.headers['x-amz-request-id']).toEqual(expect.any(String));
    const get = await raw({ method: 'GET', path: '/objects/nope' });
    expect(xmlCode(get.body)).toBe('NoSuchKey');
    expect(get.body).toContain('<Key>nope</Key>');
  });

  test('DeleteObject answers 204 whether or not the key exists', async () => {
    await s3.send(new PutObjectCommand({ Bucket: 'objects', Key: 'doomed', Body: 'x' }));
    await s3.send(new DeleteObjectCommand({ Bucket: 'objects', Key: 'doomed' }));
    expect(emulator.state.s3.getObject('objects', 'doomed')).toBeUndefined();
    const again = await s3.send(new DeleteObjectCommand({ Bucket: 'objects', Key: 'doomed' }));
    expect(again.$metadata.httpStatusCode).toBe(204);
  });

  test('Content-MD5 is checked: BadDigest on a mismatch', async () => {
    const err = await rejectionOf(
      s3.send(
        new PutObjectCommand({
          Bucket: 'objects',
          Key: 'md5',
          Body: 'abc',
          ContentMD5: createHash('md5').update('abd').digest('base64'),
        }),
      ),
    );
    expect(err.name).toBe('BadDigest');
    expect(err.message).toBe('The Content-MD5 you specified did not match what we received.');
  });
});

// ---- listing ---------------------------------------------------------------------------------------------------------

describe('ListObjectsV2', () => {
  beforeAll(async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'listing' }));
    for (const key of ['a.txt', 'b/1.txt', 'b/2.txt', 'b/c/3.txt', 'd.txt', 'e/4.txt']) {
      emulator.state.s3.putObject('listing', key, key);
    }
  });

  test('keys in order with sizes, ETags and storage class', async () => {
    const out = await s3.send(new ListObjectsV2Command({ Bucket: 'listing' }));
    expect(out.Contents?.map((c) => c.Key)).toEqual(['a.txt', 'b/1.txt', 'b/2.txt', 'b/c/3.txt', 'd.txt', 'e/4.txt']);
    expect(out.Contents?.[0]).toMatchObject({ Size: 5, ETag: md5Etag('a.txt'), StorageClass: 'STANDARD' });
    expect(out).toMatchObject({ KeyCount: 6, MaxKeys: 1000, IsTruncated: false, Name: 'listing' });
  });

  test('delimiter and prefix roll keys up into common prefixes', async () => {
    const top = await s3.send(new ListObjectsV2Command({ Bucket: 'listing', Delimiter: '/' }));
    expect(top.Contents?.map((c) => c.Key)).toEqual(['a.txt', 'd.txt']);
    expect(top.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['b/', 'e/']);
    const inB = await s3.send(new ListObjectsV2Command({ Bucket: 'listing', Delimiter: '/', Prefix: 'b/' }));
    expect(inB.Contents?.map((c) => c.Key)).toEqual(['b/1.txt', 'b/2.txt']);
    expect(inB.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['b/c/']);
  });

  test('pages with MaxKeys and continuation tokens, common prefixes counted once', async () => {
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const out = await s3.send(
        new ListObjectsV2Command({ Bucket: 'listing', Delimiter: '/', MaxKeys: 1, ContinuationToken: token }),
      );
      pages++;
      seen.push(
        ...(out.Contents ?? []).map((c) => c.Key ?? ''),
        ...(out.CommonPrefixes ?? []).map((p) => p.Prefix ?? ''),
      );
      expect(out.KeyCount).toBe(1);
      token = out.NextContinuationToken;
      expect(out.IsTruncated).toBe(token !== undefined);
    } while (token);
    expect(pages).toBe(4);
    expect(seen).toEqual(['a.txt', 'b/', 'd.txt', 'e/']);
    const after = await s3.send(new ListObjectsV2Command({ Bucket: 'listing', StartAfter: 'b/c/3.txt' }));
    expect(after.Contents?.map((c) => c.Key)).toEqual(['d.txt', 'e/4.txt']);
    const bad = await rejectionOf(
      s3.send(new ListObjectsV2Command({ Bucket: 'listing', ContinuationToken: 'forged' })),
    );
    expect(bad.name).toBe('InvalidArgument');
  });
});

// ---- signatures and payloads -------------------------------------------------------------------------------------------

describe('SigV4 for S3', () => {
  test('a wrong secret is SignatureDoesNotMatch, with the string to sign in the XML', async () => {
    const bad = new S3Client({
      ...clientConfig(emulator, { maxAttempts: 1, secretAccessKey: 'wrong' }),
      forcePathStyle: true,
    });
    const err = await rejectionOf(bad.send(new GetObjectCommand({ Bucket: 'objects', Key: 'stream' })));
    bad.destroy();
    expect(err.name).toBe('SignatureDoesNotMatch');
    expect(err.$metadata?.httpStatusCode).toBe(403);
    const res = await raw({ method: 'GET', path: '/objects/stream', secret: 'wrong' });
    expect(res.status).toBe(403);
    expect(xmlCode(res.body)).toBe('SignatureDoesNotMatch');
    expect(res.body).toContain('<StringToSign>AWS4-HMAC-SHA256\n');
    expect(res.body).toContain('<AWSAccessKeyId>test</AWSAccessKeyId>');
  });

  test('an unknown access key is InvalidAccessKeyId; an unsigned request is AccessDenied', async () => {
    const unknown = new S3Client({
      ...clientConfig(emulator, { maxAttempts: 1, accessKeyId: 'AKIDUNKNOWN' }),
      forcePathStyle: true,
    });
    const err = await rejectionOf(unknown.send(new ListBucketsCommand({})));
    unknown.destroy();
    expect(err.name).toBe('InvalidAccessKeyId');
    const anonymous = await raw({ method: 'GET', path: '/objects/stream', sign: 'none' });
    expect(anonymous.status).toBe(403);
    expect(xmlCode(anonymous.body)).toBe('AccessDenied');
  });

  test('x-amz-content-sha256 must match the body (XAmzContentSHA256Mismatch) and must be present', async () => {
    const tampered = await raw({
      method: 'PUT',
      path: '/objects/tampered',
      body: 'signed body',
      sendBody: 'other body',
    });
    expect(tampered.status).toBe(400);
    expect(xmlCode(tampered.body)).toBe('XAmzContentSHA256Mismatch');
    expect(emulator.state.s3.getObject('objects', 'tampered')).toBeUndefined();
    const unsigned = await raw({
      method: 'PUT',
      path: '/objects/unsigned',
      body: 'any body',
      headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
    });
    expect(unsigned.status).toBe(200);
    expect(emulator.state.s3.getObject('objects', 'unsigned')?.body.toString()).toBe('any body');
    const missing = await raw({ method: 'GET', path: '/objects/unsigned', applyChecksum: false });
    expect(missing.status).toBe(400);
    expect(xmlCode(missing.body)).toBe('InvalidRequest');
    expect(missing.body).toContain('Missing required header for this request: x-amz-content-sha256');
  });

  /** An aws-chunked body of signed chunks (STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]), signed here by hand. */
  async function signedChunked(
    key: string,
    chunks: Buffer[],
    options: { trailer?: [string, string]; corruptChunk?: number } = {},
  ): Promise<RawResponse> {
    const decoded = Buffer.concat(chunks);
    const mode = options.trailer ? 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER' : 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD';
    const headers: Record<string, string> = {
      'x-amz-content-sha256': mode,
      'content-encoding': 'aws-chunked',
      'x-amz-decoded-content-length': String(decoded.length),
      ...(options.trailer ? { 'x-amz-trailer': options.trailer[0] } : {}),
    };
    const url = new URL(emulator.url);
    const signed = await signer().sign({
      method: 'PUT',
      protocol: 'http:',
      hostname: url.hostname,
      path: `/objects/${key}`,
      query: {},
      headers: { host: url.host, ...headers },
    });
    const auth = signed.headers.authorization as string;
    const seed = /Signature=([0-9a-f]{64})/.exec(auth)?.[1] as string;
    const amzDate = signed.headers['x-amz-date'] as string;
    const scope = `${amzDate.slice(0, 8)}/us-east-1/s3/aws4_request`;
    const hmac = (k: Buffer | string, d: string) => createHmac('sha256', k).update(d).digest();
    const signingKey = hmac(hmac(hmac(hmac('AWS4test', amzDate.slice(0, 8)), 'us-east-1'), 's3'), 'aws4_request');
    const sha = (d: Buffer | string) => createHash('sha256').update(d).digest('hex');
    let previous = seed;
    const parts: Buffer[] = [];
    [...chunks, Buffer.alloc(0)].forEach((chunk, i) => {
      const toSign = ['AWS4-HMAC-SHA256-PAYLOAD', amzDate, scope, previous, sha(''), sha(chunk)].join('\n');
      let signature = createHmac('sha256', signingKey).update(toSign).digest('hex');
      previous = signature;
      if (options.corruptChunk === i) signature = signature.replace(/^./, (c) => (c === '0' ? '1' : '0'));
      parts.push(Buffer.from(`${chunk.length.toString(16)};chunk-signature=${signature}\r\n`), chunk);
      if (chunk.length > 0) parts.push(Buffer.from('\r\n'));
    });
    if (options.trailer) {
      const line = `${options.trailer[0]}:${options.trailer[1]}`;
      const toSign = ['AWS4-HMAC-SHA256-TRAILER', amzDate, scope, previous, sha(`${line}\n`)].join('\n');
      const trailerSignature = createHmac('sha256', signingKey).update(toSign).digest('hex');
      parts.push(Buffer.from(`${line}\r\nx-amz-trailer-signature:${trailerSignature}\r\n\r\n`));
    } else {
      parts.push(Buffer.from('\r\n'));
    }
    const body = Buffer.concat(parts);
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: url.port,
          method: 'PUT',
          path: `/objects/${key}`,
          headers: { ...signed.headers, 'content-length': String(body.length) },
        },
        (res) => {
          const out: Buffer[] = [];
          res.on('data', (c: Buffer) => out.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(out).toString() }),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  test('signed aws-chunked payloads: chunk signatures chain from the request signature', async () => {
    const chunks = [Buffer.alloc(8192, 'a'), Buffer.alloc(8192, 'b'), Buffer.from('tail')];
    const ok = await signedChunked('chunked', chunks);
    expect(ok.status).toBe(200);
    expect(emulator.state.s3.getObject('objects', 'chunked')?.body.equals(Buffer.concat(chunks))).toBe(true);

    const crc = checksum('CRC32', Buffer.concat(chunks));
    const withTrailer = await signedChunked('chunked-trailer', chunks, { trailer: ['x-amz-checksum-crc32', crc] });
    expect(withTrailer.status).toBe(200);
    expect(emulator.state.s3.getObject('objects', 'chunked-trailer')?.checksum).toEqual({
      algorithm: 'CRC32',
      value: crc,
    });

    const corrupt = await signedChunked('chunked-bad', chunks, { corruptChunk: 1 });
    expect(corrupt.status).toBe(403);
    expect(xmlCode(corrupt.body)).toBe('SignatureDoesNotMatch');
    const small = await signedChunked('chunked-small', [Buffer.from('tiny'), Buffer.from('chunks')]);
    expect(xmlCode(small.body)).toBe('InvalidChunkSizeError');
    const wrongCrc = await signedChunked('chunked-crc', chunks, { trailer: ['x-amz-checksum-crc32', 'AAAAAA=='] });
    expect(xmlCode(wrongCrc.body)).toBe('BadDigest');
    expect(wrongCrc.body).toContain('The CRC32 you specified did not match the calculated checksum.');
    for (const key of ['chunked-bad', 'chunked-small', 'chunked-crc']) {
      expect(emulator.state.s3.getObject('objects', key)).toBeUndefined();
    }
  });

  test('presigned URLs sign UNSIGNED-PAYLOAD and expire', async () => {
    emulator.state.s3.putObject('objects', 'presigned', 'shared');
    const ok = await raw({ method: 'GET', path: '/objects/presigned', sign: 'presign' });
    expect(ok.status).toBe(200);
    expect(ok.body).toBe('shared');
    const bad = await raw({ method: 'GET', path: '/objects/presigned', sign: 'presign', secret: 'wrong' });
    expect(xmlCode(bad.body)).toBe('SignatureDoesNotMatch');
    // The same URL (valid 300 s) seen by an emulator whose clock is 10 minutes ahead.
    const later = await startEmulator({ now: () => Date.now() + 600_000 });
    try {
      later.state.s3.createBucket('objects');
      later.state.s3.putObject('objects', 'presigned', 'shared');
      const expired = await raw({ method: 'GET', path: '/objects/presigned', sign: 'presign', target: later });
      expect(expired.status).toBe(403);
      expect(xmlCode(expired.body)).toBe('AccessDenied');
      expect(expired.body).toContain('<Message>Request has expired</Message>');
    } finally {
      await later.close();
    }
  });

  test('virtual-host style: <bucket>.localhost addresses the bucket', async () => {
    emulator.state.s3.putObject('objects', 'vhost/key.txt', 'by host');
    const res = await raw({
      method: 'GET',
      path: '/vhost/key.txt',
      host: `objects.localhost:${new URL(emulator.url).port}`,
    });
    expect(res.status).toBe(200);
    expect(res.body).toBe('by host');
  });

  test('throttling is SlowDown (503)', async () => {
    emulator.faults.setService('s3', { throttleRate: 1 });
    const err = await rejectionOf(s3.send(new HeadBucketCommand({ Bucket: 'objects' })));
    expect(err.$metadata?.httpStatusCode).toBe(503);
    const res = await raw({ method: 'GET', path: '/objects/stream' });
    expect(xmlCode(res.body)).toBe('SlowDown');
  });

  test('operations S3 has but the emulator lacks answer 501 NotImplementedByEmulator', async () => {
    const res = await raw({ method: 'GET', path: '/objects', query: { tagging: '' } });
    expect(res.status).toBe(501);
    expect(xmlCode(res.body)).toBe('NotImplementedByEmulator');
  });
});

// ---- the AWS CLI -----------------------------------------------------------------------------------------------------

const AWS = '/usr/bin/aws';
const cli = existsSync(AWS) ? describe : describe.skip;
if (!existsSync(AWS)) console.warn(`${AWS} not found: skipping the S3 AWS CLI tests (apt-get install awscli)`);

cli('the AWS CLI (botocore) against S3', () => {
  const run = promisify(execFile);
  const env = (secret = 'test') => ({
    PATH: process.env.PATH,
    HOME: '/nonexistent',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: secret,
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_PAGER: '',
  });
  const aws = async (...args: string[]) => {
    const { stdout } = await run(AWS, ['--endpoint-url', emulator.url, '--output', 'json', ...args], { env: env() });
    return stdout.trim() ? (JSON.parse(stdout) as Record<string, unknown>) : {};
  };
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'emu-s3-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('s3api create-bucket, put-object, head-object, get-object, list-objects-v2', async () => {
    const content = 'line from the cli\n'.repeat(2000);
    writeFileSync(join(dir, 'in.txt'), content);
    await aws('s3api', 'create-bucket', '--bucket', 'cli-bucket');
    const put = await aws(
      's3api',
      'put-object',
      '--bucket',
      'cli-bucket',
      '--key',
      'dir/in.txt',
      '--body',
      join(dir, 'in.txt'),
      '--metadata',
      'origin=cli',
    );
    expect(put.ETag).toBe(md5Etag(content));
    const head = await aws('s3api', 'head-object', '--bucket', 'cli-bucket', '--key', 'dir/in.txt');
    expect(head).toMatchObject({ ContentLength: content.length, Metadata: { origin: 'cli' } });
    await aws('s3api', 'get-object', '--bucket', 'cli-bucket', '--key', 'dir/in.txt', join(dir, 'out.txt'));
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe(content);
    const list = (await aws('s3api', 'list-objects-v2', '--bucket', 'cli-bucket')) as { Contents: { Key: string }[] };
    expect(list.Contents.map((c) => c.Key)).toEqual(['dir/in.txt']);
    expect(emulator.state.s3.getObject('cli-bucket', 'dir/in.txt')?.body.toString()).toBe(content);
  });

  test('a wrong secret is refused with SignatureDoesNotMatch', async () => {
    const err = (await run(
      AWS,
      ['--endpoint-url', emulator.url, 's3api', 'list-objects-v2', '--bucket', 'cli-bucket'],
      { env: env('wrong') },
    ).catch((e: unknown) => e)) as { code?: number; stderr?: string };
    expect(err.code).not.toBe(0);
    expect(err.stderr).toContain('SignatureDoesNotMatch');
  });
});
