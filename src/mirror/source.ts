/**
 * The mirror's source: the branches and tags of the checkout's origin (GitHub), with their full history, in the
 * checkout's object store.
 *
 * With a remote named origin, its branches and tags are fetched into a private namespace
 * (refs/aws-cicd/mirror/{heads,tags}/*) — not into refs/remotes (an empty --refmap), not into the checked-out branch,
 * with no change to the work tree or the index — and `--unshallow` when the checkout is shallow (actions/checkout's default depth 1),
 * since CodeCommit needs the whole history ("shallow update not allowed"). The job's token reaches git as an
 * `http.<server>/.extraheader` given through the environment (never argv), replacing the one actions/checkout may
 * have persisted. The namespace is removed again by `cleanup()`.
 *
 * Without an origin the local branches and tags are the source (a full local repository: the CLI's case), read from
 * the ref files when they are plain (ref-files.ts), else listed by `git for-each-ref`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { withoutCredentials } from '../core/url.js';
import { UserError } from '../core/errors.js';
import { GitError, type Git } from './git.js';
import { isDirectory, readRefFiles, SOURCE_REF_PREFIXES } from './ref-files.js';

export const NAMESPACE = 'refs/aws-cicd/mirror/';

export interface SourceOptions {
  /** Token for the origin's HTTPS server (the job's GITHUB_TOKEN). */
  readonly token?: string;
  /** The GitHub server the token is for (default https://github.com). */
  readonly serverUrl?: string;
  /** Registers a value to mask. */
  readonly mask: (value: string) => void;
  readonly info: (message: string) => void;
}

export interface SourceRefs {
  /** Full ref names (refs/heads/…, refs/tags/…) → object ids. */
  readonly refs: Map<string, string>;
  /** The origin URL the refs came from; undefined for a local source. */
  readonly origin?: string;
  readonly unshallowed: boolean;
  /** Removes the private namespace (a no-op for a local source). */
  cleanup(): Promise<void>;
}

export async function readSource(git: Git, options: SourceOptions): Promise<SourceRefs> {
  const [shallow, origin] = await Promise.all([isShallow(git), originUrl(git)]);
  if (origin === undefined) {
    if (shallow) {
      throw new UserError(
        `the source ${git.cwd} is a shallow clone without a remote named origin to fetch its history from; ` +
          'clone it in full (fetch-depth: 0)',
      );
    }
    // The local branches and tags: read from the ref files when they are plain, else listed by git.
    const refs = readRefFiles(git.cwd) ?? (await listRefs(git, SOURCE_REF_PREFIXES));
    return { refs, unshallowed: false, cleanup: async () => {} };
  }
  const config = tokenConfig(origin, options);
  options.info(
    `Fetching the branches and tags of ${withoutCredentials(origin)}${shallow ? ' with their full history (the checkout is shallow)' : ''}`,
  );
  const args = [
    'fetch',
    '--quiet',
    '--no-tags',
    '--prune',
    '--no-write-fetch-head',
    '--no-recurse-submodules',
    ...(shallow ? ['--unshallow'] : []),
    // By the remote's name, so its URL (which may hold a token) stays out of argv; an empty refmap keeps git from
    // also updating refs/remotes/origin/* from what it fetched.
    '--refmap=',
    '--',
    'origin',
    `+refs/heads/*:${NAMESPACE}heads/*`,
    `+refs/tags/*:${NAMESPACE}tags/*`,
  ];
  try {
    await git.run(args, { config, tied: true });
  } catch (error) {
    if (error instanceof GitError) {
      throw new UserError(
        `cannot fetch the branches and tags of ${withoutCredentials(origin)}: ${error.message.replace(/^git .*? failed /, '')}` +
          (options.token ? '' : ' (no github-token was given)'),
        { cause: error },
      );
    }
    throw error;
  }
  const namespaced = await listRefs(git, [NAMESPACE]);
  const refs = new Map<string, string>();
  for (const [name, sha] of namespaced) refs.set(`refs/${name.slice(NAMESPACE.length)}`, sha);
  return {
    refs,
    origin,
    unshallowed: shallow,
    cleanup: async () => {
      if (namespaced.size === 0) return;
      const input = [...namespaced.keys()].map((name) => `delete ${name}\n`).join('');
      await git.run(['update-ref', '--no-deref', '--stdin'], { input });
    },
  };
}

/** A shallow repository has a `shallow` file in its git directory; without a plain `.git` directory, git says. */
async function isShallow(git: Git): Promise<boolean> {
  const dotGit = join(git.cwd, '.git');
  if (isDirectory(dotGit) && existsSync(join(dotGit, 'objects'))) return existsSync(join(dotGit, 'shallow'));
  try {
    const { stdout } = await git.run(['rev-parse', '--is-shallow-repository']);
    return stdout.trim() === 'true';
  } catch (error) {
    if (error instanceof GitError) {
      throw new UserError(`the source ${git.cwd} is not a git repository: ${error.result.stderr.trim()}`, {
        cause: error,
      });
    }
    throw error;
  }
}

async function originUrl(git: Git): Promise<string | undefined> {
  const { code, stdout } = await git.run(['config', '--get', 'remote.origin.url'], { okCodes: [0, 1] });
  const url = stdout.trim();
  return code === 0 && url !== '' ? url : undefined;
}

/** `name → object id` of the refs under the prefixes. */
export async function listRefs(git: Git, prefixes: readonly string[]): Promise<Map<string, string>> {
  const refs = new Map<string, string>();
  await git.run(['for-each-ref', '--format=%(objectname) %(refname)', '--', ...prefixes], {
    onStdoutLine: (line) => {
      const space = line.indexOf(' ');
      if (space > 0) refs.set(line.slice(space + 1), line.slice(0, space));
    },
  });
  return refs;
}

/**
 * `http.<server>/.extraheader` for the token, the first value (empty) clearing what actions/checkout persisted, so
 * exactly one Authorization header is sent. Only for an HTTPS origin on the token's server.
 */
export function tokenConfig(origin: string, options: Pick<SourceOptions, 'token' | 'serverUrl' | 'mask'>) {
  const token = options.token?.trim();
  if (!token) return [];
  const server = (options.serverUrl?.trim() || 'https://github.com').replace(/\/+$/, '');
  if (!origin.toLowerCase().startsWith(`${server.toLowerCase()}/`)) return [];
  const basic = Buffer.from(`x-access-token:${token}`, 'utf8').toString('base64');
  options.mask(token);
  options.mask(basic);
  const key = `http.${server}/.extraheader`;
  return [
    [key, ''],
    [key, `AUTHORIZATION: basic ${basic}`],
  ] as const;
}
