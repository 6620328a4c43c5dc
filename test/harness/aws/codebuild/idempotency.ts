/**
 * StartBuild / StartBuildBatch `idempotencyToken`: valid for five minutes; the same token with the same request answers
 * the resource it started, the same token with any other parameter is "a parameter mismatch error". CodeBuild's model
 * lists no dedicated error for it (no IdempotentParameterMismatchException), so it is an InvalidInputException.
 */
import { createHash } from 'node:crypto';
import { AwsError } from '../errors.js';

const WINDOW_MS = 5 * 60_000;

export interface IdempotencyRecord {
  digest: string;
  /** The build (or batch) id the token started. */
  buildId: string;
  at: number;
}

const digestOf = (input: { idempotencyToken?: string }): string =>
  createHash('sha256')
    .update(JSON.stringify({ ...input, idempotencyToken: undefined }))
    .digest('hex');

/** The id started earlier with this token and request, or undefined; throws on a parameter mismatch. */
export function replayed(
  records: Map<string, IdempotencyRecord>,
  input: { idempotencyToken?: string },
  now: number,
): string | undefined {
  const token = input.idempotencyToken;
  if (!token) return undefined;
  const seen = records.get(token);
  if (!seen || now - seen.at >= WINDOW_MS) return undefined;
  if (seen.digest !== digestOf(input))
    throw new AwsError('InvalidInputException', 'Idempotency token parameter mismatch');
  return seen.buildId;
}

export function remember(
  records: Map<string, IdempotencyRecord>,
  input: { idempotencyToken?: string },
  id: string,
  now: number,
): void {
  if (input.idempotencyToken) records.set(input.idempotencyToken, { digest: digestOf(input), buildId: id, at: now });
}
