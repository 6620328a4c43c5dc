import { execFileSync } from 'node:child_process';

/** The commit checked out in `cwd` (git rev-parse HEAD), undefined outside a work tree. */
export function gitHead(cwd: string): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return undefined;
  }
}
