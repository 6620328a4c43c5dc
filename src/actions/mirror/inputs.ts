import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseTarget } from '../../aws/codecommit-git.js';
import { resolveRegion } from '../../aws/config.js';
import { UserError } from '../../core/errors.js';
import type { MirrorSettings, OnRewind } from '../../mirror/mirror.js';
import { compilePattern } from '../../mirror/refs.js';
import { parseTags } from '../../mirror/tags.js';
import { InputReader, type RawInputs } from '../common/inputs.js';

/** Input names exactly as in actions/mirror/action.yml. */
export enum Inputs {
  Repository = 'repository',
  Region = 'region',
  Source = 'source',
  Include = 'include',
  Exclude = 'exclude',
  Prune = 'prune',
  Protect = 'protect',
  OnRewind = 'on-rewind',
  DryRun = 'dry-run',
  CreateRepository = 'create-repository',
  RepositoryDescription = 'repository-description',
  KmsKeyId = 'kms-key-id',
  Tags = 'tags',
  GithubToken = 'github-token',
}

export enum Outputs {
  RepositoryUrl = 'repository-url',
  GrcUrl = 'grc-url',
  RefsCreated = 'refs-created',
  RefsUpdated = 'refs-updated',
  RefsDeleted = 'refs-deleted',
  HeadSha = 'head-sha',
}

/** Reads and checks the inputs (nothing here calls AWS or git). `env` is the runner's environment. */
export function readMirrorInputs(raw: RawInputs, env: NodeJS.ProcessEnv): MirrorSettings {
  const input = new InputReader(raw);
  const target = parseTarget(input.required(Inputs.Repository), `input "${Inputs.Repository}"`);
  const explicitRegion = input.optional(Inputs.Region);
  if (explicitRegion && target.region && explicitRegion !== target.region) {
    throw new UserError(
      `input "${Inputs.Region}" is ${explicitRegion} but input "${Inputs.Repository}" names ${target.region}`,
    );
  }
  const region = resolveRegion(explicitRegion ?? target.region, env);
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const description = input.optional(Inputs.RepositoryDescription);
  if (description !== undefined && description.length > 1000) {
    throw new UserError(`input "${Inputs.RepositoryDescription}" is longer than CodeCommit's 1,000 characters`);
  }
  const token = input.optional(Inputs.GithubToken);
  return {
    repository: target.repository,
    region,
    source: resolve(workspace, input.string(Inputs.Source) || '.'),
    include: patterns(input, Inputs.Include),
    exclude: patterns(input, Inputs.Exclude),
    prune: input.boolean(Inputs.Prune, false),
    protect: patterns(input, Inputs.Protect),
    onRewind: input.oneOf<OnRewind>(Inputs.OnRewind, ['allow', 'fail'], 'allow'),
    dryRun: input.boolean(Inputs.DryRun, false),
    createRepository: input.boolean(Inputs.CreateRepository, false),
    ...(description !== undefined ? { description } : {}),
    ...(input.optional(Inputs.KmsKeyId) !== undefined ? { kmsKeyId: input.optional(Inputs.KmsKeyId) } : {}),
    tags: parseTags(input.lines(Inputs.Tags), `input "${Inputs.Tags}"`),
    ...(token !== undefined ? { githubToken: token } : {}),
    ...(env.GITHUB_SERVER_URL ? { githubServerUrl: env.GITHUB_SERVER_URL } : {}),
    ...defaultBranch(env),
  };
}

/** Patterns one per line (or separated by spaces: a ref name has none); each is checked here. */
function patterns(input: InputReader, name: Inputs): string[] {
  const list = input.lines(name).flatMap((line) => line.split(/\s+/).filter((p) => p !== ''));
  for (const p of list) compilePattern(p, `input "${name}"`);
  return list;
}

/** GitHub's default branch from the event payload, pushed first into an empty repository. */
function defaultBranch(env: NodeJS.ProcessEnv): { defaultBranch?: string } {
  if (!env.GITHUB_EVENT_PATH) return {};
  try {
    const payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as {
      repository?: { default_branch?: unknown };
    };
    const branch = payload.repository?.default_branch;
    return typeof branch === 'string' && branch !== '' ? { defaultBranch: branch } : {};
  } catch {
    return {};
  }
}
