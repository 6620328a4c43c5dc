/**
 * The emulator set up for build tests: builds run for real by the local runner (RunnerExecutor) in a clone of a
 * local git repository, logs in the emulator's CloudWatch Logs, and the environment our SDK clients need to reach it.
 */
import { BatchGetBuildsCommand, CodeBuildClient, CreateProjectCommand } from '@aws-sdk/client-codebuild';
import type { CreateProjectCommandInput } from '@aws-sdk/client-codebuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RunnerExecutor } from '../harness/aws/codebuild/runner-executor.js';
import { startEmulator, type Emulator, type EmulatorOptions } from '../harness/aws/server.js';

export const ROLE = 'arn:aws:iam::000000000000:role/codebuild';

export async function startBuildEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  let url = '';
  const executor = new RunnerExecutor({ endpoint: () => url, region: 'us-east-1' });
  const emulator = await startEmulator({ buildExecutor: executor, ...options });
  url = emulator.url;
  return emulator;
}

/** Where an emulator answers: in this process (Emulator) or in its own (EmulatorProcess, region us-east-1). */
export interface EmulatorEndpoint {
  readonly url: string;
  readonly region?: string;
}

/** What our clients read: endpoint, region, the emulator's test credentials; nothing from the developer's setup. */
export function awsEnv(emulator: EmulatorEndpoint, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    AWS_ENDPOINT_URL: emulator.url,
    AWS_REGION: emulator.region ?? 'us-east-1',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_EC2_METADATA_DISABLED: 'true',
    ...extra,
  };
}

/** A git repository with these files committed; returns its path and commit. */
export function gitRepo(files: Record<string, string>): { dir: string; commit: string; cleanup(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'aws-cicd-build-repo-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: dir,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@e',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@e',
      },
    })
      .toString()
      .trim();
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'test');
  return { dir, commit: git('rev-parse', 'HEAD'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function codeBuildClient(emulator: EmulatorEndpoint): CodeBuildClient {
  return new CodeBuildClient({
    endpoint: emulator.url,
    region: emulator.region ?? 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
}

export async function createProject(
  emulator: EmulatorEndpoint,
  name: string,
  repo: string,
  extra: Partial<CreateProjectCommandInput> = {},
): Promise<void> {
  const client = codeBuildClient(emulator);
  try {
    await client.send(
      new CreateProjectCommand({
        name,
        source: { type: 'GITHUB', location: repo },
        artifacts: { type: 'NO_ARTIFACTS' },
        environment: {
          type: 'LINUX_CONTAINER',
          image: 'aws/codebuild/standard:7.0',
          computeType: 'BUILD_GENERAL1_SMALL',
        },
        serviceRole: ROLE,
        ...extra,
      }),
    );
  } finally {
    client.destroy();
  }
}

/** The messages of a build's CloudWatch log, as stored by the emulator. */
export function storedLog(emulator: Emulator, buildId: string): string[] {
  const run = emulator.state.codebuild.build(buildId);
  const group = run?.build.logs?.groupName;
  const stream = run?.build.logs?.streamName;
  if (!group || !stream) return [];
  return emulator.state.logs.visibleEvents(group, stream).map((e) => e.message);
}

export async function buildStatus(emulator: Emulator, id: string): Promise<string | undefined> {
  const client = codeBuildClient(emulator);
  try {
    return (await client.send(new BatchGetBuildsCommand({ ids: [id] }))).builds?.[0]?.buildStatus;
  } finally {
    client.destroy();
  }
}

/** Lines the runner would read as commands, and the text of build output (inside stop-commands sections). */
export function splitWorkflowLog(text: string): { commands: string[]; output: string[]; plain: string[] } {
  const commands: string[] = [];
  const output: string[] = [];
  const plain: string[] = [];
  let token: string | undefined;
  for (const line of text.split('\n')) {
    if (token !== undefined) {
      if (line === `::${token}::`) token = undefined;
      else output.push(line);
      continue;
    }
    const stop = /^::stop-commands::(.+)$/.exec(line);
    if (stop) token = stop[1];
    else if (line.startsWith('::')) commands.push(line);
    else plain.push(line);
  }
  return { commands, output, plain };
}
