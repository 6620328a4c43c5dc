import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { RecordingSink, runTestBuild, tempDir } from './helpers.js';

/** True while the process exists and is not a zombie waiting to be reaped. */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A sink that calls back when a command's output contains a text. */
class WatchingSink extends RecordingSink {
  constructor(
    private readonly text: string,
    private readonly onSeen: () => void,
  ) {
    super();
  }
  override emit(event: Parameters<RecordingSink['emit']>[0]): void {
    super.emit(event);
    if (event.type === 'output' && event.data.toString().includes(this.text)) this.onSeen();
  }
}

describe('stopping a build', () => {
  test('abort: status STOPPED, the phase STOPPED, later phases skipped, no process left running', async () => {
    const src = tempDir();
    const controller = new AbortController();
    const sink = new WatchingSink('ready', () => controller.abort());
    const { result } = await runTestBuild(
      {
        phases: {
          install: { commands: ['sleep 1000 & echo $! > bg.pid'] },
          build: { commands: ['sleep 1000 & echo $! > fg-bg.pid; echo ready; sleep 1000'], finally: ['echo fin'] },
          post_build: { commands: ['echo post'] },
        },
      },
      { src, signal: controller.signal, sink },
    );
    expect(result.buildStatus).toBe('STOPPED');
    const build = result.phases.find((p) => p.phaseType === 'BUILD');
    expect(build).toMatchObject({ phaseStatus: 'STOPPED', contexts: [{ statusCode: 'BUILD_STOPPED' }] });
    expect(result.phases.map((p) => p.phaseType)).not.toContain('POST_BUILD');
    expect(result.phases.map((p) => p.phaseType)).not.toContain('UPLOAD_ARTIFACTS');
    expect(sink.outputs().map((o) => o.command)).not.toContain('echo fin');
    for (const file of ['bg.pid', 'fg-bg.pid']) {
      const pid = Number(readFileSync(path.join(src, file), 'utf8'));
      expect(pid).toBeGreaterThan(1);
      await until(() => !running(pid), `pid ${pid} from ${file} to end`);
    }
  });

  test('stopped while a command is starting: that command never runs', async () => {
    const src = tempDir();
    const controller = new AbortController();
    const sink = new RecordingSink();
    const emit = sink.emit.bind(sink);
    sink.emit = (event) => {
      emit(event);
      if (event.type === 'command-start') controller.abort();
    };
    const { result } = await runTestBuild(
      { phases: { build: { commands: ['touch ran; sleep 1000'] } } },
      { src, signal: controller.signal, sink },
    );
    expect(result.buildStatus).toBe('STOPPED');
    expect(existsSync(path.join(src, 'ran'))).toBe(false);
  });

  test('a signal aborted before the start stops at once', async () => {
    const { result, sink } = await runTestBuild(
      { phases: { build: { commands: ['echo never'] } } },
      { signal: AbortSignal.abort() },
    );
    expect(result.buildStatus).toBe('STOPPED');
    expect(sink.outputs()).toEqual([]);
  });

  test('--timeout: status TIMED_OUT with BUILD_TIMED_OUT, nothing left running', async () => {
    const src = tempDir();
    const { result } = await runTestBuild(
      { phases: { build: { commands: ['sleep 1000 & echo $! > bg.pid; sleep 1000'] } } },
      { src, timeoutMinutes: 0.005 },
    );
    expect(result.buildStatus).toBe('TIMED_OUT');
    expect(result.phases.find((p) => p.phaseType === 'BUILD')).toMatchObject({
      phaseStatus: 'TIMED_OUT',
      contexts: [{ statusCode: 'BUILD_TIMED_OUT', message: 'Build has timed out. 0.005 mins' }],
    });
    const pid = Number(readFileSync(path.join(src, 'bg.pid'), 'utf8'));
    await until(() => !running(pid), 'the background sleep to end');
  });
});

describe('background processes', () => {
  test('live across phases (a daemon started in install serves build) and are killed when the build ends', async () => {
    const src = tempDir();
    const { result, sink } = await runTestBuild(
      {
        phases: {
          install: { commands: ['(while :; do date +%s%N > beat; sleep 0.05; done) & echo $! > daemon.pid'] },
          build: {
            commands: [
              'a=$(cat beat); for i in $(seq 200); do sleep 0.05; [ "$(cat beat)" != "$a" ] && echo alive && break; done',
            ],
          },
        },
      },
      { src },
    );
    expect(result.buildStatus).toBe('SUCCEEDED');
    expect(
      sink.outputOf(
        'a=$(cat beat); for i in $(seq 200); do sleep 0.05; [ "$(cat beat)" != "$a" ] && echo alive && break; done',
      ),
    ).toBe('alive\n');
    const pid = Number(readFileSync(path.join(src, 'daemon.pid'), 'utf8'));
    await until(() => !running(pid), 'the daemon to be killed');
  });

  test('a command that kills its own shell fails; the next phase gets a new shell with the saved state', async () => {
    const { sink, result } = await runTestBuild({
      phases: {
        build: { commands: ['KEEP=yes', 'kill -9 $$'] },
        post_build: { commands: ['echo "keep=$KEEP"'] },
      },
    });
    expect(result.phases.find((p) => p.phaseType === 'BUILD')?.phaseStatus).toBe('FAILED');
    expect(sink.outputs().map((o) => o.exitCode)).toEqual([0, 137, 0]);
    expect(sink.outputOf('echo "keep=$KEEP"')).toBe('keep=yes\n');
  });
});

/** A pid written by a build into `file` (waits for it). */
async function pidIn(file: string): Promise<number> {
  await until(() => existsSync(file) && /^\d+\n?$/.test(readFileSync(file, 'utf8')), `a pid in ${file}`);
  return Number(readFileSync(file, 'utf8'));
}

/** Waits until the build wrote every pid file, so the processes exist when the build ends. */
const WAIT_FOR = (...files: string[]): string =>
  `for f in ${files.join(' ')}; do until [ -s "$f" ]; do sleep 0.01; done; done`;

const onLinux = process.platform === 'linux' && existsSync('/proc/self/environ');
const describeLinux = onLinux ? describe : describe.skip;
if (!onLinux) console.log('processes that leave the build: skipped, they need Linux /proc');

describeLinux('processes that leave the build’s process group (setsid, daemons) end with the build', () => {
  test('setsid -f, a double-forked daemon, nohup … & disown, and a child that cleared its environment', async () => {
    const src = tempDir();
    const { result } = await runTestBuild(
      {
        shell: 'bash',
        phases: {
          install: {
            commands: [
              "setsid -f sh -c 'echo $$ > setsid.pid; exec sleep 1000'",
              // The middle process exits at once: the sleep is an orphan in a session of its own.
              "setsid sh -c 'sleep 1000 & echo $! > daemon.pid' </dev/null >/dev/null 2>&1 &",
              'nohup sleep 1000 >/dev/null 2>&1 & echo $! > nohup.pid; disown',
              // No marker in its environment: found as the child of a process of the build.
              "setsid -f sh -c 'env -i sleep 1000 & echo $! > clean.pid; wait' </dev/null >/dev/null 2>&1",
            ],
          },
          build: { commands: [WAIT_FOR('setsid.pid', 'daemon.pid', 'nohup.pid', 'clean.pid')] },
        },
      },
      { src },
    );
    expect(result.buildStatus).toBe('SUCCEEDED');
    for (const file of ['setsid.pid', 'daemon.pid', 'nohup.pid', 'clean.pid']) {
      const pid = await pidIn(path.join(src, file));
      await until(() => !running(pid), `pid ${pid} from ${file} to end`);
    }
  });

  test('stopped or timed out: processes in their own session end too', async () => {
    const src = tempDir();
    const controller = new AbortController();
    const sink = new WatchingSink('ready', () => controller.abort());
    const { result } = await runTestBuild(
      {
        phases: {
          build: {
            commands: [
              `setsid -f sh -c 'echo $$ > escaped.pid; exec sleep 1000'; ${WAIT_FOR('escaped.pid')}; echo ready; sleep 1000`,
            ],
          },
        },
      },
      { src, signal: controller.signal, sink },
    );
    expect(result.buildStatus).toBe('STOPPED');
    const pid = await pidIn(path.join(src, 'escaped.pid'));
    await until(() => !running(pid), 'the escaped sleep to end');

    const timed = tempDir();
    const { result: timedOut } = await runTestBuild(
      { phases: { build: { commands: [`setsid -f sh -c 'echo $$ > escaped.pid; exec sleep 1000'; sleep 1000`] } } },
      { src: timed, timeoutMinutes: 0.005 },
    );
    expect(timedOut.buildStatus).toBe('TIMED_OUT');
    const timedPid = await pidIn(path.join(timed, 'escaped.pid'));
    await until(() => !running(timedPid), 'the escaped sleep of the timed-out build to end');
  });

  test('a concurrent build and processes outside any build survive; each build ends only its own', async () => {
    const outside = tempDir();
    // Started by the test, not by a build: the same user, its own session, no marker.
    execFileSync('setsid', ['-f', 'sh', '-c', `echo $$ > ${path.join(outside, 'outsider.pid')}; exec sleep 1000`], {
      stdio: 'ignore',
    });
    const outsider = await pidIn(path.join(outside, 'outsider.pid'));
    const srcA = tempDir();
    const srcB = tempDir();
    const escape = "setsid -f sh -c 'echo $$ > escaped.pid; exec sleep 1000'";
    const b = runTestBuild(
      {
        phases: {
          build: { commands: [escape, `${WAIT_FOR('escaped.pid')}; until [ -e release ]; do sleep 0.02; done`] },
        },
      },
      { src: srcB },
    );
    const pidB = await pidIn(path.join(srcB, 'escaped.pid'));
    const { result: a } = await runTestBuild(
      { phases: { build: { commands: [escape, WAIT_FOR('escaped.pid')] } } },
      { src: srcA },
    );
    expect(a.buildStatus).toBe('SUCCEEDED');
    const pidA = await pidIn(path.join(srcA, 'escaped.pid'));
    try {
      await until(() => !running(pidA), 'build A’s escaped sleep to end');
      expect(running(pidB)).toBe(true);
      expect(running(outsider)).toBe(true);
      writeFileSync(path.join(srcB, 'release'), '');
      expect((await b).result.buildStatus).toBe('SUCCEEDED');
      await until(() => !running(pidB), 'build B’s escaped sleep to end');
      expect(running(outsider)).toBe(true);
    } finally {
      for (const pid of [outsider, pidA, pidB]) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    }
  });
});
