/**
 * CloudWatch Logs data: log groups, streams and their events, with ingestion time and visibility (the fault
 * injector's ingestion delay: an event is readable only from `visibleAt`).
 *
 * Within a stream events are kept ordered by (timestamp, ingestion sequence), which is what GetLogEvents pages over.
 * Every ingested event is also appended to an ingestion log that Live Tail sessions follow.
 */
import { AwsError } from '../errors.js';

export interface StoredLogEvent {
  timestamp: number;
  message: string;
  ingestionTime: number;
  /** Epoch ms from which reads can see the event. */
  visibleAt: number;
  /** Global ingestion sequence number, ≥ 1. */
  seq: number;
}

export interface StoredLogStream {
  name: string;
  creationTime: number;
  events: StoredLogEvent[];
  firstEventTimestamp?: number;
  lastEventTimestamp?: number;
  lastIngestionTime?: number;
  storedBytes: number;
}

export interface StoredLogGroup {
  name: string;
  creationTime: number;
  retentionInDays?: number;
  kmsKeyId?: string;
  logGroupClass: string;
  tags: Record<string, string>;
  streams: Map<string, StoredLogStream>;
}

export interface IngestedEvent {
  group: string;
  stream: string;
  event: StoredLogEvent;
}

/** Position of an event in the (timestamp, seq) order. seq 0 sorts before any real event of the same timestamp. */
export interface LogPosition {
  timestamp: number;
  seq: number;
}

export const comparePosition = (a: LogPosition, b: LogPosition): number => a.timestamp - b.timestamp || a.seq - b.seq;

/** A 56-digit event id / token body: 20 digits of timestamp, 36 of sequence. */
export const positionId = (p: LogPosition): string =>
  String(Math.max(0, p.timestamp)).padStart(20, '0') + String(p.seq).padStart(36, '0');

export function parsePositionId(id: string): LogPosition | undefined {
  if (!/^\d{56}$/.test(id)) return undefined;
  return { timestamp: Number(id.slice(0, 20)), seq: Number(id.slice(20)) };
}

export const GROUP_NOT_FOUND = 'The specified log group does not exist.';
export const STREAM_NOT_FOUND = 'The specified log stream does not exist.';

export class LogsStore {
  readonly groups = new Map<string, StoredLogGroup>();
  /** Every event in ingestion order (Live Tail follows it). */
  readonly ingestionLog: IngestedEvent[] = [];
  private seq = 0;

  constructor(
    readonly region: string,
    readonly accountId: string,
    readonly now: () => number,
    /** Current ingestion delay (ms) from the fault injector. */
    private readonly ingestionDelay: () => number,
  ) {}

  groupArn(name: string): string {
    return `arn:aws:logs:${this.region}:${this.accountId}:log-group:${name}`;
  }

  /** A log group by name or by ARN (with or without the trailing ':*'). */
  resolveGroup(identifier: string): StoredLogGroup | undefined {
    const prefix = `arn:aws:logs:${this.region}:${this.accountId}:log-group:`;
    const name = identifier.startsWith('arn:') ? identifier.slice(prefix.length).replace(/:\*$/, '') : identifier;
    if (identifier.startsWith('arn:') && !identifier.startsWith(prefix)) return undefined;
    return this.groups.get(name);
  }

  createGroup(name: string, opts: { kmsKeyId?: string; logGroupClass?: string; tags?: Record<string, string> } = {}) {
    if (this.groups.has(name)) {
      throw new AwsError('ResourceAlreadyExistsException', 'The specified log group already exists');
    }
    const group: StoredLogGroup = {
      name,
      creationTime: this.now(),
      kmsKeyId: opts.kmsKeyId,
      logGroupClass: opts.logGroupClass ?? 'STANDARD',
      tags: opts.tags ?? {},
      streams: new Map(),
    };
    this.groups.set(name, group);
    return group;
  }

  createStream(groupName: string, name: string): StoredLogStream {
    const group = this.groups.get(groupName);
    if (!group) throw new AwsError('ResourceNotFoundException', GROUP_NOT_FOUND);
    if (group.streams.has(name)) {
      throw new AwsError('ResourceAlreadyExistsException', 'The specified log stream already exists');
    }
    const stream: StoredLogStream = { name, creationTime: this.now(), events: [], storedBytes: 0 };
    group.streams.set(name, stream);
    return stream;
  }

  /** Creates the group and stream when missing (what CodeBuild does for its build logs). */
  ensureStream(groupName: string, streamName: string): StoredLogStream {
    if (!this.groups.has(groupName)) this.createGroup(groupName);
    return this.groups.get(groupName)?.streams.get(streamName) ?? this.createStream(groupName, streamName);
  }

  /** Ingests already-validated events into an existing stream. */
  ingest(groupName: string, streamName: string, events: { timestamp: number; message: string }[]): void {
    const stream = this.groups.get(groupName)?.streams.get(streamName);
    if (!stream) throw new AwsError('ResourceNotFoundException', STREAM_NOT_FOUND);
    const ingestionTime = this.now();
    const visibleAt = ingestionTime + this.ingestionDelay();
    for (const e of events) {
      const event: StoredLogEvent = { ...e, ingestionTime, visibleAt, seq: ++this.seq };
      insertSorted(stream.events, event);
      stream.firstEventTimestamp = Math.min(stream.firstEventTimestamp ?? e.timestamp, e.timestamp);
      stream.lastEventTimestamp = Math.max(stream.lastEventTimestamp ?? e.timestamp, e.timestamp);
      stream.storedBytes += Buffer.byteLength(e.message, 'utf8');
      this.ingestionLog.push({ group: groupName, stream: streamName, event });
    }
    stream.lastIngestionTime = ingestionTime;
  }

  /** Events of a stream readable now (tests use this to inspect what was written). */
  visibleEvents(groupName: string, streamName: string): StoredLogEvent[] {
    const now = this.now();
    return (this.groups.get(groupName)?.streams.get(streamName)?.events ?? []).filter((e) => e.visibleAt <= now);
  }
}

/** Index of the first event whose position is greater than `p`. */
export function upperBound(events: StoredLogEvent[], p: LogPosition): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (comparePosition(events[mid] as StoredLogEvent, p) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insertSorted(events: StoredLogEvent[], e: StoredLogEvent): void {
  const last = events.at(-1);
  if (!last || comparePosition(last, e) <= 0) {
    events.push(e);
    return;
  }
  events.splice(upperBound(events, e), 0, e);
}
