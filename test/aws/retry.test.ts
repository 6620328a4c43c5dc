import { GetParametersCommand } from '@aws-sdk/client-ssm';
import nock from 'nock';
import { describeAwsError } from '../../src/aws/errors.js';
import { BackoffRetryStrategy } from '../../src/aws/retry.js';
import { createSsmClient, getParameters, ParameterError } from '../../src/aws/ssm.js';
import { connectionError, fakeOptions, FAKE_ENDPOINT, JSON_11, serviceError, useNock } from './fake-aws.js';

useNock();

const THROTTLED = { __type: 'com.amazon.coral.availability#ThrottlingException', message: 'Rate exceeded' };
const OK = { Parameters: [{ Name: '/a', Value: 'one', Type: 'SecureString' }], InvalidParameters: [] };

describe('BackoffRetryStrategy', () => {
  function strategy(maxAttempts = 4, random = () => 0.5) {
    const sleeps: number[] = [];
    const s = new BackoffRetryStrategy({ maxAttempts, random, sleep: async (ms) => void sleeps.push(ms) });
    return { s, sleeps };
  }

  test('throttling: jittered exponential back-off from a 500 ms base, slept by the injected sleep', async () => {
    const { s, sleeps } = strategy(4);
    let token = await s.acquireInitialRetryToken();
    for (let i = 0; i < 3; i++) {
      token = await s.refreshRetryTokenForRetry(token, {
        errorType: 'THROTTLING',
        error: serviceError('ThrottlingException', 'Rate exceeded'),
      });
      expect(token.getRetryDelay()).toBe(0);
    }
    expect(sleeps).toEqual([250, 500, 1000]);
    await expect(s.refreshRetryTokenForRetry(token, { errorType: 'THROTTLING' })).rejects.toThrow(/no retry/);
  });

  test('transient errors back off from 100 ms; the jitter spans [0, cap)', async () => {
    const { s, sleeps } = strategy(5, () => 0.999);
    let token = await s.acquireInitialRetryToken();
    for (let i = 0; i < 3; i++) token = await s.refreshRetryTokenForRetry(token, { errorType: 'TRANSIENT' });
    expect(sleeps).toEqual([99, 199, 399]);
    const zero = strategy(5, () => 0);
    await zero.s.refreshRetryTokenForRetry(await zero.s.acquireInitialRetryToken(), { errorType: 'TRANSIENT' });
    expect(zero.sleeps).toEqual([0]);
  });

  test('"Rate exceeded" under another code and connection resets are retried; client errors are not', async () => {
    const { s, sleeps } = strategy(5);
    const t0 = await s.acquireInitialRetryToken();
    const rate = serviceError('LimitReachedSomewhere', 'Rate exceeded');
    await s.refreshRetryTokenForRetry(t0, { errorType: 'CLIENT_ERROR', error: rate });
    const reset = connectionError('ECONNRESET', 'socket hang up');
    await s.refreshRetryTokenForRetry(t0, { errorType: 'CLIENT_ERROR', error: reset });
    expect(sleeps).toEqual([250, 50]);
    const denied = serviceError('AccessDeniedException', 'no');
    await expect(s.refreshRetryTokenForRetry(t0, { errorType: 'CLIENT_ERROR', error: denied })).rejects.toThrow();
    await expect(s.refreshRetryTokenForRetry(t0, { errorType: 'SERVER_ERROR' })).rejects.toThrow();
  });

  test('a Retry-After hint is honoured up to the cap', async () => {
    const { s, sleeps } = strategy(3);
    const hint = new Date(Date.now() + 5000);
    await s.refreshRetryTokenForRetry(await s.acquireInitialRetryToken(), {
      errorType: 'THROTTLING',
      retryAfterHint: hint,
    });
    expect(sleeps[0]).toBeGreaterThan(4000);
    expect(sleeps[0]).toBeLessThanOrEqual(5000);
  });

  test('the retry budget runs out under sustained failure and refills on success', async () => {
    const { s } = strategy(1000);
    const t0 = await s.acquireInitialRetryToken();
    let retries = 0;
    let last = t0;
    try {
      for (;;) {
        last = await s.refreshRetryTokenForRetry(last, { errorType: 'TRANSIENT' });
        retries++;
      }
    } catch {
      // budget spent
    }
    expect(retries).toBe(50);
    s.recordSuccess(last);
    await expect(s.refreshRetryTokenForRetry(t0, { errorType: 'TRANSIENT' })).resolves.toBeDefined();
  });
});

describe('retries over real HTTP (nock, loopback endpoint)', () => {
  test('two ThrottlingException responses, then success: 3 requests, 2 back-off sleeps', async () => {
    let requests = 0;
    nock(FAKE_ENDPOINT)
      .post('/')
      .times(2)
      .reply(() => (requests++, [400, THROTTLED, JSON_11]))
      .post('/')
      .reply(() => (requests++, [200, OK, JSON_11]));
    const options = fakeOptions({ maxAttempts: 3 });
    const values = await getParameters(createSsmClient(options), ['/a']);
    expect(values.get('/a')).toBe('one');
    expect(requests).toBe(3);
    expect(options.sleeps).toEqual([250, 500]);
  });

  test('a connection reset is retried', async () => {
    nock(FAKE_ENDPOINT)
      .post('/')
      .replyWithError(connectionError('ECONNRESET', 'socket hang up'))
      .post('/')
      .reply(200, OK, JSON_11);
    const options = fakeOptions();
    expect((await getParameters(createSsmClient(options), ['/a'])).get('/a')).toBe('one');
    expect(options.sleeps).toHaveLength(1);
  });

  test('throttled on every attempt: the attempts stop at maxAttempts and the error says so', async () => {
    let requests = 0;
    nock(FAKE_ENDPOINT)
      .post('/')
      .times(5)
      .reply(() => (requests++, [400, THROTTLED, JSON_11]));
    const error = await getParameters(createSsmClient(fakeOptions({ maxAttempts: 3 })), ['/a']).catch(
      (e: unknown) => e,
    );
    expect(requests).toBe(3);
    expect(error).toBeInstanceOf(ParameterError);
    expect((error as Error).message).toBe(
      'cannot read parameter "/a": AWS throttled the request (ThrottlingException: Rate exceeded) after 3 attempts; try again later',
    );
  });

  test('an access-denied response is not retried', async () => {
    let requests = 0;
    const body = {
      __type: 'AccessDeniedException',
      message:
        'User: arn:aws:sts::111122223333:assumed-role/ci/x is not authorized to perform: ssm:GetParameters on resource: ' +
        'arn:aws:ssm:us-east-1:111122223333:parameter/a because no identity-based policy allows the ssm:GetParameters action',
    };
    nock(FAKE_ENDPOINT)
      .post('/')
      .times(3)
      .reply(() => (requests++, [400, body, JSON_11]));
    const client = createSsmClient(fakeOptions());
    const error = await client.send(new GetParametersCommand({ Names: ['/a'] })).catch((e: unknown) => e);
    expect(requests).toBe(1);
    expect(describeAwsError(error)).toBe(
      'missing IAM permission ssm:GetParameters on arn:aws:ssm:us-east-1:111122223333:parameter/a',
    );
  });
});
