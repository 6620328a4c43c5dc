/**
 * In-memory fakes of the build code's collaborators: a CloudWatch Logs stream with GetLogEvents tokens and Live Tail
 * sessions, failure injection, and a virtual clock whose sleeps return at once (on the next turn of the event loop).
 */
import type { LiveTailMessage, LogEvent, LogPage, LogsApi, LogStreamRef } from '../../src/aws/logs.js';
import type { Reporter } from '../../src/core/reporter.js';

interface StoredEvent extends LogEvent {
  readonly seq: number;
}

/** Errors shaped like the SDK's. */
export function awsError(name: string, message = name, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode: 400 }, ...extra });
}

export const throttling = (): Error => awsError('ThrottlingException', 'Rate exceeded');

interface Session {
  readonly queue: LiveTailMessage[];
  wake?: () => void;
  closed: boolean;
  error?: Error;
  /** Updates delivered so far. */
  updates: number;
}

export interface LiveTailBehaviour {
  /** Thrown by startLiveTail. */
  startError?: () => Error;
  /** Each session fails with this after delivering `failAfterUpdates` updates. */
  failAfterUpdates?: number;
  failWith?: () => Error;
  /** Updates are flagged sampled. */
  sampled?: boolean;
}

export class FakeLogStream implements LogsApi {
  readonly events: StoredEvent[] = [];
  private seq = 0;
  private now = 1_700_000_000_000;
  private readonly sessions: Session[] = [];
  /** Errors thrown by the next GetLogEvents calls, in order. */
  readonly getErrors: Array<() => Error> = [];
  /** Called before each GetLogEvents answers (with the call's index): lets a test ingest lines mid-read. */
  onGet?: (call: number) => void;
  getCalls = 0;
  liveSessions = 0;
  /** Page size of GetLogEvents. */
  pageSize = 3;
  liveTail: LiveTailBehaviour = {};
  /** The stream does not exist yet (ResourceNotFoundException) until lines are put. */
  missingUntilPut = false;
  /** Timestamps from this clock (still one ms apart at least) rather than from a fixed epoch. */
  clock?: () => number;

  /** Lines ingested with `held`: readable by GetLogEvents, not yet sent by the Live Tail sessions. */
  private held: StoredEvent[] = [];

  /** Sends the held lines to the Live Tail sessions (their next update, a moment after ingestion). */
  release(): void {
    const batch = this.held;
    this.held = [];
    this.send(batch);
  }

  /** An update without lines, as Live Tail sends every second. */
  heartbeat(): void {
    for (const session of this.sessions) {
      if (session.closed) continue;
      session.queue.push({ type: 'update', events: [], sampled: false });
      session.wake?.();
    }
  }

  /**
   * Ingests lines (one ms apart unless `sameMs`); Live Tail sessions see them at once, or with `held` once
   * `release()` is called.
   */
  put(messages: readonly string[], options: { sameMs?: boolean; held?: boolean } = {}): void {
    this.missingUntilPut = false;
    if (this.clock !== undefined) this.now = Math.max(this.now, this.clock() - 1);
    const batch: StoredEvent[] = [];
    for (const message of messages) {
      if (!options.sameMs) this.now++;
      const event = { timestamp: this.now, message, ingestionTime: this.now, seq: ++this.seq };
      this.events.push(event);
      batch.push(event);
    }
    if (options.held) this.held.push(...batch);
    else this.send(batch);
  }

  private send(batch: readonly StoredEvent[]): void {
    for (const session of this.sessions) {
      if (session.closed || batch.length === 0) continue;
      session.queue.push({ type: 'update', events: batch.map(strip), sampled: this.liveTail.sampled === true });
      session.wake?.();
    }
  }

  messages(): string[] {
    return this.events.map((e) => e.message);
  }

  async getLogEvents(_stream: LogStreamRef, from: { nextToken?: string; startTime?: number }): Promise<LogPage> {
    const call = this.getCalls++;
    this.onGet?.(call);
    const error = this.getErrors.shift();
    if (error) throw error();
    if (this.missingUntilPut) throw awsError('ResourceNotFoundException', 'The specified log stream does not exist.');
    let start: number;
    if (from.nextToken !== undefined) {
      const m = /^f\/(\d+)$/.exec(from.nextToken);
      if (!m) throw awsError('InvalidParameterException', 'The specified nextToken is invalid.');
      start = Number(m[1]);
    } else {
      const t = from.startTime ?? 0;
      start = this.events.findIndex((e) => e.timestamp >= t);
      if (start < 0) start = this.events.length;
    }
    const page = this.events.slice(start, start + this.pageSize);
    return { events: page.map(strip), nextForwardToken: `f/${start + page.length}` };
  }

  async startLiveTail(_stream: LogStreamRef, signal: AbortSignal): Promise<AsyncIterable<LiveTailMessage>> {
    this.liveSessions++;
    const behaviour = this.liveTail;
    if (behaviour.startError) throw behaviour.startError();
    const session: Session = { queue: [{ type: 'start' }], closed: false, updates: 0 };
    this.sessions.push(session);
    signal.addEventListener('abort', () => {
      session.closed = true;
      session.wake?.();
    });
    return {
      [Symbol.asyncIterator]: () => ({
        next: async (): Promise<IteratorResult<LiveTailMessage>> => {
          for (;;) {
            if (session.closed) return { done: true, value: undefined };
            const item = session.queue.shift();
            if (item !== undefined) {
              if (item.type === 'update') {
                if (behaviour.failAfterUpdates !== undefined && session.updates >= behaviour.failAfterUpdates) {
                  session.closed = true;
                  throw (behaviour.failWith ?? (() => awsError('SessionStreamingException', 'stream failed')))();
                }
                session.updates++;
              }
              return { done: false, value: item };
            }
            await new Promise<void>((resolve) => (session.wake = resolve));
          }
        },
      }),
    };
  }
}

function strip(e: StoredEvent): LogEvent {
  return { timestamp: e.timestamp, message: e.message, ingestionTime: e.ingestionTime };
}

/** A virtual clock: sleeps are recorded, advance the clock and return on the next turn of the event loop. */
export class VirtualTime {
  now = 1_000_000;
  readonly sleeps: number[] = [];
  readonly clock = (): number => this.now;
  readonly sleep = (ms: number): Promise<void> => {
    this.sleeps.push(ms);
    this.now += ms;
    return new Promise((resolve) => setImmediate(resolve));
  };
}

export function recordingLogger(): Pick<Reporter, 'info' | 'warning' | 'debug'> & { messages: string[] } {
  const messages: string[] = [];
  return {
    messages,
    info: (m) => void messages.push(`info: ${m}`),
    warning: (m) => void messages.push(`warning: ${m}`),
    debug: (m) => void messages.push(`debug: ${m}`),
  };
}

/** Waits (turn by turn of the event loop) until `check` holds; fails after many turns. */
export async function until(check: () => boolean, turns = 20_000): Promise<void> {
  for (let i = 0; i < turns; i++) {
    if (check()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error('condition not reached');
}
