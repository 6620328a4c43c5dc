/**
 * UPLOAD_ARTIFACTS's upload: the artifact ZIPs the runner made from the buildspec's `artifacts` and
 * `secondary-artifacts` go into the emulated S3 where the project's ProjectArtifacts say (type S3), under the key
 * CodeBuild documents: `[path/][<build uuid>/ when namespaceType is BUILD_ID][name]` — a name of "/" adds nothing,
 * and with overrideArtifactName the buildspec's evaluated `name` replaces the project's. packaging ZIP stores the
 * ZIP at that key; NONE stores each file of the artifact under the key as a prefix, at its path in the artifact.
 */
import { readFile } from 'node:fs/promises';
import type { BuildArtifacts, ProjectArtifacts } from '@aws-sdk/client-codebuild';
import { readZip } from '../codedeploy/archive.js';
import type { S3Store } from '../services/s3-store.js';

/** One ZIP the runner made (src/runner/artifacts.ts ArtifactOutput). */
export interface MadeArtifact {
  /** Path of the ZIP file. */
  location: string;
  /** The buildspec's `name`, shell-evaluated. */
  name?: string;
  sha256sum?: string;
  md5sum?: string;
  /** For a secondary artifact. */
  artifactIdentifier?: string;
}

export class UploadError extends Error {}

const trimSlashes = (s: string): string => s.replace(/^\/+|\/+$/g, '');

/** The object key (ZIP) or key prefix (NONE) of an artifact; '' is the bucket's root. */
export function artifactKey(config: ProjectArtifacts, buildUuid: string, buildspecName?: string): string {
  const name = config.overrideArtifactName && buildspecName ? buildspecName : (config.name ?? '');
  return [config.path ?? '', config.namespaceType === 'BUILD_ID' ? buildUuid : '', name]
    .map(trimSlashes)
    .filter((p) => p !== '')
    .join('/');
}

/** Build.artifacts / Build.secondaryArtifacts[] before the upload: where the configuration says. */
export function plannedArtifact(config: ProjectArtifacts | undefined, buildUuid: string): BuildArtifacts {
  if (config?.type !== 'S3') {
    return config?.artifactIdentifier !== undefined
      ? { location: '', artifactIdentifier: config.artifactIdentifier }
      : { location: '' };
  }
  const key = artifactKey(config, buildUuid);
  return {
    location: `arn:aws:s3:::${config.location ?? ''}${key === '' ? '' : `/${key}`}`,
    encryptionDisabled: config.encryptionDisabled ?? false,
    ...(config.overrideArtifactName !== undefined ? { overrideArtifactName: config.overrideArtifactName } : {}),
    ...(config.artifactIdentifier !== undefined ? { artifactIdentifier: config.artifactIdentifier } : {}),
  };
}

/**
 * Uploads one artifact as `config` says; answers its Build.artifacts entry. Throws UploadError with the reason the
 * build's UPLOAD_ARTIFACTS fails with (a missing bucket, a ZIP without a key).
 */
export async function uploadArtifact(
  s3: S3Store,
  config: ProjectArtifacts,
  made: MadeArtifact,
  buildUuid: string,
): Promise<BuildArtifacts> {
  const bucket = config.location ?? '';
  if (s3.bucket(bucket) === undefined) {
    throw new UploadError(`NoSuchBucket: The specified bucket does not exist: ${bucket}`);
  }
  const key = artifactKey(config, buildUuid, made.name);
  const zip = await readFile(made.location);
  const zipped = config.packaging === 'ZIP';
  if (zipped) {
    if (key === '') throw new UploadError('a ZIP artifact needs a name or a path: its object key is empty');
    s3.putObject(bucket, key, zip, { contentType: 'application/zip' });
  } else {
    for (const entry of readZip(zip)) {
      if (entry.type === 'directory') continue;
      s3.putObject(bucket, key === '' ? entry.name : `${key}/${entry.name}`, entry.data);
    }
  }
  return {
    ...plannedArtifact(config, buildUuid),
    location: `arn:aws:s3:::${bucket}${key === '' ? '' : `/${key}`}`,
    // "available only if the build project's packaging value is set to ZIP" (BuildArtifacts).
    ...(zipped && made.sha256sum !== undefined ? { sha256sum: made.sha256sum } : {}),
    ...(zipped && made.md5sum !== undefined ? { md5sum: made.md5sum } : {}),
  };
}
