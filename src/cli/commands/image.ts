import path from 'node:path';
import { parseArgs } from 'node:util';
import { toUserError } from '../../aws/errors.js';
import { UserError } from '../../core/errors.js';
import { ENGINES, isEngineName } from '../../image/engine.js';
import { nodeExec, type Exec } from '../../image/exec.js';
import { DEFAULT_KEEP_TAGGED, DEFAULT_UNTAGGED_EXPIRE_DAYS } from '../../image/policy.js';
import { publishImage, type ImageLog } from '../../image/publish.js';
import {
  REGISTRY_ENDPOINT_ENV,
  checkBuildFiles,
  checkSettings,
  parseKeyValues,
  parsePlatforms,
  parseRegistryEndpoint,
  parseRepository,
  readLifecyclePolicy,
  type ImageSettings,
  type Names,
} from '../../image/settings.js';
import { parseTags, type TagContext } from '../../image/tags.js';
import type { CliContext, CommandSpec } from '../context.js';

const HELP = `Usage: aws-cicd image --repository NAME [options]

Builds a container image and pushes it to Amazon ECR: logs in with GetAuthorizationToken (the password goes to the
engine through stdin only), creates the repository when it is missing, builds with docker buildx when a Docker
engine runs, else buildah (no daemon needed), pushes every tag and prints the digest-pinned image on stdout.
AWS credentials and region come from the environment (AWS_REGION, AWS_PROFILE, ...).

Options:
  --repository NAME|URI       ECR repository name, or its URI <account>.dkr.ecr.<region>.amazonaws.com/<name>
  --registry-id ACCOUNT       registry (account id) of the repository, for cross-account pushes
  --region REGION             region of the registry (default: AWS_REGION)
  --context DIR               build context (default: the current directory)
  --file FILE                 Dockerfile (default: <context>/Dockerfile)
  --platform LIST             platforms, e.g. linux/amd64,linux/arm64 (repeatable; default: the engine's own)
  --build-arg NAME=VALUE      build argument (repeatable; not for secrets: it is kept in the image history)
  --target STAGE              build stage to stop at
  --tag TAG                   image tag (repeatable; default: the commit SHA, the branch, and latest on the
                              default branch; an IMMUTABLE repository gets the SHA only)
  --label KEY=VALUE           image label (repeatable)
  --no-cache                  no layer cache (default: docker a registry cache <repository>:buildcache,
                              buildah and podman their local layers)
  --provenance                docker: add a provenance attestation (off: CodeBuild and Lambda need a plain manifest)
  --no-push                   build only: no registry login, no AWS call (no credentials or region needed)
  --engine docker|podman|buildah
                              the engine to build with (default: docker when its daemon answers, else buildah,
                              else podman)
  --no-create-repository      fail when the repository is missing instead of creating it
  --tag-mutability MUTABLE|IMMUTABLE
                              for a new repository (default MUTABLE)
  --encryption AES256|KMS     for a new repository (default AES256)
  --kms-key KEY               KMS key id or ARN, with --encryption KMS (default: the aws/ecr managed key)
  --no-scan-on-push           for a new repository (default: scan on push)
  --lifecycle-policy JSON|FILE
                              lifecycle policy to set (default, for a new repository only: untagged images expire
                              after --untagged-expire-days, the last --keep-tagged tagged images are kept)
  --untagged-expire-days N    default ${DEFAULT_UNTAGGED_EXPIRE_DAYS}
  --keep-tagged N             default ${DEFAULT_KEEP_TAGGED}
  --codebuild-project NAME|ARN
                              let this project pull: a repository policy statement for codebuild.amazonaws.com
                              scoped to it (aws:SourceAccount, aws:SourceArn); other statements are kept
  --update-project            also set the project's image to the pushed digest (imagePullCredentialsType
                              SERVICE_ROLE)
  --registry-endpoint URL     where the registry answers when not at its ECR host (a proxy, a test registry);
                              http:// for a registry without TLS. Default: $${REGISTRY_ENDPOINT_ENV}
  -h, --help                  this help

Exit status: 0 pushed (or built, with --no-push), 1 failed, 2 usage error, 130 interrupted.`;

const OPTION_OF: Record<keyof ImageSettings, string> = {
  repository: '--repository',
  registryId: '--registry-id',
  region: '--region',
  context: '--context',
  file: '--file',
  platforms: '--platform',
  buildArgs: '--build-arg',
  target: '--target',
  tags: '--tag',
  labels: '--label',
  cache: '--no-cache',
  provenance: '--provenance',
  push: '--no-push',
  engine: '--engine',
  createRepository: '--no-create-repository',
  tagMutability: '--tag-mutability',
  encryption: '--encryption',
  kmsKey: '--kms-key',
  scanOnPush: '--no-scan-on-push',
  lifecyclePolicy: '--lifecycle-policy',
  untaggedExpireDays: '--untagged-expire-days',
  keepTagged: '--keep-tagged',
  codebuildProject: '--codebuild-project',
  updateProject: '--update-project',
  registryEndpoint: '--registry-endpoint',
};

const optionNames: Names = (setting) => OPTION_OF[setting];

export const imageCommand: CommandSpec = {
  name: 'image',
  summary: 'build a container image and push it to Amazon ECR (repository, lifecycle, CodeBuild access)',
  help: HELP,
  run: (argv, ctx) => runImage(argv, ctx, nodeExec),
};

/** The command with its process runner injected (tests record what it runs). */
export async function runImage(argv: readonly string[], ctx: CliContext, exec: Exec): Promise<number> {
  const settings = parseImageArgs(argv, ctx);
  // --no-push makes no AWS call: no clients, so neither credentials nor a region are needed.
  const { createImageClients } = await import('../../image/clients.js');
  const clients = settings.push ? createImageClients({ env: ctx.env, region: settings.region }) : undefined;
  try {
    const result = await publishImage(settings, {
      ...(clients ? { ecr: clients.ecr, codebuild: (region: string | undefined) => clients.codebuild(region) } : {}),
      exec,
      env: ctx.env,
      log: cliLog(ctx),
      tagContext: await gitTagContext(ctx, exec),
      signal: ctx.signal,
    });
    for (const tag of result.tags) ctx.stderr.write(`aws-cicd image: tag ${tag}\n`);
    ctx.stderr.write(`aws-cicd image: ${result.pushed ? 'pushed' : 'built'} ${result.image}\n`);
    ctx.stdout.write(`${result.image}\n`);
    return 0;
  } catch (error) {
    throw toUserError(error);
  } finally {
    clients?.dispose();
  }
}

export function parseImageArgs(argv: readonly string[], ctx: CliContext): ImageSettings {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      repository: { type: 'string' },
      'registry-id': { type: 'string' },
      region: { type: 'string' },
      context: { type: 'string' },
      file: { type: 'string' },
      platform: { type: 'string', multiple: true },
      'build-arg': { type: 'string', multiple: true },
      target: { type: 'string' },
      tag: { type: 'string', multiple: true },
      label: { type: 'string', multiple: true },
      cache: { type: 'boolean', default: true },
      provenance: { type: 'boolean', default: false },
      push: { type: 'boolean', default: true },
      engine: { type: 'string' },
      'create-repository': { type: 'boolean', default: true },
      'tag-mutability': { type: 'string', default: 'MUTABLE' },
      encryption: { type: 'string', default: 'AES256' },
      'kms-key': { type: 'string' },
      'scan-on-push': { type: 'boolean', default: true },
      'lifecycle-policy': { type: 'string' },
      'untagged-expire-days': { type: 'string' },
      'keep-tagged': { type: 'string' },
      'codebuild-project': { type: 'string' },
      'update-project': { type: 'boolean', default: false },
      'registry-endpoint': { type: 'string' },
    },
    allowPositionals: false,
    allowNegative: true,
    strict: true,
  });
  if (values.repository === undefined) throw new UserError('--repository is required', { exitCode: 2 });
  const usage = <T>(read: () => T): T => {
    try {
      return read();
    } catch (error) {
      if (error instanceof UserError) throw new UserError(error.message, { exitCode: 2 });
      throw error;
    }
  };
  return usage(() => {
    const repo = parseRepository(values.repository ?? '', optionNames);
    const engine = values.engine;
    if (engine !== undefined && !isEngineName(engine)) {
      throw new UserError(`--engine must be one of ${ENGINES.join(', ')}; got "${engine}"`);
    }
    const context = path.resolve(ctx.cwd, values.context ?? '.');
    const endpoint = values['registry-endpoint'] ?? ctx.env[REGISTRY_ENDPOINT_ENV]?.trim();
    const tags = parseTags(values.tag ?? [], '--tag');
    const settings = checkSettings(
      {
        repository: repo.repository,
        registryId: values['registry-id'] ?? repo.registryId,
        region: values.region ?? repo.region,
        context,
        file: values.file === undefined ? undefined : path.resolve(ctx.cwd, values.file),
        platforms: parsePlatforms(values.platform ?? [], optionNames),
        buildArgs: parseKeyValues(values['build-arg'] ?? [], 'buildArgs', optionNames),
        target: values.target,
        tags: tags.length > 0 ? tags : undefined,
        labels: parseKeyValues(values.label ?? [], 'labels', optionNames),
        cache: values.cache,
        provenance: values.provenance,
        push: values.push,
        engine,
        createRepository: values['create-repository'],
        tagMutability: oneOf('--tag-mutability', values['tag-mutability'], ['MUTABLE', 'IMMUTABLE'] as const),
        encryption: oneOf('--encryption', values.encryption, ['AES256', 'KMS'] as const),
        kmsKey: values['kms-key'],
        scanOnPush: values['scan-on-push'],
        lifecyclePolicy:
          values['lifecycle-policy'] === undefined
            ? undefined
            : readLifecyclePolicy(values['lifecycle-policy'], ctx.cwd, optionNames),
        untaggedExpireDays: count(
          '--untagged-expire-days',
          values['untagged-expire-days'],
          DEFAULT_UNTAGGED_EXPIRE_DAYS,
          3650,
        ),
        keepTagged: count('--keep-tagged', values['keep-tagged'], DEFAULT_KEEP_TAGGED, 10000),
        codebuildProject: values['codebuild-project'],
        updateProject: values['update-project'],
        registryEndpoint: endpoint ? parseRegistryEndpoint(endpoint, '--registry-endpoint') : undefined,
      },
      optionNames,
    );
    checkBuildFiles(settings, optionNames);
    return settings;
  });
}

/** Progress on stderr (stdout carries only the image reference). */
function cliLog(ctx: CliContext): ImageLog {
  return {
    async group(title, body) {
      ctx.stderr.write(`aws-cicd image: ${title}\n`);
      return body();
    },
    output: (chunk) => void ctx.stderr.write(chunk),
    info: (message) => void ctx.stderr.write(`aws-cicd image: ${message}\n`),
    warning: (message) => void ctx.stderr.write(`aws-cicd image: warning: ${message}\n`),
    // Nothing prints the password; there is no log to register it with.
    mask: () => undefined,
  };
}

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

function oneOf<T extends string>(option: string, value: string | undefined, allowed: readonly T[]): T {
  if (!allowed.includes(value as T))
    throw new UserError(`${option} must be one of ${allowed.join(', ')}; got "${value}"`);
  return value as T;
}

function count(option: string, text: string | undefined, fallback: number, max: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1 || Number(text) > max) {
    throw new UserError(`${option} expects a whole number from 1 to ${max}; got "${text}"`);
  }
  return Number(text);
}
