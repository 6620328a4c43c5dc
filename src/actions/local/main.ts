import * as core from '@actions/core';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseBuildspec } from '../../buildspec/index.js';
import { UserError } from '../../common/errors.js';
import { findingAnnotation } from '../../cli/findings.js';
import { runLocalBuild, type LocalBuildDeps } from '../../runner/run.js';
import { defaultAwsEnvResolver } from '../../runner/steps.js';
import type { AwsEnvResolver, BuildResult } from '../../runner/types.js';
import { buildSummaryMarkdown } from '../common/build-summary.js';
import { nodeExec, type Exec } from '../../image/exec.js';
import { GitHubActionsSink } from './github-sink.js';
import { runBuildInImage } from './in-image.js';
import { Outputs, readLocalInputs, type LocalSettings } from './inputs.js';

export interface LocalActionDeps {
  readonly getInput: (name: string) => string;
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: NodeJS.WritableStream;
  readonly setOutput: (name: string, value: string) => void;
  readonly setFailed: (message: string) => void;
  readonly writeSummary: (markdown: string) => Promise<void>;
  /** Default: the runner's resolver with SDK clients (defaultAwsEnvResolver). */
  readonly resolveAwsEnv?: AwsEnvResolver;
  readonly signal?: AbortSignal;
  /** Extra runner collaborators for tests (clock, uuid, spawner). */
  readonly runner?: Partial<Omit<LocalBuildDeps, 'sink' | 'resolveAwsEnv'>>;
  /** Runs the container engine for `image`. Default: nodeExec. */
  readonly exec?: Exec;
}

export function defaultDeps(signal?: AbortSignal): LocalActionDeps {
  return {
    getInput: (name) => core.getInput(name),
    env: process.env,
    stdout: process.stdout,
    setOutput: (name, value) => core.setOutput(name, value),
    setFailed: (message) => core.setFailed(message),
    writeSummary: async (markdown) => {
      if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown, true).write();
    },
    signal,
  };
}

/** The `local` action: validate the buildspec, run it here, report outputs and a job summary. */
export async function run(deps: LocalActionDeps): Promise<BuildResult | undefined> {
  try {
    const workspace = deps.env.GITHUB_WORKSPACE ?? process.cwd();
    const settings = readLocalInputs(deps.getInput, workspace);
    const buildspecPath = path.resolve(settings.source, settings.buildspec);
    const shown = path.relative(workspace, buildspecPath) || settings.buildspec;
    const buildspec = loadBuildspec(buildspecPath, shown, deps);
    if (buildspec === undefined) return undefined;
    if (settings.image !== undefined) {
      const build = await runBuildInImage(
        settings.image,
        settings,
        {
          buildspecPath,
          projectName: settings.project ?? repositoryName(deps.env),
          sourceVersion: deps.env.GITHUB_SHA,
        },
        { exec: deps.exec ?? nodeExec, env: deps.env, stdout: deps.stdout, signal: deps.signal },
      );
      await report(build, settings, deps);
      if (build.buildStatus !== 'SUCCEEDED') deps.setFailed(failureMessage(build));
      return build;
    }

    const sink = new GitHubActionsSink(deps.stdout, { buildspecFile: shown });
    const build = await runLocalBuild(
      {
        buildspec,
        buildspecPath,
        srcDir: settings.source,
        projectName: settings.project ?? repositoryName(deps.env),
        envFile: settings.envFile,
        env: settings.env.map(([name, value]) => `${name}=${value}`),
        region: settings.region,
        artifactsDir: settings.artifactsDir,
        timeoutMinutes: settings.timeoutMinutes,
        sourceVersion: deps.env.GITHUB_SHA,
        signal: deps.signal,
        image: buildImageEnvironment(deps.env),
      },
      { ...deps.runner, sink, resolveAwsEnv: maskingResolver(deps, settings.region, sink) },
    );
    await report(build, settings, deps);
    if (build.buildStatus !== 'SUCCEEDED') deps.setFailed(failureMessage(build));
    return build;
  } catch (error) {
    deps.setFailed(error instanceof UserError ? error.message : String((error as Error)?.stack ?? error));
    return undefined;
  }
}

function loadBuildspec(file: string, shown: string, deps: LocalActionDeps) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    throw new UserError(`input "buildspec": cannot read ${shown}: ${reason}`);
  }
  const result = parseBuildspec(text, shown);
  for (const finding of result.findings) deps.stdout.write(findingAnnotation(finding) + '\n');
  if (result.buildspec === undefined) {
    const errors = result.findings.filter((f) => f.severity === 'error').length;
    deps.setFailed(`${shown} has ${errors} error${errors === 1 ? '' : 's'}; nothing was run`);
  }
  return result.buildspec;
}

/** Secret values are registered with the runner before the build can print them (the engine masks them too). */
function maskingResolver(deps: LocalActionDeps, region: string | undefined, sink: GitHubActionsSink): AwsEnvResolver {
  const inner = deps.resolveAwsEnv ?? defaultAwsEnvResolver({ region, env: deps.env });
  return async (env, skip) => {
    const resolved = await inner(env, skip);
    // Through the job log itself: it knows whether a stop-commands section is open, which would hide the command.
    for (const secret of resolved.secrets) sink.mask(secret);
    return resolved;
  };
}

async function report(build: BuildResult, settings: LocalSettings, deps: LocalActionDeps): Promise<void> {
  deps.setOutput(Outputs.BuildStatus, build.buildStatus);
  deps.setOutput(Outputs.BuildId, build.id);
  const exported: Record<string, string> = {};
  for (const { name, value } of build.exportedEnvironmentVariables) exported[name] = value;
  deps.setOutput(Outputs.ExportedVariables, JSON.stringify(exported));
  const reserved = new Set<string>(Object.values(Outputs));
  for (const [name, value] of Object.entries(exported)) if (!reserved.has(name)) deps.setOutput(name, value);
  if (build.artifacts) deps.setOutput(Outputs.Artifacts, build.artifacts.location);
  const secondary: Record<string, string> = {};
  for (const a of build.secondaryArtifacts ?? []) secondary[a.artifactIdentifier] = a.location;
  deps.setOutput(Outputs.SecondaryArtifacts, JSON.stringify(secondary));
  const reportFile = path.join(settings.artifactsDir, 'build.json');
  mkdirSync(settings.artifactsDir, { recursive: true });
  writeFileSync(reportFile, JSON.stringify(build, null, 2) + '\n');
  deps.setOutput(Outputs.ReportJson, reportFile);
  await deps.writeSummary(buildSummaryMarkdown('Local build', build));
}

function failureMessage(build: BuildResult): string {
  const failed = build.phases.find((p) => p.phaseStatus !== undefined && p.phaseStatus !== 'SUCCEEDED');
  const context = failed?.contexts?.find((c) => c.statusCode || c.message);
  const why = context ? `: ${[context.statusCode, context.message].filter(Boolean).join(' ')}` : '';
  return `build ${build.buildStatus}${failed ? ` in ${failed.phaseType}` : ''}${why}`;
}

/**
 * The GitHub runner's environment as the build's image, without the runner's own plumbing for this step: the
 * file-command paths (a build writing to GITHUB_OUTPUT would set the step's outputs, e.g. build-status) and the
 * ACTIONS_* tokens and URLs. A CodeBuild build has none of them.
 */
const RUNNER_PLUMBING = /^(GITHUB_(OUTPUT|ENV|PATH|STATE|STEP_SUMMARY)|ACTIONS_.*)$/;

function buildImageEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !RUNNER_PLUMBING.test(name)));
}

function repositoryName(env: NodeJS.ProcessEnv): string | undefined {
  return env.GITHUB_REPOSITORY?.split('/')[1];
}
