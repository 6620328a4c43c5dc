/**
 * The emulated CodePipeline through the real @aws-sdk/client-codepipeline: pipelines whose source is an emulated
 * CodeCommit repository and whose build really runs the repository's buildspec in the emulated CodeBuild (the local
 * runner), change detection on push, V2 variables and source revision overrides, manual approvals, stop (wait and
 * abandon), superseded executions, errors, and Debian's AWS CLI as an independent client.
 */
import { BatchGetBuildsCommand, CodeBuildClient, CreateProjectCommand } from '@aws-sdk/client-codebuild';
import {
  CodePipelineClient,
  CreatePipelineCommand,
  DeletePipelineCommand,
  GetPipelineCommand,
  GetPipelineExecutionCommand,
  GetPipelineStateCommand,
  ListActionExecutionsCommand,
  ListPipelineExecutionsCommand,
  ListPipelinesCommand,
  PutApprovalResultCommand,
  StartPipelineExecutionCommand,
  StopPipelineExecutionCommand,
  UpdatePipelineCommand,
} from '@aws-sdk/client-codepipeline';
import type { ActionExecutionDetail, PipelineExecution, StageState } from '@aws-sdk/client-codepipeline';
import { CodeCommitClient, CreateRepositoryCommand } from '@aws-sdk/client-codecommit';
import {
  CodeDeployClient,
  CreateApplicationCommand,
  CreateDeploymentGroupCommand,
  GetDeploymentCommand,
} from '@aws-sdk/client-codedeploy';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { RunnerExecutor } from '../harness/aws/codebuild/runner-executor.js';
import {
  approvalStage,
  codeBuildStage,
  codeCommitSourceStage,
  codeDeployStage,
  pipelineDeclaration,
} from '../harness/aws/codepipeline/declarations.js';
import { startEmulator } from '../harness/aws/server.js';
import type { Emulator } from '../harness/aws/server.js';
import { clientConfig, eventually, rejectionOf } from './helpers.js';

let emulator: Emulator;
let pipelines: CodePipelineClient;
let codebuild: CodeBuildClient;
let work = '';
const ROLE = 'arn:aws:iam::000000000000:role/codebuild';

const BUILDSPEC = `version: 0.2
env:
  exported-variables:
    - BUILT_FROM
phases:
  build:
    commands:
      - echo "building $CODEBUILD_RESOLVED_SOURCE_VERSION for $GREETING"
      - export BUILT_FROM="$(cat version.txt)-$GREETING"
`;
const FAILING = `version: 0.2
phases:
  build:
    commands:
      - echo "about to fail"
      - exit 3
`;

function git(...args: string[]): string {
  return execFileSync('git', ['-C', work, '-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

/** Commits files on a branch of the work clone and pushes it to the emulated repository; returns the commit. */
function push(branch: string, files: Record<string, string>, message: string): string {
  git('checkout', '-q', '-B', branch, `origin/${branch}`);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(work, name), text);
  git('add', '-A');
  git('commit', '-q', '-m', message);
  git('push', '-q', 'origin', `HEAD:refs/heads/${branch}`);
  git('fetch', '-q', 'origin');
  return git('rev-parse', 'HEAD');
}

async function settled(name: string, id: string): Promise<PipelineExecution> {
  await emulator.state.codepipeline.settled(name, id);
  const { pipelineExecution } = await pipelines.send(
    new GetPipelineExecutionCommand({ pipelineName: name, pipelineExecutionId: id }),
  );
  return pipelineExecution ?? {};
}

async function actions(name: string, id: string): Promise<Record<string, ActionExecutionDetail>> {
  const { actionExecutionDetails = [] } = await pipelines.send(
    new ListActionExecutionsCommand({ pipelineName: name, filter: { pipelineExecutionId: id } }),
  );
  return Object.fromEntries(actionExecutionDetails.map((d) => [d.actionName ?? '', d]));
}

async function stages(name: string): Promise<Record<string, StageState>> {
  const { stageStates = [] } = await pipelines.send(new GetPipelineStateCommand({ name }));
  return Object.fromEntries(stageStates.map((s) => [s.stageName ?? '', s]));
}

/** The first execution of a pipeline (CreatePipeline starts one). */
const firstExecution = (name: string) => emulator.state.codepipeline.executions(name).at(-1)?.id ?? '';

const commits: Record<string, string> = {};

beforeAll(async () => {
  let url = '';
  emulator = await startEmulator({ buildExecutor: new RunnerExecutor({ endpoint: () => url, region: 'us-east-1' }) });
  url = emulator.url;
  pipelines = new CodePipelineClient(clientConfig(emulator));
  codebuild = new CodeBuildClient(clientConfig(emulator));
  const codecommit = new CodeCommitClient(clientConfig(emulator));
  await codecommit.send(new CreateRepositoryCommand({ repositoryName: 'app' }));
  codecommit.destroy();
  work = mkdtempSync(join(tmpdir(), 'emu-cp-work-'));
  execFileSync('git', ['clone', '-q', emulator.state.codecommit.path('app'), work], { stdio: 'ignore' });
  git('checkout', '-q', '-b', 'main');
  writeFileSync(join(work, 'buildspec.yml'), BUILDSPEC);
  writeFileSync(join(work, 'version.txt'), 'v1');
  git('add', '-A');
  git('commit', '-q', '-m', 'first version');
  git('push', '-q', 'origin', 'main');
  git('fetch', '-q', 'origin');
  commits.v1 = git('rev-parse', 'HEAD');
  commits.v2 = push('main', { 'version.txt': 'v2' }, 'second version');
  git('checkout', '-q', '-b', 'broken');
  writeFileSync(join(work, 'buildspec.yml'), FAILING);
  git('commit', '-q', '-am', 'break the build');
  git('push', '-q', 'origin', 'broken');
  git('fetch', '-q', 'origin');
  commits.broken = git('rev-parse', 'HEAD');
  for (const name of ['app-build', 'app-test']) {
    await codebuild.send(
      new CreateProjectCommand({
        name,
        source: { type: 'CODEPIPELINE' },
        artifacts: { type: 'CODEPIPELINE' },
        environment: {
          type: 'LINUX_CONTAINER',
          image: 'aws/codebuild/standard:7.0',
          computeType: 'BUILD_GENERAL1_SMALL',
          environmentVariables: [{ name: 'GREETING', value: 'project' }],
        },
        serviceRole: ROLE,
      }),
    );
  }
});

afterAll(async () => {
  pipelines.destroy();
  codebuild.destroy();
  await emulator.close();
  rmSync(work, { recursive: true, force: true });
});

describe('a source → build pipeline', () => {
  test('CreatePipeline runs it: the build runs the buildspec of the branch head and the execution succeeds', async () => {
    const created = await pipelines.send(
      new CreatePipelineCommand({
        pipeline: pipelineDeclaration('ok', [
          codeCommitSourceStage({ repository: 'app' }),
          codeBuildStage({
            project: 'app-build',
            namespace: 'BuildVariables',
            env: { GREETING: 'hello', COMMIT: '#{SourceVariables.CommitId}' },
          }),
        ]),
      }),
    );
    expect(created.pipeline).toMatchObject({ version: 1, pipelineType: 'V1', executionMode: 'SUPERSEDED' });
    expect(created.pipeline?.stages?.[1]?.actions?.[0]).toMatchObject({ runOrder: 1, outputArtifacts: [] });

    const id = firstExecution('ok');
    const execution = await settled('ok', id);
    expect(execution).toMatchObject({
      pipelineName: 'ok',
      pipelineVersion: 1,
      status: 'Succeeded',
      trigger: { triggerType: 'CreatePipeline', triggerDetail: 'arn:aws:iam::000000000000:root' },
      executionMode: 'SUPERSEDED',
    });
    expect(execution.artifactRevisions).toEqual([
      expect.objectContaining({ name: 'SourceOutput', revisionId: commits.v2, revisionSummary: 'second version' }),
    ]);

    const byAction = await actions('ok', id);
    expect(byAction.Source?.status).toBe('Succeeded');
    expect(byAction.Source?.output?.outputVariables).toMatchObject({
      CommitId: commits.v2,
      CommitMessage: 'second version',
      BranchName: 'main',
      RepositoryName: 'app',
    });
    expect(byAction.Source?.output?.outputVariables?.AuthorDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const build = byAction.Build;
    expect(build?.status).toBe('Succeeded');
    expect(build?.input?.resolvedConfiguration?.EnvironmentVariables).toContain(commits.v2);
    expect(build?.input?.configuration?.EnvironmentVariables).toContain('#{SourceVariables.CommitId}');
    expect(build?.input?.inputArtifacts?.[0]).toMatchObject({
      name: 'SourceOutput',
      s3location: { bucket: 'codepipeline-us-east-1-000000000000', key: expect.stringMatching(/^ok\/SourceOutp\//) },
    });
    expect(build?.output?.outputVariables).toEqual({ BUILT_FROM: 'v2-hello' });
    const buildId = build?.output?.executionResult?.externalExecutionId ?? '';
    expect(buildId).toMatch(/^app-build:/);
    expect(build?.output?.executionResult?.externalExecutionUrl).toContain(encodeURIComponent(buildId));

    const { builds } = await codebuild.send(new BatchGetBuildsCommand({ ids: [buildId] }));
    expect(builds?.[0]).toMatchObject({
      buildStatus: 'SUCCEEDED',
      initiator: 'codepipeline/ok',
      resolvedSourceVersion: commits.v2,
      source: { type: 'CODEPIPELINE' },
    });
    const group = builds?.[0]?.logs?.groupName ?? '';
    const stream = builds?.[0]?.logs?.streamName ?? '';
    const lines = emulator.state.logs.visibleEvents(group, stream).map((e) => e.message);
    expect(lines).toContain(`building ${commits.v2} for hello`);

    const state = await stages('ok');
    expect(state.Source?.latestExecution).toEqual({ pipelineExecutionId: id, status: 'Succeeded' });
    expect(state.Build?.latestExecution).toEqual({ pipelineExecutionId: id, status: 'Succeeded' });
    expect(state.Build?.actionStates?.[0]?.latestExecution).toMatchObject({
      status: 'Succeeded',
      externalExecutionId: buildId,
    });
    expect(state.Source?.actionStates?.[0]).toMatchObject({
      currentRevision: { revisionId: commits.v2 },
      latestExecution: { status: 'Succeeded', summary: 'second version', externalExecutionId: commits.v2 },
    });
  });

  test('a failing build fails the Build stage and the execution, with the failed phase in errorDetails', async () => {
    await pipelines.send(
      new CreatePipelineCommand({
        pipeline: pipelineDeclaration('broken', [
          codeCommitSourceStage({ repository: 'app', branch: 'broken' }),
          codeBuildStage({ project: 'app-build' }),
          approvalStage(),
        ]),
      }),
    );
    const id = firstExecution('broken');
    const execution = await settled('broken', id);
    expect(execution.status).toBe('Failed');
    expect(execution.artifactRevisions?.[0]?.revisionId).toBe(commits.broken);
    const build = (await actions('broken', id)).Build;
    expect(build?.status).toBe('Failed');
    expect(build?.output?.executionResult?.errorDetails).toEqual({
      code: 'JobFailed',
      message: expect.stringMatching(
        /^Build terminated with state: FAILED\. Phase: BUILD, Code: COMMAND_EXECUTION_ERROR/,
      ),
    });
    const state = await stages('broken');
    expect(state.Build?.latestExecution?.status).toBe('Failed');
    expect(state.Build?.actionStates?.[0]?.latestExecution?.errorDetails?.code).toBe('JobFailed');
    expect(state.Approve?.latestExecution).toBeUndefined();
  });
});

describe('artifacts between actions', () => {
  test("a build's output artifact is the next build's source (a Test action with an inline buildspec)", async () => {
    git('checkout', '-q', '-B', 'artifacts', 'origin/main');
    writeFileSync(
      join(work, 'buildspec.yml'),
      'version: 0.2\nphases:\n  build:\n    commands:\n      - echo "made from $(cat version.txt)" > out.txt\n' +
        'artifacts:\n  files:\n    - out.txt\n',
    );
    git('commit', '-q', '-am', 'produce an artifact');
    git('push', '-q', 'origin', 'HEAD:refs/heads/artifacts');
    await codebuild.send(
      new CreateProjectCommand({
        name: 'app-verify',
        source: {
          type: 'CODEPIPELINE',
          buildspec:
            'version: 0.2\nenv:\n  exported-variables:\n    - SEEN\nphases:\n  build:\n    commands:\n' +
            '      - export SEEN="$(cat out.txt)"\n      - test ! -e version.txt\n',
        },
        artifacts: { type: 'CODEPIPELINE' },
        environment: {
          type: 'LINUX_CONTAINER',
          image: 'aws/codebuild/standard:7.0',
          computeType: 'BUILD_GENERAL1_SMALL',
        },
        serviceRole: ROLE,
      }),
    );
    await pipelines.send(
      new CreatePipelineCommand({
        pipeline: pipelineDeclaration('artifacts', [
          codeCommitSourceStage({ repository: 'app', branch: 'artifacts' }),
          codeBuildStage({ project: 'app-build', outputs: ['BuildOutput'] }),
          codeBuildStage({
            project: 'app-verify',
            input: 'BuildOutput',
            stageName: 'Test',
            actionName: 'Verify',
            category: 'Test',
          }),
        ]),
      }),
    );
    const id = firstExecution('artifacts');
    expect((await settled('artifacts', id)).status).toBe('Succeeded');
    const byAction = await actions('artifacts', id);
    expect(byAction.Build?.output?.outputArtifacts?.[0]).toMatchObject({
      name: 'BuildOutput',
      s3location: {
        bucket: 'codepipeline-us-east-1-000000000000',
        key: expect.stringMatching(/^artifacts\/BuildOutpu\//),
      },
    });
    expect(byAction.Verify?.input?.inputArtifacts?.[0]?.name).toBe('BuildOutput');
    expect(byAction.Verify?.output?.outputVariables).toEqual({ SEEN: 'made from v2' });
  });

  test('a build whose buildspec produces no artifact for a declared output fails', async () => {
    await pipelines.send(
      new CreatePipelineCommand({
        pipeline: pipelineDeclaration('no-artifact', [
          codeCommitSourceStage({ repository: 'app' }),
          codeBuildStage({ project: 'app-build', outputs: ['BuildOutput'] }),
        ]),
      }),
    );
    const id = firstExecution('no-artifact');
    expect((await settled('no-artifact', id)).status).toBe('Failed');
    expect((await actions('no-artifact', id)).Build?.output?.executionResult?.errorDetails?.message).toBe(
      'The build produced no artifact for output artifact BuildOutput',
    );
  });
});

describe('change detection', () => {
  test('a push to the branch starts an execution (CloudWatchEvent) whose sourceRevisions name the pushed commit', async () => {
    await pipelines.send(
      new CreatePipelineCommand({
        pipeline: pipelineDeclaration('pushed', [
          codeCommitSourceStage({ repository: 'app', branch: 'feature-push' }),
          codeBuildStage({ project: 'app-build' }),
        ]),
      }),
    );
    // The branch does not exist yet: the first execution fails in its source action.
    const first = await settled('pushed', firstExecution('pushed'));
    expect(first.status).toBe('Failed');
    const source = (await actions('pushed', first.pipelineExecutionId ?? '')).Source;
    expect(source?.output?.executionResult?.errorDetails?.message).toContain('no branch named feature-push');

    const next = emulator.state.codepipeline.nextExecution('pushed');
    git('checkout', '-q', '-B', 'feature-push', 'origin/main');
    writeFileSync(join(work, 'version.txt'), 'v3');
    git('commit', '-q', '-am', 'pushed change');
    git('push', '-q', 'origin', 'HEAD:refs/heads/feature-push');
    const pushed = git('rev-parse', 'HEAD');
    const run = await next;
    const execution = await settled('pushed', run.id);
    expect(execution.status).toBe('Succeeded');
    expect(execution.trigger).toEqual({
      triggerType: 'CloudWatchEvent',
      triggerDetail: 'arn:aws:events:us-east-1:000000000000:rule/codepipeline-app-feature-push-rule',
    });
    const { pipelineExecutionSummaries = [] } = await pipelines.send(
      new ListPipelineExecutionsCommand({ pipelineName: 'pushed' }),
    );
    expect(pipelineExecutionSummaries.map((s) => s.pipelineExecutionId)).toEqual([run.id, first.pipelineExecutionId]);
    expect(pipelineExecutionSummaries[0]).toMatchObject({
      status: 'Succeeded',
      sourceRevisions: [
        {
          actionName: 'Source',
          revisionId: pushed,
          revisionSummary: 'pushed change',
          revisionUrl: expect.stringContaining(`/codecommit/repositories/app/commit/${pushed}`),
        },
      ],
      trigger: { triggerType: 'CloudWatchEvent' },
    });
    expect((await actions('pushed', run.id)).Build?.output?.outputVariables).toEqual({ BUILT_FROM: 'v3-project' });
    // Pushes to other branches start nothing.
    const count = emulator.state.codepipeline.executions('pushed').length;
    push('main', { 'other.txt': 'x' }, 'elsewhere');
    await new Promise((r) => setTimeout(r, 400));
    expect(emulator.state.codepipeline.executions('pushed')).toHaveLength(count);
  });

  test('PollForSourceChanges omitted: the source is polled (trigger PollForSourceChanges)', async () => {
    await pipelines.send(
      new CreatePipelineCommand({
        pipeline: pipelineDeclaration('polled', [
          codeCommitSourceStage({ repository: 'app', branch: 'polled', pollForSourceChanges: undefined }),
          codeBuildStage({ project: 'app-build' }),
        ]),
      }),
    );
    const { pipeline } = await pipelines.send(new GetPipelineCommand({ name: 'polled' }));
    expect(pipeline?.stages?.[0]?.actions?.[0]?.configuration).toEqual({ RepositoryName: 'app', BranchName: 'polled' });
    await settled('polled', firstExecution('polled'));
    const next = emulator.state.codepipeline.nextExecution('polled');
    git('checkout', '-q', '-B', 'polled', 'origin/main');
    git('push', '-q', 'origin', 'HEAD:refs/heads/polled');
    const execution = await settled('polled', (await next).id);
    expect(execution.trigger).toEqual({ triggerType: 'PollForSourceChanges', triggerDetail: 'Source' });
    expect(execution.status).toBe('Succeeded');
  });
});

describe('CodeStarSourceConnection against a linked local repository', () => {
  test('the build runs its commit; a new commit on the branch starts a V2 execution (WebhookV2)', async () => {
    const local = mkdtempSync(join(tmpdir(), 'emu-cp-linked-'));
    const run = (...args: string[]) =>
      execFileSync('git', ['-C', local, '-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
        encoding: 'utf8',
      }).trim();
    try {
      run('init', '-q', '-b', 'main');
      writeFileSync(join(local, 'buildspec.yml'), BUILDSPEC);
      writeFileSync(join(local, 'version.txt'), 'gh1');
      run('add', '-A');
      run('commit', '-q', '-m', 'from github');
      const first = run('rev-parse', 'HEAD');
      emulator.state.codepipeline.linkRepository('octo/app', local);
      const connectionArn = 'arn:aws:codeconnections:us-east-1:000000000000:connection/0000-1111';
      await pipelines.send(
        new CreatePipelineCommand({
          pipeline: pipelineDeclaration(
            'connected',
            [
              {
                name: 'Source',
                actions: [
                  {
                    name: 'Source',
                    actionTypeId: {
                      category: 'Source',
                      owner: 'AWS',
                      provider: 'CodeStarSourceConnection',
                      version: '1',
                    },
                    configuration: { ConnectionArn: connectionArn, FullRepositoryId: 'octo/app', BranchName: 'main' },
                    outputArtifacts: [{ name: 'SourceOutput' }],
                    namespace: 'SourceVariables',
                  },
                ],
              },
              codeBuildStage({ project: 'app-build', env: { GREETING: '#{SourceVariables.FullRepositoryName}' } }),
            ],
            { pipelineType: 'V2' },
          ),
        }),
      );
      const id = firstExecution('connected');
      const execution = await settled('connected', id);
      expect(execution.status).toBe('Succeeded');
      expect(execution.artifactRevisions?.[0]).toMatchObject({
        revisionId: first,
        revisionSummary: JSON.stringify({ ProviderType: 'GitHub', CommitMessage: 'from github' }),
      });
      const byAction = await actions('connected', id);
      expect(byAction.Source?.output?.outputVariables).toMatchObject({
        CommitId: first,
        ConnectionArn: connectionArn,
        FullRepositoryName: 'octo/app',
      });
      expect(byAction.Build?.output?.outputVariables).toEqual({ BUILT_FROM: 'gh1-octo/app' });

      const next = emulator.state.codepipeline.nextExecution('connected');
      writeFileSync(join(local, 'version.txt'), 'gh2');
      run('commit', '-q', '-am', 'second from github');
      const pushed = await settled('connected', (await next).id);
      expect(pushed.trigger).toEqual({ triggerType: 'WebhookV2', triggerDetail: connectionArn });
      expect(pushed.artifactRevisions?.[0]?.revisionId).toBe(run('rev-parse', 'HEAD'));
    } finally {
      await pipelines.send(new DeletePipelineCommand({ name: 'connected' }));
      rmSync(local, { recursive: true, force: true });
    }
  });
});

describe('StartPipelineExecution', () => {
  const v2 = () =>
    pipelineDeclaration(
      'v2',
      [
        codeCommitSourceStage({ repository: 'app' }),
        codeBuildStage({ project: 'app-build', env: { GREETING: '#{variables.greeting}' } }),
      ],
      {
        pipelineType: 'V2',
        executionMode: 'QUEUED',
        variables: [{ name: 'greeting', defaultValue: 'default-greeting', description: 'who to greet' }],
      },
    );

  beforeAll(async () => {
    await pipelines.send(new CreatePipelineCommand({ pipeline: v2() }));
    await settled('v2', firstExecution('v2'));
  });

  test('V2 variables and a COMMIT_ID source revision override', async () => {
    const { pipelineExecutionId = '' } = await pipelines.send(
      new StartPipelineExecutionCommand({
        name: 'v2',
        variables: [{ name: 'greeting', value: 'override' }],
        sourceRevisions: [{ actionName: 'Source', revisionType: 'COMMIT_ID', revisionValue: commits.v1 }],
      }),
    );
    const execution = await settled('v2', pipelineExecutionId);
    expect(execution).toMatchObject({
      status: 'Succeeded',
      pipelineVersion: 1,
      executionMode: 'QUEUED',
      variables: [{ name: 'greeting', resolvedValue: 'override' }],
      trigger: { triggerType: 'StartPipelineExecution', triggerDetail: 'arn:aws:iam::000000000000:root' },
      artifactRevisions: [expect.objectContaining({ revisionId: commits.v1, revisionSummary: 'first version' })],
    });
    const byAction = await actions('v2', pipelineExecutionId);
    expect(byAction.Build?.output?.outputVariables).toEqual({ BUILT_FROM: 'v1-override' });
    expect(byAction.Build?.input?.resolvedConfiguration?.EnvironmentVariables).toContain('"override"');
  });

  test('defaults apply when no value is given; the first execution used them too', async () => {
    const first = await settled('v2', firstExecution('v2'));
    expect(first.variables).toEqual([{ name: 'greeting', resolvedValue: 'default-greeting' }]);
    expect((await actions('v2', first.pipelineExecutionId ?? '')).Build?.output?.outputVariables).toEqual({
      BUILT_FROM: 'v2-default-greeting',
    });
  });

  test('clientRequestToken: the same token answers the same execution', async () => {
    const a = await pipelines.send(new StartPipelineExecutionCommand({ name: 'v2', clientRequestToken: 'token-1' }));
    const b = await pipelines.send(new StartPipelineExecutionCommand({ name: 'v2', clientRequestToken: 'token-1' }));
    expect(b.pipelineExecutionId).toBe(a.pipelineExecutionId);
    await settled('v2', a.pipelineExecutionId ?? '');
  });

  test('refusals: undeclared variable, variables on V1, unknown source action, unsupported revision type', async () => {
    const undeclared = await rejectionOf(
      pipelines.send(new StartPipelineExecutionCommand({ name: 'v2', variables: [{ name: 'nope', value: 'x' }] })),
    );
    expect(undeclared.name).toBe('ValidationException');
    const v1 = await rejectionOf(
      pipelines.send(new StartPipelineExecutionCommand({ name: 'ok', variables: [{ name: 'greeting', value: 'x' }] })),
    );
    expect(v1.name).toBe('ValidationException');
    const action = await rejectionOf(
      pipelines.send(
        new StartPipelineExecutionCommand({
          name: 'v2',
          sourceRevisions: [{ actionName: 'Build', revisionType: 'COMMIT_ID', revisionValue: commits.v1 }],
        }),
      ),
    );
    expect(action.name).toBe('ValidationException');
    const type = await rejectionOf(
      pipelines.send(
        new StartPipelineExecutionCommand({
          name: 'v2',
          sourceRevisions: [{ actionName: 'Source', revisionType: 'S3_OBJECT_VERSION_ID', revisionValue: 'v' }],
        }),
      ),
    );
    expect(type.name).toBe('ValidationException');
    const missing = await rejectionOf(pipelines.send(new StartPipelineExecutionCommand({ name: 'nope' })));
    expect(missing.name).toBe('PipelineNotFoundException');
    expect(missing.message).toBe('Pipeline with name nope does not exist in account 000000000000.');
  });

  test('an override naming a commit the repository lacks fails the source action', async () => {
    const { pipelineExecutionId = '' } = await pipelines.send(
      new StartPipelineExecutionCommand({
        name: 'v2',
        sourceRevisions: [{ actionName: 'Source', revisionType: 'COMMIT_ID', revisionValue: '0'.repeat(40) }],
      }),
    );
    expect((await settled('v2', pipelineExecutionId)).status).toBe('Failed');
    expect((await actions('v2', pipelineExecutionId)).Source?.output?.executionResult?.errorDetails?.code).toBe(
      'RevisionUnavailable',
    );
  });
});

/** Waits until the Approval action of `name` waits for an answer; returns its token. */
async function approvalToken(name: string, stage = 'Approve'): Promise<string> {
  return eventually(async () => {
    const action = (await stages(name))[stage]?.actionStates?.[0]?.latestExecution;
    return action?.status === 'InProgress' ? action.token : undefined;
  });
}

const approvalPipeline = (name: string) =>
  pipelineDeclaration(name, [
    codeCommitSourceStage({ repository: 'app' }),
    approvalStage(),
    codeBuildStage({ project: 'app-build' }),
  ]);

describe('manual approval', () => {
  test('Approved: the action succeeds with the summary and the pipeline goes on', async () => {
    await pipelines.send(new CreatePipelineCommand({ pipeline: approvalPipeline('approved') }));
    const id = firstExecution('approved');
    const token = await approvalToken('approved');
    expect(token).toMatch(/^[0-9a-f-]{36}$/);
    const state = await stages('approved');
    expect(state.Approve?.latestExecution).toEqual({ pipelineExecutionId: id, status: 'InProgress' });
    expect(state.Approve?.actionStates?.[0]?.entityUrl).toBe('https://example.com/review');

    const wrong = await rejectionOf(
      pipelines.send(
        new PutApprovalResultCommand({
          pipelineName: 'approved',
          stageName: 'Approve',
          actionName: 'Approval',
          result: { status: 'Approved', summary: 'no' },
          token: '00000000-0000-0000-0000-000000000000',
        }),
      ),
    );
    expect(wrong.name).toBe('InvalidApprovalTokenException');
    const stage = await rejectionOf(
      pipelines.send(
        new PutApprovalResultCommand({
          pipelineName: 'approved',
          stageName: 'Nope',
          actionName: 'Approval',
          result: { status: 'Approved', summary: 'no' },
          token,
        }),
      ),
    );
    expect(stage.name).toBe('StageNotFoundException');

    const answer = {
      pipelineName: 'approved',
      stageName: 'Approve',
      actionName: 'Approval',
      result: { status: 'Approved' as const, summary: 'looks good' },
      token,
    };
    const { approvedAt } = await pipelines.send(new PutApprovalResultCommand(answer));
    expect(approvedAt).toBeInstanceOf(Date);
    const again = await rejectionOf(pipelines.send(new PutApprovalResultCommand(answer)));
    expect(again.name).toBe('ApprovalAlreadyCompletedException');

    expect((await settled('approved', id)).status).toBe('Succeeded');
    const approval = (await actions('approved', id)).Approval;
    expect(approval).toMatchObject({
      status: 'Succeeded',
      updatedBy: 'arn:aws:iam::000000000000:root',
      output: { executionResult: { externalExecutionSummary: 'looks good' } },
    });
    const after = (await stages('approved')).Approve?.actionStates?.[0]?.latestExecution;
    expect(after).toMatchObject({ status: 'Succeeded', summary: 'looks good' });
    expect(after?.token).toBeUndefined();
  });

  test('Rejected: the action and the execution fail, later stages do not run', async () => {
    await pipelines.send(new CreatePipelineCommand({ pipeline: approvalPipeline('rejected') }));
    const id = firstExecution('rejected');
    const token = await approvalToken('rejected');
    await pipelines.send(
      new PutApprovalResultCommand({
        pipelineName: 'rejected',
        stageName: 'Approve',
        actionName: 'Approval',
        result: { status: 'Rejected', summary: 'not today' },
        token,
      }),
    );
    expect((await settled('rejected', id)).status).toBe('Failed');
    const state = await stages('rejected');
    expect(state.Approve?.latestExecution?.status).toBe('Failed');
    expect(state.Approve?.actionStates?.[0]?.latestExecution).toMatchObject({
      status: 'Failed',
      summary: 'not today',
    });
    expect(state.Build?.latestExecution).toBeUndefined();
  });
});

describe('StopPipelineExecution', () => {
  test('abandon false: Stopping while the in-progress action finishes, then Stopped; nothing after it runs', async () => {
    await pipelines.send(new CreatePipelineCommand({ pipeline: approvalPipeline('stop-wait') }));
    const id = firstExecution('stop-wait');
    const token = await approvalToken('stop-wait');
    const stop = { pipelineName: 'stop-wait', pipelineExecutionId: id, reason: 'enough' };
    expect((await pipelines.send(new StopPipelineExecutionCommand(stop))).pipelineExecutionId).toBe(id);
    const stopping = await pipelines.send(
      new GetPipelineExecutionCommand({ pipelineName: 'stop-wait', pipelineExecutionId: id }),
    );
    expect(stopping.pipelineExecution?.status).toBe('Stopping');
    expect((await stages('stop-wait')).Approve?.latestExecution?.status).toBe('Stopping');
    const duplicate = await rejectionOf(pipelines.send(new StopPipelineExecutionCommand(stop)));
    expect(duplicate.name).toBe('DuplicatedStopRequestException');

    // The approval still waits and can be answered; its completion ends the stop.
    await pipelines.send(
      new PutApprovalResultCommand({
        pipelineName: 'stop-wait',
        stageName: 'Approve',
        actionName: 'Approval',
        result: { status: 'Approved', summary: 'ok' },
        token,
      }),
    );
    expect((await settled('stop-wait', id)).status).toBe('Stopped');
    expect((await actions('stop-wait', id)).Approval?.status).toBe('Succeeded');
    const state = await stages('stop-wait');
    expect(state.Approve?.latestExecution?.status).toBe('Stopped');
    expect(state.Build?.latestExecution).toBeUndefined();
    const { pipelineExecutionSummaries = [] } = await pipelines.send(
      new ListPipelineExecutionsCommand({ pipelineName: 'stop-wait' }),
    );
    expect(pipelineExecutionSummaries[0]).toMatchObject({ status: 'Stopped', stopTrigger: { reason: 'enough' } });

    const done = await rejectionOf(pipelines.send(new StopPipelineExecutionCommand(stop)));
    expect(done.name).toBe('PipelineExecutionNotStoppableException');
  });

  describe('with a build in progress', () => {
    let release = '';
    const SLOW = `version: 0.2
phases:
  build:
    commands:
      - while [ ! -f "$RELEASE" ]; do sleep 0.05; done
      - echo released
`;
    beforeAll(() => {
      release = join(work, '..', `${work.split('/').at(-1)}-release`);
      git('checkout', '-q', '-B', 'slow', 'origin/main');
      writeFileSync(join(work, 'buildspec.yml'), SLOW);
      git('commit', '-q', '-am', 'slow build');
      git('push', '-q', 'origin', 'HEAD:refs/heads/slow');
    });
    afterEach(() => rmSync(release, { force: true }));

    const slowPipeline = (name: string) =>
      pipelineDeclaration(name, [
        codeCommitSourceStage({ repository: 'app', branch: 'slow' }),
        codeBuildStage({ project: 'app-build', env: { RELEASE: release } }),
        approvalStage(),
      ]);
    const runningBuild = (name: string, id: string) =>
      eventually(async () => {
        const build = (await actions(name, id)).Build;
        return build?.output?.executionResult?.externalExecutionId;
      });

    test('abandon false waits for the build to finish', async () => {
      await pipelines.send(new CreatePipelineCommand({ pipeline: slowPipeline('slow-wait') }));
      const id = firstExecution('slow-wait');
      const buildId = await runningBuild('slow-wait', id);
      await pipelines.send(new StopPipelineExecutionCommand({ pipelineName: 'slow-wait', pipelineExecutionId: id }));
      expect((await actions('slow-wait', id)).Build?.status).toBe('InProgress');
      expect(emulator.state.codebuild.build(buildId)?.complete).toBe(false);
      writeFileSync(release, '');
      expect((await settled('slow-wait', id)).status).toBe('Stopped');
      expect((await actions('slow-wait', id)).Build?.status).toBe('Succeeded');
      expect(emulator.state.codebuild.build(buildId)?.build.buildStatus).toBe('SUCCEEDED');
      expect((await stages('slow-wait')).Approve?.latestExecution).toBeUndefined();
    });

    test('abandon true ends the action at once; the build itself is not stopped', async () => {
      await pipelines.send(new CreatePipelineCommand({ pipeline: slowPipeline('slow-abandon') }));
      const id = firstExecution('slow-abandon');
      const buildId = await runningBuild('slow-abandon', id);
      await pipelines.send(
        new StopPipelineExecutionCommand({ pipelineName: 'slow-abandon', pipelineExecutionId: id, abandon: true }),
      );
      expect((await settled('slow-abandon', id)).status).toBe('Stopped');
      expect((await actions('slow-abandon', id)).Build?.status).toBe('Abandoned');
      expect(emulator.state.codebuild.build(buildId)?.complete).toBe(false);
      writeFileSync(release, '');
      await emulator.state.codebuild.build(buildId)?.done;
      expect(emulator.state.codebuild.build(buildId)?.build.buildStatus).toBe('SUCCEEDED');
    });
  });

  test('abandon true: the in-progress action is Abandoned and the execution Stopped at once', async () => {
    await pipelines.send(new CreatePipelineCommand({ pipeline: approvalPipeline('stop-abandon') }));
    const id = firstExecution('stop-abandon');
    await approvalToken('stop-abandon');
    // A stop-and-wait may be turned into an abandon.
    await pipelines.send(new StopPipelineExecutionCommand({ pipelineName: 'stop-abandon', pipelineExecutionId: id }));
    await pipelines.send(
      new StopPipelineExecutionCommand({ pipelineName: 'stop-abandon', pipelineExecutionId: id, abandon: true }),
    );
    expect((await settled('stop-abandon', id)).status).toBe('Stopped');
    const approval = (await actions('stop-abandon', id)).Approval;
    expect(approval?.status).toBe('Abandoned');
    expect((await stages('stop-abandon')).Approve?.latestExecution?.status).toBe('Stopped');
  });
});

describe('execution modes', () => {
  test('SUPERSEDED: a newer execution waiting for a busy stage supersedes an older waiting one', async () => {
    await pipelines.send(new CreatePipelineCommand({ pipeline: approvalPipeline('superseded') }));
    const a = firstExecution('superseded');
    const tokenA = await approvalToken('superseded');
    const start = async () =>
      (await pipelines.send(new StartPipelineExecutionCommand({ name: 'superseded' }))).pipelineExecutionId ?? '';
    const b = await start();
    await eventually(async () => ((await stages('superseded')).Approve?.inboundExecution ? true : undefined));
    expect((await stages('superseded')).Approve?.inboundExecution).toEqual({
      pipelineExecutionId: b,
      status: 'InProgress',
    });
    const c = await start();
    expect((await settled('superseded', b)).status).toBe('Superseded');
    const state = await stages('superseded');
    expect(state.Approve?.inboundExecution?.pipelineExecutionId).toBe(c);
    expect(state.Approve?.latestExecution).toEqual({ pipelineExecutionId: a, status: 'InProgress' });

    const approve = (token: string) =>
      pipelines.send(
        new PutApprovalResultCommand({
          pipelineName: 'superseded',
          stageName: 'Approve',
          actionName: 'Approval',
          result: { status: 'Approved', summary: 'go' },
          token,
        }),
      );
    await approve(tokenA);
    expect((await settled('superseded', a)).status).toBe('Succeeded');
    // c enters the stage a left.
    const tokenC = await eventually(async () => {
      const s = (await stages('superseded')).Approve;
      return s?.latestExecution?.pipelineExecutionId === c ? s.actionStates?.[0]?.latestExecution?.token : undefined;
    });
    await approve(tokenC);
    expect((await settled('superseded', c)).status).toBe('Succeeded');
    const { pipelineExecutionSummaries = [] } = await pipelines.send(
      new ListPipelineExecutionsCommand({ pipelineName: 'superseded' }),
    );
    expect(pipelineExecutionSummaries.map((s) => [s.pipelineExecutionId, s.status])).toEqual([
      [c, 'Succeeded'],
      [b, 'Superseded'],
      [a, 'Succeeded'],
    ]);
  });

  test('QUEUED (V2): waiting executions queue up instead of superseding each other', async () => {
    await pipelines.send(
      new CreatePipelineCommand({
        pipeline: { ...approvalPipeline('queued'), pipelineType: 'V2', executionMode: 'QUEUED' },
      }),
    );
    const a = firstExecution('queued');
    await approvalToken('queued');
    const b = (await pipelines.send(new StartPipelineExecutionCommand({ name: 'queued' }))).pipelineExecutionId ?? '';
    const c = (await pipelines.send(new StartPipelineExecutionCommand({ name: 'queued' }))).pipelineExecutionId ?? '';
    const inbound = await eventually(async () => {
      const list = (await stages('queued')).Approve?.inboundExecutions ?? [];
      return list.length === 2 ? list.map((e) => e.pipelineExecutionId) : undefined;
    });
    expect(inbound).toEqual([b, c]);
    for (const id of [a, b, c]) {
      await pipelines.send(
        new StopPipelineExecutionCommand({ pipelineName: 'queued', pipelineExecutionId: id, abandon: true }),
      );
      expect((await settled('queued', id)).status).toBe('Stopped');
    }
  });

  test('V1 pipelines refuse QUEUED', async () => {
    const err = await rejectionOf(
      pipelines.send(new CreatePipelineCommand({ pipeline: { ...approvalPipeline('v1q'), executionMode: 'QUEUED' } })),
    );
    expect(err.name).toBe('ValidationException');
  });
});

describe('pipelines', () => {
  const simple = (name: string) =>
    pipelineDeclaration(name, [codeCommitSourceStage({ repository: 'app' }), codeBuildStage({ project: 'app-build' })]);

  test('UpdatePipeline bumps the version; GetPipeline answers any kept version; ListPipelines pages', async () => {
    await pipelines.send(new CreatePipelineCommand({ pipeline: simple('versions') }));
    const first = firstExecution('versions');
    const updated = await pipelines.send(
      new UpdatePipelineCommand({
        pipeline: { ...simple('versions'), stages: [...(simple('versions').stages ?? []), approvalStage()] },
      }),
    );
    expect(updated.pipeline?.version).toBe(2);
    const current = await pipelines.send(new GetPipelineCommand({ name: 'versions' }));
    expect(current.pipeline?.stages?.map((s) => s.name)).toEqual(['Source', 'Build', 'Approve']);
    expect(current.metadata?.pipelineArn).toBe('arn:aws:codepipeline:us-east-1:000000000000:versions');
    const v1 = await pipelines.send(new GetPipelineCommand({ name: 'versions', version: 1 }));
    expect(v1.pipeline?.stages?.map((s) => s.name)).toEqual(['Source', 'Build']);
    const v9 = await rejectionOf(pipelines.send(new GetPipelineCommand({ name: 'versions', version: 9 })));
    expect(v9.name).toBe('PipelineVersionNotFoundException');
    // The execution CreatePipeline started ran version 1, or was cancelled by the update.
    const run = await settled('versions', first);
    expect(run.pipelineVersion).toBe(1);
    expect(['Succeeded', 'Cancelled']).toContain(run.status);

    const listed: string[] = [];
    let nextToken: string | undefined;
    do {
      const out = await pipelines.send(new ListPipelinesCommand({ maxResults: 2, nextToken }));
      listed.push(...(out.pipelines ?? []).map((p) => p.name ?? ''));
      nextToken = out.nextToken;
    } while (nextToken);
    expect(listed).toEqual([...emulator.state.codepipeline.pipelines.keys()].sort());
    const { pipelines: all = [] } = await pipelines.send(new ListPipelinesCommand({}));
    expect(all.find((p) => p.name === 'versions')).toMatchObject({
      version: 2,
      pipelineType: 'V1',
      executionMode: 'SUPERSEDED',
    });
    const bad = await rejectionOf(pipelines.send(new ListPipelinesCommand({ nextToken: 'bogus' })));
    expect(bad.name).toBe('InvalidNextTokenException');
  });

  test('an update while an approval waits: the running action completes, then the execution is Cancelled', async () => {
    await pipelines.send(new CreatePipelineCommand({ pipeline: approvalPipeline('cancelled') }));
    const id = firstExecution('cancelled');
    const token = await approvalToken('cancelled');
    await pipelines.send(new UpdatePipelineCommand({ pipeline: approvalPipeline('cancelled') }));
    await pipelines.send(
      new PutApprovalResultCommand({
        pipelineName: 'cancelled',
        stageName: 'Approve',
        actionName: 'Approval',
        result: { status: 'Approved', summary: 'ok' },
        token,
      }),
    );
    expect((await settled('cancelled', id)).status).toBe('Cancelled');
    expect((await stages('cancelled')).Build?.latestExecution).toBeUndefined();
  });

  test('ListPipelineExecutions pages newest first and filters by succeededInStage', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.unshift((await pipelines.send(new StartPipelineExecutionCommand({ name: 'ok' }))).pipelineExecutionId ?? '');
      await settled('ok', ids[0] ?? '');
    }
    const first = await pipelines.send(new ListPipelineExecutionsCommand({ pipelineName: 'ok', maxResults: 2 }));
    expect(first.pipelineExecutionSummaries?.map((s) => s.pipelineExecutionId)).toEqual(ids.slice(0, 2));
    const second = await pipelines.send(
      new ListPipelineExecutionsCommand({ pipelineName: 'ok', maxResults: 2, nextToken: first.nextToken }),
    );
    expect(second.pipelineExecutionSummaries?.[0]?.pipelineExecutionId).toBe(ids[2]);
    const built = await pipelines.send(
      new ListPipelineExecutionsCommand({
        pipelineName: 'broken',
        filter: { succeededInStage: { stageName: 'Build' } },
      }),
    );
    expect(built.pipelineExecutionSummaries).toEqual([]);
    const sourced = await pipelines.send(
      new ListPipelineExecutionsCommand({
        pipelineName: 'broken',
        filter: { succeededInStage: { stageName: 'Source' } },
      }),
    );
    expect(sourced.pipelineExecutionSummaries).toHaveLength(1);
  });

  test('DeletePipeline removes it (and answers success for a pipeline that does not exist)', async () => {
    await pipelines.send(new CreatePipelineCommand({ pipeline: simple('deleted') }));
    await pipelines.send(new DeletePipelineCommand({ name: 'deleted' }));
    await pipelines.send(new DeletePipelineCommand({ name: 'deleted' }));
    const err = await rejectionOf(pipelines.send(new GetPipelineStateCommand({ name: 'deleted' })));
    expect(err.name).toBe('PipelineNotFoundException');
  });
});

describe('errors', () => {
  const source = codeCommitSourceStage({ repository: 'app' });
  const build = codeBuildStage({ project: 'app-build' });

  test.each([
    [
      'a missing pipeline',
      () => new GetPipelineCommand({ name: 'missing' }),
      'PipelineNotFoundException',
      "Account '000000000000' does not have a pipeline with name 'missing'",
    ],
    [
      'a missing execution',
      () =>
        new GetPipelineExecutionCommand({
          pipelineName: 'ok',
          pipelineExecutionId: '00000000-0000-0000-0000-000000000000',
        }),
      'PipelineExecutionNotFoundException',
      undefined,
    ],
    [
      'a duplicate name',
      () => new CreatePipelineCommand({ pipeline: pipelineDeclaration('ok', [source, build]) }),
      'InvalidStructureException',
      "A pipeline with the name 'ok' already exists in account '000000000000'",
    ],
    [
      'one stage',
      () => new CreatePipelineCommand({ pipeline: pipelineDeclaration('one', [source]) }),
      'InvalidStructureException',
      'Pipeline has only 1 stage(s). There should be a minimum of 2 stages in a pipeline',
    ],
    [
      'a missing configuration key',
      () =>
        new CreatePipelineCommand({
          pipeline: pipelineDeclaration('nokey', [
            source,
            {
              name: 'Build',
              actions: [
                {
                  name: 'Build',
                  actionTypeId: { category: 'Build', owner: 'AWS', provider: 'CodeBuild', version: '1' },
                  inputArtifacts: [{ name: 'SourceOutput' }],
                },
              ],
            },
          ]),
        }),
      'InvalidActionDeclarationException',
      "Action configuration for action 'Build' is missing required configuration 'ProjectName'",
    ],
    [
      'an input nobody produced',
      () =>
        new CreatePipelineCommand({
          pipeline: pipelineDeclaration('noinput', [
            source,
            codeBuildStage({ project: 'app-build', input: 'Nothing' }),
          ]),
        }),
      'InvalidStructureException',
      undefined,
    ],
    [
      'a source action after the first stage',
      () =>
        new CreatePipelineCommand({
          pipeline: pipelineDeclaration('late', [
            source,
            build,
            codeCommitSourceStage({ repository: 'app', stageName: 'Late', output: 'X', namespace: 'N' }),
          ]),
        }),
      'InvalidStructureException',
      undefined,
    ],
    [
      'an action type that does not exist',
      () =>
        new CreatePipelineCommand({
          pipeline: pipelineDeclaration('bogus', [
            source,
            {
              name: 'Build',
              actions: [
                {
                  name: 'Build',
                  actionTypeId: { category: 'Build', owner: 'AWS', provider: 'Bogus', version: '1' },
                },
              ],
            },
          ]),
        }),
      'InvalidActionDeclarationException',
      undefined,
    ],
    [
      'a model violation',
      () => new GetPipelineCommand({ name: 'bad name!' }),
      'ValidationException',
      "1 validation error detected: Value 'bad name!' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [A-Za-z0-9.@\\-_]+",
    ],
  ] as const)('%s', async (_label, command, code, message) => {
    const err = await rejectionOf(pipelines.send(command() as never));
    expect(err.name).toBe(code);
    if (message !== undefined) expect(err.message).toBe(message);
  });

  test('an AWS action type the emulator does not run answers NotImplementedByEmulator (501)', async () => {
    const err = await rejectionOf(
      pipelines.send(
        new CreatePipelineCommand({
          pipeline: pipelineDeclaration('lambda', [
            source,
            {
              name: 'Invoke',
              actions: [
                {
                  name: 'Invoke',
                  actionTypeId: { category: 'Invoke', owner: 'AWS', provider: 'Lambda', version: '1' },
                  configuration: { FunctionName: 'f' },
                },
              ],
            },
          ]),
        }),
      ),
    );
    expect(err.$metadata?.httpStatusCode).toBe(501);
  });

  test('ListActionExecutions with an unknown execution id', async () => {
    const err = await rejectionOf(
      pipelines.send(
        new ListActionExecutionsCommand({
          pipelineName: 'ok',
          filter: { pipelineExecutionId: '00000000-0000-0000-0000-000000000000' },
        }),
      ),
    );
    expect(err.name).toBe('PipelineExecutionNotFoundException');
  });
});

describe('a deploy stage (CodeDeploy)', () => {
  let deploy: CodeDeployClient;
  const APPSPEC = `version: 0.0
os: linux
files:
  - source: /
    destination: /opt/app
hooks:
  ValidateService:
    - location: scripts/validate.sh
      timeout: 30
`;

  beforeAll(async () => {
    deploy = new CodeDeployClient(clientConfig(emulator));
    await deploy.send(new CreateApplicationCommand({ applicationName: 'web', computePlatform: 'Server' }));
    await deploy.send(
      new CreateDeploymentGroupCommand({
        applicationName: 'web',
        deploymentGroupName: 'prod',
        serviceRoleArn: 'arn:aws:iam::000000000000:role/codedeploy',
        onPremisesInstanceTagFilters: [{ Key: 'env', Value: 'pipeline', Type: 'KEY_AND_VALUE' }],
      }),
    );
    emulator.state.codedeploy.registerInstance('web-1', { tags: { env: 'pipeline' } });
    for (const [branch, code] of [
      ['deploy-ok', 0],
      ['deploy-bad', 1],
    ] as const) {
      git('checkout', '-q', '-B', branch, 'origin/main');
      execFileSync('mkdir', ['-p', join(work, 'scripts')]);
      writeFileSync(join(work, 'appspec.yml'), APPSPEC);
      writeFileSync(join(work, 'scripts', 'validate.sh'), `#!/bin/sh\necho validating\nexit ${code}\n`, {
        mode: 0o755,
      });
      git('add', '-A');
      git('commit', '-q', '-m', `deployable ${branch}`);
      git('push', '-q', 'origin', `HEAD:refs/heads/${branch}`);
    }
  });
  afterAll(() => deploy.destroy());

  const deployPipeline = (name: string, branch: string) =>
    pipelineDeclaration(name, [
      codeCommitSourceStage({ repository: 'app', branch }),
      codeDeployStage({ application: 'web', group: 'prod' }),
    ]);

  test('the source commit is deployed through its hooks and the action follows the deployment to success', async () => {
    await pipelines.send(new CreatePipelineCommand({ pipeline: deployPipeline('deployed', 'deploy-ok') }));
    const id = firstExecution('deployed');
    expect((await settled('deployed', id)).status).toBe('Succeeded');
    const action = (await actions('deployed', id)).Deploy;
    const deploymentId = action?.output?.executionResult?.externalExecutionId ?? '';
    expect(deploymentId).toMatch(/^d-[A-Z0-9]{9}$/);
    expect(action?.output?.executionResult?.externalExecutionUrl).toContain(`/codedeploy/deployments/${deploymentId}`);
    const { deploymentInfo } = await deploy.send(new GetDeploymentCommand({ deploymentId }));
    expect(deploymentInfo?.status).toBe('Succeeded');
    expect(deploymentInfo?.revision?.s3Location).toMatchObject({
      bucket: action?.input?.inputArtifacts?.[0]?.s3location?.bucket,
      key: action?.input?.inputArtifacts?.[0]?.s3location?.key,
      bundleType: 'zip',
    });
    expect((await stages('deployed')).Deploy?.actionStates?.[0]?.latestExecution).toMatchObject({
      status: 'Succeeded',
      externalExecutionId: deploymentId,
    });
  });

  test('a failing ValidateService hook fails the deployment, the action and the execution', async () => {
    await pipelines.send(new CreatePipelineCommand({ pipeline: deployPipeline('undeployed', 'deploy-bad') }));
    const id = firstExecution('undeployed');
    expect((await settled('undeployed', id)).status).toBe('Failed');
    const action = (await actions('undeployed', id)).Deploy;
    const deploymentId = action?.output?.executionResult?.externalExecutionId ?? '';
    expect(action?.status).toBe('Failed');
    expect(action?.output?.executionResult?.errorDetails).toEqual({
      code: 'JobFailed',
      message: expect.stringContaining(`Deployment ${deploymentId} failed`),
    });
    const { deploymentInfo } = await deploy.send(new GetDeploymentCommand({ deploymentId }));
    expect(deploymentInfo?.status).toBe('Failed');
    const target = [...(emulator.state.codedeploy.deployments.get(deploymentId)?.targets.values() ?? [])][0];
    const validate = target?.lifecycleEvents.find((e) => e.lifecycleEventName === 'ValidateService');
    expect(validate?.status).toBe('Failed');
    expect(validate?.diagnostics?.scriptName).toBe('scripts/validate.sh');
  });

  test("a deployment group that does not exist fails the action with CodeDeploy's error", async () => {
    await pipelines.send(
      new CreatePipelineCommand({
        pipeline: pipelineDeclaration('nogroup', [
          codeCommitSourceStage({ repository: 'app', branch: 'deploy-ok' }),
          codeDeployStage({ application: 'web', group: 'missing' }),
        ]),
      }),
    );
    const id = firstExecution('nogroup');
    expect((await settled('nogroup', id)).status).toBe('Failed');
    const details = (await actions('nogroup', id)).Deploy?.output?.executionResult?.errorDetails;
    expect(details?.code).toBe('ConfigurationError');
    expect(details?.message).toContain('missing');
  });
});

const AWS = '/usr/bin/aws';
const cli = existsSync(AWS) ? describe : describe.skip;
if (!existsSync(AWS)) console.warn(`${AWS} not found: skipping the AWS CLI check (apt-get install awscli)`);

cli('the AWS CLI', () => {
  test('get-pipeline-state and list-pipeline-executions read what the SDK sees', async () => {
    const run = async (...args: string[]) =>
      JSON.parse(
        (
          await promisify(execFile)(
            AWS,
            ['--endpoint-url', emulator.url, '--output', 'json', 'codepipeline', ...args],
            {
              env: {
                PATH: process.env.PATH,
                HOME: '/nonexistent',
                AWS_ACCESS_KEY_ID: 'test',
                AWS_SECRET_ACCESS_KEY: 'test',
                AWS_DEFAULT_REGION: 'us-east-1',
                AWS_EC2_METADATA_DISABLED: 'true',
                AWS_CONFIG_FILE: '/dev/null',
                AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
                AWS_PAGER: '',
              },
            },
          )
        ).stdout,
      ) as Record<string, unknown>;
    const state = (await run('get-pipeline-state', '--name', 'ok')) as {
      pipelineName: string;
      stageStates: { stageName: string; latestExecution: { status: string }; actionStates: unknown[] }[];
    };
    expect(state.pipelineName).toBe('ok');
    expect(state.stageStates.map((s) => [s.stageName, s.latestExecution.status])).toEqual([
      ['Source', 'Succeeded'],
      ['Build', 'Succeeded'],
    ]);
    // Timestamps compared as instants (the CLI prints them in its own format).
    const instants = (v: unknown): unknown =>
      JSON.parse(JSON.stringify(v), (k, x: unknown) => (k === 'lastStatusChange' ? Date.parse(String(x)) : x));
    const sdk = await pipelines.send(new GetPipelineStateCommand({ name: 'ok' }));
    expect(instants(state.stageStates[1]?.actionStates)).toEqual(instants(sdk.stageStates?.[1]?.actionStates));
    const listed = (await run('list-pipeline-executions', '--pipeline-name', 'broken')) as {
      pipelineExecutionSummaries: { status: string; sourceRevisions: { revisionId: string }[] }[];
    };
    expect(listed.pipelineExecutionSummaries[0]?.status).toBe('Failed');
    expect(listed.pipelineExecutionSummaries[0]?.sourceRevisions[0]?.revisionId).toBe(commits.broken);
  });
});
