/**
 * Extra test material kept outside the repository, in a folder named `shared` beside its root: the buildspec and
 * appspec corpora (files and their expected verdicts). A clone does not have it, so the tests that read it skip,
 * and each test file that skips says so in one line on stderr; where it is there they run.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/**
 * The folder beside the repository root (not part of the repository). AWS_CICD_TEST_SHARED_ROOT names another
 * place, which the test of this module uses to run the dependent tests as a clone would.
 */
export const SHARED_ROOT = process.env.AWS_CICD_TEST_SHARED_ROOT || path.resolve(REPO_ROOT, '..', 'shared');

export interface SharedPart {
  /** What the folder holds, for messages: "the buildspec corpus". */
  readonly what: string;
  /** The folder, or undefined when it is not there (then one line on stderr says so, once per test file). */
  dir(): string | undefined;
  /** A describe block given the folder; without it, one skipped test whose name says what is missing. */
  describe(name: string, body: (dir: string) => void): void;
  /** A test given the folder; skipped without it. */
  test(name: string, fn: (dir: string) => void | Promise<void>, timeout?: number): void;
}

/** One line per missing folder per test file (jest loads this module afresh for each test file). */
const noted = new Set<string>();

/** Message of the line printed when `dir` is missing (exported for its test). */
export function missingLine(what: string, dir: string, testFile: string | undefined): string {
  const who = testFile === undefined ? '' : ` (${path.relative(REPO_ROOT, testFile)})`;
  return `skipped${who}: ${what} is not here: ${dir} is a folder beside the repository, which a clone does not include`;
}

/** `relative` inside the shared folder, e.g. `corpus/buildspecs`; `root` is for tests of this helper. */
export function sharedPart(relative: string, what: string, root = SHARED_ROOT): SharedPart {
  const full = path.join(root, ...relative.split('/'));
  const dir = (): string | undefined => {
    if (existsSync(full)) return full;
    if (!noted.has(full)) {
      noted.add(full);
      process.stderr.write(missingLine(what, full, expect.getState().testPath) + '\n');
    }
    return undefined;
  };
  return {
    what,
    dir,
    describe(name, body) {
      const found = dir();
      if (found === undefined) test.skip(`${name} (needs ${what})`, () => undefined);
      else describe(name, () => body(found));
    },
    test(name, fn, timeout) {
      const found = dir();
      if (found === undefined) test.skip(`${name} (needs ${what})`, () => undefined);
      else test(name, async () => await fn(found), timeout);
    },
  };
}

export const BUILDSPEC_CORPUS = sharedPart('corpus/buildspecs', 'the buildspec corpus');
export const APPSPEC_CORPUS = sharedPart('corpus/appspecs', 'the appspec corpus');
