/**
 * Amazon S3 (restXml, SigV4 `s3`): CreateBucket, HeadBucket, DeleteBucket, ListBuckets, PutObject, GetObject,
 * HeadObject, DeleteObject, ListObjectsV2. Objects live in memory (S3Store); ETag = quoted MD5 hex; Content-MD5 and
 * the flexible checksums (x-amz-checksum-* headers or aws-chunked trailers) are verified and stored, and a GetObject
 * with `x-amz-checksum-mode: ENABLED` answers the stored checksum (CRC64NVME when none was given, as S3 does since
 * 2025). Every other S3 operation answers 501 NotImplementedByEmulator.
 */
import { createHash } from 'node:crypto';
import { AwsError } from '../errors.js';
import { model } from '../models/s3.js';
import type { RestXmlOutput, RestXmlRequest } from '../protocols/restxml.js';
import { XML_DECLARATION, xmlElements } from '../protocols/restxml.js';
import { headerValue } from '../protocols/http.js';
import type { ChecksumAlgorithm } from '../s3/checksums.js';
import { algorithmOfHeader, checksum, CHECKSUM_ALGORITHMS, headerOf } from '../s3/checksums.js';
import { decodeToken, encodeToken } from '../util.js';
import { invalidArgument, invalidRequest, noSuchBucket, noSuchKey } from './s3-errors.js';
import type { StoredBucket, StoredObject } from './s3-store.js';
import { S3Store } from './s3-store.js';
import type { RestXmlService } from './types.js';

export { S3Store };

const NS = 'http://s3.amazonaws.com/doc/2006-03-01/';
const MAX_KEY_BYTES = 1024;
/** Headers stored with an object and answered by GetObject/HeadObject. */
const STORED_HEADERS = ['cache-control', 'content-disposition', 'content-encoding', 'content-language', 'expires'];

type Handler = (req: RestXmlRequest) => RestXmlOutput | Promise<RestXmlOutput>;

const header = (req: RestXmlRequest, name: string): string | undefined =>
  headerValue({ method: req.method, path: '', query: '', headers: req.headers, body: req.body }, name);

/** S3 shows times to the second. */
const seconds = (ms: number): number => Math.floor(ms / 1000) * 1000;
const isoTime = (ms: number): string => new Date(seconds(ms)).toISOString();
const httpTime = (ms: number): string => new Date(seconds(ms)).toUTCString();

/** Bucket naming rules for general purpose buckets (S3 User Guide, "Bucket naming rules"). */
export function validBucketName(name: string): boolean {
  return (
    /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name) &&
    !name.includes('..') &&
    !/^\d+\.\d+\.\d+\.\d+$/.test(name) &&
    !/^(xn--|sthree-|amzn-s3-demo-)/.test(name) &&
    !/(-s3alias|--ol-s3|\.mrap|--x-s3|--table-s3)$/.test(name)
  );
}

function xmlBody(root: string, content: Record<string, unknown>): string {
  return `${XML_DECLARATION}<${root} xmlns="${NS}">${xmlElements(content)}</${root}>`;
}

function objectHeaders(o: StoredObject): Record<string, string> {
  const out: Record<string, string> = {
    'content-type': o.contentType,
    etag: o.etag,
    'last-modified': httpTime(o.lastModified),
    'accept-ranges': 'bytes',
    'x-amz-server-side-encryption': 'AES256',
    ...o.headers,
  };
  for (const [k, v] of Object.entries(o.metadata)) out[`x-amz-meta-${k}`] = v;
  return out;
}

/** `bytes=a-b`, `bytes=a-`, `bytes=-n` → [start, end] inclusive, undefined for a form S3 ignores, 'invalid' if unsatisfiable. */
function parseRange(range: string, size: number): [number, number] | 'invalid' | undefined {
  const m = /^bytes=(\d*)-(\d*)$/.exec(range.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  if (m[1] === '') {
    const n = Number(m[2]);
    if (n === 0 || size === 0) return 'invalid';
    return [Math.max(0, size - n), size - 1];
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size || (m[2] !== '' && Number(m[2]) < start)) return 'invalid';
  return [start, end];
}

const etagMatches = (list: string, etag: string): boolean =>
  list
    .split(',')
    .map((s) => s.trim())
    .some((t) => t === '*' || t === etag || `"${t}"` === etag);

const preconditionFailed = (condition: string): AwsError =>
  new AwsError('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', 412, {
    Condition: condition,
  });

/** The checksum the client sent (header or trailer), verified against the body; undefined when none was sent. */
function verifiedChecksum(req: RestXmlRequest): { algorithm: ChecksumAlgorithm; value: string } | undefined {
  const given: { algorithm: ChecksumAlgorithm; value: string }[] = [];
  for (const [name, value] of [
    ...Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v] as const),
    ...Object.entries(req.trailers),
  ]) {
    const algorithm = algorithmOfHeader(name);
    if (algorithm && value !== undefined) given.push({ algorithm, value });
  }
  if (given.length > 1) {
    throw invalidRequest('Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.');
  }
  const sdkAlgorithm = header(req, 'x-amz-sdk-checksum-algorithm');
  if (sdkAlgorithm !== undefined) {
    if (!(CHECKSUM_ALGORITHMS as readonly string[]).includes(sdkAlgorithm.toUpperCase())) {
      throw invalidArgument(
        'Checksum algorithm provided is unsupported.',
        'x-amz-sdk-checksum-algorithm',
        sdkAlgorithm,
      );
    }
    if (given.length === 0) {
      throw invalidRequest(
        'x-amz-sdk-checksum-algorithm specified, but no corresponding x-amz-checksum-* or x-amz-trailer headers were found.',
      );
    }
    if (given[0]?.algorithm !== sdkAlgorithm.toUpperCase()) {
      throw invalidRequest('Value for x-amz-sdk-checksum-algorithm header is invalid.');
    }
  }
  const first = given[0];
  if (!first) return undefined;
  if (checksum(first.algorithm, req.body) !== first.value) {
    throw new AwsError('BadDigest', `The ${first.algorithm} you specified did not match the calculated checksum.`, 400);
  }
  return first;
}

function checkContentMd5(req: RestXmlRequest): void {
  const md5 = header(req, 'content-md5');
  if (md5 === undefined) return;
  const decoded = Buffer.from(md5, 'base64');
  if (decoded.length !== 16 || decoded.toString('base64') !== md5.trim()) {
    throw new AwsError('InvalidDigest', 'The Content-MD5 you specified is not valid.', 400, { 'Content-MD5': md5 });
  }
  const actual = createHash('md5').update(req.body).digest('base64');
  if (actual !== md5.trim()) {
    throw new AwsError('BadDigest', 'The Content-MD5 you specified did not match what we received.', 400, {
      ExpectedDigest: md5,
      CalculatedDigest: actual,
    });
  }
}

export function createS3Service(store: S3Store): RestXmlService {
  const requireBucket = (req: RestXmlRequest): StoredBucket => {
    const bucket = store.bucket(req.bucket ?? '');
    if (!bucket) throw noSuchBucket(req.bucket ?? '');
    return bucket;
  };
  const requireObject = (req: RestXmlRequest): StoredObject => {
    const bucket = requireBucket(req);
    const object = bucket.objects.get(req.key ?? '');
    if (!object) throw noSuchKey(req.key ?? '');
    return object;
  };

  /** GetObject and HeadObject: conditionals, range and checksum headers. */
  const readObject = (req: RestXmlRequest, withBody: boolean): RestXmlOutput => {
    const o = requireObject(req);
    const ifMatch = header(req, 'if-match');
    if (ifMatch !== undefined && !etagMatches(ifMatch, o.etag)) throw preconditionFailed('If-Match');
    const ifNoneMatch = header(req, 'if-none-match');
    if (ifNoneMatch !== undefined && etagMatches(ifNoneMatch, o.etag)) {
      return { status: 304, headers: { etag: o.etag, 'last-modified': httpTime(o.lastModified) } };
    }
    const headers = objectHeaders(o);
    let body = o.body;
    let status = 200;
    const range = header(req, 'range');
    const parsed = range === undefined ? undefined : parseRange(range, o.body.length);
    if (parsed === 'invalid') {
      throw new AwsError('InvalidRange', 'The requested range is not satisfiable', 416, {
        RangeRequested: range,
        ActualObjectSize: o.body.length,
      });
    }
    if (parsed) {
      const [start, end] = parsed;
      body = o.body.subarray(start, end + 1);
      status = 206;
      headers['content-range'] = `bytes ${start}-${end}/${o.body.length}`;
    } else if (header(req, 'x-amz-checksum-mode')?.toUpperCase() === 'ENABLED') {
      headers[headerOf(o.checksum.algorithm)] = o.checksum.value;
      headers['x-amz-checksum-type'] = 'FULL_OBJECT';
    }
    headers['content-length'] = String(body.length);
    return { status, headers, body: withBody ? body : Buffer.alloc(0) };
  };

  const operations: Record<string, Handler> = {
    ListBuckets: () => ({
      headers: { 'content-type': 'application/xml' },
      body: xmlBody('ListAllMyBucketsResult', {
        Owner: { ID: store.ownerId },
        Buckets: {
          Bucket: [...store.buckets.values()]
            .sort((a, b) => (a.name < b.name ? -1 : 1))
            .map((b) => ({ Name: b.name, CreationDate: isoTime(b.created), BucketRegion: b.region })),
        },
      }),
    }),

    CreateBucket: (req) => {
      const name = req.bucket ?? '';
      if (!validBucketName(name)) {
        throw new AwsError('InvalidBucketName', 'The specified bucket is not valid.', 400, { BucketName: name });
      }
      const text = req.body.toString('utf8').trim();
      let constraint: string | undefined;
      if (text !== '') {
        if (!/^(<\?xml[^>]*\?>\s*)?<CreateBucketConfiguration[\s>][\s\S]*<\/CreateBucketConfiguration>$/.test(text)) {
          throw new AwsError(
            'MalformedXML',
            'The XML you provided was not well-formed or did not validate against our published schema',
            400,
          );
        }
        constraint = /<LocationConstraint>([^<]*)<\/LocationConstraint>/.exec(text)?.[1];
      }
      if (store.region === 'us-east-1') {
        if (constraint === 'us-east-1') {
          throw new AwsError('InvalidLocationConstraint', 'The specified location-constraint is not valid', 400, {
            LocationConstraint: constraint,
          });
        }
        if (constraint !== undefined && constraint !== '') throw illegalConstraint(constraint);
      } else if (constraint !== store.region) {
        throw illegalConstraint(constraint);
      }
      if (store.bucket(name)) {
        // For legacy compatibility, us-east-1 answers 200 to re-creating a bucket you own (S3 CreateBucket docs).
        if (store.region !== 'us-east-1') {
          throw new AwsError(
            'BucketAlreadyOwnedByYou',
            'Your previous request to create the named bucket succeeded and you already own it.',
            409,
            { BucketName: name },
          );
        }
      } else {
        store.createBucket(name);
      }
      return {
        headers: { location: store.region === 'us-east-1' ? `/${name}` : `http://${name}.s3.amazonaws.com/` },
      };
    },

    HeadBucket: (req) => {
      const bucket = requireBucket(req);
      return { headers: { 'x-amz-bucket-region': bucket.region, 'x-amz-access-point-alias': 'false' } };
    },

    DeleteBucket: (req) => {
      const bucket = requireBucket(req);
      if (bucket.objects.size > 0) {
        throw new AwsError('BucketNotEmpty', 'The bucket you tried to delete is not empty', 409, {
          BucketName: bucket.name,
        });
      }
      store.buckets.delete(bucket.name);
      return { status: 204 };
    },

    PutObject: (req) => {
      const bucket = requireBucket(req);
      const key = req.key ?? '';
      const size = Buffer.byteLength(key, 'utf8');
      if (size > MAX_KEY_BYTES) {
        throw new AwsError('KeyTooLongError', 'Your key is too long', 400, {
          MaxSizeAllowed: MAX_KEY_BYTES,
          Size: size,
        });
      }
      checkContentMd5(req);
      const given = verifiedChecksum(req);
      const ifNoneMatch = header(req, 'if-none-match');
      if (ifNoneMatch !== undefined) {
        if (ifNoneMatch.trim() !== '*') {
          throw new AwsError(
            'NotImplemented',
            'A header you provided implies functionality that is not implemented',
            501,
            {
              Header: 'If-None-Match',
            },
          );
        }
        if (bucket.objects.has(key)) throw preconditionFailed('If-None-Match');
      }
      const metadata: Record<string, string> = {};
      const stored: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        const v = Array.isArray(value) ? value.join(',') : value;
        if (v === undefined) continue;
        if (name.startsWith('x-amz-meta-')) metadata[name.slice('x-amz-meta-'.length)] = v;
        // aws-chunked is framing, not the object's encoding.
        else if (name === 'content-encoding') {
          const encoding = v
            .split(',')
            .map((s) => s.trim())
            .filter((s) => s !== '' && s !== 'aws-chunked')
            .join(',');
          if (encoding) stored[name] = encoding;
        } else if (STORED_HEADERS.includes(name)) stored[name] = v;
      }
      const object = store.putObject(bucket.name, key, req.body, {
        contentType: header(req, 'content-type'),
        metadata,
        headers: stored,
        ...(given ? { checksum: given } : {}),
      });
      return {
        headers: {
          etag: object.etag,
          'x-amz-server-side-encryption': 'AES256',
          ...(given ? { [headerOf(given.algorithm)]: given.value, 'x-amz-checksum-type': 'FULL_OBJECT' } : {}),
        },
      };
    },

    GetObject: (req) => readObject(req, true),

    HeadObject: (req) => readObject(req, false),

    DeleteObject: (req) => {
      const bucket = requireBucket(req);
      bucket.objects.delete(req.key ?? '');
      return { status: 204 };
    },

    ListObjectsV2: (req) => {
      const bucket = requireBucket(req);
      const q = req.query;
      const prefix = q.get('prefix') ?? '';
      const delimiter = q.get('delimiter') || undefined;
      const encoding = q.get('encoding-type');
      if (encoding !== undefined && encoding !== 'url') {
        throw invalidArgument('Invalid Encoding Method specified in Request', 'encoding-type', encoding);
      }
      const maxKeysText = q.get('max-keys');
      if (maxKeysText !== undefined && !/^\d+$/.test(maxKeysText)) {
        throw invalidArgument('Provided max-keys not an integer or within integer range', 'max-keys', maxKeysText);
      }
      const maxKeys = Math.min(Number(maxKeysText ?? 1000), 1000);
      const token = q.get('continuation-token');
      const resume = token
        ? decodeToken<{ after: string }>(token, () =>
            invalidArgument('The continuation token provided is incorrect', 'continuation-token', token),
          )
        : undefined;
      const startAfter = q.get('start-after');
      const after = resume?.after ?? startAfter ?? '';
      const keys = [...bucket.objects.keys()]
        .filter((k) => k.startsWith(prefix) && Buffer.compare(Buffer.from(k), Buffer.from(after)) > 0)
        .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
      const contents: StoredObject[] = [];
      const prefixes: string[] = [];
      let last = after;
      let truncated = false;
      for (const k of keys) {
        const rolled = delimiter === undefined ? -1 : k.indexOf(delimiter, prefix.length);
        const common = rolled < 0 ? undefined : k.slice(0, rolled + (delimiter ?? '').length);
        // Keys are sorted, so the keys under one common prefix are consecutive: answer the prefix once.
        if (common !== undefined && prefixes.at(-1) === common) continue;
        if (contents.length + prefixes.length >= maxKeys) {
          truncated = true;
          break;
        }
        if (common !== undefined) {
          prefixes.push(common);
          last = common;
        } else {
          contents.push(bucket.objects.get(k) as StoredObject);
          last = k;
        }
      }
      const enc = (s: string): string => (encoding === 'url' ? encodeURIComponent(s) : s);
      const fetchOwner = q.get('fetch-owner') === 'true';
      return {
        headers: { 'content-type': 'application/xml' },
        body: xmlBody('ListBucketResult', {
          Name: bucket.name,
          Prefix: enc(prefix),
          ...(truncated ? { NextContinuationToken: encodeToken({ after: nextAfter(last, prefixes) }) } : {}),
          KeyCount: contents.length + prefixes.length,
          MaxKeys: maxKeys,
          ...(delimiter !== undefined ? { Delimiter: enc(delimiter) } : {}),
          IsTruncated: truncated,
          Contents: contents.map((o) => ({
            Key: enc(o.key),
            LastModified: isoTime(o.lastModified),
            ETag: o.etag,
            ChecksumAlgorithm: o.checksum.algorithm,
            ChecksumType: 'FULL_OBJECT',
            Size: o.body.length,
            ...(fetchOwner ? { Owner: { ID: store.ownerId } } : {}),
            StorageClass: 'STANDARD',
          })),
          CommonPrefixes: prefixes.map((p) => ({ Prefix: enc(p) })),
          ...(encoding !== undefined ? { EncodingType: encoding } : {}),
          ...(token !== undefined ? { ContinuationToken: token } : {}),
          ...(startAfter !== undefined ? { StartAfter: enc(startAfter) } : {}),
        }),
      };
    },
  };

  return {
    name: 's3',
    protocol: 'restXml',
    xmlNamespace: NS,
    signingName: 's3',
    model,
    validationErrorCode: 'InvalidArgument',
    throttling: { code: 'SlowDown', message: 'Please reduce your request rate.', status: 503 },
    operations: Object.fromEntries(
      Object.entries(operations).map(([name, fn]) => [name, (input: unknown) => fn(input as RestXmlRequest)]),
    ),
  };
}

function illegalConstraint(constraint: string | undefined): AwsError {
  return new AwsError(
    'IllegalLocationConstraintException',
    `The ${constraint === undefined || constraint === '' ? 'unspecified' : constraint} location constraint is ` +
      'incompatible for the region specific endpoint this request was sent to.',
    400,
  );
}

/**
 * Where the next page starts: after the last key, or after every key under the last common prefix (the prefix with
 * U+FFFF appended sorts after all of them).
 */
function nextAfter(last: string, prefixes: string[]): string {
  return prefixes.at(-1) === last ? `${last}\uffff` : last;
}
