/**
 * The follower's call pattern, on virtual time: a scripted 2-minute build whose log comes through Live Tail is
 * followed with at most 5 AWS calls in all (StartBuild included), every line exactly once; in poll mode, a throttled
 * GetLogEvents is never retried sooner than the project's back-off allows.
 */
import type { Build, CodeBuildApi } from '../../src/aws/codebuild.js';
import type { LogsApi } from '../../src/aws/logs.js';
import { BackoffRetryStrategy } from '../../src/aws/retry.js';
import { followTarget, startTarget } from '../../src/codebuild/run.js';
import { silentReporter } from '../../src/core/reporter.js';
import { FakeLogStream, throttling } from './fakes.js';

const PROJECT = 'app';
const UUID = '0b5c2f3e-1111-2222-3333-444455556666';
const ID = `${PROJECT}:${UUID}`;
const ARN = `arn:aws:codebuild:us-east-1:111122223333:build/${ID}`;
const START = Date.UTC(2026, 11, 5, 10, 0, 0);
const c = (ms: number, text: string): string => {
  const d = new Date(START + ms);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `[Container] ${d.getUTCFullYear()}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)}000 ${text}`;
};

/**
 * A build that runs two minutes: queued for 5 s, then a line every 0.5 s in its phases, UPLOAD_ARTIFACTS ending at
 * 120 s, complete (after FINALIZING) at 120.8 s. Its log is written into `stream` as virtual time passes.
 */
class ScriptedBuild {
  readonly lines: string[] = [];
  private written = 0;

  constructor(private readonly stream: FakeLogStream) {
    const phases = ['DOWNLOAD_SOURCE', 'INSTALL', 'PRE_BUILD', 'BUILD', 'POST_BUILD'];
    this.schedule(5_000, c(5_000, 'Running on CodeBuild On-demand'));
    let t = 5_500;
    for (const [i, phase] of phases.entries()) {
      this.schedule(t, c(t, i === 0 ? 'Phase is DOWNLOAD_SOURCE' : `Entering phase ${phase}`));
      const end = 5_500 + (i + 1) * 22_000;
      for (t += 500; t < end - 500; t += 500) this.schedule(t, `${phase.toLowerCase()} line at ${t} ms`);
      this.schedule(t, c(t, `Phase complete: ${phase} State: SUCCEEDED`));
      this.schedule(t, c(t, 'Phase context status code:  Message: '));
      t += 500;
    }
    this.schedule(119_500, c(119_500, 'Expanding base directory path: .'));
    this.schedule(120_000, c(120_000, 'Phase complete: UPLOAD_ARTIFACTS State: SUCCEEDED'));
    this.schedule(120_000, c(120_000, 'Phase context status code:  Message: '));
  }

  private readonly timeline: Array<[number, string]> = [];

  private schedule(at: number, line: string): void {
    this.timeline.push([at, line]);
    this.lines.push(line);
  }

  /** Writes what the build has logged by `elapsed` ms. */
  advance(elapsed: number): void {
    const due: string[] = [];
    while (this.written < this.timeline.length && (this.timeline[this.written]?.[0] ?? Infinity) <= elapsed) {
      due.push(this.timeline[this.written]?.[1] ?? '');
      this.written++;
    }
    if (due.length > 0) this.stream.put(due);
  }

  snapshot(elapsed: number): Build {
    const complete = elapsed >= 120_800;
    const base = {
      id: ID,
      arn: ARN,
      projectName: PROJECT,
      buildNumber: 7,
      startTime: new Date(START),
      logs: {
        cloudWatchLogs: { status: 'ENABLED' as const },
        ...(elapsed >= 5_000 ? { groupName: `/aws/codebuild/${PROJECT}`, streamName: UUID } : {}),
      },
    };
    if (!complete) {
      return {
        ...base,
        buildStatus: 'IN_PROGRESS',
        buildComplete: false,
        currentPhase: elapsed < 5_000 ? 'QUEUED' : 'BUILD',
      };
    }
    return {
      ...base,
      buildStatus: 'SUCCEEDED',
      buildComplete: true,
      currentPhase: 'COMPLETED',
      endTime: new Date(START + 120_800),
      phases: [{ phaseType: 'BUILD', phaseStatus: 'SUCCEEDED' }],
    };
  }
}

/** Virtual time that moves only when the follower sleeps, 100 ms at a time, writing the build's lines as it goes. */
function world(mode: 'live' | 'poll') {
  const stream = new FakeLogStream();
  stream.missingUntilPut = true;
  // GetLogEvents answers up to 10,000 events a page.
  stream.pageSize = 10_000;
  const build = new ScriptedBuild(stream);
  let now = START;
  const calls: string[] = [];
  const times: Array<{ op: string; at: number; throttled: boolean }> = [];
  const clock = (): number => now;
  const sleep = async (ms: number, signal?: AbortSignal): Promise<void> => {
    const until = now + ms;
    while (now < until && !signal?.aborted) {
      now = Math.min(until, now + 100);
      build.advance(now - START);
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const codebuild: CodeBuildApi = {
    startBuild: async () => {
      calls.push('StartBuild');
      return build.snapshot(now - START);
    },
    startBuildBatch: () => Promise.reject(new Error('not a batch')),
    getBuilds: async () => {
      calls.push('BatchGetBuilds');
      return [build.snapshot(now - START)];
    },
    getBuildBatch: () => Promise.reject(new Error('not a batch')),
    stopBuild: () => Promise.reject(new Error('not stopped')),
    stopBuildBatch: () => Promise.reject(new Error('not stopped')),
  };
  const logs: LogsApi = {
    getLogEvents: async (ref, from) => {
      calls.push('GetLogEvents');
      const record = { op: 'GetLogEvents', at: now, throttled: false };
      times.push(record);
      try {
        return await stream.getLogEvents(ref, from);
      } catch (error) {
        record.throttled = (error as Error).name === 'ThrottlingException';
        throw error;
      }
    },
    startLiveTail: async (ref, signal) => {
      calls.push('StartLiveTail');
      if (mode === 'poll')
        throw Object.assign(new Error('not authorized to perform: logs:StartLiveTail'), {
          name: 'AccessDeniedException',
        });
      return stream.startLiveTail(ref, signal);
    },
  };
  return { stream, build, calls, times, clock, sleep, codebuild, logs, now: () => now };
}

test('a 2-minute build with Live Tail: at most 5 calls in all, every line once, the end read within 2 s', async () => {
  const w = world('live');
  const seen: string[] = [];
  const target = await startTarget(w.codebuild, { projectName: PROJECT, env: [] }, false);
  const result = await followTarget(target, 'live', {
    codebuild: w.codebuild,
    logs: w.logs,
    reporter: { ...silentReporter, line: (l) => void seen.push(typeof l === 'string' ? l : (l.text ?? '')) },
    clock: w.clock,
    sleep: w.sleep,
    random: () => 0.5,
  });
  expect(result.kind === 'build' && result.outcome.build.buildStatus).toBe('SUCCEEDED');
  expect(seen.filter((l) => l !== '')).toEqual(w.build.lines);
  expect(w.calls.length).toBeLessThanOrEqual(5);
  expect(w.calls.filter((c) => c === 'StartLiveTail')).toHaveLength(1);
  // Complete at 120.8 s: the follow ends by 122.8 s of virtual time.
  expect(w.now() - START).toBeLessThanOrEqual(122_800);
});

test('poll mode under throttling: lines once and in order, and no throttled call retried before its back-off', async () => {
  const w = world('poll');
  // Every third GetLogEvents is throttled (after the SDK's own retries, as the follower sees it).
  let n = 0;
  w.stream.onGet = () => {
    if (++n % 3 === 0) w.stream.getErrors.push(throttling);
  };
  const seen: string[] = [];
  const target = await startTarget(w.codebuild, { projectName: PROJECT, env: [] }, false);
  await followTarget(target, 'live', {
    codebuild: w.codebuild,
    logs: w.logs,
    reporter: { ...silentReporter, line: (l) => void seen.push(typeof l === 'string' ? l : (l.text ?? '')) },
    clock: w.clock,
    sleep: w.sleep,
    random: () => 0.5,
  });
  expect(seen.filter((l) => l !== '')).toEqual(w.build.lines);
  const backoff = new BackoffRetryStrategy({ maxAttempts: 1, random: () => 0.5 });
  const reads = w.times.filter((t) => t.op === 'GetLogEvents');
  let failures = 0;
  for (let i = 0; i < reads.length - 1; i++) {
    const read = reads[i] as { at: number; throttled: boolean };
    if (!read.throttled) {
      failures = 0;
      continue;
    }
    failures++;
    const wait = (reads[i + 1] as { at: number }).at - read.at;
    expect(wait).toBeGreaterThanOrEqual(backoff.delay(Math.min(failures - 1, 6), true));
  }
  expect(reads.some((r) => r.throttled)).toBe(true);
  // At most 30 reads of the log per build-minute while lines flow (2 minutes), the throttled ones' retries aside.
  expect(reads.filter((r) => !r.throttled).length).toBeLessThanOrEqual(60);
});
