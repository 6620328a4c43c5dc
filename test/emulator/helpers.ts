/** Shared client setup for the emulator tests: real SDK v3 clients pointed at a local emulator. */
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { NodeHttp2Handler } from '@smithy/node-http-handler';
import type { Emulator } from '../harness/aws/server.js';

export const TEST_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

export interface ClientOptions {
  /** 1 disables retries. */
  maxAttempts?: number;
  http2?: boolean;
  secretAccessKey?: string;
  accessKeyId?: string;
  /** Milliseconds the client's clock is off by. */
  systemClockOffset?: number;
}

/** Config for any SDK v3 client: endpoint, region, test credentials, fast retries (10 ms backoff). */
export function clientConfig(emulator: Emulator, options: ClientOptions = {}) {
  const maxAttempts = options.maxAttempts ?? 3;
  return {
    endpoint: emulator.url,
    region: emulator.region,
    credentials: {
      accessKeyId: options.accessKeyId ?? TEST_CREDENTIALS.accessKeyId,
      secretAccessKey: options.secretAccessKey ?? TEST_CREDENTIALS.secretAccessKey,
    },
    maxAttempts,
    retryStrategy: new ConfiguredRetryStrategy(maxAttempts, 10),
    ...(options.systemClockOffset !== undefined ? { systemClockOffset: options.systemClockOffset } : {}),
    ...(options.http2 ? { requestHandler: new NodeHttp2Handler({ requestTimeout: 10_000 }) } : {}),
  };
}

/** Polls until `check` returns a value, with a short pause between tries (no timing assertions). */
export async function eventually<T>(check: () => Promise<T | undefined>, tries = 400): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const v = await check();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('condition not reached');
}

/** The rejection of a promise (fails the test when it resolves). */
export async function rejectionOf(
  p: Promise<unknown>,
): Promise<Error & { name: string; $metadata?: { httpStatusCode?: number } }> {
  try {
    await p;
  } catch (e) {
    return e as Error & { name: string; $metadata?: { httpStatusCode?: number } };
  }
  throw new Error('expected a rejection');
}
