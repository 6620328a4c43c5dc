/**
 * The S3 client, for uploads (s3.ts) and reads (s3-read.ts): sent without the SDK's optional trailing checksums
 * (requestChecksumCalculation WHEN_REQUIRED), which some S3-compatible endpoints refuse; with a configured endpoint
 * (AWS_ENDPOINT_URL…, an emulator, MinIO) buckets are addressed by path, since such endpoints do not serve
 * `<bucket>.<host>` names.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { clientConfig, withCredentialSource, type ClientOptions } from './config.js';

export function createS3Client(opts: ClientOptions = {}): S3Client {
  const config = clientConfig({ service: 'S3', ...opts });
  const client = new S3Client({
    ...config,
    forcePathStyle: config.endpoint !== undefined,
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
  return withCredentialSource(client, opts);
}
