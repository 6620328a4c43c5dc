/**
 * A local build from the caller's point of view: works out the build's identity (project, build number, git
 * commit, region), reads the env file, creates and removes the scratch directory, and runs the engine with the
 * real clock, spawner and uuid unless told otherwise.
 */
import { spawn as nodeSpawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Buildspec } from '../buildspec/types.js';
import { UserError } from '../core/errors.js';
import { runBuild } from './engine.js';
import {
  buildRegion,
  gitHead,
  gitRemoteUrl,
  makeIdentity,
  nextBuildNumber,
  parseEnvAssignment,
  parseEnvFile,
  type EnvEntries,
} from './env.js';
import { currentUser } from './run-as.js';
import { defaultCacheDir } from './cache.js';
import { defaultSteps, noAwsEnvResolver } from './steps.js';
import type { AwsEnvResolver, BuildResult, BuildSteps, Clock, RunSink, Spawner } from './types.js';

export interface LocalBuildOptions {
  readonly buildspec: Buildspec;
  /** Path of the buildspec file (for the log). */
  readonly buildspecPath: string;
  /** CODEBUILD_SRC_DIR. */
  readonly srcDir: string;
  /** Default: the source folder's name. */
  readonly projectName?: string;
  /** Default: the project's next number, counted in the state folder. */
  readonly buildNumber?: number;
  /** Project-level variables file (NAME=VALUE lines). */
  readonly envFile?: string;
  /** StartBuild overrides, `NAME=VALUE` each. */
  readonly env?: readonly string[];
  /** More values to mask as `***` (e.g. overrides of type PARAMETER_STORE / SECRETS_MANAGER). */
  readonly maskValues?: readonly string[];
  /** Default: the runner's AWS_REGION / AWS_DEFAULT_REGION. */
  readonly region?: string;
  /** Default: 000000000000. */
  readonly accountId?: string;
  /** Where artifact ZIPs go. Default: `<stateDir>/artifacts`. */
  readonly artifactsDir?: string;
  /** Build numbers and other local state. Default: `<srcDir>/.aws-cicd`. */
  readonly stateDir?: string;
  /** Root of the local build cache. Default: defaultCacheDir (`~/.cache/aws-cicd`). */
  readonly cacheDir?: string;
  /** Default 60. */
  readonly timeoutMinutes?: number;
  /** CODEBUILD_SOURCE_VERSION; default: the resolved commit. */
  readonly sourceVersion?: string;
  readonly batchIdentifier?: string;
  readonly signal?: AbortSignal;
  /** The "image" environment. Default: the runner's process.env. */
  readonly image?: NodeJS.ProcessEnv;
}

export interface LocalBuildDeps {
  readonly sink: RunSink;
  readonly clock?: Clock;
  readonly uuid?: () => string;
  readonly spawn?: Spawner;
  /** Parameter Store and Secrets Manager (aws/buildspec-env.ts awsEnvResolver); default: none (noAwsEnvResolver). */
  readonly resolveAwsEnv?: AwsEnvResolver;
  /** Default: defaultSteps (artifacts ZIPs into artifactsDir, reports, the local cache). */
  readonly steps?: BuildSteps;
  /** Parent of the scratch directory (scripts, state files). Default: scratchRoot(). */
  readonly tmpDir?: string;
}

export const DEFAULT_TIMEOUT_MINUTES = 60;

/**
 * Where builds keep their scratch files: /dev/shm when it is a writable tmpfs folder (the runner writes a small
 * file per command; in memory that costs nothing), else the OS temp dir.
 */
export function scratchRoot(): string {
  try {
    accessSync('/dev/shm', constants.W_OK | constants.X_OK);
    if (statSync('/dev/shm').isDirectory()) return '/dev/shm';
  } catch {
    // No /dev/shm here (macOS, some containers).
  }
  return tmpdir();
}

export const systemClock: Clock = { now: () => performance.timeOrigin + performance.now() };

export async function runLocalBuild(options: LocalBuildOptions, deps: LocalBuildDeps): Promise<BuildResult> {
  const srcDir = path.resolve(options.srcDir);
  const image = options.image ?? process.env;
  const stateDir = path.resolve(srcDir, options.stateDir ?? '.aws-cicd');
  const artifactsDir = path.resolve(srcDir, options.artifactsDir ?? path.join(stateDir, 'artifacts'));
  const projectName = options.projectName ?? (path.basename(srcDir) || 'local');
  const timeoutMinutes = options.timeoutMinutes ?? DEFAULT_TIMEOUT_MINUTES;
  if (!(timeoutMinutes > 0)) throw new UserError('the timeout must be a positive number of minutes', { exitCode: 2 });
  const project = readEnvFile(options.envFile, image);
  const overrides: EnvEntries = (options.env ?? []).map(parseEnvAssignment);
  const region = buildRegion(options.region, image);
  const cacheDir = path.resolve(srcDir, options.cacheDir ?? defaultCacheDir(image));
  const clock = deps.clock ?? systemClock;
  const startTime = clock.now();
  const [resolvedSourceVersion, sourceRepoUrl] = await Promise.all([gitHead(srcDir), gitRemoteUrl(srcDir)]);
  const identity = makeIdentity({
    projectName,
    uuid: (deps.uuid ?? randomUUID)(),
    buildNumber: options.buildNumber ?? nextBuildNumber(stateDir, projectName),
    region,
    accountId: options.accountId,
    initiator: currentUser().name,
    startTime,
    srcDir,
    sourceVersion: options.sourceVersion,
    resolvedSourceVersion,
    batchIdentifier: options.batchIdentifier,
    sourceRepoUrl,
  });
  const workDir = mkdtempSync(path.join(deps.tmpDir ?? scratchRoot(), 'aws-cicd-build-'));
  try {
    return await runBuild(
      {
        buildspec: options.buildspec,
        buildspecPath: options.buildspecPath,
        identity,
        image,
        project,
        overrides,
        timeoutMinutes,
        signal: options.signal,
        maskValues: options.maskValues,
      },
      {
        sink: deps.sink,
        clock,
        spawn: deps.spawn ?? ((command, args, opts) => nodeSpawn(command, args, opts)),
        workDir,
        resolveAwsEnv: deps.resolveAwsEnv ?? noAwsEnvResolver,
        steps: deps.steps ?? defaultSteps({ artifactsDir, cacheDir, ignore: [stateDir] }),
      },
    );
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

function readEnvFile(file: string | undefined, image: NodeJS.ProcessEnv): EnvEntries {
  if (file === undefined) return [];
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    throw new UserError(`cannot read the env file ${file}: ${reason}`, { exitCode: 2 });
  }
  return parseEnvFile(text, file, image);
}
