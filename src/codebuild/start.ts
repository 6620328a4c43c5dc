/**
 * The StartBuild / StartBuildBatch request for a set of build settings: source version, buildspec override, the
 * environment variables with their types, the environment overrides, and the `start-build-json` escape hatch merged
 * last. Every check happens here, before any API call.
 */
import type { StartBuildBatchCommandInput, StartBuildCommandInput } from '../aws/codebuild.js';
import { closest } from '../buildspec/grammar.js';
import { UserError } from '../core/errors.js';

export type EnvType = 'PLAINTEXT' | 'PARAMETER_STORE' | 'SECRETS_MANAGER';

export interface EnvVar {
  readonly name: string;
  /** The value (PLAINTEXT) or the reference (a parameter name, a secret id[:json-key[:stage[:version]]]). */
  readonly value: string;
  readonly type: EnvType;
}

export interface StartSettings {
  readonly projectName: string;
  readonly sourceVersion?: string;
  /** buildspecOverride: inline YAML or a path in the source. */
  readonly buildspec?: string;
  readonly env: readonly EnvVar[];
  readonly image?: string;
  readonly computeType?: string;
  readonly privilegedMode?: boolean;
  readonly timeoutMinutes?: number;
  /** fleetOverride.fleetArn (builds only). */
  readonly fleet?: string;
  /** JSON object of StartBuild (or StartBuildBatch) members, merged last. */
  readonly startBuildJson?: string;
  /** Makes a retried start (a lost response) return the same build instead of starting a second one. */
  readonly idempotencyToken?: string;
}

/** CodeBuild's limit on a plain-text variable's value, in characters. */
export const MAX_PLAINTEXT_LENGTH = 4096;

const ENV_TYPES: readonly EnvType[] = ['PLAINTEXT', 'PARAMETER_STORE', 'SECRETS_MANAGER'];

type Kind = 'string' | 'boolean' | 'number' | 'array' | 'object';

/** StartBuild members and their JSON kinds. */
const BUILD_MEMBERS: Readonly<Record<string, Kind>> = {
  projectName: 'string',
  secondarySourcesOverride: 'array',
  secondarySourcesVersionOverride: 'array',
  sourceVersion: 'string',
  artifactsOverride: 'object',
  secondaryArtifactsOverride: 'array',
  environmentVariablesOverride: 'array',
  sourceTypeOverride: 'string',
  sourceLocationOverride: 'string',
  sourceAuthOverride: 'object',
  gitCloneDepthOverride: 'number',
  gitSubmodulesConfigOverride: 'object',
  buildspecOverride: 'string',
  insecureSslOverride: 'boolean',
  reportBuildStatusOverride: 'boolean',
  buildStatusConfigOverride: 'object',
  environmentTypeOverride: 'string',
  imageOverride: 'string',
  computeTypeOverride: 'string',
  certificateOverride: 'string',
  cacheOverride: 'object',
  serviceRoleOverride: 'string',
  privilegedModeOverride: 'boolean',
  timeoutInMinutesOverride: 'number',
  queuedTimeoutInMinutesOverride: 'number',
  encryptionKeyOverride: 'string',
  idempotencyToken: 'string',
  logsConfigOverride: 'object',
  registryCredentialOverride: 'object',
  imagePullCredentialsTypeOverride: 'string',
  debugSessionEnabled: 'boolean',
  fleetOverride: 'object',
  autoRetryLimitOverride: 'number',
  hostKernelOverride: 'object',
};

/** StartBuildBatch members and their JSON kinds. */
const BATCH_MEMBERS: Readonly<Record<string, Kind>> = {
  ...Object.fromEntries(
    Object.entries(BUILD_MEMBERS).filter(
      ([name]) =>
        ![
          'reportBuildStatusOverride',
          'buildStatusConfigOverride',
          'timeoutInMinutesOverride',
          'fleetOverride',
          'autoRetryLimitOverride',
          'hostKernelOverride',
        ].includes(name),
    ),
  ),
  reportBuildBatchStatusOverride: 'boolean',
  buildTimeoutInMinutesOverride: 'number',
  buildBatchConfigOverride: 'object',
};

/** Refuses bad names, duplicates and plain-text values over CodeBuild's limit; `source` names where they came from. */
export function checkEnv(env: readonly EnvVar[], source: (v: EnvVar) => string = defaultSource): void {
  const seen = new Map<string, EnvVar>();
  for (const v of env) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(v.name)) {
      throw new UserError(`${source(v)}: "${v.name}" is not a valid variable name (letters, digits and _)`);
    }
    if (v.name.startsWith('CODEBUILD_')) {
      throw new UserError(`${source(v)}: ${v.name}: names starting with CODEBUILD_ are reserved by CodeBuild`);
    }
    if (!ENV_TYPES.includes(v.type)) {
      throw new UserError(`${source(v)}: ${v.name}: type must be one of ${ENV_TYPES.join(', ')}; got "${v.type}"`);
    }
    if (v.type === 'PLAINTEXT' && v.value.length > MAX_PLAINTEXT_LENGTH) {
      throw new UserError(
        `${source(v)}: the value of ${v.name} is ${v.value.length} characters; CodeBuild takes at most ` +
          `${MAX_PLAINTEXT_LENGTH} for a plain-text variable (put it in Parameter Store or Secrets Manager and use ` +
          `env-parameter-store or env-secrets-manager)`,
      );
    }
    if (v.type !== 'PLAINTEXT' && v.value.trim() === '') {
      throw new UserError(
        `${source(v)}: ${v.name} needs a ${v.type === 'PARAMETER_STORE' ? 'parameter name' : 'secret id'}`,
      );
    }
    const before = seen.get(v.name);
    if (before !== undefined) {
      throw new UserError(`${source(v)}: ${v.name} is given twice (also in ${source(before)})`);
    }
    seen.set(v.name, v);
  }
}

function defaultSource(v: EnvVar): string {
  return v.type === 'PLAINTEXT' ? 'env' : v.type === 'PARAMETER_STORE' ? 'env-parameter-store' : 'env-secrets-manager';
}

/** The StartBuild request. */
export function startBuildInput(settings: StartSettings): StartBuildCommandInput {
  const extra = parseStartJson(settings.startBuildJson, BUILD_MEMBERS, 'StartBuild');
  const input: Record<string, unknown> = {
    ...common(settings),
    ...(settings.timeoutMinutes !== undefined ? { timeoutInMinutesOverride: settings.timeoutMinutes } : {}),
    ...(settings.fleet !== undefined ? { fleetOverride: { fleetArn: settings.fleet } } : {}),
  };
  return merge(input, extra, settings) as unknown as StartBuildCommandInput;
}

/** The StartBuildBatch request. */
export function startBuildBatchInput(settings: StartSettings): StartBuildBatchCommandInput {
  if (settings.fleet !== undefined) {
    throw new UserError(
      'fleet cannot be used with a batch build: give each build of the batch its fleet in the buildspec',
    );
  }
  const extra = parseStartJson(settings.startBuildJson, BATCH_MEMBERS, 'StartBuildBatch');
  const input: Record<string, unknown> = {
    ...common(settings),
    ...(settings.timeoutMinutes !== undefined ? { buildTimeoutInMinutesOverride: settings.timeoutMinutes } : {}),
  };
  return merge(input, extra, settings) as unknown as StartBuildBatchCommandInput;
}

function common(s: StartSettings): Record<string, unknown> {
  checkEnv(s.env);
  return {
    projectName: s.projectName,
    ...(s.sourceVersion !== undefined ? { sourceVersion: s.sourceVersion } : {}),
    ...(s.buildspec !== undefined ? { buildspecOverride: s.buildspec } : {}),
    ...(s.env.length > 0
      ? { environmentVariablesOverride: s.env.map(({ name, value, type }) => ({ name, value, type })) }
      : {}),
    ...(s.image !== undefined ? { imageOverride: s.image } : {}),
    ...(s.computeType !== undefined ? { computeTypeOverride: s.computeType } : {}),
    ...(s.privilegedMode !== undefined ? { privilegedModeOverride: s.privilegedMode } : {}),
    ...(s.idempotencyToken !== undefined ? { idempotencyToken: s.idempotencyToken } : {}),
  };
}

/** start-build-json over the settings: members replace, except variables, which are merged by name (JSON wins). */
function merge(
  input: Record<string, unknown>,
  extra: Record<string, unknown>,
  s: StartSettings,
): Record<string, unknown> {
  if (extra.projectName !== undefined && extra.projectName !== s.projectName) {
    throw new UserError(
      `start-build-json: projectName "${String(extra.projectName)}" differs from project-name "${s.projectName}"`,
    );
  }
  const merged = { ...input, ...extra };
  if (extra.environmentVariablesOverride !== undefined) {
    const fromJson = checkJsonVariables(extra.environmentVariablesOverride);
    const names = new Set(fromJson.map((v) => v.name));
    const kept = s.env.filter((v) => !names.has(v.name));
    const all = [...kept, ...fromJson];
    checkEnv(all, (v) => (fromJson.includes(v) ? 'start-build-json' : defaultSource(v)));
    merged.environmentVariablesOverride = all.map(({ name, value, type }) => ({ name, value, type }));
  }
  return merged;
}

function parseStartJson(text: string | undefined, members: Readonly<Record<string, Kind>>, action: string) {
  if (text === undefined || text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UserError(`start-build-json is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UserError(`start-build-json must be a JSON object of ${action} members`);
  }
  for (const [key, member] of Object.entries(value)) {
    const kind = members[key];
    if (kind === undefined) {
      const hint = closest(key, Object.keys(members));
      throw new UserError(
        `start-build-json: ${action} has no member "${key}"${hint ? `; did you mean "${hint}"?` : ''}`,
      );
    }
    if (kindOf(member) !== kind) {
      throw new UserError(
        `start-build-json: ${key} must be ${kind === 'array' ? 'an' : 'a'} ${kind}; got ${kindOf(member)}`,
      );
    }
  }
  return value as Record<string, unknown>;
}

function checkJsonVariables(value: unknown): EnvVar[] {
  const list = value as unknown[];
  return list.map((item, i) => {
    const v = item as { name?: unknown; value?: unknown; type?: unknown };
    if (typeof v !== 'object' || v === null || typeof v.name !== 'string' || typeof v.value !== 'string') {
      throw new UserError(`start-build-json: environmentVariablesOverride[${i}] needs a string name and value`);
    }
    const type = v.type === undefined ? 'PLAINTEXT' : v.type;
    if (!ENV_TYPES.includes(type as EnvType)) {
      throw new UserError(
        `start-build-json: environmentVariablesOverride[${i}].type must be one of ${ENV_TYPES.join(', ')}`,
      );
    }
    return { name: v.name, value: v.value, type: type as EnvType };
  });
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
