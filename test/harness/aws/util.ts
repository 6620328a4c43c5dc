/** Small helpers shared by the service modules. */
import { createHash, randomUUID } from 'node:crypto';
import { AwsError } from './errors.js';

/** awsJson timestamps are epoch seconds with millisecond fractions, e.g. 1548717462.122. */
export const epochSeconds = (ms: number): number => Math.round(ms) / 1000;

/** An opaque pagination token: base64 of a JSON payload plus a checksum, so hand-made tokens are rejected. */
export function encodeToken(payload: unknown): string {
  const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64');
  const sum = createHash('sha256').update(body).digest('base64').slice(0, 8);
  return `${body}.${sum}`;
}

export function decodeToken<T>(token: string, invalid: () => AwsError): T {
  const [body = '', sum] = token.split('.');
  if (createHash('sha256').update(body).digest('base64').slice(0, 8) !== sum) throw invalid();
  try {
    return JSON.parse(Buffer.from(body, 'base64').toString('utf8')) as T;
  } catch {
    throw invalid();
  }
}

export const uuid = (): string => randomUUID();

export const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done(): void {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
