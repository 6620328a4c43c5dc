import { optionsHelp } from '../../core/options.js';
import { selfCommand } from '../../mirror/git.js';
import type { MirrorResult } from '../../mirror/mirror.js';
import { mirrorOptions } from '../../mirror/options.js';
import { runMirror, type MirrorDeps } from '../../mirror/run.js';
import type { CliContext, CommandSpec } from '../context.js';
import { useCaseCommand } from '../use-case.js';

const HELP = `Usage: aws-cicd mirror --repository NAME [options]

Mirrors the branches and tags of a git repository (its origin's, when it has one) into AWS CodeCommit over HTTPS
with the AWS credentials of the environment: prints the plan (create / update / rewind / delete), then pushes only
what changed, at most 4,000 refs per push. git authenticates through this program (\`aws-cicd git-credential\`).

Options:
${optionsHelp(mirrorOptions)}

With an origin, its branches and tags are fetched (the full history when the clone is shallow) into a private
namespace; GITHUB_TOKEN (or GH_TOKEN), when set, is sent to GITHUB_SERVER_URL (default https://github.com) as an
HTTP header. CODE_COMMIT_ENDPOINT overrides the Git host (VPC endpoints). Exit status: 0 mirrored, 1 failed
(what was pushed and what was not is printed), 2 usage error, 130 interrupted.`;

export function mirrorCommandWith(deps: Partial<MirrorDeps> = {}): CommandSpec {
  return useCaseCommand({
    name: 'mirror',
    summary: 'mirror branches and tags into AWS CodeCommit (plan, batches, prune, rewinds)',
    help: HELP,
    options: mirrorOptions,
    prefix: 'aws-cicd mirror',
    async run(values, reporter, step, ctx) {
      const run = await runMirror(values, reporter, {
        ...step,
        self: selfCommand(),
        githubToken: (ctx.env.GITHUB_TOKEN ?? ctx.env.GH_TOKEN)?.trim() || undefined,
        ...deps,
      });
      if (run.result !== undefined) report(run.result, ctx, values.json, run.failure?.message);
      if (run.failure !== undefined) reporter.error(run.failure.message);
      return run.failure === undefined ? 0 : 1;
    },
  });
}

export const mirrorCommand: CommandSpec = mirrorCommandWith();

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
