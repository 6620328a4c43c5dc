/** Shared bits of the AWS tests: a loopback endpoint nock intercepts, fake credentials, instant sleeps. */
import { CredentialsProviderError } from '@smithy/core/config';
import type { SdkError } from '@smithy/types';
import nock from 'nock';
import type { ClientOptions } from '../../src/aws/config.js';

/** Nothing listens here; nock answers (and disableNetConnect refuses anything else). */
export const FAKE_ENDPOINT = 'http://127.0.0.1:4599';
export const FAKE_CREDENTIALS = { accessKeyId: 'AKIDFAKEFAKEFAKE', secretAccessKey: 'fake-secret' };
export const JSON_11 = { 'content-type': 'application/x-amz-json-1.1' };

/** Client options against the fake endpoint, with recorded instant sleeps. */
export function fakeOptions(extra: Partial<ClientOptions> = {}): ClientOptions & { sleeps: number[] } {
  const sleeps: number[] = [];
  return {
    region: 'us-east-1',
    env: { AWS_ENDPOINT_URL: FAKE_ENDPOINT },
    credentials: FAKE_CREDENTIALS,
    sleep: async (ms: number) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    ...extra,
    sleeps,
  };
}

/** A credentials provider that fails the way the SDK's default chain does when it finds nothing. */
export const noCredentials = (): Promise<never> =>
  Promise.reject(new CredentialsProviderError('Could not load credentials from any providers', { tryNextLink: false }));

/** An error shaped like an SDK service exception. */
export function serviceError(name: string, message: string, status = 400): SdkError {
  return Object.assign(new Error(message), {
    name,
    $fault: 'client',
    $metadata: { httpStatusCode: status },
  }) as SdkError;
}

/** A connection error as Node's http module reports it. */
export function connectionError(code: string, message: string): SdkError {
  return Object.assign(new Error(message), { code }) as SdkError;
}

/**
 * nock for one test file: no real connections, interceptors cleared after each test, and nock's patch of the http
 * module removed at the end. Jest loads a fresh nock per test file into the same process; one left active makes
 * the next file's responses arrive "aborted".
 */
export function useNock(): void {
  beforeAll(() => {
    if (!nock.isActive()) nock.activate();
    nock.disableNetConnect();
  });
  afterEach(() => nock.cleanAll());
  afterAll(() => {
    nock.cleanAll();
    nock.enableNetConnect();
    nock.restore();
  });
}
