/**
 * Mirroring a GitHub repository (a checkout of it) into AWS CodeCommit over HTTPS with IAM credentials:
 *
 * 1. at once: CodeCommit's refs (remote-refs.ts: the ref advertisement, else `git ls-remote` through our credential
 *    helper) and the source refs (source.ts: fetched from origin with the full history into a private namespace when
 *    the checkout lacks them); the repository's record (GetRepository; CreateRepository with create-repository)
 *    when the refs say it is missing or when its default branch is needed before the push (a dry run, a repository
 *    without branches), else while the push runs;
 * 2. the plan (plan.ts), printed, its fast-forward checks and the LFS report reading objects (objects.ts: loose ones
 *    directly, the others through one `git cat-file --batch`); rewinds refused with on-rewind: fail; dry-run stops;
 * 3. the changes pushed in batches of at most 4,000 refs (push.ts), per-ref results read from `--porcelain`;
 * 4. a failure part-way throws MirrorError with what was pushed, what was rejected and what was not attempted.
 *
 * git reaches CodeCommit only through `-c credential.helper=<this program> git-credential`, with
 * credential.useHttpPath, after clearing any other helper and extra header: no password in a URL, argv or the
 * environment; the helper signs a fresh one for every git invocation.
 */
import type { RepositoryMetadata } from '@aws-sdk/client-codecommit';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gitEndpoint, grcUrl, repositoryUrl, type GitEndpoint } from '../aws/codecommit-git.js';
import { credentialSource } from '../aws/credentials.js';
import { credentialRejection, describeAwsError } from '../aws/errors.js';
import {
  ensureRepository,
  getRepository,
  missingRepository,
  resolveCredentials,
  type CodeCommitApi,
} from '../aws/codecommit.js';
import { UserError } from '../core/errors.js';
import { createGit, credentialHelper, describeArgs, GitError, type Git, type GitSpawner } from './git.js';
import { findLfs, type LfsFinding } from './lfs.js';
import { isAncestor, looseObjectsDir, ObjectReader, type ObjectSource, type Verdict } from './objects.js';
import { changes, computePlan, countPlan, type Plan, type PlanEntry } from './plan.js';
import { batches, parsePorcelain, pushArgs, stagingRefs, succeeded, useStaging } from './push.js';
import { advertisedRefs } from './remote-refs.js';
import { RefFilter, refKind } from './refs.js';
import { lfsLines, planLines } from './report.js';
import { readSource, type SourceRefs } from './source.js';
import { createStagingDir, removeStaleStagingDirs } from './staging.js';
import type { Reporter } from '../core/reporter.js';

export type OnRewind = 'allow' | 'fail';

export interface MirrorSettings {
  /** CodeCommit repository name. */
  readonly repository: string;
  readonly region: string;
  /** The source repository (the workflow's checkout). */
  readonly source: string;
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  readonly prune: boolean;
  readonly protect: readonly string[];
  readonly onRewind: OnRewind;
  readonly dryRun: boolean;
  readonly createRepository: boolean;
  readonly description?: string;
  readonly kmsKeyId?: string;
  readonly tags?: Readonly<Record<string, string>>;
  /** The job's token, for fetching from origin. */
  readonly githubToken?: string;
  /** GITHUB_SERVER_URL (default https://github.com). */
  readonly githubServerUrl?: string;
  /** The branch pushed first into an empty repository, so CodeCommit makes it the default (GitHub's default). */
  readonly defaultBranch?: string;
  /** Refs per push (default 1,000; at most 4,000, CodeCommit's limit). */
  readonly batchSize?: number;
}

/** What a mirror says: its phases as groups, the plan, warnings, masks (a Reporter is one). */
export type MirrorLog = Pick<Reporter, 'info' | 'warning' | 'debug' | 'mask' | 'group'>;

export interface MirrorDeps {
  readonly codecommit: CodeCommitApi;
  /** Environment of git and of the credential helper (AWS credentials, CODE_COMMIT_ENDPOINT, proxies). */
  readonly env: NodeJS.ProcessEnv;
  /** The command that runs this program (selfCommand()): git calls it back as the credential helper. */
  readonly self: readonly string[];
  readonly log: MirrorLog;
  readonly spawn?: GitSpawner;
  /**
   * How CodeCommit's refs are read: `auto` asks the Git endpoint directly and falls back to `git ls-remote` when a
   * proxy or anything else git would handle differently is involved; `git` always uses `git ls-remote`.
   */
  readonly discovery?: 'auto' | 'git';
  /** Aborted on SIGINT/SIGTERM: every running git is ended (its staging folder removed) and the mirror fails. */
  readonly signal?: AbortSignal;
  /** Parent of the pushes' staging folders (default: the OS temp dir). */
  readonly tmpDir?: string;
}

export interface RejectedRef {
  readonly entry: PlanEntry;
  readonly reason: string;
}

export interface MirrorResult {
  readonly repository: string;
  readonly region: string;
  readonly repositoryUrl: string;
  readonly grcUrl: string;
  /** The repository was created (or, in a dry run, would be). */
  readonly created: boolean;
  readonly dryRun: boolean;
  readonly plan: Plan;
  /** Changes CodeCommit accepted. */
  readonly pushed: readonly PlanEntry[];
  readonly failed: readonly RejectedRef[];
  /** Changes not attempted because an earlier push failed (or refused: on-rewind fail). */
  readonly notAttempted: readonly PlanEntry[];
  readonly pushes: number;
  readonly lfs: readonly LfsFinding[];
  readonly defaultBranch?: string;
  /** The commit of CodeCommit's default branch after the mirror. */
  readonly headSha?: string;
  readonly origin?: string;
  readonly unshallowed: boolean;
}

/** A mirror that stopped part-way (or refused a rewind); `result` says what was and was not done. */
export class MirrorError extends UserError {
  constructor(
    message: string,
    readonly result: MirrorResult,
    options: { cause?: unknown } = {},
  ) {
    super(message, options);
  }
}

export async function mirror(settings: MirrorSettings, deps: MirrorDeps): Promise<MirrorResult> {
  const { log } = deps;
  maskAwsSecrets(deps.env, log);
  const filter = new RefFilter(settings);
  const endpoint = gitEndpoint(settings.region, deps.env);
  const url = repositoryUrl(endpoint, settings.repository);
  const gitIn = (cwd: string): Git =>
    createGit({
      cwd,
      env: deps.env,
      spawn: deps.spawn,
      onMask: (value) => log.mask(value),
      onCommand: (args) => log.debug(`git ${describeArgs(withoutConfig(args))}`),
      signal: deps.signal,
    });
  const git = gitIn(settings.source);
  const remoteGit = codeCommitGit(git, deps.self, settings.region);

  log.group(`Refs of the source and of CodeCommit ${settings.repository} (${settings.region})`);
  // CodeCommit's refs and the source's, together. CodeCommit's are asked first, and the source's only once the event
  // loop has been through its poll phase, where a connection that is ready (a near endpoint) sends the request:
  // starting a process blocks this thread for milliseconds, and that round trip is what an incremental mirror waits
  // for. A slower connection goes on meanwhile, without holding up the source.
  const remoteLookup = listRemote(remoteGit, url, settings, endpoint, deps);
  remoteLookup.catch(() => undefined); // handled below, after the yield
  await afterPoll();
  const sourceLookup = readSource(git, {
    token: settings.githubToken,
    serverUrl: settings.githubServerUrl,
    mask: (v) => log.mask(v),
    info: (m) => log.info(m),
  });
  // The plan's questions about objects: loose ones (new local commits) read directly, the others by one git process
  // started at the first of them.
  const [source] = await Promise.allSettled([sourceLookup]);
  const objects = ObjectReader.start(git, { objectsDir: looseObjectsDir(settings.source) });
  const [remote] = await Promise.allSettled([remoteLookup]);
  // The repository's record (GetRepository; CreateRepository when it is missing and may be created): its default
  // branch is needed before the push only by a dry run and a repository without branches, otherwise only for the
  // head afterwards, so on an incremental mirror it is read while the push runs.
  let repositoryLookup: ReturnType<typeof lookUpRepository> | undefined;
  const repository = () => {
    if (repositoryLookup === undefined) {
      repositoryLookup = lookUpRepository(settings, deps);
      repositoryLookup.catch(() => undefined);
    }
    return repositoryLookup;
  };
  try {
    let remoteRefs: Map<string, string>;
    let created = false;
    if (remote.status === 'fulfilled') {
      remoteRefs = remote.value;
    } else {
      // Missing (HTTP 404) or refused: the record says which, and creates a missing repository when allowed. When
      // it cannot be read either, git's refusal (credentials, permissions, clock) is the better message, told why
      // when AWS rejected the credentials themselves.
      try {
        ({ created } = await repository());
      } catch (error) {
        if (!(remote.reason instanceof GitRefusal) || remote.reason.status === 404) throw error;
        const sdkError = (error as { cause?: unknown }).cause;
        if (credentialRejection(sdkError) === undefined) throw remote.reason;
        throw refused(remote.reason.status, settings, endpoint, deps.env, remote.reason, describeAwsError(sdkError));
      }
      if (!created) throw remote.reason;
      remoteRefs = new Map();
    }
    const sourceRefs = unwrap(source);
    if (created && !settings.dryRun)
      log.info(`Created CodeCommit repository ${settings.repository} in ${settings.region}`);

    log.group('Plan');
    // What will be sent is known before the plan tells updates from rewinds: look for LFS meanwhile.
    const sent = [...sourceRefs.refs]
      .filter(([name, sha]) => filter.mirrors(name) && remoteRefs.get(name) !== sha)
      .map(([name, sha]) => ({ name, sha }));
    const lfsLookup = findLfs(objects, git, sent);
    const [planned, found] = await Promise.allSettled([
      computePlan({
        source: sourceRefs.refs,
        remote: remoteRefs,
        filter,
        prune: settings.prune,
        fastForward: (pairs) => fastForwards(objects, git, pairs),
      }),
      lfsLookup,
    ]);
    const plan = unwrap(planned);
    for (const line of planLines(plan)) log.info(line);
    // The LFS report only informs: when it cannot be made, the mirror goes on and says so.
    const lfs = found.status === 'fulfilled' ? found.value : [];
    if (found.status === 'rejected') {
      log.warning(
        `could not look for Git LFS pointers: ${String((found.reason as { message?: unknown })?.message ?? found.reason)}`,
      );
    }
    for (const line of lfsLines(lfs)) log.warning(line);

    const base = {
      repository: settings.repository,
      region: settings.region,
      repositoryUrl: url,
      grcUrl: grcUrl(settings.region, settings.repository),
      created,
      dryRun: settings.dryRun,
      plan,
      lfs,
      origin: sourceRefs.origin,
      unshallowed: sourceRefs.unshallowed,
    };
    const todo = changes(plan);
    const rewinds = todo.filter((e) => e.action === 'rewind');
    if (settings.onRewind === 'fail' && rewinds.length > 0) {
      const result = { ...base, pushed: [], failed: [], notAttempted: todo, pushes: 0 };
      throw new MirrorError(
        `on-rewind is fail and ${rewinds.length} ref${rewinds.length === 1 ? ' is' : 's are'} not a fast-forward of ` +
          `CodeCommit's: ${rewinds
            .slice(0, 10)
            .map((e) => `${e.name} (${e.old} → ${e.new})`)
            .join(', ')}${rewinds.length > 10 ? ', …' : ''}; nothing was pushed`,
        result,
      );
    }
    const defaultBranch = async (metadata?: RepositoryMetadata) =>
      metadata?.defaultBranch ?? (await firstBranch(git, settings, sourceRefs));
    if (settings.dryRun) {
      log.info('Dry run: nothing pushed');
      const branch = await defaultBranch((await repository()).metadata);
      return { ...base, pushed: [], failed: [], notAttempted: [], pushes: 0, ...head(branch, plan, remoteRefs) };
    }

    // Into a repository without branches, the default branch goes first, so CodeCommit makes it its default.
    const hasBranches = [...remoteRefs.keys()].some((name) => refKind(name) === 'branch');
    const first = hasBranches ? undefined : await defaultBranch((await repository()).metadata);
    const groups = batches(todo, {
      ...(settings.batchSize !== undefined ? { maxRefs: settings.batchSize } : {}),
      ...(first === undefined ? {} : { first: `refs/heads/${first}` }),
    });
    const pushed: PlanEntry[] = [];
    const failed: RejectedRef[] = [];
    let pushes = 0;
    if (groups.length > 0) log.group('Push');
    const pushContext: PushContext = {
      log,
      tmpDir: deps.tmpDir ?? tmpdir(),
      source: git,
      gitIn,
      self: deps.self,
      region: settings.region,
      url,
      localRefs: sourceRefs.refs.size * (sourceRefs.origin ? 2 : 1),
      remoteRefs: remoteRefs.size,
    };
    for (const [index, batch] of groups.entries()) {
      const count = batch.length;
      const label = groups.length > 1 ? ` (push ${index + 1} of ${groups.length})` : '';
      log.info(`Pushing ${count} ref${count === 1 ? '' : 's'} to ${url}${label}`);
      pushes++;
      const pushing = pushBatch(pushContext, batch);
      repository(); // read while git pushes (started after it: preparing the request takes this thread a while)
      const outcome = await pushing;
      pushed.push(...outcome.pushed);
      failed.push(...outcome.failed);
      if (outcome.fatal !== undefined) {
        const notAttempted = [...outcome.notPushed, ...groups.slice(index + 1).flat()];
        throw new MirrorError(
          `${outcome.fatal}; ${pushed.length} of ${todo.length} ref change${todo.length === 1 ? '' : 's'} pushed, ` +
            `${failed.length + notAttempted.length} not`,
          { ...base, pushed, failed, notAttempted, pushes },
        );
      }
    }
    if (failed.length > 0) {
      throw new MirrorError(
        `CodeCommit rejected ${failed.length} ref${failed.length === 1 ? '' : 's'}: ${failed
          .slice(0, 10)
          .map((f) => `${f.entry.name} (${f.reason})`)
          .join(', ')}; ${pushed.length} of ${todo.length} ref changes pushed`,
        { ...base, pushed, failed, notAttempted: [], pushes },
      );
    }
    const finalBranch = await branchAfterPush(repository(), todo.length > 0, settings, deps).then(
      (branch) => branch ?? defaultBranch(),
    );
    const counts = countPlan(plan.entries);
    log.info(
      todo.length === 0
        ? 'CodeCommit is up to date'
        : `Mirrored: ${counts.create} created, ${counts.update + counts.rewind} updated, ${counts.delete} deleted`,
    );
    return { ...base, pushed, failed, notAttempted: [], pushes, ...head(finalBranch, plan, remoteRefs) };
  } finally {
    await Promise.all([objects.close(), repositoryLookup?.catch(() => undefined)]);
    if (source.status === 'fulfilled') {
      await source.value.cleanup().catch((error: unknown) => log.debug(`cleanup: ${String(error)}`));
    }
  }
}

/**
 * Resolves once the event loop has been through a poll phase (where a connection that is ready sends what waits on
 * it): an immediate queued from an immediate runs in the loop's next turn, after its poll phase, while a single one
 * runs before any when this is called from the poll phase (after any I/O).
 */
function afterPoll(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}

/** The secrets of the environment's AWS credentials, masked before any call. */
function maskAwsSecrets(env: NodeJS.ProcessEnv, log: MirrorLog): void {
  for (const name of ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']) {
    const value = env[name]?.trim();
    if (value) log.mask(value);
  }
}

/** A command without its leading `-c key=value` options (for debug output). */
function withoutConfig(args: readonly string[]): readonly string[] {
  let i = 0;
  while (args[i] === '-c') i += 2;
  return args.slice(i);
}

/** git with our credential helper alone (other helpers and extra headers cleared) and HTTP paths in requests. */
function codeCommitGit(git: Git, self: readonly string[], region: string): Git {
  const prefix = [
    '-c',
    'credential.helper=',
    '-c',
    `credential.helper=${credentialHelper(self, region)}`,
    '-c',
    'credential.useHttpPath=true',
    '-c',
    'http.extraHeader=',
  ];
  return {
    cwd: git.cwd,
    // Every call here goes over the network to CodeCommit: it ends with this process, however that ends.
    run: (args, options) => git.run([...prefix, ...args], { ...options, tied: true }),
    start: (args) => git.start([...prefix, ...args]),
  };
}

/**
 * CodeCommit's default branch after the push: the record read before, else (a repository that had none, now given
 * one by the push) read again. The refs are pushed by then: a record that cannot be read is a warning, not a failure.
 */
async function branchAfterPush(
  repository: Promise<{ metadata?: RepositoryMetadata }>,
  pushedSomething: boolean,
  settings: MirrorSettings,
  deps: MirrorDeps,
): Promise<string | undefined> {
  try {
    const { metadata } = await repository;
    if (metadata?.defaultBranch || !pushedSomething) return metadata?.defaultBranch;
    return (await getRepository(deps.codecommit, settings.repository, settings.region))?.defaultBranch;
  } catch (error) {
    deps.log.warning(
      `could not read the default branch of CodeCommit repository ${settings.repository}: ` +
        `${String((error as { message?: unknown } | undefined)?.message ?? error)}`,
    );
    return undefined;
  }
}

async function lookUpRepository(
  settings: MirrorSettings,
  deps: MirrorDeps,
): Promise<{ metadata?: RepositoryMetadata; created: boolean }> {
  const request = {
    name: settings.repository,
    description: settings.description,
    tags: settings.tags,
    kmsKeyId: settings.kmsKeyId,
  };
  if (!settings.dryRun) return ensureRepository(deps.codecommit, request, settings.region, settings.createRepository);
  const found = await getRepository(deps.codecommit, settings.repository, settings.region);
  if (found) return { metadata: found, created: false };
  if (!settings.createRepository) throw missingRepository(settings.repository, settings.region);
  return { created: true };
}

/**
 * CodeCommit's branches and tags: the ref advertisement asked directly (remote-refs.ts), else `git ls-remote --refs`
 * through the credential helper.
 */
async function listRemote(
  git: Git,
  url: string,
  settings: MirrorSettings,
  endpoint: GitEndpoint,
  deps: MirrorDeps,
): Promise<Map<string, string>> {
  if (deps.discovery !== 'git') {
    const credentials = await resolveCredentials(settings.region, deps.env);
    const answer = await advertisedRefs({
      endpoint,
      repository: settings.repository,
      region: settings.region,
      credentials,
      env: deps.env,
      mask: (value) => deps.log.mask(value),
    });
    if (answer.kind === 'refs') return answer.refs;
    if (answer.kind === 'status') throw refused(answer.status, settings, endpoint, deps.env);
    deps.log.debug(`asking git ls-remote for CodeCommit's refs: ${answer.reason}`);
  }
  const refs = new Map<string, string>();
  try {
    await git.run(['ls-remote', '--refs', '--', url], {
      onStdoutLine: (line) => {
        const tab = line.indexOf('\t');
        if (tab > 0) refs.set(line.slice(tab + 1), line.slice(0, tab));
      },
    });
  } catch (error) {
    throw gitFailure(error, settings, endpoint, deps.env);
  }
  return refs;
}

type Where = Pick<MirrorSettings, 'repository' | 'region'>;

/** CodeCommit's Git endpoint refusing a request (401, 403) or not knowing the repository (404). */
class GitRefusal extends UserError {
  constructor(
    readonly status: number,
    message: string,
    options: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * The Git endpoint's refusal, naming where the credentials git signed with came from; `reason`, when known, says why
 * (AWS rejected the credentials themselves, as another call showed).
 */
function refused(
  status: number,
  settings: Where,
  endpoint: GitEndpoint,
  env: NodeJS.ProcessEnv,
  cause?: unknown,
  reason?: string,
): GitRefusal {
  const where = `CodeCommit repository "${settings.repository}" in ${settings.region} (${endpoint.baseUrl})`;
  if (status === 404) return new GitRefusal(404, `${where} was not found by its Git endpoint (HTTP 404)`, { cause });
  const what = `${where} refused the git credentials (HTTP ${status})`;
  if (reason !== undefined) return new GitRefusal(status, `${what}: ${reason}`, { cause });
  return new GitRefusal(
    status,
    `${what}: check that the AWS credentials from ${credentialSource(env).description} are valid and allow ` +
      'codecommit:GitPull and codecommit:GitPush on the repository, and that the clock is right ' +
      '(the signed password is good for 15 minutes)',
    { cause },
  );
}

/** A git failure against CodeCommit as a message a user can act on. */
function gitFailure(error: unknown, settings: Where, endpoint: GitEndpoint, env: NodeJS.ProcessEnv) {
  if (!(error instanceof GitError)) return error;
  const stderr = error.result.stderr;
  if (/returned error: 403|Authentication failed|could not read (Username|Password)/i.test(stderr)) {
    return refused(403, settings, endpoint, env, error);
  }
  if (/not found|returned error: 404/i.test(stderr)) return refused(404, settings, endpoint, env, error);
  const where = `CodeCommit repository "${settings.repository}" in ${settings.region} (${endpoint.baseUrl})`;
  return new UserError(`git failed against ${where}: ${error.message}`, { cause: error });
}

/**
 * Which (old, new) pairs are fast-forwards: a short walk back from the new commit through the object reader answers
 * the usual case (a few new commits); otherwise `git merge-base --is-ancestor` does, answering 0 (yes) or 1 (no), and
 * 128 when CodeCommit's commit is not here at all, which cannot be an ancestor of anything the source has: not one
 * either.
 */
async function fastForwards(
  objects: ObjectSource,
  git: Git,
  pairs: ReadonlyArray<{ old: string; new: string }>,
): Promise<boolean[]> {
  // A reader that failed leaves the question to merge-base.
  const walked = await Promise.all(
    pairs.map((pair) => isAncestor(objects, pair.old, pair.new).catch((): Verdict => 'unknown')),
  );
  const out: boolean[] = [];
  for (const [i, pair] of pairs.entries()) {
    const verdict = walked[i];
    if (verdict !== 'unknown') {
      out.push(verdict === true);
      continue;
    }
    const { code } = await git.run(['merge-base', '--is-ancestor', pair.old, pair.new], { okCodes: [0, 1, 128] });
    out.push(code === 0);
  }
  return out;
}

interface BatchOutcome {
  readonly pushed: PlanEntry[];
  readonly failed: RejectedRef[];
  /** Entries of this batch without a result (the push died). */
  readonly notPushed: PlanEntry[];
  /** Why the push as a whole failed (authentication, network…). */
  readonly fatal?: string;
}

interface PushContext {
  readonly log: MirrorLog;
  readonly tmpDir: string;
  readonly source: Git;
  readonly gitIn: (cwd: string) => Git;
  readonly self: readonly string[];
  readonly region: string;
  readonly url: string;
  /** Refs in the source repository and on CodeCommit, for the explicit-or-staging choice. */
  readonly localRefs: number;
  readonly remoteRefs: number;
}

/**
 * Pushes one batch: with explicit refspecs from the source, or from a staging repository (push.ts) that borrows the
 * source's objects and holds only the batch's refs, removed afterwards.
 */
async function pushBatch(ctx: PushContext, batch: readonly PlanEntry[]): Promise<BatchOutcome> {
  const run = (git: Git, staged: boolean) =>
    codeCommitGit(git, ctx.self, ctx.region).run(pushArgs(ctx.url, batch, staged), { okCodes: [0, 1, 128] });
  let result;
  if (!useStaging(batch, ctx.localRefs, ctx.remoteRefs)) {
    result = await run(ctx.source, false);
  } else {
    const objects = (await ctx.source.run(['rev-parse', '--path-format=absolute', '--git-path', 'objects'])).stdout;
    // Folders of mirrors that were killed outright are removed first (ours only, stale only: staging.ts).
    const removed = removeStaleStagingDirs(ctx.tmpDir);
    if (removed.length > 0)
      ctx.log.debug(`removed staging folders of mirrors that no longer run: ${removed.join(', ')}`);
    const dir = createStagingDir(ctx.tmpDir);
    try {
      await ctx.source.run(['init', '--bare', '--quiet', '--template=', dir]);
      writeFileSync(join(dir, 'objects', 'info', 'alternates'), `${objects.trim()}\n`);
      const staging = ctx.gitIn(dir);
      const refs = stagingRefs(batch);
      if (refs !== '') await staging.run(['update-ref', '--stdin'], { input: refs });
      result = await run(staging, true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const { code, stdout, stderr } = result;
  const results = parsePorcelain(stdout);
  const pushed: PlanEntry[] = [];
  const failed: RejectedRef[] = [];
  const notPushed: PlanEntry[] = [];
  for (const entry of batch) {
    const result = results.get(entry.name);
    if (succeeded(result)) pushed.push(entry);
    else if (result !== undefined) failed.push({ entry, reason: result.summary.replace(/^\[rejected\]\s*/, '') });
    else notPushed.push(entry);
  }
  if (code === 0 || (code === 1 && notPushed.length === 0)) return { pushed, failed, notPushed };
  const reason = pushFailureReason(stderr);
  return { pushed, failed, notPushed, fatal: reason };
}

function pushFailureReason(stderr: string): string {
  if (/returned error: 403|Authentication failed/i.test(stderr)) {
    return 'CodeCommit refused the git credentials (HTTP 403): check codecommit:GitPush and the clock';
  }
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('To '));
  return `git push failed: ${lines.slice(-4).join(' | ') || 'no output'}`;
}

/** The branch to push first into an empty repository: the setting, origin's HEAD, or the checked-out branch. */
async function firstBranch(git: Git, settings: MirrorSettings, source: SourceRefs): Promise<string | undefined> {
  const candidates: string[] = [];
  if (settings.defaultBranch) candidates.push(settings.defaultBranch);
  for (const ref of ['refs/remotes/origin/HEAD', 'HEAD']) {
    const { code, stdout } = await git.run(['symbolic-ref', '-q', ref], { okCodes: [0, 1, 128] });
    const target = stdout.trim();
    if (code !== 0 || target === '') continue;
    candidates.push(target.replace(/^refs\/remotes\/origin\//, '').replace(/^refs\/heads\//, ''));
  }
  candidates.push('main', 'master');
  return candidates.find((b) => source.refs.has(`refs/heads/${b}`));
}

/** The default branch and its commit on CodeCommit after the mirror (the plan's, else what CodeCommit had). */
function head(
  branch: string | undefined,
  plan: Plan,
  remote: ReadonlyMap<string, string>,
): { defaultBranch?: string; headSha?: string } {
  if (branch === undefined) return {};
  const name = `refs/heads/${branch}`;
  const entry = plan.entries.find((e) => e.name === name);
  const sha = entry === undefined ? remote.get(name) : entry.action === 'delete' ? undefined : (entry.new ?? entry.old);
  return { defaultBranch: branch, ...(sha ? { headSha: sha } : {}) };
}

function unwrap<T>(result: PromiseSettledResult<T>): T {
  if (result.status === 'rejected') throw result.reason;
  return result.value;
}
