import { isAbsolute, resolve } from 'node:path';
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
}

export enum Outputs {
  BuildStatus = 'build-status',
  BuildId = 'build-id',
  ExportedVariables = 'exported-variables',
  Artifacts = 'artifacts',
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
}

/** Reads and checks the inputs; relative paths resolve against the workspace. */
export function readLocalInputs(raw: RawInputs, workspace: string): LocalSettings {
  const input = new InputReader(raw);
  const source = resolve(workspace, input.string(Inputs.Source) || '.');
  const envFile = input.optional(Inputs.EnvFile);
  return {
    buildspec: input.string(Inputs.Buildspec) || 'buildspec.yml',
    source,
    env: input.pairs(Inputs.Env),
    envFile: envFile === undefined ? undefined : resolve(workspace, envFile),
    project: input.optional(Inputs.Project),
    region: input.optional(Inputs.Region),
    artifactsDir: absolute(workspace, input.string(Inputs.Artifacts) || '.aws-cicd/artifacts'),
    // CodeBuild allows 5 to 2160 minutes; a local run may be shorter.
    timeoutMinutes: input.integer(Inputs.TimeoutMinutes, 60, { min: 1, max: 2160 }),
  };
}

function absolute(base: string, path: string): string {
  return isAbsolute(path) ? path : resolve(base, path);
}
