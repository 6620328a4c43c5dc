/**
 * The batch section: model, unique task identifiers, depend-on references and cycles (build-graph).
 */
import type { FindingSink } from '../core/findings.js';
import { closest } from './grammar.js';
import { child, flagOf, namedValuesOf, optional, optionalFlagOf, scalarItems, stringsOf, textOf } from './read.js';
import { entry, type MapNode, type TreeNode } from '../core/yaml-tree.js';
import type { BatchSpec, BatchTask, BatchTaskEnv, BuildMatrix, Position } from './types.js';

export function buildBatch(node: MapNode, sink: FindingSink): BatchSpec | undefined {
  const fastFail = flagOf(node, 'fast-fail');
  const list = child(node, 'build-list');
  const graph = child(node, 'build-graph');
  const matrix = child(node, 'build-matrix');
  const fanout = child(node, 'build-fanout');
  if (list) return { kind: 'build-list', fastFail, tasks: buildTasks(list, 'batch.build-list', sink) };
  if (graph) {
    const tasks = buildTasks(graph, 'batch.build-graph', sink);
    checkGraph(graph, tasks, sink);
    return { kind: 'build-graph', fastFail, tasks };
  }
  if (matrix) return { kind: 'build-matrix', fastFail, matrix: buildMatrix(matrix) };
  if (fanout) {
    const parallelism = Number(textOf(fanout, 'parallelism') ?? '1');
    return {
      kind: 'build-fanout',
      fastFail,
      parallelism: Number.isInteger(parallelism) && parallelism > 0 ? parallelism : 1,
      ignoreFailure: flagOf(fanout, 'ignore-failure'),
    };
  }
  return undefined;
}

/**
 * In a file without phases, the batch's builds that run this very file (a task without `buildspec`, every fan-out
 * build, a matrix without dynamic buildspecs) have nothing to run. A warning: that a build of a phase-less file
 * fails is not documented, and a matrix or fan-out may be meant for another project's buildspec override.
 */
export function warnBuildsWithoutPhases(batch: MapNode, sink: FindingSink): void {
  const advice = 'this file has no phases';
  for (const kind of ['build-list', 'build-graph'] as const) {
    const tasks = child(batch, kind);
    if (tasks?.kind !== 'seq') continue;
    tasks.items.forEach((item, i) => {
      if (item.kind !== 'map' || textOf(item, 'buildspec') !== undefined) return;
      const id = textOf(item, 'identifier') ?? `${i + 1}`;
      sink.warning(
        item.pos,
        `batch.${kind}[${i}]`,
        `task "${id}" gives no buildspec, so it runs this file, but ${advice}: add buildspec: <file> to the task or phases to this file`,
      );
    });
  }
  const fanout = entry(batch, 'build-fanout');
  if (fanout) {
    sink.warning(fanout.keyPos, 'batch.build-fanout', `every fan-out build runs this file, but ${advice}: add phases`);
  }
  const matrix = entry(batch, 'build-matrix');
  if (matrix && stringsOf(child(matrix.value, 'dynamic'), 'buildspec').length === 0) {
    sink.warning(
      matrix.keyPos,
      'batch.build-matrix',
      `the matrix builds run this file (no dynamic: buildspec: list), but ${advice}: add phases or list buildspecs`,
    );
  }
}

function taskEnv(node: TreeNode | undefined): BatchTaskEnv {
  return {
    ...optional('computeType', textOf(node, 'compute-type')),
    ...optional('image', textOf(node, 'image')),
    ...optional('privilegedMode', optionalFlagOf(node, 'privileged-mode')),
    ...optional('type', textOf(node, 'type')),
    variables: namedValuesOf(node, 'variables'),
  };
}

function buildTasks(node: TreeNode, path: string, sink: FindingSink): BatchTask[] {
  if (node.kind !== 'seq') return [];
  const first = new Map<string, Position>();
  const tasks: BatchTask[] = [];
  node.items.forEach((item, i) => {
    if (item.kind !== 'map') return;
    const idNode = child(item, 'identifier');
    const identifier = idNode?.kind === 'scalar' ? idNode.text : '';
    if (idNode?.kind === 'scalar') {
      const earlier = first.get(identifier);
      if (earlier) {
        sink.error(
          idNode.pos,
          `${path}[${i}].identifier`,
          `duplicate identifier "${identifier}" (first used at line ${earlier.line})`,
        );
      } else first.set(identifier, idNode.pos);
    }
    tasks.push({
      identifier,
      ...optional('buildspec', textOf(item, 'buildspec')),
      debugSession: flagOf(item, 'debug-session'),
      env: taskEnv(child(item, 'env')),
      ignoreFailure: flagOf(item, 'ignore-failure'),
      dependOn: stringsOf(item, 'depend-on'),
      pos: item.pos,
    });
  });
  return tasks;
}

interface Edge {
  readonly to: string;
  readonly pos: Position;
  readonly path: string;
}

/** depend-on must name existing tasks and form no cycle; each cycle is reported once, with its path. */
function checkGraph(node: TreeNode, tasks: readonly BatchTask[], sink: FindingSink): void {
  if (node.kind !== 'seq') return;
  const ids = tasks.map((t) => t.identifier).filter((id) => id !== '');
  const edges = new Map<string, Edge[]>();
  node.items.forEach((item, i) => {
    const from = textOf(item, 'identifier');
    const refs = scalarItems(child(item, 'depend-on'));
    const list: Edge[] = [];
    refs.forEach((ref, j) => {
      const path = `batch.build-graph[${i}].depend-on${child(item, 'depend-on')?.kind === 'seq' ? `[${j}]` : ''}`;
      if (!ids.includes(ref.text)) {
        const suggestion = closest(ref.text, ids);
        // Duplicate identifiers are reported on their own; list each task once here.
        const known = [...new Set(ids)].join(', ') || '(none)';
        const hint = suggestion ? `; did you mean "${suggestion}"?` : `; tasks are ${known}`;
        sink.error(ref.pos, path, `depends on unknown task "${ref.text}"${hint}`);
      } else list.push({ to: ref.text, pos: ref.pos, path });
    });
    if (from !== undefined && !edges.has(from)) edges.set(from, list);
  });
  reportCycles(edges, sink);
}

function reportCycles(edges: ReadonlyMap<string, readonly Edge[]>, sink: FindingSink): void {
  const state = new Map<string, 'active' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): void => {
    state.set(id, 'active');
    stack.push(id);
    for (const edge of edges.get(id) ?? []) {
      const seen = state.get(edge.to);
      if (seen === 'active') {
        const cycle = [...stack.slice(stack.indexOf(edge.to)), edge.to];
        sink.error(edge.pos, edge.path, `dependency cycle: ${cycle.join(' → ')}`);
      } else if (seen === undefined) visit(edge.to);
    }
    stack.pop();
    state.set(id, 'done');
  };
  for (const id of edges.keys()) if (!state.has(id)) visit(id);
}

function buildMatrix(node: TreeNode): BuildMatrix {
  const stat = child(node, 'static');
  const staticEnv = child(stat, 'env');
  const dynamic = child(node, 'dynamic');
  const dynamicEnv = child(dynamic, 'env');
  const variables = child(dynamicEnv, 'variables');
  return {
    static: {
      ignoreFailure: flagOf(stat, 'ignore-failure'),
      env: {
        ...optional('privilegedMode', optionalFlagOf(staticEnv, 'privileged-mode')),
        ...optional('type', textOf(staticEnv, 'type')),
        ...optional('computeType', textOf(staticEnv, 'compute-type')),
        ...optional('image', textOf(staticEnv, 'image')),
      },
    },
    dynamic: {
      buildspec: stringsOf(dynamic, 'buildspec'),
      computeType: stringsOf(dynamicEnv, 'compute-type'),
      image: stringsOf(dynamicEnv, 'image'),
      variables:
        variables?.kind === 'map'
          ? variables.entries.map((e) => ({ name: e.key, values: scalarItems(e.value).map((c) => c.text) }))
          : [],
    },
  };
}
