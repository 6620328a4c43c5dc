/**
 * S3 buckets and objects, in memory. Tests seed and inspect them through `aws.state.s3` (putObject / getObject /
 * createBucket ...) with the same effects as the API (ETag = quoted MD5 hex, CRC64NVME checksum when none was given);
 * CodeDeploy reads revision bundles from here.
 */
import { createHash } from 'node:crypto';
import type { ChecksumAlgorithm } from '../s3/checksums.js';
import { checksum } from '../s3/checksums.js';

export interface StoredObject {
  key: string;
  body: Buffer;
  /** Quoted MD5 hex, e.g. `"5d41402abc4b2a76b9719d911017c592"`. */
  etag: string;
  lastModified: number;
  contentType: string;
  /** Content-Encoding, Content-Disposition, Content-Language, Cache-Control, Expires as given at upload. */
  headers: Record<string, string>;
  /** x-amz-meta-* without the prefix, lower-case names. */
  metadata: Record<string, string>;
  /** The checksum given at upload (verified), or the CRC64NVME S3 computes when none was given. */
  checksum: { algorithm: ChecksumAlgorithm; value: string };
}

export interface StoredBucket {
  name: string;
  region: string;
  created: number;
  objects: Map<string, StoredObject>;
}

export interface PutOptions {
  contentType?: string;
  metadata?: Record<string, string>;
  headers?: Record<string, string>;
  checksum?: { algorithm: ChecksumAlgorithm; value: string };
}

export const etagOf = (body: Uint8Array): string => `"${createHash('md5').update(body).digest('hex')}"`;

export class S3Store {
  readonly buckets = new Map<string, StoredBucket>();

  constructor(
    readonly region: string,
    readonly accountId: string,
    readonly now: () => number,
  ) {}

  /** The account's canonical user id as S3 shows it (64 hex digits), derived from the account id. */
  get ownerId(): string {
    return createHash('sha256').update(`canonical:${this.accountId}`).digest('hex');
  }

  bucket(name: string): StoredBucket | undefined {
    return this.buckets.get(name);
  }

  /** Creates the bucket (in the emulator's region) unless it exists; answers it either way. */
  createBucket(name: string): StoredBucket {
    let bucket = this.buckets.get(name);
    if (!bucket) {
      bucket = { name, region: this.region, created: this.now(), objects: new Map() };
      this.buckets.set(name, bucket);
    }
    return bucket;
  }

  /** Stores an object (the bucket must exist; tests create it with createBucket). */
  putObject(bucketName: string, key: string, body: Buffer | string, options: PutOptions = {}): StoredObject {
    const bucket = this.buckets.get(bucketName);
    if (!bucket) throw new Error(`no S3 bucket ${bucketName}`);
    const data = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    const object: StoredObject = {
      key,
      body: data,
      etag: etagOf(data),
      lastModified: this.now(),
      contentType: options.contentType ?? 'binary/octet-stream',
      headers: options.headers ?? {},
      metadata: options.metadata ?? {},
      checksum: options.checksum ?? { algorithm: 'CRC64NVME', value: checksum('CRC64NVME', data) },
    };
    bucket.objects.set(key, object);
    return object;
  }

  getObject(bucketName: string, key: string): StoredObject | undefined {
    return this.buckets.get(bucketName)?.objects.get(key);
  }

  deleteObject(bucketName: string, key: string): boolean {
    return this.buckets.get(bucketName)?.objects.delete(key) ?? false;
  }
}
