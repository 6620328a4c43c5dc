/**
 * Small grammars inside buildspec values: Secrets Manager references, on-failure, variable names, batch task
 * identifiers. Each parser returns a value or a message; none throws.
 */
import { compileRe2 } from './re2.js';
import type { OnFailure, SecretReference } from './types.js';

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(message: string): Parsed<T> => ({ ok: false, message });

/** Fields of a Secrets Manager ARN: arn:aws:secretsmanager:<region>:<account>:secret:<name-suffix>. */
const ARN_FIELDS = 7;

/**
 * `secret-id[:json-key[:version-stage[:version-id]]]`. A secret id that is an ARN contains colons itself, so a
 * reference starting with `arn:` takes its first 7 colon-separated fields as the secret id. JSON keys may hold
 * spaces. Empty fields are absent (`name::AWSPREVIOUS` has a stage and no key).
 */
export function parseSecretReference(text: string): Parsed<SecretReference> {
  const parts = text.split(':');
  const isArn = text.startsWith('arn:');
  if (isArn && parts.length < ARN_FIELDS) {
    return fail(
      `secret ARN "${text}" is incomplete; expected arn:<partition>:secretsmanager:<region>:<account>:secret:<name>`,
    );
  }
  const idFields = isArn ? ARN_FIELDS : 1;
  const secretId = parts.slice(0, idFields).join(':');
  const [jsonKey, versionStage, versionId, ...extra] = parts.slice(idFields);
  if (secretId.trim() === '') return fail('the secret id (before the first ":") is empty');
  if (extra.length > 0) {
    return fail(
      `too many ":" fields in "${text}"; the form is secret-id:json-key:version-stage:version-id` +
        (isArn ? '' : ' (give a secret from another account as its full ARN)'),
    );
  }
  if (versionStage && versionId) {
    return fail('version-stage and version-id are mutually exclusive; give one of them (leave the other empty)');
  }
  return ok({
    secretId,
    ...(jsonKey ? { jsonKey } : {}),
    ...(versionStage ? { versionStage } : {}),
    ...(versionId ? { versionId } : {}),
  });
}

export const RETRY_MAX_COUNT = 100;
export const RETRY_DEFAULT_COUNT = 3;
/** For editors; parseOnFailure gives the exact rules (count range, regex must compile). */
export const ON_FAILURE_PATTERN = '^(ABORT|CONTINUE|RETRY(-.+)?)$';

/**
 * ABORT | CONTINUE | RETRY | RETRY-<count> | RETRY-<regex> | RETRY-<count>-<regex>; count 0..100, default 3. The
 * regex is Go (RE2) syntax; compile it with compileRe2 (re2.ts).
 */
export function parseOnFailure(text: string): Parsed<OnFailure> {
  if (text === 'ABORT' || text === 'CONTINUE') return ok({ kind: text });
  if (text === 'RETRY') return ok({ kind: 'RETRY', count: RETRY_DEFAULT_COUNT });
  if (!text.startsWith('RETRY-')) {
    const upper = text.toUpperCase();
    const hint = ['ABORT', 'CONTINUE', 'RETRY'].find((k) => upper === k || upper.startsWith(`${k}-`));
    const suffix = hint ? `; write it in capitals ("${hint}")` : '';
    return fail(
      `on-failure must be ABORT, CONTINUE, RETRY, RETRY-<count>, RETRY-<regex> or RETRY-<count>-<regex>; got "${text}"${suffix}`,
    );
  }
  const rest = text.slice('RETRY-'.length);
  const counted = /^(\d+)(?:-(.*))?$/s.exec(rest);
  const count = counted ? Number(counted[1]) : RETRY_DEFAULT_COUNT;
  const pattern = counted ? counted[2] : rest;
  if (count > RETRY_MAX_COUNT) return fail(`retry count ${count} is out of range; use 0 to ${RETRY_MAX_COUNT}`);
  if (pattern === undefined) return ok({ kind: 'RETRY', count });
  if (pattern === '') return fail(`"${text}" ends with "-" but gives no regular expression`);
  // CodeBuild's agent is a Go program: the pattern is Go regexp (RE2) syntax, not JavaScript's.
  const compiled = compileRe2(pattern);
  if (!compiled.ok) {
    return fail(`the retry pattern "${pattern}" is not a valid Go (RE2) regular expression: ${compiled.message}`);
  }
  return ok({ kind: 'RETRY', count, pattern });
}

export const VARIABLE_NAME_PATTERN = '^[A-Za-z_][A-Za-z0-9_]*$';
const VARIABLE_NAME = new RegExp(VARIABLE_NAME_PATTERN);

/** An environment variable name a shell can use; `CODEBUILD_*` is reserved for CodeBuild. */
export function variableNameProblem(name: string): string | undefined {
  if (!VARIABLE_NAME.test(name)) {
    return `"${name}" is not a valid environment variable name (letters, digits and "_", not starting with a digit)`;
  }
  if (name.startsWith('CODEBUILD_')) return `"${name}": names starting with CODEBUILD_ are reserved for CodeBuild`;
  return undefined;
}

/** exported-variables: a valid name not starting with AWS_ (CodeBuild cannot export those). */
export function exportedNameProblem(name: string): string | undefined {
  if (!VARIABLE_NAME.test(name)) return `"${name}" is not a valid environment variable name`;
  if (name.startsWith('AWS_')) return `"${name}": variables starting with AWS_ cannot be exported`;
  return undefined;
}

/**
 * Batch task identifiers. The batch buildspec reference does not spell out a character set; CodeBuild's other
 * identifiers that end up in build ids and variable names (source and artifact identifiers) "can only contain
 * alphanumeric characters and underscores, and must be less than 128 characters", and the identifier becomes
 * CODEBUILD_BATCH_BUILD_IDENTIFIER and part of each child build's id, so we hold task identifiers to the same rule.
 */
export const IDENTIFIER_PATTERN = '^[A-Za-z0-9_]{1,127}$';
const IDENTIFIER = new RegExp(IDENTIFIER_PATTERN);

export function identifierProblem(id: string): string | undefined {
  if (IDENTIFIER.test(id)) return undefined;
  return `identifier "${id}" may only contain letters, digits and underscores (at most 127 characters)`;
}

/** Edit distance (Levenshtein), for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The closest candidate within a distance that scales with the word (case-insensitive), if any. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  const limit = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  let best: { name: string; distance: number } | undefined;
  for (const name of candidates) {
    const distance = editDistance(lower, name.toLowerCase());
    if (distance <= limit && (best === undefined || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}
