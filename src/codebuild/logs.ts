/**
 * LogFollower: a build's CloudWatch Logs stream, every line exactly once and in order, as soon as it can be read.
 *
 * Live mode opens a Live Tail session (lines about a second after ingestion); once the session has started it reads
 * what came before with GetLogEvents (the catch-up), then hands on the session's lines, skipping those the catch-up
 * already delivered. Poll mode pages through GetLogEvents with its forward token, fast while lines flow and slower
 * when the stream is idle. Live mode falls back to polling for good when Live Tail is unavailable or denied, when
 * it keeps failing, or when it starts sampling (over 500 lines a second).
 *
 * Exactly once: the follower remembers the (timestamp, message) of the lines of the last `overlapMs` (by timestamp).
 * Whenever a read restarts from a position instead of a token (a new Live Tail session, the switch to polling, the
 * final drain) it re-reads from `lastTimestamp - overlapMs` and skips, as a multiset, what it has already delivered.
 * A token-continued read never skips, so a build that prints the same line twice in one millisecond shows it twice.
 *
 * The end: `finish()` (the build is complete) stops Live Tail and drains with GetLogEvents until the forward token
 * comes back unchanged (the stream's end) and at least `drainSettleMs` has passed since the build ended, so no late
 * line is lost.
 * Throttling that outlives the SDK's retries waits the project's jittered back-off (src/aws/retry.ts) and retries
 * the same request, so throttling delays lines but never drops or repeats them.
 */
import type { LiveTailMessage, LogEvent, LogsApi, LogStreamRef } from '../aws/logs.js';
import { isNotFound, isThrottling } from '../aws/errors.js';
import { BackoffRetryStrategy, isTransient } from '../aws/retry.js';
import { UserError } from '../core/errors.js';
import { silentReporter, type Reporter } from '../core/reporter.js';
import { realSleep, systemClock, type Clock, type Sleep } from '../core/time.js';

/** What the follower says about itself: fallbacks, retries, lines that may be missing. */
type Notes = Pick<Reporter, 'info' | 'warning' | 'debug'>;

export type LogsMode = 'live' | 'poll';

export interface LogFollowerOptions {
  readonly api: LogsApi;
  readonly stream: LogStreamRef;
  /** 'live' tries Live Tail first (it needs `stream.groupArn`). */
  readonly mode: LogsMode;
  /** Called for every line, in order, once. */
  readonly onLine: (event: LogEvent) => void;
  readonly clock?: Clock;
  readonly sleep?: Sleep;
  readonly reporter?: Notes;
  /** [0, 1) jitter source of the back-off. */
  readonly random?: () => number;
  /** Poll interval bounds: `minMs` while lines flow, growing by `factor` per idle poll up to `maxMs`. */
  readonly poll?: { readonly minMs?: number; readonly maxMs?: number; readonly factor?: number };
  /** How far back (by timestamp) a restarted read goes to find lines it may have missed. */
  readonly overlapMs?: number;
  /** After finish(), keep reading at least this long for lines that become readable late. */
  readonly drainSettleMs?: number;
  /** Give up draining after this long without a successful read (a warning says lines may be missing). */
  readonly maxDrainMs?: number;
  /** Consecutive Live Tail failures before polling for good. */
  readonly liveTailAttempts?: number;
}

export interface LogFollowerStats {
  lines: number;
  getLogEventsCalls: number;
  liveTailSessions: number;
  /** The mode in use at the end. */
  mode: LogsMode;
  /** Why Live Tail was given up, when it was. */
  fallbackReason?: string;
  /** Why the log could not be followed to its end, when it could not. */
  failure?: string;
}

/** Reading a stream: every 2 s while lines flow (at most 30 reads a minute), up to every 10 s when idle. */
/** While lines flow, a read every 2.5 s: at most 24 GetLogEvents a minute (and a line 1.25 s late on average). */
export const DEFAULT_POLL = { minMs: 2500, maxMs: 10_000, factor: 1.5 };

/** Longest wait after throttled reads in a row. */
export const MAX_THROTTLED_WAIT_MS = 30_000;
export const DEFAULT_OVERLAP_MS = 30_000;
export const DEFAULT_DRAIN_SETTLE_MS = 500;
export const DEFAULT_MAX_DRAIN_MS = 300_000;
/**
 * How long the catch-up read waits for a new Live Tail session's first lines: a little more than the second in which
 * Live Tail sends what came.
 */
export const CATCH_UP_WAIT_MS = 1500;
/** A GetLogEvents page with this many lines is read on at once; a smaller one waits for the next poll. */
const FULL_PAGE = 500;

const keyOf = (e: LogEvent): string => `${e.timestamp}\u0000${e.message}`;

/** Takes one `key` out of a multiset; false when it is not there. */
function consume(skip: Map<string, number>, key: string): boolean {
  const n = skip.get(key);
  if (n === undefined) return false;
  if (n <= 1) skip.delete(key);
  else skip.set(key, n - 1);
  return true;
}

/** The delivered lines of the last `windowMs` (by timestamp), and the latest timestamp. */
class DeliveredWindow {
  private entries: Array<{ key: string; timestamp: number }> = [];
  private head = 0;
  last: number | undefined;

  constructor(private readonly windowMs: number) {}

  add(event: LogEvent): void {
    this.entries.push({ key: keyOf(event), timestamp: event.timestamp });
    this.last = Math.max(this.last ?? event.timestamp, event.timestamp);
    const oldest = this.last - this.windowMs;
    while (this.head < this.entries.length && (this.entries[this.head]?.timestamp ?? 0) < oldest) this.head++;
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }

  /** Multiset of the keys delivered with a timestamp ≥ `from`. */
  since(from: number): Map<string, number> {
    const out = new Map<string, number>();
    for (let i = this.head; i < this.entries.length; i++) {
      const entry = this.entries[i];
      if (entry && entry.timestamp >= from) out.set(entry.key, (out.get(entry.key) ?? 0) + 1);
    }
    return out;
  }
}

/** A GetLogEvents read: a token once there is one, else a start time (with lines to skip) or the head. */
interface PollCursor {
  token?: string;
  startTime?: number;
  skip?: Map<string, number>;
}

/** Messages of a Live Tail session, buffered so the catch-up read can run while the session keeps streaming. */
class MessageQueue {
  private readonly items: LiveTailMessage[] = [];
  private closed = false;
  private error: unknown;
  private wake: (() => void) | undefined;
  /** Updates with lines received so far (Live Tail also sends empty ones every second). */
  updatesWithLines = 0;

  push(message: LiveTailMessage): void {
    this.items.push(message);
    if (message.type === 'update' && message.events.length > 0) this.updatesWithLines++;
    this.wake?.();
  }

  close(error?: unknown): void {
    this.closed = true;
    this.error = error;
    this.wake?.();
  }

  /** Whether a buffered (not yet read) update holds this line. */
  holds(key: string): boolean {
    return this.items.some((m) => m.type === 'update' && m.events.some((e) => keyOf(e) === key));
  }

  /** The first buffered message, left in place; undefined when the session ended or `signal` aborted without one. */
  async peek(signal: AbortSignal): Promise<LiveTailMessage | undefined> {
    await this.until(() => this.items.length > 0 || this.closed, signal);
    return signal.aborted ? undefined : (this.items[0] ?? this.failure());
  }

  /** Waits until more than `count` updates with lines have come or the session ended, at most `ms`. */
  async linesAfter(count: number, ms: number, sleep: Sleep, signal: AbortSignal): Promise<void> {
    await this.until(() => this.closed || this.updatesWithLines > count, signal, { ms, sleep });
  }

  /** The next message; undefined when the session ended or `signal` aborted; throws the session's error. */
  async next(signal: AbortSignal): Promise<LiveTailMessage | undefined> {
    await this.until(() => this.items.length > 0 || this.closed, signal);
    if (signal.aborted) return undefined;
    return this.items.shift() ?? this.failure();
  }

  /** undefined for a session that ended; its error for one that failed. */
  private failure(): undefined {
    if (this.error !== undefined) throw this.error;
    return undefined;
  }

  /** Resolves once `ready()` holds (checked whenever a message comes), `signal` aborts or `limit` has passed. */
  private async until(
    ready: () => boolean,
    signal: AbortSignal,
    limit?: { readonly ms: number; readonly sleep: Sleep },
  ): Promise<void> {
    if (ready() || signal.aborted) return;
    const woken = new AbortController();
    const wake = (): void => woken.abort();
    signal.addEventListener('abort', wake, { once: true });
    this.wake = () => {
      if (ready()) wake();
    };
    try {
      if (limit !== undefined) await limit.sleep(limit.ms, woken.signal);
      else
        await new Promise<void>((resolve) => woken.signal.addEventListener('abort', () => resolve(), { once: true }));
    } finally {
      this.wake = undefined;
      signal.removeEventListener('abort', wake);
    }
  }
}

type SessionEnd = 'finishing' | 'sampled' | 'ended';

export class LogFollower {
  private readonly clock: Clock;
  private readonly sleep: Sleep;
  private readonly logger: Notes;
  private readonly backoff: BackoffRetryStrategy;
  private readonly random: () => number;
  private readonly poll: { minMs: number; maxMs: number; factor: number };
  private readonly overlapMs: number;
  private readonly delivered: DeliveredWindow;
  /** Aborted by finish() and abort(): ends sleeps and the Live Tail session. */
  private readonly wake = new AbortController();
  /** Aborted by abort(): ends everything, the drain included. */
  private readonly hardStop = new AbortController();
  private finishing = false;
  private skipDrain = false;
  private finishAt = 0;
  private cursor: PollCursor | undefined;
  private done: Promise<void> | undefined;
  /** The last line delivered (timestamp and text). */
  private lastKey: string | undefined;
  /** Consecutive failed GetLogEvents calls. */
  private failures = 0;
  readonly stats: LogFollowerStats;

  constructor(private readonly options: LogFollowerOptions) {
    this.clock = options.clock ?? systemClock;
    this.sleep = options.sleep ?? realSleep;
    this.logger = options.reporter ?? silentReporter;
    this.backoff = new BackoffRetryStrategy({ maxAttempts: 1, random: options.random });
    this.random = options.random ?? Math.random;
    this.poll = { ...DEFAULT_POLL, ...options.poll };
    this.overlapMs = options.overlapMs ?? DEFAULT_OVERLAP_MS;
    this.delivered = new DeliveredWindow(this.overlapMs);
    this.stats = { lines: 0, getLogEventsCalls: 0, liveTailSessions: 0, mode: options.mode };
  }

  /** Starts following in the background; idempotent. */
  start(): void {
    this.done ??= this.run();
  }

  /**
   * The build is complete: read the stream to its end, then stop. Resolves when every line has been delivered.
   * `endedAt` (the build's end time, epoch ms) lets the settle time count from the build's end rather than from now.
   */
  async finish(endedAt?: number, options: { readonly drain?: boolean } = {}): Promise<LogFollowerStats> {
    if (!this.finishing) {
      this.finishing = true;
      // The caller has seen the log's last line: there is nothing late to read.
      if (options.drain === false) this.skipDrain = true;
      const now = this.clock();
      this.finishAt = endedAt === undefined ? now : Math.min(now, endedAt);
      this.wake.abort();
    }
    this.start();
    await this.done;
    return this.stats;
  }

  /** Stops at once, without draining. */
  async abort(): Promise<void> {
    this.finishing = true;
    this.wake.abort();
    this.hardStop.abort();
    await this.done;
  }

  private async run(): Promise<void> {
    try {
      if (this.options.mode === 'live') {
        if (this.options.stream.groupArn === undefined) this.fallBack('the log group ARN is unknown');
        else await this.followLive();
      }
      if (!this.finishing) await this.followPoll();
      if (!this.skipDrain) await this.drain();
    } catch (error) {
      if (this.hardStop.signal.aborted) return;
      this.stats.failure = error instanceof UserError ? error.message : String((error as Error)?.message ?? error);
      this.logger.warning(`cannot follow the build log: ${this.stats.failure}`);
    }
  }

  private deliver(event: LogEvent): void {
    this.delivered.add(event);
    this.lastKey = keyOf(event);
    this.stats.lines++;
    this.options.onLine(event);
  }

  /** A read that starts over from the delivered frontier (or the head), skipping what it re-reads. */
  private restartCursor(): PollCursor {
    const last = this.delivered.last;
    if (last === undefined) return {};
    const startTime = Math.max(0, last - this.overlapMs);
    return { startTime, skip: this.delivered.since(startTime) };
  }

  // ---- polling ---------------------------------------------------------------------------------------------------

  /**
   * One GetLogEvents call: delivers its new lines, advances the cursor. 'end' when the token came back unchanged
   * (or the stream does not exist yet); 'more' when there may be more to read now; 'retry' after a failure waited
   * its back-off. UserErrors (a missing permission) are thrown.
   */
  private async pollStep(cursor: PollCursor): Promise<'more' | 'end' | 'retry'> {
    const from = cursor.token !== undefined ? { nextToken: cursor.token } : { startTime: cursor.startTime };
    let page;
    try {
      this.stats.getLogEventsCalls++;
      page = await this.options.api.getLogEvents(this.options.stream, from, this.hardStop.signal);
    } catch (error) {
      if (this.hardStop.signal.aborted) throw error;
      if (isNotFound(error)) return 'end';
      if (error instanceof UserError) throw error;
      this.failures++;
      if (!isTransient(error) && this.failures > 5) throw error;
      this.logger.debug(`GetLogEvents failed (${(error as Error)?.message ?? String(error)}); retrying`);
      const wait = isThrottling(error)
        ? this.throttledWait(this.failures)
        : this.backoff.delay(Math.min(this.failures - 1, 6), false);
      await this.sleep(wait, this.hardStop.signal);
      return 'retry';
    }
    this.failures = 0;
    for (const event of page.events) {
      if (cursor.skip !== undefined && consume(cursor.skip, keyOf(event))) continue;
      this.deliver(event);
    }
    const end = cursor.token !== undefined && page.nextForwardToken === cursor.token;
    if (page.nextForwardToken !== undefined) cursor.token = page.nextForwardToken;
    if (!end) return 'more';
    cursor.skip = undefined;
    return 'end';
  }

  /**
   * After the `failures`-th throttled read in a row: the account's rate is spent, so wait longer than a poll interval,
   * doubling each time, with jitter (half to all of it) so that many followers do not come back together.
   */
  private throttledWait(failures: number): number {
    const ceiling = Math.min(MAX_THROTTLED_WAIT_MS, this.poll.minMs * 2 ** Math.min(failures, 10));
    return Math.round(ceiling * (0.5 + this.random() / 2));
  }

  /** Polls until finish(): straight on while pages come, then waits min…max between polls of an idle stream. */
  private async followPoll(): Promise<void> {
    const cursor = (this.cursor = this.restartCursor());
    let interval: number | undefined;
    let linesAtLastWait = this.stats.lines;
    while (!this.finishing) {
      const before = this.stats.lines;
      const step = await this.pollStep(cursor);
      if (step === 'retry') continue;
      // A big page (or a token that moved without lines) says there is more now; a small one, that the stream's
      // end is near: wait for more rather than ask again at once (the token keeps the place either way).
      const got = this.stats.lines - before;
      if (step === 'more' && (got === 0 || got >= FULL_PAGE)) continue;
      interval =
        interval === undefined || this.stats.lines > linesAtLastWait
          ? this.poll.minMs
          : Math.min(this.poll.maxMs, interval * this.poll.factor);
      linesAtLastWait = this.stats.lines;
      await this.sleep(Math.round(interval), this.wake.signal);
    }
  }

  /** Reads until the stream's end (the forward token repeats) and `drainSettleMs` has passed since finish(). */
  private async drain(): Promise<void> {
    const cursor = this.cursor ?? this.restartCursor();
    const settle = this.options.drainSettleMs ?? DEFAULT_DRAIN_SETTLE_MS;
    const limit = this.options.maxDrainMs ?? DEFAULT_MAX_DRAIN_MS;
    let progressAt = this.clock();
    for (;;) {
      if (this.hardStop.signal.aborted) return;
      const step = await this.pollStep(cursor);
      const now = this.clock();
      const elapsed = now - this.finishAt;
      if (step === 'end' && elapsed >= settle) return;
      if (step !== 'retry') progressAt = now;
      else if (now - progressAt >= limit) {
        this.stats.failure = `no successful GetLogEvents call for ${Math.round(limit / 1000)} s after the build ended`;
        this.logger.warning(`${this.stats.failure}; the last lines may be missing`);
        return;
      }
      if (step === 'end') await this.sleep(Math.min(this.poll.minMs, settle - elapsed), this.hardStop.signal);
    }
  }

  /**
   * Reads what was written before the Live Tail session started (used right after it started), until it reads a line
   * the session holds too (from there on the session has every line; the overlap is skipped by the session's reader)
   * or the stream's end (the token repeats).
   *
   * A page short of full is the stream's end as it was a moment ago. When the session does not hold its last line
   * yet, that line is either one the session will bring with its next update (it was written after the session
   * started, in the last second) or one from before: the next update is waited for (about a second, its lines kept
   * in order behind the catch-up) and says which, rather than reading again at once, which on a stream still being
   * written would chase it with a read per line or two.
   */
  private async catchUp(cursor: PollCursor, session: MessageQueue, signal: AbortSignal): Promise<void> {
    while (!this.finishing) {
      const before = this.stats.lines;
      const step = await this.pollStep(cursor);
      if (step === 'end') return;
      const got = this.stats.lines - before;
      const last = this.lastKey;
      if (step === 'retry' || got === 0 || last === undefined) continue;
      if (session.holds(last)) return;
      if (got >= FULL_PAGE) continue;
      await session.linesAfter(session.updatesWithLines, CATCH_UP_WAIT_MS, this.sleep, signal);
      if (session.holds(last)) return;
    }
  }

  // ---- Live Tail -------------------------------------------------------------------------------------------------

  private fallBack(reason: string): void {
    this.stats.mode = 'poll';
    this.stats.fallbackReason = reason;
    this.logger.info(`Live Tail not used (${reason}); reading the log with GetLogEvents`);
  }

  /** Follows with Live Tail sessions until finish() (returns) or until Live Tail is given up (returns too). */
  private async followLive(): Promise<void> {
    const attempts = this.options.liveTailAttempts ?? 3;
    let failures = 0;
    while (!this.finishing) {
      const session = new AbortController();
      const endSession = (): void => session.abort();
      this.wake.signal.addEventListener('abort', endSession, { once: true });
      let end: SessionEnd;
      try {
        end = await this.liveSession(session.signal, () => (failures = 0));
      } catch (error) {
        if (this.finishing) return;
        if (error instanceof UserError) throw error;
        if (!liveTailRetryable(error)) return this.fallBack(describe(error));
        if (++failures >= attempts) return this.fallBack(`${failures} sessions failed: ${describe(error)}`);
        this.logger.debug(`Live Tail session failed (${describe(error)}); starting a new one`);
        await this.sleep(this.backoff.delay(failures - 1, isThrottling(error)), this.wake.signal);
        continue;
      } finally {
        this.wake.signal.removeEventListener('abort', endSession);
        session.abort();
      }
      if (end === 'finishing') return;
      if (end === 'sampled') return this.fallBack('Live Tail is sampling: more than 500 lines a second');
      if (++failures >= attempts) return this.fallBack('the Live Tail session keeps ending');
    }
  }

  private async liveSession(signal: AbortSignal, healthy: () => void): Promise<SessionEnd> {
    const api = this.options.api;
    let messages: AsyncIterable<LiveTailMessage>;
    try {
      this.stats.liveTailSessions++;
      messages = await api.startLiveTail(this.options.stream, signal);
    } catch (error) {
      if (isAccessDeniedUserError(error)) {
        throw new LiveTailUnavailable(error instanceof Error ? error.message : String(error));
      }
      throw error;
    }
    const queue = new MessageQueue();
    void (async () => {
      try {
        for await (const message of messages) queue.push(message);
        queue.close();
      } catch (error) {
        queue.close(error);
      }
    })();
    const first = await queue.peek(signal);
    if (first === undefined) return signal.aborted ? 'finishing' : 'ended';
    if (first.type === 'update' && first.sampled) return 'sampled';
    // The session has started: everything ingested from now on comes through it. Read what came before once the
    // session has brought its first lines (or a moment has passed): then one read usually reaches a line the session
    // holds, where the catch-up can stop, rather than the stream's end as it was a moment ago.
    await queue.linesAfter(0, CATCH_UP_WAIT_MS, this.sleep, signal);
    await this.catchUp(this.restartCursor(), queue, signal);
    this.cursor = undefined;
    let skip = this.delivered.last === undefined ? new Map<string, number>() : this.restartCursor().skip;
    for (;;) {
      const message = await queue.next(signal);
      if (message === undefined) return signal.aborted ? 'finishing' : 'ended';
      if (message.type === 'start') continue;
      if (message.sampled) return 'sampled';
      healthy();
      for (const event of message.events) {
        // The session's first lines may be ones the catch-up read delivered: skip those, until the first new one.
        if (skip !== undefined && skip.size > 0 && consume(skip, keyOf(event))) continue;
        skip = undefined;
        this.deliver(event);
      }
    }
  }
}

/** Live Tail is missing here (an emulator without it, a region without it) or refused; polling it is. */
class LiveTailUnavailable extends Error {}

function isAccessDeniedUserError(error: unknown): boolean {
  return error instanceof UserError && /IAM permission|access denied/i.test(error.message);
}

const LIVE_TAIL_RETRYABLE = new Set([
  'SessionStreamingException',
  'SessionTimeoutException',
  'ResourceNotFoundException',
]);

/** A failure a new session may not have: a stream cut, a timeout, throttling, a log group not created yet. */
function liveTailRetryable(error: unknown): boolean {
  if (error instanceof LiveTailUnavailable) return false;
  const name = String((error as { name?: unknown })?.name ?? '');
  return isTransient(error) || LIVE_TAIL_RETRYABLE.has(name) || name === 'AbortError' || name === 'Error';
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    return error.name && error.name !== 'Error' && !error.message.includes(error.name)
      ? `${error.name}: ${error.message}`
      : error.message;
  }
  return String(error);
}
