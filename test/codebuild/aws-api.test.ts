/** src/aws/codebuild.ts and src/aws/logs.ts over HTTP (nock): the requests, and errors a user can act on. */
import { codeBuildApi, createCodeBuildClient } from '../../src/aws/codebuild.js';
import { createLogsClient, logsApi } from '../../src/aws/logs.js';
import { UserError } from '../../src/core/errors.js';
import { fakeOptions, useNock } from '../aws/fake-aws.js';
import { awsErrorBody, serveAws } from './nock-aws.js';

useNock();

const codebuild = () => codeBuildApi(createCodeBuildClient(fakeOptions({ maxAttempts: 2 })));
const logs = () => {
  const client = createLogsClient(fakeOptions({ maxAttempts: 2 }));
  return logsApi(client);
};

const DENIED =
  'User: arn:aws:sts::111122223333:assumed-role/ci/x is not authorized to perform: codebuild:StartBuild on resource: ' +
  'arn:aws:codebuild:us-east-1:111122223333:project/app because no identity-based policy allows the codebuild:StartBuild action';

test('StartBuild sends the input and returns the build', async () => {
  const calls = serveAws({ StartBuild: () => ({ build: { id: 'app:1', buildNumber: 7, startTime: 1700000000.5 } }) });
  const build = await codebuild().startBuild({ projectName: 'app', sourceVersion: 'abc', idempotencyToken: 't' });
  expect(build).toMatchObject({ id: 'app:1', buildNumber: 7, startTime: new Date(1700000000500) });
  expect(calls).toEqual([
    { operation: 'StartBuild', input: { projectName: 'app', sourceVersion: 'abc', idempotencyToken: 't' } },
  ]);
});

test.each([
  [
    'a missing project',
    awsErrorBody('ResourceNotFoundException', 'Project cannot be found: arn:aws:codebuild:us-east-1:1:project/app'),
    'CodeBuild project "app" not found (Project cannot be found: arn:aws:codebuild:us-east-1:1:project/app); check project-name and the AWS region',
  ],
  [
    'a missing permission, named by AWS',
    awsErrorBody('AccessDeniedException', DENIED),
    'StartBuild app: missing IAM permission codebuild:StartBuild on arn:aws:codebuild:us-east-1:111122223333:project/app',
  ],
  [
    'a missing permission, not named by AWS',
    awsErrorBody('AccessDeniedException', 'Access denied'),
    'StartBuild app: missing IAM permission codebuild:StartBuild (AccessDeniedException: Access denied)',
  ],
  [
    'an account quota of 0',
    awsErrorBody('AccountLimitExceededException', 'Cannot have more than 0 builds in queue for the account'),
    "StartBuild app: the account's concurrent build quota is 0 (new AWS accounts often start there), so CodeBuild cannot run any build",
  ],
  [
    'a concurrency limit reached',
    awsErrorBody('AccountLimitExceededException', 'Cannot have more than 2 active builds for the project app'),
    'StartBuild app: the concurrent build limit of the account or project is reached',
  ],
  [
    'an invalid input',
    awsErrorBody('InvalidInputException', 'Invalid compute type'),
    'StartBuild app: CodeBuild refused the request (InvalidInputException: Invalid compute type)',
  ],
])('StartBuild: %s', async (_name, body, message) => {
  serveAws({ StartBuild: () => [400, body] });
  const error = await codebuild()
    .startBuild({ projectName: 'app' })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UserError);
  expect((error as Error).message.startsWith(message)).toBe(true);
});

test('throttling that outlives the retries is passed on as it is (callers try again later)', async () => {
  serveAws({ BatchGetBuilds: () => [400, awsErrorBody('ThrottlingException', 'Rate exceeded')] });
  const error = await codebuild()
    .getBuilds(['app:1'])
    .catch((e: unknown) => e);
  expect(error).not.toBeInstanceOf(UserError);
  expect((error as Error).name).toBe('ThrottlingException');
});

test('BatchGetBuilds, BatchGetBuildBatches, StopBuild, StopBuildBatch', async () => {
  const calls = serveAws({
    BatchGetBuilds: (input) => ({
      builds: [{ id: (input.ids as string[])[0], buildComplete: false }],
      buildsNotFound: [],
    }),
    BatchGetBuildBatches: () => ({ buildBatches: [], buildBatchesNotFound: ['app:b'] }),
    StopBuild: () => ({ build: { id: 'app:1', buildStatus: 'IN_PROGRESS' } }),
    StopBuildBatch: () => ({ buildBatch: { id: 'app:b' } }),
  });
  const api = codebuild();
  expect(await api.getBuilds(['app:1'])).toEqual([{ id: 'app:1', buildComplete: false }]);
  expect(await api.getBuildBatch('app:b')).toBeUndefined();
  expect(await api.stopBuild('app:1')).toMatchObject({ id: 'app:1' });
  expect(await api.stopBuildBatch('app:b')).toMatchObject({ id: 'app:b' });
  expect(calls.map((c) => c.operation)).toEqual([
    'BatchGetBuilds',
    'BatchGetBuildBatches',
    'StopBuild',
    'StopBuildBatch',
  ]);
  expect(calls[2]?.input).toEqual({ id: 'app:1' });
});

test('GetLogEvents: from the head, a start time or a token; events and the forward token', async () => {
  const calls = serveAws({
    GetLogEvents: () => ({
      events: [{ timestamp: 5, message: 'hello\n', ingestionTime: 6 }],
      nextForwardToken: 'f/2',
      nextBackwardToken: 'b/1',
    }),
  });
  const api = logs();
  const stream = { group: '/aws/codebuild/app', stream: 'u' };
  expect(await api.getLogEvents(stream, {})).toEqual({
    events: [{ timestamp: 5, message: 'hello\n', ingestionTime: 6 }],
    nextForwardToken: 'f/2',
  });
  await api.getLogEvents(stream, { startTime: 100 });
  await api.getLogEvents(stream, { nextToken: 'f/2', startTime: 100 });
  expect(calls.map((c) => c.input)).toEqual([
    { logGroupName: '/aws/codebuild/app', logStreamName: 'u', startFromHead: true },
    { logGroupName: '/aws/codebuild/app', logStreamName: 'u', startFromHead: true, startTime: 100 },
    { logGroupName: '/aws/codebuild/app', logStreamName: 'u', startFromHead: true, nextToken: 'f/2' },
  ]);
});

test('GetLogEvents denied: a UserError naming logs:GetLogEvents; a missing stream is passed on', async () => {
  serveAws({
    GetLogEvents: (_input, n) =>
      n === 0
        ? [400, awsErrorBody('AccessDeniedException', 'not allowed')]
        : [400, awsErrorBody('ResourceNotFoundException', 'The specified log stream does not exist.')],
  });
  const api = logs();
  const stream = { group: 'g', stream: 's' };
  await expect(api.getLogEvents(stream, {})).rejects.toThrow(
    'GetLogEvents g s: missing IAM permission logs:GetLogEvents',
  );
  const missing = await api.getLogEvents(stream, {}).catch((e: unknown) => e);
  expect((missing as Error).name).toBe('ResourceNotFoundException');
  expect(missing).not.toBeInstanceOf(UserError);
});
