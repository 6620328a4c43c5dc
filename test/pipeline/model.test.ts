/** Stages and actions of one execution from the pipeline's structure and its action executions. */
import type { ActionExecutionDetail, PipelineDeclaration } from '../../src/aws/codepipeline.js';
import { pipelineView } from '../../src/pipeline/model.js';
import { DECLARATION as BASE } from './fixtures.js';

const T = (s: number): Date => new Date(1_700_000_000_000 + s * 1000);

/** Source, then a Build stage with two run orders (declared out of order), then Deploy. */
const DECLARATION: PipelineDeclaration = {
  ...BASE,
  stages: [
    BASE.stages?.[0] as NonNullable<PipelineDeclaration['stages']>[number],
    {
      name: 'Build',
      actions: [
        {
          name: 'Package',
          runOrder: 2,
          actionTypeId: { category: 'Build', owner: 'AWS', provider: 'CodeBuild', version: '1' },
        },
        {
          name: 'Unit',
          runOrder: 1,
          actionTypeId: { category: 'Test', owner: 'AWS', provider: 'CodeBuild', version: '1' },
        },
      ],
    },
    BASE.stages?.[3] as NonNullable<PipelineDeclaration['stages']>[number],
  ],
};

function detail(
  stage: string,
  action: string,
  status: string,
  extra: Partial<ActionExecutionDetail> = {},
): ActionExecutionDetail {
  return {
    pipelineExecutionId: 'e-1',
    actionExecutionId: `${stage}-${action}-1`,
    stageName: stage,
    actionName: action,
    status: status as ActionExecutionDetail['status'],
    startTime: T(0),
    lastUpdateTime: T(10),
    ...extra,
  };
}

test('stages in pipeline order, actions in run order, merged with what ran', () => {
  const view = pipelineView(
    DECLARATION,
    [
      detail('Source', 'Source', 'Succeeded', {
        output: {
          outputVariables: { CommitId: 'abc' },
          executionResult: { externalExecutionId: 'abc', externalExecutionSummary: 'fix' },
        },
        input: { namespace: 'SourceVariables' },
      }),
      detail('Build', 'Unit', 'InProgress', {
        startTime: T(12),
        output: { executionResult: { externalExecutionId: 'unit:1' } },
      }),
    ],
    'InProgress',
  );
  expect(view.map((s) => [s.name, s.status])).toEqual([
    ['Source', 'Succeeded'],
    ['Build', 'InProgress'],
    ['Deploy', 'NotStarted'],
  ]);
  expect(view[1]?.actions.map((a) => [a.name, a.runOrder, a.status])).toEqual([
    ['Unit', 1, 'InProgress'],
    ['Package', 2, undefined],
  ]);
  expect(view[0]?.actions[0]).toMatchObject({
    provider: 'CodeCommit',
    namespace: 'SourceVariables',
    externalId: 'abc',
    summary: 'fix',
    outputVariables: { CommitId: 'abc' },
  });
  expect(view[0]?.endTime).toEqual(T(10));
  expect(view[1]?.endTime).toBeUndefined();
});

test('between run orders a stage is in progress; a failure, an abandon and the end decide the rest', () => {
  const unitDone = detail('Build', 'Unit', 'Succeeded');
  expect(pipelineView(DECLARATION, [unitDone], 'InProgress')[1]?.status).toBe('InProgress');
  expect(pipelineView(DECLARATION, [unitDone], 'Stopped')[1]?.status).toBe('Stopped');
  expect(pipelineView(DECLARATION, [unitDone], 'Superseded')[1]?.status).toBe('Cancelled');
  expect(pipelineView(DECLARATION, [detail('Build', 'Unit', 'Failed')], 'Failed')[1]?.status).toBe('Failed');
  expect(pipelineView(DECLARATION, [detail('Build', 'Unit', 'Abandoned')], 'Stopped')[1]?.status).toBe('Stopped');
  // A parallel action still running keeps a stage with a failure in progress.
  const both = [detail('Build', 'Unit', 'Failed'), detail('Build', 'Package', 'InProgress')];
  expect(pipelineView(DECLARATION, both, 'InProgress')[1]?.status).toBe('InProgress');
});

test('a retried action: its newest execution wins', () => {
  const view = pipelineView(
    DECLARATION,
    [
      detail('Build', 'Unit', 'Failed', { actionExecutionId: 'a1', startTime: T(0) }),
      detail('Build', 'Unit', 'InProgress', { actionExecutionId: 'a2', startTime: T(30) }),
    ],
    'InProgress',
  );
  expect(view[1]?.actions[0]).toMatchObject({ actionExecutionId: 'a2', status: 'InProgress' });
});

test('without the structure: stages in the order they ran, done once a later one started or the execution ended', () => {
  const ran = [
    detail('Source', 'Source', 'Succeeded', { startTime: T(0) }),
    detail('Build', 'Unit', 'Succeeded', { startTime: T(20) }),
  ];
  expect(pipelineView(undefined, ran, 'InProgress').map((s) => [s.name, s.status])).toEqual([
    ['Source', 'Succeeded'],
    ['Build', 'InProgress'],
  ]);
  expect(pipelineView(undefined, ran, 'Succeeded').map((s) => s.status)).toEqual(['Succeeded', 'Succeeded']);
});
