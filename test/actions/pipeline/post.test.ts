/** The pipeline action's post step: stops a followed execution that still runs, and nothing else. */
import { StopPipelineExecutionCommand } from '@aws-sdk/client-codepipeline';
import { runPost } from '../../../src/actions/pipeline/post.js';
import type { PipelineClients } from '../../../src/pipeline/clients.js';
import { scriptedPipeline } from '../../pipeline/fixtures.js';

function post(status: string, state: Record<string, string>) {
  const pipeline = scriptedPipeline([{ status, actions: [] }]);
  const clients = { codepipeline: pipeline.api, dispose: () => undefined } as unknown as PipelineClients;
  const messages: string[] = [];
  const result = runPost({
    getState: (name) => state[name] ?? '',
    env: { GITHUB_REPOSITORY: 'octo/app', GITHUB_RUN_ID: '9' },
    info: (m) => void messages.push(`info: ${m}`),
    warning: (m) => void messages.push(`warning: ${m}`),
    clients,
  });
  return {
    result,
    messages,
    stops: () => pipeline.mock.commandCalls(StopPipelineExecutionCommand).map((c) => c.args[0].input),
  };
}

const FOLLOWED = {
  execution: JSON.stringify({ pipeline: 'app', executionId: 'exec-1' }),
  followed: 'true',
  abandon: 'true',
};

test('a followed execution still running is stopped, abandoning as the input said, with a reason', async () => {
  const p = post('InProgress', FOLLOWED);
  expect(await p.result).toBe('stopped');
  expect(p.stops()).toEqual([
    {
      pipelineName: 'app',
      pipelineExecutionId: 'exec-1',
      abandon: true,
      reason: 'the GitHub job following it ended while it ran (octo/app, run 9)',
    },
  ]);
  expect(p.messages).toEqual([
    'info: The job ended while execution exec-1 of app was running: stopped it (actions in progress abandoned)',
  ]);
});

test('finished, already stopping, complete, or not followed: nothing is stopped', async () => {
  for (const [status, state] of [
    ['Succeeded', FOLLOWED],
    ['Stopping', FOLLOWED],
    ['InProgress', { ...FOLLOWED, complete: 'true' }],
    ['InProgress', { execution: FOLLOWED.execution }],
  ] as const) {
    const p = post(status, state);
    expect(await p.result).toBe('nothing');
    expect(p.stops()).toEqual([]);
  }
});
