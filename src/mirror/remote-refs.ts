/**
 * CodeCommit's current refs, asked directly: one smart-HTTP ref advertisement request
 * (`GET <repo>/info/refs?service=git-upload-pack`, protocol v0) with the SigV4 Git password in a Basic Authorization
 * header, signed here with the same code as the credential helper. That is what `git ls-remote` asks for, without
 * its process, its unauthenticated first request and the credential helper's process: on an incremental mirror this
 * request is the one on the critical path before the push.
 *
 * Whenever git would do something this cannot (a proxy from the environment, a redirect, TLS or network trouble, an
 * answer that is not a ref advertisement), `git ls-remote` through the credential helper is used instead: `undefined`
 * tells the caller to fall back. HTTP 401/403/404 are CodeCommit's answers and are final.
 */
import http from 'node:http';
import https from 'node:https';
import {
  gitPassword,
  gitUsername,
  repositoryPath,
  type GitCredentials,
  type GitEndpoint,
} from '../aws/codecommit-git.js';
import { AWS_CICD_VERSION } from '../aws/config.js';

export type Advertisement =
  | { readonly kind: 'refs'; readonly refs: Map<string, string> }
  | { readonly kind: 'status'; readonly status: number }
  /** Ask git instead (the reason is for debug output). */
  | { readonly kind: 'fallback'; readonly reason: string };

export interface AdvertisementRequest {
  readonly endpoint: GitEndpoint;
  readonly repository: string;
  readonly region: string;
  readonly credentials: GitCredentials;
  readonly env: NodeJS.ProcessEnv;
  readonly now?: () => number;
  /** Registers the password to mask. */
  readonly mask?: (value: string) => void;
  readonly timeoutMs?: number;
}

const MAX_BYTES = 64 * 1024 * 1024;

export async function advertisedRefs(request: AdvertisementRequest): Promise<Advertisement> {
  const { endpoint } = request;
  const proxy = proxyFor(endpoint, request.env);
  if (proxy) return { kind: 'fallback', reason: 'a proxy is configured' };
  const path = repositoryPath(request.repository);
  const password = gitPassword({
    secretAccessKey: request.credentials.secretAccessKey,
    region: request.region,
    host: endpoint.host,
    path,
    time: (request.now ?? Date.now)(),
  });
  request.mask?.(password);
  const basic = Buffer.from(`${gitUsername(request.credentials)}:${password}`, 'utf8').toString('base64');
  const transport = endpoint.protocol === 'https' ? https : http;
  return new Promise<Advertisement>((resolve) => {
    const req = transport.request(
      `${endpoint.baseUrl}${path}/info/refs?service=git-upload-pack`,
      {
        method: 'GET',
        agent: false,
        timeout: request.timeoutMs ?? 20_000,
        headers: {
          Authorization: `Basic ${basic}`,
          'User-Agent': `git/aws-cicd-${AWS_CICD_VERSION}`,
          Accept: 'application/x-git-upload-pack-advertisement',
          Pragma: 'no-cache',
        },
      },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status === 401 || status === 403 || status === 404) {
          res.resume();
          resolve({ kind: 'status', status });
          return;
        }
        const type = String(res.headers['content-type'] ?? '');
        if (status !== 200 || type !== 'application/x-git-upload-pack-advertisement') {
          res.resume();
          resolve({ kind: 'fallback', reason: `HTTP ${status} ${type}` });
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BYTES) req.destroy(new Error('advertisement too large'));
          else chunks.push(chunk);
        });
        res.on('end', () => {
          const refs = parseAdvertisement(Buffer.concat(chunks));
          resolve(refs ? { kind: 'refs', refs } : { kind: 'fallback', reason: 'not a git-upload-pack advertisement' });
        });
        res.on('error', (error) => resolve({ kind: 'fallback', reason: String(error) }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', (error) => resolve({ kind: 'fallback', reason: error.message }));
    req.end();
  });
}

/**
 * A v0 smart-HTTP upload-pack advertisement (`# service=git-upload-pack`, flush, then `<sha> <ref>[\0caps]` pkt-lines,
 * flush) → branches and tags (peeled `^{}` entries, HEAD and the empty repository's `capabilities^{}` left out).
 * Undefined when the body is not one.
 */
export function parseAdvertisement(body: Buffer): Map<string, string> | undefined {
  const refs = new Map<string, string>();
  let at = 0;
  let sawService = false;
  let flushes = 0;
  while (at + 4 <= body.length) {
    const length = Number.parseInt(body.subarray(at, at + 4).toString('latin1'), 16);
    if (!Number.isInteger(length) || (length !== 0 && length < 4)) return undefined;
    if (length === 0) {
      at += 4;
      flushes++;
      continue;
    }
    if (at + length > body.length) return undefined;
    let line = body.subarray(at + 4, at + length).toString('utf8');
    at += length;
    if (line.endsWith('\n')) line = line.slice(0, -1);
    if (!sawService) {
      if (line !== '# service=git-upload-pack') return undefined;
      sawService = true;
      continue;
    }
    const nul = line.indexOf('\0');
    const entry = nul < 0 ? line : line.slice(0, nul);
    const m = /^([0-9a-f]{40}|[0-9a-f]{64}) (.+)$/.exec(entry);
    if (!m) return undefined;
    const name = m[2] as string;
    if (name.endsWith('^{}') || !name.startsWith('refs/')) continue;
    refs.set(name, m[1] as string);
  }
  return sawService && flushes >= 2 && at === body.length ? refs : undefined;
}

/** The proxy the environment sets for this endpoint (as curl reads it), or undefined. */
export function proxyFor(endpoint: Pick<GitEndpoint, 'protocol' | 'host'>, env: NodeJS.ProcessEnv): string | undefined {
  const pick = (...names: string[]) => names.map((n) => env[n]?.trim()).find((v) => v);
  const proxy =
    endpoint.protocol === 'https'
      ? pick('https_proxy', 'HTTPS_PROXY', 'all_proxy', 'ALL_PROXY')
      : pick('http_proxy', 'all_proxy', 'ALL_PROXY');
  if (!proxy) return undefined;
  const noProxy = pick('no_proxy', 'NO_PROXY') ?? '';
  const host = endpoint.host.toLowerCase();
  for (const raw of noProxy.split(',')) {
    const entry = raw.trim().toLowerCase().replace(/:\d+$/, '');
    if (entry === '*') return undefined;
    if (entry === '') continue;
    const suffix = entry.startsWith('.') ? entry : `.${entry}`;
    if (host === entry.replace(/^\./, '') || host.endsWith(suffix)) return undefined;
  }
  return proxy;
}
