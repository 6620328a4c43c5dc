/**
 * CloudWatch Logs: client factories and the two reads a build's log needs, GetLogEvents (pages with a forward
 * token) and StartLiveTail (an event stream, here over HTTP/2).
 *
 * With a configured endpoint (AWS_ENDPOINT_URL…, an emulator or LocalStack) the SDK's host prefix for Live Tail
 * (`streaming-logs.`) is left off: it only makes sense for AWS's own host names.
 */
import {
  CloudWatchLogsClient,
  GetLogEventsCommand,
  StartLiveTailCommand,
  type StartLiveTailResponseStream,
} from '@aws-sdk/client-cloudwatch-logs';
import { NodeHttp2Handler } from '@smithy/node-http-handler';
import { UserError } from '../core/errors.js';
import { clientConfig, withCredentialSource, type ClientOptions } from './config.js';
import { credentialRejection, describeAwsError, isAccessDenied } from './errors.js';

/** Idle time after which a Live Tail connection counts as dead (AWS sends an update every second). */
const LIVE_TAIL_IDLE_TIMEOUT_MS = 30_000;

export function createLogsClient(opts: ClientOptions = {}): CloudWatchLogsClient {
  const config = clientConfig({ service: 'CloudWatch Logs', ...opts });
  return withCredentialSource(
    new CloudWatchLogsClient({ ...config, disableHostPrefix: config.endpoint !== undefined }),
    opts,
  );
}

/** A client for StartLiveTail: HTTP/2, so sessions share one connection and no proxy buffers the stream. */
export function createLiveTailClient(opts: ClientOptions = {}): CloudWatchLogsClient {
  const config = clientConfig({ service: 'CloudWatch Logs', ...opts });
  const client = new CloudWatchLogsClient({
    ...config,
    disableHostPrefix: config.endpoint !== undefined,
    requestHandler: new NodeHttp2Handler({ requestTimeout: LIVE_TAIL_IDLE_TIMEOUT_MS }),
  });
  return withCredentialSource(client, opts);
}

export interface LogEvent {
  /** Epoch ms the line was written. */
  readonly timestamp: number;
  readonly message: string;
  readonly ingestionTime?: number;
}

export interface LogStreamRef {
  readonly group: string;
  readonly stream: string;
  /** `arn:aws:logs:<region>:<account>:log-group:<group>` (no `:*`), which Live Tail needs. */
  readonly groupArn?: string;
}

export interface LogPage {
  readonly events: readonly LogEvent[];
  readonly nextForwardToken?: string;
}

/** What a Live Tail session delivers: the session start, then an update about every second. */
export type LiveTailMessage =
  | { readonly type: 'start' }
  | { readonly type: 'update'; readonly events: readonly LogEvent[]; readonly sampled: boolean };

/** What following a log needs from CloudWatch Logs; `logsApi(...)` implements it, tests fake it. */
export interface LogsApi {
  /** One GetLogEvents page, oldest first: after `nextToken`, or from `startTime` (inclusive), or from the head. */
  getLogEvents(
    stream: LogStreamRef,
    from: { readonly nextToken?: string; readonly startTime?: number },
    signal?: AbortSignal,
  ): Promise<LogPage>;
  /** Opens a Live Tail session on one stream; the iterable ends or throws when the session does. */
  startLiveTail(stream: LogStreamRef, signal: AbortSignal): Promise<AsyncIterable<LiveTailMessage>>;
}

export function logsApi(client: CloudWatchLogsClient, liveTailClient: CloudWatchLogsClient = client): LogsApi {
  return {
    async getLogEvents(stream, from, signal) {
      try {
        const out = await client.send(
          new GetLogEventsCommand({
            logGroupName: stream.group,
            logStreamName: stream.stream,
            startFromHead: true,
            ...(from.nextToken !== undefined ? { nextToken: from.nextToken } : {}),
            ...(from.nextToken === undefined && from.startTime !== undefined ? { startTime: from.startTime } : {}),
          }),
          { abortSignal: signal },
        );
        const events = (out.events ?? []).map((e) => ({
          timestamp: e.timestamp ?? 0,
          message: e.message ?? '',
          ...(e.ingestionTime !== undefined ? { ingestionTime: e.ingestionTime } : {}),
        }));
        return { events, nextForwardToken: out.nextForwardToken };
      } catch (error) {
        throw logsError(error, 'GetLogEvents', `${stream.group} ${stream.stream}`);
      }
    },

    async startLiveTail(stream, signal) {
      if (stream.groupArn === undefined) throw new UserError('Live Tail needs the log group ARN');
      let response;
      try {
        response = await liveTailClient.send(
          new StartLiveTailCommand({ logGroupIdentifiers: [stream.groupArn], logStreamNames: [stream.stream] }),
          { abortSignal: signal },
        );
      } catch (error) {
        throw logsError(error, 'StartLiveTail', stream.group);
      }
      const events = response.responseStream;
      if (events === undefined) throw new Error('StartLiveTail answered without an event stream');
      return liveTailMessages(events);
    },
  };
}

async function* liveTailMessages(stream: AsyncIterable<StartLiveTailResponseStream>): AsyncIterable<LiveTailMessage> {
  for await (const item of stream) {
    if (item.sessionStart) yield { type: 'start' };
    else if (item.sessionUpdate) {
      const events = (item.sessionUpdate.sessionResults ?? []).map((e) => ({
        timestamp: e.timestamp ?? 0,
        message: e.message ?? '',
        ...(e.ingestionTime !== undefined ? { ingestionTime: e.ingestionTime } : {}),
      }));
      yield { type: 'update', events, sampled: item.sessionUpdate.sessionMetadata?.sampled === true };
    } else if (item.SessionTimeoutException) throw Object.assign(new Error('Live Tail session timed out'), item);
    else if (item.SessionStreamingException) throw Object.assign(new Error('Live Tail stream failed'), item);
  }
}

/**
 * Access denied becomes a UserError naming the action, credentials AWS rejected one saying so; anything else is
 * rethrown for the caller to judge.
 */
function logsError(error: unknown, action: string, subject: string): unknown {
  if (credentialRejection(error) !== undefined) {
    return new UserError(`${action} ${subject}: ${describeAwsError(error)}`, { cause: error });
  }
  if (!isAccessDenied(error)) return error;
  const reason = describeAwsError(error);
  const named = reason.startsWith('missing IAM permission') ? reason : `missing IAM permission logs:${action}`;
  return new UserError(`${action} ${subject}: ${named}`, { cause: error });
}
