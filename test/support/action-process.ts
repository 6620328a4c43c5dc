/**
 * The tests' one way to run an action as GitHub's runner does: its own process (the action's source entry under tsx),
 * inputs as INPUT_* variables, state from an earlier step as STATE_*, the runner's files (GITHUB_OUTPUT, GITHUB_STATE,
 * GITHUB_ENV, GITHUB_STEP_SUMMARY) in a temporary folder of their own, read back parsed, and the annotations of the
 * step's log. The aws-cicd command runs the same way (`cliEntry`), for tests that hold both faces to one rule.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** tsx's loader by absolute URL: the process may run in any working directory. */
export const TSX = pathToFileURL(path.resolve('node_modules/tsx/dist/loader.mjs')).href;

/** The source entry of an action: src/actions/<name>/index.ts (`dist/<name>/index.js` is bundled from it). */
export function actionEntry(name: string): string {
  return path.resolve('src', 'actions', name, 'index.ts');
}

/** The aws-cicd command's source entry. */
export const cliEntry = path.resolve('src/cli/index.ts');

export interface ActionProcessOptions {
  readonly inputs?: Readonly<Record<string, string>>;
  /** Everything besides the runner's files and the inputs (AWS endpoint and credentials, GITHUB_*, PATH). */
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** What an earlier step saved (the main step's, for a post step). */
  readonly state?: Readonly<Record<string, string>>;
  /** Arguments after the entry (the CLI's). */
  readonly args?: readonly string[];
  /** The folder to make the step's own folder in (a test's work folder it removes after); default the system's. */
  readonly under?: string;
  /** Killed (SIGKILL) after this long. Default 60 s. */
  readonly timeoutMs?: number;
}

export interface ProcessEnd {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly timedOut: boolean;
}

export interface RunnerFiles {
  readonly output: string;
  readonly state: string;
  readonly env: string;
  readonly summary: string;
}

export interface ActionProcess {
  readonly child: ChildProcess;
  /** The paths of the runner's files, and the folder they are in (also RUNNER_TEMP's parent). */
  readonly files: RunnerFiles;
  readonly dir: string;
  /** Settles once the process has ended and its output is read. */
  readonly ended: Promise<ProcessEnd>;
  /** Its exit status (null when a signal ended it). */
  readonly exit: Promise<number | null>;
  stdout(): string;
  stderr(): string;
  /** stdout and stderr as they came, as the step's log shows them. */
  log(): string;
  outputs(): Record<string, string>;
  state(): Record<string, string>;
  summary(): string;
  /** The messages of the `::error …::` annotations in stdout so far, unescaped. */
  errors(): string[];
}

/** `INPUT_<NAME>` as the runner names an input: spaces to underscores, upper case (dashes stay). */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** Starts the entry as its own process with the inputs, state and runner's files of one step. */
export function startActionProcess(entry: string, options: ActionProcessOptions): ActionProcess {
  const dir = mkdtempSync(path.join(options.under ?? tmpdir(), 'aws-cicd-step-'));
  const files: RunnerFiles = {
    output: path.join(dir, 'output'),
    state: path.join(dir, 'state'),
    env: path.join(dir, 'env'),
    summary: path.join(dir, 'summary'),
  };
  for (const file of Object.values(files)) writeFileSync(file, '');
  const env: NodeJS.ProcessEnv = {
    ...options.env,
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    GITHUB_ENV: files.env,
    GITHUB_STEP_SUMMARY: files.summary,
  };
  for (const [name, value] of Object.entries(options.inputs ?? {})) env[inputVariable(name)] = value;
  for (const [name, value] of Object.entries(options.state ?? {})) env[`STATE_${name}`] = value;
  const child = spawn(process.execPath, ['--import', TSX, entry, ...(options.args ?? [])], {
    env,
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    log += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    log += chunk.toString();
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, options.timeoutMs ?? 60_000);
  const ended = new Promise<ProcessEnd>((resolve) =>
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, timedOut });
    }),
  );
  const read = (file: string): string => readFileSync(file, 'utf8');
  return {
    child,
    files,
    dir,
    ended,
    exit: ended.then((end) => end.code),
    stdout: () => stdout,
    stderr: () => stderr,
    log: () => log,
    outputs: () => readCommandFile(read(files.output)),
    state: () => readCommandFile(read(files.state)),
    summary: () => read(files.summary),
    errors: () => errorAnnotations(stdout),
  };
}

/** name<<delimiter records of a runner command file (GITHUB_OUTPUT, GITHUB_STATE, GITHUB_ENV). */
export function readCommandFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i] ?? '');
    if (!m?.[1] || !m[2]) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i] ?? '');
    out[m[1]] = value.join('\n');
  }
  return out;
}

/** The messages of `::error …::` workflow commands in a step's log, unescaped. */
export function errorAnnotations(log: string): string[] {
  return log
    .split(/\r?\n/)
    .map((line) => /^::error(?: [^:]*)?::(.*)$/.exec(line)?.[1])
    .filter((message): message is string => message !== undefined)
    .map((message) => message.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%'));
}
