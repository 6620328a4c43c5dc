/** The S3 client of download-artifacts, made from the build's environment when artifacts are to be downloaded. */
import type { ClientOptions } from '../aws/config.js';
import { createS3Client, s3DownloadApi, type S3DownloadApi } from '../aws/s3-read.js';

export function createArtifactsClient(opts: ClientOptions = {}): { api: S3DownloadApi; dispose(): void } {
  const client = createS3Client(opts);
  return { api: s3DownloadApi(client), dispose: () => client.destroy() };
}
