import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { prepareBuildspec } from '../../codebuild/buildspec.js';
import type { BuildClients } from '../../codebuild/clients.js';
import type { BuildOutput, LogsOption } from '../../codebuild/context.js';
import { failures, failureSummary, statusOf } from '../../codebuild/report.js';
import { followTarget, startTarget, type Target } from '../../codebuild/run.js';
import type { EnvVar } from '../../codebuild/start.js';
import type { Logger } from '../../codebuild/types.js';
import { toUserError } from '../../aws/errors.js';
import { UserError } from '../../common/errors.js';
import { findingLine } from '../findings.js';
import type { CliContext, CommandSpec } from '../context.js';
import { useColour } from '../context.js';

const HELP = `Usage: aws-cicd build --project NAME [options]

Starts an AWS CodeBuild build (or batch build) and shows its log live until it ends; the exit status is the
build's result. AWS credentials and region come from the environment (AWS_REGION, AWS_PROFILE, ...).

Options:
  --project NAME              the CodeBuild project (required)
  --source-version REF        commit, branch or tag to build (default: the project's)
  --buildspec FILE|YAML       buildspec path in the source, or inline YAML; validated before the start
  --env NAME=VALUE            a plain-text variable (repeatable; at most 4096 characters)
  --env-parameter-store NAME=PARAMETER
                              a variable from Parameter Store (repeatable)
  --env-secrets-manager NAME=SECRET-ID[:JSON-KEY[:STAGE[:VERSION]]]
                              a variable from Secrets Manager (repeatable)
  --image IMAGE               image override
  --compute-type TYPE         compute type override (BUILD_GENERAL1_SMALL, ...)
  --privileged-mode           run the build container privileged
  --timeout MINUTES           build timeout override (5-2160)
  --fleet ARN                 reserved-capacity fleet
  --start-build-json JSON     StartBuild (or StartBuildBatch) members merged last
  --batch auto|true|false     batch build (auto: when the buildspec has a batch section; default)
  --logs live|poll|off        Live Tail (falls back to polling), polling, or status only (default live)
  --no-wait                   print the build id and exit once the build has started
  --region REGION             AWS region (default: AWS_REGION / AWS_DEFAULT_REGION)
  -h, --help                  this help

Ctrl-C stops the build. Exit status: 0 the build SUCCEEDED (or started, with --no-wait), 1 it did not,
2 a usage error or a buildspec that cannot be read or is invalid, 130 interrupted (the build stopped).`;

export const buildCommand: CommandSpec = {
  name: 'build',
  summary: 'start a CodeBuild build and follow its log live (exit status: the build result)',
  help: HELP,
  async run(argv, ctx) {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        project: { type: 'string' },
        'source-version': { type: 'string' },
        buildspec: { type: 'string' },
        env: { type: 'string', multiple: true },
        'env-parameter-store': { type: 'string', multiple: true },
        'env-secrets-manager': { type: 'string', multiple: true },
        image: { type: 'string' },
        'compute-type': { type: 'string' },
        'privileged-mode': { type: 'boolean' },
        timeout: { type: 'string' },
        fleet: { type: 'string' },
        'start-build-json': { type: 'string' },
        batch: { type: 'string', default: 'auto' },
        logs: { type: 'string', default: 'live' },
        'no-wait': { type: 'boolean', default: false },
        region: { type: 'string' },
      },
      allowPositionals: false,
      strict: true,
    });
    if (values.project === undefined) throw new UserError('--project is required', { exitCode: 2 });
    const batchOption = oneOf('--batch', values.batch, ['auto', 'true', 'false'] as const);
    const logs = oneOf('--logs', values.logs, ['live', 'poll', 'off'] as const);
    const env: EnvVar[] = [
      ...pairs('--env', values.env, 'PLAINTEXT'),
      ...pairs('--env-parameter-store', values['env-parameter-store'], 'PARAMETER_STORE'),
      ...pairs('--env-secrets-manager', values['env-secrets-manager'], 'SECRETS_MANAGER'),
    ];
    const buildspec = prepareBuildspec(values.buildspec, ctx.cwd);
    const colour = useColour(ctx.stderr, ctx.env);
    for (const finding of buildspec.findings) ctx.stderr.write(findingLine(finding, colour) + '\n');
    if (buildspec.note !== undefined) ctx.stderr.write(`aws-cicd build: note: ${buildspec.note}\n`);
    if (buildspec.invalid) return 2;

    // The SDK clients load on demand, so the CLI's other commands start without them.
    const { createBuildClients } = await import('../../codebuild/clients.js');
    const clients = createBuildClients({ env: ctx.env, region: values.region });
    try {
      const target = await startTarget(
        clients.codebuild,
        {
          projectName: values.project,
          sourceVersion: values['source-version'],
          buildspec: buildspec.override,
          env,
          image: values.image,
          computeType: values['compute-type'],
          privilegedMode: values['privileged-mode'],
          timeoutMinutes: values.timeout === undefined ? undefined : minutes(values.timeout),
          fleet: values.fleet,
          startBuildJson: values['start-build-json'],
          idempotencyToken: randomUUID(),
        },
        batchOption === 'auto' ? buildspec.hasBatch : batchOption === 'true',
      );
      if (values['no-wait']) {
        ctx.stdout.write(`${target.id}\n`);
        ctx.stderr.write(`aws-cicd build: started ${describe(target)}\n`);
        return 0;
      }
      ctx.stderr.write(`aws-cicd build: started ${describe(target)}\n`);
      return await followAndReport(target, logs, clients, ctx, true);
    } catch (error) {
      throw toUserError(error);
    } finally {
      clients.dispose();
    }
  },
};

/** Follows a target to its end with plain output; the exit status is its result. */
export async function followAndReport(
  target: Target,
  logs: LogsOption,
  clients: BuildClients,
  ctx: CliContext,
  cancelStopsBuild: boolean,
): Promise<number> {
  const result = await followTarget(target, logs, {
    codebuild: clients.codebuild,
    logs: clients.logs,
    output: plainOutput(ctx),
    logger: cliLogger(ctx, 'aws-cicd'),
    cancel: ctx.signal,
    cancelStopsBuild,
    ...(cancelStopsBuild ? {} : { tuning: { cancelGraceMs: 0 } }),
  });
  const status = statusOf(result);
  if (status === 'SUCCEEDED') {
    ctx.stderr.write(`aws-cicd: ${result.kind === 'batch' ? 'batch build' : 'build'} ${target.id} SUCCEEDED\n`);
    return 0;
  }
  for (const failure of failures(result)) ctx.stderr.write(`${failure.message}\n`);
  ctx.stderr.write(`aws-cicd: ${failureSummary(result)}\n`);
  return 1;
}

/** Log lines on stdout (a batch child's prefixed `[identifier] `), our status lines on stderr. */
export function plainOutput(ctx: CliContext): BuildOutput {
  return {
    line: (text, child) =>
      void ctx.stdout.write(`${child === undefined ? '' : `[${child}] `}${text.replace(/\r?\n$/, '')}\n`),
    status: (text) => void ctx.stderr.write(`aws-cicd: ${text}\n`),
  };
}

export function cliLogger(ctx: CliContext, prefix: string): Logger {
  return {
    info: (message) => void ctx.stderr.write(`${prefix}: ${message}\n`),
    warning: (message) => void ctx.stderr.write(`${prefix}: warning: ${message}\n`),
    debug: (message) => {
      if (ctx.env.AWS_CICD_DEBUG) ctx.stderr.write(`${prefix}: debug: ${message}\n`);
    },
  };
}

function describe(target: Target): string {
  const what = target.kind === 'batch' ? 'batch build' : 'build';
  return `${what} ${target.id}${target.number === undefined ? '' : ` #${target.number}`}${target.consoleUrl ? ` ${target.consoleUrl}` : ''}`;
}

function oneOf<T extends string>(option: string, value: string | undefined, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) {
    throw new UserError(`${option} must be one of ${allowed.join(', ')}; got "${value}"`, { exitCode: 2 });
  }
  return value as T;
}

function pairs(option: string, values: readonly string[] | undefined, type: EnvVar['type']): EnvVar[] {
  return (values ?? []).map((text) => {
    const eq = text.indexOf('=');
    if (eq <= 0) throw new UserError(`${option} expects NAME=VALUE; got "${text}"`, { exitCode: 2 });
    return { name: text.slice(0, eq), value: text.slice(eq + 1), type };
  });
}

function minutes(text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < 5 || value > 2160) {
    throw new UserError(`--timeout expects a whole number of minutes from 5 to 2160; got "${text}"`, { exitCode: 2 });
  }
  return value;
}
