/** Parameter Store: reading many parameters with ssm:GetParameters, decrypted, ten per call. */
import { GetParametersCommand, SSMClient, type Parameter } from '@aws-sdk/client-ssm';
import { UserError } from '../core/errors.js';
import { clientConfig, withCredentialSource, type ClientOptions } from './config.js';
import { deniedPermission, describeAwsError, isAwsError } from './errors.js';

/** The most names one GetParameters call accepts. */
export const GET_PARAMETERS_BATCH = 10;

export function createSsmClient(opts: ClientOptions = {}): SSMClient {
  return withCredentialSource(new SSMClient(clientConfig({ service: 'SSM', ...opts })), opts);
}

/**
 * Parameters that could not be read. `missing`: they do not exist (GetParameters listed them as
 * InvalidParameters); `failed`: the call itself failed (credentials, permissions, network...).
 */
export class ParameterError extends UserError {
  constructor(
    readonly kind: 'missing' | 'failed',
    readonly parameters: readonly string[],
    readonly reason: string,
    options: { cause?: unknown } = {},
  ) {
    super(`cannot read ${listOf(parameters)}: ${reason}`, options);
  }
}

function listOf(names: readonly string[]): string {
  const quoted = names.map((n) => `"${n}"`).join(', ');
  return names.length === 1 ? `parameter ${quoted}` : `parameters ${quoted}`;
}

/**
 * The values of `names` (duplicates fetched once), with WithDecryption, in batches of ten. Every missing
 * parameter is named in one ParameterError; a failed call throws a ParameterError for its batch.
 */
export async function getParameters(client: SSMClient, names: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(names)];
  const values = new Map<string, string>();
  const missing: string[] = [];
  for (let i = 0; i < unique.length; i += GET_PARAMETERS_BATCH) {
    const batch = unique.slice(i, i + GET_PARAMETERS_BATCH);
    let output;
    try {
      output = await client.send(new GetParametersCommand({ Names: batch, WithDecryption: true }));
    } catch (error) {
      if (!isAwsError(error)) throw error;
      throw new ParameterError('failed', culprits(error, batch), describeAwsError(error), { cause: error });
    }
    const found = byRequestedName(output.Parameters ?? []);
    for (const name of batch) {
      const value = found.get(name);
      if (value === undefined) missing.push(name);
      else values.set(name, value);
    }
  }
  if (missing.length > 0) {
    const region = await regionOf(client);
    throw new ParameterError('missing', missing, `not found${region ? ` in ${region}` : ''}`);
  }
  return values;
}

/** A parameter is asked for by name, ARN, or either with a `:version`/`:label` selector. */
function byRequestedName(parameters: readonly Parameter[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of parameters) {
    if (p.Value === undefined) continue;
    for (const id of [p.Name, p.ARN]) {
      if (id === undefined) continue;
      out.set(id + (p.Selector ?? ''), p.Value);
      if (!out.has(id)) out.set(id, p.Value);
    }
  }
  return out;
}

/** The parameter an access-denied message names, when it names one of the batch; else the whole batch. */
function culprits(error: unknown, batch: readonly string[]): readonly string[] {
  const resource = deniedPermission(String((error as { message?: unknown }).message ?? ''))?.resource;
  const match = resource?.match(/:parameter(\/.*)$/)?.[1];
  if (match === undefined) return batch;
  const hit = batch.filter((n) => n === match || `/${n}` === match || n === resource);
  return hit.length > 0 ? hit : batch;
}

async function regionOf(client: SSMClient): Promise<string | undefined> {
  try {
    return await client.config.region();
  } catch {
    return undefined;
  }
}
