/** The deploy action's post step: stops a followed deployment that still runs, and nothing else. */
import { StopDeploymentCommand } from '@aws-sdk/client-codedeploy';
import { runPost } from '../../../src/actions/deploy/post.js';
import type { DeployClients } from '../../../src/deploy/clients.js';
import { scriptedDeploy } from '../../deploy/fixtures.js';

function post(status: string, state: Record<string, string>) {
  const deploy = scriptedDeploy();
  deploy.add('d-1', [{ status }]);
  const clients = { codedeploy: deploy.api, dispose: () => undefined } as unknown as DeployClients;
  const messages: string[] = [];
  const result = runPost({
    getState: (name) => state[name] ?? '',
    env: {},
    info: (m) => void messages.push(`info: ${m}`),
    warning: (m) => void messages.push(`warning: ${m}`),
    clients,
  });
  return { result, messages, stops: () => deploy.mock.commandCalls(StopDeploymentCommand).map((c) => c.args[0].input) };
}

test('a followed deployment still running is stopped, rolling back unless told not to', async () => {
  const p = post('InProgress', { deploymentId: 'd-1', followed: 'true' });
  expect(await p.result).toBe('stopped');
  expect(p.stops()).toEqual([{ deploymentId: 'd-1', autoRollbackEnabled: true }]);
  expect(p.messages).toEqual([
    'info: The job ended while deployment d-1 was running: stopped it (updated targets roll back)',
  ]);
  const q = post('InProgress', { deploymentId: 'd-1', followed: 'true', rollbackOnCancel: 'false' });
  expect(await q.result).toBe('stopped');
  expect(q.stops()).toEqual([{ deploymentId: 'd-1', autoRollbackEnabled: false }]);
});

test('finished, complete, or not followed: nothing is stopped', async () => {
  for (const [status, state] of [
    ['Succeeded', { deploymentId: 'd-1', followed: 'true' }],
    ['InProgress', { deploymentId: 'd-1', followed: 'true', complete: 'true' }],
    ['InProgress', { deploymentId: 'd-1' }],
  ] as const) {
    const p = post(status, state);
    expect(await p.result).toBe('nothing');
    expect(p.stops()).toEqual([]);
  }
});
