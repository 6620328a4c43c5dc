import { parseArgs } from 'node:util';
import type { Build } from '../../aws/codebuild.js';
import type { BuildClients } from '../../codebuild/clients.js';
import { idFromArn, logStreamOf } from '../../codebuild/links.js';
import { LogFollower } from '../../codebuild/logs.js';
import { findTarget, type Target } from '../../codebuild/run.js';
import { toUserError } from '../../aws/errors.js';
import { UserError } from '../../common/errors.js';
import type { CliContext, CommandSpec } from '../context.js';
import { cliLogger, followAndReport } from './build.js';

const HELP = `Usage: aws-cicd logs BUILD_ID [--follow] [--logs live|poll] [--region REGION]

Prints the CloudWatch log of a CodeBuild build or batch build (id or ARN): every line so far, then exits. With
--follow it keeps showing new lines until the build ends, and the exit status is the build's result. A batch
build's lines are prefixed with each build's identifier.

Options:
  --follow, -f           follow until the build ends (Ctrl-C stops following; the build runs on)
  --logs live|poll       with --follow: Live Tail (falls back to polling; default) or polling
  --region REGION        AWS region (default: AWS_REGION / AWS_DEFAULT_REGION)
  -h, --help             this help

Exit status: 0 printed (with --follow: the build SUCCEEDED), 1 the build did not succeed, 2 usage error,
130 interrupted.`;

export const logsCommand: CommandSpec = {
  name: 'logs',
  summary: 'print (or follow with --follow) the log of a CodeBuild build or batch build',
  help: HELP,
  async run(argv, ctx) {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: {
        follow: { type: 'boolean', short: 'f', default: false },
        logs: { type: 'string', default: 'live' },
        region: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1) throw new UserError('give one build id', { exitCode: 2 });
    const mode = values.logs;
    if (mode !== 'live' && mode !== 'poll') {
      throw new UserError(`--logs must be live or poll; got "${mode}"`, { exitCode: 2 });
    }
    // The SDK clients load on demand, so the CLI's other commands start without them.
    const { createBuildClients } = await import('../../codebuild/clients.js');
    const clients = createBuildClients({ env: ctx.env, region: values.region });
    try {
      const target = await findTarget(clients.codebuild, positionals[0] ?? '');
      if (values.follow) return await followAndReport(target, mode, clients, ctx, false);
      await printLogs(target, clients, ctx);
      return 0;
    } catch (error) {
      throw toUserError(error);
    } finally {
      clients.dispose();
    }
  },
};

/** Every line logged so far, once: a build's log, or each child's of a batch, prefixed. */
async function printLogs(target: Target, clients: BuildClients, ctx: CliContext): Promise<void> {
  if (target.kind === 'build') {
    const [build] = await clients.codebuild.getBuilds([target.id]);
    if (build !== undefined) await printBuildLog(build, undefined, clients, ctx);
    return;
  }
  const batch = await clients.codebuild.getBuildBatch(target.id);
  const groups = (batch?.buildGroups ?? []).filter((g) => g.currentBuildSummary?.arn !== undefined);
  const ids = groups.map((g) => idFromArn(g.currentBuildSummary?.arn ?? ''));
  const builds = ids.length > 0 ? await clients.codebuild.getBuilds(ids) : [];
  for (const group of groups) {
    const build = builds.find((b) => b.id === idFromArn(group.currentBuildSummary?.arn ?? ''));
    if (build !== undefined) await printBuildLog(build, group.identifier, clients, ctx);
  }
}

async function printBuildLog(build: Build, child: string | undefined, clients: BuildClients, ctx: CliContext) {
  const stream = logStreamOf(build);
  if (stream === undefined) {
    ctx.stderr.write(`aws-cicd logs: ${build.id ?? ''} has no CloudWatch log${build.buildComplete ? '' : ' yet'}\n`);
    return;
  }
  const prefix = child === undefined ? '' : `[${child}] `;
  const follower = new LogFollower({
    api: clients.logs,
    stream,
    mode: 'poll',
    onLine: (event) => void ctx.stdout.write(`${prefix}${event.message.replace(/\r?\n$/, '')}\n`),
    logger: cliLogger(ctx, 'aws-cicd logs'),
    drainSettleMs: 0,
  });
  await follower.finish();
}
