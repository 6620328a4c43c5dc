/**
 * The buildspec language as data: every key, where it may appear, its shape, allowed values, versions and a
 * description. The validator (check.ts) walks these definitions and the JSON Schema (schema.ts) is generated from
 * them, so the two cannot drift apart. Rules that need more than one key at a time (batch graph cycles, phases
 * without commands, …) live in the model builders (model.ts).
 */
import {
  exportedNameProblem,
  identifierProblem,
  IDENTIFIER_PATTERN,
  ON_FAILURE_PATTERN,
  parseOnFailure,
  parseSecretReference,
  variableNameProblem,
  VARIABLE_NAME_PATTERN,
} from './grammar.js';
import { COVERAGE_REPORT_FORMATS, PHASE_NAMES, TEST_REPORT_FORMATS } from './types.js';
import type { Severity } from './types.js';

export const VERSIONS = ['0.1', '0.2'] as const;
export type Version = (typeof VERSIONS)[number];

/** A problem found by a value or key check hook. */
export interface Problem {
  readonly severity: Severity;
  readonly message: string;
}

interface Documented {
  /** Hover help in editors; also the basis of messages. */
  readonly description: string;
  /** Warning given for a null value instead of the generic "is empty". */
  readonly nullMessage?: string;
  /** Severity of a null value (default warning: the key is ignored). */
  readonly nullSeverity?: Severity;
}

export interface StringShape extends Documented {
  readonly kind: 'string';
  /** Allowed values; other values are reported with `enumSeverity` (default: error) unless `check` is given. */
  readonly enum?: readonly string[];
  readonly caseInsensitive?: boolean;
  readonly enumSeverity?: Severity;
  /** A JSON-Schema/JS regular expression that is allowed besides `enum`. */
  readonly orPattern?: string;
  /** A pattern for editors when `check` gives the exact rule. */
  readonly schemaPattern?: string;
  readonly check?: (text: string) => Problem | undefined;
}

/** yes/no/true/false in any case. */
export interface BooleanShape extends Documented {
  readonly kind: 'boolean';
}

export interface IntegerShape extends Documented {
  readonly kind: 'integer';
  readonly minimum?: number;
}

export interface ListShape extends Documented {
  readonly kind: 'list';
  readonly items: Shape;
  /** A single string where the list belongs: 'accept' silently or 'warn'; absent → error. */
  readonly scalar?: 'accept' | 'warn';
  readonly maxItems?: number;
  readonly maxItemsSeverity?: Severity;
  /** The finding for too many items (default: "lists N items; at most M are used"). */
  readonly maxItemsMessage?: (count: number) => string;
  /** At least this many items (an error, with `minItemsMessage`). */
  readonly minItems?: number;
  readonly minItemsMessage?: string;
}

export interface KeyDef {
  readonly shape: Shape;
  readonly required?: boolean;
  /** Versions the key belongs to (default: both). Elsewhere it is a warning: `versionMessage` or a generic one. */
  readonly versions?: readonly Version[];
  readonly versionMessage?: string;
}

/** A mapping with fixed keys. */
export interface ObjectShape extends Documented {
  readonly kind: 'object';
  readonly keys: Readonly<Record<string, KeyDef>>;
  readonly unknownKeys: Severity;
  /** Extra advice for an unknown key (after the did-you-mean suggestion). */
  readonly unknownHint?: (key: string) => string | undefined;
  /** Keys that are valid elsewhere but an error here, with the reason. */
  readonly misplaced?: Readonly<Record<string, string>>;
  /** Exactly one of these keys must be present. */
  readonly exactlyOne?: readonly string[];
  /** What the unknown keys are called in messages ("key", "phase"). */
  readonly noun?: string;
  /** Advice when a list is given instead of the mapping. */
  readonly listHint?: string;
}

/** A mapping from user-chosen names to values. */
export interface MapShape extends Documented {
  readonly kind: 'map';
  readonly values: Shape;
  readonly keyPattern?: string;
  readonly checkKey?: (key: string) => Problem | undefined;
  readonly minEntries?: number;
  readonly maxEntries?: number;
  readonly maxEntriesSeverity?: Severity;
}

export type Shape = StringShape | BooleanShape | IntegerShape | ListShape | ObjectShape | MapShape;

const error = (message: string | undefined): Problem | undefined =>
  message === undefined ? undefined : { severity: 'error', message };

// ---- small builders -------------------------------------------------------------------------------------------

const str = (description: string, extra: Omit<StringShape, 'kind' | 'description'> = {}): StringShape => ({
  kind: 'string',
  description,
  ...extra,
});
const bool = (description: string): BooleanShape => ({ kind: 'boolean', description });
const list = (description: string, items: Shape, extra: Omit<ListShape, 'kind' | 'description' | 'items'> = {}) =>
  ({ kind: 'list', description, items, ...extra }) as const satisfies ListShape;
const object = (
  description: string,
  keys: Record<string, KeyDef>,
  extra: Omit<ObjectShape, 'kind' | 'description' | 'keys' | 'unknownKeys'> & { unknownKeys?: Severity } = {},
): ObjectShape => ({ kind: 'object', description, keys, unknownKeys: 'warning', ...extra });
const key = (shape: Shape, extra: Omit<KeyDef, 'shape'> = {}): KeyDef => ({ shape, ...extra });

const variablesMap = (description: string): MapShape => ({
  kind: 'map',
  description,
  keyPattern: VARIABLE_NAME_PATTERN,
  checkKey: (name) => error(variableNameProblem(name)),
  values: str('The value, taken literally (no shell expansion).', {
    nullMessage: 'has no value; it is set to the empty string',
  }),
});

// ---- env ------------------------------------------------------------------------------------------------------

export const KNOWN_SHELLS = ['bash', '/bin/sh', 'sh', 'powershell.exe', 'cmd.exe', 'pwsh'] as const;

/** What a secrets-manager or parameter-store value must be, said when it is missing. */
const SECRET_REFERENCE_FORM =
  'a Secrets Manager reference secret-id[:json-key[:version-stage[:version-id]]], e.g. my-secret:password';
const PARAMETER_NAME_FORM = 'the name of an SSM parameter, e.g. /my-app/db-password';

/**
 * parameter-store and secrets-manager values name what to fetch: without one there is nothing to fetch, so a null
 * or empty value is an error (a null plain-text variable is just the empty string).
 */
const parameterStoreMap = (description: string): MapShape => ({
  ...variablesMap(description),
  values: str('Name of the SSM parameter.', {
    schemaPattern: '\\S',
    nullSeverity: 'error',
    nullMessage: `has no value; give ${PARAMETER_NAME_FORM}`,
    check: (text) =>
      text.trim() === '' ? { severity: 'error', message: `is empty; give ${PARAMETER_NAME_FORM}` } : undefined,
  }),
});

const secretsManagerMap = (description: string): MapShape => ({
  ...variablesMap(description),
  values: str(
    'A Secrets Manager reference secret-id[:json-key[:version-stage[:version-id]]]; the secret id is a name or a full ARN.',
    {
      schemaPattern: '^[^:]',
      nullSeverity: 'error',
      nullMessage: `has no value; give ${SECRET_REFERENCE_FORM}`,
      check: (text) => {
        if (text.trim() === '') return { severity: 'error', message: `is empty; give ${SECRET_REFERENCE_FORM}` };
        const parsed = parseSecretReference(text);
        return parsed.ok ? undefined : { severity: 'error', message: parsed.message };
      },
    },
  ),
});

const envShape = object(
  'Environment settings: shell and environment variables.',
  {
    shell: key(
      str(
        'Shell that runs the commands. Linux: bash or /bin/sh; Windows: powershell.exe or cmd.exe. Default: sh on Linux, PowerShell on Windows.',
        { enum: KNOWN_SHELLS, enumSeverity: 'warning', orPattern: '^/' },
      ),
    ),
    variables: key(variablesMap('Plain-text environment variables: name → value.')),
    'parameter-store': key(
      parameterStoreMap('Variables read from AWS Systems Manager Parameter Store: name → parameter name.'),
    ),
    'secrets-manager': key(
      secretsManagerMap('Variables read from AWS Secrets Manager: name → secret-id:json-key:version-stage:version-id.'),
    ),
    'exported-variables': key(
      list(
        'Variables exported to CodePipeline after the build (their values at the end of post_build).',
        str('Name of a variable to export (not AWS_*).', { check: (n) => error(exportedNameProblem(n)) }),
      ),
    ),
    'git-credential-helper': key(bool("Use CodeBuild's Git credential helper (yes/no).")),
  },
  {
    unknownHint: (k) =>
      k === 'plaintext'
        ? '"plaintext" is the version 0.1 form (environment_variables: plaintext:); in version 0.2 plain-text variables go under env: variables:'
        : undefined,
  },
);

const legacyEnvShape = object('Version 0.1 environment variables.', {
  plaintext: key(variablesMap('Plain-text environment variables: name → value (0.1 form of env.variables).')),
  'parameter-store': key(parameterStoreMap('Variables read from Parameter Store: name → parameter name.')),
});

// ---- phases ---------------------------------------------------------------------------------------------------

const commandList = (description: string): ListShape =>
  list(description, str('One shell command; a block scalar (| or >) is one multi-line script.'), {
    scalar: 'warn',
    nullMessage: 'is empty; the phase runs no commands here',
  });

const PHASE_DESCRIPTIONS: Record<(typeof PHASE_NAMES)[number], string> = {
  install: 'Installs packages and selects runtimes. Runs first.',
  pre_build: 'Runs before the build, e.g. signing in to a registry or installing dependencies.',
  build: 'The build itself. When it fails, post_build still runs.',
  post_build: 'Runs after build (also when build failed), e.g. packaging or pushing images.',
};

/**
 * Keys only version 0.2 documents (spec §2: whether 0.1 honours them is unconfirmed). aws-cicd run applies them
 * whatever the version, so in a 0.1 file they are a warning that says so.
 */
export function only02Message(name: string): string {
  return `"${name}" is documented for buildspec version 0.2 only; whether CodeBuild honours it in a 0.1 file is unconfirmed (aws-cicd run applies it): use version: 0.2`;
}

const only02 = (name: string) => ({ versions: ['0.2'] as const, versionMessage: only02Message(name) });

function phaseShape(name: (typeof PHASE_NAMES)[number]): ObjectShape {
  const keys: Record<string, KeyDef> = {
    'run-as': key(
      str('Linux user that runs the commands of this phase (overrides the top-level run-as).'),
      only02('run-as'),
    ),
    'on-failure': key(
      str(
        'What to do when the phase fails: ABORT, CONTINUE, RETRY, RETRY-<count>, RETRY-<regex> or RETRY-<count>-<regex> (the regex in Go/RE2 syntax).',
        {
          schemaPattern: ON_FAILURE_PATTERN,
          check: (text) => {
            const parsed = parseOnFailure(text);
            return parsed.ok ? undefined : { severity: 'error', message: parsed.message };
          },
        },
      ),
      only02('on-failure'),
    ),
    commands: key(commandList('Commands run one after the other; the phase fails at the first failing command.')),
    finally: key(commandList('Commands always run after commands, whether they succeeded or not.'), only02('finally')),
  };
  if (name === 'install') {
    keys['runtime-versions'] = key(
      {
        kind: 'map',
        description: 'Runtimes to install: runtime → version (e.g. nodejs: 20, python: 3.12, java: corretto17).',
        minEntries: 1,
        nullSeverity: 'error',
        nullMessage: 'is empty; list at least one runtime (e.g. nodejs: 20) or remove the key',
        values: str('Runtime version: exact, major.x, latest, or a variable such as "$MY_VERSION".'),
      },
      only02('runtime-versions'),
    );
  }
  return object(PHASE_DESCRIPTIONS[name], keys, {
    nullMessage: 'is empty; the phase runs no commands',
    listHint: 'put the list under "commands:"',
    misplaced:
      name === 'install' ? {} : { 'runtime-versions': 'runtime-versions is allowed in the install phase only' },
    unknownHint: (k) =>
      (PHASE_NAMES as readonly string[]).includes(k) ? `"${k}" is a phase: check its indentation` : undefined,
  });
}

const TOP_LEVEL_KEYS_02 = ['version', 'run-as', 'env', 'proxy', 'batch', 'phases', 'reports', 'artifacts', 'cache'];

const phasesShape = object(
  'The build phases, always run in the order install, pre_build, build, post_build.',
  Object.fromEntries(PHASE_NAMES.map((p) => [p, key(phaseShape(p))])),
  {
    unknownKeys: 'error',
    noun: 'phase',
    unknownHint: (k) =>
      TOP_LEVEL_KEYS_02.includes(k) ? `"${k}" is a top-level key, not a phase: check its indentation` : undefined,
  },
);

// ---- artifacts, reports, cache --------------------------------------------------------------------------------

const pathList = (description: string): ListShape =>
  list(description, str('A path or glob, e.g. "**/*", "dist/*", "target/app.jar".'), { scalar: 'warn' });

function artifactKeys(): Record<string, KeyDef> {
  return {
    files: key(pathList('Files to upload, relative to the source root or base-directory (quote globs).'), {
      required: true,
    }),
    name: key(str('Artifact name; shell syntax is expanded at build time (used with overrideArtifactName).')),
    'discard-paths': key(bool('yes: put every file at the root of the artifact (flatten directories).')),
    'base-directory': key(str('Directory (or glob) the files are relative to.')),
    'exclude-paths': key(
      list('Paths, relative to base-directory, to leave out.', str('A path or glob.'), { scalar: 'accept' }),
    ),
    'enable-symlinks': key(bool('yes: keep internal symbolic links in ZIP output.')),
    's3-prefix': key(str('Prefix of the S3 key when the namespace type is BUILD_ID.')),
    type: key(str('Version 0.1 artifact type (zip).'), {
      versions: ['0.1'],
      versionMessage:
        'artifacts type is deprecated in version 0.2 (aws-cicd run ignores it; what CodeBuild does with it is unconfirmed): remove it',
    }),
  };
}

const artifactsShape = object('Output artifacts uploaded after post_build.', {
  ...artifactKeys(),
  'secondary-artifacts': key({
    kind: 'map',
    description: 'Secondary artifacts: artifact identifier (as in the project) → artifact settings.',
    values: object('One secondary artifact.', artifactKeys()),
  }),
});

export const REPORT_FORMATS = [...TEST_REPORT_FORMATS, ...COVERAGE_REPORT_FORMATS] as const;
export const MAX_REPORT_GROUPS = 5;

const reportsShape: MapShape = {
  kind: 'map',
  description: `Test and coverage reports: report group name or ARN → settings (at most ${MAX_REPORT_GROUPS} groups per project).`,
  maxEntries: MAX_REPORT_GROUPS,
  maxEntriesSeverity: 'warning',
  values: object('One report group.', {
    files: key(pathList('Report files, relative to the source root or base-directory.'), { required: true }),
    'base-directory': key(str('Directory the report files are relative to.')),
    'discard-paths': key(bool('yes: flatten directories of the report files.')),
    'file-format': key(
      str(`Report format (case-insensitive), default JUNITXML: ${REPORT_FORMATS.join(', ')}.`, {
        enum: REPORT_FORMATS,
        caseInsensitive: true,
      }),
    ),
  }),
};

export const CACHE_ACTIONS = ['restore', 'save'] as const;
export const MAX_FALLBACK_KEYS = 5;

const cacheShape = object('Files and directories to cache between builds.', {
  paths: key(pathList('Paths to cache (absolute paths are common, e.g. "/root/.m2/**/*").'), { required: true }),
  key: key(str('Cache key; may contain shell syntax, e.g. npm-$(codebuild-hash-files package-lock.json).')),
  'fallback-keys': key(
    list(`Up to ${MAX_FALLBACK_KEYS} key prefixes tried when key misses (only used with key).`, str('A key prefix.'), {
      maxItems: MAX_FALLBACK_KEYS,
      maxItemsMessage: (count) =>
        `lists ${count} keys; CodeBuild takes "up to five keys" (fallback-keys): remove ${count - MAX_FALLBACK_KEYS}`,
    }),
  ),
  action: key(str('restore: only restore the cache; save: only save it. Default: both.', { enum: CACHE_ACTIONS })),
});

const proxyShape = object('Explicit proxy settings.', {
  'upload-artifacts': key(bool('yes: upload artifacts through the proxy.')),
  logs: key(bool('yes: create CloudWatch logs through the proxy.')),
});

// ---- batch ----------------------------------------------------------------------------------------------------

const taskEnvKeys = (): Record<string, KeyDef> => ({
  'compute-type': key(str('Compute type, e.g. BUILD_GENERAL1_SMALL.')),
  image: key(str('Image identifier, e.g. aws/codebuild/standard:7.0.')),
  'privileged-mode': key(bool('true: run the Docker daemon inside the container.')),
  type: key(str('Environment type, e.g. LINUX_CONTAINER, ARM_CONTAINER, WINDOWS_SERVER_2019_CONTAINER.')),
  fleet: key(str('Reserved-capacity fleet to run the task on.')),
  variables: key(variablesMap('Variables for this task: name → value.')),
});

function taskShape(graph: boolean): ObjectShape {
  const keys: Record<string, KeyDef> = {
    identifier: key(
      str('Task identifier (letters, digits, underscores); becomes CODEBUILD_BATCH_BUILD_IDENTIFIER.', {
        schemaPattern: IDENTIFIER_PATTERN,
        check: (id) => error(identifierProblem(id)),
      }),
      { required: true },
    ),
    buildspec: key(str("Path of the task's buildspec, relative to the source root (default: this file).")),
    'debug-session': key(bool('true: enable Session Manager debugging for this task.')),
    env: key(object('Environment overrides for this task.', taskEnvKeys())),
    'ignore-failure': key(bool('true: a failure of this task does not fail the batch.')),
  };
  if (graph) {
    keys['depend-on'] = key(
      list('Identifiers of the tasks that must complete before this one.', str('A task identifier.')),
    );
  }
  return object('One build task.', keys, {
    misplaced: graph ? {} : { 'depend-on': 'depend-on is allowed in build-graph only' },
  });
}

const matrixShape = object('A build matrix: one build per combination of the dynamic values.', {
  static: key(
    object('Settings shared by every build of the matrix.', {
      'ignore-failure': key(bool('true: a failed build does not fail the batch.')),
      env: key(
        object('Environment settings for every build.', {
          'privileged-mode': key(bool('true: run the Docker daemon inside the container.')),
          type: key(str('Environment type, e.g. LINUX_CONTAINER.')),
          'compute-type': key(str('Compute type, e.g. BUILD_GENERAL1_SMALL.')),
          image: key(str('Image identifier.')),
          fleet: key(str('Reserved-capacity fleet.')),
        }),
      ),
    }),
  ),
  dynamic: key(
    object('Values to combine; every value is a list.', {
      buildspec: key(list('Buildspec files to combine.', str('A buildspec path.'))),
      env: key(
        object('Environment values to combine.', {
          'compute-type': key(list('Compute types to combine.', str('A compute type.'))),
          image: key(list('Images to combine.', str('An image identifier.'))),
          variables: key({
            kind: 'map',
            description: 'Variables to combine: name → list of values.',
            keyPattern: VARIABLE_NAME_PATTERN,
            checkKey: (name) => error(variableNameProblem(name)),
            values: list('Values of the variable.', str('One value.')),
          }),
        }),
      ),
    }),
  ),
});

export const BATCH_KINDS = ['build-list', 'build-graph', 'build-matrix', 'build-fanout'] as const;

/** A batch type left empty starts no build at all: an error, not the generic "is empty" warning. */
const emptyBatch = (advice: string) => ({
  nullSeverity: 'error' as const,
  nullMessage: `is empty, so the batch has no builds: ${advice}`,
});

const taskList = (description: string, graph: boolean): ListShape =>
  list(description, taskShape(graph), {
    ...emptyBatch('list at least one task (- identifier: …)'),
    minItems: 1,
    minItemsMessage: 'lists no tasks, so the batch has no builds: list at least one task (- identifier: …)',
  });

const batchShape = object(
  'Batch build settings (used when the build is started as a batch).',
  {
    'fast-fail': key(bool('true: stop all running builds when one task fails. Default false.')),
    'build-list': key(taskList('Tasks that run in parallel.', false)),
    'build-graph': key(taskList('Tasks with dependencies (depend-on).', true)),
    'build-matrix': key({ ...matrixShape, ...emptyBatch('give dynamic: values to combine') }),
    'build-fanout': key(
      object(
        'Identical builds that split the tests between them (codebuild-tests-run).',
        {
          parallelism: key(
            { kind: 'integer', minimum: 1, description: 'Number of builds to run (> 0).' },
            { required: true },
          ),
          'ignore-failure': key(bool('true: a failed build does not fail the batch.')),
        },
        emptyBatch('give parallelism: <number of builds>'),
      ),
    ),
  },
  { exactlyOne: BATCH_KINDS },
);

// ---- top level ------------------------------------------------------------------------------------------------

export const ENV_02_KEY_HINT =
  'environment_variables is the version 0.1 form: aws-cicd run ignores it in a 0.2 file, so these variables are not set (whether CodeBuild reads it in a 0.2 file is unconfirmed): use env: variables:';

export const buildspecShape: ObjectShape = object(
  'A CodeBuild buildspec.',
  {
    version: key(
      str('Buildspec version: 0.2 (current) or 0.1 (legacy: every command runs in its own shell).', {
        enum: VERSIONS,
        check: (v) =>
          (VERSIONS as readonly string[]).includes(v)
            ? undefined
            : { severity: 'error', message: `invalid buildspec version ${v}; supported: ${VERSIONS.join(', ')}` },
      }),
      { required: true },
    ),
    'run-as': key(str('Linux user that runs all commands (default root).'), only02('run-as')),
    env: key(envShape, only02('env')),
    environment_variables: key(legacyEnvShape, { versions: ['0.1'], versionMessage: ENV_02_KEY_HINT }),
    proxy: key(proxyShape, only02('proxy')),
    batch: key(batchShape, only02('batch')),
    phases: key(phasesShape),
    reports: key(reportsShape, only02('reports')),
    artifacts: key(artifactsShape),
    cache: key(cacheShape, only02('cache')),
  },
  {
    unknownHint: (k) =>
      (PHASE_NAMES as readonly string[]).includes(k) ? `"${k}" is a phase: put it under phases:` : undefined,
  },
);

/** The definition at a dotted path of fixed keys, e.g. `env.shell` (for tests and tools). */
export function definitionAt(path: string): Shape | undefined {
  let shape: Shape | undefined = buildspecShape;
  for (const part of path.split('.')) {
    if (shape?.kind !== 'object') return undefined;
    shape = shape.keys[part]?.shape;
  }
  return shape;
}
