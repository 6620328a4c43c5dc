/**
 * AWS CodeDeploy (awsJson1_1, CodeDeploy_20141006), EC2/On-Premises compute platform, in-place deployments:
 * applications, deployment groups (EC2 / on-premises tag filters and tag sets, the predefined deployment
 * configurations, automatic rollback, load balancer traffic control), deployments that really run (see
 * codedeploy/deployment.ts and codedeploy/local-agent.ts), their targets and instances (the newer *DeploymentTarget*
 * and the legacy *DeploymentInstance* calls), StopDeployment, and on-premises instance registration.
 */
import type {
  AddTagsToOnPremisesInstancesInput,
  BatchGetApplicationsInput,
  BatchGetDeploymentInstancesInput,
  BatchGetDeploymentsInput,
  BatchGetDeploymentTargetsInput,
  CreateApplicationInput,
  CreateDeploymentGroupInput,
  CreateDeploymentInput,
  GetApplicationInput,
  GetDeploymentConfigInput,
  GetDeploymentGroupInput,
  GetDeploymentInput,
  GetDeploymentInstanceInput,
  GetDeploymentTargetInput,
  GetOnPremisesInstanceInput,
  ListApplicationsInput,
  ListDeploymentGroupsInput,
  ListDeploymentInstancesInput,
  ListDeploymentsInput,
  ListDeploymentTargetsInput,
  RegisterOnPremisesInstanceInput,
  StopDeploymentInput,
} from '@aws-sdk/client-codedeploy';
import { createHash } from 'node:crypto';
import type { DeploymentRun, TargetState } from '../codedeploy/deployment.js';
import { PREDEFINED_CONFIGS } from '../codedeploy/deployment.js';
import { AwsError, notEmulated } from '../errors.js';
import { model } from '../models/codedeploy.js';
import { decodeToken, encodeToken, epochSeconds, uuid } from '../util.js';
import { CodeDeployStore } from './codedeploy-store.js';
import type { StoredDeploymentGroup, TagFilter } from './codedeploy-store.js';
import type { JsonService } from './types.js';
import { op } from './types.js';

export { CodeDeployStore };

const PAGE = 100;
const BATCH_LIMIT = 25;
const LEGACY_BATCH_LIMIT = 100;
const DEPLOYMENT_ID = /^d-[A-Z0-9]{9}$/;

/** CodeDeploy's own "required" and "invalid format" errors, which it answers before generic validation. */
const NEEDS_APPLICATION = new Set([
  'CreateApplication',
  'GetApplication',
  'CreateDeploymentGroup',
  'GetDeploymentGroup',
  'ListDeploymentGroups',
  'CreateDeployment',
]);
const NEEDS_GROUP = new Set(['CreateDeploymentGroup', 'GetDeploymentGroup']);
const NEEDS_DEPLOYMENT = new Set([
  'GetDeployment',
  'StopDeployment',
  'ListDeploymentTargets',
  'BatchGetDeploymentTargets',
  'GetDeploymentTarget',
  'ListDeploymentInstances',
  'BatchGetDeploymentInstances',
  'GetDeploymentInstance',
]);
const NEEDS_INSTANCE_NAME = new Set(['RegisterOnPremisesInstance', 'GetOnPremisesInstance']);

function checkInput(operation: string, input: unknown): void {
  const f = (input ?? {}) as Record<string, unknown>;
  const missing = (v: unknown) => v === undefined || v === null || v === '';
  if (NEEDS_APPLICATION.has(operation)) {
    if (missing(f.applicationName)) {
      throw new AwsError(
        'ApplicationNameRequiredException',
        'The minimum number of required application names was not specified.',
      );
    }
    if (typeof f.applicationName !== 'string' || f.applicationName.length > 100) {
      throw new AwsError('InvalidApplicationNameException', 'The application name was specified in an invalid format.');
    }
  }
  if (NEEDS_GROUP.has(operation)) {
    if (missing(f.deploymentGroupName)) {
      throw new AwsError('DeploymentGroupNameRequiredException', 'Deployment Group name is missing');
    }
    if (typeof f.deploymentGroupName !== 'string' || f.deploymentGroupName.length > 100) {
      throw new AwsError(
        'InvalidDeploymentGroupNameException',
        'The deployment group name was specified in an invalid format.',
      );
    }
  }
  if (operation === 'CreateDeploymentGroup' && missing(f.serviceRoleArn)) {
    throw new AwsError('RoleRequiredException', 'The role ID was not specified.');
  }
  if (NEEDS_DEPLOYMENT.has(operation)) {
    if (missing(f.deploymentId)) {
      throw new AwsError('DeploymentIdRequiredException', 'At least one deployment ID must be specified.');
    }
    if (typeof f.deploymentId !== 'string' || !DEPLOYMENT_ID.test(f.deploymentId)) {
      throw new AwsError(
        'InvalidDeploymentIdException',
        'At least one of the deployment IDs was specified in an invalid format.',
      );
    }
  }
  if (operation === 'BatchGetDeployments' && (!Array.isArray(f.deploymentIds) || f.deploymentIds.length === 0)) {
    throw new AwsError('DeploymentIdRequiredException', 'At least one deployment ID must be specified.');
  }
  if (NEEDS_INSTANCE_NAME.has(operation) && missing(f.instanceName)) {
    throw new AwsError('InstanceNameRequiredException', 'An on-premises instance name was not specified.');
  }
  if (operation === 'ListDeployments') {
    if (!missing(f.applicationName) && missing(f.deploymentGroupName)) {
      throw new AwsError('DeploymentGroupNameRequiredException', 'Deployment Group name is missing');
    }
    if (missing(f.applicationName) && !missing(f.deploymentGroupName)) {
      throw new AwsError(
        'ApplicationNameRequiredException',
        'The minimum number of required application names was not specified.',
      );
    }
  }
}

const invalidToken = () =>
  new AwsError('InvalidNextTokenException', 'The next token was specified in an invalid format.');

function page<T>(items: T[], nextToken: string | undefined): { items: T[]; nextToken?: string } {
  const offset = nextToken ? decodeToken<{ offset: number }>(nextToken, invalidToken).offset : 0;
  return {
    items: items.slice(offset, offset + PAGE),
    ...(offset + PAGE < items.length ? { nextToken: encodeToken({ offset: offset + PAGE }) } : {}),
  };
}

/** The predefined configurations' ids are stable per name. */
const configId = (name: string): string => {
  const h = createHash('sha256').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
};

export function createCodeDeployService(store: CodeDeployStore): JsonService {
  const startedAt = store.now();

  const requireDeployment = (id: string): DeploymentRun => {
    const run = store.deployment(id);
    if (!run) throw new AwsError('DeploymentDoesNotExistException', `The deployment ${id} could not be found.`);
    return run;
  };
  const requireStarted = (id: string): DeploymentRun => {
    const run = requireDeployment(id);
    if (run.status === 'Created' || run.status === 'Queued') {
      throw new AwsError('DeploymentNotStartedException', 'The specified deployment has not started.');
    }
    return run;
  };

  const events = (t: TargetState) =>
    t.lifecycleEvents.map((e) => ({
      lifecycleEventName: e.lifecycleEventName,
      status: e.status,
      ...(e.startTime !== undefined ? { startTime: epochSeconds(e.startTime) } : {}),
      ...(e.endTime !== undefined ? { endTime: epochSeconds(e.endTime) } : {}),
      ...(e.diagnostics ? { diagnostics: e.diagnostics } : {}),
    }));
  const instanceTarget = (run: DeploymentRun, t: TargetState) => ({
    deploymentTargetType: 'InstanceTarget',
    instanceTarget: {
      deploymentId: run.id,
      targetId: t.instance.name,
      targetArn: t.instance.arn,
      status: t.status,
      lastUpdatedAt: epochSeconds(t.lastUpdatedAt),
      lifecycleEvents: events(t),
      instanceLabel: 'Blue',
    },
  });
  const instanceSummary = (run: DeploymentRun, t: TargetState) => ({
    deploymentId: run.id,
    instanceId: t.instance.name,
    status: t.status,
    lastUpdatedAt: epochSeconds(t.lastUpdatedAt),
    lifecycleEvents: events(t),
    instanceType: 'Blue',
  });
  const applicationInfo = (name: string) => {
    const app = store.requireApplication(name);
    return {
      applicationId: app.applicationId,
      applicationName: app.applicationName,
      createTime: epochSeconds(app.createTime),
      linkedToGitHub: false,
      computePlatform: app.computePlatform,
    };
  };

  const createGroup = (input: CreateDeploymentGroupInput): StoredDeploymentGroup => {
    const applicationName = input.applicationName ?? '';
    const app = store.requireApplication(applicationName);
    const name = input.deploymentGroupName ?? '';
    const groups = store.groups.get(applicationName) ?? new Map<string, StoredDeploymentGroup>();
    if (groups.has(name)) {
      throw new AwsError(
        'DeploymentGroupAlreadyExistsException',
        `A deployment group with the name ${name} already exists for application ${applicationName}.`,
      );
    }
    if (app.computePlatform !== 'Server') throw notEmulated(`CodeDeploy ${app.computePlatform} deployment groups`);
    if (!/^arn:aws[a-z-]*:iam::\d{12}:role\/\S+$/.test(input.serviceRoleArn ?? '')) {
      throw new AwsError('InvalidRoleException', 'The service role ARN was specified in an invalid format.');
    }
    const deploymentConfigName = input.deploymentConfigName ?? 'CodeDeployDefault.OneAtATime';
    if (!PREDEFINED_CONFIGS[deploymentConfigName]) {
      throw new AwsError(
        'DeploymentConfigDoesNotExistException',
        `No deployment configuration found for name: ${deploymentConfigName}`,
      );
    }
    if ((input.ec2TagFilters?.length ?? 0) > 0 && input.ec2TagSet) {
      throw new AwsError(
        'InvalidEC2TagCombinationException',
        'The EC2 tag filters and the EC2 tag set cannot both be specified.',
      );
    }
    if ((input.onPremisesInstanceTagFilters?.length ?? 0) > 0 && input.onPremisesTagSet) {
      throw new AwsError(
        'InvalidOnPremisesTagCombinationException',
        'The on-premises tag filters and the on-premises tag set cannot both be specified.',
      );
    }
    for (const f of [...(input.ec2TagFilters ?? []), ...(input.onPremisesInstanceTagFilters ?? [])]) {
      if (f.Key === undefined && f.Value === undefined) {
        throw new AwsError('InvalidTagException', 'The tag was specified in an invalid format.');
      }
    }
    if ((input.autoScalingGroups?.length ?? 0) > 0) throw notEmulated('CodeDeploy Auto Scaling group targets');
    const style = {
      deploymentType: input.deploymentStyle?.deploymentType ?? 'IN_PLACE',
      deploymentOption: input.deploymentStyle?.deploymentOption ?? 'WITHOUT_TRAFFIC_CONTROL',
    };
    if (style.deploymentType === 'BLUE_GREEN') throw notEmulated('CodeDeploy blue/green deployments');
    const lb = input.loadBalancerInfo;
    const lbCount =
      (lb?.elbInfoList?.length ?? 0) +
      (lb?.targetGroupInfoList?.length ?? 0) +
      (lb?.targetGroupPairInfoList?.length ?? 0);
    if (style.deploymentOption === 'WITH_TRAFFIC_CONTROL' && lbCount === 0) {
      throw new AwsError(
        'InvalidLoadBalancerInfoException',
        'An invalid load balancer name, or no load balancer name, was specified.',
      );
    }
    const rollback = input.autoRollbackConfiguration;
    if (rollback?.enabled && (rollback.events?.length ?? 0) === 0) {
      throw new AwsError(
        'InvalidAutoRollbackConfigException',
        'The automatic rollback configuration was specified in an invalid format. For example, automatic rollback is ' +
          'enabled, but an invalid triggering event type or no event types were listed.',
      );
    }
    const group: StoredDeploymentGroup = {
      info: {
        applicationName,
        deploymentGroupId: uuid(),
        deploymentGroupName: name,
        deploymentConfigName,
        ec2TagFilters: (input.ec2TagFilters ?? []) as TagFilter[],
        onPremisesInstanceTagFilters: (input.onPremisesInstanceTagFilters ?? []) as TagFilter[],
        autoScalingGroups: [],
        serviceRoleArn: input.serviceRoleArn,
        triggerConfigurations: input.triggerConfigurations ?? [],
        alarmConfiguration: input.alarmConfiguration ?? { enabled: false, ignorePollAlarmFailure: false, alarms: [] },
        autoRollbackConfiguration: rollback
          ? { enabled: rollback.enabled ?? false, events: rollback.events ?? [] }
          : { enabled: false, events: [] },
        deploymentStyle: style,
        outdatedInstancesStrategy: input.outdatedInstancesStrategy ?? 'UPDATE',
        ...(lb ? { loadBalancerInfo: lb } : {}),
        ...(input.ec2TagSet ? { ec2TagSet: input.ec2TagSet } : {}),
        ...(input.onPremisesTagSet ? { onPremisesTagSet: input.onPremisesTagSet } : {}),
        computePlatform: 'Server',
        terminationHookEnabled: false,
      },
    };
    groups.set(name, group);
    store.groups.set(applicationName, groups);
    return group;
  };

  return {
    name: 'codedeploy',
    protocol: 'awsJson1_1',
    targetPrefix: 'CodeDeploy_20141006',
    signingName: 'codedeploy',
    model,
    validationErrorCode: 'ValidationException',
    throttling: { code: 'ThrottlingException', message: 'Rate exceeded' },
    checkInput,
    operations: {
      // ---- applications --------------------------------------------------------------------------------------
      CreateApplication: op((input: CreateApplicationInput) => {
        const name = input.applicationName ?? '';
        if (store.applications.has(name)) {
          throw new AwsError(
            'ApplicationAlreadyExistsException',
            `The application ${name} already exists with the IAM user or AWS account.`,
          );
        }
        const app = {
          applicationId: uuid(),
          applicationName: name,
          createTime: store.now(),
          computePlatform: input.computePlatform ?? 'Server',
        };
        store.applications.set(name, app);
        return { applicationId: app.applicationId };
      }),

      GetApplication: op((input: GetApplicationInput) => ({
        application: applicationInfo(input.applicationName ?? ''),
      })),

      BatchGetApplications: op((input: BatchGetApplicationsInput) => {
        const names = input.applicationNames ?? [];
        if (names.length > 100) {
          throw new AwsError(
            'BatchLimitExceededException',
            'The maximum number of names or IDs allowed for this request (100) was exceeded.',
          );
        }
        return { applicationsInfo: names.map(applicationInfo) };
      }),

      ListApplications: op((input: ListApplicationsInput) => {
        const { items, nextToken } = page([...store.applications.keys()].sort(), input.nextToken);
        return { applications: items, ...(nextToken ? { nextToken } : {}) };
      }),

      // ---- deployment groups ---------------------------------------------------------------------------------
      CreateDeploymentGroup: op((input: CreateDeploymentGroupInput) => ({
        deploymentGroupId: createGroup(input).info.deploymentGroupId,
      })),

      GetDeploymentGroup: op((input: GetDeploymentGroupInput) => ({
        deploymentGroupInfo: store.groupInfo(
          store.requireGroup(input.applicationName ?? '', input.deploymentGroupName ?? ''),
        ),
      })),

      ListDeploymentGroups: op((input: ListDeploymentGroupsInput) => {
        const name = input.applicationName ?? '';
        store.requireApplication(name);
        const { items, nextToken } = page([...(store.groups.get(name)?.keys() ?? [])].sort(), input.nextToken);
        return { applicationName: name, deploymentGroups: items, ...(nextToken ? { nextToken } : {}) };
      }),

      GetDeploymentConfig: op((input: GetDeploymentConfigInput) => {
        const name = input.deploymentConfigName ?? '';
        const min = PREDEFINED_CONFIGS[name];
        if (!min) {
          throw new AwsError(
            'DeploymentConfigDoesNotExistException',
            `No deployment configuration found for name: ${name}`,
          );
        }
        return {
          deploymentConfigInfo: {
            deploymentConfigId: configId(name),
            deploymentConfigName: name,
            minimumHealthyHosts: min,
            createTime: epochSeconds(startedAt),
            computePlatform: 'Server',
          },
        };
      }),

      // ---- deployments ---------------------------------------------------------------------------------------
      CreateDeployment: op((input: CreateDeploymentInput) => ({ deploymentId: store.createDeployment(input).id })),

      GetDeployment: op((input: GetDeploymentInput) => ({
        deploymentInfo: store.deploymentInfo(requireDeployment(input.deploymentId ?? '')),
      })),

      BatchGetDeployments: op((input: BatchGetDeploymentsInput) => {
        const ids = input.deploymentIds ?? [];
        if (ids.length > BATCH_LIMIT) {
          throw new AwsError(
            'BatchLimitExceededException',
            `The maximum number of names or IDs allowed for this request (${BATCH_LIMIT}) was exceeded.`,
          );
        }
        if (ids.some((id) => !DEPLOYMENT_ID.test(id))) {
          throw new AwsError(
            'InvalidDeploymentIdException',
            'At least one of the deployment IDs was specified in an invalid format.',
          );
        }
        return {
          deploymentsInfo: ids
            .map((id) => store.deployment(id))
            .filter((r): r is DeploymentRun => r !== undefined)
            .map((r) => store.deploymentInfo(r)),
        };
      }),

      ListDeployments: op((input: ListDeploymentsInput) => {
        let runs = [...store.deployments.values()];
        if (input.applicationName) {
          const group = store.requireGroup(input.applicationName, input.deploymentGroupName ?? '');
          runs = runs.filter((r) => r.plan.deploymentGroupId === group.info.deploymentGroupId);
        }
        if (input.externalId !== undefined) runs = [];
        const statuses = input.includeOnlyStatuses ?? [];
        if (statuses.length > 0) runs = runs.filter((r) => (statuses as string[]).includes(r.status));
        const range = input.createTimeRange as { start?: number; end?: number } | undefined;
        if (range?.start !== undefined) runs = runs.filter((r) => r.createTime >= Number(range.start) * 1000);
        if (range?.end !== undefined) runs = runs.filter((r) => r.createTime <= Number(range.end) * 1000);
        runs.sort((a, b) => b.createTime - a.createTime);
        const { items, nextToken } = page(
          runs.map((r) => r.id),
          input.nextToken,
        );
        return { deployments: items, ...(nextToken ? { nextToken } : {}) };
      }),

      StopDeployment: op((input: StopDeploymentInput) => {
        const run = requireDeployment(input.deploymentId ?? '');
        if (run.complete) {
          throw new AwsError('DeploymentAlreadyCompletedException', `The deployment ${run.id} has already completed.`);
        }
        run.stop(input.autoRollbackEnabled ?? undefined);
        return {
          status: 'Pending',
          statusMessage: 'Stopping Pending. Stopping to schedule commands in the deployment instances',
        };
      }),

      // ---- targets -------------------------------------------------------------------------------------------
      ListDeploymentTargets: op((input: ListDeploymentTargetsInput) => {
        const run = requireStarted(input.deploymentId ?? '');
        const statuses = input.targetFilters?.TargetStatus ?? [];
        const labels = input.targetFilters?.ServerInstanceLabel ?? [];
        const ids = [...run.targets.values()]
          .filter((t) => statuses.length === 0 || statuses.includes(t.status))
          // In-place deployments have original (Blue) instances only.
          .filter(() => labels.length === 0 || labels.includes('Blue'))
          .map((t) => t.instance.name);
        const { items, nextToken } = page(ids, input.nextToken);
        return { targetIds: items, ...(nextToken ? { nextToken } : {}) };
      }),

      BatchGetDeploymentTargets: op((input: BatchGetDeploymentTargetsInput) => {
        const ids = input.targetIds ?? [];
        if (!input.deploymentId) {
          throw new AwsError('DeploymentIdRequiredException', 'At least one deployment ID must be specified.');
        }
        if (ids.length === 0) {
          throw new AwsError('DeploymentTargetIdRequiredException', 'A deployment target ID was not provided.');
        }
        if (ids.length > BATCH_LIMIT) {
          throw new AwsError(
            'DeploymentTargetListSizeExceededException',
            `The maximum number of targets that can be associated with a batch request (${BATCH_LIMIT}) was exceeded.`,
          );
        }
        const run = requireStarted(input.deploymentId);
        return {
          deploymentTargets: ids.map((id) => {
            const t = run.targets.get(id);
            if (!t) {
              throw new AwsError(
                'DeploymentTargetDoesNotExistException',
                `The provided target ID ${id} does not belong to the deployment ${run.id}.`,
              );
            }
            return instanceTarget(run, t);
          }),
        };
      }),

      GetDeploymentTarget: op((input: GetDeploymentTargetInput) => {
        if (!input.targetId) {
          throw new AwsError('DeploymentTargetIdRequiredException', 'A deployment target ID was not provided.');
        }
        const run = requireStarted(input.deploymentId ?? '');
        const t = run.targets.get(input.targetId);
        if (!t) {
          throw new AwsError(
            'DeploymentTargetDoesNotExistException',
            `The provided target ID ${input.targetId} does not belong to the deployment ${run.id}.`,
          );
        }
        return { deploymentTarget: instanceTarget(run, t) };
      }),

      ListDeploymentInstances: op((input: ListDeploymentInstancesInput) => {
        const run = requireStarted(input.deploymentId ?? '');
        const statuses = (input.instanceStatusFilter ?? []) as string[];
        const types = (input.instanceTypeFilter ?? []) as string[];
        const ids = [...run.targets.values()]
          .filter((t) => statuses.length === 0 || statuses.includes(t.status))
          .filter(() => types.length === 0 || types.includes('Blue'))
          .map((t) => t.instance.name);
        const { items, nextToken } = page(ids, input.nextToken);
        return { instancesList: items, ...(nextToken ? { nextToken } : {}) };
      }),

      BatchGetDeploymentInstances: op((input: BatchGetDeploymentInstancesInput) => {
        const ids = input.instanceIds ?? [];
        if (ids.length === 0) throw new AwsError('InstanceIdRequiredException', 'The instance ID was not specified.');
        if (ids.length > LEGACY_BATCH_LIMIT) {
          throw new AwsError(
            'BatchLimitExceededException',
            `The maximum number of names or IDs allowed for this request (${LEGACY_BATCH_LIMIT}) was exceeded.`,
          );
        }
        const run = requireDeployment(input.deploymentId ?? '');
        const found = ids.map((id) => run.targets.get(id)).filter((t): t is TargetState => t !== undefined);
        const missing = ids.filter((id) => !run.targets.has(id));
        return {
          instancesSummary: found.map((t) => instanceSummary(run, t)),
          ...(missing.length > 0
            ? { errorMessage: `Instances not found in the deployment: ${missing.join(', ')}` }
            : {}),
        };
      }),

      GetDeploymentInstance: op((input: GetDeploymentInstanceInput) => {
        if (!input.instanceId) throw new AwsError('InstanceIdRequiredException', 'The instance ID was not specified.');
        const run = requireDeployment(input.deploymentId ?? '');
        const t = run.targets.get(input.instanceId);
        if (!t)
          throw new AwsError(
            'InstanceDoesNotExistException',
            'The specified instance does not exist in the deployment group.',
          );
        return { instanceSummary: instanceSummary(run, t) };
      }),

      // ---- on-premises instances -----------------------------------------------------------------------------
      RegisterOnPremisesInstance: op((input: RegisterOnPremisesInstanceInput) => {
        const name = input.instanceName ?? '';
        if (input.iamUserArn === undefined && input.iamSessionArn === undefined) {
          throw new AwsError(
            'IamArnRequiredException',
            'No IAM ARN was included in the request. You must use an IAM session ARN or IAM user ARN in the request.',
          );
        }
        if (input.iamUserArn !== undefined && input.iamSessionArn !== undefined) {
          throw new AwsError(
            'MultipleIamArnsProvidedException',
            'Both an IAM user ARN and an IAM session ARN were included in the request. Use only one ARN type.',
          );
        }
        if (store.instances.has(name)) {
          throw new AwsError(
            'InstanceNameAlreadyRegisteredException',
            'The specified on-premises instance name is already registered.',
          );
        }
        store.registerInstance(name, {
          ...(input.iamUserArn !== undefined ? { iamUserArn: input.iamUserArn } : {}),
          ...(input.iamSessionArn !== undefined ? { iamSessionArn: input.iamSessionArn } : {}),
        });
        return {};
      }),

      AddTagsToOnPremisesInstances: op((input: AddTagsToOnPremisesInstancesInput) => {
        const names = input.instanceNames ?? [];
        for (const name of names) {
          if (store.instances.get(name)?.kind !== 'onPremises') {
            throw new AwsError(
              'InstanceNotRegisteredException',
              'The specified on-premises instance is not registered.',
            );
          }
        }
        for (const name of names) {
          const instance = store.instances.get(name);
          if (!instance) continue;
          for (const tag of input.tags ?? []) {
            instance.tags = [...instance.tags.filter((t) => t.Key !== tag.Key), { Key: tag.Key, Value: tag.Value }];
          }
        }
        return {};
      }),

      GetOnPremisesInstance: op((input: GetOnPremisesInstanceInput) => {
        const instance = store.instances.get(input.instanceName ?? '');
        if (instance?.kind !== 'onPremises') {
          throw new AwsError('InstanceNotRegisteredException', 'The specified on-premises instance is not registered.');
        }
        return {
          instanceInfo: {
            instanceName: instance.name,
            ...(instance.iamUserArn !== undefined ? { iamUserArn: instance.iamUserArn } : {}),
            ...(instance.iamSessionArn !== undefined ? { iamSessionArn: instance.iamSessionArn } : {}),
            instanceArn: instance.arn,
            registerTime: epochSeconds(instance.registerTime),
            tags: instance.tags,
          },
        };
      }),
    },
  };
}
