/**
 * The whole hybrid flow, each piece for real: the mirror action pushes a "GitHub" repository into the emulated
 * CodeCommit through our SigV4 Git server, the emulated CodePipeline's source notices the push (its EventBridge rule),
 * its build stage runs the commit's buildspec in the emulated CodeBuild, and the pipeline action — started as GitHub
 * starts it, with the commit as GITHUB_SHA — finds that execution and follows it to its result. Then again with a
 * commit whose build fails: the step fails and names the stage.
 */
import { CodeBuildClient, CreateProjectCommand } from '@aws-sdk/client-codebuild';
import { CodeCommitClient, CreateRepositoryCommand } from '@aws-sdk/client-codecommit';
import { CodePipelineClient, CreatePipelineCommand } from '@aws-sdk/client-codepipeline';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROLE, startBuildEmulator } from '../codebuild/emulator-support.js';
import type { Emulator } from '../harness/aws/server.js';
import {
  codeBuildStage,
  codeCommitSourceStage,
  pipelineDeclaration,
} from '../harness/aws/codepipeline/declarations.js';
import { startCodeCommitGitServer, type GitServer } from '../harness/git-server.js';
import { ActionRunner, loadActions, withDefaults } from '../security/action-process.js';
import { readCommandFile } from '../support/action-process.js';
import { interpretWorkflowLog } from '../security/workflow-log-model.js';

const GOOD = `version: 0.2
phases:
  build:
    commands:
      - echo "building $CODEBUILD_RESOLVED_SOURCE_VERSION"
`;
const BAD = `version: 0.2
phases:
  build:
    commands:
      - echo "about to fail"
      - exit 7
`;

let emulator: Emulator;
let server: GitServer;
let runner: ActionRunner;
let github: string;
const actions = loadActions();
const action = (name: string) => {
  const found = actions.find((a) => a.name === name);
  if (!found) throw new Error(`no ${name} action`);
  return found;
};

function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: runner.directory,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: path.join(runner.directory, 'gitconfig'),
    AWS_ENDPOINT_URL: emulator.url,
    AWS_REGION: emulator.region,
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_EC2_METADATA_DISABLED: 'true',
    CODE_COMMIT_ENDPOINT: server.url,
    GITHUB_WORKSPACE: github,
    GITHUB_REPOSITORY: 'octo/app',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_EVENT_NAME: 'push',
    ...extra,
  };
}

function git(...args: string[]): string {
  return execFileSync('git', ['-C', github, '-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' },
  }).trim();
}

/** A commit on main in the GitHub stand-in with this buildspec. */
function commit(buildspec: string, message: string): string {
  writeFileSync(path.join(github, 'buildspec.yml'), buildspec);
  git('add', '-A');
  git('commit', '-q', '-m', message);
  return git('rev-parse', 'HEAD');
}

beforeAll(async () => {
  emulator = await startBuildEmulator();
  server = await startCodeCommitGitServer(emulator);
  runner = new ActionRunner();
  writeFileSync(path.join(runner.directory, 'gitconfig'), '');
  github = path.join(runner.directory, 'github');
  mkdirSync(github);
  git('init', '-q', '-b', 'main');

  const config = {
    endpoint: emulator.url,
    region: emulator.region,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  };
  const codecommit = new CodeCommitClient(config);
  await codecommit.send(new CreateRepositoryCommand({ repositoryName: 'app' }));
  codecommit.destroy();
  const codebuild = new CodeBuildClient(config);
  await codebuild.send(
    new CreateProjectCommand({
      name: 'app-build',
      source: { type: 'CODEPIPELINE' },
      artifacts: { type: 'CODEPIPELINE' },
      environment: {
        type: 'LINUX_CONTAINER',
        image: 'aws/codebuild/standard:7.0',
        computeType: 'BUILD_GENERAL1_SMALL',
      },
      serviceRole: ROLE,
    }),
  );
  codebuild.destroy();
  // Created before anything is mirrored: its first execution fails at Source (no branch yet), as on AWS.
  const codepipeline = new CodePipelineClient(config);
  await codepipeline.send(
    new CreatePipelineCommand({
      pipeline: pipelineDeclaration('app', [
        codeCommitSourceStage({ repository: 'app' }),
        codeBuildStage({ project: 'app-build' }),
      ]),
    }),
  );
  codepipeline.destroy();
});

afterAll(async () => {
  await server?.close();
  await emulator?.close();
  if (runner) rmSync(runner.directory, { recursive: true, force: true });
});

async function mirrorAndFollow(sha: string) {
  const mirrored = await runner.run(action('mirror'), {
    inputs: withDefaults(action('mirror'), { repository: 'app', source: github }),
    env: env({ GITHUB_SHA: sha }),
    cwd: github,
  });
  expect({ code: mirrored.code, stdout: mirrored.code === 0 ? '' : mirrored.stdout }).toEqual({ code: 0, stdout: '' });
  expect(readCommandFile(mirrored.files.output)['head-sha']).toBe(sha);
  const followed = await runner.run(action('pipeline'), {
    inputs: withDefaults(action('pipeline'), { 'pipeline-name': 'app', 'wait-for-execution-seconds': '60' }),
    env: env({ GITHUB_SHA: sha }),
    cwd: github,
    timeoutMs: 120_000,
  });
  return { followed, outputs: readCommandFile(followed.files.output) };
}

test('a mirrored commit starts the pipeline; the pipeline action follows it to success', async () => {
  const sha = commit(GOOD, 'works');
  const { followed, outputs } = await mirrorAndFollow(sha);
  expect(followed.code).toBe(0);
  expect(outputs.status).toBe('Succeeded');
  expect(JSON.parse(outputs.stages ?? '{}')).toEqual({ Source: 'Succeeded', Build: 'Succeeded' });
  // The build's own log, streamed into the step: it built this very commit.
  expect(followed.stdout).toContain(`building ${sha}`);
  const execution = emulator.state.codepipeline.execution('app', outputs['execution-id'] ?? '');
  expect(execution?.trigger?.triggerType).toBe('CloudWatchEvent');
});

test('a mirrored commit whose build fails: the step fails and says which stage', async () => {
  const sha = commit(BAD, 'breaks');
  const { followed, outputs } = await mirrorAndFollow(sha);
  expect(followed.code).toBe(1);
  expect(outputs.status).toBe('Failed');
  expect(JSON.parse(outputs.stages ?? '{}')).toMatchObject({ Source: 'Succeeded', Build: 'Failed' });
  expect(followed.stdout).toContain('about to fail');
  const errors = interpretWorkflowLog(followed.stdout).commands.filter((c) => c.name === 'error');
  expect(errors.map((e) => e.data).join('\n')).toMatch(/Build/);
});
