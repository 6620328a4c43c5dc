/**
 * Build action benchmark, against the AWS emulator (real builds run by the local runner, Live Tail at AWS's one
 * update a second) in one run:
 * - first-line and per-line latency p50/p95, live and poll: from a line's ingestion into CloudWatch Logs to its
 *   delivery by the follower (the same clock), over lines written every 100 ms, and for the last line of a burst
 *   (goal: p50 ≤ 1 s live);
 * - API calls per build-minute, live and poll (the official action: 2 a minute, 30 s late);
 * - delay from the build's end to the action process's exit (goal ≤ 2 s), and from SIGTERM to StopBuild and to the
 *   build STOPPED (goal ≤ 2 s);
 * - the bundle's size (goal ≤ 1.5 MB) and cold start (spawn to exit of a run that stops at its inputs, against a
 *   bare `node -e ''`) (goal ≤ 200 ms).
 * The bundle is dist/build/index.js when present, else a fresh ncc bundle in a temporary folder.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createBuildClients } from '../src/codebuild/clients.js';
import { followTarget, startTarget } from '../src/codebuild/run.js';
import { asLogLine, silentReporter } from '../src/core/reporter.js';
import { awsEnv, createProject, gitRepo, startBuildEmulator } from '../test/codebuild/emulator-support.js';
import type { Emulator } from '../test/harness/aws/server.js';

const root = new URL('..', import.meta.url).pathname;

/** A line every 100 ms for 6 s, then a burst: latency while lines trickle and while they pour. */
const BUILDSPEC = `version: 0.2
phases:
  build:
    commands:
      - for i in $(seq 1 60); do echo "tick $i"; sleep 0.1; done
      - for i in $(seq 1 200); do echo "burst $i"; done
`;

const SLOW = `version: 0.2
phases:
  build:
    commands:
      - echo sleeping
      - sleep 60
`;

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

async function followLatency(emulator: Emulator, mode: 'live' | 'poll', counter: { calls: number }) {
  const env = awsEnv(emulator);
  const clients = createBuildClients({ env });
  const received = new Map<string, number>();
  try {
    const target = await startTarget(clients.codebuild, { projectName: 'bench', env: [] }, false);
    counter.calls = 0;
    const result = await followTarget(target, mode, {
      codebuild: clients.codebuild,
      logs: clients.logs,
      reporter: {
        ...silentReporter,
        line: (line) => {
          const text = asLogLine(line).text;
          if (text !== undefined) received.set(text, Date.now());
        },
      },
    });
    const calls = counter.calls;
    if (result.kind !== 'build') throw new Error('expected a build');
    const build = result.outcome.build;
    const run = emulator.state.codebuild.build(build.id ?? '');
    const group = run?.build.logs?.groupName ?? '';
    const stream = run?.build.logs?.streamName ?? '';
    const latencies: number[] = [];
    let first = NaN;
    let burst = NaN;
    for (const event of emulator.state.logs.visibleEvents(group, stream)) {
      const at = received.get(event.message);
      if (at === undefined) continue;
      if (Number.isNaN(first)) first = at - event.ingestionTime;
      if (/^tick \d+$/.test(event.message)) latencies.push(at - event.ingestionTime);
      if (event.message === 'burst 200') burst = at - event.ingestionTime;
    }
    const minutes = ((build.endTime?.getTime() ?? 0) - (build.startTime?.getTime() ?? 0)) / 60_000;
    return {
      first,
      burst,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      callsPerMinute: calls / minutes,
      mode: result.outcome.logs?.mode ?? 'none',
    };
  } finally {
    clients.dispose();
  }
}

function bundle(): { file: string; source: string; cleanup(): void } {
  const dist = path.join(root, 'dist/build/index.js');
  if (existsSync(dist)) return { file: dist, source: 'dist/build', cleanup: () => undefined };
  const out = mkdtempSync(path.join(tmpdir(), 'aws-cicd-bench-bundle-'));
  const ncc = path.join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js');
  const args = ['build', 'src/actions/build/index.ts', '-o', out, '--minify', '--no-source-map-register', '-q'];
  const result = spawnSync(process.execPath, [ncc, ...args], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('ncc failed');
  return {
    file: path.join(out, 'index.js'),
    source: 'fresh ncc bundle',
    cleanup: () => rmSync(out, { recursive: true }),
  };
}

function timedSpawn(args: string[], env: NodeJS.ProcessEnv): number {
  const started = performance.now();
  spawnSync(process.execPath, args, { env, stdio: 'ignore' });
  return performance.now() - started;
}

interface ActionRun {
  exitedAt: Promise<number>;
  kill(signal: NodeJS.Signals): void;
  output: () => string;
}

function startAction(file: string, env: NodeJS.ProcessEnv, inputs: Record<string, string>): ActionRun {
  const dir = mkdtempSync(path.join(tmpdir(), 'aws-cicd-bench-action-'));
  const files = { GITHUB_OUTPUT: 'output', GITHUB_STATE: 'state', GITHUB_STEP_SUMMARY: 'summary' };
  const full: NodeJS.ProcessEnv = { ...env };
  for (const [name, file] of Object.entries(files)) {
    full[name] = path.join(dir, file);
    writeFileSync(path.join(dir, file), '');
  }
  for (const [name, value] of Object.entries(inputs)) full[`INPUT_${name.toUpperCase()}`] = value;
  const child = spawn(process.execPath, [file], { env: full, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout.on('data', (c: Buffer) => (text += c.toString()));
  child.stderr.on('data', (c: Buffer) => (text += c.toString()));
  const exitedAt = new Promise<number>((resolve) =>
    child.on('exit', () => {
      rmSync(dir, { recursive: true, force: true });
      resolve(Date.now());
    }),
  );
  return { exitedAt, kill: (signal) => child.kill(signal), output: () => text };
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 1200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
}

export async function benchBuild(): Promise<Record<string, number | string>> {
  const counter = { calls: 0, stopAt: 0 };
  const emulator = await startBuildEmulator({
    onRequest: (e) => {
      counter.calls++;
      if (e.operation === 'StopBuild' && counter.stopAt === 0) counter.stopAt = Date.now();
    },
  });
  const repo = gitRepo({ 'buildspec.yml': BUILDSPEC, 'ci/slow.yml': SLOW });
  const built = bundle();
  try {
    await createProject(emulator, 'bench', repo.dir);
    const live = await followLatency(emulator, 'live', counter);
    const poll = await followLatency(emulator, 'poll', counter);

    // The action's process: build end → exit.
    const env = { ...awsEnv(emulator), GITHUB_WORKSPACE: repo.dir, GITHUB_SHA: repo.commit };
    const exits: number[] = [];
    for (let i = 0; i < 3; i++) {
      const action = startAction(built.file, env, {
        'project-name': 'bench',
        buildspec: 'version: 0.2\nphases:\n  build:\n    commands:\n      - echo hi\n',
      });
      const exitedAt = await action.exitedAt;
      const id = /build (bench:[0-9a-f-]{36})/.exec(action.output())?.[1] ?? '';
      const end = emulator.state.codebuild.build(id)?.build.endTime;
      if (end !== undefined) exits.push(exitedAt - end * 1000);
    }

    // Cancel: SIGTERM → StopBuild → STOPPED.
    const action = startAction(built.file, env, { 'project-name': 'bench', buildspec: 'ci/slow.yml' });
    let id = '';
    await until(() => {
      id = /build (bench:[0-9a-f-]{36})/.exec(action.output())?.[1] ?? '';
      return (
        id !== '' &&
        emulator.state.codebuild.build(id)?.build.currentPhase === 'BUILD' &&
        action.output().includes('sleeping')
      );
    });
    counter.stopAt = 0;
    const signalledAt = Date.now();
    action.kill('SIGTERM');
    await action.exitedAt;
    await emulator.state.codebuild.build(id)?.done;
    const stoppedAt = (emulator.state.codebuild.build(id)?.build.endTime ?? 0) * 1000;

    const size = statSync(built.file).size;
    const noInputs = { PATH: process.env.PATH };
    const cold: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < 7; i++) {
      bare.push(timedSpawn(['-e', ''], noInputs));
      cold.push(timedSpawn([built.file], noInputs));
    }
    const coldMs = Math.min(...cold);
    const bareMs = Math.min(...bare);
    return {
      'live: first-line latency (ms)': live.first,
      'live: per-line latency p50 (ms, goal ≤ 1000)': live.p50,
      'live: per-line latency p95 (ms)': live.p95,
      'live: last line of a 200-line burst (ms)': live.burst,
      'live: API calls per build-minute': live.callsPerMinute,
      'live: mode at the end': live.mode,
      'poll: first-line latency (ms)': poll.first,
      'poll: per-line latency p50 (ms)': poll.p50,
      'poll: per-line latency p95 (ms)': poll.p95,
      'poll: last line of a 200-line burst (ms)': poll.burst,
      'poll: API calls per build-minute': poll.callsPerMinute,
      'build end → process exit, worst of 3 (ms, goal ≤ 2000)': Math.max(...exits),
      'build end → process exit, best of 3 (ms)': Math.min(...exits),
      'SIGTERM → StopBuild received (ms)': counter.stopAt - signalledAt,
      'SIGTERM → build STOPPED (ms, goal ≤ 2000)': stoppedAt - signalledAt,
      'bundle size (bytes, goal ≤ 1572864)': size,
      'bundle measured': built.source,
      'cold start, best of 7 (ms, goal ≤ 200)': coldMs,
      "node -e '' baseline, best of 7 (ms)": bareMs,
      'cold start / baseline': coldMs / bareMs,
    };
  } finally {
    built.cleanup();
    await emulator.close();
    repo.cleanup();
  }
}
