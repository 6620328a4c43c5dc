/**
 * A scripted CodeBuild + CloudWatch Logs endpoint over nock: each awsJson1_1 operation (X-Amz-Target) answered by a
 * handler; every request recorded.
 */
import nock from 'nock';
import { FAKE_ENDPOINT, JSON_11 } from '../aws/fake-aws.js';

export type Handler = (input: Record<string, unknown>, call: number) => [number, unknown] | unknown;

export interface Recorded {
  readonly operation: string;
  readonly input: Record<string, unknown>;
}

/**
 * Serves `handlers` (by operation name, from the X-Amz-Target header) until nock.cleanAll(). nock 15 hands a reply
 * function the request as a fetch Request.
 */
export function serveAws(handlers: Record<string, Handler>): Recorded[] {
  const calls: Recorded[] = [];
  const counts = new Map<string, number>();
  nock(FAKE_ENDPOINT)
    .persist()
    .post('/')
    .reply(async (request: Request) => {
      const operation = (request.headers.get('x-amz-target') ?? '').split('.').at(-1) ?? '';
      const text = await request.text();
      const input = JSON.parse(text || '{}') as Record<string, unknown>;
      calls.push({ operation, input });
      const n = counts.get(operation) ?? 0;
      counts.set(operation, n + 1);
      const handler = handlers[operation];
      if (handler === undefined) return [400, JSON.stringify({ __type: 'UnknownOperationException' }), JSON_11];
      const answer = handler(input, n);
      const [status, out] =
        Array.isArray(answer) && typeof answer[0] === 'number' ? (answer as [number, unknown]) : [200, answer];
      return [status, JSON.stringify(out), JSON_11];
    });
  return calls;
}

export const awsErrorBody = (type: string, message: string): { __type: string; message: string } => ({
  __type: type,
  message,
});
