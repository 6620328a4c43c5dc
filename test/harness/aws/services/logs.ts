/**
 * Amazon CloudWatch Logs (awsJson1_1, Logs_20140328): log groups and streams, PutLogEvents with the documented batch
 * rules, GetLogEvents with f/ b/ tokens, FilterLogEvents, and StartLiveTail as an event stream.
 */
import type {
  CreateLogGroupRequest,
  CreateLogStreamRequest,
  DescribeLogGroupsRequest,
  DescribeLogStreamsRequest,
  FilterLogEventsRequest,
  GetLogEventsRequest,
  PutLogEventsRequest,
  StartLiveTailRequest,
} from '@aws-sdk/client-cloudwatch-logs';
import { AwsError } from '../errors.js';
import { model } from '../models/logs.js';
import { decodeToken, encodeToken, sleep, uuid } from '../util.js';
import { compileFilterPattern } from './logs-filter.js';
import type { LogPosition, LogsStore, StoredLogEvent, StoredLogGroup, StoredLogStream } from './logs-store.js';
import {
  comparePosition,
  GROUP_NOT_FOUND,
  parsePositionId,
  positionId,
  STREAM_NOT_FOUND,
  upperBound,
} from './logs-store.js';
import { EventStreamOutput } from './types.js';
import type { JsonService } from './types.js';
import { op } from './types.js';

export interface LogsOptions {
  /** Interval between Live Tail sessionUpdate events; AWS: 1 s. */
  liveTailUpdateIntervalMs?: number;
  /** Live Tail session lifetime; AWS: 3 hours. */
  liveTailSessionTimeoutMs?: number;
}

const MAX_BATCH_BYTES = 1_048_576;
const EVENT_OVERHEAD = 26;
const MAX_RESPONSE_BYTES = 1_048_576;
const DAY = 24 * 3600 * 1000;
const MAX_POSITION: LogPosition = { timestamp: 9_000_000_000_000_000, seq: 0 };
const MIN_POSITION: LogPosition = { timestamp: 0, seq: 0 };
const LIVE_TAIL_MAX_EVENTS = 500;

const invalid = (message: string): AwsError => new AwsError('InvalidParameterException', message);
const eventBytes = (e: { message: string }): number => Buffer.byteLength(e.message, 'utf8') + EVENT_OVERHEAD;

function lowerBound(events: StoredLogEvent[], p: LogPosition): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (comparePosition(events[mid] as StoredLogEvent, p) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function createLogsService(store: LogsStore, options: LogsOptions = {}): JsonService {
  const updateInterval = options.liveTailUpdateIntervalMs ?? 1000;
  const sessionTimeout = options.liveTailSessionTimeoutMs ?? 3 * 3600 * 1000;

  const groupFrom = (input: { logGroupName?: string; logGroupIdentifier?: string }): StoredLogGroup => {
    if (input.logGroupName !== undefined && input.logGroupIdentifier !== undefined) {
      throw invalid('LogGroup name and LogGroup ARN are mutually exclusive parameters.');
    }
    const id = input.logGroupName ?? input.logGroupIdentifier;
    if (id === undefined) throw invalid('Either the logGroupName or logGroupIdentifier parameter is required.');
    const group = store.resolveGroup(id);
    if (!group) throw new AwsError('ResourceNotFoundException', GROUP_NOT_FOUND);
    return group;
  };

  const streamFrom = (group: StoredLogGroup, name: string): StoredLogStream => {
    const stream = group.streams.get(name);
    if (!stream) throw new AwsError('ResourceNotFoundException', STREAM_NOT_FOUND);
    return stream;
  };

  const badToken = (): AwsError => invalid('The specified nextToken is invalid.');

  return {
    name: 'logs',
    protocol: 'awsJson1_1',
    targetPrefix: 'Logs_20140328',
    signingName: 'logs',
    model,
    validationErrorCode: 'InvalidParameterException',
    throttling: { code: 'ThrottlingException', message: 'Rate exceeded' },
    operations: {
      CreateLogGroup: op((input: CreateLogGroupRequest) => {
        const name = input.logGroupName ?? '';
        if (/^aws\//i.test(name)) throw invalid('Log groups starting with AWS/ are reserved for AWS.');
        store.createGroup(name, { kmsKeyId: input.kmsKeyId, logGroupClass: input.logGroupClass, tags: input.tags });
        return {};
      }),

      CreateLogStream: op((input: CreateLogStreamRequest) => {
        store.createStream(input.logGroupName ?? '', input.logStreamName ?? '');
        return {};
      }),

      DescribeLogGroups: op((input: DescribeLogGroupsRequest) => {
        if (input.logGroupNamePrefix !== undefined && input.logGroupNamePattern !== undefined) {
          throw invalid('LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.');
        }
        const after = input.nextToken ? decodeToken<{ after: string }>(input.nextToken, badToken).after : undefined;
        const limit = input.limit ?? 50;
        const patternOnly = input.logGroupNamePattern !== undefined;
        const all = [...store.groups.values()]
          .filter((g) => input.logGroupNamePrefix === undefined || g.name.startsWith(input.logGroupNamePrefix))
          .filter((g) => input.logGroupNamePattern === undefined || g.name.includes(input.logGroupNamePattern))
          .filter((g) => input.logGroupClass === undefined || g.logGroupClass === input.logGroupClass)
          .filter(
            (g) => !input.logGroupIdentifiers || input.logGroupIdentifiers.some((i) => store.resolveGroup(i) === g),
          )
          .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
          .filter((g) => after === undefined || g.name > after);
        const page = all.slice(0, limit);
        return {
          logGroups: page.map((g) =>
            patternOnly
              ? { logGroupName: g.name, creationTime: g.creationTime, arn: `${store.groupArn(g.name)}:*` }
              : {
                  logGroupName: g.name,
                  creationTime: g.creationTime,
                  ...(g.retentionInDays !== undefined ? { retentionInDays: g.retentionInDays } : {}),
                  metricFilterCount: 0,
                  arn: `${store.groupArn(g.name)}:*`,
                  storedBytes: [...g.streams.values()].reduce((n, s) => n + s.storedBytes, 0),
                  ...(g.kmsKeyId ? { kmsKeyId: g.kmsKeyId } : {}),
                  logGroupClass: g.logGroupClass,
                  logGroupArn: store.groupArn(g.name),
                },
          ),
          ...(all.length > limit ? { nextToken: encodeToken({ after: page.at(-1)?.name }) } : {}),
        };
      }),

      DescribeLogStreams: op((input: DescribeLogStreamsRequest) => {
        const group = groupFrom(input);
        const byTime = input.orderBy === 'LastEventTime';
        if (byTime && input.logStreamNamePrefix !== undefined) {
          throw invalid('Cannot order by LastEventTime with a logStreamNamePrefix.');
        }
        const offset = input.nextToken ? decodeToken<{ offset: number }>(input.nextToken, badToken).offset : 0;
        const limit = input.limit ?? 50;
        const sorted = [...group.streams.values()]
          .filter((s) => input.logStreamNamePrefix === undefined || s.name.startsWith(input.logStreamNamePrefix))
          .sort((a, b) =>
            byTime
              ? (a.lastEventTimestamp ?? 0) - (b.lastEventTimestamp ?? 0) || (a.name < b.name ? -1 : 1)
              : a.name < b.name
                ? -1
                : a.name > b.name
                  ? 1
                  : 0,
          );
        if (input.descending) sorted.reverse();
        const page = sorted.slice(offset, offset + limit);
        return {
          logStreams: page.map((s) => ({
            logStreamName: s.name,
            creationTime: s.creationTime,
            ...(s.firstEventTimestamp !== undefined ? { firstEventTimestamp: s.firstEventTimestamp } : {}),
            ...(s.lastEventTimestamp !== undefined ? { lastEventTimestamp: s.lastEventTimestamp } : {}),
            ...(s.lastIngestionTime !== undefined ? { lastIngestionTime: s.lastIngestionTime } : {}),
            arn: `${store.groupArn(group.name)}:log-stream:${s.name}`,
            storedBytes: 0,
          })),
          ...(offset + limit < sorted.length ? { nextToken: encodeToken({ offset: offset + limit }) } : {}),
        };
      }),

      PutLogEvents: op((input: PutLogEventsRequest) => {
        const group = store.groups.get(input.logGroupName ?? '');
        if (!group) throw new AwsError('ResourceNotFoundException', GROUP_NOT_FOUND);
        streamFrom(group, input.logStreamName ?? '');
        const events = (input.logEvents ?? []).map((e) => ({ timestamp: e.timestamp ?? 0, message: e.message ?? '' }));
        const size = events.reduce((n, e) => n + eventBytes(e), 0);
        if (size > MAX_BATCH_BYTES) {
          throw invalid(`Upload too large: ${size} bytes exceeds limit of ${MAX_BATCH_BYTES}`);
        }
        for (let i = 1; i < events.length; i++) {
          if ((events[i]?.timestamp ?? 0) < (events[i - 1]?.timestamp ?? 0)) {
            throw invalid('Log events in a single PutLogEvents request must be in chronological order.');
          }
        }
        const now = store.now();
        let tooNewStart: number | undefined;
        let tooOldEnd: number | undefined;
        let expiredEnd: number | undefined;
        const accepted: typeof events = [];
        events.forEach((e, i) => {
          if (e.timestamp > now + 2 * 3600 * 1000) {
            tooNewStart ??= i;
          } else if (group.retentionInDays !== undefined && e.timestamp < now - group.retentionInDays * DAY) {
            expiredEnd = i;
          } else if (e.timestamp < now - 14 * DAY) {
            tooOldEnd = i;
          } else {
            accepted.push(e);
          }
        });
        const first = accepted[0];
        const last = accepted.at(-1);
        if (first && last && last.timestamp - first.timestamp > DAY) {
          throw invalid('The batch of log events in a single PutLogEvents request cannot span more than 24 hours.');
        }
        store.ingest(group.name, input.logStreamName ?? '', accepted);
        const rejected = {
          ...(tooNewStart !== undefined ? { tooNewLogEventStartIndex: tooNewStart } : {}),
          ...(tooOldEnd !== undefined ? { tooOldLogEventEndIndex: tooOldEnd } : {}),
          ...(expiredEnd !== undefined ? { expiredLogEventEndIndex: expiredEnd } : {}),
        };
        return {
          nextSequenceToken: String(now).padStart(56, '4'),
          ...(Object.keys(rejected).length > 0 ? { rejectedLogEventsInfo: rejected } : {}),
        };
      }),

      GetLogEvents: op((input: GetLogEventsRequest) => {
        const group = groupFrom(input);
        const stream = streamFrom(group, input.logStreamName ?? '');
        let lo = input.startTime !== undefined ? { timestamp: input.startTime, seq: 0 } : MIN_POSITION;
        let hi = input.endTime !== undefined ? { timestamp: input.endTime, seq: 0 } : MAX_POSITION;
        if (input.nextToken !== undefined) {
          const m = /^([fb])\/(\d{56})\/s$/.exec(input.nextToken);
          const pos = m ? parsePositionId(m[2] ?? '') : undefined;
          if (!m || !pos) throw badToken();
          if (m[1] === 'f' && comparePosition(pos, lo) > 0) lo = pos;
          if (m[1] === 'b' && comparePosition(pos, hi) < 0) hi = pos;
        }
        const now = store.now();
        const inRange =
          comparePosition(lo, hi) < 0
            ? stream.events.slice(upperBound(stream.events, lo), lowerBound(stream.events, hi))
            : [];
        const visible = inRange.filter((e) => e.visibleAt <= now);
        const limit = input.limit ?? 10_000;
        const page: StoredLogEvent[] = [];
        let bytes = 0;
        const fromHead = input.startFromHead === true;
        for (let i = 0; i < visible.length && page.length < limit; i++) {
          const e = visible[fromHead ? i : visible.length - 1 - i] as StoredLogEvent;
          if (bytes + eventBytes(e) > MAX_RESPONSE_BYTES) break;
          bytes += eventBytes(e);
          page.push(e);
        }
        if (!fromHead) page.reverse();
        const firstEvent = page[0];
        const lastEvent = page.at(-1);
        return {
          events: page.map((e) => ({ timestamp: e.timestamp, message: e.message, ingestionTime: e.ingestionTime })),
          nextForwardToken: `f/${positionId(lastEvent ?? lo)}/s`,
          nextBackwardToken: `b/${positionId(firstEvent ?? hi)}/s`,
        };
      }),

      FilterLogEvents: op((input: FilterLogEventsRequest) => {
        const group = groupFrom(input);
        if (input.logStreamNames !== undefined && input.logStreamNamePrefix !== undefined) {
          throw invalid('You cannot specify both logStreamNames and logStreamNamePrefix.');
        }
        const matches = compileFilterPattern(input.filterPattern);
        const after = input.nextToken
          ? parsePositionId(decodeToken<{ after: string }>(input.nextToken, badToken).after)
          : undefined;
        const now = store.now();
        const start = input.startTime ?? 0;
        const end = input.endTime ?? Number.MAX_SAFE_INTEGER;
        const selected: { stream: string; event: StoredLogEvent }[] = [];
        for (const s of group.streams.values()) {
          if (input.logStreamNames && !input.logStreamNames.includes(s.name)) continue;
          if (input.logStreamNamePrefix !== undefined && !s.name.startsWith(input.logStreamNamePrefix)) continue;
          for (const e of s.events) {
            if (e.timestamp < start || e.timestamp > end || e.visibleAt > now) continue;
            if (after && comparePosition(e, after) <= 0) continue;
            if (matches(e.message)) selected.push({ stream: s.name, event: e });
          }
        }
        selected.sort((a, b) => comparePosition(a.event, b.event));
        const limit = input.limit ?? 10_000;
        const page: typeof selected = [];
        let bytes = 0;
        for (const item of selected) {
          if (page.length >= limit || bytes + eventBytes(item.event) > MAX_RESPONSE_BYTES) break;
          bytes += eventBytes(item.event);
          page.push(item);
        }
        const last = page.at(-1);
        return {
          events: page.map(({ stream, event }) => ({
            logStreamName: stream,
            timestamp: event.timestamp,
            message: event.message,
            ingestionTime: event.ingestionTime,
            eventId: positionId(event),
          })),
          searchedLogStreams: [],
          ...(page.length < selected.length && last
            ? { nextToken: encodeToken({ after: positionId(last.event) }) }
            : {}),
        };
      }),

      StartLiveTail: op((input: StartLiveTailRequest, ctx) => {
        const ids = input.logGroupIdentifiers ?? [];
        const groups = ids.map((id) => {
          if (!id.startsWith('arn:')) {
            throw invalid(`Log group identifier must be an ARN: ${id}`);
          }
          if (id.endsWith('*')) throw invalid('LogGroup ARN must not end with a wildcard (*).');
          const group = store.resolveGroup(id);
          if (!group) throw new AwsError('ResourceNotFoundException', GROUP_NOT_FOUND);
          return { id, group };
        });
        if (input.logStreamNames && input.logStreamNamePrefixes) {
          throw invalid('Only one of logStreamNames or logStreamNamePrefixes can be specified.');
        }
        if ((input.logStreamNames || input.logStreamNamePrefixes) && groups.length !== 1) {
          throw invalid('logStreamNames and logStreamNamePrefixes can only be used with a single log group.');
        }
        const matches = compileFilterPattern(input.logEventFilterPattern);
        const wanted = (groupName: string, streamName: string): string | undefined => {
          const g = groups.find((x) => x.group.name === groupName);
          if (!g) return undefined;
          if (input.logStreamNames && !input.logStreamNames.includes(streamName)) return undefined;
          if (input.logStreamNamePrefixes && !input.logStreamNamePrefixes.some((p) => streamName.startsWith(p))) {
            return undefined;
          }
          return g.id;
        };
        const sessionId = uuid();
        return new EventStreamOutput(async (writer) => {
          const startedAt = store.now();
          // Follow the ingestion log: everything not yet visible at session start, and everything after.
          let cursor = store.ingestionLog.length;
          const pending = store.ingestionLog.filter((x) => x.event.visibleAt > startedAt);
          writer.event('initial-response', {});
          writer.event('sessionStart', {
            requestId: ctx.requestId,
            sessionId,
            logGroupIdentifiers: ids,
            ...(input.logStreamNames ? { logStreamNames: input.logStreamNames } : {}),
            ...(input.logStreamNamePrefixes ? { logStreamNamePrefixes: input.logStreamNamePrefixes } : {}),
            logEventFilterPattern: input.logEventFilterPattern ?? '',
          });
          while (!writer.signal.aborted) {
            await sleep(updateInterval, writer.signal);
            if (writer.signal.aborted) break;
            const now = store.now();
            if (now - startedAt >= sessionTimeout) {
              writer.exception('SessionTimeoutException', {
                message: `Session timed out after ${Math.round(sessionTimeout / 1000)} seconds.`,
              });
              break;
            }
            pending.push(...store.ingestionLog.slice(cursor));
            cursor = store.ingestionLog.length;
            const due = pending.filter((x) => x.event.visibleAt <= now);
            const keep = pending.filter((x) => x.event.visibleAt > now);
            pending.length = 0;
            pending.push(...keep);
            const results = due.flatMap(({ group, stream, event }) => {
              const id = wanted(group, stream);
              return id !== undefined && matches(event.message)
                ? [
                    {
                      logStreamName: stream,
                      logGroupIdentifier: id,
                      message: event.message,
                      timestamp: event.timestamp,
                      ingestionTime: event.ingestionTime,
                    },
                  ]
                : [];
            });
            const sampled = results.length > LIVE_TAIL_MAX_EVENTS;
            const step = results.length / LIVE_TAIL_MAX_EVENTS;
            const shown = sampled
              ? Array.from({ length: LIVE_TAIL_MAX_EVENTS }, (_, i) => results[Math.floor(i * step)])
              : results;
            writer.event('sessionUpdate', { sessionMetadata: { sampled }, sessionResults: shown });
          }
          writer.end();
        });
      }),
    },
  };
}
