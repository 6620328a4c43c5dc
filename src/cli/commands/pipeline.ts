import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { resolveRegion } from '../../aws/config.js';
import { toUserError } from '../../aws/errors.js';
import type { LogsOption } from '../../codebuild/context.js';
import { UserError } from '../../common/errors.js';
import type { PipelineOutput } from '../../pipeline/follow.js';
import { executionConsoleUrl } from '../../pipeline/links.js';
import { pipelineFailures, pipelineFailureSummary } from '../../pipeline/report.js';
import {
  declarationFor,
  describeSelected,
  readDeclaration,
  selectExecution,
  type Selection,
} from '../../pipeline/run.js';
import { parseSourceRevision, type OptionNames } from '../../pipeline/start.js';
import type { CliContext, CommandSpec } from '../context.js';
import { cliLogger } from './build.js';

const HELP = `Usage: aws-cicd pipeline --name PIPELINE [--commit SHA | --start | --execution-id ID] [options]

Follows an AWS CodePipeline execution to its end, stage by stage, with the logs of its CodeBuild actions and the
lifecycle events of its CodeDeploy actions; the exit status is its result. By default it follows the execution
started by the commit checked out here (git rev-parse HEAD), waiting for it to appear. AWS credentials and region
come from the environment (AWS_REGION, AWS_PROFILE, ...).

Options:
  --name NAME                  the pipeline (required)
  --commit SHA                 follow the newest execution of this commit (full id or 7+ hex digits)
  --start                      start a new execution instead
  --variable NAME=VALUE        with --start: a pipeline-level variable (repeatable; V2 pipelines)
  --source-revision ACTION=REV with --start: a source revision override (repeatable); REV is a commit id or
                               TYPE:VALUE (COMMIT_ID, IMAGE_DIGEST, S3_OBJECT_VERSION_ID, S3_OBJECT_KEY)
  --execution-id ID            follow this execution
  --wait-for-execution SECONDS how long the commit's execution may take to appear (default 300)
  --logs live|poll|off         logs of CodeBuild actions: Live Tail, polling, or phases only (default live)
  --no-wait                    print the execution id and exit once it is found or started
  --abandon-on-cancel          Ctrl-C stops the execution abandoning the actions in progress (default: they finish)
  --region REGION              AWS region (default: AWS_REGION / AWS_DEFAULT_REGION)
  -h, --help                   this help

Ctrl-C stops the execution. Exit status: 0 it Succeeded (or was superseded by a newer one, or was found or started,
with --no-wait), 1 it did not, 2 usage error, 130 interrupted (the execution stopped).`;

const CLI_NAMES: OptionNames = {
  variables: '--variable',
  sourceRevisions: '--source-revision',
  wait: '--wait-for-execution',
  start: '--start',
};

export const pipelineCommand: CommandSpec = {
  name: 'pipeline',
  summary: 'follow (or start) a CodePipeline execution stage by stage (exit status: its result)',
  help: HELP,
  async run(argv, ctx) {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        name: { type: 'string' },
        commit: { type: 'string' },
        start: { type: 'boolean', default: false },
        variable: { type: 'string', multiple: true },
        'source-revision': { type: 'string', multiple: true },
        'execution-id': { type: 'string' },
        'wait-for-execution': { type: 'string', default: '300' },
        logs: { type: 'string', default: 'live' },
        'no-wait': { type: 'boolean', default: false },
        'abandon-on-cancel': { type: 'boolean', default: false },
        region: { type: 'string' },
      },
      allowPositionals: false,
      strict: true,
    });
    const pipeline = values.name;
    if (pipeline === undefined) throw new UserError('--name is required', { exitCode: 2 });
    const logs = values.logs as LogsOption;
    if (!['live', 'poll', 'off'].includes(logs)) {
      throw new UserError(`--logs must be live, poll or off; got "${values.logs}"`, { exitCode: 2 });
    }
    const selection = selectionOf(values, ctx);
    const region = resolveRegion(values.region, ctx.env);
    const logger = cliLogger(ctx, 'aws-cicd pipeline');
    // The SDK clients load on demand, so the CLI's other commands start without them.
    const { createPipelineClients } = await import('../../pipeline/clients.js');
    const { followExecution } = await import('../../pipeline/follow.js');
    const clients = createPipelineClients({ env: ctx.env, region });
    try {
      const latest = await readDeclaration(clients.codepipeline, pipeline, logger);
      const selected = await selectExecution(clients.codepipeline, pipeline, latest, selection, {
        logger,
        say: (text) => void ctx.stderr.write(`aws-cicd: ${text}\n`),
        token: randomUUID,
        names: CLI_NAMES,
        signal: ctx.signal,
      });
      const url = executionConsoleUrl(region, pipeline, selected.executionId);
      ctx.stderr.write(`aws-cicd: ${describeSelected(selected, pipeline, url)}\n`);
      if (values['no-wait']) {
        ctx.stdout.write(`${selected.executionId}\n`);
        return 0;
      }
      const declaration = await declarationFor(clients.codepipeline, pipeline, selected.executionId, latest, logger);
      const outcome = await followExecution(pipeline, selected.executionId, {
        codepipeline: clients.codepipeline,
        codebuild: clients.codebuild,
        logs: clients.logs,
        codedeploy: clients.codedeploy,
        logsMode: logs,
        output: plainPipelineOutput(ctx),
        logger,
        region,
        declaration,
        cancel: ctx.signal,
        abandonOnCancel: values['abandon-on-cancel'],
        stopReason: 'stopped with Ctrl-C in aws-cicd pipeline',
      });
      const status = outcome.execution.status;
      if (status === 'Succeeded') return 0;
      if (status === 'Superseded') {
        ctx.stderr.write('aws-cicd: warning: superseded by a newer execution, which carries its changes on\n');
        return 0;
      }
      if (!outcome.cancelled) {
        for (const failure of pipelineFailures(outcome)) ctx.stderr.write(`${failure.title}:\n${failure.message}\n`);
      }
      ctx.stderr.write(`aws-cicd: ${pipelineFailureSummary(outcome, pipeline)}\n`);
      return 1;
    } catch (error) {
      throw toUserError(error);
    } finally {
      clients.dispose();
    }
  },
};

function selectionOf(
  values: {
    commit?: string;
    start?: boolean;
    variable?: string[];
    'source-revision'?: string[];
    'execution-id'?: string;
    'wait-for-execution'?: string;
  },
  ctx: CliContext,
): Selection {
  const usage = (message: string) => new UserError(message, { exitCode: 2 });
  const chosen = [values.commit !== undefined, values.start === true, values['execution-id'] !== undefined];
  if (chosen.filter(Boolean).length > 1) throw usage('give one of --commit, --start and --execution-id');
  const variables = (values.variable ?? []).map((text) => {
    const eq = text.indexOf('=');
    if (eq <= 0) throw usage(`--variable expects NAME=VALUE; got "${text}"`);
    return { name: text.slice(0, eq), value: text.slice(eq + 1) };
  });
  const sourceRevisions = (values['source-revision'] ?? []).map((text) =>
    parseSourceRevision(text, '--source-revision'),
  );
  if (!values.start && (variables.length > 0 || sourceRevisions.length > 0)) {
    throw usage('--variable and --source-revision apply to a new execution: add --start');
  }
  if (values['execution-id'] !== undefined) return { kind: 'attach', executionId: values['execution-id'] };
  if (values.start) return { kind: 'start', variables, sourceRevisions };
  const wait = values['wait-for-execution'] ?? '300';
  if (!/^\d+$/.test(wait) || Number(wait) > 3600) {
    throw usage(`--wait-for-execution expects a whole number of seconds up to 3600; got "${wait}"`);
  }
  const commit = values.commit ?? headCommit(ctx.cwd);
  if (commit === undefined) {
    throw usage('no commit: give --commit SHA, --start or --execution-id (or run it in a git work tree)');
  }
  return { kind: 'commit', commit, waitSeconds: Number(wait) };
}

function headCommit(cwd: string): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return undefined;
  }
}

/** Build logs and AWS's text on stdout; our lines (stages, statuses, approvals) on stderr. */
export function plainPipelineOutput(ctx: CliContext): PipelineOutput {
  const say = (text: string): void => void ctx.stderr.write(`aws-cicd: ${text}\n`);
  return {
    stageStart: (stage) => say(`── stage ${stage}`),
    stageEnd: (_stage, result) => say(result),
    status: say,
    line: (text) => void ctx.stdout.write(`${text.replace(/\r?\n$/, '')}\n`),
    approval: (text) => say(text),
  };
}
