/**
 * Runs one of our actions the way GitHub's runner does — its own process (the action's source entry under tsx), inputs
 * as INPUT_* variables, the runner's command files — and captures everything it could leak through: stdout, stderr,
 * the output, state, env and summary files, and the argv of every external tool it starts (git, buildah, docker,
 * podman, aws, ssh, curl), recorded by shims placed first on PATH.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';

const TSX = pathToFileURL(path.resolve('node_modules/tsx/dist/loader.mjs')).href;
const RECORDED_TOOLS = ['git', 'buildah', 'docker', 'podman', 'aws', 'ssh', 'curl'];

export interface ActionInput {
  readonly required: boolean;
  readonly default?: string;
}

export interface ActionDefinition {
  /** `build` for the root action.yml, else the folder name under actions/. */
  readonly name: string;
  readonly file: string;
  /** The TypeScript entry the bundle named by `runs.main` is built from. */
  readonly entry: string;
  readonly inputs: Readonly<Record<string, ActionInput>>;
  readonly outputs: readonly string[];
}

/** Every action.yml of the repository: the root one and actions/<name>/action.yml. */
export function loadActions(root = process.cwd()): ActionDefinition[] {
  const files = [path.join(root, 'action.yml')];
  const dir = path.join(root, 'actions');
  if (existsSync(dir)) {
    for (const name of readdirSync(dir).sort()) {
      const file = path.join(dir, name, 'action.yml');
      if (existsSync(file)) files.push(file);
    }
  }
  return files.map((file) => {
    const doc = parse(readFileSync(file, 'utf8')) as {
      inputs?: Record<string, { required?: boolean; default?: unknown }>;
      outputs?: Record<string, unknown>;
      runs: { main: string };
    };
    const bundle = path.resolve(path.dirname(file), doc.runs.main);
    const match = /dist[\\/]([^\\/]+)[\\/]index\.js$/.exec(bundle);
    if (!match?.[1]) throw new Error(`${file}: runs.main ${doc.runs.main} is not dist/<name>/index.js`);
    const inputs: Record<string, ActionInput> = {};
    for (const [key, spec] of Object.entries(doc.inputs ?? {})) {
      inputs[key] = {
        required: spec.required === true,
        ...(spec.default === undefined ? {} : { default: String(spec.default) }),
      };
    }
    return {
      name: file === path.join(root, 'action.yml') ? 'build' : path.basename(path.dirname(file)),
      file: path.relative(root, file),
      entry: path.join(root, 'src', 'actions', match[1], 'index.ts'),
      inputs,
      outputs: Object.keys(doc.outputs ?? {}),
    };
  });
}

export interface ActionRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly timedOut: boolean;
  readonly stdout: string;
  readonly stderr: string;
  readonly files: { readonly output: string; readonly state: string; readonly env: string; readonly summary: string };
  /** argv of every recorded external tool the action started, in order. */
  readonly argv: readonly (readonly string[])[];
  /** Everything above by name, for a secret scan. */
  readonly captured: Record<string, string>;
}

export interface ActionRunOptions {
  readonly inputs: Readonly<Record<string, string>>;
  /** The environment besides the runner's own variables (AWS endpoint, credentials, GITHUB_*). */
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  readonly state?: Readonly<Record<string, string>>;
  /** Default 60 s; the process is killed after it. */
  readonly timeoutMs?: number;
}

/** Fills the defaults action.yml declares, as the runner does for inputs a workflow leaves out. */
export function withDefaults(
  action: ActionDefinition,
  inputs: Readonly<Record<string, string>>,
): Record<string, string> {
  const all: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs)) {
    if (spec.default !== undefined && !spec.default.includes('${{')) all[name] = spec.default;
  }
  return { ...all, ...inputs };
}

export class ActionRunner {
  private readonly work: string;
  private readonly shims: string;
  private runs = 0;

  constructor() {
    this.work = mkdtempSync(path.join(tmpdir(), 'aws-cicd-security-'));
    this.shims = path.join(this.work, 'shims');
    mkdirSync(this.shims);
    for (const tool of RECORDED_TOOLS) {
      const real = findOnPath(tool);
      if (!real) continue;
      const shim = path.join(this.shims, tool);
      // One record per call: the arguments NUL-separated, then a 0x1e record separator.
      writeFileSync(
        shim,
        `#!/bin/sh\n{ printf '%s\\0' ${JSON.stringify(tool)} "$@"; printf '\\036'; } >> "$AWS_CICD_ARGV_LOG"\nexec ${shellQuote(real)} "$@"\n`,
      );
      chmodSync(shim, 0o755);
    }
  }

  get directory(): string {
    return this.work;
  }

  /** Runs the action's entry as its own process. */
  async run(action: ActionDefinition, options: ActionRunOptions): Promise<ActionRun> {
    return this.start([action.entry], options);
  }

  /** Runs the aws-cicd command (src/cli/index.ts) with these arguments, in the same captured conditions. */
  async cli(argv: readonly string[], options: Omit<ActionRunOptions, 'inputs'>): Promise<ActionRun> {
    return this.start([path.resolve('src/cli/index.ts'), ...argv], { ...options, inputs: {} });
  }

  private async start(args: readonly string[], options: ActionRunOptions): Promise<ActionRun> {
    const n = ++this.runs;
    const files = {
      output: path.join(this.work, `output-${n}`),
      state: path.join(this.work, `state-${n}`),
      env: path.join(this.work, `env-${n}`),
      summary: path.join(this.work, `summary-${n}`),
    };
    const argvLog = path.join(this.work, `argv-${n}`);
    for (const file of [...Object.values(files), argvLog]) writeFileSync(file, '');
    const env: NodeJS.ProcessEnv = {
      ...options.env,
      PATH: `${this.shims}${path.delimiter}${options.env.PATH ?? process.env.PATH ?? ''}`,
      AWS_CICD_ARGV_LOG: argvLog,
      GITHUB_ACTIONS: 'true',
      GITHUB_OUTPUT: files.output,
      GITHUB_STATE: files.state,
      GITHUB_ENV: files.env,
      GITHUB_STEP_SUMMARY: files.summary,
      RUNNER_TEMP: path.join(this.work, 'runner-temp'),
    };
    mkdirSync(env.RUNNER_TEMP ?? '', { recursive: true });
    for (const [name, value] of Object.entries(options.inputs)) {
      env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
    }
    for (const [name, value] of Object.entries(options.state ?? {})) env[`STATE_${name}`] = value;
    const child = spawn(process.execPath, ['--import', TSX, ...args], {
      env,
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 60_000);
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      child.on('close', (c, s) => resolve([c, s])),
    );
    clearTimeout(timer);
    const read = (file: string): string => readFileSync(file, 'utf8');
    const argv = read(argvLog)
      .split('\x1e')
      .filter((record) => record.length > 0)
      .map((record) => record.split('\0').slice(0, -1));
    const output = {
      output: read(files.output),
      state: read(files.state),
      env: read(files.env),
      summary: read(files.summary),
    };
    return {
      code,
      signal,
      timedOut,
      stdout,
      stderr,
      files: output,
      argv,
      captured: {
        stdout,
        stderr,
        'GITHUB_OUTPUT file': output.output,
        'GITHUB_STATE file': output.state,
        'GITHUB_ENV file': output.env,
        'job summary': output.summary,
        'argv of started tools': argv.map((a) => a.join(' ')).join('\n'),
      },
    };
  }
}

/** name<<delimiter records of a runner command file (GITHUB_OUTPUT, GITHUB_STATE). */
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

function findOnPath(tool: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, tool);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
