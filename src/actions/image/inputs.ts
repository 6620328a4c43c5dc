import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ENGINES, type EngineName } from '../../image/engine.js';
import {
  REGISTRY_ENDPOINT_ENV,
  checkBuildFiles,
  checkSettings,
  parseKeyValues,
  parsePlatforms,
  parseRegistryEndpoint,
  parseRepository,
  readLifecyclePolicy,
  type Encryption,
  type ImageSettings,
  type Names,
  type TagMutability,
} from '../../image/settings.js';
import { parseTags, type TagContext } from '../../image/tags.js';
import { DEFAULT_KEEP_TAGGED, DEFAULT_UNTAGGED_EXPIRE_DAYS } from '../../image/policy.js';
import { InputReader, type RawInputs } from '../common/inputs.js';

/** Input names exactly as in actions/image/action.yml. */
export enum Inputs {
  Repository = 'repository',
  RegistryId = 'registry-id',
  Region = 'region',
  Context = 'context',
  File = 'file',
  Platforms = 'platforms',
  BuildArgs = 'build-args',
  Target = 'target',
  Tags = 'tags',
  Labels = 'labels',
  Cache = 'cache',
  Provenance = 'provenance',
  Push = 'push',
  Engine = 'engine',
  CreateRepository = 'create-repository',
  TagMutability = 'tag-mutability',
  Encryption = 'encryption',
  KmsKey = 'kms-key',
  ScanOnPush = 'scan-on-push',
  LifecyclePolicy = 'lifecycle-policy',
  UntaggedExpireDays = 'untagged-expire-days',
  KeepTagged = 'keep-tagged',
  CodebuildProject = 'codebuild-project',
  UpdateProject = 'update-project',
}

export enum Outputs {
  Image = 'image',
  Digest = 'digest',
  Tags = 'tags',
  Registry = 'registry',
}

const INPUT_OF: Record<keyof ImageSettings, string> = {
  repository: Inputs.Repository,
  registryId: Inputs.RegistryId,
  region: Inputs.Region,
  context: Inputs.Context,
  file: Inputs.File,
  platforms: Inputs.Platforms,
  buildArgs: Inputs.BuildArgs,
  target: Inputs.Target,
  tags: Inputs.Tags,
  labels: Inputs.Labels,
  cache: Inputs.Cache,
  provenance: Inputs.Provenance,
  push: Inputs.Push,
  engine: Inputs.Engine,
  createRepository: Inputs.CreateRepository,
  tagMutability: Inputs.TagMutability,
  encryption: Inputs.Encryption,
  kmsKey: Inputs.KmsKey,
  scanOnPush: Inputs.ScanOnPush,
  lifecyclePolicy: Inputs.LifecyclePolicy,
  untaggedExpireDays: Inputs.UntaggedExpireDays,
  keepTagged: Inputs.KeepTagged,
  codebuildProject: Inputs.CodebuildProject,
  updateProject: Inputs.UpdateProject,
  registryEndpoint: REGISTRY_ENDPOINT_ENV,
};

export const inputNames: Names = (setting) =>
  setting === 'registryEndpoint' ? REGISTRY_ENDPOINT_ENV : `input "${INPUT_OF[setting]}"`;

/** Reads and checks the inputs (nothing here calls AWS or a tool); relative paths resolve against the workspace. */
export function readImageInputs(raw: RawInputs, workspace: string, env: NodeJS.ProcessEnv): ImageSettings {
  const input = new InputReader(raw);
  const repo = parseRepository(input.required(Inputs.Repository), inputNames);
  const registryId = input.optional(Inputs.RegistryId) ?? repo.registryId;
  const context = path.resolve(workspace, input.string(Inputs.Context) || '.');
  const file = input.optional(Inputs.File);
  const lifecycle = input.optional(Inputs.LifecyclePolicy);
  const tags = parseTags(input.lines(Inputs.Tags), `input "${Inputs.Tags}"`);
  const endpoint = env[REGISTRY_ENDPOINT_ENV]?.trim();
  const settings = checkSettings(
    {
      repository: repo.repository,
      registryId,
      region: input.region(Inputs.Region) ?? repo.region,
      context,
      file: file === undefined ? undefined : path.resolve(workspace, file),
      platforms: parsePlatforms(input.lines(Inputs.Platforms), inputNames),
      buildArgs: parseKeyValues(input.lines(Inputs.BuildArgs), 'buildArgs', inputNames),
      target: input.optional(Inputs.Target),
      tags: tags.length > 0 ? tags : undefined,
      labels: parseKeyValues(input.lines(Inputs.Labels), 'labels', inputNames),
      cache: input.boolean(Inputs.Cache, true),
      provenance: input.boolean(Inputs.Provenance, false),
      push: input.boolean(Inputs.Push, true),
      engine: engineInput(input),
      createRepository: input.boolean(Inputs.CreateRepository, true),
      tagMutability: input.oneOf<TagMutability>(Inputs.TagMutability, ['MUTABLE', 'IMMUTABLE'], 'MUTABLE'),
      encryption: input.oneOf<Encryption>(Inputs.Encryption, ['AES256', 'KMS'], 'AES256'),
      kmsKey: input.optional(Inputs.KmsKey),
      scanOnPush: input.boolean(Inputs.ScanOnPush, true),
      lifecyclePolicy: lifecycle === undefined ? undefined : readLifecyclePolicy(lifecycle, workspace, inputNames),
      untaggedExpireDays: input.integer(Inputs.UntaggedExpireDays, DEFAULT_UNTAGGED_EXPIRE_DAYS, { min: 1, max: 3650 }),
      keepTagged: input.integer(Inputs.KeepTagged, DEFAULT_KEEP_TAGGED, { min: 1, max: 10000 }),
      codebuildProject: input.optional(Inputs.CodebuildProject),
      updateProject: input.boolean(Inputs.UpdateProject, false),
      registryEndpoint: endpoint ? parseRegistryEndpoint(endpoint, REGISTRY_ENDPOINT_ENV) : undefined,
    },
    inputNames,
  );
  checkBuildFiles(settings, inputNames);
  return settings;
}

function engineInput(input: InputReader): EngineName | undefined {
  const value = input.oneOf<EngineName | 'auto'>(Inputs.Engine, [...ENGINES, 'auto'], 'auto');
  return value === 'auto' ? undefined : value;
}

/** The commit, ref and default branch of the workflow run, for the default tags. */
export function workflowTagContext(env: NodeJS.ProcessEnv): TagContext {
  let defaultBranch: string | undefined;
  if (env.GITHUB_EVENT_PATH) {
    try {
      const payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as {
        repository?: { default_branch?: unknown };
      };
      const branch = payload.repository?.default_branch;
      if (typeof branch === 'string' && branch !== '') defaultBranch = branch;
    } catch {
      // No readable event payload: no `latest` tag.
    }
  }
  return { sha: env.GITHUB_SHA?.trim() || undefined, ref: env.GITHUB_REF?.trim() || undefined, defaultBranch };
}
