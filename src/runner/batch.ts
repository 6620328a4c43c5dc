/**
 * Batch builds run locally (`aws-cicd run --batch`): the buildspec's `batch` section expanded into child builds
 * (build-list, build-graph, build-matrix, build-fanout), run at most `parallel` at once in depend-on order, with
 * fast-fail and ignore-failure as CodeBuild applies them. The result has the shape of CodeBuild's `BuildBatch`
 * (BatchGetBuildBatches), so scripts written for it read local runs too.
 */
import type { BatchSpec, BatchTask } from '../buildspec/types.js';
import type { BuildResult, Clock, StatusType } from './types.js';

/** One child build of a batch, as the batch section defines it. */
export interface BatchChild {
  readonly identifier: string;
  /** The task's buildspec path relative to the source folder; absent: the batch buildspec itself. */
  readonly buildspec?: string;
  /** Task `env.variables`, in order; they override the buildspec's variables. */
  readonly variables: ReadonlyArray<readonly [string, string]>;
  readonly ignoreFailure: boolean;
  readonly dependOn: readonly string[];
  /** Build environment settings a local run cannot apply; logged so nobody is surprised. */
  readonly environment: Readonly<Record<string, string>>;
}

/** Expands a batch section into its child builds (pure). */
export function expandBatch(batch: BatchSpec): BatchChild[] {
  switch (batch.kind) {
    case 'build-list':
    case 'build-graph':
      return batch.tasks.map((task) => fromTask(task, batch.kind === 'build-graph'));
    case 'build-matrix':
      return expandMatrix(batch.matrix);
    case 'build-fanout':
      return Array.from({ length: batch.parallelism }, (_, i) => ({
        identifier: `build${i + 1}`,
        variables: [],
        ignoreFailure: batch.ignoreFailure,
        dependOn: [],
        environment: {},
      }));
  }
}

function fromTask(task: BatchTask, graph: boolean): BatchChild {
  const environment: Record<string, string> = {};
  if (task.env.image !== undefined) environment.image = task.env.image;
  if (task.env.computeType !== undefined) environment['compute-type'] = task.env.computeType;
  if (task.env.type !== undefined) environment.type = task.env.type;
  if (task.env.privilegedMode !== undefined) environment['privileged-mode'] = String(task.env.privilegedMode);
  return {
    identifier: task.identifier,
    buildspec: task.buildspec,
    variables: task.env.variables.map((v) => [v.name, v.value] as const),
    ignoreFailure: task.ignoreFailure,
    dependOn: graph ? task.dependOn : [],
    environment,
  };
}

/**
 * One child per combination of the dynamic lists (buildspec × compute-type × image × each variable's values),
 * in the order the lists are written, the first list varying slowest. Children are named build1, build2, …
 * (CodeBuild's own naming of matrix children is not documented).
 */
function expandMatrix(matrix: Extract<BatchSpec, { kind: 'build-matrix' }>['matrix']): BatchChild[] {
  type Combo = { buildspec?: string; variables: Array<readonly [string, string]>; environment: Record<string, string> };
  let combos: Combo[] = [{ variables: [], environment: {} }];
  const multiply = (values: readonly string[], apply: (c: Combo, v: string) => Combo): void => {
    if (values.length === 0) return;
    combos = combos.flatMap((c) => values.map((v) => apply(c, v)));
  };
  multiply(matrix.dynamic.buildspec, (c, v) => ({ ...c, buildspec: v }));
  multiply(matrix.dynamic.computeType, (c, v) => ({ ...c, environment: { ...c.environment, 'compute-type': v } }));
  multiply(matrix.dynamic.image, (c, v) => ({ ...c, environment: { ...c.environment, image: v } }));
  for (const { name, values } of matrix.dynamic.variables) {
    multiply(values, (c, v) => ({ ...c, variables: [...c.variables, [name, v] as const] }));
  }
  const fixed: Record<string, string> = {};
  const env = matrix.static.env;
  if (env.image !== undefined) fixed.image = env.image;
  if (env.computeType !== undefined) fixed['compute-type'] = env.computeType;
  if (env.type !== undefined) fixed.type = env.type;
  if (env.privilegedMode !== undefined) fixed['privileged-mode'] = String(env.privilegedMode);
  return combos.map((c, i) => ({
    identifier: `build${i + 1}`,
    buildspec: c.buildspec,
    variables: c.variables,
    ignoreFailure: matrix.static.ignoreFailure,
    dependOn: [],
    environment: { ...fixed, ...c.environment },
  }));
}

// ---------------------------------------------------------------------------------------------------------------

export type BatchPhaseType =
  'SUBMITTED' | 'DOWNLOAD_BATCHSPEC' | 'IN_PROGRESS' | 'COMBINE_ARTIFACTS' | 'SUCCEEDED' | 'FAILED' | 'STOPPED';

export interface BuildSummary {
  readonly arn: string;
  readonly requestedOn: Date;
  readonly buildStatus: StatusType;
  readonly primaryArtifact?: { readonly location: string };
  readonly secondaryArtifacts: ReadonlyArray<{ readonly location: string; readonly identifier: string }>;
}

export interface BuildGroup {
  readonly identifier: string;
  readonly dependsOn: readonly string[];
  readonly ignoreFailure: boolean;
  /** Absent when the child never started (a dependency failed, fast-fail, or the batch was stopped). */
  readonly currentBuildSummary?: BuildSummary;
}

/** CodeBuild's `BuildBatch`, as far as a local batch has it. */
export interface BatchResult {
  readonly id: string;
  readonly arn: string;
  readonly buildBatchNumber: number;
  readonly buildBatchStatus: StatusType;
  readonly currentPhase: BatchPhaseType;
  readonly complete: boolean;
  readonly startTime: Date;
  readonly endTime: Date;
  readonly projectName: string;
  readonly phases: ReadonlyArray<{
    readonly phaseType: BatchPhaseType;
    readonly phaseStatus?: StatusType;
    readonly startTime: Date;
    readonly endTime?: Date;
    readonly durationInSeconds?: number;
  }>;
  readonly buildGroups: readonly BuildGroup[];
  /** Our own field: every child's full build, keyed by identifier. */
  readonly builds: Readonly<Record<string, BuildResult>>;
}

export interface BatchRunOptions {
  readonly batch: BatchSpec;
  readonly batchId: string;
  readonly batchArn: string;
  readonly buildBatchNumber: number;
  readonly projectName: string;
  /** How many children run at once (≥ 1). */
  readonly parallel: number;
  readonly signal?: AbortSignal;
}

export interface BatchRunDeps {
  /** Runs one child to its end; must honour the signal (status STOPPED). */
  runChild(child: BatchChild, signal: AbortSignal): Promise<BuildResult>;
  /** A batch-level status line (`build1 SUCCEEDED`, `build2 skipped: …`). */
  status(line: string): void;
  readonly clock: Clock;
}

/** Runs the children; never rejects for a child's failure (that is the child's status). */
export async function runBatch(options: BatchRunOptions, deps: BatchRunDeps): Promise<BatchResult> {
  const startTime = new Date(deps.clock.now());
  const children = expandBatch(options.batch);
  const stop = new AbortController();
  const onAbort = (): void => stop.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) stop.abort();

  const builds = new Map<string, BuildResult>();
  const skipped = new Map<string, string>();
  const running = new Map<string, Promise<void>>();
  const pending = [...children];
  let failed = false;

  const blocking = (b: BuildResult, child: BatchChild): boolean =>
    b.buildStatus !== 'SUCCEEDED' && !child.ignoreFailure;

  try {
    while (pending.length > 0 || running.size > 0) {
      // Children whose dependencies can no longer succeed are skipped, as are all when the batch stops.
      for (let i = pending.length - 1; i >= 0; i--) {
        const child = pending[i]!;
        const reason = stop.signal.aborted
          ? options.signal?.aborted
            ? 'the batch was stopped'
            : 'fast-fail: another build failed'
          : blockedBy(child, children, builds, skipped);
        if (reason !== undefined) {
          pending.splice(i, 1);
          skipped.set(child.identifier, reason);
          deps.status(`${child.identifier} not started: ${reason}`);
        }
      }
      // Start what is ready, in file order, up to the parallel limit.
      for (let i = 0; i < pending.length && running.size < options.parallel;) {
        const child = pending[i]!;
        if (!child.dependOn.every((d) => builds.has(d))) {
          i++;
          continue;
        }
        pending.splice(i, 1);
        running.set(
          child.identifier,
          deps.runChild(child, stop.signal).then((build) => {
            builds.set(child.identifier, build);
            running.delete(child.identifier);
            const note = build.buildStatus !== 'SUCCEEDED' && child.ignoreFailure ? ' (failure ignored)' : '';
            deps.status(`${child.identifier} ${build.buildStatus}${note}`);
            if (blocking(build, child)) {
              failed = true;
              if (options.batch.fastFail) stop.abort();
            }
          }),
        );
      }
      if (running.size === 0) {
        if (pending.length === 0) break;
        // Nothing can start: the remaining children wait on each other (the validator rejects cycles).
        for (const child of pending.splice(0)) {
          skipped.set(child.identifier, 'its dependencies never completed');
          deps.status(`${child.identifier} not started: its dependencies never completed`);
        }
        break;
      }
      await Promise.race(running.values());
    }
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }

  const endTime = new Date(deps.clock.now());
  // A child skipped for any reason other than the batch being stopped means something it needed failed.
  const status: StatusType = options.signal?.aborted ? 'STOPPED' : failed || skipped.size > 0 ? 'FAILED' : 'SUCCEEDED';
  return {
    id: options.batchId,
    arn: options.batchArn,
    buildBatchNumber: options.buildBatchNumber,
    buildBatchStatus: status,
    currentPhase: status,
    complete: true,
    startTime,
    endTime,
    projectName: options.projectName,
    phases: batchPhases(startTime, endTime, status),
    buildGroups: children.map((child) => {
      const build = builds.get(child.identifier);
      return {
        identifier: child.identifier,
        dependsOn: child.dependOn,
        ignoreFailure: child.ignoreFailure,
        currentBuildSummary: build === undefined ? undefined : summarize(build),
      };
    }),
    builds: Object.fromEntries(builds),
  };
}

/** Why a child can never run (a dependency failed or was skipped), or undefined. */
function blockedBy(
  child: BatchChild,
  children: readonly BatchChild[],
  builds: ReadonlyMap<string, BuildResult>,
  skipped: ReadonlyMap<string, string>,
): string | undefined {
  for (const dep of child.dependOn) {
    if (skipped.has(dep)) return `it depends on ${dep}, which did not run`;
    const build = builds.get(dep);
    const depChild = children.find((c) => c.identifier === dep);
    if (build !== undefined && build.buildStatus !== 'SUCCEEDED' && !depChild?.ignoreFailure) {
      return `it depends on ${dep}, which ended ${build.buildStatus}`;
    }
  }
  return undefined;
}

function summarize(build: BuildResult): BuildSummary {
  return {
    arn: build.arn,
    requestedOn: build.startTime,
    buildStatus: build.buildStatus,
    primaryArtifact: build.artifacts,
    secondaryArtifacts: build.secondaryArtifacts.map((a) => ({
      location: a.location,
      identifier: a.artifactIdentifier,
    })),
  };
}

function batchPhases(start: Date, end: Date, status: StatusType): BatchResult['phases'] {
  const seconds = Math.max(0, Math.round((end.getTime() - start.getTime()) / 1000));
  const instant = (phaseType: BatchPhaseType) => ({
    phaseType,
    phaseStatus: 'SUCCEEDED' as const,
    startTime: start,
    endTime: start,
    durationInSeconds: 0,
  });
  return [
    instant('SUBMITTED'),
    instant('DOWNLOAD_BATCHSPEC'),
    {
      phaseType: 'IN_PROGRESS',
      phaseStatus: status === 'SUCCEEDED' ? 'SUCCEEDED' : status,
      startTime: start,
      endTime: end,
      durationInSeconds: seconds,
    },
    { phaseType: 'COMBINE_ARTIFACTS', phaseStatus: 'SUCCEEDED', startTime: end, endTime: end, durationInSeconds: 0 },
    { phaseType: status === 'SUCCEEDED' ? 'SUCCEEDED' : status === 'STOPPED' ? 'STOPPED' : 'FAILED', startTime: end },
  ];
}
