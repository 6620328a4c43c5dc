/** `aws-cicd git-credential`: the mirror's git credential helper (src/mirror/credential-helper.ts) as a command. */
import { answerGitCredential } from '../../mirror/credential-helper.js';
import type { CommandSpec } from '../context.js';

const HELP = `Usage: aws-cicd git-credential [--region REGION] get|store|erase

A git credential helper for AWS CodeCommit over HTTPS, with the AWS credentials of the environment (or the SDK's
default chain: AWS_PROFILE, web identity, container and instance roles). git runs it; to use it yourself:

  git -c credential.helper='!aws-cicd git-credential' -c credential.useHttpPath=true \\
      clone https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/my-repo

It answers only for CodeCommit Git hosts (or the CODE_COMMIT_ENDPOINT host). The region is --region, else the one
in the host name, else AWS_REGION / AWS_DEFAULT_REGION.

Exit status: 0 answered (or declined: not a CodeCommit host), 1 no answer (no region, no path, no credentials),
2 usage error.`;

export const gitCredentialCommand: CommandSpec = {
  name: 'git-credential',
  summary: 'git credential helper for CodeCommit over HTTPS with AWS credentials (used by mirror)',
  help: HELP,
  run: (argv, ctx) =>
    answerGitCredential(argv, { stdin: process.stdin, stdout: ctx.stdout, stderr: ctx.stderr, env: ctx.env }),
};
