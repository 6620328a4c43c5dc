/** CodePipeline calls: paging, and errors that become UserErrors naming what to fix. */
import {
  CodePipelineClient,
  GetPipelineExecutionCommand,
  ListActionExecutionsCommand,
  StopPipelineExecutionCommand,
} from '@aws-sdk/client-codepipeline';
import { mockClient } from 'aws-sdk-client-mock';
import { codePipelineApi } from '../../src/aws/codepipeline.js';
import { UserError } from '../../src/core/errors.js';
import { stopExecution } from '../../src/pipeline/stop.js';
import { FAKE_CREDENTIALS, serviceError } from './fake-aws.js';

const client = new CodePipelineClient({ region: 'us-east-1', credentials: FAKE_CREDENTIALS });
const mock = mockClient(client);
const api = codePipelineApi(client);

beforeEach(() => mock.reset());

test('ListActionExecutions: every page, filtered by the execution, 100 a page', async () => {
  mock.on(ListActionExecutionsCommand).callsFake((input: { nextToken?: string }) => {
    const page = Number(input.nextToken ?? 0);
    return {
      actionExecutionDetails: [{ actionName: `a${page}`, stageName: 's' }],
      ...(page < 2 ? { nextToken: String(page + 1) } : {}),
    };
  });
  const all = await api.listActionExecutions('app', 'exec-1');
  expect(all.map((a) => a.actionName)).toEqual(['a0', 'a1', 'a2']);
  const calls = mock.commandCalls(ListActionExecutionsCommand).map((c) => c.args[0].input);
  expect(calls).toEqual([
    { pipelineName: 'app', filter: { pipelineExecutionId: 'exec-1' }, maxResults: 100 },
    { pipelineName: 'app', filter: { pipelineExecutionId: 'exec-1' }, maxResults: 100, nextToken: '1' },
    { pipelineName: 'app', filter: { pipelineExecutionId: 'exec-1' }, maxResults: 100, nextToken: '2' },
  ]);
});

test('errors: a missing pipeline, a missing permission (the IAM action named), a missing execution', async () => {
  mock
    .on(GetPipelineExecutionCommand, { pipelineName: 'nope' })
    .rejects(
      serviceError('PipelineNotFoundException', "Account '111122223333' does not have a pipeline with name 'nope'"),
    )
    .on(GetPipelineExecutionCommand, { pipelineName: 'locked' })
    .rejects(
      serviceError('AccessDeniedException', 'User: arn:aws:sts::111122223333:assumed-role/ci/s is not authorized', 403),
    )
    .on(GetPipelineExecutionCommand, { pipelineName: 'app' })
    .rejects(serviceError('PipelineExecutionNotFoundException', 'Pipeline execution e-9 does not exist'));
  const missing = await api.getPipelineExecution('nope', 'e-1').catch((e: unknown) => e);
  expect(missing).toBeInstanceOf(UserError);
  expect((missing as Error).message).toMatch(
    /^CodePipeline pipeline "nope" not found \(.*\); check the pipeline name and the AWS region$/,
  );
  await expect(api.getPipelineExecution('locked', 'e-1')).rejects.toThrow(
    'GetPipelineExecution locked e-1: missing IAM permission codepipeline:GetPipelineExecution',
  );
  await expect(api.getPipelineExecution('app', 'e-9')).rejects.toThrow(
    'GetPipelineExecution: no execution e-9 in pipeline "app"',
  );
});

test('throttling that outlived the retries is passed on as it is, for the poller to wait out', async () => {
  const throttled = serviceError('ThrottlingException', 'Rate exceeded');
  mock.on(GetPipelineExecutionCommand).rejects(throttled);
  const error = await api.getPipelineExecution('app', 'e').catch((e: unknown) => e);
  expect(error).not.toBeInstanceOf(UserError);
  expect((error as Error).name).toBe('ThrottlingException');
});

test('stopping: already stopping counts as stopped; a finished execution is not stopped, with the reason', async () => {
  mock.on(StopPipelineExecutionCommand).rejects(serviceError('DuplicatedStopRequestException', 'already stopping'));
  expect(await stopExecution(api, 'app', 'e-1', { abandon: false, reason: 'r' })).toEqual({
    stopped: true,
    note: 'it was already stopping',
  });
  mock.on(StopPipelineExecutionCommand).rejects(serviceError('PipelineExecutionNotStoppableException', 'done'));
  expect(await stopExecution(api, 'app', 'e-1', { abandon: false, reason: 'r' })).toEqual({
    stopped: false,
    reason: 'CodePipeline says it cannot be stopped (it is no longer running)',
  });
  mock.on(StopPipelineExecutionCommand).resolves({});
  await stopExecution(api, 'app', 'e-1', { abandon: true, reason: 'x'.repeat(300) });
  expect(mock.commandCalls(StopPipelineExecutionCommand).at(-1)?.args[0].input.reason).toHaveLength(200);
});

test('a stop that gets no answer gives up after the deadline', async () => {
  mock.on(StopPipelineExecutionCommand).callsFake(() => new Promise(() => undefined));
  const result = await stopExecution(api, 'app', 'e-1', { abandon: false, reason: 'r' }, 50);
  expect(result).toEqual({ stopped: false, reason: 'no answer within 50 ms' });
});
