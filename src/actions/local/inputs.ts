import { statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { UserError } from '../../common/errors.js';
import { InputReader, type RawInputs } from '../common/inputs.js';

/** Input names exactly as in actions/local/action.yml. */
export enum Inputs {
  Buildspec = 'buildspec',
  Source = 'source',
  Env = 'env',
  EnvFile = 'env-file',
  Project = 'project',
  Region = 'region',
  Artifacts = 'artifacts',
  TimeoutMinutes = 'timeout-minutes',
  Image = 'image',
}

export enum Outputs {
  BuildStatus = 'build-status',
  BuildId = 'build-id',
  ExportedVariables = 'exported-variables',
  Artifacts = 'artifacts',
  SecondaryArtifacts = 'secondary-artifacts',
  ReportJson = 'report-json',
}

export interface LocalSettings {
  readonly buildspec: string;
  readonly source: string;
  readonly env: ReadonlyArray<readonly [string, string]>;
  readonly envFile?: string;
  readonly project?: string;
  readonly region?: string;
  readonly artifactsDir: string;
  readonly timeoutMinutes: number;
  /** Run the build in a container of this image (docker, podman or buildah). */
  readonly image?: string;
}

/** Reads and checks the inputs; relative paths resolve against the workspace. */
export function readLocalInputs(raw: RawInputs, workspace: string): LocalSettings {
  const input = new InputReader(raw);
  const source = resolve(workspace, input.string(Inputs.Source) || '.');
  if (!statSync(source, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UserError(`input "${Inputs.Source}": ${source} is not a directory`);
  }
  const envFile = input.optional(Inputs.EnvFile);
  return {
    buildspec: input.string(Inputs.Buildspec) || 'buildspec.yml',
    source,
    env: input.pairs(Inputs.Env),
    envFile: envFile === undefined ? undefined : resolve(workspace, envFile),
    // CodeBuild's project name rule: the local build id and CODEBUILD_* values are made from it.
    project: input.matching(
      Inputs.Project,
      /^[A-Za-z0-9][A-Za-z0-9_-]{1,254}$/,
      'a CodeBuild project name (2 to 255 letters, digits, - and _, starting with a letter or digit)',
    ),
    region: input.region(Inputs.Region),
    artifactsDir: absolute(workspace, input.string(Inputs.Artifacts) || '.aws-cicd/artifacts'),
    // CodeBuild allows 5 to 2160 minutes; a local run may be shorter.
    timeoutMinutes: input.integer(Inputs.TimeoutMinutes, 60, { min: 1, max: 2160 }),
    image: input.matching(Inputs.Image, IMAGE_REFERENCE, 'an image reference such as registry/name:tag'),
  };
}

function absolute(base: string, path: string): string {
  return isAbsolute(path) ? path : resolve(base, path);
}

/** `[host[:port]/]path[:tag][@sha256:…]`, as container engines accept it (no blanks, no leading dash). */
const IMAGE_REFERENCE = /^[A-Za-z0-9][A-Za-z0-9._\-/:]*(@sha256:[0-9a-f]{64})?$/;
