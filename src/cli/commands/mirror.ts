import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseTarget } from '../../aws/codecommit-git.js';
import type { CodeCommitApi } from '../../aws/codecommit.js';
import { resolveRegion } from '../../aws/config.js';
import { toUserError } from '../../aws/errors.js';
import { UserError } from '../../core/errors.js';
import { escapeData } from '../../core/workflow-commands.js';
import { selfCommand, type GitSpawner } from '../../mirror/git.js';
import type { MirrorLog, MirrorResult, MirrorSettings, OnRewind } from '../../mirror/mirror.js';
import { compilePattern } from '../../mirror/refs.js';
import { parseTags } from '../../mirror/tags.js';
import type { CliContext, CommandSpec } from '../context.js';

const HELP = `Usage: aws-cicd mirror --repository NAME [options]

Mirrors the branches and tags of a git repository (its origin's, when it has one) into AWS CodeCommit over HTTPS
with the AWS credentials of the environment: prints the plan (create / update / rewind / delete), then pushes only
what changed, at most 4,000 refs per push. git authenticates through this program (\`aws-cicd git-credential\`).

Options:
  --repository NAME       the CodeCommit repository: a name, codecommit::<region>://<name> or its clone URL (required)
  --region REGION         AWS region (default: the one in --repository, else AWS_REGION / AWS_DEFAULT_REGION)
  --source DIR            the repository to mirror (default: the current directory)
  --include PATTERN       refs to mirror (repeatable; default all branches and tags): main, release/*, refs/tags/v*
  --exclude PATTERN       refs not to mirror (repeatable)
  --prune                 delete CodeCommit branches and tags the source no longer has
  --protect PATTERN       refs --prune never deletes (repeatable)
  --on-rewind allow|fail  force-update rewritten branches and moved tags (allow, default) or refuse them (fail)
  --dry-run               print the plan, push nothing
  --create-repository     create the repository when it does not exist
  --description TEXT      description of a created repository
  --kms-key-id KEY        KMS key of a created repository
  --tag KEY=VALUE         tag of a created repository (repeatable)
  --default-branch NAME   the branch pushed first into an empty repository (CodeCommit's default branch)
  --json                  print the result as JSON on stdout
  -h, --help              this help

With an origin, its branches and tags are fetched (the full history when the clone is shallow) into a private
namespace; GITHUB_TOKEN (or GH_TOKEN), when set, is sent to GITHUB_SERVER_URL (default https://github.com) as an
HTTP header. CODE_COMMIT_ENDPOINT overrides the Git host (VPC endpoints). Exit status: 0 mirrored, 1 failed
(what was pushed and what was not is printed), 2 usage error, 130 interrupted.`;

export interface MirrorCommandDeps {
  /** The command git calls back as the credential helper (default: this process). */
  readonly self?: readonly string[];
  readonly codecommit?: CodeCommitApi;
  readonly spawn?: GitSpawner;
}

export function mirrorCommandWith(deps: MirrorCommandDeps = {}): CommandSpec {
  return {
    name: 'mirror',
    summary: 'mirror branches and tags into AWS CodeCommit (plan, batches, prune, rewinds)',
    help: HELP,
    async run(argv, ctx) {
      const { values } = parseArgs({
        args: [...argv],
        options: {
          repository: { type: 'string' },
          region: { type: 'string' },
          source: { type: 'string' },
          include: { type: 'string', multiple: true },
          exclude: { type: 'string', multiple: true },
          prune: { type: 'boolean', default: false },
          protect: { type: 'string', multiple: true },
          'on-rewind': { type: 'string', default: 'allow' },
          'dry-run': { type: 'boolean', default: false },
          'create-repository': { type: 'boolean', default: false },
          description: { type: 'string' },
          'kms-key-id': { type: 'string' },
          tag: { type: 'string', multiple: true },
          'default-branch': { type: 'string' },
          json: { type: 'boolean', default: false },
        },
        allowPositionals: false,
        strict: true,
      });
      if (values.repository === undefined) throw new UserError('--repository is required', { exitCode: 2 });
      const target = parseTarget(values.repository, '--repository');
      if (values.region && target.region && values.region !== target.region) {
        throw new UserError(`--region is ${values.region} but --repository names ${target.region}`, { exitCode: 2 });
      }
      const onRewind = values['on-rewind'];
      if (onRewind !== 'allow' && onRewind !== 'fail') {
        throw new UserError(`--on-rewind must be allow or fail; got "${onRewind}"`, { exitCode: 2 });
      }
      for (const [option, list] of [
        ['--include', values.include],
        ['--exclude', values.exclude],
        ['--protect', values.protect],
      ] as const) {
        for (const p of list ?? []) compilePattern(p, option);
      }
      const region = resolveRegion(values.region ?? target.region, ctx.env);
      const token = (ctx.env.GITHUB_TOKEN ?? ctx.env.GH_TOKEN)?.trim();
      const settings: MirrorSettings = {
        repository: target.repository,
        region,
        source: path.resolve(ctx.cwd, values.source ?? '.'),
        include: values.include ?? [],
        exclude: values.exclude ?? [],
        prune: values.prune,
        protect: values.protect ?? [],
        onRewind: onRewind as OnRewind,
        dryRun: values['dry-run'],
        createRepository: values['create-repository'],
        ...(values.description !== undefined ? { description: values.description } : {}),
        ...(values['kms-key-id'] !== undefined ? { kmsKeyId: values['kms-key-id'] } : {}),
        tags: parseTags(values.tag ?? [], '--tag'),
        ...(token ? { githubToken: token } : {}),
        ...(ctx.env.GITHUB_SERVER_URL ? { githubServerUrl: ctx.env.GITHUB_SERVER_URL } : {}),
        ...(values['default-branch'] ? { defaultBranch: values['default-branch'] } : {}),
      };
      // The SDK and the mirror load on demand, so the CLI's other commands start without them.
      const { createCodeCommitClient } = await import('../../aws/codecommit.js');
      const { mirror, MirrorError } = await import('../../mirror/mirror.js');
      const client = deps.codecommit ?? createCodeCommitClient({ region, env: ctx.env });
      try {
        const result = await mirror(settings, {
          codecommit: client,
          env: ctx.env,
          self: deps.self ?? selfCommand(),
          log: cliMirrorLog(ctx),
          spawn: deps.spawn,
          signal: ctx.signal,
        });
        report(result, ctx, values.json);
        return 0;
      } catch (error) {
        if (!(error instanceof MirrorError)) throw toUserError(error);
        report(error.result, ctx, values.json, error.message);
        for (const f of error.result.failed)
          ctx.stderr.write(`aws-cicd mirror: rejected ${f.entry.name}: ${f.reason}\n`);
        for (const e of error.result.notAttempted) ctx.stderr.write(`aws-cicd mirror: not pushed ${e.name}\n`);
        throw error;
      } finally {
        if (deps.codecommit === undefined) (client as { destroy?: () => void }).destroy?.();
      }
    },
  };
}

export const mirrorCommand: CommandSpec = mirrorCommandWith();

/** Messages on stderr; under GitHub Actions (a `run:` step), secrets are masked with workflow commands. */
function cliMirrorLog(ctx: CliContext): MirrorLog {
  const prefix = 'aws-cicd mirror';
  return {
    info: (message) => void ctx.stderr.write(`${prefix}: ${message}\n`),
    warning: (message) => void ctx.stderr.write(`${prefix}: warning: ${message}\n`),
    debug: (message) => {
      if (ctx.env.AWS_CICD_DEBUG) ctx.stderr.write(`${prefix}: debug: ${message}\n`);
    },
    mask: (value) => {
      if (ctx.env.GITHUB_ACTIONS === 'true') ctx.stderr.write(`::add-mask::${escapeData(value)}\n`);
    },
  };
}

function report(result: MirrorResult, ctx: CliContext, json: boolean, error?: string): void {
  if (json) {
    ctx.stdout.write(
      JSON.stringify(
        {
          repository: result.repository,
          region: result.region,
          repositoryUrl: result.repositoryUrl,
          grcUrl: result.grcUrl,
          created: result.created,
          dryRun: result.dryRun,
          plan: result.plan,
          pushed: result.pushed.map((e) => e.name),
          failed: result.failed.map((f) => ({ ref: f.entry.name, reason: f.reason })),
          notAttempted: result.notAttempted.map((e) => e.name),
          pushes: result.pushes,
          lfs: result.lfs,
          defaultBranch: result.defaultBranch,
          headSha: result.headSha,
          ...(error !== undefined ? { error } : {}),
        },
        null,
        2,
      ) + '\n',
    );
    return;
  }
  if (error === undefined) ctx.stdout.write(`${result.repositoryUrl}\n`);
}
