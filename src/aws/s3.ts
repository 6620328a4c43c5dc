/**
 * S3, upload: put a file (a CodeDeploy revision bundle) into a bucket and answer the ETag and version id that
 * CodeDeploy's revision location can pin. (Reading a build's artifacts back is s3-read.ts.)
 *
 * The body is sent from memory with a Content-MD5, so S3 checks the bytes it stored, and without the SDK's optional
 * trailing checksums (requestChecksumCalculation WHEN_REQUIRED), which some S3-compatible endpoints refuse. With a
 * configured endpoint (AWS_ENDPOINT_URL…, an emulator, MinIO) buckets are addressed by path, since such endpoints do
 * not serve `<bucket>.<host>` names.
 */
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { UserError } from '../core/errors.js';
import { describeAwsError, isAccessDenied, isAwsError } from './errors.js';

export { createS3Client } from './s3-client.js';

/** Bundles larger than this are refused rather than read into memory. */
export const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;

export interface UploadRequest {
  readonly bucket: string;
  readonly key: string;
  readonly file: string;
  readonly contentType?: string;
}

export interface UploadResult {
  /** Without quotes, as CodeDeploy's S3Location.eTag takes it. */
  readonly eTag?: string;
  /** Set when the bucket has versioning. */
  readonly versionId?: string;
  readonly bytes: number;
}

/** What the deploy code needs from S3; `s3Api(client)` implements it, tests fake it. */
export interface S3Api {
  uploadFile(request: UploadRequest): Promise<UploadResult>;
}

export function s3Api(client: S3Client): S3Api {
  return { uploadFile: (request) => uploadFile(client, request) };
}

export async function uploadFile(client: S3Client, request: UploadRequest): Promise<UploadResult> {
  const { bucket, key } = request;
  const size = (await stat(request.file)).size;
  if (size > MAX_UPLOAD_BYTES) {
    throw new UserError(
      `${request.file} is ${(size / 1024 ** 3).toFixed(1)} GiB; uploads are limited to ` +
        `${MAX_UPLOAD_BYTES / 1024 ** 3} GiB here (upload it yourself and deploy it by its S3 location)`,
    );
  }
  const body = await readFile(request.file);
  const md5 = createHash('md5').update(body).digest('base64');
  try {
    const out = await client.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: body,
        ContentLength: body.length,
        ContentMD5: md5,
        ContentType: request.contentType ?? 'application/zip',
      }),
    );
    return {
      ...(out.ETag ? { eTag: out.ETag.replace(/^"|"$/g, '') } : {}),
      ...(out.VersionId ? { versionId: out.VersionId } : {}),
      bytes: body.length,
    };
  } catch (error) {
    throw s3Error(error, bucket, key);
  }
}

export function s3Error(error: unknown, bucket: string, key: string): Error {
  if (error instanceof UserError || !isAwsError(error))
    return error instanceof Error ? error : new Error(String(error));
  const name = (error as { name?: unknown }).name;
  const message = String((error as { message?: unknown }).message ?? '');
  const where = `s3://${bucket}/${key}`;
  const fail = (text: string) => new UserError(text, { cause: error });
  if (isAccessDenied(error)) {
    const reason = describeAwsError(error);
    const named = reason.startsWith('missing IAM permission')
      ? reason
      : `missing IAM permission s3:PutObject on arn:aws:s3:::${bucket}/${key}`;
    return fail(`uploading ${where}: ${named} (${String(name)}: ${message})`);
  }
  if (name === 'NoSuchBucket') {
    return fail(`uploading ${where}: the bucket "${bucket}" does not exist (check the bucket name and the AWS region)`);
  }
  if (
    name === 'PermanentRedirect' ||
    name === 'AuthorizationHeaderMalformed' ||
    name === 'IllegalLocationConstraintException'
  ) {
    return fail(
      `uploading ${where}: the bucket "${bucket}" is in another AWS region than the one configured (${message})`,
    );
  }
  return fail(`uploading ${where}: ${describeAwsError(error)}`);
}
