/** CloudWatch Logs through the real SDK client: groups, streams, PutLogEvents rules, paging, filtering, Live Tail. */
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DescribeLogGroupsCommand,
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
  GetLogEventsCommand,
  PutLogEventsCommand,
  StartLiveTailCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import type { LiveTailSessionLogEvent, StartLiveTailResponseStream } from '@aws-sdk/client-cloudwatch-logs';
import { startEmulator } from '../harness/aws/server.js';
import type { Emulator } from '../harness/aws/server.js';
import { clientConfig, eventually, rejectionOf } from './helpers.js';

let emulator: Emulator;
let client: CloudWatchLogsClient;

beforeAll(async () => {
  emulator = await startEmulator({ liveTail: { updateIntervalMs: 50, sessionTimeoutMs: 60_000 } });
  client = new CloudWatchLogsClient(clientConfig(emulator));
});
afterAll(async () => {
  client.destroy();
  await emulator.close();
});
afterEach(() => emulator.faults.clear());

async function stream(group: string, name: string): Promise<void> {
  if (!emulator.state.logs.groups.has(group)) await client.send(new CreateLogGroupCommand({ logGroupName: group }));
  await client.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: name }));
}

describe('groups and streams', () => {
  test('create, describe, and the errors for duplicates and missing groups', async () => {
    await stream('/app/one', 's1');
    await client.send(new CreateLogStreamCommand({ logGroupName: '/app/one', logStreamName: 's2' }));
    const groups = await client.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/app/' }));
    expect(groups.logGroups?.map((g) => g.logGroupName)).toEqual(['/app/one']);
    expect(groups.logGroups?.[0]).toMatchObject({
      arn: 'arn:aws:logs:us-east-1:000000000000:log-group:/app/one:*',
      logGroupArn: 'arn:aws:logs:us-east-1:000000000000:log-group:/app/one',
      logGroupClass: 'STANDARD',
    });
    const streams = await client.send(new DescribeLogStreamsCommand({ logGroupName: '/app/one' }));
    expect(streams.logStreams?.map((s) => s.logStreamName)).toEqual(['s1', 's2']);

    const dup = await rejectionOf(client.send(new CreateLogGroupCommand({ logGroupName: '/app/one' })));
    expect(dup.name).toBe('ResourceAlreadyExistsException');
    const missing = await rejectionOf(
      client.send(new CreateLogStreamCommand({ logGroupName: '/nope', logStreamName: 'x' })),
    );
    expect(missing.name).toBe('ResourceNotFoundException');
    expect(missing.message).toBe('The specified log group does not exist.');
    const reserved = await rejectionOf(client.send(new CreateLogGroupCommand({ logGroupName: 'aws/mine' })));
    expect(reserved.message).toBe('Log groups starting with AWS/ are reserved for AWS.');
    const byTime = await rejectionOf(
      client.send(
        new DescribeLogStreamsCommand({ logGroupName: '/app/one', orderBy: 'LastEventTime', logStreamNamePrefix: 's' }),
      ),
    );
    expect(byTime.name).toBe('InvalidParameterException');
  });
});

describe('PutLogEvents', () => {
  beforeAll(() => stream('/put', 's'));
  const put = (logEvents: { timestamp: number; message: string }[]) =>
    client.send(new PutLogEventsCommand({ logGroupName: '/put', logStreamName: 's', logEvents }));

  test('rejects batches out of chronological order', async () => {
    const now = Date.now();
    const err = await rejectionOf(
      put([
        { timestamp: now, message: 'b' },
        { timestamp: now - 1, message: 'a' },
      ]),
    );
    expect(err.name).toBe('InvalidParameterException');
    expect(err.message).toBe('Log events in a single PutLogEvents request must be in chronological order.');
  });

  test('rejects batches over 1,048,576 bytes counting 26 bytes per event', async () => {
    const now = Date.now();
    const message = 'x'.repeat(1_048_576 - 26 - 26 - 1);
    await expect(
      put([
        { timestamp: now, message },
        { timestamp: now, message: 'y' },
      ]),
    ).resolves.toBeDefined();
    const err = await rejectionOf(
      put([
        { timestamp: now, message },
        { timestamp: now, message: 'yz' },
      ]),
    );
    expect(err.message).toBe('Upload too large: 1048577 bytes exceeds limit of 1048576');
  });

  test('reports too old and too new events and keeps the rest', async () => {
    const now = Date.now();
    const res = await put([
      { timestamp: now - 15 * 24 * 3600 * 1000, message: 'old' },
      { timestamp: now, message: 'fine' },
      { timestamp: now + 3 * 3600 * 1000, message: 'future' },
    ]);
    expect(res.rejectedLogEventsInfo).toEqual({ tooOldLogEventEndIndex: 0, tooNewLogEventStartIndex: 2 });
    expect(emulator.state.logs.visibleEvents('/put', 's').map((e) => e.message)).toContain('fine');
  });

  test('rejects a batch spanning more than 24 hours', async () => {
    const now = Date.now();
    const err = await rejectionOf(
      put([
        { timestamp: now - 25 * 3600 * 1000, message: 'a' },
        { timestamp: now, message: 'b' },
      ]),
    );
    expect(err.message).toMatch(/cannot span more than 24 hours/);
  });

  test('an empty message breaks the model constraint', async () => {
    const err = await rejectionOf(put([{ timestamp: Date.now(), message: '' }]));
    expect(err.message).toBe(
      "1 validation error detected: Value '' at 'logEvents.1.member.message' failed to satisfy constraint: " +
        'Member must have length greater than or equal to 1',
    );
  });
});

describe('GetLogEvents paging', () => {
  const total = 25_000;
  beforeAll(async () => {
    await stream('/paging', 's');
    const base = Date.now() - 60_000;
    for (let i = 0; i < total; i += 10_000) {
      const logEvents = Array.from({ length: Math.min(10_000, total - i) }, (_, j) => ({
        timestamp: base + i + j,
        message: `event ${i + j}`,
      }));
      await client.send(new PutLogEventsCommand({ logGroupName: '/paging', logStreamName: 's', logEvents }));
    }
  });

  test('25,000 events come in 3 forward pages, then the same token comes back', async () => {
    const sizes: number[] = [];
    const seen: string[] = [];
    let token: string | undefined;
    for (;;) {
      const page = await client.send(
        new GetLogEventsCommand({ logGroupName: '/paging', logStreamName: 's', startFromHead: true, nextToken: token }),
      );
      if (page.nextForwardToken === token) {
        expect(page.events).toEqual([]);
        break;
      }
      sizes.push(page.events?.length ?? 0);
      seen.push(...(page.events ?? []).map((e) => e.message ?? ''));
      expect(page.nextForwardToken).toMatch(/^f\/\d{56}\/s$/);
      expect(page.nextBackwardToken).toMatch(/^b\/\d{56}\/s$/);
      token = page.nextForwardToken;
    }
    expect(sizes).toEqual([10_000, 10_000, 5_000]);
    expect(seen).toEqual(Array.from({ length: total }, (_, i) => `event ${i}`));
  });

  test('without startFromHead the newest events come first; backward tokens walk to the head', async () => {
    const first = await client.send(
      new GetLogEventsCommand({ logGroupName: '/paging', logStreamName: 's', limit: 100 }),
    );
    expect(first.events?.at(-1)?.message).toBe(`event ${total - 1}`);
    expect(first.events?.[0]?.message).toBe(`event ${total - 100}`);
    const back = await client.send(
      new GetLogEventsCommand({
        logGroupName: '/paging',
        logStreamName: 's',
        limit: 100,
        nextToken: first.nextBackwardToken,
      }),
    );
    expect(back.events?.[0]?.message).toBe(`event ${total - 200}`);
  });

  test('startTime is inclusive, endTime exclusive; logGroupIdentifier takes an ARN', async () => {
    const all = emulator.state.logs.visibleEvents('/paging', 's');
    const t0 = all[10]?.timestamp ?? 0;
    const page = await client.send(
      new GetLogEventsCommand({
        logGroupIdentifier: 'arn:aws:logs:us-east-1:000000000000:log-group:/paging',
        logStreamName: 's',
        startTime: t0,
        endTime: t0 + 5,
        startFromHead: true,
      }),
    );
    expect(page.events?.map((e) => e.message)).toEqual(['event 10', 'event 11', 'event 12', 'event 13', 'event 14']);
  });

  test('a malformed token is InvalidParameterException', async () => {
    const err = await rejectionOf(
      client.send(new GetLogEventsCommand({ logGroupName: '/paging', logStreamName: 's', nextToken: 'f/123/s' })),
    );
    expect(err.name).toBe('InvalidParameterException');
  });
});

describe('FilterLogEvents', () => {
  beforeAll(async () => {
    await stream('/filter', 'a');
    await client.send(new CreateLogStreamCommand({ logGroupName: '/filter', logStreamName: 'b' }));
    const now = Date.now();
    const put = (s: string, messages: string[], offset: number) =>
      client.send(
        new PutLogEventsCommand({
          logGroupName: '/filter',
          logStreamName: s,
          logEvents: messages.map((message, i) => ({ timestamp: now + offset + i * 2, message })),
        }),
      );
    await put('a', ['ERROR disk full', 'INFO ok', 'ERROR retrying later', 'WARN slow'], 0);
    await put('b', ['ERROR in b', 'INFO b fine'], 1);
  });

  test('interleaves streams by timestamp and applies term patterns', async () => {
    const all = await client.send(new FilterLogEventsCommand({ logGroupName: '/filter' }));
    expect(all.events?.map((e) => e.message)).toEqual([
      'ERROR disk full',
      'ERROR in b',
      'INFO ok',
      'INFO b fine',
      'ERROR retrying later',
      'WARN slow',
    ]);
    const errors = await client.send(
      new FilterLogEventsCommand({ logGroupName: '/filter', filterPattern: 'ERROR -retrying' }),
    );
    expect(errors.events?.map((e) => e.message)).toEqual(['ERROR disk full', 'ERROR in b']);
    const any = await client.send(
      new FilterLogEventsCommand({
        logGroupName: '/filter',
        filterPattern: '?WARN ?"disk full"',
        logStreamNames: ['a'],
      }),
    );
    expect(any.events?.map((e) => e.message)).toEqual(['ERROR disk full', 'WARN slow']);
    expect(any.events?.[0]?.eventId).toMatch(/^\d{56}$/);
  });

  test('pages with nextToken until it is absent', async () => {
    const messages: string[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const page = await client.send(new FilterLogEventsCommand({ logGroupName: '/filter', limit: 4, nextToken }));
      messages.push(...(page.events ?? []).map((e) => e.message ?? ''));
      nextToken = page.nextToken;
      pages++;
    } while (nextToken);
    expect(pages).toBe(2);
    expect(messages).toHaveLength(6);
  });

  test('JSON patterns are not emulated and say so', async () => {
    const err = await rejectionOf(
      client.send(new FilterLogEventsCommand({ logGroupName: '/filter', filterPattern: '{ $.level = "x" }' })),
    );
    expect(err.name).toBe('NotImplementedByEmulator');
  });
});

describe('ingestion delay', () => {
  test('events are invisible to reads until the delay has passed', async () => {
    await stream('/delay', 's');
    emulator.faults.setService('logs', { ingestionDelayMs: 300 });
    await client.send(
      new PutLogEventsCommand({
        logGroupName: '/delay',
        logStreamName: 's',
        logEvents: [{ timestamp: Date.now(), message: 'late' }],
      }),
    );
    const early = await client.send(new GetLogEventsCommand({ logGroupName: '/delay', logStreamName: 's' }));
    expect(early.events).toEqual([]);
    const later = await eventually(async () => {
      const page = await client.send(new GetLogEventsCommand({ logGroupName: '/delay', logStreamName: 's' }));
      return page.events?.length ? page : undefined;
    });
    expect(later.events?.[0]?.message).toBe('late');
  });
});

describe('StartLiveTail', () => {
  const arn = 'arn:aws:logs:us-east-1:000000000000:log-group:/tail';
  beforeAll(() => stream('/tail', 's'));

  async function tail(http2: boolean): Promise<void> {
    const tailClient = new CloudWatchLogsClient({ ...clientConfig(emulator, { http2 }), disableHostPrefix: true });
    const abort = new AbortController();
    const response = await tailClient.send(
      new StartLiveTailCommand({ logGroupIdentifiers: [arn], logEventFilterPattern: 'tail' }),
      { abortSignal: abort.signal },
    );
    const received: LiveTailSessionLogEvent[] = [];
    let started = false;
    const reader = (async () => {
      for await (const event of response.responseStream as AsyncIterable<StartLiveTailResponseStream>) {
        if (event.sessionStart) {
          started = true;
          expect(event.sessionStart.logGroupIdentifiers).toEqual([arn]);
        }
        received.push(...(event.sessionUpdate?.sessionResults ?? []));
        if (received.length >= 2) break;
      }
    })();
    await eventually(async () => (started ? true : undefined));
    await client.send(
      new PutLogEventsCommand({
        logGroupName: '/tail',
        logStreamName: 's',
        logEvents: [
          { timestamp: Date.now(), message: `tail one ${http2}` },
          { timestamp: Date.now(), message: 'not matching' },
          { timestamp: Date.now(), message: `tail two ${http2}` },
        ],
      }),
    );
    await reader;
    abort.abort();
    tailClient.destroy();
    expect(received.map((e) => e.message)).toEqual([`tail one ${http2}`, `tail two ${http2}`]);
    expect(received[0]).toMatchObject({ logGroupIdentifier: arn, logStreamName: 's' });
  }

  test('delivers events put after the session started (HTTP/2)', () => tail(true));
  test('delivers events put after the session started (HTTP/1.1)', () => tail(false));

  test('a log group name instead of an ARN is rejected', async () => {
    const tailClient = new CloudWatchLogsClient({ ...clientConfig(emulator), disableHostPrefix: true });
    const err = await rejectionOf(tailClient.send(new StartLiveTailCommand({ logGroupIdentifiers: ['/tail'] })));
    expect(err.name).toBe('InvalidParameterException');
  });

  test('the session ends with SessionTimeoutException', async () => {
    const short = await startEmulator({ liveTail: { updateIntervalMs: 20, sessionTimeoutMs: 100 } });
    const c = new CloudWatchLogsClient({ ...clientConfig(short), disableHostPrefix: true });
    await c.send(new CreateLogGroupCommand({ logGroupName: '/t' }));
    const response = await c.send(
      new StartLiveTailCommand({ logGroupIdentifiers: ['arn:aws:logs:us-east-1:000000000000:log-group:/t'] }),
    );
    const err = await rejectionOf(
      (async () => {
        for await (const _event of response.responseStream as AsyncIterable<StartLiveTailResponseStream>) {
          // drain until the exception
        }
      })(),
    );
    expect(err.name).toBe('SessionTimeoutException');
    c.destroy();
    await short.close();
  });
});
