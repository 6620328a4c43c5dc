/**
 * Builds the typed model (types.ts) from a checked tree, and applies the rules that involve several keys at once
 * (phases without commands, fallback-keys without key). Batch rules are in batch.ts.
 */
import { buildBatch } from './batch.js';
import type { Version } from './definitions.js';
import type { FindingSink } from '../core/findings.js';
import { parseOnFailure, parseSecretReference } from './grammar.js';
import { child, flagOf, namedValuesOf, optional, scalarItems, stringsOf, textOf } from './read.js';
import { entry, type MapNode, type TreeNode } from '../core/yaml-tree.js';
import {
  PHASE_NAMES,
  type ArtifactSpec,
  type ArtifactsSpec,
  type Buildspec,
  type CacheSpec,
  type EnvSpec,
  type Phase,
  type PhaseName,
  type ReportFormat,
  type ReportGroupSpec,
  type SecretVariable,
} from './types.js';

export function buildModel(root: MapNode, version: Version, file: string, sink: FindingSink): Buildspec {
  const artifacts = child(root, 'artifacts');
  const cache = child(root, 'cache');
  const batch = child(root, 'batch');
  return {
    file,
    version,
    ...optional('runAs', textOf(root, 'run-as')),
    env: buildEnv(root, version),
    proxy: {
      uploadArtifacts: flagOf(child(root, 'proxy'), 'upload-artifacts'),
      logs: flagOf(child(root, 'proxy'), 'logs'),
    },
    phases: buildPhases(root, sink),
    ...optional('artifacts', artifacts?.kind === 'map' ? buildArtifacts(artifacts) : undefined),
    reports: buildReports(child(root, 'reports')),
    ...optional('cache', cache?.kind === 'map' ? buildCache(cache, sink) : undefined),
    ...optional('batch', batch?.kind === 'map' ? buildBatch(batch, sink) : undefined),
  };
}

// ---- env ------------------------------------------------------------------------------------------------------

function buildEnv(root: MapNode, version: Version): EnvSpec {
  const env = child(root, 'env');
  // 0.1 keeps its variables under environment_variables; a 0.2 file's environment_variables are ignored.
  const legacy = version === '0.1' ? child(root, 'environment_variables') : undefined;
  return {
    ...optional('shell', textOf(env, 'shell')),
    variables: [...namedValuesOf(legacy, 'plaintext'), ...namedValuesOf(env, 'variables')],
    parameterStore: [...namedValuesOf(legacy, 'parameter-store'), ...namedValuesOf(env, 'parameter-store')],
    secretsManager: namedValuesOf(env, 'secrets-manager').map((v): SecretVariable => {
      const parsed = parseSecretReference(v.value);
      return { ...v, reference: parsed.ok ? parsed.value : { secretId: v.value } };
    }),
    exportedVariables: stringsOf(env, 'exported-variables'),
    gitCredentialHelper: flagOf(env, 'git-credential-helper'),
  };
}

// ---- phases ---------------------------------------------------------------------------------------------------

function buildPhases(root: MapNode, sink: FindingSink): Phase[] {
  const phases = entry(root, 'phases')?.value;
  if (phases?.kind !== 'map') return [];
  const byName = new Map(phases.entries.map((e) => [e.key, e]));
  const out: Phase[] = [];
  for (const name of PHASE_NAMES) {
    const e = byName.get(name);
    if (e === undefined) continue;
    checkPhaseCommands(name, e.value, sink);
    out.push(buildPhase(name, e.value, e.keyPos));
  }
  return out;
}

function buildPhase(name: PhaseName, node: TreeNode, pos: Phase['pos']): Phase {
  const onFailure = textOf(node, 'on-failure');
  const parsed = onFailure === undefined ? undefined : parseOnFailure(onFailure);
  const runtimes = namedValuesOf(node, 'runtime-versions');
  return {
    name,
    ...optional('runAs', textOf(node, 'run-as')),
    ...optional('onFailure', parsed?.ok ? parsed.value : undefined),
    ...optional('runtimeVersions', name === 'install' && entry(node, 'runtime-versions') ? runtimes : undefined),
    commands: scalarItems(child(node, 'commands')),
    finally: scalarItems(child(node, 'finally')),
    pos,
  };
}

/** GitHub-Actions `steps:` instead of commands is an error; a phase with nothing to run is a warning. */
function checkPhaseCommands(name: PhaseName, node: TreeNode, sink: FindingSink): void {
  if (node.kind !== 'map') return;
  const has = (k: string) => entry(node, k) !== undefined;
  const path = `phases.${name}`;
  const steps = entry(node, 'steps');
  if (steps && !has('commands')) {
    sink.error(
      steps.keyPos,
      `${path}.steps`,
      'buildspec phases have no "steps" (GitHub Actions syntax); list shell commands under "commands:"',
    );
  } else if (!has('commands') && !has('finally') && !(name === 'install' && has('runtime-versions'))) {
    sink.warning(node.pos, path, 'has no commands; the phase does nothing');
  } else if (!has('commands') && has('finally')) {
    sink.warning(node.pos, path, 'has finally but no commands (CodeBuild documents commands as required)');
  }
}

// ---- artifacts, reports, cache --------------------------------------------------------------------------------

function buildArtifact(node: TreeNode): ArtifactSpec {
  return {
    files: stringsOf(node, 'files'),
    ...optional('name', textOf(node, 'name')),
    discardPaths: flagOf(node, 'discard-paths'),
    ...optional('baseDirectory', textOf(node, 'base-directory')),
    excludePaths: stringsOf(node, 'exclude-paths'),
    enableSymlinks: flagOf(node, 'enable-symlinks'),
    ...optional('s3Prefix', textOf(node, 's3-prefix')),
  };
}

function buildArtifacts(node: MapNode): ArtifactsSpec {
  const secondary = child(node, 'secondary-artifacts');
  return {
    ...buildArtifact(node),
    secondary:
      secondary?.kind === 'map' ? secondary.entries.map((e) => ({ identifier: e.key, ...buildArtifact(e.value) })) : [],
  };
}

function buildReports(node: TreeNode | undefined): ReportGroupSpec[] {
  if (node?.kind !== 'map') return [];
  return node.entries.map((e) => ({
    name: e.key,
    files: stringsOf(e.value, 'files'),
    ...optional('baseDirectory', textOf(e.value, 'base-directory')),
    discardPaths: flagOf(e.value, 'discard-paths'),
    fileFormat: (textOf(e.value, 'file-format')?.toUpperCase() ?? 'JUNITXML') as ReportFormat,
  }));
}

function buildCache(node: MapNode, sink: FindingSink): CacheSpec {
  const key = textOf(node, 'key');
  const fallback = entry(node, 'fallback-keys');
  if (fallback && key === undefined) {
    sink.warning(fallback.keyPos, 'cache.fallback-keys', 'fallback-keys are only used together with key; add a key');
  }
  const text = textOf(node, 'action');
  const action: CacheSpec['action'] = text === 'restore' || text === 'save' ? text : undefined;
  return {
    paths: stringsOf(node, 'paths'),
    ...optional('key', key),
    fallbackKeys: stringsOf(node, 'fallback-keys'),
    ...optional('action', action),
  };
}
