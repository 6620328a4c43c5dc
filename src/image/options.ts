/**
 * The options of an image build (the image action's inputs, `aws-cicd image`'s flags), written once; the help texts
 * are the action.yml descriptions.
 */
import type { OptionSchema, OptionValues } from '../core/options.js';

export const imageOptions = {
  repository: {
    type: 'text',
    placeholder: 'NAME|URI',
    required: true,
    help: 'ECR repository name (team/app), or its URI <account>.dkr.ecr.<region>.amazonaws.com/<name>.',
  },
  registryId: {
    type: 'text',
    placeholder: 'ACCOUNT',
    help: "Account id of the registry, for a repository in another account. Default: the caller's account.",
  },
  region: {
    type: 'text',
    placeholder: 'REGION',
    pattern: /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/,
    form: 'an AWS region name such as us-east-1',
    help: 'Region of the registry. Default: AWS_REGION (e.g. from aws-actions/configure-aws-credentials).',
  },
  context: { type: 'text', placeholder: 'DIR', default: '.', help: 'Build context folder, relative to the workspace.' },
  file: {
    type: 'text',
    placeholder: 'FILE',
    help: 'Dockerfile, relative to the workspace. Default: Dockerfile in the context.',
  },
  platforms: {
    type: 'list',
    flag: 'platform',
    placeholder: 'LIST',
    help: "Platforms to build, comma or newline separated (linux/amd64,linux/arm64). Default: the runner's.",
  },
  buildArgs: {
    type: 'list',
    flag: 'build-arg',
    placeholder: 'NAME=VALUE',
    help: 'Multi-line NAME=VALUE build arguments. Not for secrets: build arguments stay in the image history.',
  },
  target: { type: 'text', placeholder: 'STAGE', help: 'Build stage to stop at.' },
  tags: {
    type: 'list',
    flag: 'tag',
    placeholder: 'TAG',
    help:
      'Tags, one per line or comma separated (the tag only, without the repository). Default: the commit SHA, the ' +
      'branch (or git tag, or pr-<number>), and latest on the default branch; an IMMUTABLE repository gets the SHA only.',
  },
  labels: { type: 'list', flag: 'label', placeholder: 'KEY=VALUE', help: 'Multi-line KEY=VALUE image labels.' },
  cache: {
    type: 'flag',
    default: true,
    help:
      'Layer cache: with docker a registry cache in the repository (tag buildcache, image-manifest=true); with buildah ' +
      'or podman the local layers of earlier builds on this machine.',
  },
  provenance: {
    type: 'flag',
    default: false,
    help: 'docker: add a provenance attestation. Off by default: CodeBuild and Lambda need a plain image manifest.',
  },
  push: {
    type: 'flag',
    default: true,
    help:
      'Push the image. false builds only, with no registry login and no AWS call (no credentials or region needed; ' +
      'no registry cache; the image is named <repository>:<tag>, or by the repository URI when one is given).',
  },
  engine: {
    type: 'choice',
    choices: ['auto', 'docker', 'podman', 'buildah'],
    default: 'auto',
    help: 'auto, docker, podman or buildah. auto: docker when its daemon answers, else buildah, else podman.',
  },
  createRepository: {
    type: 'flag',
    default: true,
    help: 'Create the repository when it does not exist (false: fail instead).',
  },
  tagMutability: {
    type: 'choice',
    choices: ['MUTABLE', 'IMMUTABLE'],
    default: 'MUTABLE',
    help: 'MUTABLE or IMMUTABLE, for a repository this step creates.',
  },
  encryption: {
    type: 'choice',
    choices: ['AES256', 'KMS'],
    default: 'AES256',
    help: 'AES256 or KMS, for a repository this step creates.',
  },
  kmsKey: {
    type: 'text',
    placeholder: 'KEY',
    help: 'KMS key id or ARN, with encryption KMS. Default: the aws/ecr managed key.',
  },
  scanOnPush: { type: 'flag', default: true, help: 'Basic scanning on push, for a repository this step creates.' },
  lifecyclePolicy: {
    type: 'text',
    placeholder: 'JSON|FILE',
    help:
      'Lifecycle policy to set: inline JSON or a file path. Default, for a repository this step creates: untagged ' +
      'images expire after untagged-expire-days, the last keep-tagged tagged images are kept.',
  },
  untaggedExpireDays: {
    type: 'integer',
    min: 1,
    max: 3650,
    default: 14,
    help: 'Days after which untagged images expire, in the default lifecycle policy.',
  },
  keepTagged: {
    type: 'integer',
    min: 1,
    max: 10000,
    default: 50,
    help: 'How many tagged images the default lifecycle policy keeps.',
  },
  codebuildProject: {
    type: 'text',
    placeholder: 'NAME|ARN',
    help:
      'CodeBuild project (name or ARN) that may pull the image: a repository policy statement for ' +
      'codebuild.amazonaws.com scoped to it with aws:SourceAccount and aws:SourceArn; other statements are kept.',
  },
  updateProject: {
    type: 'flag',
    default: false,
    help: "Set the project's image to the pushed digest, with imagePullCredentialsType SERVICE_ROLE.",
  },
  registryEndpoint: {
    type: 'text',
    input: false,
    placeholder: 'URL',
    help:
      'Where the registry answers when not at its ECR host (a proxy, a test registry); http:// for a registry without ' +
      'TLS. Default: $AWS_CICD_REGISTRY_ENDPOINT.',
  },
} as const satisfies OptionSchema;

export type ImageOptions = OptionValues<typeof imageOptions>;
