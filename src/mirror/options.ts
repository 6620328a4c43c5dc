/**
 * The options of a mirror (the mirror action's inputs, `aws-cicd mirror`'s flags), written once; the help texts are
 * the action.yml descriptions.
 */
import type { OptionSchema, OptionValues } from '../core/options.js';

export const mirrorOptions = {
  repository: {
    type: 'text',
    placeholder: 'NAME|URL',
    required: true,
    help: 'The CodeCommit repository: its name, codecommit::<region>://<name>, or its HTTPS clone URL.',
  },
  region: {
    type: 'text',
    placeholder: 'REGION',
    pattern: /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/,
    form: 'an AWS region name such as us-east-1',
    help: 'AWS region of the repository. Default: the region in repository, else AWS_REGION.',
  },
  source: {
    type: 'text',
    placeholder: 'DIR',
    default: '.',
    help:
      "The checkout to mirror (relative to the workspace). Its origin's branches and tags are mirrored; a shallow or " +
      'single-branch checkout is completed from origin without touching the work tree.',
  },
  include: {
    type: 'list',
    placeholder: 'PATTERN',
    help:
      'Ref patterns to mirror, one per line (default: every branch and tag). A pattern matches the short name of a ' +
      'branch or tag (main, release/*, v*), or the full name when it starts with refs/ (refs/tags/v*). * and ? stop at ' +
      '/, ** crosses it.',
  },
  exclude: {
    type: 'list',
    placeholder: 'PATTERN',
    help: 'Ref patterns not to mirror, one per line (same syntax as include).',
  },
  prune: {
    type: 'flag',
    default: false,
    help:
      'Delete branches and tags from CodeCommit that no longer exist on the source (within include/exclude), except ' +
      'those matching protect.',
  },
  protect: {
    type: 'list',
    placeholder: 'PATTERN',
    help: 'Ref patterns prune never deletes, one per line (same syntax as include).',
  },
  onRewind: {
    type: 'choice',
    choices: ['allow', 'fail'],
    default: 'allow',
    help:
      'allow: a branch that was force-pushed (or a tag that moved) is force-updated on CodeCommit and listed with its ' +
      'old and new SHA; fail: nothing is pushed and the step fails.',
  },
  dryRun: {
    type: 'flag',
    default: false,
    help: 'Compute and print the plan, push nothing (and create no repository).',
  },
  createRepository: {
    type: 'flag',
    default: false,
    help: 'Create the CodeCommit repository when it does not exist (else that is an error).',
  },
  repositoryDescription: {
    type: 'text',
    flag: 'description',
    placeholder: 'TEXT',
    help: 'Description of a repository created by create-repository.',
  },
  kmsKeyId: {
    type: 'text',
    placeholder: 'KEY',
    help: 'KMS key (id, ARN or alias) to encrypt a repository created by create-repository.',
  },
  tags: {
    type: 'list',
    flag: 'tag',
    placeholder: 'KEY=VALUE',
    help: 'Tags of a repository created by create-repository, KEY=VALUE one per line.',
  },
  githubToken: {
    type: 'text',
    flag: false,
    actionDefault: '${{ github.token }}',
    help: 'Token to fetch the branches and tags the checkout lacks from GitHub (sent as an HTTP header, never in argv).',
  },
  defaultBranch: {
    type: 'text',
    input: false,
    placeholder: 'NAME',
    help: "The branch pushed first into an empty repository (CodeCommit's default branch).",
  },
  json: { type: 'flag', input: false, default: false, help: 'Print the result as JSON on stdout.' },
} as const satisfies OptionSchema;

export type MirrorOptions = OptionValues<typeof mirrorOptions>;
