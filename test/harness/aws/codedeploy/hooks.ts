/**
 * Running one lifecycle event's hook scripts the way the CodeDeploy agent's HookExecutor does:
 *
 * - the script log starts with `LifecycleEvent - <event>`, then `Script - <location>` per script, then every output
 *   line prefixed `[stdout]` or `[stderr]`; the diagnostics' logTail keeps the newest whole entries within 4 KB;
 * - a missing script is ScriptMissing ("Script does not exist at specified location: <location>"); a script without
 *   the execute bit is made executable (ScriptNotExecutable when that fails);
 * - each script is spawned directly (an argument array, no shell command line) in its own process group with
 *   LIFECYCLE_EVENT, DEPLOYMENT_ID, APPLICATION_NAME, DEPLOYMENT_GROUP_NAME and DEPLOYMENT_GROUP_ID set (plus PATH
 *   and EMULATOR_INSTANCE_ROOT, the directory that stands for the instance's `/`);
 * - past its `timeout` the process group gets SIGTERM (SIGKILL a second later) and the event fails ScriptTimedOut
 *   ("Script at specified location: <location> failed to complete in <n> seconds");
 * - a non-zero exit is ScriptFailed ("Script at specified location: <location> [run as user <u>] failed with exit
 *   code <n>"); the first failing script ends the event.
 * - Every line also goes to the deployment's logs/scripts.log with a timestamp, as on an instance.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import os from 'node:os';
import { access, appendFile, chmod, mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { HookScript } from '../../../../src/appspec/index.js';
import type { AgentResult } from './agent.js';
import { failed, SUCCEEDED } from './agent.js';

/** The diagnostics' logTail holds the newest whole entries whose total stays under this many characters. */
export const LOG_TAIL_LIMIT = 4096;
/** After SIGTERM on timeout, the group is killed outright this much later. */
const KILL_GRACE_MS = 1000;

export class ScriptLog {
  private entries: string[] = [];

  append(entry: string): void {
    this.entries.push(entry);
    let budget = LOG_TAIL_LIMIT;
    let keepFrom = this.entries.length;
    while (keepFrom > 0 && budget - (this.entries[keepFrom - 1] as string).length > 0) {
      keepFrom--;
      budget -= (this.entries[keepFrom] as string).length;
    }
    if (keepFrom > 0) this.entries = this.entries.slice(keepFrom);
  }

  get text(): string {
    return this.entries.join('');
  }
}

export interface HookRun {
  event: string;
  scripts: readonly HookScript[];
  /** Host path of the unpacked revision (script locations are relative to it). */
  archiveDir: string;
  /** Host path of the deployment's logs/scripts.log. */
  scriptsLog: string;
  /** Working directory and EMULATOR_INSTANCE_ROOT. */
  instanceRoot: string;
  env: Record<string, string>;
  /** Milliseconds per second of `timeout`. */
  msPerSecond: number;
  signal: AbortSignal;
}

const stamp = (d: Date): string => d.toISOString().replace('T', ' ').slice(0, 19);

export async function runHook(run: HookRun): Promise<AgentResult> {
  if (run.scripts.length === 0) return { status: 'Succeeded', diagnostics: SUCCEEDED };
  const log = new ScriptLog();
  await mkdir(dirname(run.scriptsLog), { recursive: true });
  const write = async (entry: string): Promise<void> => {
    log.append(entry);
    await appendFile(run.scriptsLog, `${stamp(new Date())} ${entry}`);
  };
  await write(`LifecycleEvent - ${run.event}\n`);
  for (const script of run.scripts) {
    const path = `${run.archiveDir}/${script.location.replace(/^\/+/, '')}`;
    const exists = await stat(path).then(
      (s) => s.isFile(),
      () => false,
    );
    if (!exists) {
      return failed(
        'ScriptMissing',
        `Script does not exist at specified location: ${script.location}`,
        script.location,
        log.text,
      );
    }
    const executable = await access(path, constants.X_OK).then(
      () => true,
      () => false,
    );
    if (!executable) {
      try {
        await chmod(path, (await stat(path)).mode | 0o111);
      } catch {
        return failed(
          'ScriptNotExecutable',
          `Unable to set script at specified location: ${script.location} as executable`,
          script.location,
          log.text,
        );
      }
    }
    await write(`Script - ${script.location}\n`);
    const outcome = await execute(path, script, run, write);
    if (outcome.kind === 'timeout') {
      return failed(
        'ScriptTimedOut',
        `Script at specified location: ${script.location} failed to complete in ${script.timeout} seconds`,
        script.location,
        log.text,
      );
    }
    if (outcome.kind === 'error') return failed('UnknownError', outcome.message, script.location, log.text);
    if (outcome.code !== 0) {
      const who = script.runas !== undefined ? `${script.location} run as user ${script.runas}` : script.location;
      return failed(
        'ScriptFailed',
        `Script at specified location: ${who} failed with exit code ${outcome.code}`,
        script.location,
        log.text,
      );
    }
  }
  return { status: 'Succeeded', diagnostics: SUCCEEDED };
}

type Outcome = { kind: 'exit'; code: number } | { kind: 'timeout' } | { kind: 'error'; message: string };

function execute(
  path: string,
  script: HookScript,
  run: HookRun,
  write: (entry: string) => Promise<void>,
): Promise<Outcome> {
  return new Promise((resolve) => {
    let pending = Promise.resolve();
    const queue = (entry: string): void => {
      pending = pending.then(() => write(entry)).catch(() => undefined);
    };
    const child = spawn(path, [], {
      cwd: run.instanceRoot,
      env: run.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const killGroup = (signal: NodeJS.Signals): void => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
    };
    const lines = (stream: NodeJS.ReadableStream, prefix: string): Promise<void> =>
      new Promise((done) => {
        const decoder = new StringDecoder('utf8');
        let partial = '';
        stream.on('data', (chunk: Buffer) => {
          partial += decoder.write(chunk);
          let nl: number;
          while ((nl = partial.indexOf('\n')) >= 0) {
            queue(`${prefix}${partial.slice(0, nl + 1)}`);
            partial = partial.slice(nl + 1);
          }
        });
        stream.on('close', () => {
          partial += decoder.end();
          if (partial) queue(`${prefix}${partial}`);
          done();
        });
      });
    const out = child.stdout ? lines(child.stdout, '[stdout]') : Promise.resolve();
    const err = child.stderr ? lines(child.stderr, '[stderr]') : Promise.resolve();
    let timedOut = false;
    let killer: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup('SIGTERM');
      killer = setTimeout(() => {
        killGroup('SIGKILL');
        child.stdout?.destroy();
        child.stderr?.destroy();
      }, KILL_GRACE_MS);
    }, script.timeout * run.msPerSecond);
    const onAbort = (): void => {
      killGroup('SIGKILL');
      // A daemon the script left behind may hold the pipes open; stop reading them.
      child.stdout?.destroy();
      child.stderr?.destroy();
    };
    run.signal.addEventListener('abort', onAbort, { once: true });
    let settled = false;
    const finish = (outcome: Outcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (outcome.kind !== 'exit') {
        // Timed out or killed: what a left-behind daemon still writes is not waited for.
        child.stdout?.destroy();
        child.stderr?.destroy();
      } else clearTimeout(killer);
      run.signal.removeEventListener('abort', onAbort);
      void Promise.all([out, err])
        .then(() => pending)
        .then(() => resolve(outcome));
    };
    // A file that cannot be executed, worded as the agent's Ruby reports it. (A script without a #! line runs under
    // /bin/sh, with the agent as here.)
    child.on('error', (e: NodeJS.ErrnoException) =>
      finish({
        kind: 'error',
        message: e.code === 'ENOEXEC' ? `Exec format error - ${script.location}` : e.message,
      }),
    );
    child.on('exit', (code, signal) => {
      if (timedOut) return finish({ kind: 'timeout' });
      if (run.signal.aborted) return finish({ kind: 'error', message: 'The emulator stopped; the script was killed.' });
      // Killed by a signal: 128 + its number, as a shell reports it.
      finish({ kind: 'exit', code: code ?? 128 + (signal ? os.constants.signals[signal] : 0) });
    });
  });
}
