/**
 * The options of a remote build (the build action's inputs, `aws-cicd build`'s flags), written once. The help texts
 * are the action.yml descriptions, word for word (test/docs/options.test.ts holds them together).
 */
import type { OptionSchema, OptionValues } from '../core/options.js';

export const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

export const buildOptions = {
  projectName: {
    type: 'text',
    flag: 'project',
    placeholder: 'NAME',
    requiredUnless: 'buildId',
    help: 'Name of the CodeBuild project. Required unless build-id is given.',
  },
  sourceVersion: {
    type: 'text',
    placeholder: 'REF',
    help:
      "Commit, branch, tag or pull request (pr/N) to build. Default: the pull request's head commit for pull_request " +
      'and pull_request_target events, else GITHUB_SHA.',
  },
  buildspec: {
    type: 'text',
    raw: true,
    placeholder: 'FILE|YAML',
    help:
      "Buildspec to use instead of the project's: a path in the repository (sent as a path, CodeBuild reads it from " +
      'the commit it builds) or inline YAML. Validated before the build starts; errors become annotations on the file ' +
      'and no build is started.',
  },
  env: {
    type: 'pairs',
    bare: true,
    placeholder: 'NAME=VALUE',
    help:
      'Environment variables, one NAME=VALUE per line, sent as PLAINTEXT (at most 4096 characters each); a line with ' +
      "only NAME forwards the runner's variable of that name. No GITHUB_* variable is forwarded unless named here.",
  },
  envParameterStore: {
    type: 'pairs',
    placeholder: 'NAME=PARAMETER',
    help: 'Variables from Parameter Store, one NAME=parameter-name per line (type PARAMETER_STORE).',
  },
  envSecretsManager: {
    type: 'pairs',
    placeholder: 'NAME=SECRET-ID[:JSON-KEY[:STAGE[:VERSION]]]',
    help:
      'Variables from Secrets Manager, one NAME=secret-id[:json-key[:version-stage[:version-id]]] per line (type ' +
      'SECRETS_MANAGER). CodeBuild resolves them; their values never pass through the runner.',
  },
  image: { type: 'text', placeholder: 'IMAGE', help: 'Build image override (imageOverride).' },
  computeType: {
    type: 'text',
    placeholder: 'TYPE',
    help: 'Compute type override, e.g. BUILD_GENERAL1_MEDIUM (computeTypeOverride).',
  },
  privilegedMode: {
    type: 'flag',
    help: "true or false: privileged build container override (privilegedModeOverride). Default: the project's.",
  },
  timeoutMinutes: {
    type: 'integer',
    flag: 'timeout',
    placeholder: 'MINUTES',
    min: 5,
    max: 2160,
    help: 'Build timeout override in minutes, 5 to 2160 (for a batch: the timeout of each build).',
  },
  fleet: { type: 'text', placeholder: 'ARN', help: 'Reserved-capacity fleet ARN (fleetOverride); builds only.' },
  startBuildJson: {
    type: 'text',
    placeholder: 'JSON',
    help:
      'A JSON object of StartBuild (or StartBuildBatch) request members merged last, for anything the other inputs do ' +
      'not cover. Member names and types are checked; environmentVariablesOverride entries are merged by name.',
  },
  batch: {
    type: 'choice',
    choices: ['auto', 'true', 'false'],
    default: 'auto',
    help:
      'auto, true or false. true uses StartBuildBatch; auto does when the buildspec (the buildspec input, else the ' +
      "repository's buildspec.yml) has a batch section.",
  },
  wait: {
    type: 'flag',
    default: true,
    help:
      'true: follow the build to its end. false: return right after it started (outputs build-id and logs-url); a ' +
      "later step with build-id follows it, which lets a build outlive GitHub's 6-hour job limit.",
  },
  buildId: {
    type: 'text',
    flag: false,
    help: 'Follow this running (or finished) build or batch build, by id or ARN, instead of starting one.',
  },
  logs: {
    type: 'choice',
    choices: ['live', 'poll', 'off'],
    default: 'live',
    help:
      'live (CloudWatch Logs Live Tail, about a second behind the build; falls back to poll where Live Tail is ' +
      'unavailable or denied), poll (GetLogEvents), or off (status only).',
  },
  downloadArtifacts: {
    type: 'text',
    placeholder: 'DIR',
    help:
      'Folder to download the build artifacts into when the build ends (whatever its status): the primary artifact ' +
      "into the folder, each secondary artifact into <folder>/<artifactIdentifier>/, a batch build's into " +
      '<folder>/<identifier>/. ZIP artifacts are unpacked. Needs s3:GetObject (and s3:ListBucket for NONE packaging) ' +
      'on the artifact bucket.',
  },
  failOnTestFailures: {
    type: 'flag',
    default: false,
    help:
      "true: fail when a test report of the build has failed or errored cases, naming them. false: the build's " +
      'status stands as CodeBuild reports it.',
  },
  region: {
    type: 'text',
    input: false,
    placeholder: 'REGION',
    pattern: REGION_PATTERN,
    form: 'an AWS region name such as us-east-1',
    help: 'AWS region (default: AWS_REGION / AWS_DEFAULT_REGION).',
  },
} as const satisfies OptionSchema;

export type BuildOptions = OptionValues<typeof buildOptions>;
