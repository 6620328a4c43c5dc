/** Status polling: phase transitions, adaptive intervals, nudges, retries. */
import { UserError } from '../../src/core/errors.js';
import { buildStatusPoller, phaseEvents } from '../../src/codebuild/follow.js';
import { StatusPoller } from '../../src/core/poll.js';
import { awsError, recordingLogger, throttling, until, VirtualTime } from './fakes.js';

interface Snap {
  phase: string;
  done: boolean;
}

test('phase transitions between two snapshots, in order', () => {
  const before = [{ phaseType: 'SUBMITTED', phaseStatus: 'SUCCEEDED' }, { phaseType: 'QUEUED' }];
  const after = [
    { phaseType: 'SUBMITTED', phaseStatus: 'SUCCEEDED' },
    { phaseType: 'QUEUED', phaseStatus: 'SUCCEEDED', durationInSeconds: 2 },
    { phaseType: 'PROVISIONING', phaseStatus: 'SUCCEEDED', durationInSeconds: 9 },
    { phaseType: 'DOWNLOAD_SOURCE' },
  ];
  expect(phaseEvents(before, after)).toEqual([
    { type: 'phase-end', phase: 'QUEUED', status: 'SUCCEEDED', durationInSeconds: 2 },
    { type: 'phase-start', phase: 'PROVISIONING' },
    { type: 'phase-end', phase: 'PROVISIONING', status: 'SUCCEEDED', durationInSeconds: 9 },
    { type: 'phase-start', phase: 'DOWNLOAD_SOURCE' },
  ]);
  expect(phaseEvents(after, after)).toEqual([]);
  expect(phaseEvents(undefined, before).map((e) => e.type)).toEqual(['phase-start', 'phase-end', 'phase-start']);
});

function poller(script: Array<Snap | (() => Error)>, time = new VirtualTime()) {
  const seen: Snap[] = [];
  let reads = 0;
  const p = buildStatusPoller<Snap>({
    read: async () => {
      const step = script[Math.min(reads++, script.length - 1)];
      if (typeof step === 'function') throw step();
      return step;
    },
    isComplete: (s) => s.done,
    currentPhase: (s) => s.phase,
    onSnapshot: (s) => seen.push(s),
    subject: 'build p:1',
    clock: time.clock,
    sleep: time.sleep,
    reporter: recordingLogger(),
    random: () => 0.5,
  });
  return { p, seen, time };
}

test('polls until complete: 2 s while active, 0.5 s in the last phases, transient failures retried', async () => {
  const { p, seen, time } = poller([
    { phase: 'QUEUED', done: false },
    throttling,
    { phase: 'BUILD', done: false },
    { phase: 'BUILD', done: false },
    () => awsError('TimeoutError', 'socket timed out'),
    { phase: 'UPLOAD_ARTIFACTS', done: false },
    { phase: 'COMPLETED', done: true },
  ]);
  const last = await p.run();
  expect(last).toEqual({ phase: 'COMPLETED', done: true });
  expect(seen.map((s) => s.phase)).toEqual(['QUEUED', 'BUILD', 'BUILD', 'UPLOAD_ARTIFACTS', 'COMPLETED']);
  expect(time.sleeps).toEqual([2000, 250, 2000, 2000, 50, 500]);
  expect(p.calls).toBe(7);
});

test('idle for a minute: 5 s between polls', async () => {
  const script: Snap[] = Array.from({ length: 40 }, () => ({ phase: 'BUILD', done: false }));
  const { p, time } = poller([...script, { phase: 'BUILD', done: true }]);
  await p.run();
  expect(time.sleeps.slice(0, 3)).toEqual([2000, 2000, 2000]);
  expect(time.sleeps.at(-1)).toBe(5000);
});

test('nudge() polls at once', async () => {
  const time = new VirtualTime();
  let reads = 0;
  const p = new StatusPoller<Snap>({
    retry: () => undefined,
    intervals: { activeMs: 2000, idleMs: 5000, finalMs: 500, idleAfterMs: 60_000 },
    read: async () => (++reads >= 3 ? { phase: 'COMPLETED', done: true } : { phase: 'BUILD', done: false }),
    isComplete: (s) => s.done,
    onSnapshot: () => undefined,
    subject: 'b',
    clock: time.clock,
    // A sleep that only ends when nudged.
    sleep: (_ms, signal) =>
      new Promise((resolve) => {
        if (signal?.aborted) return resolve();
        signal?.addEventListener('abort', () => resolve());
      }),
  });
  const done = p.run();
  await until(() => reads === 1);
  p.nudge();
  await until(() => reads === 2);
  p.nudge();
  await done;
  expect(reads).toBe(3);
});

test('a missing build and a missing permission end the polling', async () => {
  await expect(poller([() => new UserError('BatchGetBuilds: missing IAM permission')]).p.run()).rejects.toThrow(
    'missing IAM permission',
  );
  const missing = buildStatusPoller<Snap>({
    read: async () => undefined,
    isComplete: () => true,
    onSnapshot: () => undefined,
    subject: 'build p:404',
  });
  await expect(missing.run()).rejects.toThrow('build p:404 not found');
});

test('a read asked for with soon() stands in for a regular one due before it', async () => {
  let now = 0;
  const reads: number[] = [];
  const p = new StatusPoller<Snap>({
    retry: () => undefined,
    intervals: { activeMs: 2000, idleMs: 5000, finalMs: 500, idleAfterMs: 60_000 },
    // Regular reads every 10 s, never postponed.
    interval: () => 10_000,
    read: async () => {
      reads.push(now);
      return { phase: 'BUILD', done: reads.length >= 3 };
    },
    isComplete: (s) => s.done,
    onSnapshot: () => undefined,
    subject: 'b',
    clock: () => now,
    // Virtual time in 100 ms steps; at 9.5 s the log asks for a read a second later.
    sleep: async (ms, signal) => {
      const until = now + ms;
      while (now < until && !signal?.aborted) {
        now += 100;
        if (now === 9_500) p.soon(1000);
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
  });
  await p.run();
  // The regular read due at 10 s waits for the one asked for at 10.5 s; the next regular one is 10 s after that.
  expect(reads).toEqual([0, 10_500, 20_500]);
});
