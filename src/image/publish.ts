/**
 * Build an image and push it to ECR: log in with GetAuthorizationToken (the password masked and given through stdin
 * only), ensure the repository, build with docker buildx or buildah/podman, push every tag, read the pushed digest,
 * and point a CodeBuild project at the digest-pinned image. The action and `aws-cicd image` share this; they differ
 * only in how they log and where the settings come from.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CodeBuildProjectApi } from '../aws/codebuild.js';
import type { EcrApi, RegistryLogin } from '../aws/ecr.js';
import { UserError } from '../core/errors.js';
import {
  BUILDER_NAME,
  CACHE_TAG,
  buildArgs,
  digestFromMetadata,
  loginArgs,
  logoutArgs,
  pushArgs,
  type BuildPlan,
} from './commands.js';
import { BUILD_PREFERENCE, selectEngine, type EngineName } from './engine.js';
import type { Exec, ExecResult } from './exec.js';
import { tailOf } from './exec.js';
import { parseProjectArn } from './policy.js';
import { grouped, type Reporter } from '../core/reporter.js';
import { allowCodeBuildPull, ensureRepository } from './repository.js';
import type { ImageSettings } from './settings.js';
import { defaultTags, type TagContext } from './tags.js';

export interface PublishDeps {
  /** Needed only to push (push false makes no AWS call). */
  readonly ecr?: EcrApi;
  /** The CodeBuild client for a region; asked only when codebuild-project is set. */
  readonly codebuild?: (region: string | undefined) => CodeBuildProjectApi;
  readonly exec: Exec;
  /** The environment of the tools (Docker/Buildah configuration, proxies). */
  readonly env: NodeJS.ProcessEnv;
  /** Steps as groups, the tools' output, masks (the login password before anything could print it). */
  readonly reporter: Reporter;
  readonly tagContext: TagContext;
  /** Parent of this run's scratch folder (login file, digest files). Default: the OS temp dir. */
  readonly tmpDir?: string;
  readonly signal?: AbortSignal;
}

export interface ImageResult {
  readonly engine: EngineName;
  /** `<account>.dkr.ecr.<region>.amazonaws.com` */
  readonly registry: string;
  readonly repositoryUri: string;
  /** `<repositoryUri>@<digest>` when pushed, else `<repositoryUri>:<first tag>`. */
  readonly image: string;
  readonly digest?: string;
  /** `<repositoryUri>:<tag>` for every tag. */
  readonly tags: readonly string[];
  readonly pushed: boolean;
  readonly repositoryCreated: boolean;
  readonly platforms: readonly string[];
  readonly project?: { readonly arn: string; readonly policyUpdated: boolean; readonly imageUpdated: boolean };
}

export async function publishImage(settings: ImageSettings, deps: PublishDeps): Promise<ImageResult> {
  const { exec, env, reporter: log } = deps;
  const engine = await selectEngine(exec, settings.engine, BUILD_PREFERENCE, env);
  log.info(`Engine: ${engine}`);
  const scratch = mkdtempSync(path.join(deps.tmpDir ?? tmpdir(), 'aws-cicd-image-'));
  const authFile = engine === 'docker' ? undefined : path.join(scratch, 'auth.json');
  // Buildah/Podman collect a multi-platform build in a manifest list of this run, removed at the end.
  const manifest =
    engine !== 'docker' && settings.platforms.length > 1 ? `aws-cicd-${path.basename(scratch)}` : undefined;
  let loggedIn: string | undefined;
  try {
    // Nothing pushed: no login, no repository, no AWS call at all (and no credentials or region needed).
    const ecr = settings.push ? deps.ecr : undefined;
    if (settings.push && ecr === undefined) throw new Error('pushing needs an ECR client');
    const login =
      ecr === undefined
        ? undefined
        : await grouped(log, 'Log in to Amazon ECR', async () => {
            const login = await ecr.getLogin(settings.registryId);
            log.mask(login.password);
            return login;
          });
    const registry = login === undefined ? (registryHost(settings) ?? '') : new URL(login.proxyEndpoint).host;
    const endpoint = settings.registryEndpoint === undefined ? undefined : new URL(settings.registryEndpoint);
    const pushHost = endpoint?.host ?? registry;
    const insecure = endpoint?.protocol === 'http:';
    if (authFile !== undefined) writeFileSync(authFile, '{}\n', { mode: 0o600 });
    if (login !== undefined) {
      await grouped(log, `Log in to ${pushHost}`, async () => {
        await engineLogin(engine, pushHost, login, { authFile, insecure }, deps);
        loggedIn = pushHost;
        log.info(
          `Logged in to ${pushHost} as ${login.username}${login.expiresAt ? ` until ${login.expiresAt.toISOString()}` : ''}`,
        );
      });
    } else {
      log.info('Not pushing: no registry login, no registry cache, no AWS call');
    }

    const ensured =
      ecr !== undefined
        ? await grouped(log, `Repository ${settings.repository}`, () => ensureRepository(ecr, settings, log))
        : undefined;
    const repositoryUri =
      ensured?.repository.repositoryUri ??
      (registry === '' ? settings.repository : `${registry}/${settings.repository}`);
    const immutable =
      ensured?.repository.imageTagMutability?.startsWith('IMMUTABLE') ?? settings.tagMutability === 'IMMUTABLE';
    const tags =
      settings.tags !== undefined && settings.tags.length > 0
        ? [...settings.tags]
        : defaultTags(deps.tagContext, { immutable });
    const pushRepo = login === undefined ? repositoryUri : `${pushHost}/${settings.repository}`;
    const plan: BuildPlan = {
      engine,
      context: settings.context,
      file: settings.file ?? path.join(settings.context, 'Dockerfile'),
      platforms: settings.platforms,
      buildArgs: settings.buildArgs,
      target: settings.target,
      labels: settings.labels,
      refs: tags.map((t) => `${pushRepo}:${t}`),
      push: settings.push,
      provenance: settings.provenance,
      cache: settings.cache,
      // The registry cache needs the login: a build that pushes nothing uses none.
      cacheRef: login === undefined ? undefined : `${pushRepo}:${CACHE_TAG}`,
      metadataFile: engine === 'docker' ? path.join(scratch, 'metadata.json') : undefined,
      authFile,
      manifest,
      isolation: env.BUILDAH_ISOLATION?.trim() || undefined,
    };
    if (settings.provenance && engine !== 'docker') {
      log.warning(`${engine} makes no provenance attestations; the image is pushed without one`);
    }
    const digest = await grouped(log, `Build${settings.push ? ' and push' : ''} ${tags.join(', ')}`, async () => {
      if (engine === 'docker') {
        const builder = await dockerBuilder(plan, deps);
        await run(engine, buildArgs({ ...plan, builder }), 'the image build failed', deps, settings.context);
        if (!settings.push) return undefined;
        const found = digestFromMetadata(readText(plan.metadataFile));
        if (found === undefined) throw new Error('docker buildx wrote no image digest to its metadata file');
        return found;
      }
      await run(engine, buildArgs(plan), 'the image build failed', deps, settings.context);
      if (!settings.push) return undefined;
      return pushAll(engine, plan, { insecure, scratch }, deps);
    });
    if (digest !== undefined) log.info(`Pushed ${repositoryUri}@${digest}`);

    const project =
      settings.codebuildProject !== undefined && digest !== undefined
        ? await grouped(log, `CodeBuild project ${settings.codebuildProject}`, () =>
            configureProject(settings, `${repositoryUri}@${digest}`, deps),
          )
        : undefined;
    if (settings.codebuildProject !== undefined && digest === undefined) {
      log.warning('codebuild-project is ignored: the image was not pushed');
    }
    return {
      engine,
      registry,
      repositoryUri,
      image: digest !== undefined ? `${repositoryUri}@${digest}` : `${repositoryUri}:${tags[0]}`,
      digest,
      tags: tags.map((t) => `${repositoryUri}:${t}`),
      pushed: digest !== undefined,
      repositoryCreated: ensured?.created ?? false,
      platforms: settings.platforms,
      project,
    };
  } finally {
    if (manifest !== undefined) await exec(engine, ['manifest', 'rm', manifest], { env }).catch(() => undefined);
    // Docker keeps logins in the user's config: remove ours (as docker/login-action does). Buildah's is in scratch.
    if (engine === 'docker' && loggedIn !== undefined)
      await exec('docker', logoutArgs(loggedIn), { env }).catch(() => undefined);
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The ECR host of a registry named by account and region (a repository URI gives both); else undefined. */
function registryHost(settings: Pick<ImageSettings, 'registryId' | 'region'>): string | undefined {
  if (settings.registryId === undefined || settings.region === undefined) return undefined;
  const suffix = settings.region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return `${settings.registryId}.dkr.ecr.${settings.region}.${suffix}`;
}

async function engineLogin(
  engine: EngineName,
  host: string,
  login: RegistryLogin,
  options: { authFile?: string; insecure: boolean },
  deps: PublishDeps,
): Promise<void> {
  const args = loginArgs(engine, host, { username: login.username, ...options });
  const result = await deps.exec(engine, args, { env: deps.env, input: login.password, signal: deps.signal });
  if (result.code !== 0) {
    throw new UserError(`${engine} login to ${host} failed: ${hidden(tailOf(result, 5), login.password)}`);
  }
}

/** Docker: buildx must be there; cache export and multi-platform builds need a builder that is not the `docker` driver. */
async function dockerBuilder(plan: BuildPlan, deps: PublishDeps): Promise<string | undefined> {
  const current = await deps.exec('docker', ['buildx', 'inspect'], { env: deps.env });
  if (current.code !== 0) {
    throw new UserError(`docker buildx is not available (${tailOf(current, 3)}): install the buildx plugin`);
  }
  const needsContainerDriver = (plan.cache && plan.cacheRef !== undefined) || plan.platforms.length > 1;
  if (!needsContainerDriver || !/^Driver:\s+docker\s*$/m.test(current.stdout)) return undefined;
  const ours = await deps.exec('docker', ['buildx', 'inspect', BUILDER_NAME], { env: deps.env });
  if (ours.code === 0) return BUILDER_NAME;
  deps.reporter.info(
    `Creating buildx builder ${BUILDER_NAME} (docker-container driver) for the registry cache and platforms`,
  );
  const created = await deps.exec(
    'docker',
    ['buildx', 'create', '--name', BUILDER_NAME, '--driver', 'docker-container'],
    {
      env: deps.env,
    },
  );
  if (created.code !== 0) throw new UserError(`docker buildx create failed: ${tailOf(created, 5)}`);
  return BUILDER_NAME;
}

/** Buildah/Podman: push every tag; all of them must name the same digest. */
async function pushAll(
  engine: EngineName,
  plan: BuildPlan,
  options: { insecure: boolean; scratch: string },
  deps: PublishDeps,
): Promise<string> {
  let digest: string | undefined;
  for (const [index, ref] of plan.refs.entries()) {
    const digestFile = path.join(options.scratch, `digest-${index}`);
    await run(engine, pushArgs(plan, ref, { digestFile, insecure: options.insecure }), `pushing ${ref} failed`, deps);
    const pushed = readText(digestFile).trim();
    if (!/^sha256:[0-9a-f]{64}$/.test(pushed)) throw new Error(`${engine} push wrote no digest for ${ref}`);
    if (digest !== undefined && pushed !== digest) {
      deps.reporter.warning(`${ref} was pushed as ${pushed}, the first tag as ${digest}`);
    }
    digest ??= pushed;
  }
  if (digest === undefined) throw new Error('no tag to push');
  return digest;
}

async function configureProject(
  settings: ImageSettings,
  image: string,
  deps: PublishDeps,
): Promise<ImageResult['project']> {
  const nameOrArn = settings.codebuildProject ?? '';
  if (deps.codebuild === undefined || deps.ecr === undefined) throw new Error('no CodeBuild or ECR client');
  const codebuild = deps.codebuild(parseProjectArn(nameOrArn)?.region ?? settings.region);
  const project = await codebuild.getProject(nameOrArn);
  if (project?.arn === undefined || project.name === undefined) {
    throw new UserError(`CodeBuild project "${nameOrArn}" not found; check codebuild-project and the region`);
  }
  const policyUpdated = await allowCodeBuildPull(deps.ecr, settings, project.arn, deps.reporter);
  if (!settings.updateProject) return { arn: project.arn, policyUpdated, imageUpdated: false };
  const environment = project.environment;
  if (environment === undefined) throw new Error(`CodeBuild project ${project.name} has no environment`);
  await codebuild.updateProject({
    name: project.name,
    environment: { ...environment, image, imagePullCredentialsType: 'SERVICE_ROLE' },
  });
  deps.reporter.info(`Project ${project.name} now builds in ${image} (image pull credentials: SERVICE_ROLE)`);
  return { arn: project.arn, policyUpdated, imageUpdated: true };
}

async function run(
  engine: EngineName,
  args: string[],
  failure: string,
  deps: PublishDeps,
  cwd?: string,
): Promise<ExecResult> {
  const result = await deps.exec(engine, args, {
    env: deps.env,
    cwd,
    signal: deps.signal,
    onOutput: (chunk) => void deps.reporter.output(chunk),
  });
  if (deps.signal?.aborted) throw new UserError(`${failure}: cancelled`);
  if (result.code !== 0) {
    throw new UserError(`${failure} (${engine} exit status ${result.code ?? 'signal'}): ${tailOf(result, 5)}`);
  }
  return result;
}

function readText(file: string | undefined): string {
  if (file === undefined) return '';
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function hidden(text: string, secret: string): string {
  return secret === '' ? text : text.split(secret).join('***');
}
