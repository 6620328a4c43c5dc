/**
 * The build environment: the variables CodeBuild's agent sets (§6 of the semantics), the env file and overrides,
 * and their precedence (§3.3): image (the runner's own environment) < agent variables < buildspec `variables` <
 * parameter-store / secrets-manager < project (env file) < StartBuild overrides (`--env`).
 */
import { withoutCredentials } from '../core/url.js';
import { execFile } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { NamedValue } from '../buildspec/types.js';
import { UserError } from '../core/errors.js';

export type EnvEntries = ReadonlyArray<readonly [name: string, value: string]>;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The local agent's env file (`-e`), used as project-level variables: one `NAME=VALUE` per line, lines starting
 * with `#` and blank lines ignored, values taken literally (quotes are kept). A bare `NAME` takes the runner's
 * value when it has one (as Docker's env files do).
 */
export function parseEnvFile(text: string, file: string, runnerEnv: NodeJS.ProcessEnv = {}): EnvEntries {
  const out: Array<readonly [string, string]> = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).replace(/\r$/, '');
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const eq = line.indexOf('=');
    const name = (eq < 0 ? line : line.slice(0, eq)).trim();
    if (!NAME.test(name)) {
      throw new UserError(`${file}:${i + 1}: expected NAME=VALUE, got ${JSON.stringify(line)}`, { exitCode: 2 });
    }
    if (eq < 0) {
      const value = runnerEnv[name];
      if (value !== undefined) out.push([name, value]);
    } else out.push([name, line.slice(eq + 1)]);
  }
  return out;
}

/** `--env NAME=VALUE`: the value is everything after the first `=`, taken literally. */
export function parseEnvAssignment(text: string): readonly [string, string] {
  const eq = text.indexOf('=');
  const name = eq < 0 ? text : text.slice(0, eq);
  if (eq < 0 || !NAME.test(name)) {
    throw new UserError(`--env expects NAME=VALUE, got ${JSON.stringify(text)}`, { exitCode: 2 });
  }
  return [name, text.slice(eq + 1)];
}

/** Who and what a build is: the values behind the CODEBUILD_* variables and the result's identity fields. */
export interface BuildIdentity {
  readonly projectName: string;
  /** The `<uuid>` part of the build id; also CODEBUILD_LOG_PATH. */
  readonly uuid: string;
  readonly buildId: string;
  readonly buildNumber: number;
  readonly arn: string;
  readonly projectArn: string;
  readonly region?: string;
  readonly accountId: string;
  readonly initiator: string;
  /** Epoch milliseconds. */
  readonly startTime: number;
  readonly srcDir: string;
  readonly sourceVersion?: string;
  readonly resolvedSourceVersion?: string;
  readonly batchIdentifier?: string;
  /** CODEBUILD_SOURCE_REPO_URL: the source's `remote.origin.url`, credentials removed (withoutCredentials). */
  readonly sourceRepoUrl?: string;
}

export const LOCAL_ACCOUNT_ID = '000000000000';

export function makeIdentity(input: {
  projectName: string;
  uuid: string;
  buildNumber: number;
  region?: string;
  accountId?: string;
  initiator: string;
  startTime: number;
  srcDir: string;
  sourceVersion?: string;
  resolvedSourceVersion?: string;
  batchIdentifier?: string;
  sourceRepoUrl?: string;
}): BuildIdentity {
  const buildId = `${input.projectName}:${input.uuid}`;
  const region = input.region ?? '';
  const accountId = input.accountId ?? LOCAL_ACCOUNT_ID;
  return {
    ...input,
    buildId,
    accountId,
    arn: `arn:aws:codebuild:${region}:${accountId}:build/${buildId}`,
    projectArn: `arn:aws:codebuild:${region}:${accountId}:project/${input.projectName}`,
    sourceVersion: input.sourceVersion ?? input.resolvedSourceVersion,
  };
}

/** The variables the agent sets (CODEBUILD_BUILD_SUCCEEDING is the engine's, per phase). */
export function agentVariables(id: BuildIdentity): Record<string, string> {
  const vars: Record<string, string> = {
    CODEBUILD_BUILD_ARN: id.arn,
    CODEBUILD_BUILD_ID: id.buildId,
    CODEBUILD_BUILD_NUMBER: String(id.buildNumber),
    CODEBUILD_BUILD_SUCCEEDING: '1',
    CODEBUILD_INITIATOR: id.initiator,
    CODEBUILD_LOG_PATH: id.uuid,
    CODEBUILD_PROJECT_ARN: id.projectArn,
    CODEBUILD_SRC_DIR: id.srcDir,
    CODEBUILD_START_TIME: String(Math.floor(id.startTime)),
  };
  if (id.resolvedSourceVersion !== undefined) vars.CODEBUILD_RESOLVED_SOURCE_VERSION = id.resolvedSourceVersion;
  if (id.sourceVersion !== undefined) vars.CODEBUILD_SOURCE_VERSION = id.sourceVersion;
  if (id.batchIdentifier !== undefined) vars.CODEBUILD_BATCH_BUILD_IDENTIFIER = id.batchIdentifier;
  if (id.sourceRepoUrl !== undefined) vars.CODEBUILD_SOURCE_REPO_URL = id.sourceRepoUrl;
  if (id.region !== undefined && id.region !== '') {
    vars.AWS_REGION = id.region;
    vars.AWS_DEFAULT_REGION = id.region;
  }
  return vars;
}

/** The region a build runs in: --region, else the runner's AWS_REGION / AWS_DEFAULT_REGION. */
export function buildRegion(explicit: string | undefined, runnerEnv: NodeJS.ProcessEnv): string | undefined {
  return explicit || runnerEnv.AWS_REGION || runnerEnv.AWS_DEFAULT_REGION || undefined;
}

export interface EnvironmentLayers {
  /** The runner's own environment: the "image". */
  readonly image: NodeJS.ProcessEnv;
  readonly agent: Readonly<Record<string, string>>;
  /** buildspec env.variables, literal. */
  readonly buildspec: readonly NamedValue[];
  /** parameter-store and secrets-manager values. */
  readonly resolved: ReadonlyMap<string, string>;
  /** Project level: the env file. */
  readonly project: EnvEntries;
  /** StartBuild overrides: --env. */
  readonly overrides: EnvEntries;
}

/** Merges the layers, lowest first: a later layer replaces a variable of the same name. */
export function mergeEnvironment(layers: EnvironmentLayers): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(layers.image)) if (v !== undefined) env[k] = v;
  Object.assign(env, layers.agent);
  for (const v of layers.buildspec) env[v.name] = v.value;
  for (const [k, v] of layers.resolved) env[k] = v;
  for (const [k, v] of layers.project) env[k] = v;
  for (const [k, v] of layers.overrides) env[k] = v;
  return env;
}

const execFileAsync = promisify(execFile);

/** A git command's trimmed output in `dir`; undefined when it fails (no git, not a repository, nothing there). */
async function gitOutput(dir: string, args: readonly string[]): Promise<string | undefined> {
  try {
    const { stdout } = await execFileAsync('git', [...args], {
      cwd: dir,
      timeout: 10_000,
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
    });
    return stdout.trim();
  } catch {
    return undefined;
  }
}

/** HEAD's commit when `dir` is in a git work tree; undefined otherwise (no git, not a repository, no commit). */
export async function gitHead(dir: string): Promise<string | undefined> {
  const sha = await gitOutput(dir, ['rev-parse', '--verify', '--quiet', 'HEAD']);
  return sha !== undefined && /^[0-9a-f]{40,64}$/.test(sha) ? sha : undefined;
}

/** The source's `remote.origin.url`, credentials removed; undefined when it has none (or git is missing). */
export async function gitRemoteUrl(dir: string): Promise<string | undefined> {
  const url = await gitOutput(dir, ['config', '--get', 'remote.origin.url']);
  return url ? withoutCredentials(url) : undefined;
}

/**
 * A buildspec report group key as CodeBuild names the group (spec §3.6): a name `unit` of project `shop` is the
 * group `shop-unit`; an ARN names its group itself (`…:report-group/<name>`).
 */
export function reportGroupIdentity(
  key: string,
  id: Pick<BuildIdentity, 'projectName' | 'region' | 'accountId'>,
): { reportGroupName: string; reportGroupArn: string } {
  if (key.startsWith('arn:')) {
    const slash = key.indexOf('report-group/');
    return { reportGroupName: slash < 0 ? key : key.slice(slash + 'report-group/'.length), reportGroupArn: key };
  }
  const name = `${id.projectName}-${key}`;
  return {
    reportGroupName: name,
    reportGroupArn: `arn:aws:codebuild:${id.region ?? ''}:${id.accountId}:report-group/${name}`,
  };
}

/**
 * The next build number of a project, kept in `<stateDir>/build-numbers.json` ({ project: last }). Safe between
 * processes: the update holds a lock file.
 */
export function nextBuildNumber(stateDir: string, project: string): number {
  mkdirSync(stateDir, { recursive: true });
  const file = path.join(stateDir, 'build-numbers.json');
  const lock = file + '.lock';
  const fd = acquireLock(lock);
  try {
    let numbers: Record<string, number> = {};
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (parsed !== null && typeof parsed === 'object') numbers = parsed as Record<string, number>;
    } catch {
      // First build, or an unreadable file: start again.
    }
    const last = numbers[project];
    const next = (typeof last === 'number' && Number.isInteger(last) && last > 0 ? last : 0) + 1;
    numbers[project] = next;
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(numbers, null, 2) + '\n');
    renameSync(tmp, file);
    return next;
  } finally {
    closeSync(fd);
    rmSync(lock, { force: true });
  }
}

function acquireLock(lock: string): number {
  const deadline = Date.now() + 5000;
  for (;;) {
    try {
      return openSync(lock, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (Date.now() > deadline) {
        rmSync(lock, { force: true }); // a lock left by a crashed run
        continue;
      }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
  }
}
