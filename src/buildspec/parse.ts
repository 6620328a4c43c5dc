/**
 * parseBuildspec: YAML text → findings (errors and warnings with line:col) and, when there is no error, the typed
 * model. Order: YAML syntax (tree.ts) → shapes against the definitions (check.ts) → cross-key rules and the model
 * (model.ts, batch.ts).
 */
import { checkNode } from './check.js';
import { buildspecShape, VERSIONS, type Version } from './definitions.js';
import { FindingSink } from './findings.js';
import { buildModel } from './model.js';
import { entry, parseTree, type MapNode } from '../common/yaml-tree.js';
import type { BuildspecResult, Finding, Position } from './types.js';

export { formatFinding } from './findings.js';

const START: Position = { line: 1, col: 1 };

/** Parses and validates a buildspec. Never throws: every problem, including YAML syntax, is a finding. */
export function parseBuildspec(text: string, file: string): BuildspecResult {
  const sink = new FindingSink(file);
  try {
    const buildspec = parseInto(text, file, sink);
    return sink.hasErrors || buildspec === undefined
      ? { findings: sink.sorted() }
      : { buildspec, findings: sink.sorted() };
  } catch (error) {
    // A bug, not the user's fault; still a finding rather than a crash of the caller.
    sink.error(START, '', `internal error while validating: ${error instanceof Error ? error.message : String(error)}`);
    return { findings: sink.sorted() };
  }
}

/** The findings of parseBuildspec alone. */
export function validateBuildspec(text: string, file: string): readonly Finding[] {
  return parseBuildspec(text, file).findings;
}

function parseInto(text: string, file: string, sink: FindingSink): ReturnType<typeof buildModel> | undefined {
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    sink.error(START, '', 'the file is empty; a buildspec needs at least "version" and "phases"');
    return undefined;
  }
  const tree = parseTree(text);
  for (const p of tree.problems) sink.add(p.severity, p.pos, '', p.message);
  if (tree.problems.some((p) => p.severity === 'error')) return undefined;
  const root = tree.root;
  if (root === undefined) {
    sink.error(START, '', 'the file holds only comments; a buildspec needs at least "version" and "phases"');
    return undefined;
  }
  if (root.kind !== 'map') {
    const what = root.kind === 'seq' ? 'a list' : `the text "${root.text.slice(0, 40)}"`;
    sink.error(root.pos, '', `a buildspec is a mapping of keys (version, phases, …), but the file holds ${what}`);
    return undefined;
  }
  const version = readVersion(root, sink);
  checkNode(root, buildspecShape, { path: '', at: root.pos }, { version, sink });
  requirePhases(root, sink);
  return buildModel(root, version ?? '0.2', file, sink);
}

function readVersion(root: MapNode, sink: FindingSink): Version | undefined {
  const e = entry(root, 'version');
  const text = e?.value.kind === 'scalar' ? e.value.text : undefined;
  const version = VERSIONS.find((v) => v === text);
  if (version === '0.1' && e) {
    sink.warning(
      e.value.pos,
      'version',
      'version 0.1 is legacy: every command runs in its own shell, so cd, variables and exports do not carry over; use 0.2',
    );
  }
  return version;
}

/** phases is required unless the file only defines a batch (its tasks name their own buildspecs). */
function requirePhases(root: MapNode, sink: FindingSink): void {
  const phases = entry(root, 'phases');
  if (entry(root, 'batch')) return;
  if (phases === undefined) {
    sink.error(
      root.pos,
      'phases',
      'missing "phases": a buildspec needs phases (install, pre_build, build, post_build) unless it only defines a batch',
    );
  } else if (phases.value.kind === 'scalar' && phases.value.isNull) {
    sink.error(phases.keyPos, 'phases', 'is empty: list at least one phase (install, pre_build, build, post_build)');
  }
}
