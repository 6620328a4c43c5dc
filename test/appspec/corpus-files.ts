/** The shared appspec corpus (/work/shared/corpus/appspecs): files and their expected verdicts. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const appspecCorpus = path.resolve(repoRoot, '../shared/corpus', 'appspecs');

export type Verdict = 'valid' | 'invalid' | 'either';

export interface CorpusFile {
  readonly name: string;
  readonly verdict: Verdict;
  readonly why: string;
  readonly text: string;
}

export function corpusFiles(): CorpusFile[] {
  const tsv = readFileSync(path.join(appspecCorpus, 'EXPECTED.tsv'), 'utf8');
  return tsv
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [name = '', verdict = '', why = ''] = line.split('\t');
      if (verdict !== 'valid' && verdict !== 'invalid' && verdict !== 'either') {
        throw new Error(`EXPECTED.tsv: bad verdict "${verdict}" for ${name}`);
      }
      return { name, verdict, why, text: readFileSync(path.join(appspecCorpus, name), 'utf8') };
    });
}
