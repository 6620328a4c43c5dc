/**
 * CodeDeploy: the client factory and thin typed calls for creating, reading and stopping deployments and reading
 * their targets (the newer ListDeploymentTargets / BatchGetDeploymentTargets, and the deprecated
 * ListDeploymentInstances / BatchGetDeploymentInstances for callers that fall back to them).
 *
 * Failures a user must act on (missing application or group, missing permission, refused revision) become
 * UserErrors naming the IAM action; throttling and network failures that outlived the SDK's retries are rethrown as
 * they are. A few answers that describe the deployment's state rather than a mistake (not started yet, already
 * completed) are passed through untouched so the follow code can read them.
 */
import {
  BatchGetDeploymentInstancesCommand,
  BatchGetDeploymentTargetsCommand,
  CodeDeployClient,
  CreateDeploymentCommand,
  GetDeploymentCommand,
  ListDeploymentInstancesCommand,
  ListDeploymentTargetsCommand,
  StopDeploymentCommand,
  type CreateDeploymentCommandInput,
  type DeploymentInfo,
  type DeploymentTarget,
  type InstanceSummary,
  type LifecycleEvent,
  type RevisionLocation,
} from '@aws-sdk/client-codedeploy';
import { clientConfig, withCredentialSource, type ClientOptions } from './config.js';
import { errorName, serviceError } from './errors.js';

export type {
  CreateDeploymentCommandInput,
  DeploymentInfo,
  DeploymentTarget,
  InstanceSummary,
  LifecycleEvent,
  RevisionLocation,
};

export function createCodeDeployClient(opts: ClientOptions = {}): CodeDeployClient {
  return withCredentialSource(new CodeDeployClient(clientConfig({ service: 'CodeDeploy', ...opts })), opts);
}

const MAX_LIST_PAGES = 200;

/** What the deploy code needs from CodeDeploy; `codeDeployApi(client)` implements it, tests fake it. */
export interface CodeDeployApi {
  /** The new deployment's id. */
  createDeployment(input: CreateDeploymentCommandInput): Promise<string>;
  getDeployment(id: string, signal?: AbortSignal): Promise<DeploymentInfo>;
  /** Every target id of the deployment (all pages). */
  listDeploymentTargets(id: string, signal?: AbortSignal): Promise<string[]>;
  /** At most 25 ids. */
  batchGetDeploymentTargets(
    id: string,
    targetIds: readonly string[],
    signal?: AbortSignal,
  ): Promise<DeploymentTarget[]>;
  /** Every instance id of the deployment (all pages; deprecated API, EC2/On-Premises and Lambda only). */
  listDeploymentInstances(id: string, signal?: AbortSignal): Promise<string[]>;
  /** At most 25 ids (deprecated API). */
  batchGetDeploymentInstances(
    id: string,
    instanceIds: readonly string[],
    signal?: AbortSignal,
  ): Promise<InstanceSummary[]>;
  stopDeployment(
    id: string,
    autoRollbackEnabled: boolean,
    signal?: AbortSignal,
  ): Promise<{ status?: string; statusMessage?: string }>;
}

/** Answers about the deployment's state that the follow and stop code read themselves. */
export const STATE_ANSWERS: ReadonlySet<string> = new Set([
  'DeploymentNotStartedException',
  'DeploymentAlreadyCompletedException',
  'InvalidComputePlatformException',
]);

export function codeDeployApi(client: CodeDeployClient): CodeDeployApi {
  const call = async <T>(action: string, subject: string, send: () => Promise<T>): Promise<T> => {
    try {
      return await send();
    } catch (error) {
      if (STATE_ANSWERS.has(errorName(error))) throw error;
      throw codeDeployError(error, action, subject);
    }
  };
  const listAll = async (
    read: (nextToken: string | undefined) => Promise<{ ids?: string[]; nextToken?: string }>,
  ): Promise<string[]> => {
    const ids: string[] = [];
    let nextToken: string | undefined;
    for (let page = 0; page < MAX_LIST_PAGES; page++) {
      const out = await read(nextToken);
      ids.push(...(out.ids ?? []));
      nextToken = out.nextToken || undefined;
      if (nextToken === undefined) break;
    }
    return ids;
  };
  return {
    createDeployment: (input) =>
      call('CreateDeployment', `${input.applicationName ?? ''}/${input.deploymentGroupName ?? ''}`, async () => {
        const out = await client.send(new CreateDeploymentCommand(input));
        if (!out.deploymentId) throw new Error('CreateDeployment answered without a deployment id');
        return out.deploymentId;
      }),
    getDeployment: (id, signal) =>
      call('GetDeployment', id, async () => {
        const out = await client.send(new GetDeploymentCommand({ deploymentId: id }), { abortSignal: signal });
        if (out.deploymentInfo === undefined) throw new Error('GetDeployment answered without a deployment');
        return out.deploymentInfo;
      }),
    listDeploymentTargets: (id, signal) =>
      call('ListDeploymentTargets', id, () =>
        listAll(async (nextToken) => {
          const out = await client.send(
            new ListDeploymentTargetsCommand({ deploymentId: id, ...(nextToken ? { nextToken } : {}) }),
            { abortSignal: signal },
          );
          return { ids: out.targetIds, nextToken: out.nextToken };
        }),
      ),
    batchGetDeploymentTargets: (id, targetIds, signal) =>
      call('BatchGetDeploymentTargets', id, async () => {
        const out = await client.send(
          new BatchGetDeploymentTargetsCommand({ deploymentId: id, targetIds: [...targetIds] }),
          { abortSignal: signal },
        );
        return out.deploymentTargets ?? [];
      }),
    listDeploymentInstances: (id, signal) =>
      call('ListDeploymentInstances', id, () =>
        listAll(async (nextToken) => {
          const out = await client.send(
            new ListDeploymentInstancesCommand({ deploymentId: id, ...(nextToken ? { nextToken } : {}) }),
            { abortSignal: signal },
          );
          return { ids: out.instancesList, nextToken: out.nextToken };
        }),
      ),
    batchGetDeploymentInstances: (id, instanceIds, signal) =>
      call('BatchGetDeploymentInstances', id, async () => {
        const out = await client.send(
          new BatchGetDeploymentInstancesCommand({ deploymentId: id, instanceIds: [...instanceIds] }),
          { abortSignal: signal },
        );
        return out.instancesSummary ?? [];
      }),
    stopDeployment: (id, autoRollbackEnabled, signal) =>
      call('StopDeployment', id, async () => {
        const out = await client.send(new StopDeploymentCommand({ deploymentId: id, autoRollbackEnabled }), {
          abortSignal: signal,
        });
        return {
          ...(out.status !== undefined ? { status: out.status } : {}),
          ...(out.statusMessage !== undefined ? { statusMessage: out.statusMessage } : {}),
        };
      }),
  };
}

/**
 * The error to throw for a failed CodeDeploy call: a UserError that says what to do for the failures a user can fix,
 * the original error for transient failures and bugs.
 */
export function codeDeployError(error: unknown, action: string, subject: string): Error {
  return serviceError(error, 'codedeploy', action, subject, ({ name, message, detail, fail }) => {
    const [application, group] = subject.split('/');
    switch (name) {
      case 'ApplicationDoesNotExistException':
        return fail(
          `CodeDeploy application "${application ?? ''}" not found (${message}); check the name and the AWS region`,
        );
      case 'DeploymentGroupDoesNotExistException':
        return fail(
          `CodeDeploy deployment group "${group ?? ''}" of application "${application ?? ''}" not found (${message})`,
        );
      case 'DeploymentConfigDoesNotExistException':
        return fail(`${action} ${subject}: the deployment configuration does not exist (${message})`);
      case 'DeploymentDoesNotExistException':
        return fail(`CodeDeploy deployment ${subject} not found (${message}); check the id and the AWS region`);
      case 'RevisionDoesNotExistException':
      case 'InvalidRevisionException':
      case 'RevisionRequiredException':
        return fail(`${action} ${subject}: CodeDeploy cannot use the revision (${detail})`);
      case 'DeploymentLimitExceededException':
        return fail(
          `${action} ${subject}: the deployment group already has a deployment in progress, or the account's ` +
            `deployment quota is reached (${message})`,
        );
      case 'InvalidRoleException':
        return fail(`${action} ${subject}: the deployment group's service role cannot be used (${message})`);
      default:
        return undefined;
    }
  });
}
