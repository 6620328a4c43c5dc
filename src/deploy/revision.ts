/**
 * What a deployment deploys and the CreateDeployment request: an S3 revision (a folder zipped and uploaded, pinned by
 * its ETag and version) or a GitHub revision (repository and commit). Every check happens before any API call.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CreateDeploymentCommandInput, RevisionLocation } from '../aws/codedeploy.js';
import type { S3Api } from '../aws/s3.js';
import { UserError } from '../core/errors.js';
import { zipFolder } from './bundle.js';
import type { FILE_EXISTS_BEHAVIORS } from '../appspec/types.js';

export interface S3Source {
  readonly kind: 's3';
  /** The bundle folder (absolute). */
  readonly folder: string;
  readonly bucket: string;
  /** Default: defaultKey(...). */
  readonly key?: string;
}

export interface GitHubSource {
  readonly kind: 'github';
  /** owner/name */
  readonly repository: string;
  /** The full 40-character commit id. */
  readonly commitId: string;
}

export type RevisionSource = S3Source | GitHubSource;

export type FileExistsOption = (typeof FILE_EXISTS_BEHAVIORS)[number];

export interface DeploySettings {
  readonly application: string;
  readonly deploymentGroup: string;
  readonly deploymentConfig?: string;
  readonly description?: string;
  readonly fileExistsBehavior?: FileExistsOption;
  readonly ignoreApplicationStopFailures?: boolean;
}

/** CodeDeploy's limit on a deployment description. */
export const MAX_DESCRIPTION = 512;

/** Refuses a GitHub revision CodeDeploy would refuse: owner/name, and a full commit id (not a branch or short id). */
export function checkGitHubSource(source: GitHubSource, names = { repository: 'repository', commit: 'commit' }): void {
  if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(source.repository)) {
    throw new UserError(`${names.repository}: expected owner/name; got "${source.repository}"`);
  }
  if (!/^[0-9a-f]{40}$/i.test(source.commitId)) {
    throw new UserError(
      `${names.commit}: CodeDeploy needs the full 40-character commit id of a GitHub revision; got "${source.commitId}"`,
    );
  }
}

/** `<application>/<commit>-<content hash>.zip`, or without a commit `<application>/<content hash>.zip`. */
export function defaultKey(application: string, commit: string | undefined, sha256: string): string {
  const hash = sha256.slice(0, 12);
  return `${application}/${commit ? `${commit}-${hash}` : hash}.zip`;
}

export interface PreparedRevision {
  readonly revision: RevisionLocation;
  /** s3://bucket/key or owner/name@commit, for messages. */
  readonly location: string;
  readonly bytes?: number;
  readonly files?: number;
}

/** Zips the folder and uploads it; the revision pins the object by ETag (and version, on a versioned bucket). */
export async function uploadRevision(
  source: S3Source,
  s3: S3Api,
  options: { application: string; commit?: string; tmpDir?: string },
): Promise<PreparedRevision> {
  const dir = await mkdtemp(path.join(options.tmpDir ?? tmpdir(), 'aws-cicd-bundle-'));
  try {
    const file = path.join(dir, 'bundle.zip');
    const zip = await zipFolder(source.folder, file);
    const key = source.key ?? defaultKey(options.application, options.commit, await sha256File(file));
    const uploaded = await s3.uploadFile({ bucket: source.bucket, key, file });
    return {
      revision: {
        revisionType: 'S3',
        s3Location: {
          bucket: source.bucket,
          key,
          bundleType: 'zip',
          ...(uploaded.eTag ? { eTag: uploaded.eTag } : {}),
          ...(uploaded.versionId ? { version: uploaded.versionId } : {}),
        },
      },
      location: `s3://${source.bucket}/${key}${uploaded.versionId ? ` (version ${uploaded.versionId})` : ''}`,
      bytes: zip.bytes,
      files: zip.entries,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function gitHubRevision(source: GitHubSource): PreparedRevision {
  checkGitHubSource(source);
  return {
    revision: { revisionType: 'GitHub', gitHubLocation: { repository: source.repository, commitId: source.commitId } },
    location: `${source.repository}@${source.commitId}`,
  };
}

export function createDeploymentInput(
  settings: DeploySettings,
  revision: RevisionLocation,
): CreateDeploymentCommandInput {
  const description = settings.description?.slice(0, MAX_DESCRIPTION);
  return {
    applicationName: settings.application,
    deploymentGroupName: settings.deploymentGroup,
    revision,
    ...(settings.deploymentConfig !== undefined ? { deploymentConfigName: settings.deploymentConfig } : {}),
    ...(description ? { description } : {}),
    ...(settings.fileExistsBehavior !== undefined ? { fileExistsBehavior: settings.fileExistsBehavior } : {}),
    ...(settings.ignoreApplicationStopFailures !== undefined
      ? { ignoreApplicationStopFailures: settings.ignoreApplicationStopFailures }
      : {}),
  };
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
