/**
 * CodeCommit repositories: each one is a bare git repository in a temporary directory the emulator owns (removed by
 * `close()`). Tests push into `path(name)`; CodeBuild checks CODECOMMIT sources out of it (`resolve(cloneUrl)`).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { uuid } from '../util.js';

const git = promisify(execFile);

export interface StoredRepository {
  name: string;
  id: string;
  description?: string;
  kmsKeyId?: string;
  created: number;
  lastModified: number;
  /** Set by the first push, as on AWS (an empty repository has no default branch). */
  defaultBranch?: string;
  dir: string;
}

export class CodeCommitStore {
  readonly repositories = new Map<string, StoredRepository>();
  private readonly root = mkdtempSync(join(tmpdir(), 'aws-emulator-codecommit-'));

  constructor(
    readonly region: string,
    readonly accountId: string,
    readonly now: () => number,
  ) {}

  cloneUrlHttp(name: string): string {
    return `https://git-codecommit.${this.region}.amazonaws.com/v1/repos/${name}`;
  }

  cloneUrlSsh(name: string): string {
    return `ssh://git-codecommit.${this.region}.amazonaws.com/v1/repos/${name}`;
  }

  arn(name: string): string {
    return `arn:aws:codecommit:${this.region}:${this.accountId}:${name}`;
  }

  /** The bare repository's directory (push here from tests). */
  path(name: string): string {
    const repo = this.repositories.get(name);
    if (!repo) throw new Error(`no CodeCommit repository ${name}`);
    return repo.dir;
  }

  async create(name: string, extra: { description?: string; kmsKeyId?: string } = {}): Promise<StoredRepository> {
    const id = uuid();
    const dir = join(this.root, id);
    await git('git', ['init', '--quiet', '--bare', dir]);
    const now = this.now();
    const repo: StoredRepository = { name, id, ...extra, created: now, lastModified: now, dir };
    this.repositories.set(name, repo);
    return repo;
  }

  async delete(name: string): Promise<StoredRepository | undefined> {
    const repo = this.repositories.get(name);
    if (!repo) return undefined;
    this.repositories.delete(name);
    rmSync(repo.dir, { recursive: true, force: true });
    return repo;
  }

  /**
   * The default branch: none while the repository is empty; then the branch the first push created (HEAD's branch if
   * it was pushed, else main, else master, else the first by name), kept from then on.
   */
  async defaultBranch(repo: StoredRepository): Promise<string | undefined> {
    // Still there (the usual answer, read from git's ref files without starting git beside the client's push).
    if (repo.defaultBranch && hasBranch(repo.dir, repo.defaultBranch)) return repo.defaultBranch;
    const { stdout } = await git('git', ['-C', repo.dir, 'for-each-ref', '--format=%(refname:short)', 'refs/heads/']);
    const branches = stdout.split('\n').filter(Boolean);
    if (repo.defaultBranch && branches.includes(repo.defaultBranch)) return repo.defaultBranch;
    if (branches.length === 0) return undefined;
    const head = await git('git', ['-C', repo.dir, 'symbolic-ref', '--short', 'HEAD']).then(
      (r) => r.stdout.trim(),
      () => '',
    );
    const chosen = [head, 'main', 'master'].find((b) => branches.includes(b)) ?? (branches[0] as string);
    await git('git', ['-C', repo.dir, 'symbolic-ref', 'HEAD', `refs/heads/${chosen}`]);
    repo.defaultBranch = chosen;
    return chosen;
  }

  /** A CodeBuild CODECOMMIT location (the HTTPS clone URL) → the repository, or undefined when there is none. */
  fromLocation(location: string | undefined): StoredRepository | undefined {
    const m = /^https:\/\/git-codecommit\.([^.]+)\.amazonaws\.com\/v1\/repos\/([^/]+?)\/?$/.exec(location ?? '');
    if (!m || m[1] !== this.region) return undefined;
    return this.repositories.get(m[2] as string);
  }

  close(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/**
 * Whether a bare repository has a branch, as git's files backend keeps it: a loose ref file, or a line of packed-refs.
 * False when neither says so (git is then asked).
 */
function hasBranch(dir: string, branch: string): boolean {
  const ref = `refs/heads/${branch}`;
  try {
    if (statSync(join(dir, ref)).isFile()) return true;
  } catch {
    // not loose
  }
  try {
    return readFileSync(join(dir, 'packed-refs'), 'utf8')
      .split('\n')
      .some((line) => line.endsWith(` ${ref}`));
  } catch {
    return false;
  }
}
