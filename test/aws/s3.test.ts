/** S3 upload: the body with its MD5, the ETag and version back, errors worded for the user. */
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createS3Client, uploadFile } from '../../src/aws/s3.js';
import { UserError } from '../../src/core/errors.js';
import { FAKE_CREDENTIALS, serviceError } from './fake-aws.js';

const client = new S3Client({ region: 'us-east-1', credentials: FAKE_CREDENTIALS });
const mock = mockClient(client);
const BODY = Buffer.from('PK\u0003\u0004 not really a zip');
let dir: string;
let file: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'aws-cicd-s3-'));
  file = path.join(dir, 'bundle.zip');
  writeFileSync(file, BODY);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => mock.reset());

test('PutObject with Content-MD5 and length; the ETag without quotes and the version id come back', async () => {
  mock.on(PutObjectCommand).resolves({ ETag: '"0123abcd"', VersionId: 'v-7' });
  const result = await uploadFile(client, { bucket: 'b', key: 'app/abc.zip', file });
  expect(result).toEqual({ eTag: '0123abcd', versionId: 'v-7', bytes: BODY.length });
  const input = mock.commandCalls(PutObjectCommand)[0]?.args[0].input;
  expect(input).toMatchObject({
    Bucket: 'b',
    Key: 'app/abc.zip',
    ContentLength: BODY.length,
    ContentType: 'application/zip',
  });
  expect(input?.ContentMD5).toBe(createHash('md5').update(BODY).digest('base64'));
});

test('a missing bucket and a missing permission are UserErrors that say what to do', async () => {
  mock.on(PutObjectCommand).rejects(serviceError('NoSuchBucket', 'The specified bucket does not exist', 404));
  await expect(uploadFile(client, { bucket: 'gone', key: 'k.zip', file })).rejects.toThrow(
    'uploading s3://gone/k.zip: the bucket "gone" does not exist (check the bucket name and the AWS region)',
  );
  mock.on(PutObjectCommand).rejects(serviceError('AccessDenied', 'Access Denied', 403));
  const denied = await uploadFile(client, { bucket: 'b', key: 'k.zip', file }).catch((e: unknown) => e);
  expect(denied).toBeInstanceOf(UserError);
  expect((denied as Error).message).toBe(
    'uploading s3://b/k.zip: missing IAM permission s3:PutObject on arn:aws:s3:::b/k.zip (AccessDenied: Access Denied)',
  );
});

test('with a configured endpoint buckets are addressed by path', async () => {
  const local = createS3Client({ region: 'us-east-1', env: { AWS_ENDPOINT_URL: 'http://127.0.0.1:4566' } });
  expect(await local.config.forcePathStyle).toBe(true);
  const aws = createS3Client({ region: 'us-east-1', env: {} });
  expect(await aws.config.forcePathStyle).toBe(false);
  local.destroy();
  aws.destroy();
});
