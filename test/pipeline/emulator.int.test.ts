/**
 * The pipeline action against the AWS emulator, in-process with real SDK clients: a CodeCommit source, a build that
 * really runs the repository's buildspec in the emulated CodeBuild (its log streamed with the build action's follow
 * code, Live Tail over HTTP/2), a manual approval answered while the action waits, and a deploy stage whose deployment
 * runs the appspec's hooks. Covers following a commit's execution to success, starting one with variables, a failing
 * build, and a cancel that stops the execution.
 */
import { CodeCommitClient, CreateRepositoryCommand } from '@aws-sdk/client-codecommit';
import {
  CodePipelineClient,
  CreatePipelineCommand,
  GetPipelineStateCommand,
  ListActionExecutionsCommand,
  PutApprovalResultCommand,
} from '@aws-sdk/client-codepipeline';
import { CodeBuildClient, CreateProjectCommand } from '@aws-sdk/client-codebuild';
import { CodeDeployClient, CreateApplicationCommand, CreateDeploymentGroupCommand } from '@aws-sdk/client-codedeploy';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipelineAction } from '../../src/actions/pipeline/main.js';
import type { PipelineDeps } from '../../src/pipeline/run.js';
import {
  approvalStage,
  codeBuildStage,
  codeCommitSourceStage,
  codeDeployStage,
  pipelineDeclaration,
} from '../harness/aws/codepipeline/declarations.js';
import type { Emulator } from '../harness/aws/server.js';
import { awsEnv, ROLE, splitWorkflowLog, startBuildEmulator, storedLog } from '../codebuild/emulator-support.js';
import { clientConfig } from '../emulator/helpers.js';
import { runActionInProcess, type ActionRun as StepRun } from '../support/action.js';

const BUILDSPEC = `version: 0.2
env:
  exported-variables:
    - VERSION
phases:
  build:
    commands:
      - echo "building $CODEBUILD_RESOLVED_SOURCE_VERSION for $GREETING"
      - echo "::error::forged by the build"
      - for i in $(seq 1 30); do echo "line $i"; done
      - export VERSION="$(cat version.txt)"
`;
const FAILING = `version: 0.2
phases:
  build:
    commands:
      - for i in $(seq 1 25); do echo "output $i"; done
      - echo about to fail
      - exit 3
`;
const SLOW = `version: 0.2
phases:
  build:
    commands:
      - echo started sleeping
      - sleep 60
`;
const APPSPEC = `version: 0.0
os: linux
files:
  - source: version.txt
    destination: /opt/app
hooks:
  ValidateService:
    - location: scripts/validate.sh
      timeout: 30
`;

/** Fast polling: the defaults (seconds) are for real AWS. */
const TUNING: PipelineDeps['tuning'] = {
  pipeline: { status: { activeMs: 200, idleMs: 400, finalMs: 200 } },
  build: { status: { activeMs: 200, idleMs: 400, finalMs: 100 }, poll: { minMs: 100, maxMs: 300 }, drainSettleMs: 300 },
  deploy: { status: { activeMs: 200, idleMs: 400 } },
};

let emulator: Emulator;
let pipelines: CodePipelineClient;
let work: string;
const heads: Record<string, string> = {};

function git(...args: string[]): string {
  return execFileSync('git', ['-C', work, '-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

/** A branch off main with these files changed, pushed to the emulated repository; returns its commit. */
function branch(name: string, files: Record<string, string>): string {
  git('checkout', '-q', '-B', name, 'main');
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(work, file), text);
  git('commit', '-q', '-am', `${name} version`);
  git('push', '-q', 'origin', `HEAD:refs/heads/${name}`);
  return git('rev-parse', 'HEAD');
}

beforeAll(async () => {
  emulator = await startBuildEmulator({ liveTail: { updateIntervalMs: 250 } });
  pipelines = new CodePipelineClient(clientConfig(emulator));
  const codecommit = new CodeCommitClient(clientConfig(emulator));
  await codecommit.send(new CreateRepositoryCommand({ repositoryName: 'app' }));
  codecommit.destroy();
  work = mkdtempSync(path.join(tmpdir(), 'aws-cicd-pipeline-it-'));
  execFileSync('git', ['clone', '-q', emulator.state.codecommit.path('app'), work], { stdio: 'ignore' });
  git('checkout', '-q', '-b', 'main');
  mkdirSync(path.join(work, 'scripts'));
  writeFileSync(path.join(work, 'buildspec.yml'), BUILDSPEC);
  writeFileSync(path.join(work, 'version.txt'), '1.0.0');
  writeFileSync(path.join(work, 'appspec.yml'), APPSPEC);
  writeFileSync(path.join(work, 'scripts/validate.sh'), '#!/bin/sh\necho validating\n', { mode: 0o755 });
  git('add', '-A');
  git('commit', '-q', '-m', 'first version');
  git('push', '-q', 'origin', 'main');
  heads.main = git('rev-parse', 'HEAD');
  heads.broken = branch('broken', { 'buildspec.yml': FAILING });
  heads.slow = branch('slow', { 'buildspec.yml': SLOW });

  const codebuild = new CodeBuildClient(clientConfig(emulator));
  await codebuild.send(
    new CreateProjectCommand({
      name: 'app-build',
      source: { type: 'CODEPIPELINE' },
      artifacts: { type: 'CODEPIPELINE' },
      environment: {
        type: 'LINUX_CONTAINER',
        image: 'aws/codebuild/standard:7.0',
        computeType: 'BUILD_GENERAL1_SMALL',
        environmentVariables: [{ name: 'GREETING', value: 'the project' }],
      },
      serviceRole: ROLE,
    }),
  );
  codebuild.destroy();
  const codedeploy = new CodeDeployClient(clientConfig(emulator));
  await codedeploy.send(new CreateApplicationCommand({ applicationName: 'web', computePlatform: 'Server' }));
  await codedeploy.send(
    new CreateDeploymentGroupCommand({
      applicationName: 'web',
      deploymentGroupName: 'prod',
      serviceRoleArn: 'arn:aws:iam::000000000000:role/codedeploy',
      onPremisesInstanceTagFilters: [{ Key: 'env', Value: 'prod', Type: 'KEY_AND_VALUE' }],
    }),
  );
  codedeploy.destroy();
  emulator.state.codedeploy.registerInstance('web-1', { tags: { env: 'prod' } });
});

afterAll(async () => {
  pipelines.destroy();
  await emulator.close();
  rmSync(work, { recursive: true, force: true });
});

interface ActionRun {
  /** The step, once it ended. */
  readonly done: Promise<StepRun>;
  /** The job log so far. */
  stdout(): string;
}

/** The action's main step, in-process, against the emulator; `stdout()` shows the log while it runs. */
function runAction(
  inputs: Record<string, string>,
  extra: Partial<PipelineDeps> & { signal?: AbortSignal } = {},
): ActionRun {
  const { signal, ...deps } = extra;
  let text = '';
  const done = runActionInProcess(pipelineAction({ tuning: TUNING, ...deps }), {
    inputs,
    env: awsEnv(emulator, { GITHUB_SHA: heads.main, GITHUB_REPOSITORY: 'octo/app', GITHUB_RUN_ID: '5' }),
    onStdout: (soFar) => void (text = soFar),
    ...(signal !== undefined ? { signal } : {}),
  });
  return { done, stdout: () => text };
}

/** Waits (without asserting on time) until `check` holds. */
async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function buildIdOf(pipeline: string, executionId: string): Promise<string> {
  const { actionExecutionDetails = [] } = await pipelines.send(
    new ListActionExecutionsCommand({ pipelineName: pipeline, filter: { pipelineExecutionId: executionId } }),
  );
  return (
    actionExecutionDetails.find((a) => a.actionName === 'Build')?.output?.executionResult?.externalExecutionId ?? ''
  );
}

test("the commit's execution to success: build log live, approval with its URL, deployment hooks, outputs", async () => {
  await pipelines.send(
    new CreatePipelineCommand({
      pipeline: pipelineDeclaration('full', [
        codeCommitSourceStage({ repository: 'app' }),
        codeBuildStage({ project: 'app-build', namespace: 'BuildVariables' }),
        approvalStage(),
        codeDeployStage({ application: 'web', group: 'prod' }),
      ]),
    }),
  );
  const a = runAction({ 'pipeline-name': 'full', commit: heads.main ?? '' });
  await until(() => a.stdout().includes('::notice title=Manual approval waiting'), 'the approval notice');
  const { stageStates = [] } = await pipelines.send(new GetPipelineStateCommand({ name: 'full' }));
  const token = stageStates.find((s) => s.stageName === 'Approve')?.actionStates?.[0]?.latestExecution?.token;
  await pipelines.send(
    new PutApprovalResultCommand({
      pipelineName: 'full',
      stageName: 'Approve',
      actionName: 'Approval',
      token,
      result: { status: 'Approved', summary: 'ship it' },
    }),
  );
  const r = await a.done;
  expect(r.errors).toEqual([]);
  expect(r.code).toBe(0);
  const executionId = r.outputs['execution-id'] ?? '';
  expect(emulator.state.codepipeline.executions('full').find((e) => e.id === executionId)?.status).toBe('Succeeded');

  const log = splitWorkflowLog(r.stdout);
  const groups = log.commands.filter((l) => l.startsWith('::group::') || l === '::endgroup::');
  expect(groups).toEqual([
    '::group::Stage Source',
    '::endgroup::',
    '::group::Stage Build',
    '::endgroup::',
    '::group::Stage Approve',
    '::endgroup::',
    '::group::Stage Deploy',
    '::endgroup::',
  ]);
  const url = 'https://us-east-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/full/view?region=us-east-1';
  expect(log.commands).toContain(
    `::notice title=Manual approval waiting::Manual approval Approve/Approval is waiting for a review: ${url} ` +
      '(Review on the Approval action)',
  );
  expect(log.output).toEqual(expect.arrayContaining(['Please review', 'URL for review: https://example.com/review']));
  expect(log.plain.some((l) => /^Approval \(Manual\) Succeeded( in \S+)?( by \S+)?$/.test(l))).toBe(true);
  expect(log.output).toContain('ship it');

  // The build's whole log, once and in order, as CloudWatch Logs holds it; its "::error::" line only as output.
  const stored = storedLog(emulator, await buildIdOf('full', executionId));
  expect(stored.length).toBeGreaterThan(30);
  expect(log.output.filter((l) => stored.includes(l))).toEqual(stored);
  expect(log.output).toContain('::error::forged by the build');
  expect(log.commands.filter((l) => l.includes('forged'))).toEqual([]);

  // The emulator's times are in ms: a quick hook takes `100ms` (or `1.2s`).
  expect(log.plain.some((l) => /^\[web-1\] ValidateService Succeeded in (\d+ms|\d+(\.\d)?s)$/.test(l))).toBe(true);
  expect(log.plain).toContain('[web-1] Succeeded');
  expect(r.outputs.status).toBe('Succeeded');
  expect(JSON.parse(r.outputs.stages ?? '')).toEqual({
    Source: 'Succeeded',
    Build: 'Succeeded',
    Approve: 'Succeeded',
    Deploy: 'Succeeded',
  });
  const variables = JSON.parse(r.outputs.variables ?? '') as Record<string, Record<string, string>>;
  expect(variables.BuildVariables).toEqual({ VERSION: '1.0.0' });
  expect(variables.SourceVariables?.CommitId).toBe(heads.main);
  expect(r.summary).toContain('## CodePipeline full: ✅ Succeeded');
  expect(r.summary).toContain('  class s3a0 succeeded');
  expect(r.state).toEqual({
    isPost: 'true',
    followed: JSON.stringify({ pipeline: 'full', executionId, abandon: false }),
    settled: 'true',
  });
});

test('start: true with a V2 variable: the build sees it and the outputs carry it', async () => {
  await pipelines.send(
    new CreatePipelineCommand({
      pipeline: pipelineDeclaration(
        'vars',
        [
          codeCommitSourceStage({ repository: 'app' }),
          codeBuildStage({ project: 'app-build', env: { GREETING: '#{variables.GREETING}' } }),
        ],
        { pipelineType: 'V2', executionMode: 'PARALLEL', variables: [{ name: 'GREETING', defaultValue: 'hi' }] },
      ),
    }),
  );
  const a = runAction({ 'pipeline-name': 'vars', start: 'true', variables: 'GREETING=bonjour', logs: 'poll' });
  const r = await a.done;
  expect(r.errors).toEqual([]);
  expect(r.code).toBe(0);
  expect(r.outputs.status).toBe('Succeeded');
  expect(splitWorkflowLog(r.stdout).output).toContain(`building ${heads.main} for bonjour`);
  expect(JSON.parse(r.outputs.variables ?? '').variables).toEqual({ GREETING: 'bonjour' });
  // And a variable the pipeline does not declare is refused before any start.
  const before = emulator.state.codepipeline.executions('vars').length;
  const b = runAction({ 'pipeline-name': 'vars', start: 'true', variables: 'GRETING=x' });
  const rb = await b.done;
  expect(rb.code).toBe(1);
  expect(rb.errors).toEqual([
    'input "variables": pipeline "vars" declares no variable GRETING; did you mean GREETING?',
  ]);
  expect(emulator.state.codepipeline.executions('vars')).toHaveLength(before);
});

test('a failing build: the failing stage, the failed phase and the last log lines', async () => {
  await pipelines.send(
    new CreatePipelineCommand({
      pipeline: pipelineDeclaration('broken', [
        codeCommitSourceStage({ repository: 'app', branch: 'broken' }),
        codeBuildStage({ project: 'app-build' }),
      ]),
    }),
  );
  const a = runAction({ 'pipeline-name': 'broken', commit: heads.broken ?? '' });
  const r = await a.done;
  const id = r.outputs['execution-id'] ?? '';
  expect(r.outputs.status).toBe('Failed');
  expect(r.code).toBe(1);
  // The build's annotation, then the step's failure.
  const errors = splitWorkflowLog(r.stdout).commands.filter((l) => l.startsWith('::error'));
  expect(errors).toHaveLength(2);
  expect(r.errors[1]).toMatch(new RegExp(`^pipeline broken execution ${id} Failed in stage Build \\(Build\\)`));
  expect(errors[0]).toMatch(/^::error title=Build\/Build%3A BUILD FAILED::Build app-build:\S+ FAILED in phase BUILD: /);
  expect(errors[0]).toContain('%0Aabout to fail%0A');
  expect(JSON.parse(r.outputs.stages ?? '')).toEqual({ Source: 'Succeeded', Build: 'Failed' });
});

test('cancel: StopPipelineExecution abandoning the running build action, and the step says so', async () => {
  await pipelines.send(
    new CreatePipelineCommand({
      pipeline: pipelineDeclaration('slow', [
        codeCommitSourceStage({ repository: 'app', branch: 'slow' }),
        codeBuildStage({ project: 'app-build' }),
      ]),
    }),
  );
  const controller = new AbortController();
  const a = runAction(
    { 'pipeline-name': 'slow', commit: heads.slow ?? '', 'abandon-on-cancel': 'true' },
    {
      signal: controller.signal,
    },
  );
  await until(() => a.stdout().includes('started sleeping'), 'the build to start sleeping');
  controller.abort();
  const r = await a.done;
  const id = r.outputs['execution-id'] ?? '';
  const execution = emulator.state.codepipeline.executions('slow').find((e) => e.id === id);
  expect(execution?.status).toBe('Stopped');
  expect(r.code).toBe(1);
  expect(r.errors).toEqual([
    expect.stringMatching(
      new RegExp(`^the run was cancelled, so the execution was stopped: pipeline slow execution ${id} Stopped`),
    ),
  ]);
  const plain = splitWorkflowLog(r.stdout).plain;
  expect(plain).toContain(`Cancelled: stopping execution ${id} of slow (abandoning the actions in progress)`);
  expect(plain).toContain(`Stop requested for execution ${id}`);
  expect(r.state.settled).toBe('true');
});
