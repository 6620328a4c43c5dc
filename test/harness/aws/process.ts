/**
 * The emulator in a process of its own (`npm run emulator`), as AWS is to the code under test: for the standalone
 * test and for benchmarks, where a server in the same process would share its event loop with the client measured.
 * One node process (node with tsx's loader, not the tsx wrapper that runs a second node), so killing it ends it; it
 * never outlives the process that started it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));

export interface EmulatorProcess {
  readonly child: ChildProcess;
  /** The AWS endpoint (AWS_ENDPOINT_URL). */
  readonly url: string;
  /** CodeCommit's Git endpoint (CODE_COMMIT_ENDPOINT), with `--git-port`. */
  readonly gitUrl?: string;
  /** The registry standing in for ECR's (AWS_CICD_REGISTRY_ENDPOINT), with `--registry`. */
  readonly registryUrl?: string;
  /** Everything it printed on stdout so far. */
  stdout(): string;
  stderr(): string;
  /** SIGTERM, then its exit code. */
  stop(): Promise<number | null>;
}

/**
 * Starts `test/harness/aws/cli.ts --port 0 …args` and waits for its `listening on` (and `git endpoint on`, `registry
 * on`) lines.
 */
export async function startEmulatorProcess(args: readonly string[] = []): Promise<EmulatorProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/harness/aws/cli.ts', '--port', '0', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const kill = (): void => void (child.exitCode === null && child.signalCode === null && child.kill('SIGKILL'));
  process.once('exit', kill);
  let out = '';
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const wantsGit = args.includes('--git-port');
  const wantsRegistry = args.includes('--registry');
  try {
    const [url, gitUrl, registryUrl] = await new Promise<[string, string | undefined, string | undefined]>(
      (resolve, reject) => {
        child.stdout?.on('data', (d: Buffer) => {
          out += d.toString();
          const aws = /^listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(out)?.[1];
          const git = /^git endpoint on (http:\/\/127\.0\.0\.1:\d+)\n/m.exec(out)?.[1];
          const registry = /^registry on (http:\/\/127\.0\.0\.1:\d+)\n/m.exec(out)?.[1];
          if (aws && (git || !wantsGit) && (registry || !wantsRegistry)) resolve([aws, git, registry]);
        });
        child.once('exit', (code) => reject(new Error(`the emulator exited early (${String(code)}): ${out}${err}`)));
        const timer = setTimeout(() => reject(new Error(`the emulator did not start in 60 s: ${out}${err}`)), 60_000);
        timer.unref();
      },
    );
    return {
      child,
      url,
      ...(gitUrl ? { gitUrl } : {}),
      ...(registryUrl ? { registryUrl } : {}),
      stdout: () => out,
      stderr: () => err,
      stop: async () => {
        process.removeListener('exit', kill);
        if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        const [code] = (await exited) as [number | null];
        return code;
      },
    };
  } catch (error) {
    kill();
    process.removeListener('exit', kill);
    throw error;
  }
}
