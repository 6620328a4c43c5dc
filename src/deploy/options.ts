/**
 * The options of a deployment (the deploy action's inputs, `aws-cicd deploy`'s flags), written once; the help texts
 * are the action.yml descriptions.
 */
import type { OptionSchema, OptionValues } from '../core/options.js';
import { FILE_EXISTS_BEHAVIORS } from '../appspec/types.js';

export const deployOptions = {
  application: {
    type: 'text',
    placeholder: 'NAME',
    requiredUnless: 'deploymentId',
    help: 'CodeDeploy application name. Required unless deployment-id is given.',
  },
  deploymentGroup: {
    type: 'text',
    placeholder: 'NAME',
    requiredUnless: 'deploymentId',
    help: 'Deployment group name. Required unless deployment-id is given.',
  },
  deploymentConfig: {
    type: 'text',
    placeholder: 'NAME',
    help: "Deployment configuration, e.g. CodeDeployDefault.OneAtATime. Default: the deployment group's.",
  },
  description: {
    type: 'text',
    placeholder: 'TEXT',
    help: 'Description of the deployment. Default: the repository, commit and run.',
  },
  folder: {
    type: 'text',
    placeholder: 'DIR',
    help:
      'Folder (relative to the workspace) holding appspec.yml at its root: the appspec is validated (errors become ' +
      'annotations on its lines, and hook scripts missing from the folder are errors), then the folder is zipped ' +
      '(file modes kept, .git left out) and uploaded to bucket.',
  },
  bucket: { type: 'text', placeholder: 'BUCKET', help: 'S3 bucket the bundle is uploaded to (with folder).' },
  key: {
    type: 'text',
    placeholder: 'KEY',
    help: 'S3 key of the bundle. Default: <application>/<commit>-<content hash>.zip.',
  },
  githubRepository: {
    type: 'text',
    placeholder: 'OWNER/NAME',
    help: 'Deploy a GitHub revision instead of a folder: the repository as owner/name.',
  },
  commit: {
    type: 'text',
    placeholder: 'SHA',
    help:
      "The full commit id of the GitHub revision (and part of the default S3 key). Default: the pull request's head " +
      'commit for pull_request events, else GITHUB_SHA.',
  },
  fileExistsBehavior: {
    type: 'choice',
    choices: FILE_EXISTS_BEHAVIORS,
    help: "DISALLOW, OVERWRITE or RETAIN: files already on the instances. Default: the appspec's or DISALLOW.",
  },
  ignoreApplicationStopFailures: {
    type: 'flag',
    help: 'true: a failing ApplicationStop does not fail the deployment on an instance.',
  },
  deploymentId: {
    type: 'text',
    placeholder: 'ID',
    pattern: /^d-[A-Z0-9]+$/,
    form: 'a deployment id (d-XXXXXXXXX)',
    help: 'Follow this deployment (d-XXXXXXXXX) instead of creating one.',
  },
  wait: {
    type: 'flag',
    default: true,
    help:
      'true: follow the deployment to its end. false: return once it is created (outputs deployment-id and status); a ' +
      'later step with deployment-id follows it.',
  },
  rollbackOnCancel: {
    type: 'flag',
    default: true,
    help:
      'When the run is cancelled the deployment is stopped (StopDeployment); true (default) rolls the updated targets ' +
      'back to the previous revision.',
  },
  region: {
    type: 'text',
    input: false,
    placeholder: 'REGION',
    pattern: /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/,
    form: 'an AWS region name such as us-east-1',
    help: 'AWS region (default: AWS_REGION / AWS_DEFAULT_REGION).',
  },
} as const satisfies OptionSchema;

export type DeployOptions = OptionValues<typeof deployOptions>;
