/**
 * A real Git smart-HTTP server for tests: a small node:http server on 127.0.0.1 that runs git's own
 * `git http-backend` (CGI, started with an argument array and the CGI environment) for every request.
 *
 * - `startCodeCommitGitServer(emulator)`: CodeCommit's Git endpoint. `/v1/repos/<name>/…` serves the emulator's
 *   CodeCommit repositories (`emulator.state.codecommit`), fetch and push. Authentication as CodeCommit checks it:
 *   HTTP Basic with user name = access key id (optionally `%` + session token) and password =
 *   `YYYYMMDDTHHMMSSZ<signature>`, the SigV4 signature recomputed with the emulator's secret for that key over
 *   `GIT /v1/repos/<name>` and the host the request actually used (the Host header without its port), in the region
 *   of that host (else the emulator's). No credentials → 401 with a Basic challenge; an unknown key, a bad signature or
 *   a time more than 15 minutes away from the emulator's clock → 403; an unknown repository → 404 (after
 *   authentication). Every request is logged in `requests`.
 * - `startGitHubServer({ root, token })`: a stand-in for github.com: `/<owner>/<repo>[.git]/…` served from the bare
 *   repository `<root>/<owner>/<repo>.git`, fetch only, and only with the header git sends for
 *   `http.extraheader=AUTHORIZATION: basic base64(x-access-token:<token>)` (else 401).
 */
import { spawn } from 'node:child_process';
import { timingSafeEqual } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  expectedSignature,
  isRepositoryName,
  parsePassword,
  regionOfHost,
  repositoryPath,
  splitHost,
} from '../../src/aws/codecommit-git.js';
import type { Emulator } from './aws/server.js';

const HTTP_BACKEND = '/usr/lib/git-core/git-http-backend';
const MAX_SKEW_MS = 15 * 60 * 1000;

export interface GitRequestLog {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  /** The access key id a request authenticated with. */
  readonly accessKeyId?: string;
  readonly sessionToken?: string;
  /** `git-upload-pack` / `git-receive-pack` (the service), when the request is one. */
  readonly service?: string;
}

export interface GitServer {
  /** http://127.0.0.1:<port> */
  readonly url: string;
  readonly port: number;
  readonly requests: GitRequestLog[];
  close(): Promise<void>;
}

export interface CodeCommitGitServerOptions {
  /** Epoch ms; default the emulator's clock is Date.now. */
  readonly now?: () => number;
  /** The port on 127.0.0.1 (default: any free one). */
  readonly port?: number;
}

/** Whether `git http-backend` is installed (tests skip with a message when it is not). */
export function httpBackendAvailable(): boolean {
  return existsSync(HTTP_BACKEND);
}

export async function startCodeCommitGitServer(
  emulator: Emulator,
  options: CodeCommitGitServerOptions = {},
): Promise<GitServer> {
  const now = options.now ?? Date.now;
  return startServer((req, res, log, gitConfig) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const m = /^\/v1\/repos\/([^/]+)(\/.*)?$/.exec(url.pathname);
    if (!m) return answer(res, log, 404, 'Not Found');
    const name = decodeURIComponent(m[1] as string);
    const auth = checkCodeCommitAuth(req, name, emulator, now());
    if (auth.status !== 200) {
      const headers: Record<string, string> =
        auth.status === 401 ? { 'WWW-Authenticate': 'Basic realm="AWS CodeCommit"' } : {};
      return answer(res, log, auth.status, auth.reason, headers);
    }
    const repo = isRepositoryName(name) ? emulator.state.codecommit.repositories.get(name) : undefined;
    if (!repo) return answer(res, log, 404, `repository ${name} not found`, {}, auth);
    const rest = m[2] ?? '/';
    const query = url.search.slice(1);
    const user = auth.accessKeyId ?? '';
    return runBackend(req, res, log, { dir: repo.dir, rest, query, user, push: true, gitConfig }, auth);
  }, options.port);
}

export interface GitHubServerOptions {
  /** Folder of `<owner>/<repo>.git` bare repositories. */
  readonly root: string;
  readonly token: string;
}

export async function startGitHubServer(options: GitHubServerOptions): Promise<GitServer> {
  const expected = `basic ${Buffer.from(`x-access-token:${options.token}`).toString('base64')}`;
  return startServer((req, res, log, gitConfig) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const m = /^\/([\w.-]+)\/([\w.-]+?)(?:\.git)?(\/.*)$/.exec(url.pathname);
    if (!m) return answer(res, log, 404, 'Not Found');
    const authorization = req.headers.authorization ?? '';
    if (authorization.toLowerCase() !== expected.toLowerCase() || authorization.slice(6) !== expected.slice(6)) {
      return answer(res, log, 401, 'Unauthorized', { 'WWW-Authenticate': 'Basic realm="GitHub"' });
    }
    const dir = path.join(options.root, m[1] as string, `${m[2]}.git`);
    if (!existsSync(dir)) return answer(res, log, 404, 'Repository not found');
    const rest = m[3] as string;
    if (/git-receive-pack/.test(rest) || /service=git-receive-pack/.test(url.search)) {
      return answer(res, log, 403, 'push is not served here');
    }
    const query = url.search.slice(1);
    return runBackend(req, res, log, { dir, rest, query, user: 'x-access-token', push: false, gitConfig });
  });
}

interface AuthOutcome {
  readonly status: 200 | 401 | 403;
  readonly reason: string;
  readonly accessKeyId?: string;
  readonly sessionToken?: string;
}

/** CodeCommit's check of a Git request's Basic credentials. */
export function checkCodeCommitAuth(
  req: Pick<http.IncomingMessage, 'headers'>,
  repository: string,
  emulator: Pick<Emulator, 'credentials' | 'region'>,
  now: number,
): AuthOutcome {
  const header = req.headers.authorization;
  if (!header) return { status: 401, reason: 'Unauthorized' };
  const basic = /^Basic\s+(\S+)$/i.exec(header);
  if (!basic) return { status: 403, reason: 'Forbidden: not Basic credentials' };
  const decoded = Buffer.from(basic[1] as string, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return { status: 403, reason: 'Forbidden: no password' };
  const user = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  const percent = user.indexOf('%');
  const accessKeyId = percent < 0 ? user : user.slice(0, percent);
  const sessionToken = percent < 0 ? undefined : user.slice(percent + 1);
  const secret = emulator.credentials.get(accessKeyId);
  if (secret === undefined) return { status: 403, reason: 'Forbidden: unknown access key' };
  const parsed = parsePassword(password);
  if (!parsed) return { status: 403, reason: 'Forbidden: not a SigV4 password' };
  if (Math.abs(now - parsed.time) > MAX_SKEW_MS) return { status: 403, reason: 'Forbidden: the password has expired' };
  const host = splitHost(String(req.headers.host ?? '')).name;
  const region = regionOfHost(host) ?? emulator.region;
  const expected = expectedSignature(
    { secretAccessKey: secret, region, host, path: repositoryPath(repository) },
    parsed.stamp,
  );
  const a = Buffer.from(expected);
  const b = Buffer.from(parsed.signature);
  if (a.length !== b.length || !timingSafeEqual(a, b)) {
    return { status: 403, reason: 'Forbidden: the signature does not match' };
  }
  return { status: 200, reason: 'OK', accessKeyId, ...(sessionToken ? { sessionToken } : {}) };
}

type Handler = (
  req: http.IncomingMessage,
  res: http.ServerResponse,
  log: (entry: GitRequestLog) => void,
  gitConfig: string,
) => void;

async function startServer(handler: Handler, port = 0): Promise<GitServer> {
  const requests: GitRequestLog[] = [];
  const sockets = new Set<Socket>();
  // An empty global git config for http-backend: nothing of the machine's git setup changes what it serves.
  const configDir = mkdtempSync(path.join(tmpdir(), 'git-server-config-'));
  const gitConfig = path.join(configDir, 'gitconfig');
  writeFileSync(gitConfig, '');
  const server = http.createServer((req, res) => {
    const log = (entry: GitRequestLog): void => void requests.push(entry);
    try {
      handler(req, res, log, gitConfig);
    } catch (error) {
      answer(res, log, 500, String(error));
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}`,
    port: bound,
    requests,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(configDir, { recursive: true, force: true });
    },
  };
}

function answer(
  res: http.ServerResponse,
  log: (entry: GitRequestLog) => void,
  status: number,
  text: string,
  headers: Record<string, string> = {},
  auth?: Pick<AuthOutcome, 'accessKeyId' | 'sessionToken'>,
): void {
  const req = res.req;
  req.resume();
  log({ method: req.method ?? '', path: req.url ?? '', status, ...pickAuth(auth) });
  res.writeHead(status, { 'Content-Type': 'text/plain', ...headers });
  res.end(text + '\n');
}

function pickAuth(auth?: Pick<AuthOutcome, 'accessKeyId' | 'sessionToken'>) {
  if (!auth?.accessKeyId) return {};
  return { accessKeyId: auth.accessKeyId, ...(auth.sessionToken ? { sessionToken: auth.sessionToken } : {}) };
}

interface BackendRequest {
  readonly dir: string;
  /** The path after the repository: `/info/refs`, `/git-upload-pack`, … */
  readonly rest: string;
  readonly query: string;
  readonly user: string;
  readonly push: boolean;
  /** The (empty) global config file http-backend runs with. */
  readonly gitConfig: string;
}

function runBackend(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  log: (entry: GitRequestLog) => void,
  target: BackendRequest,
  auth?: Pick<AuthOutcome, 'accessKeyId' | 'sessionToken'>,
): void {
  const service = /service=(git-[a-z-]+)/.exec(target.query)?.[1] ?? /\/(git-[a-z-]+)$/.exec(target.rest)?.[1];
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    GIT_PROJECT_ROOT: path.dirname(target.dir),
    GIT_HTTP_EXPORT_ALL: '1',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: target.gitConfig,
    GIT_CONFIG_COUNT: '1',
    GIT_CONFIG_KEY_0: 'http.receivepack',
    GIT_CONFIG_VALUE_0: target.push ? 'true' : 'false',
    GATEWAY_INTERFACE: 'CGI/1.1',
    SERVER_PROTOCOL: 'HTTP/1.1',
    SERVER_SOFTWARE: 'aws-cicd-test-git-server',
    REQUEST_METHOD: req.method ?? 'GET',
    PATH_INFO: `/${path.basename(target.dir)}${target.rest}`,
    QUERY_STRING: target.query,
    REMOTE_USER: target.user,
    REMOTE_ADDR: req.socket.remoteAddress ?? '127.0.0.1',
    ...(req.headers['content-type'] ? { CONTENT_TYPE: req.headers['content-type'] } : {}),
    ...(req.headers['content-length'] ? { CONTENT_LENGTH: req.headers['content-length'] } : {}),
    ...(req.headers['content-encoding'] ? { HTTP_CONTENT_ENCODING: String(req.headers['content-encoding']) } : {}),
    ...(req.headers['git-protocol'] ? { HTTP_GIT_PROTOCOL: String(req.headers['git-protocol']) } : {}),
  };
  const child = spawn(HTTP_BACKEND, [], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  req.pipe(child.stdin);
  child.stdin.on('error', () => undefined);
  let head = Buffer.alloc(0);
  let headersDone = false;
  let status = 200;
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.on('data', (chunk: Buffer) => {
    if (headersDone) {
      res.write(chunk);
      return;
    }
    head = Buffer.concat([head, chunk]);
    const end = findHeaderEnd(head);
    if (end === undefined) return;
    const headers: Record<string, string> = {};
    for (const line of head.subarray(0, end.at).toString('latin1').split(/\r?\n/)) {
      const colon = line.indexOf(':');
      if (colon <= 0) continue;
      const key = line.slice(0, colon).trim();
      const value = line.slice(colon + 1).trim();
      if (key.toLowerCase() === 'status') status = Number.parseInt(value, 10) || 500;
      else headers[key] = value;
    }
    headersDone = true;
    res.writeHead(status, headers);
    const body = head.subarray(end.at + end.length);
    if (body.length > 0) res.write(body);
  });
  child.on('close', (code) => {
    if (!headersDone) {
      status = 500;
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.write(`http-backend exited ${code}: ${stderr}`);
    }
    log({ method: req.method ?? '', path: req.url ?? '', status, ...pickAuth(auth), ...(service ? { service } : {}) });
    res.end();
  });
  child.on('error', (error) => {
    if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
    res.end(String(error));
  });
}

function findHeaderEnd(buf: Buffer): { at: number; length: number } | undefined {
  const crlf = buf.indexOf('\r\n\r\n');
  const lf = buf.indexOf('\n\n');
  if (crlf >= 0 && (lf < 0 || crlf < lf)) return { at: crlf, length: 4 };
  if (lf >= 0) return { at: lf, length: 2 };
  return undefined;
}
