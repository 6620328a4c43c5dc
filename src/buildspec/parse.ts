/**
 * parseBuildspec: YAML text → findings (errors and warnings with line:col) and, when there is no error, the typed
 * model. Order: YAML syntax (tree.ts) → shapes against the definitions (check.ts) → cross-key rules and the model
 * (model.ts, batch.ts).
 */
import { warnBuildsWithoutPhases } from './batch.js';
import { checkNode } from './check.js';
import { BATCH_KINDS, buildspecShape, VERSIONS, type Version } from './definitions.js';
import { FindingSink } from '../core/findings.js';
import { buildModel } from './model.js';
import { explainYamlProblem } from '../core/yaml-hints.js';
import { entry, parseTree, type MapNode, type TreeNode } from '../core/yaml-tree.js';
import type { BuildspecResult, Finding, Position } from './types.js';

export { formatFinding } from '../core/findings.js';

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
  for (const p of tree.problems) sink.add(p.severity, p.pos, '', explainYamlProblem(p.message));
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
  requireSomethingToBuild(root, version, sink);
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

const PHASE_LIST = 'install, pre_build, build, post_build';

/**
 * A file must define something to build (spec §3.5, §7, §11.4): phases, or a batch whose builds name their own
 * buildspecs. Empty phases (`phases:` or `phases: {}`) and an empty batch define nothing, and batch is documented
 * for version 0.2 only, so it cannot take the place of phases in a 0.1 file.
 */
function requireSomethingToBuild(root: MapNode, version: Version | undefined, sink: FindingSink): void {
  const phases = entry(root, 'phases');
  const batch = entry(root, 'batch');
  const phasesEmpty = phases !== undefined && isEmptyMapping(phases.value);
  if (phases !== undefined && !phasesEmpty) return;
  if (batch?.value.kind === 'map' && definesBuilds(batch.value) && version !== '0.1') {
    // A batch-only file: fine, but builds that run this very file have no phases to run.
    if (phases?.value.kind === 'map')
      sink.warning(phases.keyPos, 'phases', 'is empty ({}); the file only defines a batch');
    warnBuildsWithoutPhases(batch.value, sink);
    return;
  }
  const why =
    batch === undefined
      ? ''
      : version === '0.1'
        ? '; batch is documented for version 0.2 only, so in a 0.1 file it cannot take the place of phases: add phases or use version: 0.2'
        : '; the batch defines no builds either, so the file has nothing to build';
  if (phases === undefined) {
    sink.error(
      root.pos,
      'phases',
      `missing "phases": a buildspec needs phases (${PHASE_LIST}) unless it only defines a batch${why}`,
    );
  } else {
    const written = phases.value.kind === 'map' ? ' ({})' : '';
    sink.error(phases.keyPos, 'phases', `is empty${written}: list at least one phase (${PHASE_LIST})${why}`);
  }
}

function isEmptyMapping(node: TreeNode): boolean {
  return (node.kind === 'scalar' && node.isNull) || (node.kind === 'map' && node.entries.length === 0);
}

/** Whether a batch mapping has a batch type with content (an empty one is an error of its own, check.ts). */
function definesBuilds(batch: MapNode): boolean {
  return batch.entries.some(
    (e) =>
      (BATCH_KINDS as readonly string[]).includes(e.key) &&
      !isEmptyMapping(e.value) &&
      !(e.value.kind === 'seq' && e.value.items.length === 0),
  );
}
