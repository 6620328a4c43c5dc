import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { parseBuildspec } from '../../buildspec/index.js';
import type { BatchSpec, Buildspec } from '../../buildspec/types.js';
import { UserError } from '../../common/errors.js';
import { shellQuote } from '../../common/shell.js';
import { expandBatch, type BatchResult } from '../../runner/batch.js';
import { runLocalBatch } from '../../runner/batch-run.js';
import { CodeBuildLogSink } from '../../runner/log.js';
import { formatPlan, planBuild } from '../../runner/plan.js';
import { DEFAULT_TIMEOUT_MINUTES, runLocalBuild } from '../../runner/run.js';
import { formatDuration, TerminalSink } from '../../runner/tty-log.js';
import type { BuildResult, RunSink } from '../../runner/types.js';
import { readInputFile } from '../files.js';
import { outputsLines } from './run-outputs.js';
import { findingLine } from '../findings.js';
import type { CliContext, CommandSpec } from '../context.js';
import { useColour } from '../context.js';

const HELP = `Usage: aws-cicd run [options]

Runs a buildspec.yml on this machine with AWS CodeBuild's semantics: phases install, pre_build, build,
post_build, finally, on-failure, run-as, shell state carried between commands (version 0.2), CODEBUILD_*
variables, exported variables, artifacts and reports. Prints CodeBuild's log (a phase view on a terminal).

Options:
  --buildspec FILE      buildspec to run (default: buildspec.yml in the source folder)
  --source DIR          source folder, CODEBUILD_SRC_DIR (default: the current directory)
  --env NAME=VALUE      override a variable, like StartBuild's environmentVariablesOverride (repeatable;
                        highest precedence; the value is taken literally)
  --variables-file FILE
                        project-level variables: NAME=VALUE lines, # comments, quotes kept
  --env-file FILE       the same (an older name); but Node.js reads --env-file (and --env-file=) anywhere on its
                        command line itself, and when FILE is missing it stops with "node: FILE: not found"
                        (exit 9) before aws-cicd starts
  --project NAME        project name for CODEBUILD_BUILD_ID and ARNs (default: the source folder's name)
  --artifacts DIR       where artifacts.zip and <identifier>.zip go (default: <source>/.aws-cicd/artifacts)
  --report-json FILE    write the result, shaped like CodeBuild's BatchGetBuilds Build, to FILE
  --timeout MINUTES     stop the build after this long, status TIMED_OUT (default: ${DEFAULT_TIMEOUT_MINUTES})
  --region REGION       AWS_REGION / AWS_DEFAULT_REGION of the build (default: from the environment)
  --cache-dir DIR       local build cache (default: $XDG_CACHE_HOME/aws-cicd or ~/.cache/aws-cicd)
  --batch               run the buildspec's batch section (build-list, build-graph, build-matrix,
                        build-fanout) as child builds; automatic when the file has a batch and no phases
  --parallel N          with --batch, at most N child builds at once (default: the number of CPUs)
  --dry-run             print the phases and commands that would run (with --batch: the child builds, their
                        buildspec, env and depend-on), run nothing
  --image IMAGE         run the build inside a container of IMAGE (its own aws-cicd runs it, as in
                        docker/standard), the source mounted at /codebuild/output/src<n>/src; artifacts,
                        report and build numbers land on this machine
  --engine ENGINE       with --image: docker, podman or buildah (default: docker when its daemon answers,
                        else podman, else buildah)
  -h, --help            this help

Exit status: 0 the build SUCCEEDED, 1 it did not (FAILED, TIMED_OUT), 2 a usage error or a buildspec that cannot
be read or is invalid (its errors are printed as file:line:col, nothing runs), 130 interrupted by Ctrl-C (the
build STOPPED). The last lines on stderr say where the artifacts (ZIP files) and the --report-json went.`;

export const runCommand: CommandSpec = {
  name: 'run',
  summary: 'run a buildspec.yml locally with CodeBuild semantics (phases, finally, on-failure, artifacts)',
  help: HELP,
  async run(argv, ctx) {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        buildspec: { type: 'string' },
        source: { type: 'string' },
        env: { type: 'string', multiple: true },
        'variables-file': { type: 'string' },
        'env-file': { type: 'string' },
        project: { type: 'string' },
        artifacts: { type: 'string' },
        'report-json': { type: 'string' },
        timeout: { type: 'string' },
        region: { type: 'string' },
        'cache-dir': { type: 'string' },
        batch: { type: 'boolean', default: false },
        parallel: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        image: { type: 'string' },
        engine: { type: 'string' },
      },
      allowPositionals: false,
      strict: true,
    });
    if (values['variables-file'] !== undefined && values['env-file'] !== undefined) {
      throw new UserError('give --variables-file or --env-file (the same option), not both', { exitCode: 2 });
    }
    const variablesFile = values['variables-file'] ?? values['env-file'];
    const envFile = variablesFile === undefined ? undefined : path.resolve(ctx.cwd, variablesFile);
    const srcDir = path.resolve(ctx.cwd, values.source ?? '.');
    const buildspecPath =
      values.buildspec === undefined ? path.join(srcDir, 'buildspec.yml') : path.resolve(ctx.cwd, values.buildspec);
    const shownPath = values.buildspec ?? path.relative(ctx.cwd, buildspecPath);
    if (values.engine !== undefined && values.image === undefined) {
      throw new UserError('--engine needs --image', { exitCode: 2 });
    }
    if (values.image !== undefined && !values['dry-run']) {
      // The runner in the image validates the buildspec and prints its findings itself.
      const { runInImageCommand } = await import('./run-image.js');
      return runInImageCommand(
        {
          image: values.image,
          engine: values.engine,
          srcDir,
          buildspecPath,
          env: values.env,
          envFile,
          projectName: values.project,
          region: values.region,
          artifactsDir: values.artifacts === undefined ? undefined : path.resolve(ctx.cwd, values.artifacts),
          cacheDir: values['cache-dir'] === undefined ? undefined : path.resolve(ctx.cwd, values['cache-dir']),
          timeoutMinutes: values.timeout === undefined ? undefined : parseTimeout(values.timeout),
          batch: values.batch,
          parallel: values.parallel === undefined ? undefined : parseParallel(values.parallel),
          reportJson: values['report-json'] === undefined ? undefined : path.resolve(ctx.cwd, values['report-json']),
        },
        ctx,
      );
    }
    const buildspec = loadBuildspec(buildspecPath, shownPath, ctx);
    if (buildspec === undefined) return 2;
    const batchOnly = buildspec.batch !== undefined && buildspec.phases.length === 0;
    const asBatch = values.batch || batchOnly;
    if (buildspec.batch !== undefined && !asBatch) {
      ctx.stderr.write(
        `aws-cicd run: ${shownPath} has a batch section, which a run without --batch leaves out: its phases run as ` +
          `one build; add --batch to run the batch's child builds\n`,
      );
    }
    if (values['dry-run']) {
      if (!asBatch) {
        ctx.stdout.write(formatPlan(planBuild(buildspec)));
        return 0;
      }
      if (buildspec.batch === undefined) {
        throw new UserError(`${shownPath} has no batch section; run it without --batch`, { exitCode: 2 });
      }
      const parallel = values.parallel === undefined ? availableParallelism() : parseParallel(values.parallel);
      ctx.stdout.write(formatBatchPlan(buildspec.batch, shownPath, parallel));
      return 0;
    }
    const timeoutMinutes = values.timeout === undefined ? undefined : parseTimeout(values.timeout);
    const plain = !ctx.stdout.isTTY;
    const sink: RunSink = plain
      ? new CodeBuildLogSink(ctx.stdout)
      : new TerminalSink(ctx.stdout, useColour(ctx.stdout, ctx.env));
    const options = {
      buildspec,
      buildspecPath,
      srcDir,
      projectName: values.project,
      envFile,
      env: values.env,
      region: values.region,
      artifactsDir: values.artifacts === undefined ? undefined : path.resolve(ctx.cwd, values.artifacts),
      cacheDir: values['cache-dir'] === undefined ? undefined : path.resolve(ctx.cwd, values['cache-dir']),
      timeoutMinutes,
      signal: ctx.signal,
      image: ctx.env,
    };
    if (asBatch) {
      if (!values.batch)
        ctx.stderr.write(`aws-cicd run: ${shownPath} has a batch section and no phases: running it as a batch\n`);
      const parallel = values.parallel === undefined ? availableParallelism() : parseParallel(values.parallel);
      const batch = await runLocalBatch({ ...options, parallel }, { output: ctx.stdout });
      if (values['report-json'] !== undefined) writeReport(path.resolve(ctx.cwd, values['report-json']), batch);
      ctx.stderr.write(`aws-cicd run: batch ${batch.id} ${batch.buildBatchStatus}\n`);
      ctx.stderr.write(outputsLines(Object.values(batch.builds), values['report-json'], ctx.cwd));
      return batch.buildBatchStatus === 'SUCCEEDED' ? 0 : 1;
    }
    if (values.parallel !== undefined) throw new UserError('--parallel needs --batch', { exitCode: 2 });
    const build = await runLocalBuild(options, { sink });
    if (values['report-json'] !== undefined) writeReport(path.resolve(ctx.cwd, values['report-json']), build);
    if (plain) ctx.stderr.write(statusLine(build));
    ctx.stderr.write(outputsLines([build], values['report-json'], ctx.cwd));
    return build.buildStatus === 'SUCCEEDED' ? 0 : 1;
  },
};

/** Reads and validates the buildspec; prints the findings. Undefined when it has errors. */
function loadBuildspec(file: string, shown: string, ctx: CliContext): Buildspec | undefined {
  const text = readInputFile(file, shown);
  const result = parseBuildspec(text, shown);
  const colour = useColour(ctx.stderr, ctx.env);
  for (const finding of result.findings) ctx.stderr.write(findingLine(finding, colour) + '\n');
  return result.buildspec;
}

function parseParallel(text: string): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1) {
    throw new UserError(`--parallel expects a whole number of at least 1; got "${text}"`, { exitCode: 2 });
  }
  return Number(text);
}

function parseTimeout(text: string): number {
  const minutes = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text.trim()) || !(minutes > 0)) {
    throw new UserError(`--timeout expects a positive number of minutes; got "${text}"`, { exitCode: 2 });
  }
  return minutes;
}

function writeReport(file: string, build: BuildResult | BatchResult): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(build, null, 2) + '\n');
}

/** What `run --batch` would run: each child build with its buildspec, variables and dependencies. */
export function formatBatchPlan(batch: BatchSpec, shown: string, parallel: number): string {
  const children = expandBatch(batch);
  const none = '(none)';
  const lines = [
    `batch ${batch.kind}${batch.fastFail ? ', fast-fail' : ''}: ${children.length} child ` +
      `build${children.length === 1 ? '' : 's'}, up to ${parallel} at once`,
  ];
  for (const child of children) {
    const env = child.variables.map(
      ([name, value]) => `${name}=${/^[\w@%+:,./-]*$/.test(value) ? value : shellQuote(value)}`,
    );
    const settings = Object.entries(child.environment).map(([key, value]) => `${key} ${value}`);
    lines.push(
      child.identifier,
      `  buildspec: ${child.buildspec ?? `${shown} (this file)`}`,
      `  env: ${env.length > 0 ? env.join(' ') : none}`,
      `  depend-on: ${child.dependOn.length > 0 ? child.dependOn.join(', ') : none}`,
    );
    if (child.ignoreFailure) lines.push('  ignore-failure: yes (its failure does not fail the batch)');
    if (settings.length > 0) lines.push(`  environment, not applied by a local run: ${settings.join(', ')}`);
  }
  return lines.join('\n') + '\n';
}

function statusLine(build: BuildResult): string {
  const failed = build.phases.find((p) => p.phaseStatus !== undefined && p.phaseStatus !== 'SUCCEEDED');
  const context = failed?.contexts?.[0];
  const why =
    failed === undefined ? '' : `: ${failed.phaseType} ${context?.statusCode ?? ''} ${context?.message ?? ''}`;
  const ms = build.endTime === undefined ? 0 : build.endTime.getTime() - build.startTime.getTime();
  return `aws-cicd run: build ${build.id} ${build.buildStatus} in ${formatDuration(ms)}${why.trimEnd()}\n`;
}
