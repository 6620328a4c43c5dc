/** Reading artifacts back from S3: the body streamed to a file, its stored checksum checked, errors worded for the user. */
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { downloadFile, listObjects, parseS3Arn } from '../../src/aws/s3-read.js';
import { UserError } from '../../src/core/errors.js';
import { FAKE_CREDENTIALS, serviceError } from './fake-aws.js';

const client = new S3Client({ region: 'us-east-1', credentials: FAKE_CREDENTIALS });
const mock = mockClient(client);
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'aws-cicd-s3-read-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => mock.reset());

/** A body that arrives in many chunks, as a socket gives it. */
function chunked(data: Buffer, size = 1000): Readable {
  const parts: Buffer[] = [];
  for (let i = 0; i < data.length; i += size) parts.push(data.subarray(i, i + size));
  return Readable.from(parts);
}

const DATA = Buffer.from(Array.from({ length: 50_000 }, (_, i) => i % 251));
const crcOf = (data: Buffer) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(crc32(data));
  return b.toString('base64');
};
const sha256Of = (data: Buffer) => createHash('sha256').update(data).digest('base64');

test('GetObject with ChecksumMode ENABLED, the body in chunks to the file, its CRC32 checked', async () => {
  mock.on(GetObjectCommand).callsFake(() => ({
    Body: chunked(DATA),
    ContentType: 'application/zip',
    ChecksumCRC32: crcOf(DATA),
    ChecksumType: 'FULL_OBJECT',
  }));
  const file = path.join(dir, 'a.bin');
  const got = await downloadFile(client, { bucket: 'art', key: 'app/a.zip', file });
  expect(got).toEqual({ bytes: DATA.length, contentType: 'application/zip', checked: 'CRC32' });
  expect(readFileSync(file).equals(DATA)).toBe(true);
  expect(mock.commandCalls(GetObjectCommand)[0]?.args[0].input).toEqual({
    Bucket: 'art',
    Key: 'app/a.zip',
    ChecksumMode: 'ENABLED',
  });
});

test('a SHA-256 or CRC32 that does not match the bytes is a UserError naming the object', async () => {
  const damaged = Buffer.from(DATA);
  damaged[777] = (damaged[777] ?? 0) ^ 1;
  mock.on(GetObjectCommand).callsFake(() => ({ Body: chunked(damaged), ChecksumSHA256: sha256Of(DATA) }));
  const file = path.join(dir, 'b.bin');
  const error = await downloadFile(client, { bucket: 'art', key: 'app/b.zip', file }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UserError);
  expect((error as Error).message).toMatch(
    /^s3:\/\/art\/app\/b\.zip: the downloaded bytes do not match the SHA256 checksum S3 stored/,
  );
  mock.on(GetObjectCommand).callsFake(() => ({ Body: chunked(damaged), ChecksumCRC32: crcOf(DATA) }));
  await expect(downloadFile(client, { bucket: 'art', key: 'app/b.zip', file })).rejects.toThrow(
    /do not match the CRC32 checksum/,
  );
  // The right bytes pass; a composite checksum of a multipart upload is not a whole-object one and is not checked.
  mock.on(GetObjectCommand).callsFake(() => ({ Body: chunked(DATA), ChecksumSHA256: sha256Of(DATA) }));
  expect((await downloadFile(client, { bucket: 'art', key: 'k', file })).checked).toBe('SHA256');
  mock.on(GetObjectCommand).callsFake(() => ({ Body: chunked(damaged), ChecksumCRC32: 'AAAAAA==-3' }));
  expect((await downloadFile(client, { bucket: 'art', key: 'k', file })).checked).toBeUndefined();
});

test('a missing object and a missing permission say bucket, key and the IAM action', async () => {
  const file = path.join(dir, 'c.bin');
  mock.on(GetObjectCommand).rejects(serviceError('NoSuchKey', 'The specified key does not exist.', 404));
  await expect(downloadFile(client, { bucket: 'art', key: 'app/gone.zip', file })).rejects.toThrow(
    'reading s3://art/app/gone.zip: the object does not exist (NoSuchKey): the build uploaded no artifact there',
  );
  mock.on(GetObjectCommand).rejects(serviceError('AccessDenied', 'Access Denied', 403));
  const denied = await downloadFile(client, { bucket: 'art', key: 'app/x.zip', file }).catch((e: unknown) => e);
  expect(denied).toBeInstanceOf(UserError);
  expect((denied as Error).message).toBe(
    'reading s3://art/app/x.zip: missing IAM permission s3:GetObject on arn:aws:s3:::art/app/x.zip (or the object ' +
      'does not exist and s3:ListBucket on arn:aws:s3:::art is not granted) (AccessDenied: Access Denied); ' +
      'aws-cicd iam-policy build --download-artifacts prints the policy',
  );
  mock.on(ListObjectsV2Command).rejects(serviceError('AccessDenied', 'Access Denied', 403));
  await expect(listObjects(client, 'art', 'app/site/')).rejects.toThrow(
    'missing IAM permission s3:ListBucket on arn:aws:s3:::art (prefix app/site/)',
  );
});

test('ListObjectsV2 is read to its last page', async () => {
  mock
    .on(ListObjectsV2Command, { Prefix: 'p/' })
    .resolvesOnce({ Contents: [{ Key: 'p/a', Size: 1 }], IsTruncated: true, NextContinuationToken: 't1' })
    .resolvesOnce({ Contents: [{ Key: 'p/b/c', Size: 2 }], IsTruncated: false });
  expect(await listObjects(client, 'art', 'p/')).toEqual([
    { key: 'p/a', size: 1 },
    { key: 'p/b/c', size: 2 },
  ]);
  expect(mock.commandCalls(ListObjectsV2Command)[1]?.args[0].input.ContinuationToken).toBe('t1');
});

test('artifact locations: S3 ARNs only', () => {
  expect(parseS3Arn('arn:aws:s3:::art/app/out.zip')).toEqual({ bucket: 'art', key: 'app/out.zip' });
  expect(parseS3Arn('arn:aws-cn:s3:::b')).toEqual({ bucket: 'b', key: '' });
  expect(parseS3Arn('s3://art/x')).toBeUndefined();
});
