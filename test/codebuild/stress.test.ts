/**
 * 20 builds at once through an emulator that throttles 30% of all requests and drops 5% of connections after
 * answering them (the request took effect, the response is lost): every build's log arrives exactly once, in order,
 * in Live Tail and in polling mode.
 */
import { run, type BuildActionDeps } from '../../src/actions/build/main.js';
import type { Emulator } from '../harness/aws/server.js';
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
  emulator.faults.configure({ throttleRate: 0.3, resetRate: 0.05, resetPhase: 'after', seed: 20 });
});

afterAll(async () => {
  emulator.faults.clear();
  await emulator.close();
  repo.cleanup();
});

test('20 builds, 30% throttling, 5% resets: zero lost or duplicated lines', async () => {
  const runs = Array.from({ length: 20 }, (_, i) => {
    let text = '';
    const outputs: Record<string, string> = {};
    const failed: string[] = [];
    const deps: BuildActionDeps = {
      getInput: (name) => ({ 'project-name': 'stress', logs: i % 2 === 0 ? 'live' : 'poll' })[name] ?? '',
      env: awsEnv(emulator, { GITHUB_WORKSPACE: repo.dir, GITHUB_SHA: repo.commit }),
      stdout: { write: (chunk: string) => (text += chunk) },
      setOutput: (name, value) => void (outputs[name] = value),
      setFailed: (message) => void failed.push(message),
      saveState: () => undefined,
      writeSummary: async () => undefined,
    };
    return { deps, stdout: () => text, outputs, failed };
  });
  faults.throttled = faults.reset = 0;
  const results = await Promise.all(runs.map((r) => run(r.deps)));
  // The faults did happen, in numbers.
  expect(faults.throttled).toBeGreaterThan(30);
  expect(faults.reset).toBeGreaterThan(3);

  const ids = new Set(runs.map((r) => r.outputs['build-id']));
  expect(ids.size).toBe(20);
  expect(emulator.state.codebuild.builds.size).toBe(20);
  const modes: string[] = [];
  for (const [i, r] of runs.entries()) {
    expect(r.failed).toEqual([]);
    const id = r.outputs['build-id'] ?? '';
    const stored = storedLog(emulator, id);
    expect(stored.filter((l) => / line \d+$/.test(l))).toHaveLength(120);
    expect(splitWorkflowLog(r.stdout()).output).toEqual(stored);
    const result = results[i];
    if (result?.kind !== 'build') throw new Error('expected a build');
    expect(result.outcome.build.buildStatus).toBe('SUCCEEDED');
    modes.push(result.outcome.logs?.mode ?? 'none');
  }
  // Live Tail survives the faults for most of the live half (a session may give up and poll: still exact).
  expect(modes.filter((m) => m === 'live').length).toBeGreaterThan(5);
}, 90_000);
