/** An action run as GitHub runs it, for benchmarks: its own process, INPUT_* variables, the runner's files. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface TimedLine {
  readonly text: string;
  /** When the bench read it (epoch ms). */
  readonly at: number;
}

export interface ActionRun {
  /** Every line the process wrote (stdout and stderr), with when it arrived. */
  readonly lines: TimedLine[];
  /** Epoch ms of the exit, and the exit code. */
  readonly exited: Promise<{ at: number; code: number | null }>;
  kill(signal: NodeJS.Signals): void;
}

/** Starts `node file` with these inputs (given as the runner gives them: INPUT_<NAME>, name upper-cased). */
export function startAction(file: string, env: NodeJS.ProcessEnv, inputs: Record<string, string>): ActionRun {
  const dir = mkdtempSync(path.join(tmpdir(), 'aws-cicd-bench-action-'));
  const full: NodeJS.ProcessEnv = { ...env, RUNNER_TEMP: dir };
  for (const name of ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY', 'GITHUB_ENV', 'GITHUB_PATH']) {
    full[name] = path.join(dir, name.toLowerCase());
    writeFileSync(full[name], '');
  }
  const event = path.join(dir, 'event.json');
  writeFileSync(event, '{}');
  full.GITHUB_EVENT_PATH ??= event;
  for (const [name, value] of Object.entries(inputs)) full[`INPUT_${name.toUpperCase()}`] = value;
  const child = spawn(process.execPath, [file], { env: full, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: TimedLine[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const at = Date.now();
      const parts = (rest + chunk).split('\n');
      rest = parts.pop() ?? '';
      for (const text of parts) lines.push({ text, at });
    });
  }
  const exited = new Promise<{ at: number; code: number | null }>((resolve) =>
    child.on('exit', (code) => {
      const at = Date.now();
      rmSync(dir, { recursive: true, force: true });
      resolve({ at, code });
    }),
  );
  return { lines, exited, kill: (signal) => child.kill(signal) };
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}
