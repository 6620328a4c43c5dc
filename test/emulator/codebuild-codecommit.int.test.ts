/** CodeBuild builds whose source is an emulated CodeCommit repository, and StartBuildBatch idempotency. */
import {
  BatchGetBuildsCommand,
  CodeBuildClient,
  CreateProjectCommand,
  StartBuildBatchCommand,
  StartBuildCommand,
} from '@aws-sdk/client-codebuild';
import type { Build, CreateProjectCommandInput } from '@aws-sdk/client-codebuild';
import { CodeCommitClient, CreateRepositoryCommand } from '@aws-sdk/client-codecommit';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScriptedExecutor, succeedingScript } from '../harness/aws/codebuild/executor.js';
import { startEmulator } from '../harness/aws/server.js';
import type { Emulator } from '../harness/aws/server.js';
import { clientConfig, eventually, rejectionOf } from './helpers.js';

let emulator: Emulator;
let codebuild: CodeBuildClient;
let codecommit: CodeCommitClient;
let cloneUrl = '';
const commits: Record<string, string> = {};
/** Buildspec text seen in the checked-out source, by build id. */
const seen = new Map<string, string>();
const executor = new ScriptedExecutor((req) => {
  const file = join(req.sourceDir, 'buildspec.yml');
  seen.set(req.buildId, existsSync(file) ? readFileSync(file, 'utf8') : '');
  return succeedingScript();
});
const ROLE = 'arn:aws:iam::000000000000:role/codebuild-role';
const SPEC = (n: number) => `version: 0.2\nphases:\n  build:\n    commands:\n      - echo ${n}\n`;

const project = (name: string, extra: Partial<CreateProjectCommandInput> = {}): CreateProjectCommandInput => ({
  name,
  source: { type: 'CODECOMMIT', location: cloneUrl },
  artifacts: { type: 'NO_ARTIFACTS' },
  environment: { type: 'LINUX_CONTAINER', image: 'aws/codebuild/standard:7.0', computeType: 'BUILD_GENERAL1_SMALL' },
  serviceRole: ROLE,
  ...extra,
});

async function finished(id: string): Promise<Build> {
  return eventually(async () => {
    const { builds } = await codebuild.send(new BatchGetBuildsCommand({ ids: [id] }));
    return builds?.[0]?.buildComplete ? builds[0] : undefined;
  });
}

beforeAll(async () => {
  emulator = await startEmulator({ buildExecutor: executor });
  codebuild = new CodeBuildClient(clientConfig(emulator));
  codecommit = new CodeCommitClient(clientConfig(emulator));
  const { repositoryMetadata } = await codecommit.send(new CreateRepositoryCommand({ repositoryName: 'src' }));
  cloneUrl = repositoryMetadata?.cloneUrlHttp ?? '';
  // Two commits on main (tagged v1 and head), one on a feature branch, pushed from a temporary clone.
  const work = mkdtempSync(join(tmpdir(), 'emu-cc-push-'));
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', work, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
  git('clone', '-q', emulator.state.codecommit.path('src'), '.');
  git('checkout', '-q', '-b', 'main');
  writeFileSync(join(work, 'buildspec.yml'), SPEC(1));
  git('add', 'buildspec.yml');
  git('commit', '-q', '-m', 'one');
  commits.v1 = git('rev-parse', 'HEAD');
  git('tag', 'v1');
  writeFileSync(join(work, 'buildspec.yml'), SPEC(2));
  git('commit', '-q', '-am', 'two');
  commits.main = git('rev-parse', 'HEAD');
  git('checkout', '-q', '-b', 'feature');
  writeFileSync(join(work, 'buildspec.yml'), SPEC(3));
  git('commit', '-q', '-am', 'three');
  commits.feature = git('rev-parse', 'HEAD');
  git('push', '-q', 'origin', 'main', 'feature', 'v1');
  rmSync(work, { recursive: true, force: true });
  await codebuild.send(new CreateProjectCommand(project('cc')));
});
afterAll(async () => {
  codebuild.destroy();
  codecommit.destroy();
  await emulator.close();
});

test('a CODECOMMIT source without a version builds the default branch', async () => {
  const { build } = await codebuild.send(new StartBuildCommand({ projectName: 'cc' }));
  const done = await finished(build?.id ?? '');
  expect(done.buildStatus).toBe('SUCCEEDED');
  expect(done.resolvedSourceVersion).toBe(commits.main);
  expect(seen.get(done.id ?? '')).toBe(SPEC(2));
});

test.each([
  ['feature', 'feature'],
  ['refs/heads/feature', 'feature'],
  ['v1', 'v1'],
  ['a commit id', 'v1'],
])('sourceVersion %s checks that version out', async (_label, key) => {
  const sourceVersion = _label === 'a commit id' ? commits.v1 : _label;
  const { build } = await codebuild.send(new StartBuildCommand({ projectName: 'cc', sourceVersion }));
  const done = await finished(build?.id ?? '');
  expect(done.buildStatus).toBe('SUCCEEDED');
  expect(done.sourceVersion).toBe(sourceVersion);
  expect(done.resolvedSourceVersion).toBe(commits[key]);
  expect(seen.get(done.id ?? '')).toBe(SPEC(key === 'feature' ? 3 : 1));
});

test('sourceTypeOverride / sourceLocationOverride can point a NO_SOURCE project at the repository', async () => {
  await codebuild.send(
    new CreateProjectCommand(project('plain', { source: { type: 'NO_SOURCE', buildspec: SPEC(9) } })),
  );
  const { build } = await codebuild.send(
    new StartBuildCommand({
      projectName: 'plain',
      sourceTypeOverride: 'CODECOMMIT',
      sourceLocationOverride: cloneUrl,
      buildspecOverride: 'buildspec.yml',
      sourceVersion: 'main',
    }),
  );
  const done = await finished(build?.id ?? '');
  expect(done.buildStatus).toBe('SUCCEEDED');
  expect(done.resolvedSourceVersion).toBe(commits.main);
});

test('a repository that does not exist fails DOWNLOAD_SOURCE with CLIENT_ERROR', async () => {
  const { build } = await codebuild.send(
    new StartBuildCommand({
      projectName: 'cc',
      sourceLocationOverride: 'https://git-codecommit.us-east-1.amazonaws.com/v1/repos/missing',
      sourceVersion: 'main',
    }),
  );
  const done = await finished(build?.id ?? '');
  expect(done.buildStatus).toBe('FAILED');
  const phase = done.phases?.find((p) => p.phaseType === 'DOWNLOAD_SOURCE');
  expect(phase?.phaseStatus).toBe('FAILED');
  expect(phase?.contexts).toEqual([
    { statusCode: 'CLIENT_ERROR', message: 'repository not found for primary source and source version main' },
  ]);
  expect(done.resolvedSourceVersion).toBeUndefined();
});

test('an unknown sourceVersion fails DOWNLOAD_SOURCE with CLIENT_ERROR', async () => {
  const { build } = await codebuild.send(new StartBuildCommand({ projectName: 'cc', sourceVersion: 'nope' }));
  const done = await finished(build?.id ?? '');
  expect(done.buildStatus).toBe('FAILED');
  expect(done.phases?.find((p) => p.phaseType === 'DOWNLOAD_SOURCE')?.contexts?.[0]?.statusCode).toBe('CLIENT_ERROR');
});

describe('StartBuildBatch idempotencyToken', () => {
  beforeAll(async () => {
    await codebuild.send(
      new CreateProjectCommand(
        project('batch', {
          source: {
            type: 'NO_SOURCE',
            buildspec:
              'version: 0.2\nbatch:\n  build-list:\n    - identifier: one\nphases:\n  build:\n    commands:\n      - x\n',
          },
          buildBatchConfig: { serviceRole: ROLE },
        }),
      ),
    );
  });

  test('the same token and request answer the same batch', async () => {
    const first = await codebuild.send(new StartBuildBatchCommand({ projectName: 'batch', idempotencyToken: 'tok' }));
    const again = await codebuild.send(new StartBuildBatchCommand({ projectName: 'batch', idempotencyToken: 'tok' }));
    expect(again.buildBatch?.id).toBe(first.buildBatch?.id);
    expect(emulator.state.codebuild.batches.size).toBe(1);
    const other = await codebuild.send(new StartBuildBatchCommand({ projectName: 'batch', idempotencyToken: 'tok2' }));
    expect(other.buildBatch?.id).not.toBe(first.buildBatch?.id);
  });

  test('the same token with a different request is a parameter mismatch', async () => {
    await codebuild.send(new StartBuildBatchCommand({ projectName: 'batch', idempotencyToken: 'mm' }));
    const err = await rejectionOf(
      codebuild.send(new StartBuildBatchCommand({ projectName: 'batch', idempotencyToken: 'mm', sourceVersion: 'x' })),
    );
    expect(err.name).toBe('InvalidInputException');
    expect(err.message).toBe('Idempotency token parameter mismatch');
  });
});
