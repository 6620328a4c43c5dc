/**
 * The image use case, behind the image action and `aws-cicd image`: check the options and the build files, build,
 * push to ECR (no AWS call at all when nothing is pushed), and report the image, its digest and tags.
 */
import path from 'node:path';
import { UserError } from '../core/errors.js';
import type { OptionNaming } from '../core/options.js';
import type { Reporter } from '../core/reporter.js';
import type { ImageClients } from './clients.js';
import type { Exec } from './exec.js';
import type { ImageOptions } from './options.js';
import { publishImage, type ImageResult } from './publish.js';
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
} from './settings.js';
import { imageSummaryMarkdown } from './summary.js';
import { parseTags, type TagContext } from './tags.js';

export interface ImageDeps {
  /** The tools' environment (engine configuration, proxies), and the AWS credentials' source. */
  readonly env: NodeJS.ProcessEnv;
  /** Where relative paths resolve (the workspace, the current directory). */
  readonly cwd: string;
  readonly naming: OptionNaming;
  readonly exec: Exec;
  /** The commit, ref and default branch, for the default tags. */
  readonly tagContext: () => Promise<TagContext> | TagContext;
  /** Default: clients made from `env` (and the region option) when pushing, closed at the end. */
  readonly clients?: Pick<ImageClients, 'ecr' | 'codebuild'>;
  readonly tmpDir?: string;
  readonly signal?: AbortSignal;
}

/**
 * The settings the options make, checked; every mistake is named as the face names its options, and is bad input
 * (exit status 2 on the CLI: nothing was run).
 */
export function imageSettings(options: ImageOptions, deps: Pick<ImageDeps, 'cwd' | 'env' | 'naming'>): ImageSettings {
  try {
    return checkedSettings(options, deps);
  } catch (error) {
    if (error instanceof UserError && error.exitCode !== 2) throw new UserError(error.message, { exitCode: 2 });
    throw error;
  }
}

function checkedSettings(options: ImageOptions, deps: Pick<ImageDeps, 'cwd' | 'env' | 'naming'>): ImageSettings {
  const name = (setting: keyof ImageSettings): string =>
    setting === 'registryEndpoint' && options.registryEndpoint === undefined
      ? REGISTRY_ENDPOINT_ENV
      : deps.naming(setting);
  const repo = parseRepository(options.repository, name);
  const tags = parseTags(options.tags, name('tags'));
  const endpoint = options.registryEndpoint ?? deps.env[REGISTRY_ENDPOINT_ENV]?.trim();
  const settings = checkSettings(
    {
      repository: repo.repository,
      registryId: options.registryId ?? repo.registryId,
      region: options.region ?? repo.region,
      context: path.resolve(deps.cwd, options.context),
      file: options.file === undefined ? undefined : path.resolve(deps.cwd, options.file),
      platforms: parsePlatforms(options.platforms, name),
      buildArgs: parseKeyValues(options.buildArgs, 'buildArgs', name),
      target: options.target,
      tags: tags.length > 0 ? tags : undefined,
      labels: parseKeyValues(options.labels, 'labels', name),
      cache: options.cache,
      provenance: options.provenance,
      push: options.push,
      engine: options.engine === 'auto' ? undefined : options.engine,
      createRepository: options.createRepository,
      tagMutability: options.tagMutability,
      encryption: options.encryption,
      kmsKey: options.kmsKey,
      scanOnPush: options.scanOnPush,
      lifecyclePolicy:
        options.lifecyclePolicy === undefined
          ? undefined
          : readLifecyclePolicy(options.lifecyclePolicy, deps.cwd, name),
      untaggedExpireDays: options.untaggedExpireDays,
      keepTagged: options.keepTagged,
      codebuildProject: options.codebuildProject,
      updateProject: options.updateProject,
      registryEndpoint: endpoint ? parseRegistryEndpoint(endpoint, name('registryEndpoint')) : undefined,
    },
    name,
  );
  checkBuildFiles(settings, name);
  return settings;
}

/** Output names, as in actions/image/action.yml. */
export const IMAGE_OUTPUTS = { image: 'image', digest: 'digest', tags: 'tags', registry: 'registry' } as const;

export async function runImage(options: ImageOptions, reporter: Reporter, deps: ImageDeps): Promise<ImageResult> {
  const settings = imageSettings(options, deps);
  // Nothing pushed: no clients, so neither credentials nor a region are needed.
  let made: ImageClients | undefined;
  let clients = deps.clients;
  if (clients === undefined && settings.push) {
    const { createImageClients } = await import('./clients.js');
    clients = made = createImageClients({ env: deps.env, region: settings.region });
  }
  try {
    const result = await publishImage(settings, {
      ...(clients !== undefined ? { ecr: clients.ecr, codebuild: (region) => clients.codebuild(region) } : {}),
      exec: deps.exec,
      env: deps.env,
      reporter,
      tagContext: await deps.tagContext(),
      tmpDir: deps.tmpDir,
      signal: deps.signal,
    });
    reporter.setOutput(IMAGE_OUTPUTS.image, result.image);
    reporter.setOutput(IMAGE_OUTPUTS.digest, result.digest ?? '');
    reporter.setOutput(IMAGE_OUTPUTS.tags, result.tags.join('\n'));
    reporter.setOutput(IMAGE_OUTPUTS.registry, result.registry);
    for (const tag of result.tags) reporter.info(`tag ${tag}`);
    reporter.info(`${result.pushed ? 'pushed' : 'built'} ${result.image}`);
    await reporter.summary(imageSummaryMarkdown(result));
    return result;
  } finally {
    made?.dispose();
  }
}
