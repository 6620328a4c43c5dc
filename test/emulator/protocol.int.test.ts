/** Wire level: HTTP/1.1 and HTTP/2 on one port, SigV4, awsJson and awsQuery error shapes, validation, faults. */
import { CloudWatchLogsClient, CreateLogGroupCommand, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { createHash, createHmac } from 'node:crypto';
import { decodeMessages, encodeMessage, jsonEvent } from '../harness/aws/eventstream.js';
import { startEmulator } from '../harness/aws/server.js';
import type { Emulator, RequestLogEntry } from '../harness/aws/server.js';
import { canonicalQuery, canonicalUri, formatAmzDate, parseQuery, signingKey } from '../harness/aws/sigv4.js';
import { clientConfig, rejectionOf } from './helpers.js';

let emulator: Emulator;
const requests: RequestLogEntry[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ onRequest: (e) => requests.push(e) });
});
afterAll(() => emulator.close());
afterEach(() => emulator.faults.clear());

const logs = (options: Parameters<typeof clientConfig>[1] = {}) =>
  new CloudWatchLogsClient(clientConfig(emulator, options));

describe('transport', () => {
  test('serves HTTP/1.1 and cleartext HTTP/2 on the same port', async () => {
    requests.length = 0;
    await logs().send(new DescribeLogGroupsCommand({}));
    const h2 = logs({ http2: true });
    await h2.send(new DescribeLogGroupsCommand({}));
    h2.destroy();
    expect(requests.map((r) => r.httpVersion)).toEqual(['1.1', '2']);
  });

  test('an unsigned request is MissingAuthenticationTokenException (403)', async () => {
    const res = await fetch(emulator.url, {
      method: 'POST',
      headers: { 'x-amz-target': 'Logs_20140328.DescribeLogGroups', 'content-type': 'application/x-amz-json-1.1' },
      body: '{}',
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
    expect(await res.json()).toEqual({
      __type: 'MissingAuthenticationTokenException',
      message: 'Missing Authentication Token',
    });
  });

  test('an unknown operation is UnknownOperationException', async () => {
    const res = await signedFetch('Logs_20140328.NoSuchOperation', 'logs');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { __type: string }).__type).toBe('UnknownOperationException');
  });

  test('an operation AWS has but the emulator lacks fails loudly (501)', async () => {
    const res = await signedFetch('Logs_20140328.DeleteLogGroup', 'logs');
    expect(res.status).toBe(501);
    expect(((await res.json()) as { __type: string }).__type).toBe('NotImplementedByEmulator');
  });
});

/** A hand-signed awsJson request (independent of the SDK's signer). */
async function signedFetch(target: string, service: string, body = '{}'): Promise<Response> {
  const url = new URL(emulator.url);
  const amzDate = formatAmzDate(Date.now());
  const headers: Record<string, string> = {
    'content-type': 'application/x-amz-json-1.1',
    host: url.host,
    'x-amz-date': amzDate,
    'x-amz-target': target,
  };
  const signed = Object.keys(headers).sort();
  const canonical = [
    'POST',
    canonicalUri('/', false),
    canonicalQuery(parseQuery('')),
    signed.map((h) => `${h}:${headers[h]}\n`).join(''),
    signed.join(';'),
    createHash('sha256').update(body).digest('hex'),
  ].join('\n');
  const scope = `${amzDate.slice(0, 8)}/us-east-1/${service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, createHash('sha256').update(canonical).digest('hex')].join('\n');
  const signature = createHmac('sha256', signingKey('test', amzDate.slice(0, 8), 'us-east-1', service))
    .update(toSign)
    .digest('hex');
  return fetch(emulator.url, {
    method: 'POST',
    headers: {
      ...headers,
      authorization: `AWS4-HMAC-SHA256 Credential=test/${scope}, SignedHeaders=${signed.join(';')}, Signature=${signature}`,
    },
    body,
  });
}

describe('SigV4', () => {
  test('a wrong secret is InvalidSignatureException', async () => {
    const err = await rejectionOf(
      logs({ secretAccessKey: 'wrong', maxAttempts: 1 }).send(new DescribeLogGroupsCommand({})),
    );
    expect(err.name).toBe('InvalidSignatureException');
    expect(err.message).toMatch(/^The request signature we calculated does not match the signature you provided/);
    expect(err.$metadata?.httpStatusCode).toBe(403);
  });

  test('an unknown access key is UnrecognizedClientException', async () => {
    const err = await rejectionOf(
      logs({ accessKeyId: 'AKIDUNKNOWN', maxAttempts: 1 }).send(new DescribeLogGroupsCommand({})),
    );
    expect(err.name).toBe('UnrecognizedClientException');
    expect(err.message).toBe('The security token included in the request is invalid.');
  });

  test('a clock 20 minutes off is "Signature expired"; with retries the SDK corrects its clock skew', async () => {
    const offset = -20 * 60 * 1000;
    const err = await rejectionOf(
      logs({ systemClockOffset: offset, maxAttempts: 1 }).send(new DescribeLogGroupsCommand({})),
    );
    expect(err.name).toBe('InvalidSignatureException');
    expect(err.message).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than/);
    await expect(logs({ systemClockOffset: offset }).send(new DescribeLogGroupsCommand({}))).resolves.toBeDefined();
  });

  test('a request signed for another region is rejected', async () => {
    const client = new CloudWatchLogsClient({ ...clientConfig(emulator, { maxAttempts: 1 }), region: 'eu-west-1' });
    const err = await rejectionOf(client.send(new DescribeLogGroupsCommand({})));
    expect(err.name).toBe('InvalidSignatureException');
    expect(err.message).toMatch(/Credential should be scoped to a valid region/);
  });

  test('keys added at run time are accepted', async () => {
    emulator.credentials.set('AKIDEXTRA', 'extra-secret');
    const client = logs({ accessKeyId: 'AKIDEXTRA', secretAccessKey: 'extra-secret' });
    await expect(client.send(new DescribeLogGroupsCommand({}))).resolves.toBeDefined();
  });
});

describe('STS (awsQuery)', () => {
  test('GetCallerIdentity answers with the configured account', async () => {
    const sts = new STSClient(clientConfig(emulator));
    const id = await sts.send(new GetCallerIdentityCommand({}));
    expect(id).toMatchObject({ Account: '000000000000', Arn: 'arn:aws:iam::000000000000:root' });
  });

  test('errors are XML: InvalidClientTokenId / SignatureDoesNotMatch', async () => {
    const unknown = await rejectionOf(
      new STSClient(clientConfig(emulator, { accessKeyId: 'nope', maxAttempts: 1 })).send(
        new GetCallerIdentityCommand({}),
      ),
    );
    expect(unknown.name).toBe('InvalidClientTokenId');
    const wrong = await rejectionOf(
      new STSClient(clientConfig(emulator, { secretAccessKey: 'nope', maxAttempts: 1 })).send(
        new GetCallerIdentityCommand({}),
      ),
    );
    expect(wrong.name).toBe('SignatureDoesNotMatch');
    expect(wrong.$metadata?.httpStatusCode).toBe(403);
  });
});

describe('model validation', () => {
  test('constraint violations use AWS wording and the service error code', async () => {
    const err = await rejectionOf(logs().send(new CreateLogGroupCommand({ logGroupName: 'bad name:1' })));
    expect(err.name).toBe('InvalidParameterException');
    expect(err.message).toBe(
      "1 validation error detected: Value 'bad name:1' at 'logGroupName' failed to satisfy constraint: " +
        'Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+',
    );
  });
});

describe('fault injection', () => {
  test('throttling surfaces ThrottlingException without retries and succeeds with them', async () => {
    emulator.faults.configure({ seed: 7, services: { logs: { throttleRate: 1 } } });
    const err = await rejectionOf(logs({ maxAttempts: 1 }).send(new DescribeLogGroupsCommand({})));
    expect(err.name).toBe('ThrottlingException');
    expect(err.message).toBe('Rate exceeded');
    expect(err.$metadata?.httpStatusCode).toBe(400);

    emulator.faults.configure({ seed: 7, services: { logs: { throttleRate: 0.5 } } });
    await expect(logs({ maxAttempts: 10 }).send(new DescribeLogGroupsCommand({}))).resolves.toBeDefined();
  });

  test('throttling of one service leaves the others alone', async () => {
    emulator.faults.configure({ services: { logs: { throttleRate: 1 } } });
    const sts = new STSClient(clientConfig(emulator, { maxAttempts: 1 }));
    await expect(sts.send(new GetCallerIdentityCommand({}))).resolves.toBeDefined();
  });

  test('connection resets fail a call without retries; retries get through', async () => {
    emulator.faults.configure({ seed: 3, resetRate: 1 });
    const err = await rejectionOf(logs({ maxAttempts: 1 }).send(new DescribeLogGroupsCommand({})));
    expect(String((err as { code?: string }).code ?? err.message)).toMatch(/ECONNRESET|socket hang up|EPIPE/);
    emulator.faults.configure({ seed: 3, resetRate: 0.5 });
    await expect(logs({ maxAttempts: 10 }).send(new DescribeLogGroupsCommand({}))).resolves.toBeDefined();
  });

  test("a reset after the operation ran loses only the response: the SDK's retry then sees the effect", async () => {
    emulator.faults.configure({ services: { logs: { resetRate: 1, resetPhase: 'after' } } });
    const first = logs({ maxAttempts: 1 }).send(new CreateLogGroupCommand({ logGroupName: '/reset/after' }));
    await expect(first).rejects.toBeDefined();
    emulator.faults.clear();
    const again = await rejectionOf(logs().send(new CreateLogGroupCommand({ logGroupName: '/reset/after' })));
    expect(again.name).toBe('ResourceAlreadyExistsException');
  });

  test('the same seed gives the same faults', () => {
    const draw = () => {
      emulator.faults.configure({ seed: 42, throttleRate: 0.5 });
      return Array.from({ length: 20 }, () => emulator.faults.decide('ssm').throttle);
    };
    expect(draw()).toEqual(draw());
  });
});

describe('event stream framing', () => {
  test('round-trips frames with valid CRCs', () => {
    const frames = Buffer.concat([
      jsonEvent('sessionStart', { a: 1 }),
      encodeMessage({ headers: { n: { type: 'integer', value: 5 } }, payload: Buffer.from('x') }),
    ]);
    const { messages, rest } = decodeMessages(frames);
    expect(rest.length).toBe(0);
    expect(messages[0]?.headers[':event-type']).toEqual({ type: 'string', value: 'sessionStart' });
    expect(JSON.parse(messages[0]?.payload.toString() ?? '')).toEqual({ a: 1 });
    expect(messages[1]?.headers.n).toEqual({ type: 'integer', value: 5 });
    const corrupt = Buffer.from(frames);
    corrupt[20] = (corrupt[20] ?? 0) ^ 0xff;
    expect(() => decodeMessages(corrupt)).toThrow(/CRC/);
  });
});
