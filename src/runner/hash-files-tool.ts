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
 * Behaviour (documented in docs/fidelity.md):
 * - Patterns are relative to CODEBUILD_SRC_DIR whatever the current directory; absolute patterns and `..` are
 *   refused (exit status 2), and so is a file reached through a link that leaves the source directory: the
 *   command runs with the runner's rights, which may be more than a `run-as` user's. So nothing is read before
 *   every matched file has been checked, a file is read only if it is still the one checked, and the walk does
 *   not enter directory links that leave the source directory (what is beneath them is not matched).
 * - Patterns that match no file at all: exit status 1 and a message on stderr. A mistyped name would otherwise give
 *   the hash of nothing, a constant key, and the first cache would be restored forever.
 * - Output: the 64 hex digits and a newline (see hashFiles in cache.ts for what is hashed).
 */
import {
  accessSync,
  chmodSync,
  closeSync,
  constants,
  fstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { shellQuote } from '../core/shell.js';
import { hashFileContents, matchHashFiles } from './cache.js';
import { createYielder, errorMessage, isInside } from './glob.js';

export const HASH_FILES_COMMAND = 'codebuild-hash-files';

/** What one run of the command prints and its exit status. */
export interface ToolAnswer {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
}

export interface HashFilesToolOptions {
  /**
   * An empty directory of the build's scratch area for the command, its client and the socket. If programs cannot
   * run from there (noexec), a folder of the OS temp dir is used instead.
   */
  readonly dir: string;
  /** CODEBUILD_SRC_DIR: patterns are relative to it. */
  readonly srcDir: string;
  /** The Node binary that runs the client (the runner's own). */
  readonly nodePath: string;
  /** Phases run as other users (run-as): they must be able to run the command and reach the socket. */
  readonly otherUsers: boolean;
  /** Whether a file written may be run (default canExecute); injectable for tests of the noexec fallback. */
  readonly isExecutable?: (file: string) => boolean;
  /** Where the fallback folder goes when `dir` is not executable. Default: the OS temp dir. */
  readonly fallbackParent?: string;
  /** Sets the socket's mode (default chmodSync); injectable for tests of a failure after listening. */
  readonly chmod?: (file: string, mode: number) => void;
}

export interface HashFilesTool {
  /** The directory to put on PATH. */
  readonly binDir: string;
  close(): Promise<void>;
}

/** Answers one `codebuild-hash-files ARGS…`. Never throws. */
export async function answerHashFiles(args: readonly string[], srcDir: string): Promise<ToolAnswer> {
  if (args.length === 0) return toolFailure(2, 'usage: codebuild-hash-files <glob-pattern> [<glob-pattern> ...]');
  for (const arg of args) {
    if (path.posix.isAbsolute(arg) || arg.split('/').includes('..')) {
      return toolFailure(2, `${arg}: patterns are relative to CODEBUILD_SRC_DIR (no absolute paths, no ..)`);
    }
  }
  try {
    const root = realpathSync(srcDir);
    // Directory links leading out are not walked; file links are vetted below before any file is read.
    const files = await matchHashFiles(args, srcDir, { within: root });
    if (files.length === 0) return toolFailure(1, `no file matches ${args.join(' ')}`);
    const vetted: VettedFile[] = [];
    for (const file of files) {
      const checked = vetFile(file, root);
      if (checked === undefined) return outside(file);
      vetted.push(checked);
    }
    return { stdout: `${await hashFileContents(vetted, readVetted)}\n`, stderr: '', code: 0 };
  } catch (error) {
    if (error instanceof FileSwapped) {
      return toolFailure(2, `${error.file} was replaced while being hashed (by a link or another file); not hashed`);
    }
    return toolFailure(1, errorMessage(error));
  }
}

function toolFailure(code: number, message: string): ToolAnswer {
  return { stdout: '', stderr: `${HASH_FILES_COMMAND}: ${message}\n`, code };
}

function outside(file: string): ToolAnswer {
  return toolFailure(2, `${file} leads outside CODEBUILD_SRC_DIR (through a link); not hashed`);
}

/** A matched file whose real path was inside the source directory when checked, and the file found there. */
export interface VettedFile {
  readonly file: string;
  readonly real: string;
  readonly dev: number;
  readonly ino: number;
}

/** Thrown when a vetted file is no longer the one checked (a link swapped in meanwhile). */
export class FileSwapped extends Error {
  constructor(readonly file: string) {
    super(`${file} was replaced while being hashed`);
  }
}

/** The real path of `file` and the identity of what it names, or undefined when that is outside `root`. */
export function vetFile(file: string, root: string): VettedFile | undefined {
  const real = realpathSync(file);
  if (!isInside(root, real)) return undefined;
  const st = statSync(real);
  return { file, real, dev: st.dev, ino: st.ino };
}

/**
 * Reads a vetted file by its real path without following a final link, and only if it is still the regular file
 * checked (same device and inode): a link swapped in between the check and the read is refused, not read.
 * O_NONBLOCK: a FIFO swapped in must not hang the runner (the fstat check then refuses it).
 */
export async function* readVetted(vetted: VettedFile): AsyncGenerator<Buffer> {
  let fd: number;
  try {
    fd = openSync(vetted.real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw new FileSwapped(vetted.file);
    throw error;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || st.dev !== vetted.dev || st.ino !== vetted.ino) throw new FileSwapped(vetted.file);
    const buffer = Buffer.allocUnsafe(READ_CHUNK);
    for (;;) {
      const n = readSync(fd, buffer, 0, READ_CHUNK, null);
      if (n === 0) return;
      yield Buffer.from(buffer.subarray(0, n));
      await pause();
    }
  } finally {
    closeSync(fd);
  }
}

const READ_CHUNK = 256 * 1024;
const pause = createYielder();

/** Default executable check: false on a noexec mount (access(2) gives EACCES there on Linux, even for root). */
export function canExecute(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

interface ToolFiles {
  readonly binDir: string;
  readonly command: string;
  readonly socketPath: string;
}

/** Writes the command and its client into `dir`. */
function writeToolFiles(dir: string, nodePath: string): ToolFiles {
  const binDir = path.join(dir, 'bin');
  mkdirSync(binDir, { recursive: true, mode: 0o755 });
  chmodSync(dir, 0o755);
  const socketPath = path.join(dir, 's');
  const client = path.join(dir, 'hash-files-client.mjs');
  writeFileSync(client, clientScript(socketPath), { mode: 0o644 });
  const command = path.join(binDir, HASH_FILES_COMMAND);
  // The client is the runner's: none of the build's variables (NODE_OPTIONS, NODE_DEBUG, LD_PRELOAD …) reach it.
  const env = findEnvCommand();
  const start = env === undefined ? 'unset NODE_OPTIONS NODE_DEBUG\nexec' : `exec ${shellQuote(env)} -i`;
  writeFileSync(command, `#!/bin/sh\n${start} ${shellQuote(nodePath)} ${shellQuote(client)} "$@"\n`, {
    mode: 0o755,
  });
  return { binDir, command, socketPath };
}

/** `env` on the runner's own PATH (absolute folders only), to start the client with an empty environment. */
function findEnvCommand(): string | undefined {
  for (const dir of (process.env.PATH ?? '/usr/bin:/bin').split(':')) {
    const file = path.join(dir, 'env');
    if (path.isAbsolute(dir) && canExecute(file)) return file;
  }
  return undefined;
}

/**
 * Writes the command where it can run: `dir`, else (a scratch folder on a `noexec` mount: /dev/shm in Docker and
 * Podman, hardened hosts) a fresh folder in the OS temp dir, removed on close. Neither: throws.
 */
function placeTool(options: HashFilesToolOptions): { files: ToolFiles; owned: string | undefined } {
  const isExecutable = options.isExecutable ?? canExecute;
  const files = writeToolFiles(options.dir, options.nodePath);
  if (isExecutable(files.command)) return { files, owned: undefined };
  const owned = mkdtempSync(path.join(options.fallbackParent ?? tmpdir(), 'aws-cicd-tools-'));
  try {
    const fallback = writeToolFiles(owned, options.nodePath);
    if (isExecutable(fallback.command)) return { files: fallback, owned };
  } catch (error) {
    rmSync(owned, { recursive: true, force: true });
    throw error;
  }
  rmSync(owned, { recursive: true, force: true });
  throw new Error(`programs cannot run from ${options.dir} nor from ${path.dirname(owned)} (mounted noexec?)`);
}

/** Writes the command and its client and starts the server they talk to. */
export async function startHashFilesTool(options: HashFilesToolOptions): Promise<HashFilesTool> {
  const { files, owned } = placeTool(options);
  const removeOwned = (): void => {
    if (owned !== undefined) rmSync(owned, { recursive: true, force: true });
  };
  const sockets = new Set<Socket>();
  const server = createServer({ allowHalfOpen: true }, (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    serve(socket, options.srcDir);
  });
  const close = async (): Promise<void> => {
    for (const socket of sockets) socket.destroy();
    // A server that is not listening calls back at once (with an error we do not need).
    await new Promise<void>((resolve) => server.close(() => resolve()));
    removeOwned();
  };
  try {
    await listen(server, files.socketPath);
    // Only the runner's user may connect unless phases run as other users.
    (options.chmod ?? chmodSync)(files.socketPath, options.otherUsers ? 0o666 : 0o600);
  } catch (error) {
    // A listening server left open would keep the CLI from ever exiting.
    await close();
    throw error;
  }
  return { binDir: files.binDir, close };
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
