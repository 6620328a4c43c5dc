/**
 * The staging repositories of pushes (push.ts) live in folders of the OS temp dir named `aws-cicd-push-<pid>-XXXXXX`,
 * with an owner file naming the host and the process. A mirror removes its own when a push ends; one that was killed
 * outright cannot, so each new staging folder first removes those left behind: ours only (the name, our user, an owner
 * file of this host) and only stale ones (their process no longer exists). A folder whose owner cannot be told apart
 * from a running mirror (no owner file yet, another host sharing the temp dir, a live pid) is left alone.
 */
import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const STAGING_PREFIX = 'aws-cicd-push-';
const OWNER_FILE = 'aws-cicd-owner';
const NAME = /^aws-cicd-push-(\d+)-[A-Za-z0-9]{6}$/;

/**
 * Whether a process exists (signal 0 checks without sending anything; EPERM: it exists, as another user's). A zombie
 * (ended, not yet reaped: /proc says so on Linux) does not.
 */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

/** A new staging folder of this process under `parent`, its owner recorded. */
export function createStagingDir(parent: string, pid = process.pid): string {
  const dir = mkdtempSync(join(parent, `${STAGING_PREFIX}${pid}-`));
  writeFileSync(join(dir, OWNER_FILE), `${hostname()}\n${pid}\n`);
  return dir;
}

/** Removes the staging folders under `parent` whose process is gone; returns their names. */
export function removeStaleStagingDirs(parent: string, exists: (pid: number) => boolean = processExists): string[] {
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return [];
  }
  const uid = process.getuid?.();
  const removed: string[] = [];
  for (const name of names) {
    const pid = Number(NAME.exec(name)?.[1] ?? NaN);
    if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid) continue;
    const dir = join(parent, name);
    try {
      const stat = lstatSync(dir);
      if (!stat.isDirectory() || (uid !== undefined && stat.uid !== uid)) continue;
      const [host, owner] = readFileSync(join(dir, OWNER_FILE), 'utf8').split('\n');
      if (host !== hostname() || Number(owner) !== pid || exists(pid)) continue;
      rmSync(dir, { recursive: true, force: true });
      removed.push(name);
    } catch {
      // No owner file (yet), or gone in the meantime: not ours to judge.
    }
  }
  return removed;
}
