/**
 * Following a remote build, side by side in one run: five builds of one 2-minute project started together, a line
 * every 0.5 s, followed by each contender's action process against its own emulator (so each one's API calls are
 * counted alone; the emulators run in another process so that their builds do not disturb the timing):
 * - ours with Live Tail (`logs: live`), with `logs: poll`, and with `logs: poll` while 30 % of all requests are
 *   throttled;
 * - the official aws-actions/aws-codebuild-run-build and dark-mechanicum/aws-codebuild, when their release bundles
 *   are in the folder `shared/anchors` beside the repository (else one line says they are skipped): the baseline.
 * Figures per contender: line delay p50/p95 (a line's ingestion into CloudWatch Logs → the action printing it),
 * lines lost/duplicated/reordered, API calls per build-minute, exit after the build ended.
 * Then a batch build (two children of two minutes each, followed live) and a cancel (SIGTERM → build STOPPED).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createProject, gitRepo, ROLE } from '../test/codebuild/emulator-support.js';
import { startAction, median, percentile, type ActionRun } from './support/action.js';
import { EmulatorHost, type HostedBuild } from './support/emulators.js';
import type { Figures } from './support/figures.js';

const root = new URL('..', import.meta.url).pathname;
const ANCHORS = path.resolve(root, '..', 'shared', 'anchors');
const BUILDS = 5;
const LINES = 240;

const BUILDSPEC = `version: 0.2
phases:
  build:
    commands:
      - for i in $(seq -w 1 ${LINES}); do echo "tick-$i $CODEBUILD_BUILD_ID"; sleep 0.5; done
`;

/** Two children of two minutes each, as the single builds. */
const BATCH = `version: 0.2
batch:
  build-list:
    - identifier: one
    - identifier: two
phases:
  build:
    commands:
      - for i in $(seq -w 1 ${LINES}); do echo "tick-$i $CODEBUILD_BUILD_ID"; sleep 0.5; done
`;

const SLOW = 'version: 0.2\nphases:\n  build:\n    commands:\n      - echo sleeping\n      - sleep 60\n';

const TICK = /tick-(\d{3}) (\S+:[0-9a-f-]{36})\s*$/;

interface Contender {
  readonly name: string;
  readonly file: string;
  readonly inputs: Record<string, string>;
  readonly faults?: { throttleRate: number; seed: number };
}

function anchorInputs(dir: string, given: Record<string, string>): Record<string, string> {
  // As the runner passes them: every input with a default in action.yml, then the given ones.
  const inputs: Record<string, string> = {};
  const yml = readFileSync(path.join(dir, 'action.yml'), 'utf8');
  for (const m of yml.matchAll(/^ {2}([A-Za-z0-9_-]+):\n(?:(?: {4,}.*)?\n)*? {4}default: '?([^'\n]*)'?$/gm)) {
    inputs[m[1] as string] = m[2] as string;
  }
  return { ...inputs, ...given };
}

export function contenders(): { list: Contender[]; note?: string } {
  const ours = path.join(root, 'dist/build/index.js');
  const list: Contender[] = [
    { name: 'ours, logs: live', file: ours, inputs: { 'project-name': 'bench', logs: 'live' } },
    { name: 'ours, logs: poll', file: ours, inputs: { 'project-name': 'bench', logs: 'poll' } },
    {
      name: 'ours, logs: poll, 30 % throttled',
      file: ours,
      inputs: { 'project-name': 'bench', logs: 'poll' },
      faults: { throttleRate: 0.3, seed: 7 },
    },
  ];
  if (!existsSync(ANCHORS)) {
    return {
      list,
      note: `skipped: the official and community actions (the baseline) are not here: ${ANCHORS} is a folder beside the repository, which a clone does not include`,
    };
  }
  const official = path.join(ANCHORS, 'aws-codebuild-run-build');
  const dark = path.join(ANCHORS, 'dark-mechanicum-aws-codebuild');
  list.push(
    {
      name: 'official aws-codebuild-run-build',
      file: path.join(official, 'dist/index.js'),
      inputs: anchorInputs(official, { 'project-name': 'bench', 'disable-source-override': 'true' }),
    },
    {
      name: 'dark-mechanicum/aws-codebuild',
      file: path.join(dark, 'dist/index.js'),
      inputs: anchorInputs(dark, { projectName: 'bench' }),
    },
  );
  return { list };
}

interface Measured {
  delays: number[];
  lost: number;
  duplicated: number;
  reordered: number;
  callsPerBuildMinute: number;
  calls: number;
  /** `StartBuild 5, BatchGetBuilds 7, …` */
  operations: string;
  throttled: number;
  exits: number[];
  failedRuns: number;
}

/** Lines a process printed, by build: tick numbers in the order printed, with when. */
function ticks(run: ActionRun): Map<string, { n: number; at: number }[]> {
  const out = new Map<string, { n: number; at: number }[]>();
  for (const line of run.lines) {
    if (line.text.startsWith('::debug::')) continue; // dumps of whole API responses
    const m = TICK.exec(line.text);
    if (!m) continue;
    const id = m[2] as string;
    const list = out.get(id) ?? [];
    list.push({ n: Number(m[1]), at: line.at });
    out.set(id, list);
  }
  return out;
}

function measure(
  runs: { run: ActionRun; exit: { at: number; code: number | null } }[],
  builds: HostedBuild[],
  calls: number,
  operations: string,
  throttled: number,
): Measured {
  const byId = new Map(builds.map((b) => [b.id, b]));
  const m: Measured = {
    delays: [],
    lost: 0,
    duplicated: 0,
    reordered: 0,
    callsPerBuildMinute: 0,
    calls,
    operations,
    throttled,
    exits: [],
    failedRuns: 0,
  };
  let buildMinutes = 0;
  for (const { run, exit } of runs) {
    const printed = ticks(run);
    if (printed.size !== 1) {
      m.failedRuns++;
      continue;
    }
    const [id, seen] = [...printed][0] as [string, { n: number; at: number }[]];
    const build = byId.get(id);
    if (build?.endMs === undefined) {
      m.failedRuns++;
      continue;
    }
    buildMinutes += (build.endMs - build.startMs) / 60_000;
    m.exits.push(exit.at - build.endMs);
    const ingested = new Map<number, number>();
    for (const [message, at] of build.events) {
      const t = TICK.exec(message);
      if (t) ingested.set(Number(t[1]), at);
    }
    const unique = new Set(seen.map((s) => s.n));
    m.lost += LINES - unique.size;
    m.duplicated += seen.length - unique.size;
    for (let i = 1; i < seen.length; i++)
      if ((seen[i] as { n: number }).n < (seen[i - 1] as { n: number }).n) m.reordered++;
    const first = new Set<number>();
    for (const s of seen) {
      if (first.has(s.n)) continue;
      first.add(s.n);
      const at = ingested.get(s.n);
      if (at !== undefined) m.delays.push(s.at - at);
    }
  }
  m.callsPerBuildMinute = buildMinutes > 0 ? calls / buildMinutes : NaN;
  return m;
}

async function race(host: EmulatorHost, contender: Contender, index: number): Promise<Measured> {
  const name = `c${index}`;
  const env = await host.emulator(name, contender.faults);
  const repo = gitRepo({ 'buildspec.yml': BUILDSPEC });
  try {
    await createBenchProject(env, repo.dir);
    await host.resetCalls(name);
    const context: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ...env,
      GITHUB_WORKSPACE: repo.dir,
      GITHUB_SHA: repo.commit,
      GITHUB_REF: 'refs/heads/main',
      GITHUB_REPOSITORY: 'o/r',
      GITHUB_EVENT_NAME: 'push',
      GITHUB_RUN_ID: '1',
      GITHUB_ACTIONS: 'true',
    };
    const runs = Array.from({ length: BUILDS }, () => startAction(contender.file, context, contender.inputs));
    const exits = await Promise.all(runs.map((r) => r.exited));
    const calls = await host.calls(name);
    const counted = Object.entries(calls.byOperation).filter(([op]) => !op.endsWith(':CreateProject'));
    const total = counted.reduce((sum, [, n]) => sum + n, 0);
    const operations = counted.map(([op, n]) => `${op.split(':')[1]} ${n}`).join(', ');
    return measure(
      runs.map((run, i) => ({ run, exit: exits[i] as { at: number; code: number | null } })),
      await host.builds(name),
      total,
      operations,
      calls.throttled,
    );
  } finally {
    repo.cleanup();
  }
}

/** The benchmark's project in the emulator that `env` reaches (batch builds allowed). */
function createBenchProject(env: NodeJS.ProcessEnv, repo: string): Promise<void> {
  const endpoint = { url: env.AWS_ENDPOINT_URL ?? '', region: env.AWS_REGION };
  return createProject(endpoint, 'bench', repo, { buildBatchConfig: { serviceRole: ROLE } });
}

export async function benchFollow(): Promise<Figures> {
  const ours = path.join(root, 'dist/build/index.js');
  if (!existsSync(ours)) return [{ name: 'skipped', value: 'dist/build/index.js is missing: run `npm run bundle`' }];
  const host = await EmulatorHost.start();
  const figures: Figures = [];
  try {
    const { list, note } = contenders();
    if (note !== undefined) figures.push({ name: 'baseline', value: note });
    const results = await Promise.all(list.map((c, i) => race(host, c, i)));
    const official = list.findIndex((c) => c.name.startsWith('official'));
    const officialCalls = official >= 0 ? (results[official] as Measured).callsPerBuildMinute : undefined;
    list.forEach((c, i) => {
      const r = results[i] as Measured;
      const mine = c.name.startsWith('ours');
      const live = c.name === 'ours, logs: live';
      const poll = mine && !live;
      const p = `${c.name}: `;
      figures.push(
        {
          name: `${p}line delay p50`,
          value: median(r.delays),
          unit: 'ms',
          goal: live ? ['<=', 1000] : poll ? ['<=', 3000] : undefined,
        },
        { name: `${p}line delay p95`, value: percentile(r.delays, 95), unit: 'ms' },
        {
          name: `${p}lines lost / duplicated / reordered`,
          value: r.lost + r.duplicated + r.reordered,
          detail: `${r.lost} / ${r.duplicated} / ${r.reordered} of ${BUILDS * LINES}`,
          goal: mine ? ['<=', 0] : undefined,
        },
        {
          name: `${p}API calls per build-minute`,
          value: r.callsPerBuildMinute,
          detail: `${r.calls} calls${r.throttled ? `, ${r.throttled} throttled` : ''}${mine ? `: ${r.operations}` : ''}`,
          goal: live ? ['<=', 2.6] : poll ? ['<=', 30] : undefined,
        },
        {
          name: `${p}exit after the build ended, worst`,
          value: Math.max(...r.exits),
          unit: 'ms',
          // The goal of a followed build with live logs; polling reads the last lines up to a poll interval late.
          goal: live ? ['<=', 2000] : undefined,
        },
      );
      if (r.failedRuns > 0)
        figures.push({ name: `${p}runs without a followed build`, value: r.failedRuns, goal: ['<=', 0] });
      if (live && officialCalls !== undefined) {
        figures.push({
          name: `${p}API calls per build-minute / the official action's`,
          value: r.callsPerBuildMinute / officialCalls,
          goal: ['<=', 1 / 3],
        });
      }
    });
    figures.push(...(await batchFigures(host)), ...(await cancelFigures(host)));
  } finally {
    await host.close();
  }
  return figures;
}

/** A batch of two 2-minute children, followed live: calls per build-minute of its children, every line once. */
export async function batchFigures(host: EmulatorHost): Promise<Figures> {
  const env = await host.emulator('batch');
  const repo = gitRepo({ 'buildspec.yml': BATCH });
  try {
    await createBenchProject(env, repo.dir);
    await host.resetCalls('batch');
    const run = startAction(
      path.join(root, 'dist/build/index.js'),
      { PATH: process.env.PATH, ...env, GITHUB_WORKSPACE: repo.dir, GITHUB_SHA: repo.commit },
      { 'project-name': 'bench', logs: 'live', batch: 'true' },
    );
    const exit = await run.exited;
    const calls = await host.calls('batch');
    const counted = Object.entries(calls.byOperation).filter(([op]) => !op.endsWith(':CreateProject'));
    const total = counted.reduce((s, [, n]) => s + n, 0);
    const operations = counted.map(([op, n]) => `${op.split(':')[1]} ${n}`).join(', ');
    const [batch] = await host.batches('batch');
    const minutes = batch?.endMs === undefined ? NaN : (batch.endMs - batch.startMs) / 60_000;
    // The children that ran the buildspec (CodeBuild's DOWNLOAD_SOURCE build of a batch writes no tick lines).
    const children = (await host.builds('batch')).filter(
      (b) => b.batch !== undefined && b.events.some(([message]) => TICK.test(message)),
    );
    const buildMinutes = children.reduce((sum, b) => sum + ((b.endMs ?? NaN) - b.startMs) / 60_000, 0);
    const printed = ticks(run);
    let lost = (children.length - printed.size) * LINES;
    let duplicated = 0;
    for (const seen of printed.values()) {
      const unique = new Set(seen.map((s) => s.n));
      lost += LINES - unique.size;
      duplicated += seen.length - unique.size;
    }
    return [
      {
        name: 'batch (2 children of 2 min, live): API calls per build-minute',
        value: total / buildMinutes,
        detail: `${total} calls (${operations}); ${buildMinutes.toFixed(2)} build-minutes in a batch of ${minutes.toFixed(2)} min`,
        goal: ['<=', 2.6],
      },
      {
        name: 'batch: lines lost / duplicated',
        value: lost + duplicated,
        detail: `${lost} / ${duplicated} of ${children.length * LINES}`,
        goal: ['<=', 0],
      },
      {
        name: 'batch: exit after the batch ended',
        value: batch?.endMs === undefined ? NaN : exit.at - batch.endMs,
        unit: 'ms',
        goal: ['<=', 2000],
      },
    ];
  } finally {
    repo.cleanup();
  }
}

/** SIGTERM to the action (a cancelled job) → the build STOPPED. */
async function cancelFigures(host: EmulatorHost): Promise<Figures> {
  const env = await host.emulator('cancel');
  const repo = gitRepo({ 'buildspec.yml': SLOW });
  try {
    await createBenchProject(env, repo.dir);
    const run = startAction(
      path.join(root, 'dist/build/index.js'),
      { PATH: process.env.PATH, ...env, GITHUB_WORKSPACE: repo.dir, GITHUB_SHA: repo.commit },
      { 'project-name': 'bench' },
    );
    for (let i = 0; i < 1200 && !run.lines.some((l) => l.text.includes('sleeping')); i++)
      await new Promise((r) => setTimeout(r, 25));
    const signalled = Date.now();
    run.kill('SIGTERM');
    await run.exited;
    let stopped: number | undefined;
    for (let i = 0; i < 400 && stopped === undefined; i++) {
      stopped = (await host.builds('cancel')).find((b) => b.endMs !== undefined)?.endMs;
      if (stopped === undefined) await new Promise((r) => setTimeout(r, 25));
    }
    return [
      { name: 'cancel: SIGTERM → build STOPPED', value: (stopped ?? NaN) - signalled, unit: 'ms', goal: ['<=', 2000] },
    ];
  } finally {
    repo.cleanup();
  }
}
