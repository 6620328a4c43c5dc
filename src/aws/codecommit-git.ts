/**
 * Git over HTTPS to AWS CodeCommit with IAM credentials: the Git endpoint of a region (or CODE_COMMIT_ENDPOINT), the
 * repository URL, `codecommit::<region>://<repo>` names, and the SigV4 user name and password that the AWS CLI's
 * credential helper (`aws codecommit credential-helper get`) and git-remote-codecommit compute:
 *
 * - canonical request `GIT\n<path>\n\nhost:<host>\n\nhost\n` (method GIT, no query, the host header only, an empty
 *   payload hash), service `codecommit`, the region of the endpoint;
 * - password `<YYYYMMDD>T<HHMMSS>Z<hex signature>` (the string to sign carries the time without the Z);
 * - user name: the access key id, plus `%` and the session token when there is one.
 *
 * A password is good for about 15 minutes, so one is made for every git invocation. Nothing here imports the SDK:
 * the credential helper, which git starts once per invocation, stays a small process.
 */
import { createHash, createHmac } from 'node:crypto';
import { isIP } from 'node:net';
import { UserError } from '../core/errors.js';

export interface GitCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

/**
 * AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (/ AWS_SESSION_TOKEN) of an environment, as the SDK's default chain takes
 * them first (and skips them when AWS_PROFILE is set); undefined when the chain must look further.
 */
export function credentialsFromEnv(env: NodeJS.ProcessEnv): GitCredentials | undefined {
  const accessKeyId = env.AWS_ACCESS_KEY_ID?.trim();
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY?.trim();
  if (!accessKeyId || !secretAccessKey || env.AWS_PROFILE?.trim()) return undefined;
  const sessionToken = env.AWS_SESSION_TOKEN?.trim();
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
}

/** Where git talks to CodeCommit. */
export interface GitEndpoint {
  readonly protocol: 'https' | 'http';
  /** Host name without the port: what the signature covers. */
  readonly host: string;
  readonly port?: number;
  /** `https://host[:port]`, no trailing slash. */
  readonly baseUrl: string;
  /** True when CODE_COMMIT_ENDPOINT chose it. */
  readonly overridden: boolean;
}

/** A CodeCommit repository named as the mirror target. */
export interface CodeCommitTarget {
  readonly repository: string;
  /** From `codecommit::<region>://` or an HTTPS clone URL; else undefined (the configured region applies). */
  readonly region?: string;
}

const REPOSITORY_NAME = /^[\w.-]{1,100}$/;
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;
/** The hosts of CodeCommit's Git endpoints: regional, FIPS, China, and VPC interface endpoints. */
const CODECOMMIT_HOST =
  /^(?:vpce-[a-z0-9-]+\.)?git-codecommit(?:-fips)?\.([a-z]{2}(?:-[a-z]+)+-\d+)\.(?:vpce\.)?amazonaws\.com(?:\.cn)?$/;
const PASSWORD = /^(\d{8})T(\d{6})Z([0-9a-f]{64})$/;

export function isRepositoryName(name: string): boolean {
  return REPOSITORY_NAME.test(name) && !name.toLowerCase().endsWith('.git');
}

export function isRegion(region: string): boolean {
  return REGION.test(region);
}

/**
 * The target of a mirror: a repository name, `codecommit::<region>://<repo>`, `codecommit://<repo>` or an HTTPS clone
 * URL `https://git-codecommit.<region>.amazonaws.com/v1/repos/<repo>`. `what` names the input in messages.
 */
export function parseTarget(text: string, what = 'repository'): CodeCommitTarget {
  const value = text.trim();
  const grc = /^codecommit(?:::([^:/]*))?:\/\/(.*)$/.exec(value);
  if (grc) {
    const region = grc[1];
    const rest = grc[2] ?? '';
    if (rest.includes('@')) {
      throw new UserError(
        `${what} "${value}": a profile in the name (profile@repository) is not supported here; ` +
          'set AWS_PROFILE or use aws-actions/configure-aws-credentials instead',
      );
    }
    if (region !== undefined && !isRegion(region)) {
      throw new UserError(`${what} "${value}": "${region}" is not an AWS region (codecommit::<region>://<repository>)`);
    }
    return { repository: checkedName(rest, what, value), ...(region ? { region } : {}) };
  }
  const url = /^https:\/\/([^/]+)\/v1\/repos\/([^/]+?)\/?$/.exec(value);
  if (url) {
    const region = CODECOMMIT_HOST.exec(url[1] ?? '')?.[1];
    if (region === undefined) throw new UserError(`${what} "${value}" is not a CodeCommit clone URL`);
    return { repository: checkedName(url[2] ?? '', what, value), region };
  }
  return { repository: checkedName(value, what, value) };
}

function checkedName(name: string, what: string, given: string): string {
  if (!isRepositoryName(name)) {
    throw new UserError(
      `${what} "${given}": "${name}" is not a CodeCommit repository name (1 to 100 letters, digits, ".", "_" or "-", ` +
        'not ending in ".git")',
    );
  }
  return name;
}

/**
 * The Git endpoint for a region: CODE_COMMIT_ENDPOINT when set (a host, host:port or URL; plain http only on a
 * loopback address), else `git-codecommit[-fips].<region>.amazonaws.com` (`.amazonaws.com.cn` in China regions).
 * FIPS when `fips` is true or AWS_USE_FIPS_ENDPOINT is true.
 */
export function gitEndpoint(region: string, env: NodeJS.ProcessEnv = process.env, fips?: boolean): GitEndpoint {
  const override = env.CODE_COMMIT_ENDPOINT?.trim();
  if (override) return parseEndpoint(override);
  if (!isRegion(region)) throw new UserError(`"${region}" is not an AWS region`);
  const useFips = fips ?? /^true$/i.test(env.AWS_USE_FIPS_ENDPOINT?.trim() ?? '');
  const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  const host = `git-codecommit${useFips ? '-fips' : ''}.${region}.${suffix}`;
  return { protocol: 'https', host, baseUrl: `https://${host}`, overridden: false };
}

/** CODE_COMMIT_ENDPOINT: `host`, `host:port`, `https://host[:port][/]`, or `http://<loopback>[:port][/]`. */
export function parseEndpoint(text: string): GitEndpoint {
  const withScheme = /^[a-z]+:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new UserError(`CODE_COMMIT_ENDPOINT "${text}" is not a host name or URL`);
  }
  const protocol = url.protocol.slice(0, -1);
  if (protocol !== 'https' && protocol !== 'http') {
    throw new UserError(`CODE_COMMIT_ENDPOINT "${text}": only https:// (or http:// on a loopback address) is accepted`);
  }
  if (url.username || url.password || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    throw new UserError(`CODE_COMMIT_ENDPOINT "${text}" must be a host (and port) only, with no path or user`);
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (protocol === 'http' && !isLoopback(host)) {
    throw new UserError(
      `CODE_COMMIT_ENDPOINT "${text}": plain http:// is accepted only on a loopback address (127.0.0.1, ::1, localhost)`,
    );
  }
  const port = url.port === '' ? undefined : Number(url.port);
  const hostPart = isIP(host) === 6 ? `[${host}]` : host;
  return {
    protocol,
    host,
    ...(port !== undefined ? { port } : {}),
    baseUrl: `${protocol}://${hostPart}${port !== undefined ? `:${port}` : ''}`,
    overridden: true,
  };
}

export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** The HTTPS (or loopback http) URL git uses for a repository. */
export function repositoryUrl(endpoint: GitEndpoint, repository: string): string {
  return `${endpoint.baseUrl}${repositoryPath(repository)}`;
}

export function repositoryPath(repository: string): string {
  return `/v1/repos/${repository}`;
}

/** The git-remote-codecommit form of a repository. */
export function grcUrl(region: string, repository: string): string {
  return `codecommit::${region}://${repository}`;
}

/** The region a CodeCommit Git host names (regional, FIPS, China, VPC endpoint hosts); undefined for other hosts. */
export function regionOfHost(host: string): string | undefined {
  return CODECOMMIT_HOST.exec(host.toLowerCase())?.[1];
}

/** A host our credential helper may answer for: a CodeCommit Git host, or the CODE_COMMIT_ENDPOINT host. */
export function isCodeCommitHost(host: string, protocol: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const override = env.CODE_COMMIT_ENDPOINT?.trim();
  if (override) {
    let endpoint: GitEndpoint;
    try {
      endpoint = parseEndpoint(override);
    } catch {
      return false;
    }
    const { name, port } = splitHost(host);
    const expectedPort = endpoint.port;
    return endpoint.protocol === protocol && name === endpoint.host.toLowerCase() && port === expectedPort;
  }
  return protocol === 'https' && regionOfHost(splitHost(host).name) !== undefined && splitHost(host).port === undefined;
}

/** `host[:port]` (IPv6 in brackets) → the lower-case name and the port. */
export function splitHost(hostWithPort: string): { name: string; port?: number } {
  const m = /^(\[[^\]]+\]|[^:]*)(?::(\d+))?$/.exec(hostWithPort.trim());
  if (!m) return { name: hostWithPort.toLowerCase() };
  const name = (m[1] ?? '').replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return m[2] === undefined ? { name } : { name, port: Number(m[2]) };
}

/** The user name CodeCommit expects: the access key id, then `%` and the session token when there is one. */
export function gitUsername(credentials: Pick<GitCredentials, 'accessKeyId' | 'sessionToken'>): string {
  return credentials.sessionToken ? `${credentials.accessKeyId}%${credentials.sessionToken}` : credentials.accessKeyId;
}

export interface SignInput {
  readonly secretAccessKey: string;
  readonly region: string;
  /** The host actually used, without the port. */
  readonly host: string;
  /** `/v1/repos/<name>`. */
  readonly path: string;
  /** Epoch milliseconds. */
  readonly time: number;
}

/** The Git password for one request target at one time: `YYYYMMDDTHHMMSSZ` + the hex SigV4 signature. */
export function gitPassword(input: SignInput): string {
  const stamp = new Date(Math.floor(input.time / 1000) * 1000).toISOString().replace(/[-:]/g, '').slice(0, 15);
  return `${stamp}Z${signature(input, stamp)}`;
}

function signature(input: Omit<SignInput, 'time'>, stamp: string): string {
  const date = stamp.slice(0, 8);
  const canonical = `GIT\n${input.path}\n\nhost:${input.host}\n\nhost\n`;
  const scope = `${date}/${input.region}/codecommit/aws4_request`;
  const toSign = `AWS4-HMAC-SHA256\n${stamp}\n${scope}\n${createHash('sha256').update(canonical, 'utf8').digest('hex')}`;
  const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();
  const key = hmac(hmac(hmac(hmac(`AWS4${input.secretAccessKey}`, date), input.region), 'codecommit'), 'aws4_request');
  return createHmac('sha256', key).update(toSign, 'utf8').digest('hex');
}

/** A Git password taken apart: its time (epoch ms) and signature; undefined when it is not one. */
export function parsePassword(password: string): { time: number; stamp: string; signature: string } | undefined {
  const m = PASSWORD.exec(password);
  if (!m) return undefined;
  const d = m[1] as string;
  const t = m[2] as string;
  const time = Date.UTC(
    +d.slice(0, 4),
    +d.slice(4, 6) - 1,
    +d.slice(6, 8),
    +t.slice(0, 2),
    +t.slice(2, 4),
    +t.slice(4),
  );
  if (Number.isNaN(time)) return undefined;
  return { time, stamp: `${d}T${t}`, signature: m[3] as string };
}

/** The signature a password must carry for a request (server side: recomputed with the secret held for the key). */
export function expectedSignature(input: Omit<SignInput, 'time'>, stamp: string): string {
  return signature(input, stamp);
}

/** The looks of a Git password, to mask it wherever it could appear. */
export function looksLikePassword(text: string): boolean {
  return PASSWORD.test(text);
}

// ---------------------------------------------------------------------------------------------------------------
// git's credential helper protocol (gitcredentials(7)): `key=value` lines, ended by a blank line or EOF.

export function parseCredentialRequest(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line === '') break;
    const eq = line.indexOf('=');
    if (eq > 0) fields.set(line.slice(0, eq), line.slice(eq + 1));
  }
  return fields;
}

/** The answer: no field may hold a newline or NUL (git would read it as another field). */
export function formatCredentialAnswer(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([key, value]) => {
      if (/[\n\0]/.test(value) || /[\n\0=]/.test(key)) throw new UserError(`a credential field "${key}" is not valid`);
      return `${key}=${value}\n`;
    })
    .join('');
}
