import { optionsHelp } from '../../core/options.js';
import { nodeExec, type Exec } from '../../image/exec.js';
import { imageOptions } from '../../image/options.js';
import { runImage, type ImageDeps } from '../../image/run.js';
import type { TagContext } from '../../image/tags.js';
import type { CliContext, CommandSpec } from '../context.js';
import { useCaseCommand } from '../use-case.js';

const HELP = `Usage: aws-cicd image --repository NAME [options]

Builds a container image and pushes it to Amazon ECR: logs in with GetAuthorizationToken (the password goes to the
engine through stdin only), creates the repository when it is missing, builds with docker buildx when a Docker
engine runs, else buildah (no daemon needed), pushes every tag and prints the digest-pinned image on stdout.
AWS credentials and region come from the environment (AWS_REGION, AWS_PROFILE, ...).

Options:
${optionsHelp(imageOptions)}

Exit status: 0 pushed (or built, with --no-push), 1 failed, 2 usage error, 130 interrupted.`;

export function imageCommandWith(deps: Partial<ImageDeps> = {}): CommandSpec {
  return useCaseCommand({
    name: 'image',
    summary: 'build a container image and push it to Amazon ECR (repository, lifecycle, CodeBuild access)',
    help: HELP,
    options: imageOptions,
    prefix: 'aws-cicd image',
    // Progress and the tools' output on stderr: stdout carries only the image reference.
    progressOnStderr: true,
    async run(values, reporter, step, ctx) {
      const exec = deps.exec ?? nodeExec;
      const result = await runImage(values, reporter, {
        ...step,
        exec,
        tagContext: () => gitTagContext(ctx, exec),
        ...deps,
      });
      ctx.stdout.write(`${result.image}\n`);
      return 0;
    },
  });
}

export const imageCommand = imageCommandWith();

/** The commit, branch and default branch for the default tags: GitHub's variables when set, else git's. */
async function gitTagContext(ctx: CliContext, exec: Exec): Promise<TagContext> {
  const git = async (...args: string[]): Promise<string | undefined> => {
    try {
      const result = await exec('git', args, { cwd: ctx.cwd, env: ctx.env });
      return result.code === 0 ? result.stdout.trim() || undefined : undefined;
    } catch {
      return undefined;
    }
  };
  const sha = ctx.env.GITHUB_SHA?.trim() || (await git('rev-parse', 'HEAD'));
  const branch = await git('symbolic-ref', '--short', '-q', 'HEAD');
  const ref = ctx.env.GITHUB_REF?.trim() || (branch === undefined ? undefined : `refs/heads/${branch}`);
  const originHead = await git('symbolic-ref', '--short', '-q', 'refs/remotes/origin/HEAD');
  return { sha, ref, defaultBranch: originHead?.replace(/^origin\//, '') };
}
