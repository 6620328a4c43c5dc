/**
 * QUEUED… and PROVISIONING… are said while the build is in them, before its log begins: a phase the status shows
 * already over (a fast build read once queued, then once done) is not announced, which on a terminal put a late
 * `PROVISIONING…` after the build's whole log.
 */
import type { Build, CodeBuildApi } from '../../src/aws/codebuild.js';
import { followTarget, startTarget } from '../../src/codebuild/run.js';
import { RecordingReporter } from '../support/reporter.js';
import { FakeLogStream } from './fakes.js';

const UUID = '0b5c2f3e-1111-2222-3333-444455556666';
const ID = `app:${UUID}`;
const base = {
  id: ID,
  arn: `arn:aws:codebuild:us-east-1:111122223333:build/${ID}`,
  projectName: 'app',
  buildNumber: 1,
  startTime: new Date(0),
  logs: { cloudWatchLogs: { status: 'ENABLED' as const }, groupName: '/aws/codebuild/app', streamName: UUID },
};
const queued: Build = {
  ...base,
  buildStatus: 'IN_PROGRESS',
  buildComplete: false,
  currentPhase: 'QUEUED',
  phases: [{ phaseType: 'QUEUED' }],
};
const provisioning: Build = {
  ...queued,
  currentPhase: 'PROVISIONING',
  phases: [{ phaseType: 'QUEUED', phaseStatus: 'SUCCEEDED' }, { phaseType: 'PROVISIONING' }],
};
const done: Build = {
  ...base,
  buildStatus: 'SUCCEEDED',
  buildComplete: true,
  currentPhase: 'COMPLETED',
  endTime: new Date(5000),
  phases: [
    ...(['QUEUED', 'PROVISIONING', 'DOWNLOAD_SOURCE', 'BUILD'] as const).map((phaseType) => ({
      phaseType,
      phaseStatus: 'SUCCEEDED' as const,
    })),
    { phaseType: 'COMPLETED' },
  ],
};

/** Follows a build whose status reads are `snapshots` in turn (the last one repeated); its log is written at read `logAt`. */
async function follow(snapshots: readonly Build[], logAt: number): Promise<RecordingReporter> {
  const stream = new FakeLogStream();
  stream.missingUntilPut = true;
  let read = 0;
  const snapshot = (): Build => {
    if (read >= logAt && stream.events.length === 0) {
      stream.put(['[Container] 2026/12/05 10:00:00.000000 Running on CodeBuild On-demand', 'hello']);
    }
    return snapshots[Math.min(read++, snapshots.length - 1)] as Build;
  };
  const codebuild: CodeBuildApi = {
    startBuild: async () => queued,
    startBuildBatch: () => Promise.reject(new Error('not a batch')),
    getBuilds: async () => [snapshot()],
    getBuildBatch: () => Promise.reject(new Error('not a batch')),
    stopBuild: () => Promise.reject(new Error('not stopped')),
    stopBuildBatch: () => Promise.reject(new Error('not stopped')),
  };
  const reporter = new RecordingReporter();
  const target = await startTarget(codebuild, { projectName: 'app', env: [] }, false);
  let now = 0;
  await followTarget(target, 'poll', {
    codebuild,
    logs: stream,
    reporter,
    clock: () => now,
    sleep: async (ms) => {
      now += ms;
      await new Promise((resolve) => setImmediate(resolve));
    },
    random: () => 0.5,
    tuning: { drainSettleMs: 0 },
  });
  return reporter;
}

test('a build read queued, then done: the PROVISIONING it went through unseen is not announced', async () => {
  const reporter = await follow([queued, done], 1);
  expect(reporter.events).toContain('> hello');
  expect(reporter.events).not.toContain('PROVISIONING…');
});

test('a build read while provisioning: PROVISIONING… is said, before its log', async () => {
  const reporter = await follow([queued, provisioning, done], 2);
  const said = reporter.events.indexOf('PROVISIONING…');
  expect(said).toBeGreaterThanOrEqual(0);
  expect(said).toBeLessThan(reporter.events.indexOf('> hello'));
});
