/** The deploy action's post step: stops a followed deployment that still runs, and nothing else. */
import { StopDeploymentCommand } from '@aws-sdk/client-codedeploy';
import { deployAction } from '../../../src/actions/deploy/main.js';
import type { DeployClients } from '../../../src/deploy/clients.js';
import { runActionInProcess } from '../../support/action.js';
import { scriptedDeploy } from '../../deploy/fixtures.js';

/** The post step with this state: whether it stopped anything, what it said (our lines and warnings). */
function post(status: string, state: Record<string, string>) {
  const deploy = scriptedDeploy();
  deploy.add('d-1', [{ status }]);
  const clients = { codedeploy: deploy.api, dispose: () => undefined } as unknown as DeployClients;
  const run = runActionInProcess(deployAction({ clients }), { state }).then((r) => {
    const said = r.stdout
      .split('\n')
      .filter((line) => line !== '' && !/^::(stop-commands::|[0-9a-f]{32}::$)/.test(line));
    return {
      code: r.code,
      outcome: said.some((line) => line.includes('stopped it')) ? 'stopped' : 'nothing',
      messages: said.map((line) => line.replace(/^::warning::/, 'warning: ').replace(/^(?!warning: )/, 'info: ')),
    };
  });
  return {
    result: run.then((r) => r.outcome),
    messages: run.then((r) => r.messages),
    code: run.then((r) => r.code),
    stops: () => deploy.mock.commandCalls(StopDeploymentCommand).map((c) => c.args[0].input),
  };
}

const followed = (rollback: boolean) => ({ isPost: 'true', followed: JSON.stringify({ id: 'd-1', rollback }) });

test('a followed deployment still running is stopped, rolling back unless told not to', async () => {
  const p = post('InProgress', followed(true));
  expect(await p.result).toBe('stopped');
  expect(await p.code).toBe(0);
  expect(p.stops()).toEqual([{ deploymentId: 'd-1', autoRollbackEnabled: true }]);
  expect(await p.messages).toEqual([
    'info: The job ended while deployment d-1 was running: stopped it (updated targets roll back)',
  ]);
  const q = post('InProgress', followed(false));
  expect(await q.result).toBe('stopped');
  expect(q.stops()).toEqual([{ deploymentId: 'd-1', autoRollbackEnabled: false }]);
  expect(await q.messages).toEqual(['info: The job ended while deployment d-1 was running: stopped it']);
});

test('finished, settled, or not followed: nothing is stopped', async () => {
  for (const [status, state] of [
    ['Succeeded', followed(true)],
    ['InProgress', { ...followed(true), settled: 'true' }],
    ['InProgress', { isPost: 'true' }],
  ] as const) {
    const p = post(status, state);
    expect(await p.result).toBe('nothing');
    expect(await p.messages).toEqual([]);
    expect(p.stops()).toEqual([]);
  }
});
