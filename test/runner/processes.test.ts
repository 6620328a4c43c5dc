/**
 * How the end of a build decides which processes are its own (processes.ts), on a made-up /proc so every case is
 * exact; stop.test.ts does it with real processes.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BUILD_MARKER_VARIABLE, hasVariable, killBuildProcesses } from '../../src/runner/processes.js';
import { tempDir } from './helpers.js';

interface Fake {
  readonly ppid: number;
  readonly pgid: number;
  readonly sid: number;
  readonly start: number;
  readonly env?: string[];
}

function writeProc(dir: string, pid: number, p: Fake): void {
  const proc = path.join(dir, String(pid));
  mkdirSync(proc, { recursive: true });
  // The command name may hold spaces and parentheses: fields count from the last `)`.
  const rest = ['S', p.ppid, p.pgid, p.sid, ...Array.from({ length: 15 }, () => 0), p.start, 0, 0];
  writeFileSync(path.join(proc, 'stat'), `${pid} (a (b) c) ${rest.join(' ')}\n`);
  writeFileSync(path.join(proc, 'environ'), (p.env ?? []).map((e) => `${e}\0`).join(''));
}

function fakeProc(processes: Record<number, Fake>): string {
  const dir = tempDir('aws-cicd-proc-');
  for (const [pid, p] of Object.entries(processes)) writeProc(dir, Number(pid), p);
  return dir;
}

const MARK = `${BUILD_MARKER_VARIABLE}=abc`;

describe('killBuildProcesses (a made-up /proc)', () => {
  test('the build’s shells’ groups and sessions, marked processes and their children; nobody else', () => {
    const dir = fakeProc({
      1: { ppid: 0, pgid: 1, sid: 1, start: 1 },
      100: { ppid: 1, pgid: 100, sid: 100, start: 10, env: ['HOME=/root'] }, // the runner
      200: { ppid: 100, pgid: 200, sid: 200, start: 50, env: [MARK] }, // a build shell
      201: { ppid: 200, pgid: 200, sid: 200, start: 51, env: ['X=1'] }, // in its group, env cleared
      210: { ppid: 1, pgid: 210, sid: 200, start: 52 }, // own group, same session, parent gone
      300: { ppid: 1, pgid: 300, sid: 300, start: 60, env: ['A=1', MARK, 'B=2'] }, // setsid -f
      301: { ppid: 300, pgid: 300, sid: 300, start: 61 }, // its child, env -i
      302: { ppid: 301, pgid: 300, sid: 300, start: 62 }, // and grandchild
      400: { ppid: 1, pgid: 400, sid: 400, start: 70, env: [`${BUILD_MARKER_VARIABLE}=other`] }, // another build
      401: { ppid: 100, pgid: 401, sid: 401, start: 71, env: [MARK.slice(0, -1)] }, // another build, shorter value
      500: { ppid: 1, pgid: 500, sid: 500, start: 72, env: [`${MARK}d`] }, // a value with ours as prefix
      600: { ppid: 1, pgid: 600, sid: 600, start: 73, env: [`X${MARK}`] }, // a name with ours as suffix
      700: { ppid: 1, pgid: 700, sid: 700, start: 5, env: [MARK] }, // older than the build: not read
    });
    const signals: string[] = [];
    const killed = killBuildProcesses('abc', [{ pgid: 200, leaderAlive: true, leaderStart: 50 }], {
      procDir: dir,
      self: 100,
      signal: (pid, signal) => void signals.push(`${signal} ${pid}`),
    });
    expect(killed.sort()).toEqual([200, 201, 210, 300, 301, 302]);
    expect(signals.filter((s) => s.startsWith('SIGKILL')).sort()).toEqual(
      ['SIGKILL -200', ...killed.map((pid) => `SIGKILL ${pid}`)].sort(),
    );
    // Stopped first (no forks meanwhile), the group before anything else.
    expect(signals[0]).toBe('SIGSTOP -200');
    for (const pid of killed) {
      expect(signals.indexOf(`SIGSTOP ${pid}`)).toBeLessThan(signals.indexOf(`SIGKILL ${pid}`));
    }
  });

  test('a pid taken by a stranger between reading and stopping is let go (SIGCONT), not killed', () => {
    const dir = fakeProc({
      200: { ppid: 1, pgid: 200, sid: 200, start: 50, env: [MARK] },
      900: { ppid: 1, pgid: 900, sid: 900, start: 60, env: [MARK] },
    });
    const signals: string[] = [];
    const killed = killBuildProcesses('abc', [{ pgid: 200, leaderAlive: true, leaderStart: 50 }], {
      procDir: dir,
      self: 100,
      signal: (pid, signal) => {
        signals.push(`${signal} ${pid}`);
        // 900 ended just before the stop and its number went to a stranger.
        if (pid === 900 && signal === 'SIGSTOP') writeProc(dir, 900, { ppid: 1, pgid: 900, sid: 900, start: 99 });
      },
    });
    expect(killed).toEqual([200]);
    expect(signals).toContain('SIGCONT 900');
    expect(signals).not.toContain('SIGKILL 900');
  });

  test('the group of a shell that is gone is used only while no process has its number', () => {
    const dir = fakeProc({
      200: { ppid: 1, pgid: 200, sid: 200, start: 80 }, // pid 200 reused: a stranger leading its own group
      201: { ppid: 200, pgid: 200, sid: 200, start: 81 },
      301: { ppid: 1, pgid: 300, sid: 300, start: 61 }, // group 300's leader is gone, a member lives
    });
    const signals: string[] = [];
    const groups = [
      { pgid: 200, leaderAlive: false, leaderStart: 50 },
      { pgid: 300, leaderAlive: false, leaderStart: 60 },
    ];
    const killed = killBuildProcesses('abc', groups, {
      procDir: dir,
      self: 100,
      signal: (pid, signal) => void signals.push(`${signal} ${pid}`),
    });
    expect(killed).toEqual([301]);
    expect(signals).not.toContain('SIGKILL -200');
    expect(signals).toContain('SIGKILL -300');
  });

  test('no /proc: only the groups are killed; no shell started: nothing is read or signalled', () => {
    const signals: string[] = [];
    const signal = (pid: number, sig: NodeJS.Signals): void => void signals.push(`${sig} ${pid}`);
    const missing = path.join(tempDir(), 'no-proc');
    const group = { pgid: 200, leaderAlive: true, leaderStart: undefined };
    expect(killBuildProcesses('abc', [group], { procDir: missing, signal })).toEqual([]);
    expect(signals).toEqual(['SIGSTOP -200', 'SIGKILL -200']);
    signals.length = 0;
    const dir = fakeProc({ 300: { ppid: 1, pgid: 300, sid: 300, start: 60, env: [MARK] } });
    expect(killBuildProcesses('abc', [], { procDir: dir, signal })).toEqual([]);
    expect(signals).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });
});

test('hasVariable matches whole NAME=VALUE entries only', () => {
  const needle = Buffer.from('M=v');
  const env = (...entries: string[]): Buffer => Buffer.from(entries.map((e) => `${e}\0`).join(''));
  expect(hasVariable(env('M=v'), needle)).toBe(true);
  expect(hasVariable(env('A=1', 'M=v', 'B=2'), needle)).toBe(true);
  expect(hasVariable(Buffer.from('A=1\0M=v'), needle)).toBe(true); // no final NUL
  expect(hasVariable(env('M=vv'), needle)).toBe(false);
  expect(hasVariable(env('XM=v'), needle)).toBe(false);
  expect(hasVariable(env('A=M=v'), needle)).toBe(false);
  expect(hasVariable(env('XM=v', 'M=v'), needle)).toBe(true);
  expect(hasVariable(undefined, needle)).toBe(false);
});
