/** The pipeline action's post step: stops a followed execution that still runs, and nothing else. */
import { StopPipelineExecutionCommand } from '@aws-sdk/client-codepipeline';
import { pipelineAction } from '../../../src/actions/pipeline/main.js';
import type { PipelineClients } from '../../../src/pipeline/clients.js';
import { runActionInProcess } from '../../support/action.js';
import { scriptedPipeline } from '../../pipeline/fixtures.js';

/** The post step with this state: whether it stopped anything, what it said (our lines and warnings). */
function post(status: string, state: Record<string, string>) {
  const pipeline = scriptedPipeline([{ status, actions: [] }]);
  const clients = { codepipeline: pipeline.api, dispose: () => undefined } as unknown as PipelineClients;
  const run = runActionInProcess(pipelineAction({ clients }), {
    state,
    env: { GITHUB_REPOSITORY: 'octo/app', GITHUB_RUN_ID: '9' },
  }).then((r) => {
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
    stops: () => pipeline.mock.commandCalls(StopPipelineExecutionCommand).map((c) => c.args[0].input),
  };
}

const FOLLOWED = {
  isPost: 'true',
  followed: JSON.stringify({ pipeline: 'app', executionId: 'exec-1', abandon: true }),
};

test('a followed execution still running is stopped, abandoning as the input said, with a reason', async () => {
  const p = post('InProgress', FOLLOWED);
  expect(await p.result).toBe('stopped');
  expect(await p.code).toBe(0);
  expect(p.stops()).toEqual([
    {
      pipelineName: 'app',
      pipelineExecutionId: 'exec-1',
      abandon: true,
      reason: 'the GitHub job following it ended while it ran (octo/app, run 9)',
    },
  ]);
  expect(await p.messages).toEqual([
    'info: The job ended while execution exec-1 of app was running: stopped it (actions in progress abandoned)',
  ]);
});

test('finished, already stopping, settled, or not followed: nothing is stopped', async () => {
  for (const [status, state] of [
    ['Succeeded', FOLLOWED],
    ['Stopping', FOLLOWED],
    ['InProgress', { ...FOLLOWED, settled: 'true' }],
    ['InProgress', { isPost: 'true' }],
  ] as const) {
    const p = post(status, state);
    expect(await p.result).toBe('nothing');
    expect(await p.messages).toEqual([]);
    expect(p.stops()).toEqual([]);
  }
});
