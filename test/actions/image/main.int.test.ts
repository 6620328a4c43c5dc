/** The image action's glue with the tools and ECR faked: outputs, summary, masks, fenced tool output, failures. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { imageAction } from '../../../src/actions/image/main.js';
import type { EcrApi } from '../../../src/aws/ecr.js';
import type { Exec } from '../../../src/image/exec.js';
import type { ImageDeps } from '../../../src/image/run.js';
import { interpretWorkflowLog } from '../../security/workflow-log-model.js';
import { runActionInProcess } from '../../support/action.js';

/** Every folder this file makes, removed at the end. */
const TMP = mkdtempSync(path.join(tmpdir(), 'aws-cicd-image-action-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

const PASSWORD = 'ecr-password-that-must-not-show';
const HOST = '000000000000.dkr.ecr.us-east-1.amazonaws.com';
const DIGEST = `sha256:${'e'.repeat(64)}`;

const ecr: EcrApi = {
  getLogin: async () => ({ username: 'AWS', password: PASSWORD, proxyEndpoint: `https://${HOST}` }),
  describeRepository: async (name) => ({ repositoryName: name, repositoryUri: `${HOST}/${name}` }),
  createRepository: async () => {
    throw new Error('not expected');
  },
  putLifecyclePolicy: async () => undefined,
  getRepositoryPolicy: async () => undefined,
  setRepositoryPolicy: async () => undefined,
};

/** Buildah that prints a forged workflow command while it builds. */
const buildah: Exec = async (command, args, opts = {}) => {
  if (command === 'docker') return { code: 1, stdout: '', stderr: 'no daemon' };
  if (args[0] === 'build') opts.onOutput?.(Buffer.from('STEP 1/2\n::warning::FORGED\n'), 'stdout');
  if (args[0] === 'login' && opts.input !== PASSWORD) return { code: 1, stdout: '', stderr: 'wrong password' };
  const i = args.indexOf('--digestfile');
  if (i >= 0) writeFileSync(args[i + 1] ?? '', DIGEST);
  return { code: 0, stdout: '', stderr: '' };
};

function harness(inputs: Record<string, string>, extra: Partial<ImageDeps> = {}) {
  const ws = mkdtempSync(path.join(TMP, 'ws-'));
  writeFileSync(path.join(ws, 'Dockerfile'), 'FROM scratch\n');
  const deps: Partial<ImageDeps> = {
    clients: {
      ecr,
      codebuild: () => {
        throw new Error('not expected');
      },
    },
    exec: buildah,
    ...extra,
  };
  return {
    run: () =>
      runActionInProcess(imageAction(deps), {
        inputs,
        env: { GITHUB_WORKSPACE: ws, GITHUB_SHA: 'f'.repeat(40), GITHUB_REF: 'refs/heads/dev' },
      }),
  };
}

test('outputs, a summary, a group per step; the password masked first; tool output cannot forge commands', async () => {
  const run = await harness({ repository: 'app' }).run();
  expect(run.errors).toEqual([]);
  expect(run.code).toBe(0);
  expect(run.outputs).toEqual({
    image: `${HOST}/app@${DIGEST}`,
    digest: DIGEST,
    tags: [`${HOST}/app:${'f'.repeat(40)}`, `${HOST}/app:dev`].join('\n'),
    registry: HOST,
  });
  expect(run.summary).toContain('### Image pushed to Amazon ECR');
  expect(run.summary).toContain(`<code>${HOST}/app@${DIGEST}</code>`);
  const log = interpretWorkflowLog(run.stdout);
  expect(log.commands.map((c) => c.name).filter((n) => n !== 'stop-commands')).toEqual([
    'group',
    'add-mask',
    'endgroup',
    'group',
    'endgroup',
    'group',
    'endgroup',
    'group',
    'endgroup',
  ]);
  expect(log.commands.find((c) => c.name === 'add-mask')?.data).toBe(PASSWORD);
  expect(log.commands.filter((c) => c.name === 'group').map((c) => c.data)).toEqual([
    'Log in to Amazon ECR',
    `Log in to ${HOST}`,
    'Repository app',
    `Build and push ${'f'.repeat(40)}, dev`,
  ]);
  expect(log.visible).toContain('::warning::FORGED');
  expect(log.visible.some((line) => line.includes(PASSWORD))).toBe(false);
  // Each tag and the pushed image, as the CLI says them.
  expect(log.visible).toEqual(
    expect.arrayContaining([
      `tag ${HOST}/app:${'f'.repeat(40)}`,
      `tag ${HOST}/app:dev`,
      `pushed ${HOST}/app@${DIGEST}`,
    ]),
  );
});

test('push: false builds with no AWS client, credentials or region, and logs in nowhere', async () => {
  const calls: string[][] = [];
  const exec: Exec = async (command, args, opts) => {
    calls.push([command, ...args]);
    return buildah(command, args, opts);
  };
  const run = await harness({ repository: 'app', push: 'false', tags: 'dev' }, { clients: undefined, exec }).run();
  expect(run.errors).toEqual([]);
  expect(run.code).toBe(0);
  expect(run.outputs).toMatchObject({ image: 'app:dev', digest: '', registry: '' });
  expect(calls.some((c) => c.includes('login') || c.includes('push'))).toBe(false);
  expect(calls.some((c) => c[0] === 'buildah' && c[1] === 'build')).toBe(true);
});

test('a failure fails the step with a message, no stack; clients made by the action are not needed for bad input', async () => {
  const run = await harness({ repository: 'app', engine: 'docker' }).run();
  expect(run.code).toBe(1);
  expect(run.errors).toEqual(['engine docker cannot be used: no Docker engine answers (docker info: no daemon)']);
  expect(run.outputs).toEqual({});
  const bad = await harness({ repository: 'BAD' }, { clients: undefined }).run();
  expect(bad.code).toBe(1);
  expect(bad.errors).toHaveLength(1);
  expect(bad.errors[0]).toMatch(/^input "repository": "BAD" is not an ECR repository name/);
});
