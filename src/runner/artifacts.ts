/**
 * The artifacts part of UPLOAD_ARTIFACTS: buildspec `artifacts` (primary and `secondary-artifacts`) → ZIP files in
 * an output directory (`artifacts.zip`, `<identifier>.zip`), with CodeBuild's log lines and failure context.
 *
 * Decisions where CodeBuild's behaviour is not documented (see glob.ts for the path forms):
 * - `discard-paths: yes` with two files of the same name: the one listed later wins (entries in `files` order,
 *   each entry's matches in path order), as copying them one by one into a flat folder would; a warning names
 *   both. The same holds for two base directories (a `base-directory` glob) holding the same relative path.
 * - Absolute entries (`/tmp/out/*`) keep their absolute path, minus the leading `/`, inside the ZIP unless
 *   `discard-paths` flattens them.
 * - `enable-symlinks: yes` keeps every link found while walking as a link entry (mode 0120777, target as data);
 *   without it links are followed and their targets archived.
 * - Only files are archived (no directory entries), sorted by path.
 * - `name` is evaluated (shell syntax) and logged, and the result carries it, but the file keeps its fixed name
 *   (artifacts.zip, `<identifier>.zip`): CodeBuild uses the name only for the S3 object, and only when the project
 *   sets overrideArtifactName.
 * - Warnings (two files with one name, a `name` that cannot be evaluated) are logged as `Warning: …` lines.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { ArtifactSpec, ArtifactsSpec } from '../buildspec/types.js';
import type { EnvLike } from './expand.js';
import { assembleFileList, errorMessage, type MatchKind } from './glob.js';
import { writeZip, type ZipEntryInput, type ZipResult } from './zip.js';

export interface PhaseContext {
  readonly statusCode: string;
  readonly message: string;
}

export interface ArtifactsOptions {
  /** CODEBUILD_SRC_DIR: relative entries and `base-directory` are resolved against it. */
  readonly srcDir: string;
  /** Where the ZIP files go (created if missing; never itself archived). */
  readonly outDir: string;
  /** The build's final environment, for `$VAR`/`${VAR}` in entries. */
  readonly env: EnvLike;
  /** One CodeBuild container log line (without the `[Container] <time>` prefix). */
  readonly log: (line: string) => void;
  /** Evaluates text in the build's shell (for `name`: `myname-$(date +%Y-%m-%d)`); returns its expansion. */
  readonly shellEval: (text: string) => Promise<string>;
  /** More absolute paths never archived nor walked into (e.g. a cache directory inside the source). */
  readonly ignore?: readonly string[];
}

export interface ArtifactOutput {
  /** Absolute path of the ZIP file. */
  readonly location: string;
  /** `name` after shell evaluation, when the buildspec gives one. */
  readonly name?: string;
  readonly files: number;
  /** Size of the ZIP file. */
  readonly bytes: number;
  /** Of the ZIP file, hex (CodeBuild's BuildArtifacts sha256sum and md5sum). */
  readonly sha256sum: string;
  readonly md5sum: string;
}

export interface SecondaryArtifactOutput extends ArtifactOutput {
  readonly artifactIdentifier: string;
}

export interface ArtifactsResult {
  readonly status: 'SUCCEEDED' | 'FAILED';
  /** Present when FAILED: `CLIENT_ERROR` / `no matching artifact paths found`. */
  readonly context?: PhaseContext;
  readonly primary?: ArtifactOutput;
  readonly secondary: readonly SecondaryArtifactOutput[];
  readonly warnings: readonly string[];
}

export interface ArtifactEntry {
  /** Path inside the ZIP. */
  readonly name: string;
  /** Absolute path on disk. */
  readonly source: string;
  readonly kind: MatchKind;
}

export interface ArtifactFileList {
  /** Sorted by name, unique names. */
  readonly entries: readonly ArtifactEntry[];
  /** Entries that matched nothing (logged as `Skipping invalid file path X`). */
  readonly skipped: readonly string[];
  readonly warnings: readonly string[];
  /** Set when the artifact cannot be built (nothing matched, or no base directory). */
  readonly error?: PhaseContext;
}

export interface MatchOptions {
  readonly srcDir: string;
  readonly env: EnvLike;
  readonly log?: (line: string) => void;
  readonly ignore?: readonly string[];
}

const NO_MATCH: PhaseContext = { statusCode: 'CLIENT_ERROR', message: 'no matching artifact paths found' };

/** The files one artifact definition takes and their names inside the ZIP (applies exclude and discard-paths). */
export async function matchArtifactFiles(spec: ArtifactSpec, options: MatchOptions): Promise<ArtifactFileList> {
  const list = await assembleFileList(
    { files: spec.files, baseDirectory: spec.baseDirectory, excludePaths: spec.excludePaths },
    {
      srcDir: options.srcDir,
      env: options.env,
      log: options.log ?? (() => undefined),
      followSymlinks: !spec.enableSymlinks,
      ignore: options.ignore,
    },
  );
  if (list.error !== undefined) {
    return {
      entries: [],
      skipped: list.skipped,
      warnings: [],
      error: { statusCode: 'CLIENT_ERROR', message: list.error },
    };
  }
  const warnings: string[] = [];
  const byName = new Map<string, ArtifactEntry>();
  for (const file of list.files) {
    const name = spec.discardPaths ? path.posix.basename(file.name) : file.name;
    const previous = byName.get(name);
    if (previous !== undefined) {
      warnings.push(`${name}: ${file.abs} replaces ${previous.source} (same path in the artifact)`);
      byName.delete(name);
    }
    byName.set(name, { name, source: file.abs, kind: file.kind });
  }
  const entries = [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    entries,
    skipped: list.skipped,
    warnings,
    error: entries.length === 0 ? NO_MATCH : undefined,
  };
}

/**
 * Builds the primary artifact (when `files` lists anything) and each secondary artifact as ZIP files in
 * `outDir`. Stops at the first artifact that matches nothing: the result is FAILED with CLIENT_ERROR, as
 * CodeBuild fails UPLOAD_ARTIFACTS.
 */
export async function collectArtifacts(spec: ArtifactsSpec, options: ArtifactsOptions): Promise<ArtifactsResult> {
  const outDir = path.resolve(options.outDir);
  await mkdir(outDir, { recursive: true });
  const ignore = [outDir, ...(options.ignore ?? []).map((p) => path.resolve(p))];
  const warnings: string[] = [];
  const secondary: SecondaryArtifactOutput[] = [];

  let primary: ArtifactOutput | undefined;
  if (spec.files.length > 0) {
    const built = await buildOne(
      spec,
      path.join(outDir, 'artifacts.zip'),
      'Primary artifact',
      options,
      ignore,
      warnings,
    );
    if ('error' in built) return { status: 'FAILED', context: built.error, secondary, warnings };
    primary = built.output;
  }

  options.log('Preparing to copy secondary artifacts');
  if (spec.secondary.length === 0) {
    options.log('No secondary artifacts defined in buildspec');
  }
  for (const artifact of spec.secondary) {
    const location = path.join(outDir, `${safeFileName(artifact.identifier)}.zip`);
    const label = `Secondary artifact ${artifact.identifier}`;
    const built = await buildOne(artifact, location, label, options, ignore, warnings);
    if ('error' in built) return { status: 'FAILED', context: built.error, primary, secondary, warnings };
    secondary.push({ artifactIdentifier: artifact.identifier, ...built.output });
  }
  return { status: 'SUCCEEDED', primary, secondary, warnings };
}

async function buildOne(
  spec: ArtifactSpec,
  location: string,
  label: string,
  options: ArtifactsOptions,
  ignore: readonly string[],
  warnings: string[],
): Promise<{ output: ArtifactOutput } | { error: PhaseContext }> {
  const warn = (text: string): void => {
    warnings.push(text);
    options.log(`Warning: ${label}: ${text}`);
  };
  const list = await matchArtifactFiles(spec, { srcDir: options.srcDir, env: options.env, log: options.log, ignore });
  for (const warning of list.warnings) warn(warning);
  if (list.error !== undefined) return { error: list.error };
  const zipEntries: ZipEntryInput[] = list.entries.map((e) => ({
    name: e.name,
    source: e.kind === 'symlink' ? { kind: 'symlink', path: e.source } : { kind: 'file', path: e.source },
  }));
  let zip: ZipResult;
  try {
    zip = await writeZip(location, zipEntries);
  } catch (error) {
    // A file removed or unreadable between listing and archiving: the user's build, not a bug here.
    const message = errorMessage(error);
    return {
      error: {
        statusCode: 'CLIENT_ERROR',
        message: `error while creating artifact ${path.basename(location)}: ${message}`,
      },
    };
  }
  let name: string | undefined;
  if (spec.name !== undefined && spec.name.trim() !== '') {
    try {
      const evaluated = (await options.shellEval(spec.name)).trim();
      if (evaluated === '') warn(`name ${JSON.stringify(spec.name)} evaluated to an empty string`);
      else {
        name = evaluated;
        options.log(`${label} name: ${name} (written as ${path.basename(location)})`);
      }
    } catch (error) {
      warn(`name ${JSON.stringify(spec.name)} could not be evaluated: ${errorMessage(error)}`);
    }
  }
  const { sha256sum, md5sum } = await fileDigests(location);
  return { output: { location, name, files: zip.entries, bytes: zip.bytes, sha256sum, md5sum } };
}

async function fileDigests(file: string): Promise<{ sha256sum: string; md5sum: string }> {
  const sha256 = createHash('sha256');
  const md5 = createHash('md5');
  for await (const chunk of createReadStream(file)) {
    sha256.update(chunk as Buffer);
    md5.update(chunk as Buffer);
  }
  return { sha256sum: sha256.digest('hex'), md5sum: md5.digest('hex') };
}

/** Secondary identifiers are alphanumerics and underscores in CodeBuild; anything else becomes `_` here. */
function safeFileName(identifier: string): string {
  const safe = identifier.replace(/[^A-Za-z0-9_.-]/g, '_');
  return safe === '' || safe === '.' || safe === '..' ? '_' : safe;
}
