/**
 * Git reads for source actions and change detection: a branch head read from the ref files themselves (cheap enough
 * to poll), and a commit's metadata through `git log`.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const git = promisify(execFile);

/** The git directory of a bare repository or of a working tree. */
function gitDir(repo: string): string {
  const dotGit = join(repo, '.git');
  return existsSync(dotGit) && statSync(dotGit).isDirectory() ? dotGit : repo;
}

/** The commit a ref (e.g. `refs/heads/main`) points at, from the loose ref or packed-refs; undefined when absent. */
export function readRef(repo: string, ref: string): string | undefined {
  const dir = gitDir(repo);
  try {
    const loose = readFileSync(join(dir, ref), 'utf8').trim();
    if (/^[0-9a-f]{40,64}$/.test(loose)) return loose;
  } catch {
    // not a loose ref
  }
  try {
    for (const line of readFileSync(join(dir, 'packed-refs'), 'utf8').split('\n')) {
      const [sha, name] = line.split(' ');
      if (name === ref && sha && /^[0-9a-f]{40,64}$/.test(sha)) return sha;
    }
  } catch {
    // no packed refs
  }
  return undefined;
}

export interface CommitInfo {
  commit: string;
  message: string;
  /** Epoch ms. */
  authorDate: number;
  committerDate: number;
}

/** A revision's commit (branch, ref or commit id), or undefined when it does not name a commit in the repository. */
export async function commitInfo(repo: string, revision: string): Promise<CommitInfo | undefined> {
  try {
    const { stdout } = await git('git', [
      '-C',
      repo,
      'log',
      '-1',
      '--format=%H%x00%at%x00%ct%x00%B',
      `${revision}^{commit}`,
      '--',
    ]);
    const [commit = '', author = '0', committer = '0', ...message] = stdout.split('\0');
    return {
      commit,
      message: message.join('\0').replace(/\n+$/, ''),
      authorDate: Number(author) * 1000,
      committerDate: Number(committer) * 1000,
    };
  } catch {
    return undefined;
  }
}

/** ISO-8601 without milliseconds, as CodePipeline's AuthorDate / CommitterDate variables: 2019-10-29T03:32:21Z. */
export const isoSeconds = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
