/**
 * A clone is all a user has: nothing committed may point at files outside the repository (the folder beside it,
 * this machine's paths) or at documents the repository does not contain.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../support/shared.js';

// Spelt in pieces so that this file does not match itself.
const OUTSIDE = [['..', 'shared'].join('/'), ['', 'work', ''].join('/'), ['DEVELOPERS', 'md'].join('.')];

/** `file:line: text` for every line of `text` that names one of `needles`. */
export function outsideReferences(file: string, text: string, needles: readonly string[] = OUTSIDE): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (needles.some((needle) => line.includes(needle))) found.push(`${file}:${i + 1}: ${line.trim()}`);
  });
  return found;
}

function trackedFiles(): string[] | undefined {
  try {
    const out = execFileSync('git', ['ls-files', '-z'], { cwd: REPO_ROOT, encoding: 'utf8' });
    return out.split('\0').filter((f) => f !== '' && !f.startsWith('dist/') && f !== 'package-lock.json');
  } catch (error) {
    process.stderr.write(`skipped: the repository's own files (git ls-files failed: ${(error as Error).message})\n`);
    return undefined;
  }
}

describe('the repository is self-contained', () => {
  test('the scan finds each reference with its file:line', () => {
    const text = ['a', `see ${OUTSIDE[0]}/spec/x.md`, `cd ${OUTSIDE[1]}main`, `read ${OUTSIDE[2]}`].join('\n');
    expect(outsideReferences('f.md', text)).toEqual([
      `f.md:2: see ${OUTSIDE[0]}/spec/x.md`,
      `f.md:3: cd ${OUTSIDE[1]}main`,
      `f.md:4: read ${OUTSIDE[2]}`,
    ]);
  });

  const files = trackedFiles();
  (files === undefined ? test.skip : test)(
    "no tracked file (but dist/ and package-lock.json) names the folder beside it, this machine's paths or a missing document",
    () => {
      expect(files!.length).toBeGreaterThan(100);
      const found = files!.flatMap((file) => {
        const full = path.join(REPO_ROOT, file);
        if (!existsSync(full)) return []; // deleted in the working tree, not yet committed
        const bytes = readFileSync(full);
        if (bytes.includes(0)) return []; // binary
        return outsideReferences(file, bytes.toString('utf8'));
      });
      expect(found).toEqual([]);
    },
  );
});
