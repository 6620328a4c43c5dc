/**
 * Resolves a buildspec's `env.parameter-store` and `env.secrets-manager` variables, as CodeBuild does before
 * INSTALL: parameters with ssm:GetParameters (decrypted, ten per call), each distinct secret version once with
 * secretsmanager:GetSecretValue. Clients are created only when there is something to fetch, so a buildspec
 * without such variables never touches AWS. Every failure names the variable: one line per problem.
 */
import type { SSMClient } from '@aws-sdk/client-ssm';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { EnvSpec, NamedValue, SecretVariable } from '../buildspec/types.js';
import { UserError } from '../core/errors.js';
import { toUserError } from './errors.js';
import { fetchSecretString, jsonKeyValue, secretVersionKey } from './secretsmanager.js';
import { getParameters, ParameterError } from './ssm.js';

export interface AwsEnvDeps {
  readonly ssm: () => SSMClient;
  readonly secrets: () => SecretsManagerClient;
}

export interface AwsVariables {
  /** Variable name → value: parameter-store variables, then secrets-manager ones, in file order. */
  readonly values: Map<string, string>;
  /** The values to mask in logs (non-empty, each once). */
  readonly secrets: string[];
}

/** Failures already phrased per variable. */
class Problems extends Error {
  constructor(
    readonly lines: readonly string[],
    options: { cause?: unknown } = {},
  ) {
    super(lines.join('\n'), options);
  }
}

const PARAMETER = 'env.parameter-store';
const SECRET = 'env.secrets-manager';

export async function resolveAwsVariables(
  env: EnvSpec,
  skip: ReadonlySet<string>,
  deps: AwsEnvDeps,
): Promise<AwsVariables> {
  const parameters = env.parameterStore.filter((v) => !skip.has(v.name));
  const secrets = env.secretsManager.filter((v) => !skip.has(v.name));
  const [fromParameters, fromSecrets] = await Promise.allSettled([
    resolveParameters(parameters, deps),
    resolveSecrets(secrets, deps),
  ]);
  const problems = [fromParameters, fromSecrets].flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
  const bug = problems.find((p) => !(p instanceof Problems));
  if (bug !== undefined) throw bug;
  const lines = (problems as Problems[]).flatMap((p) => p.lines);
  if (lines.length > 0) throw new UserError(lines.join('\n'), { cause: (problems[0] as Problems).cause });
  const values = new Map<string, string>();
  for (const r of [fromParameters, fromSecrets]) {
    if (r.status === 'fulfilled') for (const [name, value] of r.value) values.set(name, value);
  }
  const masked = [...new Set([...values.values()].filter((v) => v !== ''))];
  return { values, secrets: masked };
}

async function resolveParameters(variables: readonly NamedValue[], deps: AwsEnvDeps): Promise<Array<[string, string]>> {
  if (variables.length === 0) return [];
  let found: Map<string, string>;
  try {
    found = await getParameters(
      deps.ssm(),
      variables.map((v) => v.value),
    );
  } catch (error) {
    throw new Problems(parameterProblems(error, variables), { cause: error });
  }
  return variables.map((v) => [v.name, found.get(v.value) ?? '']);
}

function parameterProblems(error: unknown, variables: readonly NamedValue[]): string[] {
  const users = (parameter: string) =>
    variables.filter((v) => v.value === parameter).map((v) => `${PARAMETER}.${v.name}`);
  if (!(error instanceof ParameterError)) {
    const all = [...new Set(variables.map((v) => v.value))];
    return [`${all.flatMap(users).join(', ')}: cannot read ${plural(all, 'parameter')}: ${reasonOf(error)}`];
  }
  if (error.kind === 'missing' || error.parameters.length === 1) {
    return error.parameters.flatMap((p) => users(p).map((u) => `${u}: cannot read parameter "${p}": ${error.reason}`));
  }
  return [`${error.parameters.flatMap(users).join(', ')}: ${error.message}`];
}

async function resolveSecrets(
  variables: readonly SecretVariable[],
  deps: AwsEnvDeps,
): Promise<Array<[string, string]>> {
  if (variables.length === 0) return [];
  let client: SecretsManagerClient;
  try {
    client = deps.secrets();
  } catch (error) {
    const ids = [...new Set(variables.map((v) => v.reference.secretId))];
    const names = variables.map((v) => `${SECRET}.${v.name}`).join(', ');
    throw new Problems([`${names}: cannot read ${plural(ids, 'secret')}: ${reasonOf(error)}`], { cause: error });
  }
  // Start every distinct fetch at once, then read the results in file order.
  const fetches = new Map<string, Promise<Settled>>();
  for (const v of variables) {
    const key = secretVersionKey(v.reference);
    if (!fetches.has(key)) fetches.set(key, settle(fetchSecretString(client, v.reference)));
  }
  const out: Array<[string, string]> = [];
  const lines: string[] = [];
  let cause: unknown;
  const reported = new Set<string>();
  for (const v of variables) {
    const key = secretVersionKey(v.reference);
    const result = await (fetches.get(key) as Promise<Settled>);
    if (!result.ok) {
      if (reported.has(key)) continue;
      reported.add(key);
      const users = variables.filter((u) => secretVersionKey(u.reference) === key).map((u) => `${SECRET}.${u.name}`);
      lines.push(`${users.join(', ')}: ${reasonOf(result.reason)}`);
      cause ??= result.reason;
      continue;
    }
    const ref = v.reference;
    try {
      out.push([v.name, ref.jsonKey ? jsonKeyValue(result.value, ref.jsonKey, ref.secretId) : result.value]);
    } catch (error) {
      lines.push(`${SECRET}.${v.name}: ${reasonOf(error)}`);
      cause ??= error;
    }
  }
  if (lines.length > 0) throw new Problems(lines, { cause });
  return out;
}

type Settled = { ok: true; value: string } | { ok: false; reason: unknown };

function settle(p: Promise<string>): Promise<Settled> {
  return p.then(
    (value) => ({ ok: true, value }),
    (reason: unknown) => ({ ok: false, reason }),
  );
}

/** A user error's message; an AWS error's reason; anything else is a bug and is thrown. */
function reasonOf(error: unknown): string {
  if (error instanceof UserError) return error.message;
  const user = toUserError(error);
  if (user instanceof UserError) return user.message;
  throw user;
}

function plural(items: readonly string[], word: string): string {
  return `${word}${items.length === 1 ? '' : 's'} ${items.map((i) => `"${i}"`).join(', ')}`;
}
