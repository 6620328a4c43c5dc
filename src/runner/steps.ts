/**
 * The default collaborators of a local build: adapters from the engine's seams (types.ts) to the modules that do
 * the work (artifacts.ts, reports/, cache.ts, aws-env.ts), so the engine never depends on their internals.
 */
import { UserError } from '../core/errors.js';
import { collectArtifacts } from './artifacts.js';
import { restoreCache, saveCache } from './cache.js';
import { collectReports } from './reports/index.js';
import type { ArtifactsStep, AwsEnvResolver, BuildSteps, CacheStep, ReportsStep } from './types.js';

export interface DefaultStepsOptions {
  /** Where artifacts.zip and `<identifier>.zip` go. */
  readonly artifactsDir: string;
  /** Root of the local build cache. */
  readonly cacheDir: string;
  /** Absolute paths never archived nor searched (the runner's state folder inside the source). */
  readonly ignore?: readonly string[];
}

export function artifactsStep(options: DefaultStepsOptions): ArtifactsStep {
  return {
    async upload(ctx) {
      const spec = ctx.buildspec.artifacts;
      if (spec === undefined) return { status: 'SUCCEEDED', secondary: [] };
      return collectArtifacts(spec, {
        srcDir: ctx.srcDir,
        outDir: options.artifactsDir,
        env: ctx.env,
        log: (line) => ctx.log(line),
        shellEval: (text) => ctx.shellEval(text),
        ignore: [...(options.ignore ?? []), options.cacheDir],
      });
    },
  };
}

export function reportsStep(options: DefaultStepsOptions): ReportsStep {
  return {
    collect: (ctx) =>
      collectReports(ctx.buildspec.reports, {
        srcDir: ctx.srcDir,
        env: ctx.env,
        log: (line) => ctx.log(line),
        ignore: [...(options.ignore ?? []), options.artifactsDir, options.cacheDir],
      }),
  };
}

export function cacheStep(options: DefaultStepsOptions): CacheStep {
  const cacheOptions = (ctx: Parameters<CacheStep['restore']>[0]) => ({
    cacheDir: options.cacheDir,
    project: ctx.projectName,
    srcDir: ctx.srcDir,
    env: ctx.env,
    log: (line: string) => ctx.log(line),
    shellEval: (text: string) => ctx.shellEval(text),
  });
  return {
    async restore(ctx) {
      await restoreCache(ctx.buildspec.cache, cacheOptions(ctx));
    },
    async save(ctx) {
      await saveCache(ctx.buildspec.cache, cacheOptions(ctx));
    },
  };
}

export function defaultSteps(options: DefaultStepsOptions): BuildSteps {
  return { artifacts: artifactsStep(options), reports: reportsStep(options), cache: cacheStep(options) };
}

/**
 * parameter-store / secrets-manager through the AWS SDK, in the build's region. The SDK is loaded only when a
 * buildspec has such variables, so other builds start without it.
 */
/**
 * The resolver of a run given none: a buildspec without parameter-store and secrets-manager variables needs nothing;
 * one with them is told that this run has no way to AWS (the faces pass aws/buildspec-env.ts's resolver).
 */
export const noAwsEnvResolver: AwsEnvResolver = async (spec, skip) => {
  const wanted = [...spec.parameterStore, ...spec.secretsManager].filter((v) => !skip.has(v.name));
  if (wanted.length > 0) {
    throw new UserError(
      `${wanted.map((v) => v.name).join(', ')}: reading Parameter Store and Secrets Manager needs AWS, which this run was not given`,
    );
  }
  return { values: new Map(), secrets: [] };
};
