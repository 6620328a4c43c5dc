import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatFinding, parseBuildspec } from '../../src/buildspec/index.js';
import type { Buildspec, Finding } from '../../src/buildspec/index.js';

export { BUILDSPEC_CORPUS } from '../support/shared.js';

export type Verdict = 'valid' | 'invalid' | 'either';

export interface CorpusFile {
  readonly name: string;
  readonly verdict: Verdict;
  readonly why: string;
  readonly text: string;
}

/** The corpus files of `dir` (BUILDSPEC_CORPUS's folder, which only tests guarded by it are given). */
export function corpus(dir: string): CorpusFile[] {
  const rows = readFileSync(resolve(dir, 'EXPECTED.tsv'), 'utf8').trim().split('\n').slice(1);
  return rows.map((row) => {
    const [name = '', verdict = '', why = ''] = row.split('\t');
    return { name, verdict: verdict as Verdict, why, text: readFileSync(resolve(dir, name), 'utf8') };
  });
}

/** Findings as `line:col: severity: path: message` lines (without the file name), for readable assertions. */
export function lines(text: string): string[] {
  return parseBuildspec(text, 'f.yml').findings.map((f) => formatFinding(f).replace(/^f\.yml:/, ''));
}

export function errors(text: string): Finding[] {
  return parseBuildspec(text, 'f.yml').findings.filter((f) => f.severity === 'error');
}

export function warnings(text: string): Finding[] {
  return parseBuildspec(text, 'f.yml').findings.filter((f) => f.severity === 'warning');
}

/** The model of a file that must have no errors (fails the test with the findings otherwise). */
export function model(text: string): Buildspec {
  const result = parseBuildspec(text, 'f.yml');
  if (!result.buildspec)
    throw new Error(`expected a model; findings:\n${result.findings.map(formatFinding).join('\n')}`);
  return result.buildspec;
}

/** A 0.2 buildspec with one build command plus `extra` top-level YAML. */
export function spec(extra: string, build = '      - echo hi\n'): string {
  return `version: 0.2\nphases:\n  build:\n    commands:\n${build}${extra}`;
}
