/**
 * The deploy action's and `aws-cicd deploy`'s shared core: prepare the revision (zip and upload a checked folder, or
 * name a GitHub commit), create the deployment, and follow it (follow.ts).
 */
import type { CodeDeployApi } from '../aws/codedeploy.js';
import type { S3Api } from '../aws/s3.js';
import {
  createDeploymentInput,
  gitHubRevision,
  uploadRevision,
  type DeploySettings,
  type PreparedRevision,
  type RevisionSource,
} from './revision.js';

export interface CreateRequest {
  readonly settings: DeploySettings;
  readonly source: RevisionSource;
  /** The commit the bundle was made from, for the default S3 key. */
  readonly commit?: string;
  readonly tmpDir?: string;
}

export interface CreatedDeployment {
  readonly id: string;
  readonly prepared: PreparedRevision;
}

/** Uploads the revision when it is a folder, then CreateDeployment. `say` gets one line per step. */
export async function createDeployment(
  request: CreateRequest,
  clients: { readonly codedeploy: CodeDeployApi; readonly s3: S3Api },
  say: (text: string) => void,
): Promise<CreatedDeployment> {
  const { settings, source } = request;
  let prepared: PreparedRevision;
  if (source.kind === 's3') {
    prepared = await uploadRevision(source, clients.s3, {
      application: settings.application,
      ...(request.commit !== undefined ? { commit: request.commit } : {}),
      ...(request.tmpDir !== undefined ? { tmpDir: request.tmpDir } : {}),
    });
    say(
      `Uploaded the bundle (${prepared.files ?? 0} files, ${formatBytes(prepared.bytes ?? 0)}) to ${prepared.location}`,
    );
  } else {
    prepared = gitHubRevision(source);
  }
  const id = await clients.codedeploy.createDeployment(createDeploymentInput(settings, prepared.revision));
  say(`Created deployment ${id} of ${prepared.location} to ${settings.application}/${settings.deploymentGroup}`);
  return { id, prepared };
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
