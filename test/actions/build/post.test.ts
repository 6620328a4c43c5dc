/** The post step: stops a followed build that is still running, and nothing else. */
import type { StatusType } from '@aws-sdk/client-codebuild';
import type { CodeBuildApi } from '../../../src/aws/codebuild.js';
import type { BuildClients } from '../../../src/codebuild/clients.js';
import { buildAction } from '../../../src/actions/build/main.js';
import { runActionInProcess } from '../../support/action.js';

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

/** The post step with this state; what it said (our lines and warnings), whether it stopped anything. */
function post(state: Record<string, string>, c: BuildClients) {
  const result = runActionInProcess(buildAction({ clients: c }), { state }).then((run) => {
    const said = run.stdout
      .split('\n')
      .filter((line) => line !== '' && !/^::(stop-commands::|[0-9a-f]{32}::$)/.test(line));
    return {
      outcome: said.some((line) => line.includes('stopped it')) ? 'stopped' : 'nothing',
      messages: said.map((line) => line.replace(/^::warning::/, 'warning: ').replace(/^(?!warning: )/, 'info: ')),
      code: run.code,
    };
  });
  return { result: result.then((r) => r.outcome), messages: result.then((r) => r.messages) };
}

const FOLLOWED = { isPost: 'true', followed: JSON.stringify({ kind: 'build', id: 'app:1' }) };

test('a followed build still running is stopped', async () => {
  const { fake, stopped } = clients('IN_PROGRESS');
  const { result, messages } = post(FOLLOWED, fake);
  expect(await result).toBe('stopped');
  expect(stopped).toEqual(['build app:1']);
  expect(await messages).toEqual(['info: The job ended while build app:1 was running: stopped it']);
});

test('a batch too', async () => {
  const { fake, stopped } = clients('IN_PROGRESS');
  const { result } = post({ ...FOLLOWED, followed: JSON.stringify({ kind: 'batch', id: 'app:b' }) }, fake);
  expect(await result).toBe('stopped');
  expect(stopped).toEqual(['batch app:b']);
});

test.each([
  ['nothing was started', { isPost: 'true' }, 'IN_PROGRESS'],
  ['wait: false (not followed)', { isPost: 'true' }, 'IN_PROGRESS'],
  ['followed to its end', { ...FOLLOWED, settled: 'true' }, 'IN_PROGRESS'],
  ['already over', FOLLOWED, 'SUCCEEDED'],
  ['gone', FOLLOWED, undefined],
] as const)('left alone: %s', async (_name, state: Record<string, string>, status: StatusType | undefined) => {
  const { fake, stopped } = clients(status);
  const { result, messages } = post(state, fake);
  expect(await result).toBe('nothing');
  expect(stopped).toEqual([]);
  expect(await messages).toEqual([]);
});

test('a failed stop is a warning, never a failure', async () => {
  const { fake } = clients('IN_PROGRESS', { stopFails: true });
  const { result, messages } = post(FOLLOWED, fake);
  expect(await result).toBe('nothing');
  expect(await messages).toEqual(['warning: could not stop app:1: network down']);
});
