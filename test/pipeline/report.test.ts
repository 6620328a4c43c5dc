/** The job summary of an execution: stage table, Mermaid flowchart (escaped names, classes), variables. */
import type { PipelineOutcome } from '../../src/pipeline/follow.js';
import { flowchart, mermaidText, pipelineSummaryMarkdown, variablesJson } from '../../src/pipeline/report.js';
import { pipelineView } from '../../src/pipeline/model.js';
import { action, DECLARATION, T } from './fixtures.js';

function outcome(status: string, actions: Parameters<typeof pipelineView>[1]): PipelineOutcome {
  return {
    execution: {
      pipelineExecutionId: 'exec-1',
      status: status as never,
      trigger: { triggerType: 'CloudWatchEvent' },
      artifactRevisions: [{ name: 'SourceArtifact', revisionId: 'c0ffee12' }],
      variables: [{ name: 'RELEASE', resolvedValue: 'a|b' }],
    },
    stages: pipelineView(DECLARATION, actions, status),
    followed: new Map(),
    cancelled: false,
    statusCalls: 3,
  };
}

test('Mermaid labels: quotes, #, angle brackets, backticks and newlines cannot end a label or the block', () => {
  expect(mermaidText('a "b" #1 <c> & `d`\ne')).toBe('a #quot;b#quot; #35;1 #lt;c#gt; #amp; #96;d#96; e');
});

test('the flowchart: stages in order, actions inside, run orders joined, a class per status', () => {
  const stages = pipelineView(
    {
      ...DECLARATION,
      stages: [
        DECLARATION.stages?.[0] as never,
        {
          name: 'Build "x"',
          actions: [
            {
              name: 'Unit',
              runOrder: 1,
              actionTypeId: { category: 'Test', owner: 'AWS', provider: 'CodeBuild', version: '1' },
            },
            {
              name: 'Lint',
              runOrder: 1,
              actionTypeId: { category: 'Test', owner: 'AWS', provider: 'CodeBuild', version: '1' },
            },
            {
              name: 'Package',
              runOrder: 2,
              actionTypeId: { category: 'Build', owner: 'AWS', provider: 'CodeBuild', version: '1' },
            },
          ],
        },
      ],
    },
    [
      action('Source', 'Source', 'Succeeded'),
      action('Build "x"', 'Unit', 'Failed'),
      action('Build "x"', 'Lint', 'Succeeded'),
    ],
    'Failed',
  );
  expect(flowchart(stages)).toEqual([
    '```mermaid',
    'flowchart LR',
    '  subgraph s0["Source"]',
    '    direction TB',
    '    s0a0["Source<br/>CodeCommit"]',
    '  end',
    '  subgraph s1["Build #quot;x#quot;"]',
    '    direction TB',
    '    s1a0["Unit<br/>CodeBuild"]',
    '    s1a1["Lint<br/>CodeBuild"]',
    '    s1a2["Package<br/>CodeBuild"]',
    '    s1a0 --> s1a2',
    '    s1a1 --> s1a2',
    '  end',
    '  s0 --> s1',
    '  classDef succeeded fill:#dcfce7,stroke:#16a34a,color:#14532d',
    '  classDef failed fill:#fee2e2,stroke:#dc2626,color:#7f1d1d',
    '  classDef running fill:#dbeafe,stroke:#2563eb,color:#1e3a8a',
    '  classDef stopped fill:#f3f4f6,stroke:#6b7280,color:#111827',
    '  classDef pending fill:#ffffff,stroke:#9ca3af,color:#6b7280,stroke-dasharray:4 2',
    '  class s0a0 succeeded',
    '  class s0 succeeded',
    '  class s1a0 failed',
    '  class s1a1 succeeded',
    '  class s1a2 pending',
    '  class s1 failed',
    '```',
  ]);
});

test('the summary: title with status, facts, stage table, flowchart, variables by namespace', () => {
  const md = pipelineSummaryMarkdown(
    outcome('Failed', [
      action('Source', 'Source', 'Succeeded', {
        input: { namespace: 'SourceVariables' },
        outputs: { CommitId: 'c0ffee12' },
      }),
      action('Build', 'Build', 'Failed', { startTime: T(10), lastUpdateTime: T(70), summary: 'Build failed |\nbadly' }),
    ]),
    { pipeline: 'app', region: 'eu-west-1' },
  );
  expect(md).toContain('## CodePipeline app: ❌ Failed');
  expect(md).toContain(
    '**Execution** `exec-1` · **Duration** 1m 10s · **Trigger** CloudWatchEvent · **SourceArtifact** `c0ffee12`',
  );
  expect(md).toContain(
    '[Console](https://eu-west-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/app/executions/exec-1/timeline?region=eu-west-1)',
  );
  expect(md).toContain('| Build | ❌ Failed | 1m 0s | ❌ Build: Build failed \\| badly |');
  expect(md).toContain('| Deploy | ⚪ NotStarted |  | ⚪ Deploy |');
  expect(md).toContain('```mermaid\nflowchart LR');
  expect(md).toContain('| `#{variables.RELEASE}` | a\\|b |');
  expect(md).toContain('| `#{SourceVariables.CommitId}` | c0ffee12 |');
});

test('variables: an action without a namespace is listed as <stage>.<action>', () => {
  const o = outcome('Succeeded', [action('Build', 'Build', 'Succeeded', { outputs: { V: '1' } })]);
  expect(
    variablesJson({
      ...o,
      stages: o.stages.map((s) => ({ ...s, actions: s.actions.map((a) => ({ ...a, namespace: undefined })) })),
    }),
  ).toEqual({
    variables: { RELEASE: 'a|b' },
    'Build.Build': { V: '1' },
  });
});
