/**
 * Runs one of our actions the way GitHub's runner does (test/support/action-process.ts: its own process, inputs as
 * INPUT_* variables, the runner's command files) and captures everything it could leak through: stdout, stderr,
 * the output, state, env and summary files, and the argv of every external tool it starts (git, buildah, docker,
 * podman, aws, ssh, curl), recorded by shims placed first on PATH.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { cliEntry, startActionProcess } from '../support/action-process.js';
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
    return this.start([cliEntry, ...argv], { ...options, inputs: {} });
  }

  private async start(args: readonly string[], options: ActionRunOptions): Promise<ActionRun> {
    const argvLog = path.join(this.work, `argv-${++this.runs}`);
    writeFileSync(argvLog, '');
    const runnerTemp = path.join(this.work, 'runner-temp');
    mkdirSync(runnerTemp, { recursive: true });
    const [entry = '', ...rest] = args;
    const step = startActionProcess(entry, {
      inputs: options.inputs,
      state: options.state,
      args: rest,
      cwd: options.cwd,
      under: this.work,
      timeoutMs: options.timeoutMs,
      env: {
        ...options.env,
        PATH: `${this.shims}${path.delimiter}${options.env.PATH ?? process.env.PATH ?? ''}`,
        AWS_CICD_ARGV_LOG: argvLog,
        GITHUB_ACTIONS: 'true',
        RUNNER_TEMP: runnerTemp,
      },
    });
    const { code, signal, timedOut } = await step.ended;
    const read = (file: string): string => readFileSync(file, 'utf8');
    const argv = read(argvLog)
      .split('\x1e')
      .filter((record) => record.length > 0)
      .map((record) => record.split('\0').slice(0, -1));
    const output = {
      output: read(step.files.output),
      state: read(step.files.state),
      env: read(step.files.env),
      summary: read(step.files.summary),
    };
    const stdout = step.stdout();
    const stderr = step.stderr();
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
