/**
 * A scripted CodeDeploy behind aws-sdk-client-mock: each GetDeployment call moves the deployment to its next step
 * (the last one repeats); the target calls answer from the current step, with AWS's limits (25 ids a batch get)
 * and pages of 10 target ids.
 */
import {
  BatchGetDeploymentInstancesCommand,
  BatchGetDeploymentTargetsCommand,
  CodeDeployClient,
  GetDeploymentCommand,
  ListDeploymentInstancesCommand,
  ListDeploymentTargetsCommand,
  StopDeploymentCommand,
  type DeploymentInfo,
  type DeploymentTarget,
  type LifecycleEvent,
} from '@aws-sdk/client-codedeploy';
import { mockClient, type AwsClientStub } from 'aws-sdk-client-mock';
import { codeDeployApi, type CodeDeployApi } from '../../src/aws/codedeploy.js';
import { FAKE_CREDENTIALS, serviceError } from '../aws/fake-aws.js';

export const T = (s: number): Date => new Date(1_700_000_000_000 + s * 1000);

export interface DeployStep {
  readonly status: string;
  readonly targets?: readonly DeploymentTarget[];
  readonly info?: Partial<DeploymentInfo>;
}

type EventSpec = [name: string, status: string, diagnostics?: LifecycleEvent['diagnostics']];

/** An EC2 instance target with its lifecycle events (each 2 s long). */
export function instance(id: string, status: string, events: readonly EventSpec[]): DeploymentTarget {
  return {
    deploymentTargetType: 'InstanceTarget',
    instanceTarget: {
      targetId: id,
      targetArn: `arn:aws:ec2:us-east-1:111122223333:instance/${id}`,
      status: status as never,
      lifecycleEvents: events.map(([name, s, diagnostics], i) => ({
        lifecycleEventName: name,
        status: s as never,
        ...(s !== 'Pending' ? { startTime: T(i * 2) } : {}),
        ...(s !== 'Pending' && s !== 'InProgress' ? { endTime: T(i * 2 + 2) } : {}),
        ...(diagnostics ? { diagnostics } : {}),
      })),
    },
  };
}

const idOf = (t: DeploymentTarget): string =>
  (t.instanceTarget ?? t.lambdaTarget ?? t.ecsTarget ?? t.cloudFormationTarget)?.targetId ?? '';

export interface ScriptedDeploy {
  readonly api: CodeDeployApi;
  readonly mock: AwsClientStub<CodeDeployClient>;
  /** Deployments by id: each its own steps. */
  add(id: string, steps: readonly DeployStep[]): void;
  /** The step a deployment is at (its GetDeployment calls so far). */
  step(id: string): number;
  /** ListDeploymentTargets answers AccessDeniedException (an older policy). */
  denyTargets(): void;
}

export function scriptedDeploy(): ScriptedDeploy {
  const client = new CodeDeployClient({ region: 'us-east-1', credentials: FAKE_CREDENTIALS });
  const mock = mockClient(client);
  const deployments = new Map<string, { steps: readonly DeployStep[]; at: number }>();
  const current = (id: string): DeployStep => {
    const d = deployments.get(id);
    if (d === undefined) throw serviceError('DeploymentDoesNotExistException', `Deployment ${id} does not exist`);
    return d.steps[Math.min(Math.max(d.at - 1, 0), d.steps.length - 1)] as DeployStep;
  };
  const started = (id: string): DeployStep => {
    const step = current(id);
    if (step.status === 'Created' || step.status === 'Queued') {
      throw serviceError('DeploymentNotStartedException', 'The specified deployment has not started');
    }
    return step;
  };
  mock.on(GetDeploymentCommand).callsFake((input: { deploymentId: string }) => {
    const d = deployments.get(input.deploymentId);
    if (d !== undefined) d.at++;
    const step = current(input.deploymentId);
    const targets = step.targets ?? [];
    const count = (s: string) =>
      targets.filter((t) => (t.instanceTarget ?? t.ecsTarget ?? t.lambdaTarget)?.status === s).length;
    return {
      deploymentInfo: {
        deploymentId: input.deploymentId,
        applicationName: 'app',
        deploymentGroupName: 'prod',
        status: step.status,
        createTime: T(0),
        ...(step.status === 'Succeeded' || step.status === 'Failed' || step.status === 'Stopped'
          ? { completeTime: T(30) }
          : {}),
        deploymentOverview: {
          Pending: count('Pending'),
          InProgress: count('InProgress'),
          Succeeded: count('Succeeded'),
          Failed: count('Failed'),
          Skipped: count('Skipped'),
          Ready: count('Ready'),
        },
        ...step.info,
      },
    };
  });
  let denied = false;
  mock.on(ListDeploymentTargetsCommand).callsFake((input: { deploymentId: string; nextToken?: string }) => {
    if (denied) {
      throw serviceError(
        'AccessDeniedException',
        'User: arn:aws:sts::111122223333:assumed-role/ci/s is not authorized to perform: codedeploy:ListDeploymentTargets',
      );
    }
    const ids = (started(input.deploymentId).targets ?? []).map(idOf);
    const from = input.nextToken ? Number(input.nextToken) : 0;
    const next = from + 10 < ids.length ? String(from + 10) : undefined;
    return { targetIds: ids.slice(from, from + 10), ...(next ? { nextToken: next } : {}) };
  });
  mock.on(BatchGetDeploymentTargetsCommand).callsFake((input: { deploymentId: string; targetIds: string[] }) => {
    if (input.targetIds.length > 25) {
      throw serviceError('DeploymentTargetListSizeExceededException', 'The maximum number of targets is 25');
    }
    const targets = started(input.deploymentId).targets ?? [];
    return { deploymentTargets: input.targetIds.map((id) => targets.find((t) => idOf(t) === id)).filter(Boolean) };
  });
  mock.on(ListDeploymentInstancesCommand).callsFake((input: { deploymentId: string }) => ({
    instancesList: (started(input.deploymentId).targets ?? []).map(idOf),
  }));
  mock.on(BatchGetDeploymentInstancesCommand).callsFake((input: { deploymentId: string; instanceIds: string[] }) => {
    if (input.instanceIds.length > 25) throw serviceError('BatchLimitExceededException', 'The maximum number is 25');
    const targets = started(input.deploymentId).targets ?? [];
    return {
      instancesSummary: input.instanceIds.map((id) => {
        const t = targets.find((x) => idOf(x) === id)?.instanceTarget;
        return {
          deploymentId: input.deploymentId,
          instanceId: id,
          status: t?.status,
          lifecycleEvents: t?.lifecycleEvents,
        };
      }),
    };
  });
  mock.on(StopDeploymentCommand).resolves({ status: 'Pending', statusMessage: 'Stopping deployment' });
  return {
    api: codeDeployApi(client),
    mock,
    add: (id, steps) => void deployments.set(id, { steps, at: 0 }),
    step: (id) => deployments.get(id)?.at ?? 0,
    denyTargets: () => void (denied = true),
  };
}

/** The EC2 hooks of a whole in-place deployment, all with one status. */
export const ALL_EVENTS = [
  'ApplicationStop',
  'DownloadBundle',
  'BeforeInstall',
  'Install',
  'AfterInstall',
  'ApplicationStart',
  'ValidateService',
] as const;

export function events(status: (name: string, i: number) => string): EventSpec[] {
  return ALL_EVENTS.map((name, i) => [name, status(name, i)]);
}
