/** LogFollower against an in-memory stream: exactly once, in order, across pages, failures, Live Tail and its end. */
import fc from 'fast-check';
import { UserError } from '../../src/core/errors.js';
import { LogFollower, type LogsMode } from '../../src/codebuild/logs.js';
import { realSleep } from '../../src/core/time.js';
import { awsError, FakeLogStream, recordingLogger, throttling, until, VirtualTime } from './fakes.js';

const STREAM = {
  group: '/aws/codebuild/p',
  stream: 'uuid',
  groupArn: 'arn:aws:logs:us-east-1:1:log-group:/aws/codebuild/p',
};

function follow(api: FakeLogStream, mode: LogsMode, extra: { groupArn?: boolean } = {}) {
  const time = new VirtualTime();
  const logger = recordingLogger();
  const lines: string[] = [];
  const follower = new LogFollower({
    api,
    stream: extra.groupArn === false ? { group: STREAM.group, stream: STREAM.stream } : STREAM,
    mode,
    onLine: (e) => lines.push(e.message),
    clock: time.clock,
    sleep: time.sleep,
    reporter: logger,
    random: () => 0.5,
  });
  return { follower, lines, time, logger };
}

const numbered = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}`);

describe('polling', () => {
  test('pages through every line once, in order, and drains what came before the end', async () => {
    const api = new FakeLogStream();
    api.put(numbered('early', 7));
    const { follower, lines, time } = follow(api, 'poll');
    follower.start();
    await until(() => lines.length === 7);
    api.put(numbered('late', 5));
    const stats = await follower.finish();
    expect(lines).toEqual([...numbered('early', 7), ...numbered('late', 5)]);
    expect(stats).toMatchObject({ lines: 12, mode: 'poll', liveTailSessions: 0 });
    expect(stats.failure).toBeUndefined();
    // The drain reads to the end and waits the settle time, in poll-interval steps.
    expect(time.sleeps.length).toBeGreaterThan(0);
  });

  test('the same line twice in the same millisecond is shown twice', async () => {
    const api = new FakeLogStream();
    api.pageSize = 1;
    api.put(['', '', 'x', 'x'], { sameMs: true });
    const { follower, lines } = follow(api, 'poll');
    await follower.finish();
    expect(lines).toEqual(['', '', 'x', 'x']);
  });

  test('back-off: fast while lines flow, slower when idle, capped; throttling retries the same page', async () => {
    const api = new FakeLogStream();
    const { follower, lines, time } = follow(api, 'poll');
    follower.start();
    await until(() => time.sleeps.length >= 8);
    const idle = time.sleeps.slice(0, 8);
    expect(idle[0]).toBe(2500);
    expect(idle.every((ms, i) => i === 0 || ms >= (idle[i - 1] ?? 0))).toBe(true);
    expect(Math.max(...idle)).toBe(10_000);
    const before = time.sleeps.length;
    api.getErrors.push(throttling, throttling);
    api.put(numbered('line', 4));
    await until(() => lines.length === 4 && time.sleeps.length >= before + 3);
    // Throttled: longer than a poll interval, doubling, jittered (random 0.5: three quarters of 5 s, then of 10 s),
    // then the active pace again.
    expect(time.sleeps.slice(before, before + 3)).toEqual([3750, 7500, 2500]);
    await follower.finish();
    expect(lines).toEqual(numbered('line', 4));
  });

  test('a stream that does not exist yet is waited for', async () => {
    const api = new FakeLogStream();
    api.missingUntilPut = true;
    const { follower, lines } = follow(api, 'poll');
    follower.start();
    await until(() => api.getCalls >= 3);
    api.put(['hello']);
    await follower.finish();
    expect(lines).toEqual(['hello']);
  });

  test('a missing permission is a warning, not a crash', async () => {
    const api = new FakeLogStream();
    api.getErrors.push(() => new UserError('GetLogEvents g s: missing IAM permission logs:GetLogEvents'));
    const { follower, logger } = follow(api, 'poll');
    const stats = await follower.finish();
    expect(stats.failure).toMatch(/logs:GetLogEvents/);
    expect(logger.messages).toContain(
      'warning: cannot follow the build log: GetLogEvents g s: missing IAM permission logs:GetLogEvents',
    );
  });

  test('property: whatever the ingestion and the failures, every line exactly once and in order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(4), fc.nat(3), fc.boolean()), { minLength: 1, maxLength: 25 }),
        fc.integer({ min: 1, max: 5 }),
        async (steps, pageSize) => {
          const api = new FakeLogStream();
          api.pageSize = pageSize;
          const { follower, lines } = follow(api, 'poll');
          follower.start();
          const expected: string[] = [];
          for (const [count, failures, sameMs] of steps) {
            for (let i = 0; i < failures; i++) api.getErrors.push(i % 2 ? throttling : () => awsError('TimeoutError'));
            const batch = Array.from({ length: count }, (_, i) => (sameMs ? 'dup' : `l${expected.length + i}`));
            api.put(batch, { sameMs });
            expected.push(...batch);
            await new Promise((r) => setImmediate(r));
          }
          await follower.finish();
          expect(lines).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('Live Tail', () => {
  test('catch-up of earlier lines, then live lines; the overlap is delivered once', async () => {
    const api = new FakeLogStream();
    api.put(numbered('before', 4));
    // Lines ingested after the session started but before the catch-up read: both sources see them.
    api.onGet = (call) => {
      if (call === 0) api.put(['overlap 1', 'overlap 2']);
    };
    const { follower, lines } = follow(api, 'live');
    follower.start();
    await until(() => lines.length === 6);
    api.onGet = undefined;
    api.put(numbered('live', 3));
    await until(() => lines.length === 9);
    const callsBeforeFinish = api.getCalls;
    api.put(['last']);
    const stats = await follower.finish();
    expect(lines).toEqual([...numbered('before', 4), 'overlap 1', 'overlap 2', ...numbered('live', 3), 'last']);
    expect(stats).toMatchObject({ mode: 'live', liveTailSessions: 1 });
    // Live lines need no GetLogEvents; only the catch-up and the final drain read.
    expect(callsBeforeFinish).toBeLessThanOrEqual(4);
  });

  test('catch-up stops where the session takes over, even on a stream written faster than it is read', async () => {
    const api = new FakeLogStream();
    api.put(numbered('before', 3));
    // Each read finds a newer line than the one before: a catch-up that read to the stream's end would never stop.
    let n = 0;
    api.onGet = () => api.put([`busy ${++n}`]);
    const { follower, lines } = follow(api, 'live');
    follower.start();
    await until(() => lines.length >= 4);
    const calls = api.getCalls;
    api.onGet = undefined;
    api.put(['after']);
    await until(() => lines.includes('after'));
    await follower.finish();
    expect(calls).toBeLessThanOrEqual(2);
    const busy = Array.from({ length: n }, (_, i) => `busy ${i + 1}`);
    expect(lines).toEqual([...numbered('before', 3), ...busy, 'after']);
  });

  /**
   * A follower started on a stream of five lines (one page), on real time 10 times faster: the catch-up's waits
   * (1.5 s) are 150 ms unless a line ends them. `end(line)`: one more live line, then finish(); the GetLogEvents calls
   * made before finish().
   */
  function followFast() {
    const api = new FakeLogStream();
    api.pageSize = 100;
    api.put(numbered('before', 5));
    const lines: string[] = [];
    const follower = new LogFollower({
      api,
      stream: STREAM,
      mode: 'live',
      onLine: (e) => lines.push(e.message),
      sleep: (ms, signal) => realSleep(ms / 10, signal),
      random: () => 0.5,
    });
    follower.start();
    const end = async (line: string): Promise<number> => {
      api.put([line]);
      await until(() => lines.includes(line));
      const calls = api.getCalls;
      await follower.finish();
      return calls;
    };
    return { api, lines, end };
  }

  test("the catch-up waits for the session's first lines: one read reaches them and stops", async () => {
    const { api, lines, end } = followFast();
    await until(() => api.liveSessions === 1);
    // The build's next line, a moment after the session started.
    await realSleep(5);
    api.put(['first live']);
    expect(await end('second live')).toBe(1);
    expect(lines).toEqual([...numbered('before', 5), 'first live', 'second live']);
  });

  test('a read whose last line the session has not sent yet waits for its next update rather than reading again', async () => {
    const { api, lines, end } = followFast();
    await until(() => api.liveSessions === 1);
    api.heartbeat(); // an update without lines: not what the catch-up waits for
    api.put(['live 1'], { held: true }); // written: readable, and in the session's next update
    await until(() => lines.length === 6, 1_000_000);
    api.release();
    expect(await end('live 2')).toBe(1);
    expect(lines).toEqual([...numbered('before', 5), 'live 1', 'live 2']);
  });

  test('a read that ends on a line from before the session reads on after the next update; each line once', async () => {
    const { api, lines, end } = followFast();
    // Nothing new for a while: the first read (after its wait) finds only lines the session will never send.
    await until(() => lines.length === 5, 1_000_000);
    api.put(['live 1']);
    await until(() => lines.length === 6, 1_000_000);
    expect(await end('live 2')).toBe(2);
    expect(lines).toEqual([...numbered('before', 5), 'live 1', 'live 2']);
  });

  test('denied or unavailable: falls back to polling and says why', async () => {
    const api = new FakeLogStream();
    api.liveTail.startError = () => new UserError('StartLiveTail g: missing IAM permission logs:StartLiveTail');
    api.put(numbered('line', 5));
    const { follower, lines, logger } = follow(api, 'live');
    follower.start();
    await until(() => lines.length === 5);
    api.put(['after']);
    const stats = await follower.finish();
    expect(lines).toEqual([...numbered('line', 5), 'after']);
    expect(stats.mode).toBe('poll');
    expect(stats.fallbackReason).toMatch(/logs:StartLiveTail/);
    expect(logger.messages.some((m) => m.startsWith('info: Live Tail not used'))).toBe(true);
  });

  test('an emulator or region without Live Tail: polling', async () => {
    const api = new FakeLogStream();
    api.liveTail.startError = () => awsError('UnknownOperationException');
    api.put(['a']);
    const { follower, lines } = follow(api, 'live');
    follower.start();
    await until(() => lines.length === 1);
    const stats = await follower.finish();
    expect(lines).toEqual(['a']);
    expect(stats).toMatchObject({ mode: 'poll', liveTailSessions: 1 });
  });

  test('no log group ARN: polling', async () => {
    const api = new FakeLogStream();
    api.put(['a']);
    const { follower, lines } = follow(api, 'live', { groupArn: false });
    const stats = await follower.finish();
    expect(lines).toEqual(['a']);
    expect(stats.liveTailSessions).toBe(0);
  });

  test('a broken session is replaced; lines in between are not lost', async () => {
    const api = new FakeLogStream();
    api.liveTail.failAfterUpdates = 1;
    const { follower, lines } = follow(api, 'live');
    follower.start();
    await until(() => api.liveSessions === 1 && api.getCalls >= 2);
    api.put(['one']);
    await until(() => lines.length === 1);
    api.put(['two']); // this update kills the session
    await until(() => api.liveSessions === 2);
    api.put(['three']);
    await until(() => lines.length === 3);
    const stats = await follower.finish();
    expect(lines).toEqual(['one', 'two', 'three']);
    expect(stats.mode).toBe('live');
  });

  test('sessions that keep failing: polling for good', async () => {
    const api = new FakeLogStream();
    api.liveTail.startError = () => awsError('SessionStreamingException');
    api.put(['x']);
    const { follower, lines } = follow(api, 'live');
    follower.start();
    await until(() => api.liveSessions === 3);
    const stats = await follower.finish();
    expect(lines).toEqual(['x']);
    expect(stats.mode).toBe('poll');
    expect(stats.fallbackReason).toMatch(/3 sessions failed/);
  });

  test('sampling (over 500 lines a second): polling, nothing lost', async () => {
    const api = new FakeLogStream();
    api.liveTail.sampled = true;
    const { follower, lines } = follow(api, 'live');
    follower.start();
    await until(() => api.getCalls >= 2);
    api.put(numbered('burst', 20));
    await until(() => lines.length === 20);
    const stats = await follower.finish();
    expect(lines).toEqual(numbered('burst', 20));
    expect(stats.fallbackReason).toMatch(/sampling/);
  });
});

test('abort() stops at once, without draining', async () => {
  const api = new FakeLogStream();
  const { follower } = follow(api, 'poll');
  follower.start();
  await until(() => api.getCalls >= 2);
  await follower.abort();
  const calls = api.getCalls;
  await new Promise((r) => setImmediate(r));
  expect(api.getCalls).toBe(calls);
});
