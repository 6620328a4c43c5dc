/**
 * The options of a local build (the local action's inputs, `aws-cicd run`'s flags), written once; the help texts are
 * the action.yml descriptions. Options a face does not have are marked input: false (the CLI's) or flag: false.
 */
import type { OptionSchema, OptionValues } from '../core/options.js';

export const localOptions = {
  buildspec: {
    type: 'text',
    placeholder: 'FILE',
    default: 'buildspec.yml',
    help: 'Path of the buildspec file, relative to the source folder (as CodeBuild reads it).',
  },
  source: {
    type: 'text',
    placeholder: 'DIR',
    default: '.',
    help: 'Source folder (CODEBUILD_SRC_DIR). Default: the workspace (on the command line: the current directory).',
  },
  env: {
    type: 'pairs',
    placeholder: 'NAME=VALUE',
    help:
      'NAME=VALUE environment variables, one per line (on the command line: --env repeated), that override the ' +
      "buildspec and env-file (like StartBuild's environmentVariablesOverride). Values are taken literally.",
  },
  variablesFile: {
    type: 'text',
    input: 'env-file',
    flag: 'variables-file',
    placeholder: 'FILE',
    help: 'File of NAME=VALUE lines (like project-level variables); quotes are kept, # starts a comment.',
  },
  envFile: {
    type: 'text',
    input: false,
    placeholder: 'FILE',
    help:
      'The same as --variables-file (an older name); but Node.js reads --env-file (and --env-file=) anywhere on its ' +
      'command line itself, and when FILE is missing it stops with "node: FILE: not found" (exit 9) before aws-cicd ' +
      'starts.',
  },
  project: {
    type: 'text',
    placeholder: 'NAME',
    pattern: /^[A-Za-z0-9][A-Za-z0-9_-]{1,254}$/,
    form: 'a CodeBuild project name (2 to 255 letters, digits, - and _, starting with a letter or digit)',
    help:
      "Project name used in CODEBUILD_BUILD_ID and the build ARN. Default: the repository's name (on the command " +
      "line: the source folder's name).",
  },
  region: {
    type: 'text',
    placeholder: 'REGION',
    pattern: /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/,
    form: 'an AWS region name such as us-east-1',
    help: 'AWS region for AWS_REGION/AWS_DEFAULT_REGION and for parameter-store/secrets-manager variables.',
  },
  artifacts: {
    type: 'text',
    placeholder: 'DIR',
    help:
      'Folder that receives artifacts.zip and one <identifier>.zip per secondary artifact. Default: .aws-cicd/artifacts ' +
      'in the source folder.',
  },
  reportJson: {
    type: 'text',
    input: false,
    placeholder: 'FILE',
    help: "Write the result, shaped like CodeBuild's BatchGetBuilds Build, to FILE.",
  },
  timeoutMinutes: {
    type: 'integer',
    flag: 'timeout',
    placeholder: 'MINUTES',
    min: 1,
    max: 2160,
    default: 60,
    help: 'Stop the build after this many minutes (status TIMED_OUT), as CodeBuild does.',
  },
  cacheDir: {
    type: 'text',
    input: false,
    placeholder: 'DIR',
    help: 'Local build cache (default: $XDG_CACHE_HOME/aws-cicd or ~/.cache/aws-cicd).',
  },
  batch: {
    type: 'flag',
    input: false,
    default: false,
    help:
      "Run the buildspec's batch section (build-list, build-graph, build-matrix, build-fanout) as child builds; " +
      'automatic when the file has a batch and no phases.',
  },
  parallel: {
    type: 'integer',
    input: false,
    placeholder: 'N',
    min: 1,
    max: 1024,
    help: 'With --batch, at most N child builds at once (default: the number of CPUs).',
  },
  dryRun: {
    type: 'flag',
    input: false,
    default: false,
    help:
      'Print the phases and commands that would run (with --batch: the child builds, their buildspec, env and ' +
      'depend-on), run nothing.',
  },
  image: {
    type: 'text',
    placeholder: 'IMAGE',
    pattern: /^[A-Za-z0-9][A-Za-z0-9._\-/:]*(@sha256:[0-9a-f]{64})?$/,
    form: 'an image reference such as registry/name:tag',
    help:
      'Run the build inside a container of this image (docker, podman or buildah, whichever works here), with the ' +
      'source mounted at /codebuild/output/src<n>/src. The image must carry aws-cicd (docker/standard does).',
  },
  engine: {
    type: 'choice',
    input: false,
    choices: ['docker', 'podman', 'buildah'],
    help: 'With --image: docker, podman or buildah (default: docker when its daemon answers, else podman, else buildah).',
  },
} as const satisfies OptionSchema;

export type LocalOptions = OptionValues<typeof localOptions>;
