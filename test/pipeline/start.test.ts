/** Finding the execution a commit started, and checking a start before it is made. */
import { ListPipelineExecutionsCommand, StartPipelineExecutionCommand } from '@aws-sdk/client-codepipeline';
import type { PipelineExecutionSummary } from '../../src/aws/codepipeline.js';
import { UserError } from '../../src/core/errors.js';
import { selectExecution } from '../../src/pipeline/run.js';
import {
  checkStartRequest,
  findExecutionForCommit,
  parseSourceRevision,
  startedBy,
  startInput,
  type StartRequest,
} from '../../src/pipeline/start.js';
import { recordingLogger, VirtualTime } from '../codebuild/fakes.js';
import { serviceError } from '../aws/fake-aws.js';
import { DECLARATION, scriptedPipeline, T } from './fixtures.js';

const SHA = '5f2b9c1e8d7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c';

function summary(id: string, revision: string, startSeconds: number, status = 'InProgress'): PipelineExecutionSummary {
  return {
    pipelineExecutionId: id,
    status: status as never,
    startTime: T(startSeconds),
    sourceRevisions: [{ actionName: 'Source', revisionId: revision, revisionSummary: 'a commit' }],
  };
}

describe('source revisions and variables', () => {
  test('ActionName=commit, or ActionName=TYPE:value (the value may hold colons)', () => {
    expect(parseSourceRevision('Source=abc123', 'x')).toEqual({
      actionName: 'Source',
      revisionType: 'COMMIT_ID',
      revisionValue: 'abc123',
    });
    expect(parseSourceRevision('Image=IMAGE_DIGEST:sha256:0f0f', 'x')).toEqual({
      actionName: 'Image',
      revisionType: 'IMAGE_DIGEST',
      revisionValue: 'sha256:0f0f',
    });
    expect(() => parseSourceRevision('abc123', 'input "source-revisions", line 1')).toThrow(
      'input "source-revisions", line 1: expected SourceActionName=REVISION',
    );
  });

  const request = (over: Partial<StartRequest>): StartRequest => ({
    pipeline: 'app',
    variables: [],
    sourceRevisions: [],
    clientRequestToken: 'tok-1',
    ...over,
  });

  test('variables are checked against the pipeline before the start', () => {
    expect(() => checkStartRequest(request({ variables: [{ name: 'RELASE', value: '1' }] }), DECLARATION)).toThrow(
      'variables: pipeline "app" declares no variable RELASE; did you mean RELEASE?',
    );
    expect(() =>
      checkStartRequest(request({ variables: [{ name: 'ENVIRONMENT', value: 'x'.repeat(1001) }] }), DECLARATION),
    ).toThrow('the value of ENVIRONMENT must be 1 to 1000 characters; it is 1001');
    expect(() =>
      checkStartRequest(request({ variables: [{ name: 'A', value: '1' }] }), { ...DECLARATION, pipelineType: 'V1' }),
    ).toThrow('pipeline "app" is a V1 pipeline; pipeline-level variables need a V2 pipeline');
    expect(() => checkStartRequest(request({ variables: [{ name: 'has space', value: '1' }] }), undefined)).toThrow(
      'is not a pipeline variable name',
    );
    expect(() =>
      checkStartRequest(request({ variables: [{ name: 'RELEASE', value: '1' }] }), DECLARATION),
    ).not.toThrow();
  });

  test('source revision overrides name a source action of the pipeline', () => {
    const wrong = request({
      sourceRevisions: [{ actionName: 'Build', revisionType: 'COMMIT_ID', revisionValue: SHA }],
    });
    expect(() => checkStartRequest(wrong, DECLARATION)).toThrow(
      'source-revisions: pipeline "app" has no source action Build (its source actions: Source)',
    );
  });

  test('the StartPipelineExecution request', () => {
    expect(
      startInput(
        request({
          variables: [{ name: 'RELEASE', value: '1.2' }],
          sourceRevisions: [{ actionName: 'Source', revisionType: 'COMMIT_ID', revisionValue: SHA }],
        }),
      ),
    ).toEqual({
      name: 'app',
      clientRequestToken: 'tok-1',
      variables: [{ name: 'RELEASE', value: '1.2' }],
      sourceRevisions: [{ actionName: 'Source', revisionType: 'COMMIT_ID', revisionValue: SHA }],
    });
  });

  test('start: the checks run before the call, the token goes with it', async () => {
    const p = scriptedPipeline([]);
    const deps = { logger: recordingLogger(), say: () => undefined, token: () => 'token-42' };
    await expect(
      selectExecution(
        p.api,
        'app',
        DECLARATION,
        { kind: 'start', variables: [{ name: 'NOPE', value: '1' }], sourceRevisions: [] },
        deps,
      ),
    ).rejects.toThrow(UserError);
    expect(p.mock.commandCalls(StartPipelineExecutionCommand)).toHaveLength(0);
    const selected = await selectExecution(
      p.api,
      'app',
      DECLARATION,
      { kind: 'start', variables: [{ name: 'RELEASE', value: '7' }], sourceRevisions: [] },
      deps,
    );
    expect(selected).toEqual({ executionId: 'exec-1', how: 'started' });
    expect(p.mock.commandCalls(StartPipelineExecutionCommand)[0]?.args[0].input).toEqual({
      name: 'app',
      clientRequestToken: 'token-42',
      variables: [{ name: 'RELEASE', value: '7' }],
    });
  });
});

describe('the execution a commit started', () => {
  test('full ids and abbreviations of 7+ hex digits match; shorter ones do not', () => {
    const e = summary('e', SHA, 0);
    expect(startedBy(e, SHA)).toBe(true);
    expect(startedBy(e, SHA.toUpperCase())).toBe(true);
    expect(startedBy(e, SHA.slice(0, 7))).toBe(true);
    expect(startedBy(e, SHA.slice(0, 6))).toBe(false);
    expect(startedBy(e, 'deadbeef')).toBe(false);
  });

  test('waits with growing intervals until it appears; the newest match wins', async () => {
    const p = scriptedPipeline([]);
    const time = new VirtualTime();
    let looks = 0;
    p.mock.on(ListPipelineExecutionsCommand).callsFake(() => {
      looks++;
      if (looks === 2) throw serviceError('ThrottlingException', 'Rate exceeded');
      const old = [summary('older', SHA, 10, 'Failed'), summary('other', 'f'.repeat(40), 5)];
      return { pipelineExecutionSummaries: looks < 4 ? old.slice(1) : [summary('newer', SHA, 20), ...old] };
    });
    const said: string[] = [];
    const found = await findExecutionForCommit(p.api, 'app', SHA.slice(0, 10), {
      waitSeconds: 60,
      clock: time.clock,
      sleep: time.sleep,
      random: () => 0.5,
      onWaiting: (t) => void said.push(t),
    });
    expect(found.pipelineExecutionId).toBe('newer');
    expect(looks).toBe(4);
    // 2 s, a throttling back-off (half of 500 ms with this jitter), then 4.5 s.
    expect(time.sleeps).toEqual([2000, 250, 4500]);
    expect(said).toEqual([
      `No execution of pipeline app for commit ${SHA.slice(0, 10)} yet; waiting up to 60 s for one to appear`,
    ]);
  });

  test('nothing within the wait: a UserError saying what the newest execution is for', async () => {
    const p = scriptedPipeline([]);
    p.executions = [summary('exec-9', 'f'.repeat(40), 0, 'Succeeded')];
    const time = new VirtualTime();
    const error = await findExecutionForCommit(p.api, 'app', SHA, {
      waitSeconds: 20,
      clock: time.clock,
      sleep: time.sleep,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toBe(
      `no execution of pipeline app for commit ${SHA} appeared within 20 s. The newest execution, exec-9 (Succeeded), ` +
        `is for Source: ${'f'.repeat(40)}. Check that the pipeline's source action watches the branch or repository ` +
        `that was pushed (and, for a mirror, that the push reached it), wait longer with wait-for-execution-seconds, ` +
        'or start an execution with start: true.',
    );
    // Bounded by the wait: 2 + 3 + 4.5 + 6.75 s, then the 3.75 s left.
    expect(time.sleeps.reduce((a, b) => a + b, 0)).toBe(20_000);
  });

  test('a missing pipeline ends the wait at once', async () => {
    const p = scriptedPipeline([]);
    p.mock
      .on(ListPipelineExecutionsCommand)
      .rejects(
        serviceError('PipelineNotFoundException', "Account '111122223333' does not have a pipeline with name 'nope'"),
      );
    const time = new VirtualTime();
    await expect(
      findExecutionForCommit(p.api, 'nope', SHA, { waitSeconds: 300, clock: time.clock, sleep: time.sleep }),
    ).rejects.toThrow('CodePipeline pipeline "nope" not found');
    expect(time.sleeps).toEqual([]);
  });
});
