/**
 * Every process a build starts ends with the build, as in CodeBuild, where the container ends and takes them all.
 *
 * Killing the process groups of the build's shells is not enough: `setsid`, `setsid -f`, double-forked daemons
 * leave the group (and the session). So:
 * - every process the runner starts for a build carries a marker in its environment, a variable with a random value
 *   per build (BUILD_MARKER_VARIABLE), and passes it on to what it starts, whatever it does to its session, group
 *   or parent;
 * - at the end (and on stop, timeout, Ctrl-C) the runner reads /proc: a process is the build's when its environment
 *   holds the marker, when it is in the group or session of one of the build's shells, or when its parent is the
 *   build's (a child that cleared its environment, `env -i`, while its parent lives). They are stopped (SIGSTOP,
 *   so none can fork meanwhile), /proc is read again until nothing new turns up, and then they are killed.
 *
 * Why not a PID namespace or a cgroup, which catch everything: both need privileges (root, or user namespaces,
 * which Ubuntu's AppArmor, Docker's seccomp profile and many CI machines refuse) and would make `run-as` and the
 * build's view of the machine differ from a plain local run. The marker works for any user on any Linux.
 *
 * What it cannot catch: a process that both clears its environment and loses its parent (`setsid -f env -i …`),
 * processes of another user when the runner is not root (`sudo …`, set-uid programs: their environment cannot be
 * read nor they be signalled), and processes started by a daemon on the build's behalf (`docker run -d`,
 * `systemd-run`). Without /proc (macOS) only the process groups are killed.
 *
 * Nothing else is touched: another build has another marker, the runner itself is never a candidate, and a
 * process found by its parent or group is one the build started. A group id is used only while its leader (the
 * build's shell) lives or while no process has that number: once the number is free again it may be a stranger's.
 *
 * Cost: one read of /proc/<pid>/stat per process, and of /proc/<pid>/environ only for processes started since the
 * build's first shell (nothing older can be the build's); a build that started no shell reads nothing.
 */
import { closeSync, existsSync, openSync, readdirSync, readSync } from 'node:fs';

/** The variable that marks a build's processes. Its value is random per build. */
export const BUILD_MARKER_VARIABLE = 'AWS_CICD_BUILD_MARKER';

/** A process group of one of the build's shells (each shell leads its own session and group). */
export interface BuildGroup {
  readonly pgid: number;
  /** Whether the shell that leads it is still running (not yet reaped). */
  readonly leaderAlive: boolean;
  /** The shell's start time (processStartTime); unknown: undefined. */
  readonly leaderStart: number | undefined;
}

/** Ends a build's processes: `marker` is the value of BUILD_MARKER_VARIABLE it gave them. */
export type BuildProcessKiller = (marker: string, groups: readonly BuildGroup[]) => void;

export interface KillOptions {
  /** Where the process table is (tests). Default `/proc`. */
  readonly procDir?: string;
  /** The runner's own pid, never a candidate. */
  readonly self?: number;
  readonly signal?: (pid: number, signal: NodeJS.Signals) => void;
}

/** Most rounds of reading /proc while processes still turn up (each one stops what it finds: they cannot fork). */
const MAX_ROUNDS = 20;

/** Stops and kills every process of the build (see the top of this file). Returns the pids it killed. */
export function killBuildProcesses(marker: string, groups: readonly BuildGroup[], options: KillOptions = {}): number[] {
  const procDir = options.procDir ?? '/proc';
  const self = options.self ?? process.pid;
  const signal = options.signal ?? ((pid: number, sig: NodeJS.Signals) => process.kill(pid, sig));
  const send = (pid: number, sig: NodeJS.Signals): void => {
    try {
      signal(pid, sig);
    } catch {
      // Gone already, or not ours to signal (another user's).
    }
  };
  if (groups.length === 0) return [];
  // Nothing that started before the build's first shell is the build's (start times only grow).
  const since = Math.min(...groups.map((g) => g.leaderStart ?? 0));
  const safeGroups = groups.filter((g) => g.pgid > 1 && (g.leaderAlive || !existsSync(`${procDir}/${g.pgid}`)));
  const groupIds = new Set(safeGroups.map((g) => g.pgid));
  for (const pgid of groupIds) send(-pgid, 'SIGSTOP');

  const reader = new ProcReader(procDir);
  const needle = Buffer.from(`${BUILD_MARKER_VARIABLE}=${marker}`);
  /** pid → start time: a pid seen again with another start time is a stranger's now. */
  const found = new Map<number, number>();
  for (let round = 0; round < MAX_ROUNDS && reader.available; round++) {
    const table = reader.table(self);
    for (const [pid, start] of found) {
      const entry = table.get(pid);
      if (entry !== undefined && entry.start !== start) {
        // Reused between reading and stopping: not ours.
        send(pid, 'SIGCONT');
        found.delete(pid);
      }
    }
    const ours = new Map<number, boolean>();
    const isOurs = (pid: number): boolean => {
      const known = ours.get(pid);
      if (known !== undefined) return known;
      ours.set(pid, false); // a loop in the table (pid reuse mid-read) ends here
      const entry = table.get(pid);
      const result =
        entry !== undefined &&
        (found.has(pid) ||
          groupIds.has(entry.pgid) ||
          groupIds.has(entry.sid) ||
          (entry.start >= since && hasVariable(reader.environ(pid), needle)) ||
          isOurs(entry.ppid));
      ours.set(pid, result);
      return result;
    };
    let added = 0;
    for (const [pid, entry] of table) {
      if (found.has(pid) || !isOurs(pid)) continue;
      send(pid, 'SIGSTOP');
      found.set(pid, entry.start);
      added++;
    }
    if (added === 0) break;
  }
  for (const pid of found.keys()) send(pid, 'SIGKILL');
  for (const pgid of groupIds) send(-pgid, 'SIGKILL');
  return [...found.keys()];
}

/** A process's start time in clock ticks since boot (proc(5) `starttime`); undefined without /proc. */
export function processStartTime(pid: number, procDir = '/proc'): number | undefined {
  const stat = new ProcReader(procDir, 1024).stat(pid);
  return stat?.start;
}

/** Whether a NUL-separated environment block holds `needle` (NAME=VALUE) as one whole entry. */
export function hasVariable(environ: Buffer | undefined, needle: Buffer): boolean {
  if (environ === undefined) return false;
  for (let i = environ.indexOf(needle); i >= 0; i = environ.indexOf(needle, i + 1)) {
    const end = i + needle.length;
    if ((i === 0 || environ[i - 1] === 0) && (end === environ.length || environ[end] === 0)) return true;
  }
  return false;
}

interface ProcEntry {
  readonly ppid: number;
  readonly pgid: number;
  readonly sid: number;
  /** Start time in clock ticks since boot. */
  readonly start: number;
}

/** Reads /proc with one reusable buffer (a build's end reads every process's stat and environment). */
class ProcReader {
  private buffer: Buffer;
  available = true;

  constructor(
    private readonly dir: string,
    size = 64 * 1024,
  ) {
    this.buffer = Buffer.allocUnsafe(size);
  }

  /** pid → parent, group and session of every process but `self`. */
  table(self: number): Map<number, ProcEntry> {
    const table = new Map<number, ProcEntry>();
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      this.available = false;
      return table;
    }
    for (const name of names) {
      const first = name.charCodeAt(0);
      if (first < 48 || first > 57) continue;
      const pid = Number(name);
      if (!Number.isInteger(pid) || pid === self) continue;
      const entry = this.stat(pid);
      if (entry !== undefined) table.set(pid, entry);
    }
    return table;
  }

  stat(pid: number): ProcEntry | undefined {
    const stat = this.read(`${this.dir}/${pid}/stat`);
    return stat === undefined ? undefined : parseStat(stat.toString('latin1'));
  }

  environ(pid: number): Buffer | undefined {
    return this.read(`${this.dir}/${pid}/environ`);
  }

  /** A whole /proc file (their size is not known in advance), or undefined when it cannot be read. */
  private read(file: string): Buffer | undefined {
    let fd: number;
    try {
      fd = openSync(file, 'r');
    } catch {
      return undefined;
    }
    try {
      let size = 0;
      for (;;) {
        if (size === this.buffer.length) {
          const bigger = Buffer.allocUnsafe(this.buffer.length * 2);
          this.buffer.copy(bigger, 0, 0, size);
          this.buffer = bigger;
        }
        const n = readSync(fd, this.buffer, size, this.buffer.length - size, null);
        if (n === 0) break;
        size += n;
      }
      return this.buffer.subarray(0, size);
    } catch {
      return undefined;
    } finally {
      closeSync(fd);
    }
  }
}

/**
 * `pid (comm) state ppid pgrp session … starttime …` (proc(5)): the command name may hold anything, so fields count
 * from its last `)`.
 */
function parseStat(text: string): ProcEntry | undefined {
  const close = text.lastIndexOf(')');
  if (close < 0) return undefined;
  const fields = text.slice(close + 2).split(' ');
  const [ppid, pgid, sid, start] = [fields[1], fields[2], fields[3], fields[19]].map(Number);
  if (![ppid, pgid, sid, start].every((n) => Number.isInteger(n))) return undefined;
  return { ppid: ppid as number, pgid: pgid as number, sid: sid as number, start: start as number };
}
