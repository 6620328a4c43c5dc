/** CodeBuild through the real SDK client: projects, builds with a ScriptedExecutor, logs, batches, limits. */
import { CloudWatchLogsClient, GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import {
  BatchGetBuildBatchesCommand,
  BatchGetBuildsCommand,
  BatchGetProjectsCommand,
  CodeBuildClient,
  CreateProjectCommand,
  DeleteProjectCommand,
  ListBuildsForProjectCommand,
  ListProjectsCommand,
  StartBuildBatchCommand,
  StartBuildCommand,
  StopBuildCommand,
  UpdateProjectCommand,
} from '@aws-sdk/client-codebuild';
import type { Build, CreateProjectCommandInput } from '@aws-sdk/client-codebuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScriptedExecutor, succeedingScript } from '../harness/aws/codebuild/executor.js';
import type { BuildExecutionRequest, BuildScript } from '../harness/aws/codebuild/executor.js';
import { startEmulator } from '../harness/aws/server.js';
import type { Emulator } from '../harness/aws/server.js';
import { clientConfig, eventually, rejectionOf } from './helpers.js';

let emulator: Emulator;
let codebuild: CodeBuildClient;
let logs: CloudWatchLogsClient;
const scripts = new Map<string, BuildScript>();
/** Called while a build of the named project executes (its source directory exists only then). */
const hooks = new Map<string, (req: BuildExecutionRequest) => void>();
const executor = new ScriptedExecutor((req) => {
  hooks.get(req.projectName)?.(req);
  return scripts.get(req.batchIdentifier ?? req.projectName) ?? succeedingScript();
});
const ROLE = 'arn:aws:iam::000000000000:role/codebuild-role';

const project = (name: string, extra: Partial<CreateProjectCommandInput> = {}): CreateProjectCommandInput => ({
  name,
  source: { type: 'NO_SOURCE', buildspec: 'version: 0.2\nphases:\n  build:\n    commands:\n      - echo hi\n' },
  artifacts: { type: 'NO_ARTIFACTS' },
  environment: { type: 'LINUX_CONTAINER', image: 'aws/codebuild/standard:7.0', computeType: 'BUILD_GENERAL1_SMALL' },
  serviceRole: ROLE,
  ...extra,
});

beforeAll(async () => {
  emulator = await startEmulator({ buildExecutor: executor });
  codebuild = new CodeBuildClient(clientConfig(emulator));
  logs = new CloudWatchLogsClient(clientConfig(emulator));
});
afterAll(async () => {
  codebuild.destroy();
  logs.destroy();
  await emulator.close();
});

async function finished(id: string): Promise<Build> {
  return eventually(async () => {
    const { builds } = await codebuild.send(new BatchGetBuildsCommand({ ids: [id] }));
    return builds?.[0]?.buildComplete ? builds[0] : undefined;
  });
}

describe('projects', () => {
  test('CreateProject returns the Project with AWS defaults', async () => {
    const { project: p } = await codebuild.send(new CreateProjectCommand(project('demo')));
    expect(p).toMatchObject({
      name: 'demo',
      arn: 'arn:aws:codebuild:us-east-1:000000000000:project/demo',
      timeoutInMinutes: 60,
      queuedTimeoutInMinutes: 480,
      encryptionKey: 'arn:aws:kms:us-east-1:000000000000:alias/aws/s3',
      badge: { badgeEnabled: false },
      cache: { type: 'NO_CACHE' },
      environment: { privilegedMode: false, imagePullCredentialsType: 'CODEBUILD', environmentVariables: [] },
      logsConfig: { cloudWatchLogs: { status: 'ENABLED' }, s3Logs: { status: 'DISABLED' } },
      serviceRole: ROLE,
    });
    expect(p?.created).toBeInstanceOf(Date);
    expect(p?.lastModified).toEqual(p?.created);
  });

  test('errors: duplicates, missing required members, business rules', async () => {
    const dup = await rejectionOf(codebuild.send(new CreateProjectCommand(project('demo'))));
    expect(dup.name).toBe('ResourceAlreadyExistsException');
    const noRole = await rejectionOf(
      codebuild.send(new CreateProjectCommand({ ...project('norole'), serviceRole: undefined })),
    );
    expect(noRole.name).toBe('InvalidInputException');
    expect(noRole.message).toBe(
      "1 validation error detected: Value null at 'serviceRole' failed to satisfy constraint: Member must not be null",
    );
    const badName = await rejectionOf(codebuild.send(new CreateProjectCommand(project('-x'))));
    expect(badName.message).toMatch(/at 'name' failed to satisfy constraint: Member must satisfy regular expression/);
    const pipeline = await rejectionOf(
      codebuild.send(new CreateProjectCommand(project('pipe', { source: { type: 'CODEPIPELINE' } }))),
    );
    expect(pipeline.message).toMatch(/both sourceType, and artifactType must be set to: CODEPIPELINE/);
    const role = await rejectionOf(codebuild.send(new CreateProjectCommand(project('role', { serviceRole: 'admin' }))));
    expect(role.message).toBe('Invalid service role');
  });

  test('BatchGetProjects, UpdateProject, ListProjects, DeleteProject', async () => {
    await codebuild.send(new CreateProjectCommand(project('other')));
    const got = await codebuild.send(new BatchGetProjectsCommand({ names: ['demo', 'missing'] }));
    expect(got.projects?.map((p) => p.name)).toEqual(['demo']);
    expect(got.projectsNotFound).toEqual(['missing']);
    const updated = await codebuild.send(new UpdateProjectCommand({ name: 'other', timeoutInMinutes: 30 }));
    expect(updated.project?.timeoutInMinutes).toBe(30);
    const missing = await rejectionOf(codebuild.send(new UpdateProjectCommand({ name: 'ghost' })));
    expect(missing.name).toBe('ResourceNotFoundException');
    const list = await codebuild.send(new ListProjectsCommand({ sortBy: 'NAME', sortOrder: 'ASCENDING' }));
    expect(list.projects).toEqual(['demo', 'other']);
    await codebuild.send(new DeleteProjectCommand({ name: 'other' }));
    expect((await codebuild.send(new ListProjectsCommand({}))).projects).toEqual(['demo']);
  });
});

describe('builds', () => {
  test('StartBuild → phases in order, logs in CloudWatch, exported variables', async () => {
    scripts.set('demo', {
      phases: [
        { phase: 'INSTALL', lines: ['installing'] },
        { phase: 'BUILD', lines: ['compiling', 'done'] },
        { phase: 'POST_BUILD' },
        { phase: 'UPLOAD_ARTIFACTS' },
      ],
      exportedEnvironmentVariables: [{ name: 'VERSION', value: '1.2.3' }],
    });
    const { build } = await codebuild.send(new StartBuildCommand({ projectName: 'demo' }));
    expect(build).toMatchObject({
      buildStatus: 'IN_PROGRESS',
      currentPhase: 'QUEUED',
      buildNumber: 1,
      buildComplete: false,
    });
    expect(build?.id).toMatch(/^demo:[0-9a-f-]{36}$/);
    expect(build?.phases?.map((p) => p.phaseType)).toEqual(['SUBMITTED', 'QUEUED']);

    const done = await finished(build?.id ?? '');
    expect(done.buildStatus).toBe('SUCCEEDED');
    expect(done.currentPhase).toBe('COMPLETED');
    expect(done.phases?.map((p) => p.phaseType)).toEqual([
      'SUBMITTED',
      'QUEUED',
      'PROVISIONING',
      'DOWNLOAD_SOURCE',
      'INSTALL',
      'BUILD',
      'POST_BUILD',
      'UPLOAD_ARTIFACTS',
      'FINALIZING',
      'COMPLETED',
    ]);
    expect(done.phases?.[0]?.contexts).toBeUndefined();
    expect(done.phases?.[2]?.contexts).toEqual([{ statusCode: '', message: '' }]);
    expect(done.phases?.at(-1)).toEqual({ phaseType: 'COMPLETED', startTime: expect.any(Date) });
    expect(done.exportedEnvironmentVariables).toEqual([{ name: 'VERSION', value: '1.2.3' }]);
    const uuid = done.id?.split(':')[1];
    expect(done.logs).toMatchObject({ groupName: '/aws/codebuild/demo', streamName: uuid });
    expect(done.logs?.deepLink).toContain(`group=/aws/codebuild/demo;stream=${uuid}`);

    const events = await logs.send(
      new GetLogEventsCommand({ logGroupName: '/aws/codebuild/demo', logStreamName: uuid, startFromHead: true }),
    );
    expect(events.events?.map((e) => e.message)).toEqual(['installing', 'compiling', 'done']);
    scripts.delete('demo');
  });

  test('a failing BUILD phase fails the build with its context', async () => {
    scripts.set('demo', {
      phases: [
        {
          phase: 'BUILD',
          status: 'FAILED',
          context: { statusCode: 'COMMAND_EXECUTION_ERROR', message: 'exit status 1' },
        },
        { phase: 'POST_BUILD' },
      ],
    });
    const { build } = await codebuild.send(new StartBuildCommand({ projectName: 'demo' }));
    const done = await finished(build?.id ?? '');
    scripts.delete('demo');
    expect(done.buildStatus).toBe('FAILED');
    expect(done.phases?.find((p) => p.phaseType === 'BUILD')).toMatchObject({
      phaseStatus: 'FAILED',
      contexts: [{ statusCode: 'COMMAND_EXECUTION_ERROR', message: 'exit status 1' }],
    });
  });

  test('StopBuild stops a running build', async () => {
    let release: () => void = () => undefined;
    scripts.set('demo', { phases: [{ phase: 'BUILD', waitFor: new Promise<void>((r) => (release = r)) }] });
    const { build } = await codebuild.send(new StartBuildCommand({ projectName: 'demo' }));
    await eventually(async () => (executor.requests.some((r) => r.buildId === build?.id) ? true : undefined));
    await codebuild.send(new StopBuildCommand({ id: build?.id }));
    const done = await finished(build?.id ?? '');
    release();
    scripts.delete('demo');
    expect(done.buildStatus).toBe('STOPPED');
    expect(done.phases?.find((p) => p.phaseType === 'BUILD')?.phaseStatus).toBe('STOPPED');
  });

  test('ListBuildsForProject lists newest first; unknown projects are ResourceNotFoundException', async () => {
    const { ids } = await codebuild.send(new ListBuildsForProjectCommand({ projectName: 'demo' }));
    const { builds } = await codebuild.send(new BatchGetBuildsCommand({ ids }));
    const numbers = builds?.map((b) => b.buildNumber ?? 0) ?? [];
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    const err = await rejectionOf(codebuild.send(new StartBuildCommand({ projectName: 'ghost' })));
    expect(err.name).toBe('ResourceNotFoundException');
    expect(err.message).toBe('Project cannot be found: arn:aws:codebuild:us-east-1:000000000000:project/ghost');
    const notFound = await codebuild.send(
      new BatchGetBuildsCommand({ ids: ['demo:00000000-0000-0000-0000-000000000000'] }),
    );
    expect(notFound.buildsNotFound).toEqual(['demo:00000000-0000-0000-0000-000000000000']);
  });

  test('PARAMETER_STORE variables are resolved; a missing one fails DOWNLOAD_SOURCE', async () => {
    emulator.state.ssm.put('/ci/token', 's3cret', 'SecureString');
    const { build } = await codebuild.send(
      new StartBuildCommand({
        projectName: 'demo',
        environmentVariablesOverride: [
          { name: 'TOKEN', value: '/ci/token', type: 'PARAMETER_STORE' },
          { name: 'PLAIN', value: 'x' },
        ],
      }),
    );
    await finished(build?.id ?? '');
    const request = executor.requests.find((r) => r.buildId === build?.id);
    expect(request?.environmentVariables).toEqual([
      { name: 'TOKEN', value: 's3cret', type: 'PARAMETER_STORE' },
      { name: 'PLAIN', value: 'x', type: 'PLAINTEXT' },
    ]);

    const bad = await codebuild.send(
      new StartBuildCommand({
        projectName: 'demo',
        environmentVariablesOverride: [{ name: 'X', value: '/ci/absent', type: 'PARAMETER_STORE' }],
      }),
    );
    const failed = await finished(bad.build?.id ?? '');
    expect(failed.buildStatus).toBe('FAILED');
    expect(failed.phases?.find((p) => p.phaseType === 'DOWNLOAD_SOURCE')?.contexts).toEqual([
      { statusCode: 'Decrypted Variables Error', message: 'parameter does not exist: /ci/absent' },
    ]);
  });

  test('a local git repository is cloned at the source version', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'emu-repo-'));
    const git = (...args: string[]) =>
      execFileSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args], {
        encoding: 'utf8',
      }).trim();
    git('init', '-q', '-b', 'main');
    writeFileSync(join(repo, 'buildspec.yml'), 'version: 0.2\n');
    writeFileSync(join(repo, 'file.txt'), 'v1');
    git('add', '.');
    git('commit', '-q', '-m', 'one');
    const first = git('rev-parse', 'HEAD');
    writeFileSync(join(repo, 'file.txt'), 'v2');
    git('commit', '-q', '-am', 'two');
    let seen = '';
    hooks.set('gitproj', (req) => {
      seen = readFileSync(join(req.sourceDir, 'file.txt'), 'utf8');
    });
    await codebuild.send(new CreateProjectCommand(project('gitproj', { source: { type: 'GITHUB', location: repo } })));
    const { build } = await codebuild.send(new StartBuildCommand({ projectName: 'gitproj', sourceVersion: first }));
    const done = await finished(build?.id ?? '');
    rmSync(repo, { recursive: true, force: true });
    hooks.delete('gitproj');
    expect(seen).toBe('v1');
    expect(done.resolvedSourceVersion).toBe(first);
    expect(done.buildStatus).toBe('SUCCEEDED');
  });

  test('the account concurrent build limit is AccountLimitExceededException', async () => {
    const limited = await startEmulator({ accountConcurrentBuildLimit: 0 });
    const client = new CodeBuildClient(clientConfig(limited));
    await client.send(new CreateProjectCommand(project('pp')));
    const err = await rejectionOf(client.send(new StartBuildCommand({ projectName: 'pp' })));
    expect(err.name).toBe('AccountLimitExceededException');
    expect(err.message).toBe('Cannot have more than 0 active builds for the account');
    client.destroy();
    await limited.close();
  });
});

describe('batch builds', () => {
  test('a build-graph runs dependencies first and the batch succeeds', async () => {
    await codebuild.send(
      new CreateProjectCommand(
        project('batchy', {
          source: {
            type: 'NO_SOURCE',
            buildspec:
              'version: 0.2\nbatch:\n  build-graph:\n    - identifier: first\n    - identifier: second\n      depend-on:\n        - first\n      env:\n        variables:\n          STAGE: two\nphases:\n  build:\n    commands:\n      - echo hi\n',
          },
          buildBatchConfig: { serviceRole: ROLE },
        }),
      ),
    );
    const { buildBatch } = await codebuild.send(new StartBuildBatchCommand({ projectName: 'batchy' }));
    expect(buildBatch).toMatchObject({
      buildBatchStatus: 'IN_PROGRESS',
      currentPhase: 'SUBMITTED',
      buildBatchNumber: 1,
    });
    const done = await eventually(async () => {
      const { buildBatches } = await codebuild.send(new BatchGetBuildBatchesCommand({ ids: [buildBatch?.id ?? ''] }));
      return buildBatches?.[0]?.complete ? buildBatches[0] : undefined;
    });
    expect(done.buildBatchStatus).toBe('SUCCEEDED');
    expect(done.phases?.map((p) => p.phaseType)).toEqual([
      'SUBMITTED',
      'DOWNLOAD_BATCHSPEC',
      'IN_PROGRESS',
      'COMBINE_ARTIFACTS',
      'SUCCEEDED',
    ]);
    expect(done.buildGroups?.map((g) => [g.identifier, g.currentBuildSummary?.buildStatus])).toEqual([
      ['DOWNLOAD_SOURCE', 'SUCCEEDED'],
      ['first', 'SUCCEEDED'],
      ['second', 'SUCCEEDED'],
    ]);
    const order = executor.requests.filter((r) => r.projectName === 'batchy').map((r) => r.batchIdentifier);
    expect(order).toEqual(['first', 'second']);
    const second = executor.requests.find((r) => r.batchIdentifier === 'second');
    expect(second?.environmentVariables).toContainEqual({ name: 'STAGE', value: 'two', type: 'PLAINTEXT' });
  });

  test('a build-matrix starts one build per combination with its variables', async () => {
    await codebuild.send(
      new CreateProjectCommand(
        project('matrixy', {
          source: {
            type: 'NO_SOURCE',
            buildspec:
              'version: 0.2\nbatch:\n  build-matrix:\n    dynamic:\n      env:\n        variables:\n          NODE: ["20", "24"]\n          OS: [linux, arm]\nphases:\n  build:\n    commands:\n      - echo hi\n',
          },
          buildBatchConfig: { serviceRole: ROLE },
        }),
      ),
    );
    const { buildBatch } = await codebuild.send(new StartBuildBatchCommand({ projectName: 'matrixy' }));
    const done = await eventually(async () => {
      const { buildBatches } = await codebuild.send(new BatchGetBuildBatchesCommand({ ids: [buildBatch?.id ?? ''] }));
      return buildBatches?.[0]?.complete ? buildBatches[0] : undefined;
    });
    expect(done.buildBatchStatus).toBe('SUCCEEDED');
    expect(done.buildGroups?.map((g) => g.identifier)).toEqual([
      'DOWNLOAD_SOURCE',
      'build1',
      'build2',
      'build3',
      'build4',
    ]);
    const vars = executor.requests
      .filter((r) => r.projectName === 'matrixy')
      .map((r) => r.environmentVariables.map((v) => `${v.name}=${v.value}`).join(' '))
      .sort();
    expect(vars).toEqual(['NODE=20 OS=arm', 'NODE=20 OS=linux', 'NODE=24 OS=arm', 'NODE=24 OS=linux']);
  });

  test('a project without buildBatchConfig cannot start a batch', async () => {
    const err = await rejectionOf(codebuild.send(new StartBuildBatchCommand({ projectName: 'demo' })));
    expect(err.name).toBe('InvalidInputException');
  });
});
