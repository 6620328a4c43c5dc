/** Following a deployment: hooks in order and once, diagnostics, batching, the legacy fallback, cancel, rollback. */
import {
  BatchGetDeploymentInstancesCommand,
  BatchGetDeploymentTargetsCommand,
  ListDeploymentTargetsCommand,
  StopDeploymentCommand,
} from '@aws-sdk/client-codedeploy';
import { followDeployment } from '../../src/deploy/follow.js';
import { RecordingReporter } from '../support/reporter.js';
import {
  deploymentFailures,
  deploymentFailureSummary,
  deploymentOutputs,
  deploymentSummaryMarkdown,
} from '../../src/deploy/report.js';
import { inHookOrder } from '../../src/deploy/targets.js';
import { VirtualTime } from '../codebuild/fakes.js';
import { events, instance, scriptedDeploy } from './fixtures.js';

function recorder(): RecordingReporter {
  return new RecordingReporter();
}

const DIAGNOSTICS = {
  errorCode: 'ScriptFailed' as const,
  scriptName: 'scripts/validate.sh',
  message: 'Script at specified location: scripts/validate.sh run as user root failed with exit code 1',
  logTail: '[stdout]checking http://localhost:8080/health\n[stderr]curl: (7) Failed to connect\n',
};

test('a deployment to success: each hook once, in hook order, then the target and the deployment', async () => {
  const cd = scriptedDeploy();
  const upTo = (n: number) => events((_, i) => (i < n ? 'Succeeded' : i === n ? 'InProgress' : 'Pending'));
  cd.add('d-OK', [
    { status: 'Created' },
    { status: 'InProgress', targets: [instance('i-1', 'InProgress', upTo(2))] },
    { status: 'InProgress', targets: [instance('i-1', 'InProgress', upTo(2))] },
    { status: 'InProgress', targets: [instance('i-1', 'InProgress', upTo(5))] },
    { status: 'Succeeded', targets: [instance('i-1', 'Succeeded', upTo(7))] },
  ]);
  const out = recorder();
  const time = new VirtualTime();
  const outcome = await followDeployment('d-OK', {
    codedeploy: cd.api,
    reporter: out,
    clock: time.clock,
    sleep: time.sleep,
  });
  expect(out.events).toEqual([
    'Deployment d-OK Created',
    'Deployment d-OK InProgress',
    '[i-1] ApplicationStop Succeeded in 2s',
    '[i-1] DownloadBundle Succeeded in 2s',
    '[i-1] BeforeInstall InProgress',
    '[i-1] BeforeInstall Succeeded in 2s',
    '[i-1] Install Succeeded in 2s',
    '[i-1] AfterInstall Succeeded in 2s',
    '[i-1] ApplicationStart InProgress',
    '[i-1] ApplicationStart Succeeded in 2s',
    '[i-1] ValidateService Succeeded in 2s',
    '[i-1] Succeeded',
    'Deployment d-OK Succeeded',
  ]);
  expect(outcome.deployment.status).toBe('Succeeded');
  expect(outcome.cancelled).toBe(false);
  expect(deploymentOutputs(outcome)).toEqual({
    'deployment-id': 'd-OK',
    status: 'Succeeded',
    'failed-targets': '[]',
    'rollback-deployment-id': '',
  });
  expect(deploymentFailures(outcome)).toEqual([]);
  // Active pace (5 s: at most one GetDeployment per 5 s) while things change.
  expect(time.sleeps.length).toBeGreaterThan(0);
  expect(time.sleeps.every((ms) => ms === 5000)).toBe(true);
});

test('a failing ValidateService: its diagnostics as the annotation, on the script file when known', async () => {
  const cd = scriptedDeploy();
  const failing = events((name, i) => (name === 'ValidateService' ? 'Failed' : i < 6 ? 'Succeeded' : 'Skipped'));
  const target = instance(
    'i-0abc',
    'Failed',
    failing.map(([n, s]) => (n === 'ValidateService' ? [n, s, DIAGNOSTICS] : [n, s])),
  );
  cd.add('d-BAD', [
    {
      status: 'Failed',
      targets: [target],
      info: { errorInformation: { code: 'HEALTH_CONSTRAINTS', message: 'too few healthy' } },
    },
  ]);
  const out = recorder();
  const time = new VirtualTime();
  const outcome = await followDeployment('d-BAD', {
    codedeploy: cd.api,
    reporter: out,
    clock: time.clock,
    sleep: time.sleep,
  });
  expect(out.events).toContain('[i-0abc] ValidateService Failed in 2s (ScriptFailed, scripts/validate.sh)');
  expect(out.events).toContain(`> [i-0abc] ${DIAGNOSTICS.message}`);
  const notes = deploymentFailures(outcome, { scriptFile: (s) => `deploy/${s}` });
  expect(notes).toEqual([
    {
      title: 'ValidateService failed on i-0abc',
      file: 'deploy/scripts/validate.sh',
      message: [
        'ScriptFailed in scripts/validate.sh',
        DIAGNOSTICS.message,
        '',
        'End of the script output:',
        '[stdout]checking http://localhost:8080/health\n[stderr]curl: (7) Failed to connect',
      ].join('\n'),
    },
  ]);
  expect(JSON.parse(deploymentOutputs(outcome)['failed-targets'] ?? '')).toEqual([
    {
      targetId: 'i-0abc',
      status: 'Failed',
      lifecycleEvent: 'ValidateService',
      errorCode: 'ScriptFailed',
      scriptName: 'scripts/validate.sh',
      message: DIAGNOSTICS.message,
      logTail: DIAGNOSTICS.logTail,
    },
  ]);
  expect(deploymentFailureSummary(outcome)).toBe(
    'deployment d-BAD Failed: ValidateService failed on i-0abc (ScriptFailed)',
  );
  const summary = deploymentSummaryMarkdown(outcome, { region: 'us-east-1', location: 's3://b/k.zip' });
  expect(summary).toContain('## CodeDeploy app / prod: ❌ Failed');
  expect(summary).toContain('| i-0abc | ❌ Failed |');
  expect(summary).toContain('ValidateService: ScriptFailed: scripts/validate.sh');
  expect(summary).toContain(
    'https://us-east-1.console.aws.amazon.com/codesuite/codedeploy/deployments/d-BAD?region=us-east-1',
  );
});

test('30 targets: ids paged, details in batches of at most 25, finished targets not read again', async () => {
  const cd = scriptedDeploy();
  const ids = Array.from({ length: 30 }, (_, i) => `i-${String(i).padStart(2, '0')}`);
  const half = ids.map((id, i) =>
    i < 20
      ? instance(
          id,
          'Succeeded',
          events(() => 'Succeeded'),
        )
      : instance(
          id,
          'InProgress',
          events((_, j) => (j < 2 ? 'Succeeded' : 'Pending')),
        ),
  );
  const done = ids.map((id) =>
    instance(
      id,
      'Succeeded',
      events(() => 'Succeeded'),
    ),
  );
  cd.add('d-MANY', [
    { status: 'InProgress', targets: half },
    { status: 'Succeeded', targets: done },
  ]);
  const time = new VirtualTime();
  const outcome = await followDeployment('d-MANY', {
    codedeploy: cd.api,
    reporter: recorder(),
    clock: time.clock,
    sleep: time.sleep,
  });
  expect(outcome.targets).toHaveLength(30);
  expect(outcome.targets.every((t) => t.status === 'Succeeded')).toBe(true);
  const batches = cd.mock.commandCalls(BatchGetDeploymentTargetsCommand).map((c) => c.args[0].input.targetIds?.length);
  // First poll: 25 + 5; second: only the 10 that were still running.
  expect(batches).toEqual([25, 5, 10]);
  // The list is read once: the overview's count did not change.
  expect(cd.mock.commandCalls(ListDeploymentTargetsCommand).map((c) => c.args[0].input.nextToken)).toEqual([
    undefined,
    '10',
    '20',
  ]);
});

test('ListDeploymentTargets denied: the deprecated instance calls, for good', async () => {
  const cd = scriptedDeploy();
  cd.denyTargets();
  cd.add('d-OLD', [
    {
      status: 'InProgress',
      targets: [
        instance(
          'i-1',
          'InProgress',
          events((_, i) => (i < 3 ? 'Succeeded' : 'Pending')),
        ),
      ],
    },
    {
      status: 'Succeeded',
      targets: [
        instance(
          'i-1',
          'Succeeded',
          events(() => 'Succeeded'),
        ),
      ],
    },
  ]);
  const logger = recorder();
  const time = new VirtualTime();
  const outcome = await followDeployment('d-OLD', {
    codedeploy: cd.api,
    reporter: logger,
    clock: time.clock,
    sleep: time.sleep,
  });
  expect(outcome.targets[0]?.events.map((e) => e.status)).toEqual(Array(7).fill('Succeeded'));
  expect(cd.mock.commandCalls(ListDeploymentTargetsCommand)).toHaveLength(1);
  expect(cd.mock.commandCalls(BatchGetDeploymentInstancesCommand)).toHaveLength(2);
  expect(logger.messages.some((m) => m.includes('using ListDeploymentInstances'))).toBe(true);
});

test('a cancel stops the deployment (rolling back) and follows it to Stopped', async () => {
  const cd = scriptedDeploy();
  const running = instance(
    'i-1',
    'InProgress',
    events((_, i) => (i < 2 ? 'Succeeded' : i === 2 ? 'InProgress' : 'Pending')),
  );
  cd.add('d-STOP', [
    { status: 'InProgress', targets: [running] },
    { status: 'InProgress', targets: [running] },
    {
      status: 'Stopped',
      targets: [
        instance(
          'i-1',
          'Failed',
          events((_, i) => (i < 2 ? 'Succeeded' : 'Skipped')),
        ),
      ],
    },
  ]);
  const controller = new AbortController();
  const out = recorder();
  const time = new VirtualTime();
  // The job is cancelled during the first wait; the cancel wakes the follower at once (its signal).
  const sleep = (ms: number, signal?: AbortSignal) => {
    controller.abort();
    return time.sleep(signal?.aborted === true ? 0 : ms);
  };
  const outcome = await followDeployment('d-STOP', {
    codedeploy: cd.api,
    reporter: out,
    clock: time.clock,
    sleep,
    cancel: controller.signal,
  });
  expect(outcome.cancelled).toBe(true);
  expect(outcome.deployment.status).toBe('Stopped');
  const stops = cd.mock.commandCalls(StopDeploymentCommand);
  expect(stops.map((c) => c.args[0].input)).toEqual([{ deploymentId: 'd-STOP', autoRollbackEnabled: true }]);
  expect(out.events).toContain('Cancelled: stopping deployment d-STOP (updated targets roll back)');
  expect(out.events).toContain('Stop requested for deployment d-STOP');
});

test('rollback-on-cancel false: StopDeployment without rollback', async () => {
  const cd = scriptedDeploy();
  cd.add('d-NORB', [{ status: 'InProgress' }, { status: 'Stopped' }]);
  const controller = new AbortController();
  controller.abort();
  const time = new VirtualTime();
  await followDeployment('d-NORB', {
    codedeploy: cd.api,
    reporter: recorder(),
    clock: time.clock,
    sleep: time.sleep,
    cancel: controller.signal,
    rollbackOnCancel: false,
  });
  expect(cd.mock.commandCalls(StopDeploymentCommand)[0]?.args[0].input.autoRollbackEnabled).toBe(false);
});

test('a failed deployment that rolled back: the rollback is followed to its end', async () => {
  const cd = scriptedDeploy();
  const failed = instance(
    'i-1',
    'Failed',
    events((name, i) => (name === 'ValidateService' ? 'Failed' : i < 6 ? 'Succeeded' : 'Skipped')),
  );
  const auto = { autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_FAILURE' as const] } };
  cd.add('d-FAIL', [
    { status: 'Failed', targets: [failed], info: auto },
    {
      status: 'Failed',
      targets: [failed],
      info: { ...auto, rollbackInfo: { rollbackDeploymentId: 'd-RB', rollbackMessage: 'Rolled back: health check' } },
    },
  ]);
  cd.add('d-RB', [{ status: 'InProgress' }, { status: 'Succeeded' }]);
  const out = recorder();
  const time = new VirtualTime();
  const outcome = await followDeployment('d-FAIL', {
    codedeploy: cd.api,
    reporter: out,
    clock: time.clock,
    sleep: time.sleep,
    tuning: { rollbackCheckMs: 1500 },
  });
  expect(time.sleeps).toContain(1500);
  expect(outcome.rollback?.status).toBe('Succeeded');
  expect(out.events).toEqual(
    expect.arrayContaining([
      'Rolled back by deployment d-RB',
      '> Rolled back: health check',
      'rollback: Deployment d-RB InProgress',
      'rollback: Deployment d-RB Succeeded',
    ]),
  );
  expect(deploymentOutputs(outcome)['rollback-deployment-id']).toBe('d-RB');
  expect(deploymentFailureSummary(outcome)).toBe(
    'deployment d-FAIL Failed: ValidateService failed on i-1; rolled back by d-RB (Succeeded)',
  );
});

test('lifecycle events sorted in hook order, whatever order they come in', () => {
  const shuffled = ['ValidateService', 'BeforeInstall', 'Custom', 'ApplicationStop', 'AllowTraffic'].map((n) => ({
    lifecycleEventName: n,
  }));
  expect(inHookOrder('InstanceTarget', shuffled).map((e) => e.lifecycleEventName)).toEqual([
    'ApplicationStop',
    'BeforeInstall',
    'ValidateService',
    'AllowTraffic',
    'Custom',
  ]);
  const ecs = ['AfterAllowTraffic', 'Install', 'AllowTestTraffic', 'BeforeInstall'].map((n) => ({
    lifecycleEventName: n,
  }));
  expect(inHookOrder('ECSTarget', ecs).map((e) => e.lifecycleEventName)).toEqual([
    'BeforeInstall',
    'Install',
    'AllowTestTraffic',
    'AfterAllowTraffic',
  ]);
});
