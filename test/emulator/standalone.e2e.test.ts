/** `npm run emulator`: prints exactly `listening on <url>`, serves, and exits cleanly on SIGTERM. */
import {
  BatchGetBuildsCommand,
  CodeBuildClient,
  CreateProjectCommand,
  StartBuildCommand,
} from '@aws-sdk/client-codebuild';
import { CloudWatchLogsClient, GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CodeCommitClient, CreateRepositoryCommand } from '@aws-sdk/client-codecommit';
import { ECRClient, GetAuthorizationTokenCommand } from '@aws-sdk/client-ecr';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { credentialHelper } from '../../src/mirror/git.js';
import { startEmulatorProcess, type EmulatorProcess } from '../harness/aws/process.js';
import { httpBackendAvailable } from '../harness/git-server.js';
import { registryAvailable, REGISTRY_BINARY } from '../harness/registry.js';
import { SELF } from '../mirror/support.js';
import { TSX } from '../support/action-process.js';
import { eventually } from './helpers.js';

const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

async function withEmulator(args: string[], check: (emulator: EmulatorProcess) => Promise<void>): Promise<void> {
  const emulator = await startEmulatorProcess(args);
  try {
    await check(emulator);
  } catch (error) {
    throw new Error(`${String(error)}\nemulator stderr:\n${emulator.stderr()}`, { cause: error });
  } finally {
    await emulator.stop();
  }
}

test('the standalone emulator serves until SIGTERM', async () => {
  await withEmulator(['--seed', '5'], async (emulator) => {
    const sts = new STSClient({ endpoint: emulator.url, region: 'us-east-1', credentials });
    expect((await sts.send(new GetCallerIdentityCommand({}))).Account).toBe('000000000000');
    sts.destroy();
    expect(await emulator.stop()).toBe(0);
    expect(emulator.stdout()).toBe(`listening on ${emulator.url}\n`);
  });
});

test('--executor scripted plays a build that logs `building` and succeeds, whatever its buildspec', async () => {
  await withEmulator(['--executor', 'scripted'], async (emulator) => {
    const codebuild = new CodeBuildClient({ endpoint: emulator.url, region: 'us-east-1', credentials });
    const logs = new CloudWatchLogsClient({ endpoint: emulator.url, region: 'us-east-1', credentials });
    try {
      await codebuild.send(
        new CreateProjectCommand({
          name: 'scripted',
          source: { type: 'NO_SOURCE', buildspec: 'version: 0.2\nphases:\n  build:\n    commands: [exit 1]\n' },
          artifacts: { type: 'NO_ARTIFACTS' },
          environment: {
            type: 'LINUX_CONTAINER',
            image: 'aws/codebuild/standard:7.0',
            computeType: 'BUILD_GENERAL1_SMALL',
          },
          serviceRole: 'arn:aws:iam::000000000000:role/codebuild',
        }),
      );
      const id = (await codebuild.send(new StartBuildCommand({ projectName: 'scripted' }))).build?.id ?? '';
      const build = await eventually(async () => {
        const found = (await codebuild.send(new BatchGetBuildsCommand({ ids: [id] }))).builds?.[0];
        return found?.buildComplete ? found : undefined;
      });
      expect(build.buildStatus).toBe('SUCCEEDED');
      const { events = [] } = await logs.send(
        new GetLogEventsCommand({ logGroupName: build.logs?.groupName, logStreamName: build.logs?.streamName }),
      );
      expect(events.map((e) => e.message)).toEqual(['building']);
    } finally {
      codebuild.destroy();
      logs.destroy();
    }
  });
});

test('an unknown --executor is refused', async () => {
  await expect(startEmulatorProcess(['--executor', 'docker'])).rejects.toThrow(
    /exited early \(2\).*--executor must be runner or scripted, got docker/s,
  );
});

const gitTest = httpBackendAvailable() ? test : test.skip;
if (!httpBackendAvailable())
  console.warn('skipped the Git endpoint test: git http-backend is not installed (apt-get install git)');

gitTest(
  'with --git-port it serves CodeCommit Git for its repositories, checking the SigV4 Git password',
  async () => {
    await withEmulator(['--git-port', '0'], async (emulator) => {
      expect(emulator.stdout()).toBe(`listening on ${emulator.url}\ngit endpoint on ${emulator.gitUrl}\n`);
      const codecommit = new CodeCommitClient({ endpoint: emulator.url, region: 'us-east-1', credentials });
      await codecommit.send(new CreateRepositoryCommand({ repositoryName: 'standalone' }));
      codecommit.destroy();
      const home = mkdtempSync(path.join(tmpdir(), 'aws-cicd-standalone-'));
      try {
        writeFileSync(path.join(home, 'gitconfig'), '');
        const env = {
          PATH: process.env.PATH,
          HOME: home,
          GIT_CONFIG_NOSYSTEM: '1',
          GIT_CONFIG_GLOBAL: path.join(home, 'gitconfig'),
          GIT_TERMINAL_PROMPT: '0',
          AWS_ACCESS_KEY_ID: 'test',
          AWS_SECRET_ACCESS_KEY: 'test',
          AWS_EC2_METADATA_DISABLED: 'true',
          CODE_COMMIT_ENDPOINT: emulator.gitUrl,
        };
        const url = `${emulator.gitUrl}/v1/repos/standalone`;
        const lsRemote = (helper: string) =>
          promisify(execFile)(
            'git',
            ['-c', `credential.helper=${helper}`, '-c', 'credential.useHttpPath=true', 'ls-remote', url],
            { env },
          );
        // Our credential helper's password is accepted (an empty repository lists nothing)…
        expect((await lsRemote(credentialHelper(SELF, 'us-east-1'))).stdout).toBe('');
        // …one with the right form and time but a made-up signature is not.
        const now = new Date()
          .toISOString()
          .replace(/[-:]/g, '')
          .replace(/\.\d+Z$/, 'Z');
        const wrong = `!f() { echo username=test; echo password=${now}${'0'.repeat(64)}; }; f`;
        await expect(lsRemote(wrong)).rejects.toThrow(/403|Authentication failed/);
      } finally {
        rmSync(home, { recursive: true, force: true });
      }
    });
  },
  60_000,
);

const registryTest = registryAvailable() ? test : test.skip;
if (!registryAvailable())
  console.warn(`skipped the --registry test: ${REGISTRY_BINARY} is missing (apt-get install docker-registry)`);

registryTest(
  "with --registry it serves a registry that takes GetAuthorizationToken's password, as ECR's does",
  async () => {
    await withEmulator(['--registry'], async (emulator) => {
      expect(emulator.stdout()).toBe(`listening on ${emulator.url}\nregistry on ${emulator.registryUrl}\n`);
      const ecr = new ECRClient({ endpoint: emulator.url, region: 'us-east-1', credentials });
      const token = (await ecr.send(new GetAuthorizationTokenCommand({}))).authorizationData?.[0]?.authorizationToken;
      ecr.destroy();
      const basic = (userAndPassword: string) => ({
        headers: { Authorization: `Basic ${Buffer.from(userAndPassword).toString('base64')}` },
      });
      const v2 = `${emulator.registryUrl}/v2/`;
      expect((await fetch(v2, basic(Buffer.from(token ?? '', 'base64').toString()))).status).toBe(200);
      expect((await fetch(v2, basic('AWS:not-the-password'))).status).toBe(401);
      expect((await fetch(v2)).status).toBe(401);
    });
  },
  60_000,
);

test('npm run emulator -- --help: the usage, exit 0, nothing started', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, [
    '--import',
    TSX,
    'test/harness/aws/cli.ts',
    '--help',
  ]);
  expect(stdout).toMatch(/^Usage: npm run emulator -- \[--port 4566\]/);
  expect(stdout).not.toMatch(/^listening on http/m);
});
