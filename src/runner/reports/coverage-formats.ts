/**
 * Code coverage formats CodeBuild reads → line (and branch) counts. Each parser prefers the totals the tool wrote
 * at the top of its report and falls back to adding up the per-file data.
 */
import type { CoverageReportFormat } from '../../buildspec/types.js';
import { errorMessage } from '../glob.js';
import { ReportFormatError, type CoverageCounts } from './types.js';
import { child, childrenNamed, parseXml, visit, type XmlElement } from './xml.js';

export type CoverageParser = (text: string) => CoverageCounts;

export const COVERAGE_PARSERS: Readonly<Record<CoverageReportFormat, CoverageParser>> = {
  COBERTURAXML: parseCobertura,
  JACOCOXML: parseJaCoCo,
  CLOVERXML: parseClover,
  SIMPLECOV: parseSimpleCov,
};

function int(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? Math.round(n) : undefined;
}

function withBranches(
  linesCovered: number,
  linesValid: number,
  branchesCovered?: number,
  branchesValid?: number,
): CoverageCounts {
  const counts = { linesCovered, linesMissed: Math.max(0, linesValid - linesCovered) };
  if (branchesCovered === undefined || branchesValid === undefined || branchesValid === 0) return counts;
  return { ...counts, branchesCovered, branchesMissed: Math.max(0, branchesValid - branchesCovered) };
}

// ---------------------------------------------------------------------------------------------------------------
// Cobertura: <coverage lines-covered lines-valid branches-covered branches-valid> <packages><package><classes>
// <class filename><lines><line number hits branch condition-coverage="50% (1/2)"/>

export function parseCobertura(text: string): CoverageCounts {
  const root = parseXml(text);
  if (root.name !== 'coverage') {
    throw new ReportFormatError(`expected element type <coverage> but have <${root.name}> (not Cobertura XML)`);
  }
  if (child(root, 'project') !== undefined) {
    throw new ReportFormatError('<coverage> holds a <project>: a Clover report, not Cobertura XML');
  }
  const linesCovered = int(root.attrs['lines-covered']);
  const linesValid = int(root.attrs['lines-valid']);
  const branchesCovered = int(root.attrs['branches-covered']);
  const branchesValid = int(root.attrs['branches-valid']);
  if (linesCovered !== undefined && linesValid !== undefined) {
    return withBranches(linesCovered, linesValid, branchesCovered, branchesValid);
  }
  // Older writers: add up class lines; a line listed twice (class and method level) counts once.
  const lines = new Map<string, { hits: number; covered: number; valid: number }>();
  visit(root, (el, ancestors) => {
    if (el.name !== 'line') return;
    const cls = [...ancestors].reverse().find((a) => a.name === 'class');
    const key = `${cls?.attrs.filename ?? cls?.attrs.name ?? ''}:${el.attrs.number ?? ''}`;
    const hits = int(el.attrs.hits) ?? 0;
    const cond = /\((\d+)\/(\d+)\)/.exec(el.attrs['condition-coverage'] ?? '');
    const prev = lines.get(key);
    const covered = cond ? Number(cond[1]) : 0;
    const valid = cond ? Number(cond[2]) : 0;
    lines.set(key, {
      hits: Math.max(prev?.hits ?? 0, hits),
      covered: Math.max(prev?.covered ?? 0, covered),
      valid: Math.max(prev?.valid ?? 0, valid),
    });
  });
  let covered = 0;
  let bCovered = 0;
  let bValid = 0;
  for (const l of lines.values()) {
    if (l.hits > 0) covered++;
    bCovered += l.covered;
    bValid += l.valid;
  }
  return withBranches(covered, lines.size, bCovered, bValid);
}

// ---------------------------------------------------------------------------------------------------------------
// JaCoCo: <report> … <counter type="LINE" missed covered/> <counter type="BRANCH" …/> as direct children.

export function parseJaCoCo(text: string): CoverageCounts {
  const root = parseXml(text);
  if (root.name !== 'report')
    throw new ReportFormatError(`expected element type <report> but have <${root.name}> (not JaCoCo XML)`);
  const totals = (elements: readonly XmlElement[], type: string): { missed: number; covered: number } | undefined => {
    let found = false;
    let missed = 0;
    let covered = 0;
    for (const el of elements) {
      for (const counter of childrenNamed(el, 'counter')) {
        if (counter.attrs.type !== type) continue;
        found = true;
        missed += int(counter.attrs.missed) ?? 0;
        covered += int(counter.attrs.covered) ?? 0;
      }
    }
    return found ? { missed, covered } : undefined;
  };
  // Report-level counters; else the packages' (a report of groups has them per group).
  let scope: XmlElement[] = [root];
  if (totals(scope, 'LINE') === undefined) {
    scope = [];
    visit(root, (el) => {
      if (el.name === 'package') scope.push(el);
    });
  }
  const line = totals(scope, 'LINE');
  if (line === undefined) throw new ReportFormatError('JaCoCo report without LINE counters');
  const branch = totals(scope, 'BRANCH');
  return withBranches(
    line.covered,
    line.covered + line.missed,
    branch?.covered,
    branch ? branch.covered + branch.missed : undefined,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Clover: <coverage><project><metrics statements coveredstatements conditionals coveredconditionals …/>
// Lines are Clover's statements, branches its conditionals.

export function parseClover(text: string): CoverageCounts {
  const root = parseXml(text);
  const project = root.name === 'coverage' ? child(root, 'project') : undefined;
  if (root.name !== 'coverage') {
    throw new ReportFormatError(`expected element type <coverage> but have <${root.name}> (not Clover XML)`);
  }
  if (project === undefined) {
    throw new ReportFormatError('<coverage> has no <project>: not Clover XML (a Cobertura report?)');
  }
  const metrics = child(project, 'metrics');
  const statements = int(metrics?.attrs.statements);
  const coveredStatements = int(metrics?.attrs.coveredstatements);
  if (statements !== undefined && coveredStatements !== undefined) {
    return withBranches(
      coveredStatements,
      statements,
      int(metrics?.attrs.coveredconditionals),
      int(metrics?.attrs.conditionals),
    );
  }
  // No project totals: add up the files' metrics.
  let s = 0;
  let cs = 0;
  let c = 0;
  let cc = 0;
  visit(project, (el, ancestors) => {
    if (el.name !== 'metrics' || ancestors[ancestors.length - 1]?.name !== 'file') return;
    s += int(el.attrs.statements) ?? 0;
    cs += int(el.attrs.coveredstatements) ?? 0;
    c += int(el.attrs.conditionals) ?? 0;
    cc += int(el.attrs.coveredconditionals) ?? 0;
  });
  return withBranches(cs, s, cc, c);
}

// ---------------------------------------------------------------------------------------------------------------
// SimpleCov: `.resultset.json` ({ "RSpec": { "coverage": { "/app/x.rb": { "lines": [null, 1, 0] } } } }, older
// files have the array directly) or the JSON formatter's `coverage.json` ({ "meta": …, "coverage": { … } }).
// Several result sets (test suites) are merged: a line is covered when any of them covered it.

type LineHits = (number | null)[];

export function parseSimpleCov(text: string): CoverageCounts {
  let doc: unknown;
  try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new ReportFormatError(`not valid JSON: ${errorMessage(error)}`);
  }
  const top = record(doc);
  if (top === undefined) throw new ReportFormatError('not a SimpleCov report: expected a JSON object');
  if (Array.isArray(top.files) && top.metrics !== undefined) {
    throw new ReportFormatError(
      'this is simplecov-json output; CodeBuild reads SimpleCov .resultset.json (or coverage.json)',
    );
  }
  const coverages: Record<string, unknown>[] = [];
  const direct = record(top.coverage);
  if (direct !== undefined) coverages.push(direct);
  else {
    for (const value of Object.values(top)) {
      const cov = record(record(value)?.coverage);
      if (cov !== undefined) coverages.push(cov);
    }
  }
  if (coverages.length === 0) throw new ReportFormatError('not a SimpleCov report: no "coverage" object');

  const lines = new Map<string, LineHits>();
  const branches = new Map<string, number>();
  for (const coverage of coverages) {
    for (const [file, value] of Object.entries(coverage)) {
      const entry = record(value);
      const hits = toLineHits(Array.isArray(value) ? value : entry?.lines);
      const merged = lines.get(file) ?? [];
      hits.forEach((h, i) => {
        if (h === null) return;
        merged[i] = Math.max(merged[i] ?? 0, h);
      });
      lines.set(file, merged);
      collectBranches(file, entry?.branches, branches);
    }
  }
  let covered = 0;
  let valid = 0;
  for (const hits of lines.values()) {
    for (const h of hits) {
      if (h === null || h === undefined) continue;
      valid++;
      if (h > 0) covered++;
    }
  }
  let bCovered = 0;
  for (const h of branches.values()) if (h > 0) bCovered++;
  return withBranches(
    covered,
    valid,
    branches.size > 0 ? bCovered : undefined,
    branches.size > 0 ? branches.size : undefined,
  );
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** Line entries: a count, null (not code) or "ignored" (nocov: not counted). */
function toLineHits(value: unknown): LineHits {
  if (!Array.isArray(value)) return [];
  return value.map((v) => (typeof v === 'number' && Number.isFinite(v) ? v : null));
}

/**
 * Branch hits keyed per file: `.resultset.json` nests `{ "[:if, 0, 3, 4, 3, 20]": { "[:then, 1, …]": 2 } }`;
 * the JSON formatter lists `[{ "type": "then", "start_line": 3, "coverage": 2 }]`.
 */
function collectBranches(file: string, value: unknown, out: Map<string, number>): void {
  const merge = (key: string, hits: unknown): void => {
    if (typeof hits !== 'number') return; // "ignored"
    out.set(key, Math.max(out.get(key) ?? 0, hits));
  };
  if (Array.isArray(value)) {
    value.forEach((b, i) => {
      const branch = record(b);
      if (!branch) return;
      const key = `${file}|${String(branch.type)}|${String(branch.start_line)}|${String(branch.end_line)}|${i}`;
      merge(key, branch.coverage);
    });
    return;
  }
  const conditions = record(value);
  if (!conditions) return;
  for (const [condition, arms] of Object.entries(conditions)) {
    for (const [arm, hits] of Object.entries(record(arms) ?? {})) merge(`${file}|${condition}|${arm}`, hits);
  }
}
