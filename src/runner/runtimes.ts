/**
 * `runtime-versions` (spec §3.5) on a local run. CodeBuild's curated images switch to the version asked for; the
 * local runner installs nothing and runs with the machine's tools. So that a difference is not a surprise, INSTALL
 * starts with one line per requested runtime saying what was asked and what this machine answers to the runtime's
 * own version command (runtimes we know how to ask; the others are "not checked"). Never fails the build.
 */
import type { NamedValue } from '../buildspec/types.js';
import { expandVariables, type EnvLike } from './expand.js';
import type { Spawner } from './types.js';

/** The version command of each CodeBuild runtime name we know how to ask (argument arrays, no shell). */
export const RUNTIME_PROBES: Readonly<Record<string, readonly [string, readonly string[]]>> = {
  nodejs: ['node', ['--version']],
  python: ['python3', ['--version']],
  ruby: ['ruby', ['--version']],
  golang: ['go', ['version']],
  java: ['java', ['-version']],
  php: ['php', ['--version']],
  dotnet: ['dotnet', ['--version']],
  docker: ['docker', ['--version']],
};

/** What a version command answered: its first line, or why there is none. */
export type ProbeResult = { readonly version: string } | { readonly problem: string };

export type RuntimeProbe = (command: string, args: readonly string[]) => Promise<ProbeResult>;

export const PROBE_TIMEOUT_MS = 5000;

/** The `[Container]` lines for an install phase's runtime-versions, in the order written. */
export async function runtimeVersionLines(
  runtimes: readonly NamedValue[],
  env: EnvLike,
  probe: RuntimeProbe,
): Promise<string[]> {
  return Promise.all(
    runtimes.map(async ({ name, value }) => {
      const expanded = expandVariables(value, env);
      const asked = expanded === value ? `'${value}'` : `'${value}' (${expanded})`;
      const known = Object.prototype.hasOwnProperty.call(RUNTIME_PROBES, name) ? RUNTIME_PROBES[name] : undefined;
      let has = 'not checked';
      if (known !== undefined) {
        const result = await probe(known[0], known[1]);
        has = 'version' in result ? `this machine has ${result.version}` : result.problem;
      }
      return `Warning: runtime-versions ${name} ${asked} is not installed by the local runner; ${has}`;
    }),
  );
}

/** A RuntimeProbe that runs the command with the build's environment, its output cut short, for 5 s at most. */
export function spawnProbe(
  spawn: Spawner,
  options: { cwd: string; env: Readonly<Record<string, string>> },
): RuntimeProbe {
  return (command, args) =>
    new Promise((resolve) => {
      let child: ReturnType<Spawner>;
      try {
        child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
      } catch (error) {
        resolve({ problem: `${command}: ${(error as Error).message}` });
        return;
      }
      const out: Buffer[] = [];
      let size = 0;
      const keep = (chunk: Buffer): void => {
        if (size < 4096) out.push(chunk);
        size += chunk.length;
      };
      child.stdout?.on('data', keep);
      child.stderr?.on('data', keep);
      let done = false;
      const finish = (result: ProbeResult): void => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        resolve(result);
      };
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        finish({ problem: `${command} did not answer within ${PROBE_TIMEOUT_MS / 1000} s` });
      }, PROBE_TIMEOUT_MS);
      child.once('error', (error: NodeJS.ErrnoException) => {
        finish({ problem: error.code === 'ENOENT' ? `no ${command} on PATH` : `${command}: ${error.message}` });
      });
      child.once('close', (code) => {
        const line = firstLine(Buffer.concat(out).toString('utf8'));
        if (code === 0 && line !== '') finish({ version: line });
        else finish({ problem: `${[command, ...args].join(' ')} ended with exit status ${code ?? 'signal'}` });
      });
    });
}

function firstLine(text: string): string {
  const line = text.split('\n').find((l) => l.trim() !== '') ?? '';
  const trimmed = line.trim();
  return trimmed.length > 120 ? `${trimmed.slice(0, 120)}…` : trimmed;
}
