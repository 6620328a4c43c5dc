/**
 * A batch build's call pattern, on virtual time: the batch is read while its children are still to start, a second
 * after a child's log says its last phase ended, and when a child's log has been quiet too long; children are read
 * only once they have ended. Two 2-minute children followed with Live Tail take at most 10 AWS calls in all
 * (2.5 per build-minute), every line once.
 */
import type { StatusType } from '@aws-sdk/client-codebuild';
import type { Build, BuildBatch, CodeBuildApi } from '../../src/aws/codebuild.js';
import type { LogsApi, LogStreamRef } from '../../src/aws/logs.js';
import { followTarget, startTarget } from '../../src/codebuild/run.js';
import { silentReporter, type Reporter } from '../../src/core/reporter.js';
import { FakeLogStream } from './fakes.js';

const PROJECT = 'app';
const ACCOUNT = '111122223333';
const START = Date.UTC(2026, 11, 5, 10, 0, 0);
const BATCH_ID = `${PROJECT}:ba7c0000-0000-0000-0000-000000000000`;

const stamp = (at: number, text: string): string => {
  const iso = new Date(START + at).toISOString(); // 2026-12-05T10:00:05.000Z
  const [day, time] = iso.slice(0, -1).split('T') as [string, string];
  return `[Container] ${day.replaceAll('-', '/')} ${time}000 ${text}`;
};

interface ChildScript {
  readonly identifier: string;
  readonly dependsOn?: readonly string[];
  /** How long it runs once started (its UPLOAD_ARTIFACTS line comes then, completion 0.8 s later). */
  readonly runsMs: number;
  /** It dies without a last line: its log stops at this age and it is FAILED a second later. */
  readonly diesAtMs?: number;
}

interface RunningChild {
  readonly script: ChildScript;
  readonly uuid: string;
  readonly startedAt: number;
  readonly lines: Array<[number, string]>;
  written: number;
}

/**
 * A batch: the DOWNLOAD_SOURCE build from 2 s to 6 s (failing when `sourceFails`), then each child 0.5 s after those
 * it depends on have completed; the batch is complete with its last child (as in the emulator).
 */
class ScriptedBatch {
  readonly streams = new Map<string, FakeLogStream>();
  private readonly running: RunningChild[] = [];
  private sourceDone = false;
  private completeAt: number | undefined;
  private serial = 0;

  constructor(
    private readonly scripts: readonly ChildScript[],
    private readonly now: () => number,
    private readonly sourceFails = false,
  ) {}

  stream(uuid: string): FakeLogStream {
    let stream = this.streams.get(uuid);
    if (stream === undefined) {
      stream = new FakeLogStream();
      stream.missingUntilPut = true;
      stream.pageSize = 10_000;
      stream.clock = () => this.now();
      this.streams.set(uuid, stream);
    }
    return stream;
  }

  private start(script: ChildScript, at: number, lines: Array<[number, string]>): void {
    const uuid = `c41d0000-0000-0000-0000-${String(++this.serial).padStart(12, '0')}`;
    this.running.push({ script, uuid, startedAt: at, lines, written: 0 });
  }

  private childLines(script: ChildScript, at: number): Array<[number, string]> {
    const lines: Array<[number, string]> = [[at + 5_000, stamp(at + 5_000, 'Entering phase BUILD')]];
    const last = script.diesAtMs ?? script.runsMs;
    for (let t = at + 5_500; t < at + last; t += 500) lines.push([t, `${script.identifier} line at ${t - at} ms`]);
    if (script.diesAtMs === undefined) {
      const end = at + script.runsMs;
      lines.push([end, stamp(end, 'Phase complete: UPLOAD_ARTIFACTS State: SUCCEEDED')]);
      lines.push([end, stamp(end, 'Phase context status code:  Message: ')]);
    }
    return lines;
  }

  /** Moves the batch to virtual time `t` (ms since START): starts what is due, writes the lines that are. */
  advance(t: number): void {
    if (!this.sourceDone && t >= 2_000 && !this.running.some((c) => c.script.identifier === 'DOWNLOAD_SOURCE')) {
      const lines: Array<[number, string]> = this.sourceFails ? [[3_000, 'fatal: could not read the source']] : [];
      this.start({ identifier: 'DOWNLOAD_SOURCE', runsMs: 4_000 }, 2_000, lines);
    }
    if (!this.sourceDone && t >= 6_000) this.sourceDone = true;
    if (this.sourceDone && !this.sourceFails && this.stoppedAt === undefined) {
      for (const script of this.scripts) {
        if (this.running.some((c) => c.script === script)) continue;
        const after = (script.dependsOn ?? []).map((d) => this.completedAt(d));
        if (after.some((a) => a === undefined || a > t)) continue;
        const at = Math.max(6_000, ...(after as number[])) + 500;
        if (at <= t) this.start(script, at, this.childLines(script, at));
      }
    }
    for (const child of this.running) {
      const due: string[] = [];
      while (child.written < child.lines.length && (child.lines[child.written]?.[0] ?? Infinity) <= t) {
        due.push(child.lines[child.written]?.[1] ?? '');
        child.written++;
      }
      if (due.length > 0) this.stream(child.uuid).put(due);
    }
    const children = this.running.filter((c) => c.script.identifier !== 'DOWNLOAD_SOURCE');
    const allDone =
      (this.sourceFails && this.sourceDone) ||
      (children.length === this.scripts.length && children.every((c) => this.doneAt(c) <= t));
    if (allDone && this.completeAt === undefined) {
      this.completeAt = Math.max(6_000, ...children.map((c) => this.doneAt(c)));
    }
  }

  /** StopBuildBatch: every running child and the batch STOPPED 1.5 s later; nothing more starts. */
  stop(t: number): void {
    this.stoppedAt = t + 1_500;
    for (const child of this.running) child.lines.splice(child.written);
    this.completeAt = this.stoppedAt;
  }

  private stoppedAt: number | undefined;

  private doneAt(child: RunningChild): number {
    if (this.stoppedAt !== undefined && this.natural(child) > this.stoppedAt) return this.stoppedAt;
    return this.natural(child);
  }

  private natural(child: RunningChild): number {
    if (child.script.identifier === 'DOWNLOAD_SOURCE') return 6_000;
    const { diesAtMs, runsMs } = child.script;
    return child.startedAt + (diesAtMs !== undefined ? diesAtMs + 1_000 : runsMs + 800);
  }

  private completedAt(identifier: string): number | undefined {
    const child = this.running.find((c) => c.script.identifier === identifier);
    return child === undefined ? undefined : this.doneAt(child);
  }

  private status(child: RunningChild, t: number): StatusType {
    if (this.doneAt(child) > t) return 'IN_PROGRESS';
    if (this.stoppedAt !== undefined && this.natural(child) > this.stoppedAt) return 'STOPPED';
    if (child.script.identifier === 'DOWNLOAD_SOURCE') return this.sourceFails ? 'FAILED' : 'SUCCEEDED';
    return child.script.diesAtMs !== undefined ? 'FAILED' : 'SUCCEEDED';
  }

  batch(t: number): BuildBatch {
    const complete = this.completeAt !== undefined && this.completeAt <= t;
    const failed = this.sourceFails || this.running.some((c) => this.status(c, t) === 'FAILED');
    const final = this.stoppedAt !== undefined ? 'STOPPED' : failed ? 'FAILED' : 'SUCCEEDED';
    const groups = this.running.length === 0 ? [] : [{ identifier: 'DOWNLOAD_SOURCE' }];
    if (this.sourceDone && !this.sourceFails) {
      groups.push(...this.scripts.map((s) => ({ identifier: s.identifier, dependsOn: [...(s.dependsOn ?? [])] })));
    }
    return {
      id: BATCH_ID,
      arn: `arn:aws:codebuild:us-east-1:${ACCOUNT}:build-batch/${BATCH_ID}`,
      projectName: PROJECT,
      startTime: new Date(START),
      currentPhase: complete ? final : 'IN_PROGRESS',
      buildBatchStatus: complete ? final : 'IN_PROGRESS',
      complete,
      logConfig: { cloudWatchLogs: { status: 'ENABLED' } },
      buildGroups: groups.map((g) => {
        const child = this.running.find((c) => c.script.identifier === g.identifier);
        return child === undefined
          ? g
          : { ...g, currentBuildSummary: { arn: this.arn(child), buildStatus: this.status(child, t) } };
      }),
    };
  }

  private arn(child: RunningChild): string {
    return `arn:aws:codebuild:us-east-1:${ACCOUNT}:build/${PROJECT}:${child.uuid}`;
  }

  build(id: string, t: number): Build | undefined {
    const child = this.running.find((c) => `${PROJECT}:${c.uuid}` === id);
    if (child === undefined) return undefined;
    const status = this.status(child, t);
    const complete = status !== 'IN_PROGRESS';
    return {
      id,
      arn: this.arn(child),
      projectName: PROJECT,
      buildStatus: status,
      buildComplete: complete,
      startTime: new Date(START + child.startedAt),
      ...(complete ? { endTime: new Date(START + this.doneAt(child)) } : {}),
      phases: complete ? [{ phaseType: 'BUILD', phaseStatus: status }] : [],
      logs: { groupName: `/aws/codebuild/${PROJECT}`, streamName: child.uuid, cloudWatchLogs: { status: 'ENABLED' } },
    };
  }

  /** Every child's lines as written, by identifier. */
  linesOf(identifier: string): string[] {
    const child = this.running.find((c) => c.script.identifier === identifier);
    return child === undefined ? [] : this.stream(child.uuid).messages();
  }

  get completedAtMs(): number | undefined {
    return this.completeAt;
  }
}

function world(scripts: readonly ChildScript[], options: { sourceFails?: boolean; cancelAtMs?: number } = {}) {
  const cancel = new AbortController();
  let now = START;
  const batch = new ScriptedBatch(scripts, () => now, options.sourceFails);
  const calls: Array<{ op: string; at: number }> = [];
  const record = (op: string): void => void calls.push({ op, at: now - START });
  const sleep = async (ms: number, signal?: AbortSignal): Promise<void> => {
    const until = now + ms;
    while (now < until && !signal?.aborted) {
      now = Math.min(until, now + 100);
      batch.advance(now - START);
      if (options.cancelAtMs !== undefined && now - START >= options.cancelAtMs) cancel.abort();
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const codebuild: CodeBuildApi = {
    startBuild: () => Promise.reject(new Error('not a build')),
    startBuildBatch: async () => {
      record('StartBuildBatch');
      return batch.batch(now - START);
    },
    getBuilds: async (ids) => {
      record('BatchGetBuilds');
      return ids.map((id) => batch.build(id, now - START)).filter((b): b is Build => b !== undefined);
    },
    getBuildBatch: async () => {
      record('BatchGetBuildBatches');
      return batch.batch(now - START);
    },
    stopBuild: () => Promise.reject(new Error('not a build')),
    stopBuildBatch: async () => {
      record('StopBuildBatch');
      batch.stop(now - START);
      return batch.batch(now - START);
    },
  };
  const logs: LogsApi = {
    getLogEvents: async (ref: LogStreamRef, from) => {
      record('GetLogEvents');
      return batch.stream(ref.stream).getLogEvents(ref, from);
    },
    startLiveTail: async (ref: LogStreamRef, signal) => {
      record('StartLiveTail');
      return batch.stream(ref.stream).startLiveTail(ref, signal);
    },
  };
  const lines = new Map<string, string[]>();
  const infos: Array<{ at: number; text: string }> = [];
  const reporter: Reporter = {
    ...silentReporter,
    line: (l) => {
      if (typeof l === 'string' || l.source === undefined) return;
      lines.set(l.source, [...(lines.get(l.source) ?? []), l.text ?? '']);
    },
    info: (text) => void infos.push({ at: now - START, text }),
  };
  const follow = async (mode: 'live' | 'off' = 'live') => {
    const target = await startTarget(codebuild, { projectName: PROJECT, env: [] }, true);
    return followTarget(target, mode, {
      codebuild,
      logs,
      reporter,
      clock: () => now,
      sleep,
      random: () => 0.5,
      cancel: cancel.signal,
    });
  };
  return { batch, calls, lines, infos, follow, now: () => now - START };
}

test('two 2-minute children with Live Tail: at most 10 calls in all, every line once, the end within 2 s', async () => {
  const w = world([
    { identifier: 'one', runsMs: 120_000 },
    { identifier: 'two', runsMs: 120_000 },
  ]);
  const result = await w.follow();
  expect(result.kind === 'batch' && result.batch.buildBatchStatus).toBe('SUCCEEDED');
  for (const id of ['one', 'two']) {
    expect(w.batch.linesOf(id).length).toBeGreaterThan(200);
    expect(w.lines.get(id)).toEqual(w.batch.linesOf(id));
  }
  const ops = w.calls.map((c) => c.op);
  expect(ops.length).toBeLessThanOrEqual(10);
  // Children are read once, together, when they have ended.
  expect(ops.filter((op) => op === 'BatchGetBuilds')).toHaveLength(1);
  expect(w.now()).toBeLessThanOrEqual((w.batch.completedAtMs ?? 0) + 2_000);
  expect(w.infos.map((i) => i.text)).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^\[one\] SUCCEEDED in 2m/),
      expect.stringMatching(/^\[two\] SUCCEEDED/),
    ]),
  );
  expect(w.infos.some((i) => i.text.startsWith('[DOWNLOAD_SOURCE]'))).toBe(false);
  if (result.kind === 'batch')
    expect(result.children.map((c) => c.identifier).sort()).toEqual(['DOWNLOAD_SOURCE', 'one', 'two']);
});

test('a build graph: the dependent child is found within seconds of its dependency ending', async () => {
  const w = world([
    { identifier: 'first', runsMs: 60_000 },
    { identifier: 'second', dependsOn: ['first'], runsMs: 60_000 },
  ]);
  await w.follow();
  for (const id of ['first', 'second']) expect(w.lines.get(id)).toEqual(w.batch.linesOf(id));
  const firstEnded = w.infos.find((i) => i.text.startsWith('[first] SUCCEEDED'))?.at ?? NaN;
  const secondSeen = w.infos.find((i) => i.text.startsWith('[second] started build'))?.at ?? NaN;
  expect(secondSeen - firstEnded).toBeLessThanOrEqual(3_000);
  // While `first` runs and `second` waits for it, the batch is not read (the log drives the reads).
  const duringFirst = w.calls.filter((c) => c.op === 'BatchGetBuildBatches' && c.at > 20_000 && c.at < 60_000);
  expect(duringFirst).toEqual([]);
});

test('a child that ends without a last line is seen once its log has been quiet for a minute', async () => {
  const w = world([
    { identifier: 'quiet', runsMs: 300_000, diesAtMs: 30_000 },
    { identifier: 'busy', runsMs: 300_000 },
  ]);
  const result = await w.follow();
  expect(result.kind === 'batch' && result.batch.buildBatchStatus).toBe('FAILED');
  const said = w.infos.find((i) => i.text.startsWith('[quiet] FAILED'));
  // Its last line at about 37 s: read by 37 s + 60 s (long before `busy` ends at 306 s).
  expect(said?.at).toBeLessThanOrEqual(100_000);
  expect(w.lines.get('busy')).toEqual(w.batch.linesOf('busy'));
});

test('a DOWNLOAD_SOURCE build that failed: its log is shown, the batch fails', async () => {
  const w = world([{ identifier: 'one', runsMs: 60_000 }], { sourceFails: true });
  const result = await w.follow();
  expect(result.kind === 'batch' && result.batch.buildBatchStatus).toBe('FAILED');
  expect(w.lines.get('DOWNLOAD_SOURCE')).toEqual(['fatal: could not read the source']);
  expect(w.infos.some((i) => i.text.startsWith('[DOWNLOAD_SOURCE] FAILED'))).toBe(true);
});

test('cancelled: the batch is stopped, read every second until STOPPED, each child said STOPPED', async () => {
  const w = world(
    [
      { identifier: 'one', runsMs: 120_000 },
      { identifier: 'two', runsMs: 120_000 },
    ],
    { cancelAtMs: 30_000 },
  );
  const result = await w.follow();
  expect(result.kind === 'batch' && result.batch.buildBatchStatus).toBe('STOPPED');
  expect(result.cancelled).toBe(true);
  const stop = w.calls.find((c) => c.op === 'StopBuildBatch');
  expect(stop?.at).toBe(30_000);
  const reads = w.calls.filter((c) => c.op === 'BatchGetBuildBatches' && c.at >= 30_000).map((c) => c.at);
  // STOPPED at 31.5 s: seen by 32 s.
  expect(reads.at(-1)).toBeLessThanOrEqual(32_000);
  for (const id of ['one', 'two']) {
    expect(w.infos.some((i) => i.text.startsWith(`[${id}] STOPPED`))).toBe(true);
    expect(w.lines.get(id)).toEqual(w.batch.linesOf(id));
  }
});

test('logs off: the batch read at the regular cadence, no log read, each child read once it has ended', async () => {
  const w = world([
    { identifier: 'one', runsMs: 60_000 },
    { identifier: 'two', dependsOn: ['one'], runsMs: 30_000 },
  ]);
  const result = await w.follow('off');
  expect(result.kind === 'batch' && result.batch.buildBatchStatus).toBe('SUCCEEDED');
  const ops = w.calls.map((c) => c.op);
  expect(ops.filter((op) => op === 'StartLiveTail' || op === 'GetLogEvents')).toEqual([]);
  // One read of `one` when it has ended, one of `two` (with DOWNLOAD_SOURCE's) at the end.
  expect(ops.filter((op) => op === 'BatchGetBuilds')).toHaveLength(2);
  for (const id of ['one', 'two']) expect(w.infos.some((i) => i.text.startsWith(`[${id}] SUCCEEDED`))).toBe(true);
  expect(w.lines.size).toBe(0);
});
