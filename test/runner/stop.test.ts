import { existsSync, readFileSync } from 'node:fs';
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
