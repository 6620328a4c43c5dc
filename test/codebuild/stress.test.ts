/**
 * 20 builds at once through an emulator that throttles 30% of all requests and drops 10% of connections after
 * answering them (the request took effect, the response is lost): every build's log arrives exactly once, in order,
 * in Live Tail and in polling mode.
 */
import { buildAction } from '../../src/actions/build/main.js';
import type { Emulator } from '../harness/aws/server.js';
import { runActionInProcess } from '../support/action.js';
import { awsEnv, createProject, gitRepo, splitWorkflowLog, startBuildEmulator, storedLog } from './emulator-support.js';

const BUILDSPEC = `version: 0.2
phases:
  build:
    commands:
      - |
        for i in $(seq 1 120); do
          echo "build $CODEBUILD_BUILD_NUMBER line $i"
          if [ $((i % 30)) -eq 0 ]; then sleep 0.3; fi
        done
      - echo "same line"
      - echo "same line"
`;

let emulator: Emulator;
let repo: ReturnType<typeof gitRepo>;
const faults = { throttled: 0, reset: 0 };

beforeAll(async () => {
  emulator = await startBuildEmulator({
    liveTail: { updateIntervalMs: 250 },
    onRequest: (e) => {
      if (e.status === 'reset') faults.reset++;
      else if (e.errorCode === 'ThrottlingException') faults.throttled++;
    },
  });
  repo = gitRepo({ 'buildspec.yml': BUILDSPEC });
  await createProject(emulator, 'stress', repo.dir);
  emulator.faults.configure({ throttleRate: 0.3, resetRate: 0.1, resetPhase: 'after', seed: 20 });
});

afterAll(async () => {
  emulator.faults.clear();
  await emulator.close();
  repo.cleanup();
});

test('20 builds, 30% throttling, 10% resets: zero lost or duplicated lines', async () => {
  const logs = (i: number) => (i % 2 === 0 ? 'live' : 'poll');
  faults.throttled = faults.reset = 0;
  const runs = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      runActionInProcess(buildAction(), {
        inputs: { 'project-name': 'stress', logs: logs(i) },
        env: awsEnv(emulator, { GITHUB_WORKSPACE: repo.dir, GITHUB_SHA: repo.commit }),
      }),
    ),
  );
  // The faults did happen, in numbers (the follower makes few calls, so 10% resets are a handful).
  expect(faults.throttled).toBeGreaterThan(30);
  expect(faults.reset).toBeGreaterThan(0);

  const ids = new Set(runs.map((r) => r.outputs['build-id']));
  expect(ids.size).toBe(20);
  expect(emulator.state.codebuild.builds.size).toBe(20);
  const modes: string[] = [];
  for (const [i, r] of runs.entries()) {
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    const id = r.outputs['build-id'] ?? '';
    const stored = storedLog(emulator, id);
    expect(stored.filter((l) => / line \d+$/.test(l))).toHaveLength(120);
    const log = splitWorkflowLog(r.stdout);
    expect(log.output).toEqual(stored);
    expect(r.outputs['build-status']).toBe('SUCCEEDED');
    // The mode the log was read in at the end: a live follower that gave Live Tail up says so.
    modes.push(logs(i) === 'live' && !log.plain.some((l) => l.startsWith('Live Tail not used')) ? 'live' : 'poll');
  }
  // Live Tail survives the faults for most of the live half (a session may give up and poll: still exact).
  expect(modes.filter((m) => m === 'live').length).toBeGreaterThan(5);
}, 90_000);
