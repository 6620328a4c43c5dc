/**
 * `codebuild-hash-files` during a local build (spec §3.8: `key: npm-$(codebuild-hash-files package-lock.json)`).
 * CodeBuild documents it as a CLI tool of the build environment that prints the SHA-256 of the files its glob
 * patterns match in the source directory, so it is on PATH for cache keys, artifact names and phase commands.
 *
 * Why a command that calls back into the runner, rather than evaluating keys with a parser of our own: a key is
 * shell text (`$(…)`, `${VAR:-x}`, pipes), which only the build's shell evaluates faithfully, and the command must
 * hash with the same glob rules as `cache.paths` (glob.ts) — one implementation, in this process. The command on
 * PATH is a fixed two-line script that starts Node with a fixed client; the client sends its arguments as JSON over a
 * Unix socket to the server here and prints the answer. No shell or script text is ever built from the arguments.
 *
 * Behaviour (documented in the README's fidelity notes):
 * - Patterns are relative to CODEBUILD_SRC_DIR whatever the current directory; absolute patterns and `..` are
 *   refused (exit status 2), and so is a file reached through a link that leaves the source directory: the
 *   command runs with the runner's rights, which may be more than a `run-as` user's.
 * - Patterns that match no file at all: exit status 1 and a message on stderr. A mistyped name would otherwise give
 *   the hash of nothing, a constant key, and the first cache would be restored forever.
 * - Output: the 64 hex digits and a newline (see hashFileSet for what is hashed).
 */
import { chmodSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import path from 'node:path';
import { shellQuote } from '../common/shell.js';
import { hashFileSet } from './cache.js';
import { errorMessage } from './glob.js';

export const HASH_FILES_COMMAND = 'codebuild-hash-files';

/** What one run of the command prints and its exit status. */
export interface ToolAnswer {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
}

export interface HashFilesToolOptions {
  /** An empty directory of the build's scratch area for the command, its client and the socket. */
  readonly dir: string;
  /** CODEBUILD_SRC_DIR: patterns are relative to it. */
  readonly srcDir: string;
  /** The Node binary that runs the client (the runner's own). */
  readonly nodePath: string;
  /** Phases run as other users (run-as): they must be able to run the command and reach the socket. */
  readonly otherUsers: boolean;
}

export interface HashFilesTool {
  /** The directory to put on PATH. */
  readonly binDir: string;
  close(): Promise<void>;
}

/** Answers one `codebuild-hash-files ARGS…`. Never throws. */
export async function answerHashFiles(args: readonly string[], srcDir: string): Promise<ToolAnswer> {
  const fail = (code: number, message: string): ToolAnswer => ({
    stdout: '',
    stderr: `${HASH_FILES_COMMAND}: ${message}\n`,
    code,
  });
  if (args.length === 0) return fail(2, 'usage: codebuild-hash-files <glob-pattern> [<glob-pattern> ...]');
  for (const arg of args) {
    if (path.posix.isAbsolute(arg) || arg.split('/').includes('..')) {
      return fail(2, `${arg}: patterns are relative to CODEBUILD_SRC_DIR (no absolute paths, no ..)`);
    }
  }
  try {
    const { hash, files } = await hashFileSet(args, srcDir);
    if (files.length === 0) return fail(1, `no file matches ${args.join(' ')}`);
    const root = realpathSync(srcDir);
    for (const file of files) {
      const rel = path.relative(root, realpathSync(file));
      if (rel.startsWith('..') || path.isAbsolute(rel)) {
        return fail(2, `${file} leads outside CODEBUILD_SRC_DIR (through a link); not hashed`);
      }
    }
    return { stdout: `${hash}\n`, stderr: '', code: 0 };
  } catch (error) {
    return fail(1, errorMessage(error));
  }
}

/** Writes the command and its client into `dir` and starts the server they talk to. */
export async function startHashFilesTool(options: HashFilesToolOptions): Promise<HashFilesTool> {
  const binDir = path.join(options.dir, 'bin');
  mkdirSync(binDir, { recursive: true, mode: 0o755 });
  chmodSync(options.dir, 0o755);
  const socketPath = path.join(options.dir, 's');
  const client = path.join(options.dir, 'hash-files-client.mjs');
  writeFileSync(client, clientScript(socketPath), { mode: 0o644 });
  const command = path.join(binDir, HASH_FILES_COMMAND);
  // NODE_OPTIONS of the build (--require …) must not reach our client.
  writeFileSync(
    command,
    `#!/bin/sh\nunset NODE_OPTIONS\nexec ${shellQuote(options.nodePath)} ${shellQuote(client)} "$@"\n`,
    { mode: 0o755 },
  );
  const sockets = new Set<Socket>();
  const server = createServer({ allowHalfOpen: true }, (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    serve(socket, options.srcDir);
  });
  await listen(server, socketPath);
  // Only the runner's user may connect unless phases run as other users.
  chmodSync(socketPath, options.otherUsers ? 0o666 : 0o600);
  return {
    binDir,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Largest request accepted: the arguments of one command line. */
const MAX_REQUEST = 1024 * 1024;

function serve(socket: Socket, srcDir: string): void {
  const chunks: Buffer[] = [];
  let size = 0;
  socket.on('error', () => undefined);
  socket.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_REQUEST) socket.destroy();
    else chunks.push(chunk);
  });
  socket.on('end', () => {
    void (async () => {
      const answer = await answerRequest(Buffer.concat(chunks).toString('utf8'), srcDir);
      socket.end(JSON.stringify(answer));
    })();
  });
}

async function answerRequest(text: string, srcDir: string): Promise<ToolAnswer> {
  let args: unknown;
  try {
    args = (JSON.parse(text) as { args?: unknown }).args;
  } catch {
    args = undefined;
  }
  if (!Array.isArray(args) || !args.every((a) => typeof a === 'string')) {
    return { stdout: '', stderr: `${HASH_FILES_COMMAND}: bad request\n`, code: 2 };
  }
  return answerHashFiles(args as string[], srcDir);
}

function listen(server: Server, socketPath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** The client: fixed text; the socket path is ours (JSON-quoted into the source). */
function clientScript(socketPath: string): string {
  return `import { connect } from 'node:net';
const socket = connect(${JSON.stringify(socketPath)});
const chunks = [];
socket.on('connect', () => socket.end(JSON.stringify({ args: process.argv.slice(2) })));
socket.on('data', (chunk) => chunks.push(chunk));
socket.on('error', (error) => {
  process.stderr.write('${HASH_FILES_COMMAND}: the local runner did not answer: ' + error.message + '\\n');
  process.exit(1);
});
socket.on('end', () => {
  let answer;
  try {
    answer = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    answer = { stdout: '', stderr: '${HASH_FILES_COMMAND}: no answer from the local runner\\n', code: 1 };
  }
  process.stdout.write(answer.stdout);
  process.stderr.write(answer.stderr);
  process.exitCode = answer.code;
});
`;
}
