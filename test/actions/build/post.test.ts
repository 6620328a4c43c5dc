/** The post step: stops a followed build that is still running, and nothing else. */
import type { StatusType } from '@aws-sdk/client-codebuild';
import type { CodeBuildApi } from '../../../src/aws/codebuild.js';
import type { BuildClients } from '../../../src/codebuild/clients.js';
import { runPost } from '../../../src/actions/build/post.js';

function clients(status: StatusType | undefined, opts: { stopFails?: boolean } = {}) {
  const stopped: string[] = [];
  const codebuild: CodeBuildApi = {
    startBuild: async () => ({}),
    startBuildBatch: async () => ({}),
    getBuilds: async (ids) => (status === undefined ? [] : ids.map((id) => ({ id, buildStatus: status }))),
    getBuildBatch: async (id) => (status === undefined ? undefined : { id, buildBatchStatus: status }),
    stopBuild: async (id) => {
      if (opts.stopFails) throw new Error('network down');
      stopped.push(`build ${id}`);
      return {};
    },
    stopBuildBatch: async (id) => {
      stopped.push(`batch ${id}`);
      return {};
    },
  };
  const fake: BuildClients = { codebuild, logs: {} as BuildClients['logs'], dispose: () => undefined };
  return { fake, stopped };
}

function post(state: Record<string, string>, c: BuildClients) {
  const messages: string[] = [];
  const result = runPost({
    getState: (name) => state[name] ?? '',
    env: {},
    info: (m) => void messages.push(`info: ${m}`),
    warning: (m) => void messages.push(`warning: ${m}`),
    clients: c,
  });
  return { result, messages };
}

const FOLLOWED = { isPost: 'true', target: JSON.stringify({ kind: 'build', id: 'app:1' }), followed: 'true' };

test('a followed build still running is stopped', async () => {
  const { fake, stopped } = clients('IN_PROGRESS');
  const { result, messages } = post(FOLLOWED, fake);
  expect(await result).toBe('stopped');
  expect(stopped).toEqual(['build app:1']);
  expect(messages).toEqual(['info: The job ended while build app:1 was running: stopped it']);
});

test('a batch too', async () => {
  const { fake, stopped } = clients('IN_PROGRESS');
  const { result } = post({ ...FOLLOWED, target: JSON.stringify({ kind: 'batch', id: 'app:b' }) }, fake);
  expect(await result).toBe('stopped');
  expect(stopped).toEqual(['batch app:b']);
});

test.each([
  ['nothing was started', { isPost: 'true' }, 'IN_PROGRESS'],
  ['wait: false (not followed)', { isPost: 'true', target: FOLLOWED.target }, 'IN_PROGRESS'],
  ['followed to its end', { ...FOLLOWED, complete: 'true' }, 'IN_PROGRESS'],
  ['already over', FOLLOWED, 'SUCCEEDED'],
  ['gone', FOLLOWED, undefined],
] as const)('left alone: %s', async (_name, state: Record<string, string>, status: StatusType | undefined) => {
  const { fake, stopped } = clients(status);
  const { result, messages } = post(state, fake);
  expect(await result).toBe('nothing');
  expect(stopped).toEqual([]);
  expect(messages).toEqual([]);
});

test('a failed stop is a warning, never a failure', async () => {
  const { fake } = clients('IN_PROGRESS', { stopFails: true });
  const { result, messages } = post(FOLLOWED, fake);
  expect(await result).toBe('nothing');
  expect(messages).toEqual(['warning: could not stop app:1: network down']);
});
