import { readFileSync } from 'node:fs';
import { UserError } from '../../common/errors.js';
import type { LogsOption } from '../../codebuild/context.js';
import type { EnvVar, StartSettings } from '../../codebuild/start.js';
import { InputReader, isVariableName, type RawInputs } from '../common/inputs.js';

/** Input names exactly as in action.yml. */
export enum Inputs {
  ProjectName = 'project-name',
  SourceVersion = 'source-version',
  Buildspec = 'buildspec',
  Env = 'env',
  EnvParameterStore = 'env-parameter-store',
  EnvSecretsManager = 'env-secrets-manager',
  Image = 'image',
  ComputeType = 'compute-type',
  PrivilegedMode = 'privileged-mode',
  TimeoutMinutes = 'timeout-minutes',
  Fleet = 'fleet',
  StartBuildJson = 'start-build-json',
  Batch = 'batch',
  Wait = 'wait',
  BuildId = 'build-id',
  Logs = 'logs',
}

export enum Outputs {
  BuildId = 'build-id',
  LogsUrl = 'logs-url',
  BuildNumber = 'build-number',
  BuildStatus = 'build-status',
  FailedPhase = 'failed-phase',
  ExportedVariables = 'exported-variables',
  ArtifactsLocation = 'artifacts-location',
  Phases = 'phases',
}

export type BatchOption = 'auto' | 'true' | 'false';

export interface BuildActionSettings {
  /** build-id: follow this build instead of starting one. */
  readonly attach?: string;
  /** What to start (everything but the buildspec override and the idempotency token). */
  readonly start?: Omit<StartSettings, 'buildspec' | 'idempotencyToken'>;
  /** The buildspec input as given: a path or inline YAML. */
  readonly buildspec?: string;
  readonly batch: BatchOption;
  readonly wait: boolean;
  readonly logs: LogsOption;
}

/** Reads and checks the inputs (nothing here calls AWS). `env` is the runner's environment. */
export function readBuildInputs(raw: RawInputs, env: NodeJS.ProcessEnv): BuildActionSettings {
  const input = new InputReader(raw);
  const common = {
    batch: input.oneOf<BatchOption>(Inputs.Batch, ['auto', 'true', 'false'], 'auto'),
    wait: input.boolean(Inputs.Wait, true),
    logs: input.oneOf<LogsOption>(Inputs.Logs, ['live', 'poll', 'off'], 'live'),
  };
  const attach = input.optional(Inputs.BuildId);
  if (attach !== undefined) return { attach, ...common };

  const projectName = input.optional(Inputs.ProjectName);
  if (projectName === undefined) throw new UserError(`input "${Inputs.ProjectName}" is required (or give "build-id")`);
  const privileged = input.optional(Inputs.PrivilegedMode);
  const timeout = input.optional(Inputs.TimeoutMinutes);
  const rawBuildspec = raw(Inputs.Buildspec);
  const envVars: EnvVar[] = [
    ...plainVariables(input, env),
    ...references(input, Inputs.EnvParameterStore, 'PARAMETER_STORE'),
    ...references(input, Inputs.EnvSecretsManager, 'SECRETS_MANAGER'),
  ];
  return {
    ...common,
    buildspec: rawBuildspec.trim() === '' ? undefined : rawBuildspec,
    start: {
      projectName,
      sourceVersion: input.optional(Inputs.SourceVersion) ?? defaultSourceVersion(env),
      env: envVars,
      image: input.optional(Inputs.Image),
      computeType: input.optional(Inputs.ComputeType),
      privilegedMode: privileged === undefined ? undefined : input.boolean(Inputs.PrivilegedMode, false),
      timeoutMinutes:
        timeout === undefined ? undefined : input.integer(Inputs.TimeoutMinutes, 60, { min: 5, max: 2160 }),
      fleet: input.optional(Inputs.Fleet),
      startBuildJson: input.optional(Inputs.StartBuildJson),
    },
  };
}

/**
 * `env`: NAME=VALUE lines, sent as PLAINTEXT; a bare NAME forwards the runner's variable of that name. Nothing of the
 * runner's environment (GITHUB_* included) goes to the build unless named here.
 */
function plainVariables(input: InputReader, env: NodeJS.ProcessEnv): EnvVar[] {
  return input.lines(Inputs.Env).map((line, index) => {
    const eq = line.indexOf('=');
    const name = (eq < 0 ? line : line.slice(0, eq)).trim();
    if (!isVariableName(name)) {
      throw new UserError(
        `input "${Inputs.Env}", line ${index + 1}: expected NAME=VALUE or NAME, NAME made of letters, digits and _; got "${name}"`,
      );
    }
    if (eq >= 0) return { name, value: line.slice(eq + 1), type: 'PLAINTEXT' as const };
    const value = env[name];
    if (value === undefined) {
      throw new UserError(`input "${Inputs.Env}", line ${index + 1}: ${name} is not set on the runner`);
    }
    return { name, value, type: 'PLAINTEXT' as const };
  });
}

function references(input: InputReader, name: Inputs, type: EnvVar['type']): EnvVar[] {
  return input.pairs(name).map(([variable, reference]) => ({ name: variable, value: reference.trim(), type }));
}

/** The commit to build: a pull request's head (not the merge commit GITHUB_SHA names), else GITHUB_SHA. */
export function defaultSourceVersion(env: NodeJS.ProcessEnv): string | undefined {
  const event = env.GITHUB_EVENT_NAME;
  if ((event === 'pull_request' || event === 'pull_request_target') && env.GITHUB_EVENT_PATH) {
    try {
      const payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as {
        pull_request?: { head?: { sha?: unknown } };
      };
      const sha = payload.pull_request?.head?.sha;
      if (typeof sha === 'string' && sha !== '') return sha;
    } catch {
      // No readable event payload: fall back to GITHUB_SHA.
    }
  }
  return env.GITHUB_SHA?.trim() || undefined;
}
