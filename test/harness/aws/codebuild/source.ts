/**
 * DOWNLOAD_SOURCE for the emulator: NO_SOURCE gets an empty directory; a source whose location is a local git
 * repository (an absolute path or a file:// URL), or a CODECOMMIT source whose location is the clone URL of an emulated
 * CodeCommit repository, is cloned into a temporary directory and checked out at the source version (a CODECOMMIT
 * source without one gets the repository's default branch). A CODECOMMIT location naming no emulated repository fails
 * like AWS ("repository not found for primary source ..."); anything else (a real GitHub/S3 location) cannot be reached
 * from here and fails the phase the way CodeBuild reports an unreachable source (CLIENT_ERROR).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PreparedSource {
  /** CODEBUILD_SRC_DIR */
  dir: string;
  resolvedSourceVersion?: string;
  cleanup(): Promise<void>;
}

/** The emulated CodeCommit repositories, as DOWNLOAD_SOURCE needs them (services/codecommit-store.ts). */
export interface CodeCommitRepositories<R extends { dir: string } = { dir: string }> {
  fromLocation(location: string | undefined): R | undefined;
  defaultBranch(repo: R): Promise<string | undefined>;
}

export class SourceError extends Error {
  constructor(
    readonly statusCode: string,
    message: string,
  ) {
    super(message);
  }
}

/** A local repository path for a source location, or undefined when the location is not local. */
export function localRepository(location: string | undefined): string | undefined {
  if (!location) return undefined;
  const path = location.startsWith('file://') ? fileURLToPath(location) : location;
  return path.startsWith('/') && existsSync(path) ? path : undefined;
}

export async function prepareSource(
  source: { type: string; location?: string },
  sourceVersion: string | undefined,
  codecommit?: CodeCommitRepositories,
): Promise<PreparedSource> {
  const root = await mkdtemp(join(tmpdir(), 'aws-emulator-src-'));
  const dir = join(root, 'src');
  const cleanup = () => rm(root, { recursive: true, force: true });
  try {
    if (source.type === 'NO_SOURCE') {
      await run('mkdir', ['-p', dir]);
      return { dir, cleanup };
    }
    let repo: string | undefined;
    if (source.type === 'CODECOMMIT') {
      const found = codecommit?.fromLocation(source.location);
      if (!found) {
        const version = sourceVersion ? ` and source version ${sourceVersion}` : '';
        throw new SourceError('CLIENT_ERROR', `repository not found for primary source${version}`);
      }
      repo = found.dir;
      sourceVersion ??= await codecommit?.defaultBranch(found);
      if (!sourceVersion) throw new SourceError('CLIENT_ERROR', 'reference not found for primary source');
    } else {
      repo = localRepository(source.location);
    }
    if (!repo) {
      throw new SourceError(
        'CLIENT_ERROR',
        `unable to download source from ${source.location ?? '(no location)'}: the emulator only clones local git repositories`,
      );
    }
    await run('git', ['clone', '--quiet', '--no-hardlinks', repo, dir]);
    if (sourceVersion) {
      const ref = sourceVersion.replace(/^refs\/heads\//, '');
      try {
        await run('git', ['-C', dir, 'checkout', '--quiet', '--detach', ref]);
      } catch {
        try {
          await run('git', ['-C', dir, 'checkout', '--quiet', '--detach', `origin/${ref}`]);
        } catch {
          throw new SourceError(
            'CLIENT_ERROR',
            `reference not found for primary source and source version ${sourceVersion}`,
          );
        }
      }
    }
    const { stdout } = await run('git', ['-C', dir, 'rev-parse', 'HEAD']);
    return { dir, resolvedSourceVersion: stdout.trim(), cleanup };
  } catch (e) {
    await cleanup();
    if (e instanceof SourceError) throw e;
    throw new SourceError('CLIENT_ERROR', `git clone failed: ${(e as Error).message}`);
  }
}
