/** S3's errors, worded as S3 answers them; extra fields become elements of the `<Error>` document. */
import { AwsError } from '../errors.js';

export const noSuchBucket = (bucket: string): AwsError =>
  new AwsError('NoSuchBucket', 'The specified bucket does not exist', 404, { BucketName: bucket });

export const noSuchKey = (key: string): AwsError =>
  new AwsError('NoSuchKey', 'The specified key does not exist.', 404, { Key: key });

export const invalidArgument = (message: string, name: string, value: string): AwsError =>
  new AwsError('InvalidArgument', message, 400, { ArgumentName: name, ArgumentValue: value });

export const invalidRequest = (message: string): AwsError => new AwsError('InvalidRequest', message, 400);

export const incompleteBody = (): AwsError =>
  new AwsError(
    'IncompleteBody',
    'You did not provide the number of bytes specified by the Content-Length HTTP header',
    400,
  );

export const missingContentLength = (): AwsError =>
  new AwsError('MissingContentLength', 'You must provide the Content-Length HTTP header.', 411);

export const signatureDoesNotMatch = (details: Readonly<Record<string, string>> = {}): AwsError =>
  new AwsError(
    'SignatureDoesNotMatch',
    'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    403,
    {
      ...(details.accessKeyId !== undefined ? { AWSAccessKeyId: details.accessKeyId } : {}),
      ...(details.stringToSign !== undefined
        ? {
            StringToSign: details.stringToSign,
            SignatureProvided: details.signatureProvided ?? '',
            StringToSignBytes: hexBytes(details.stringToSign),
          }
        : {}),
      ...(details.canonicalRequest !== undefined
        ? { CanonicalRequest: details.canonicalRequest, CanonicalRequestBytes: hexBytes(details.canonicalRequest) }
        : {}),
    },
  );

/** S3 spells the bytes of the strings it echoes as space-separated two-digit hex. */
function hexBytes(s: string): string {
  return [...Buffer.from(s, 'utf8')].map((b) => b.toString(16).padStart(2, '0')).join(' ');
}
