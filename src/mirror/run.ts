/**
 * The mirror use case, behind the mirror action and `aws-cicd mirror`: check the options, mirror the source's
 * branches and tags into CodeCommit (mirror.ts), and report what was pushed: outputs, the job summary, the refs
 * CodeCommit refused.
 */
import { parseTarget } from '../aws/codecommit-git.js';
import type { CodeCommitApi } from '../aws/codecommit.js';
import { resolveRegion } from '../aws/config.js';
import { UserError } from '../core/errors.js';
import type { OptionNaming } from '../core/options.js';
import type { Failure, Reporter } from '../core/reporter.js';
import path from 'node:path';
import type { GitSpawner } from './git.js';
import type { MirrorResult, MirrorSettings } from './mirror.js';
import type { MirrorOptions } from './options.js';
import { countPlan, type PlanEntry } from './plan.js';
import { compilePattern } from './refs.js';
import { summaryMarkdown } from './report.js';
import { parseTags } from './tags.js';

export interface MirrorDeps {
  /** git's and the credential helper's environment (AWS credentials, CODE_COMMIT_ENDPOINT, proxies). */
  readonly env: NodeJS.ProcessEnv;
  /** Where the source option resolves (the workspace, the current directory). */
  readonly cwd: string;
  readonly naming: OptionNaming;
  /** The command that runs this program: git calls it back as the credential helper. */
  readonly self: readonly string[];
  /** The token for fetching from GitHub when the option gives none (the CLI: GITHUB_TOKEN or GH_TOKEN). */
  readonly githubToken?: string;
  /** The branch pushed first into an empty repository when the option gives none (the action: GitHub's default). */
  readonly defaultBranch?: string;
  readonly codecommit?: CodeCommitApi;
  readonly spawn?: GitSpawner;
  readonly signal?: AbortSignal;
  readonly tmpDir?: string;
}

export interface MirrorRun {
  readonly result?: MirrorResult;
  readonly failure?: Failure;
}

/** Output names, as in actions/mirror/action.yml. */
export const MIRROR_OUTPUTS = {
  repositoryUrl: 'repository-url',
  grcUrl: 'grc-url',
  refsCreated: 'refs-created',
  refsUpdated: 'refs-updated',
  refsDeleted: 'refs-deleted',
  headSha: 'head-sha',
} as const;

/** What the options ask to mirror, checked before anything runs; mistakes named as the face names its options. */
export function mirrorSettings(
  options: MirrorOptions,
  deps: Pick<MirrorDeps, 'env' | 'cwd' | 'naming' | 'githubToken' | 'defaultBranch'>,
): MirrorSettings {
  try {
    return checkedSettings(options, deps);
  } catch (error) {
    // A mistake in the options is bad input (the CLI's exit status 2), whichever check found it.
    if (error instanceof UserError && error.exitCode !== 2) throw new UserError(error.message, { exitCode: 2 });
    throw error;
  }
}

function checkedSettings(
  options: MirrorOptions,
  deps: Pick<MirrorDeps, 'env' | 'cwd' | 'naming' | 'githubToken' | 'defaultBranch'>,
): MirrorSettings {
  const name = deps.naming;
  const usage = (message: string): UserError => new UserError(message, { exitCode: 2 });
  const target = parseTarget(options.repository, name('repository'));
  if (options.region && target.region && options.region !== target.region) {
    throw usage(`${name('region')} is ${options.region} but ${name('repository')} names ${target.region}`);
  }
  const description = options.repositoryDescription;
  if (description !== undefined && description.length > 1000) {
    throw usage(`${name('repositoryDescription')} is longer than CodeCommit's 1,000 characters`);
  }
  const patterns = (key: 'include' | 'exclude' | 'protect'): string[] => {
    // One per line, or separated by spaces (a ref name has none); each is checked here.
    const list = options[key].flatMap((line) => line.split(/\s+/).filter((p) => p !== ''));
    for (const p of list) compilePattern(p, name(key));
    return list;
  };
  const token = options.githubToken ?? deps.githubToken;
  const defaultBranch = options.defaultBranch ?? deps.defaultBranch;
  return {
    repository: target.repository,
    region: resolveRegion(options.region ?? target.region, deps.env),
    source: path.resolve(deps.cwd, options.source),
    include: patterns('include'),
    exclude: patterns('exclude'),
    prune: options.prune,
    protect: patterns('protect'),
    onRewind: options.onRewind,
    dryRun: options.dryRun,
    createRepository: options.createRepository,
    ...(description !== undefined ? { description } : {}),
    ...(options.kmsKeyId !== undefined ? { kmsKeyId: options.kmsKeyId } : {}),
    tags: parseTags(options.tags, name('tags')),
    ...(token ? { githubToken: token } : {}),
    ...(deps.env.GITHUB_SERVER_URL ? { githubServerUrl: deps.env.GITHUB_SERVER_URL } : {}),
    ...(defaultBranch ? { defaultBranch } : {}),
  };
}

export async function runMirror(options: MirrorOptions, reporter: Reporter, deps: MirrorDeps): Promise<MirrorRun> {
  const settings = mirrorSettings(options, deps);
  // The token is masked before anything can print it, even before the first call.
  if (settings.githubToken) reporter.mask(settings.githubToken);
  const { mirror, MirrorError } = await import('./mirror.js');
  let client = deps.codecommit;
  let destroy = (): void => undefined;
  if (client === undefined) {
    const { createCodeCommitClient } = await import('../aws/codecommit.js');
    const made = createCodeCommitClient({ region: settings.region, env: deps.env });
    client = made;
    destroy = () => (made as { destroy?: () => void }).destroy?.();
  }
  try {
    const result = await mirror(settings, {
      codecommit: client,
      env: deps.env,
      self: deps.self,
      log: reporter,
      spawn: deps.spawn,
      signal: deps.signal,
      tmpDir: deps.tmpDir,
    });
    await report(result, reporter);
    return { result };
  } catch (error) {
    if (!(error instanceof MirrorError)) throw error;
    await report(error.result, reporter, error.message);
    for (const f of error.result.failed) reporter.info(`rejected ${f.entry.name}: ${f.reason}`);
    for (const e of error.result.notAttempted) reporter.info(`not pushed ${e.name}`);
    return { result: error.result, failure: { message: error.message } };
  } finally {
    destroy();
  }
}

/** Outputs (counts of what was pushed; in a dry run, of what would be) and the job summary. */
async function report(result: MirrorResult, reporter: Reporter, error?: string): Promise<void> {
  reporter.groupEnd();
  const done: readonly PlanEntry[] = result.dryRun ? result.plan.entries : result.pushed;
  const counts = countPlan(done);
  reporter.setOutput(MIRROR_OUTPUTS.repositoryUrl, result.repositoryUrl);
  reporter.setOutput(MIRROR_OUTPUTS.grcUrl, result.grcUrl);
  reporter.setOutput(MIRROR_OUTPUTS.refsCreated, String(counts.create));
  reporter.setOutput(MIRROR_OUTPUTS.refsUpdated, String(counts.update + counts.rewind));
  reporter.setOutput(MIRROR_OUTPUTS.refsDeleted, String(counts.delete));
  reporter.setOutput(MIRROR_OUTPUTS.headSha, result.headSha ?? '');
  await reporter.summary(summaryMarkdown(error === undefined ? { ...result } : { ...result, error }));
}
