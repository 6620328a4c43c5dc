import type { ArtifactsStep, CacheStep, StepContext } from '../../src/runner/types.js';
import { phaseSummary, runTestBuild } from './helpers.js';

/** Buildspec phases that ran, with their status (agent phases and bookkeeping left out). */
function ran(result: Awaited<ReturnType<typeof runTestBuild>>['result']): string[] {
  const agent = new Set(['SUBMITTED', 'PROVISIONING', 'DOWNLOAD_SOURCE', 'FINALIZING', 'COMPLETED']);
  return phaseSummary(result).filter((p) => !agent.has(p.split(':')[0] as string));
}

describe('phase order and transitions (spec §4.1)', () => {
  test('all phases succeed: every phase in order, SUBMITTED…COMPLETED, status SUCCEEDED', async () => {
    const { result, sink } = await runTestBuild({
      phases: {
        post_build: { commands: ['echo post'] },
        install: { commands: ['echo install'] },
        build: { commands: ['echo build'] },
      },
    });
    expect(result.buildStatus).toBe('SUCCEEDED');
    expect(phaseSummary(result)).toEqual([
      'SUBMITTED:SUCCEEDED',
      'PROVISIONING:SUCCEEDED',
      'DOWNLOAD_SOURCE:SUCCEEDED',
      'INSTALL:SUCCEEDED',
      'PRE_BUILD:SUCCEEDED',
      'BUILD:SUCCEEDED',
      'POST_BUILD:SUCCEEDED',
      'UPLOAD_ARTIFACTS:SUCCEEDED',
      'FINALIZING:SUCCEEDED',
      'COMPLETED:-',
    ]);
    expect(sink.outputs().map((o) => o.output)).toEqual(['install\n', 'build\n', 'post\n']);
    expect(result).toMatchObject({ currentPhase: 'COMPLETED', buildComplete: true, buildNumber: 7 });
    expect(result.phases.find((p) => p.phaseType === 'BUILD')?.contexts).toEqual([{ statusCode: '', message: '' }]);
  });

  test('install failure skips to the end: no later phase, no UPLOAD_ARTIFACTS', async () => {
    const { result, sink } = await runTestBuild({
      phases: {
        install: { commands: ['false', 'echo not-run'], finally: ['echo install-finally'] },
        build: { commands: ['echo build'], finally: ['echo build-finally'] },
      },
    });
    expect(result.buildStatus).toBe('FAILED');
    expect(ran(result)).toEqual(['INSTALL:FAILED']);
    expect(sink.outputs().map((o) => o.command)).toEqual(['false', 'echo install-finally']);
    expect(result.phases.find((p) => p.phaseType === 'INSTALL')?.contexts).toEqual([
      { statusCode: 'COMMAND_EXECUTION_ERROR', message: 'Error while executing command: false. Reason: exit status 1' },
    ]);
  });

  test('pre_build failure skips to the end too', async () => {
    const { result } = await runTestBuild({
      phases: { pre_build: { commands: ['exit 4'] }, build: { commands: ['echo build'] } },
    });
    expect(ran(result)).toEqual(['INSTALL:SUCCEEDED', 'PRE_BUILD:FAILED']);
  });

  test('build failure still runs post_build (which sees CODEBUILD_BUILD_SUCCEEDING=0) and UPLOAD_ARTIFACTS', async () => {
    const { result, sink } = await runTestBuild({
      phases: {
        build: { commands: ['echo "in build $CODEBUILD_BUILD_SUCCEEDING"', 'exit 2', 'echo skipped'] },
        post_build: { commands: ['echo "in post $CODEBUILD_BUILD_SUCCEEDING"'] },
      },
    });
    expect(result.buildStatus).toBe('FAILED');
    expect(ran(result)).toEqual([
      'INSTALL:SUCCEEDED',
      'PRE_BUILD:SUCCEEDED',
      'BUILD:FAILED',
      'POST_BUILD:SUCCEEDED',
      'UPLOAD_ARTIFACTS:SUCCEEDED',
    ]);
    expect(sink.outputs().map((o) => o.output)).toEqual(['in build 1\n', '', 'in post 0\n']);
  });

  test('post_build failure goes on to UPLOAD_ARTIFACTS', async () => {
    const { result } = await runTestBuild({ phases: { post_build: { commands: ['false'] } } });
    expect(ran(result).slice(-2)).toEqual(['POST_BUILD:FAILED', 'UPLOAD_ARTIFACTS:SUCCEEDED']);
    expect(result.buildStatus).toBe('FAILED');
  });
});

describe('finally (spec §4.2)', () => {
  test('runs after successful commands and after a failing one; the rest of commands is skipped', async () => {
    const { result, sink } = await runTestBuild({
      phases: {
        install: { commands: ['echo a'], finally: ['echo fin-a'] },
        build: { commands: ['false', 'echo skipped'], finally: ['echo fin-b1', 'echo fin-b2'] },
      },
    });
    expect(sink.outputs().map((o) => o.command)).toEqual([
      'echo a',
      'echo fin-a',
      'false',
      'echo fin-b1',
      'echo fin-b2',
    ]);
    expect(result.buildStatus).toBe('FAILED');
  });

  test('a failing finally command fails the phase and skips the rest of finally', async () => {
    const { result, sink } = await runTestBuild({
      phases: { build: { commands: ['echo ok'], finally: ['exit 5', 'echo after'] } },
    });
    expect(sink.outputs().map((o) => o.command)).toEqual(['echo ok', 'exit 5']);
    expect(result.phases.find((p) => p.phaseType === 'BUILD')).toMatchObject({
      phaseStatus: 'FAILED',
      contexts: [{ message: 'Error while executing command: exit 5. Reason: exit status 5' }],
    });
  });

  test('the context names the first failure when commands and finally both fail', async () => {
    const { result } = await runTestBuild({ phases: { build: { commands: ['exit 3'], finally: ['exit 4'] } } });
    expect(result.phases.find((p) => p.phaseType === 'BUILD')?.contexts?.[0]?.message).toContain('exit status 3');
  });

  test('a phase skipped after an earlier failure does not run its finally', async () => {
    const { sink } = await runTestBuild({
      phases: { install: { commands: ['false'] }, pre_build: { commands: ['echo x'], finally: ['echo pre-fin'] } },
    });
    expect(sink.outputs().map((o) => o.command)).toEqual(['false']);
  });
});

describe('on-failure (spec §4.3)', () => {
  test('ABORT on build: no post_build and no UPLOAD_ARTIFACTS', async () => {
    const { result, sink } = await runTestBuild({
      phases: {
        build: { commands: ['false'], finally: ['echo fin'], onFailure: { kind: 'ABORT' } },
        post_build: { commands: ['echo post'] },
      },
    });
    expect(ran(result)).toEqual(['INSTALL:SUCCEEDED', 'PRE_BUILD:SUCCEEDED', 'BUILD:FAILED']);
    expect(sink.outputs().map((o) => o.command)).toEqual(['false', 'echo fin']);
    expect(result.buildStatus).toBe('FAILED');
  });

  test('CONTINUE on install: later phases run, CODEBUILD_BUILD_SUCCEEDING stays 0, the build ends FAILED', async () => {
    const { result, sink } = await runTestBuild({
      phases: {
        install: { commands: ['false'], onFailure: { kind: 'CONTINUE' } },
        build: { commands: ['echo "build $CODEBUILD_BUILD_SUCCEEDING"'] },
        post_build: { commands: ['echo "post $CODEBUILD_BUILD_SUCCEEDING"'] },
      },
    });
    expect(ran(result)).toEqual([
      'INSTALL:FAILED',
      'PRE_BUILD:SUCCEEDED',
      'BUILD:SUCCEEDED',
      'POST_BUILD:SUCCEEDED',
      'UPLOAD_ARTIFACTS:SUCCEEDED',
    ]);
    expect(sink.outputOf('echo "build $CODEBUILD_BUILD_SUCCEEDING"')).toBe('build 0\n');
    expect(sink.outputOf('echo "post $CODEBUILD_BUILD_SUCCEEDING"')).toBe('post 0\n');
    expect(result.buildStatus).toBe('FAILED');
  });

  test('RETRY-2: the phase (commands and finally) runs up to 2 more times; each retry is logged', async () => {
    const { result, sink } = await runTestBuild({
      phases: {
        build: {
          // Fails twice, then succeeds: the counter file survives between attempts.
          commands: ['n=$(cat count 2>/dev/null || echo 0); n=$((n+1)); echo $n > count; [ $n -ge 3 ]'],
          finally: ['echo fin'],
          onFailure: { kind: 'RETRY', count: 2 },
        },
      },
    });
    expect(result.phases.find((p) => p.phaseType === 'BUILD')?.phaseStatus).toBe('SUCCEEDED');
    expect(result.buildStatus).toBe('SUCCEEDED');
    expect(sink.outputs().filter((o) => o.command === 'echo fin')).toHaveLength(3);
    expect(sink.log).toContain('Retrying phase BUILD (retry 1 of 2)');
    expect(sink.log).toContain('Retrying phase BUILD (retry 2 of 2)');
    const attempts = sink.events.flatMap((e) =>
      e.type === 'command-start' && e.section === 'commands' ? [e.attempt] : [],
    );
    expect(attempts).toEqual([1, 2, 3]);
  });

  test('RETRY-1 exhausted: the phase fails with the default transition (post_build still runs)', async () => {
    const { result, sink } = await runTestBuild({
      phases: {
        build: { commands: ['false'], onFailure: { kind: 'RETRY', count: 1 } },
        post_build: { commands: ['echo post'] },
      },
    });
    expect(sink.outputs().filter((o) => o.command === 'false')).toHaveLength(2);
    expect(ran(result)).toContain('POST_BUILD:SUCCEEDED');
    expect(result.buildStatus).toBe('FAILED');
  });

  test('RETRY with a regex retries only when the error message matches', async () => {
    const matching = await runTestBuild({
      phases: { build: { commands: ['exit 7'], onFailure: { kind: 'RETRY', count: 3, pattern: 'exit status 7$' } } },
    });
    expect(matching.sink.outputs()).toHaveLength(4);
    const other = await runTestBuild({
      phases: { build: { commands: ['exit 8'], onFailure: { kind: 'RETRY', count: 3, pattern: 'exit status 7$' } } },
    });
    expect(other.sink.outputs()).toHaveLength(1);
    expect(other.result.buildStatus).toBe('FAILED');
  });

  test('the RETRY regex is Go (RE2) syntax, as the agent reads it: (?i) works, \\z is the end', async () => {
    const caseless = await runTestBuild({
      phases: {
        build: { commands: ['exit 7'], onFailure: { kind: 'RETRY', count: 1, pattern: '(?i)EXIT STATUS 7\\z' } },
      },
    });
    expect(caseless.sink.outputs()).toHaveLength(2);
  });

  test('RETRY keeps the shell state of the failed attempt (same session)', async () => {
    const { sink } = await runTestBuild({
      phases: {
        build: { commands: ['echo "seen=${SEEN:-no}"; SEEN=yes; false'], onFailure: { kind: 'RETRY', count: 1 } },
      },
    });
    expect(sink.outputs().map((o) => o.output)).toEqual(['seen=no\n', 'seen=yes\n']);
  });
});

describe('the CodeBuild log', () => {
  test('header, command lines, failure lines, contexts and phase entries in CodeBuild form', async () => {
    const { sink } = await runTestBuild({
      phases: {
        install: { commands: ['echo one', 'echo two'] },
        build: { commands: ['printf "no newline"', 'exit 1'] },
      },
    });
    const lines = sink.log
      .split('\n')
      .map((l) => l.replace(/^\[Container\] \d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d\.\d{6} /, '[C] '));
    expect(lines).toEqual(
      expect.arrayContaining([
        '[C] Phases found in YAML: 2',
        '[C]  INSTALL: 2 commands',
        '[C]  BUILD: 2 commands',
        '[C] Phase complete: DOWNLOAD_SOURCE State: SUCCEEDED',
        '[C] Entering phase INSTALL',
        '[C] Running command echo one',
        '[C] Command did not exit successfully exit 1 exit status 1',
        '[C] Phase complete: BUILD State: FAILED',
        '[C] Phase context status code: COMMAND_EXECUTION_ERROR Message: Error while executing command: exit 1. Reason: exit status 1',
        '[C] Phase context status code:  Message: ',
        '[C] Entering phase POST_BUILD',
      ]),
    );
    // Output raw, followed by a blank line; a missing final newline is added before the next agent line.
    expect(sink.log).toMatch(/Running command echo one\none\n\n\[Container\]/);
    expect(sink.log).toMatch(/Running command printf "no newline"\nno newline\n\n\[Container\]/);
    expect(sink.log).not.toContain('Entering phase UPLOAD_ARTIFACTS');
  });

  test('every event carries a timestamp that does not go backwards', async () => {
    const { sink } = await runTestBuild({ phases: { build: { commands: ['true', 'true'] } } });
    const times = sink.events.flatMap((e) => ('time' in e ? [e.time] : []));
    expect(times.length).toBeGreaterThan(10);
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThanOrEqual(times[i - 1] as number);
  });
});

describe('UPLOAD_ARTIFACTS and cache steps (the seams)', () => {
  const artifacts = { files: ['x'], discardPaths: false, excludePaths: [], enableSymlinks: false, secondary: [] };

  test('steps get the final shell state as env and a shell evaluator; cache restore before INSTALL, save after', async () => {
    const calls: string[] = [];
    let uploadCtx: StepContext | undefined;
    let evaluated = '';
    const artifactsStep: ArtifactsStep = {
      async upload(ctx) {
        uploadCtx = ctx;
        evaluated = await ctx.shellEval('name-$SUFFIX-$(echo sub)-${UNSET:-dflt}');
        ctx.log('uploading');
        return { status: 'SUCCEEDED', primary: { location: '/out/artifacts.zip' }, secondary: [] };
      },
    };
    const cache: CacheStep = {
      async restore(ctx) {
        calls.push(`restore ${await ctx.shellEval('key-$(echo k)')}`);
      },
      async save(ctx) {
        calls.push(`save succeeding=${ctx.succeeding}`);
      },
    };
    const { result, sink } = await runTestBuild(
      {
        artifacts,
        cache: { paths: ['x'], fallbackKeys: [] },
        phases: { install: { commands: ['echo install'] }, build: { commands: ['SUFFIX=42; cd /tmp'] } },
      },
      { deps: { steps: { artifacts: artifactsStep, cache } } },
    );
    expect(evaluated).toBe('name-42-sub-dflt');
    expect(uploadCtx?.env.get('SUFFIX')).toBe('42');
    expect(uploadCtx?.env.get('CODEBUILD_BUILD_ID')).toBe('demo:11111111-2222-3333-4444-555555555555');
    expect(calls).toEqual(['restore key-k', 'save succeeding=true']);
    expect(result.artifacts).toEqual({ location: '/out/artifacts.zip' });
    expect(sink.log).toMatch(/uploading\n\[Container\] [\d/ :.]+ Phase complete: UPLOAD_ARTIFACTS State: SUCCEEDED/);
  });

  test('a failed artifacts step fails UPLOAD_ARTIFACTS and the build with its context', async () => {
    const failing: ArtifactsStep = {
      upload: async () => ({
        status: 'FAILED',
        context: { statusCode: 'CLIENT_ERROR', message: 'no matching artifact paths found' },
        secondary: [],
      }),
    };
    const { result } = await runTestBuild({ artifacts, phases: {} }, { deps: { steps: { artifacts: failing } } });
    expect(result.buildStatus).toBe('FAILED');
    expect(result.phases.find((p) => p.phaseType === 'UPLOAD_ARTIFACTS')).toMatchObject({
      phaseStatus: 'FAILED',
      contexts: [{ statusCode: 'CLIENT_ERROR', message: 'no matching artifact paths found' }],
    });
  });
});
