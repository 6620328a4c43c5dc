/**
 * Deploy / AWS / CodeDeploy: zips the input artifact (a source commit via `git archive`, or a build's artifact ZIP as
 * is), starts a deployment of it to the deployment group through the emulated CodeDeploy, and follows it:
 * externalExecutionId is the deployment id, the action's status the deployment's. A CODEBUILD_CLONE_REF artifact
 * fails the action, as on AWS (only CodeBuild can consume a Git clone reference).
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ActionOutcome, ActionProvider, S3Location } from '../types.js';

const exec = promisify(execFile);
const failed = (code: string, message: string): ActionOutcome => ({
  status: 'Failed',
  errorDetails: { code, message },
});

export interface DeploymentRequest {
  applicationName: string;
  deploymentGroupName: string;
  /** The revision bundle: a ZIP file on disk. */
  bundle: string;
  /** Where the pipeline's artifact store keeps the bundle (the deployment's S3 revision). */
  s3location: S3Location;
  /** Who starts it, e.g. `codepipeline/<pipeline>`. */
  initiator: string;
}

export interface DeploymentResult {
  /** Succeeded, Failed, Stopped... (CodeDeploy's DeploymentStatus). */
  status: string;
  errorInformation?: { code?: string; message?: string };
}

export interface DeploymentHandle {
  deploymentId: string;
  /** Settles when the deployment is complete. */
  done: Promise<DeploymentResult>;
}

/** The emulated CodeDeploy, as the pipeline's deploy action needs it. */
export interface PipelineDeployments {
  /** Creates the deployment; throws an Error whose message explains a refusal (no such application or group...). */
  start(request: DeploymentRequest): Promise<DeploymentHandle>;
}

export function codeDeployAction(deployments: PipelineDeployments | undefined, region: string): ActionProvider {
  const consoleUrl = `https://${region}.console.aws.amazon.com/codesuite/codedeploy`;
  return {
    required: ['ApplicationName', 'DeploymentGroupName'],
    optional: [],
    inputs: [1, 1],
    outputs: [0, 0],
    entityUrl: (c) =>
      `${consoleUrl}/applications/${c.ApplicationName}/deployment-groups/${c.DeploymentGroupName}?region=${region}`,
    async run(run): Promise<ActionOutcome> {
      const api = deployments;
      if (!api) return failed('JobFailed', 'NotImplementedByEmulator: the emulated CodeDeploy is not available');
      const input = run.inputs[0];
      if (!input) return failed('ConfigurationError', 'The action has no input artifact');
      let bundle: string;
      if (input.kind === 'git') {
        if (input.cloneRef) {
          return failed(
            'ConfigurationError',
            `Input artifact ${input.name} is a Git clone reference (CODEBUILD_CLONE_REF): only CodeBuild actions ` +
              'can consume it',
          );
        }
        bundle = join(await run.scratchDir(), `${input.name}.zip`);
        await exec('git', ['-C', input.repoDir, 'archive', '--format=zip', '-o', bundle, input.commit]);
      } else {
        bundle = input.zip;
      }
      if (run.signal.aborted) return { status: 'Failed' };
      let handle: DeploymentHandle;
      try {
        handle = await api.start({
          applicationName: run.configuration.ApplicationName ?? '',
          deploymentGroupName: run.configuration.DeploymentGroupName ?? '',
          bundle,
          s3location: input.s3location,
          initiator: `codepipeline/${run.pipelineName}`,
        });
      } catch (e) {
        return failed('ConfigurationError', (e as Error).message);
      }
      const id = handle.deploymentId;
      const url = `${consoleUrl}/deployments/${id}?region=${region}`;
      run.progress({ externalExecutionId: id, externalExecutionUrl: url });
      const result = await handle.done;
      const base = { externalExecutionId: id, externalExecutionUrl: url };
      if (result.status === 'Succeeded') return { status: 'Succeeded', ...base };
      const why = result.errorInformation?.message ? `: ${result.errorInformation.message}` : '';
      return { ...base, ...failed('JobFailed', `Deployment ${id} ${result.status.toLowerCase()}${why}`) };
    },
  };
}

/** What the adapter needs of the emulated CodeDeploy (services/codedeploy-store.ts CodeDeployStore). */
export interface CodeDeployInternals {
  startDeploymentFromPipeline(request: {
    applicationName: string;
    deploymentGroupName: string;
    bundle: string;
    bundleType?: 'zip';
    bucket?: string;
    key?: string;
  }): Promise<string>;
  readonly deployments: ReadonlyMap<
    string,
    { readonly done: Promise<void>; status: string; errorInformation?: { code: string; message: string } }
  >;
}

/** The deploy action's view of the emulated CodeDeploy: the bundle goes to the artifact store key, then deploys. */
export function pipelineDeployments(codedeploy: CodeDeployInternals): PipelineDeployments {
  return {
    async start(request) {
      const deploymentId = await codedeploy.startDeploymentFromPipeline({
        applicationName: request.applicationName,
        deploymentGroupName: request.deploymentGroupName,
        bundle: request.bundle,
        bundleType: 'zip',
        bucket: request.s3location.bucket,
        key: request.s3location.key,
      });
      const run = codedeploy.deployments.get(deploymentId);
      if (!run) throw new Error(`deployment ${deploymentId} was not created`);
      return {
        deploymentId,
        done: run.done.then(() => ({
          status: run.status,
          ...(run.errorInformation ? { errorInformation: run.errorInformation } : {}),
        })),
      };
    },
  };
}
