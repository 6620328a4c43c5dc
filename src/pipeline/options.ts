/**
 * The options of following a pipeline execution (the pipeline action's inputs, `aws-cicd pipeline`'s flags), written
 * once; the help texts are the action.yml descriptions.
 */
import type { OptionSchema, OptionValues } from '../core/options.js';
import { parseSourceRevision } from './start.js';

const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

export const pipelineOptions = {
  pipelineName: {
    type: 'text',
    flag: 'name',
    placeholder: 'NAME',
    required: true,
    pattern: /^[A-Za-z0-9.@\-_]{1,100}$/,
    form: 'a pipeline name (letters, digits, . @ - _)',
    help: 'Name of the CodePipeline pipeline.',
  },
  commit: {
    type: 'text',
    placeholder: 'SHA',
    help:
      'Follow the newest execution whose source revisions include this commit (full id, or 7+ hex digits). Default: ' +
      "the pull request's head commit for pull_request events, else GITHUB_SHA.",
  },
  start: {
    type: 'flag',
    default: false,
    help:
      'true: start a new execution (StartPipelineExecution) instead of finding the one the commit started; with ' +
      'variables and source-revisions.',
  },
  executionId: {
    type: 'text',
    placeholder: 'ID',
    help: 'Follow this execution (by id) instead of finding or starting one.',
  },
  variables: {
    type: 'pairs',
    flag: 'variable',
    placeholder: 'NAME=VALUE',
    name: { pattern: /^[^=\s]+$/, form: 'anything but = and spaces' },
    help:
      'With start: true. Pipeline-level variables of a V2 pipeline, one NAME=VALUE per line (1 to 1000 characters); ' +
      "names are checked against the pipeline's declared variables before the start.",
  },
  sourceRevisions: {
    type: 'list',
    flag: 'source-revision',
    placeholder: 'ACTION=REV',
    parse: parseSourceRevision,
    help:
      'With start: true. Source revision overrides, one per line: SourceActionName=COMMIT (a commit id), or ' +
      'SourceActionName=TYPE:VALUE with TYPE one of COMMIT_ID, IMAGE_DIGEST, S3_OBJECT_VERSION_ID, S3_OBJECT_KEY.',
  },
  waitForExecutionSeconds: {
    type: 'integer',
    flag: 'wait-for-execution',
    placeholder: 'SECONDS',
    min: 0,
    max: 3600,
    default: 300,
    help:
      "How long to wait for the commit's execution to appear (a source action picks a push up after a delay), 0 to " +
      '3600. Nothing by then fails the step with what the newest execution is for.',
  },
  wait: {
    type: 'flag',
    default: true,
    help:
      'true: follow the execution to its end. false: return once it is found or started (outputs execution-id, ' +
      'execution-url and status); a later step with execution-id follows it.',
  },
  logs: {
    type: 'choice',
    choices: ['live', 'poll', 'off'],
    default: 'live',
    help:
      'Logs of CodeBuild (and Commands) actions: live (CloudWatch Logs Live Tail, falling back to polling), poll ' +
      '(GetLogEvents), or off (build phases only).',
  },
  abandonOnCancel: {
    type: 'flag',
    default: false,
    help:
      'When the run is cancelled the execution is stopped; true abandons the actions in progress, false (default) ' +
      'lets them finish and starts nothing more.',
  },
  region: {
    type: 'text',
    input: false,
    placeholder: 'REGION',
    pattern: REGION,
    form: 'an AWS region name such as us-east-1',
    help: 'AWS region (default: AWS_REGION / AWS_DEFAULT_REGION).',
  },
} as const satisfies OptionSchema;

export type PipelineOptions = OptionValues<typeof pipelineOptions>;
