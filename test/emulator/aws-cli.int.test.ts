/**
 * Debian's real AWS CLI (botocore, a second independent client implementation) against the emulator: create a
 * project, start a build, read it back and read its log. Skipped with a hint when /usr/bin/aws is missing.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { ScriptedExecutor } from '../harness/aws/codebuild/executor.js';
import { startEmulator } from '../harness/aws/server.js';
import type { Emulator } from '../harness/aws/server.js';
import { eventually } from './helpers.js';

const AWS = '/usr/bin/aws';
const run = promisify(execFile);
const available = existsSync(AWS);
if (!available) console.warn(`${AWS} not found: skipping the AWS CLI tests (apt-get install awscli)`);
const maybe = available ? describe : describe.skip;

maybe('the AWS CLI', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({
      buildExecutor: new ScriptedExecutor(() => ({
        phases: [
          { phase: 'INSTALL' },
          { phase: 'BUILD', lines: ['hello from the cli build'] },
          { phase: 'POST_BUILD' },
        ],
      })),
    });
  });
  afterAll(() => emulator.close());

  async function aws(...args: string[]): Promise<Record<string, unknown>> {
    const { stdout } = await run(AWS, ['--endpoint-url', emulator.url, '--output', 'json', ...args], {
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
    });
    return stdout.trim() ? (JSON.parse(stdout) as Record<string, unknown>) : {};
  }

  test('create-project, start-build, batch-get-builds, get-log-events', async () => {
    const created = await aws(
      'codebuild',
      'create-project',
      '--name',
      'cli-demo',
      '--source',
      JSON.stringify({ type: 'NO_SOURCE', buildspec: 'version: 0.2\nphases:\n  build:\n    commands: [echo hi]\n' }),
      '--artifacts',
      'type=NO_ARTIFACTS',
      '--environment',
      'type=LINUX_CONTAINER,image=aws/codebuild/standard:7.0,computeType=BUILD_GENERAL1_SMALL',
      '--service-role',
      'arn:aws:iam::000000000000:role/cb',
    );
    expect(created.project).toMatchObject({ name: 'cli-demo', timeoutInMinutes: 60 });

    const started = (await aws('codebuild', 'start-build', '--project-name', 'cli-demo')) as { build: { id: string } };
    expect(started.build.id).toMatch(/^cli-demo:/);

    const build = await eventually(async () => {
      const got = (await aws('codebuild', 'batch-get-builds', '--ids', started.build.id)) as {
        builds: { buildComplete: boolean; buildStatus: string; logs: { groupName: string; streamName: string } }[];
      };
      return got.builds[0]?.buildComplete ? got.builds[0] : undefined;
    }, 100);
    expect(build.buildStatus).toBe('SUCCEEDED');

    const events = (await aws(
      'logs',
      'get-log-events',
      '--log-group-name',
      build.logs.groupName,
      '--log-stream-name',
      build.logs.streamName,
      '--start-from-head',
    )) as { events: { message: string }[] };
    expect(events.events.map((e) => e.message)).toEqual(['hello from the cli build']);
  });

  test('errors reach the CLI with their code', async () => {
    await expect(aws('codebuild', 'start-build', '--project-name', 'ghost')).rejects.toThrow(
      /ResourceNotFoundException.*Project cannot be found/,
    );
  });
});
