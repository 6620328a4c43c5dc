/**
 * Runs an action in this process the way the runner does: inputs as INPUT_* variables, the runner's files
 * (GITHUB_OUTPUT, GITHUB_STATE, GITHUB_STEP_SUMMARY) in a temporary folder, read back after the step; the main step
 * and then, with `post`, the post step with the state the main step saved.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runAction, type Action } from '../../src/actions/common/runtime.js';

export interface ActionRun {
  readonly code: number;
  readonly stdout: string;
  readonly outputs: Record<string, string>;
  readonly state: Record<string, string>;
  readonly summary: string;
  /** The messages of `::error …::` lines, unescaped. */
  readonly errors: string[];
  /** Runs the post step with this run's state. */
  post(): Promise<ActionRun>;
}

export interface ActionRunOptions {
  readonly inputs?: Record<string, string>;
  readonly env?: NodeJS.ProcessEnv;
  readonly signal?: AbortSignal;
  /** State from an earlier step (STATE_<name>). */
  readonly state?: Record<string, string>;
  /** Called on each write with the job log so far (to act while the step runs: answer an approval, cancel). */
  readonly onStdout?: (text: string) => void;
}

export async function runActionInProcess(action: Action, options: ActionRunOptions = {}): Promise<ActionRun> {
  const dir = mkdtempSync(path.join(tmpdir(), 'aws-cicd-action-'));
  try {
    const files = {
      GITHUB_OUTPUT: path.join(dir, 'output'),
      GITHUB_STATE: path.join(dir, 'state'),
      GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
    };
    for (const file of Object.values(files)) writeFileSync(file, '');
    const env: NodeJS.ProcessEnv = {
      ...options.env,
      ...files,
      ...Object.fromEntries(Object.entries(options.inputs ?? {}).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
      ...Object.fromEntries(Object.entries(options.state ?? {}).map(([k, v]) => [`STATE_${k}`, v])),
    };
    let stdout = '';
    let code = 0;
    await runAction(action, {
      env,
      stdout: {
        write: (chunk: string | Uint8Array) => {
          stdout += chunk.toString();
          options.onStdout?.(stdout);
          return true;
        },
      },
      signal: options.signal ?? new AbortController().signal,
      exit: (c) => (code = c),
    });
    const state = { ...options.state, ...readCommandFile(files.GITHUB_STATE) };
    return {
      code,
      stdout,
      outputs: readCommandFile(files.GITHUB_OUTPUT),
      state,
      summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
      errors: commandsOf(stdout)
        .map((line) => /^::error[^:]*::(.*)$/.exec(line)?.[1])
        .filter((m): m is string => m !== undefined)
        .map(unescape),
      post: () => runActionInProcess(action, { ...options, state }),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `name<<delimiter\nvalue\ndelimiter` records, as @actions/core writes them. */
export function readCommandFile(file: string): Record<string, string> {
  const text = readFileSync(file, 'utf8');
  const out: Record<string, string> = {};
  const record = /^([^\n<]+)<<(ghadelimiter_[\w-]+)\n([\s\S]*?)\n\2\n/gm;
  for (const m of text.matchAll(record)) out[m[1] ?? ''] = m[3] ?? '';
  return out;
}

/** The lines the runner reads as workflow commands: not inside a `::stop-commands::<token>` fence. */
export function commandsOf(stdout: string): string[] {
  const commands: string[] = [];
  let fence: string | undefined;
  for (const line of stdout.split('\n')) {
    if (fence !== undefined) {
      if (line === `::${fence}::`) fence = undefined;
      continue;
    }
    const stop = /^::stop-commands::(.+)$/.exec(line);
    if (stop) fence = stop[1];
    else if (line.startsWith('::')) commands.push(line);
  }
  return commands;
}

function unescape(data: string): string {
  return data.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
}
