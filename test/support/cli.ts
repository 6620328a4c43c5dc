import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output. */
export async function runCli(
  argv: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; tty?: boolean; signal?: AbortSignal } = {},
): Promise<CliRun> {
  const out = new PassThrough() as PassThrough & { isTTY?: boolean };
  const err = new PassThrough() as PassThrough & { isTTY?: boolean };
  out.isTTY = options.tty ?? false;
  err.isTTY = options.tty ?? false;
  let stdout = '';
  let stderr = '';
  out.on('data', (d: Buffer) => (stdout += d.toString()));
  err.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await main(argv, {
    stdout: out,
    stderr: err,
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    ...(options.signal !== undefined ? { signal: options.signal } : {}),
  });
  return { code, stdout, stderr };
}
