/** The appspec corpus (see test/support/shared.ts): files and their expected verdicts. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export { APPSPEC_CORPUS, REPO_ROOT as repoRoot } from '../support/shared.js';

export type Verdict = 'valid' | 'invalid' | 'either';

export interface CorpusFile {
  readonly name: string;
  readonly verdict: Verdict;
  readonly why: string;
  readonly text: string;
}

/** The corpus files of `dir` (APPSPEC_CORPUS's folder, which only tests guarded by it are given). */
export function corpusFiles(dir: string): CorpusFile[] {
  const tsv = readFileSync(path.join(dir, 'EXPECTED.tsv'), 'utf8');
  return tsv
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [name = '', verdict = '', why = ''] = line.split('\t');
      if (verdict !== 'valid' && verdict !== 'invalid' && verdict !== 'either') {
        throw new Error(`EXPECTED.tsv: bad verdict "${verdict}" for ${name}`);
      }
      return { name, verdict, why, text: readFileSync(path.join(dir, name), 'utf8') };
    });
}
