/**
 * `aws-cicd git-credential [--region R] get`: a git credential helper (gitcredentials(7)) for CodeCommit. git starts it
 * with the request on stdin (`protocol=https`, `host=…`, `path=v1/repos/<name>` with credential.useHttpPath) and reads
 * `username=` / `password=` back: the access key id (plus `%` and the session token) and a SigV4 password made now
 * for the host actually used, so every git invocation gets a fresh one. The credentials come from the environment
 * or the SDK's default provider chain, never from the command line. `store` and `erase` do nothing.
 *
 * The mirror action's bundle answers the same way when started as `index.js git-credential …`, so git can call
 * back into whichever entry point (action or CLI) is running. Under GitHub Actions the password is also written as
 * an `::add-mask::` line on stderr, which the mirror's git runner turns into a mask before anything is printed.
 */
import { parseArgs } from 'node:util';
import {
  credentialsFromEnv,
  formatCredentialAnswer,
  gitPassword,
  gitUsername,
  isCodeCommitHost,
  isRegion,
  parseCredentialRequest,
  regionOfHost,
  splitHost,
  type GitCredentials,
} from '../aws/codecommit-git.js';
import { describeError, isUserError, UserError } from '../core/errors.js';

export interface CredentialIo {
  readonly stdin: AsyncIterable<string | Buffer> | Iterable<string | Buffer>;
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly env: NodeJS.ProcessEnv;
  /** Epoch ms (tests). */
  readonly now?: () => number;
  /** Replaces the environment / SDK chain lookup (tests). */
  readonly credentials?: (region: string) => Promise<GitCredentials>;
}

/** Answers one request from git; the exit code. */
export async function answerGitCredential(argv: readonly string[], io: CredentialIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: { region: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const operation = positionals[positionals.length - 1];
  const request = parseCredentialRequest(await readAll(io.stdin));
  if (operation === 'store' || operation === 'erase') return 0;
  if (operation !== 'get')
    throw new UserError(`expected get, store or erase; got "${operation ?? ''}"`, { exitCode: 2 });

  const protocol = request.get('protocol') ?? '';
  const host = request.get('host') ?? '';
  if (!isCodeCommitHost(host, protocol, io.env)) {
    io.stderr.write(`aws-cicd git-credential: not answering for ${protocol}://${host} (not a CodeCommit Git host)\n`);
    return 0;
  }
  const path = request.get('path');
  if (path === undefined || path === '') {
    throw new UserError('git sent no path: run git with -c credential.useHttpPath=true');
  }
  const hostName = splitHost(host).name;
  const region = [values.region, regionOfHost(hostName), io.env.AWS_REGION, io.env.AWS_DEFAULT_REGION]
    .map((r) => r?.trim())
    .find((r) => r);
  if (region === undefined) throw new UserError('no AWS region: give --region or set AWS_REGION');
  if (!isRegion(region)) throw new UserError(`"${region}" is not an AWS region`);
  const credentials = await (io.credentials ?? ((r) => defaultCredentials(r, io.env)))(region);
  const password = gitPassword({
    secretAccessKey: credentials.secretAccessKey,
    region,
    host: hostName,
    path: `/${path.replace(/^\/+/, '')}`,
    time: (io.now ?? Date.now)(),
  });
  if (io.env.GITHUB_ACTIONS === 'true') io.stderr.write(`::add-mask::${password}\n`);
  io.stdout.write(formatCredentialAnswer({ username: gitUsername(credentials), password }));
  return 0;
}

/** The environment's keys (as the SDK's chain takes them first); otherwise the SDK's default chain, loaded only then. */
async function defaultCredentials(region: string, env: NodeJS.ProcessEnv): Promise<GitCredentials> {
  const fromEnv = credentialsFromEnv(env);
  if (fromEnv) return fromEnv;
  const { resolveCredentials } = await import('../aws/codecommit.js');
  return resolveCredentials(region, env);
}

async function readAll(stream: AsyncIterable<string | Buffer> | Iterable<string | Buffer>): Promise<string> {
  let text = '';
  for await (const chunk of stream) {
    text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    // git ends a request with a blank line and then closes stdin; stop at the blank line either way.
    if (/(^|\n)\r?\n/.test(text)) break;
  }
  return text;
}

/** The helper as a process of its own (the mirror bundle's `git-credential` mode): errors on stderr, an exit code. */
export async function credentialProcess(argv: readonly string[], io: CredentialIo): Promise<number> {
  try {
    return await answerGitCredential(argv, io);
  } catch (error) {
    io.stderr.write(`aws-cicd git-credential: ${describeError(error)}\n`);
    return isUserError(error) ? error.exitCode : 1;
  }
}
