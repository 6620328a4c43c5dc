/**
 * Per source file coverage, for DescribeCodeCoverages: CodeBuild lists one CodeCoverage entry per file a coverage
 * report names. The runner (src/runner/reports) reads the report's totals only; this reads the same four formats
 * file by file with the runner's XML reader. A file without branch data has no branch fields.
 */
import type { CoverageReportFormat } from '../../../../src/buildspec/types.js';
import { childrenNamed, parseXml, visit } from '../../../../src/runner/reports/xml.js';

export interface FileCoverage {
  filePath: string;
  linesCovered: number;
  linesMissed: number;
  branchesCovered?: number;
  branchesMissed?: number;
}

const int = (value: string | undefined): number => {
  const n = Number(value ?? '');
  return Number.isFinite(n) && n > 0 ? Math.round(n) : 0;
};

/** Adds counts per path, keeping the order in which paths first appear. */
class Tally {
  private readonly byPath = new Map<string, FileCoverage>();

  add(filePath: string, lines: [number, number], branches?: [number, number]): void {
    const entry = this.byPath.get(filePath) ?? { filePath, linesCovered: 0, linesMissed: 0 };
    entry.linesCovered += lines[0];
    entry.linesMissed += lines[1];
    if (branches && branches[0] + branches[1] > 0) {
      entry.branchesCovered = (entry.branchesCovered ?? 0) + branches[0];
      entry.branchesMissed = (entry.branchesMissed ?? 0) + branches[1];
    }
    this.byPath.set(filePath, entry);
  }

  get files(): FileCoverage[] {
    return [...this.byPath.values()];
  }
}

/** Cobertura: `<class filename>` with `<line number hits condition-coverage="50% (1/2)">`; a line counts once. */
function cobertura(text: string): FileCoverage[] {
  const lines = new Map<string, Map<string, { hit: boolean; covered: number; valid: number }>>();
  visit(parseXml(text), (el, ancestors) => {
    if (el.name !== 'line') return;
    const cls = [...ancestors].reverse().find((a) => a.name === 'class');
    const file = cls?.attrs.filename ?? cls?.attrs.name;
    if (file === undefined) return;
    const perFile = lines.get(file) ?? new Map<string, { hit: boolean; covered: number; valid: number }>();
    lines.set(file, perFile);
    const cond = /\((\d+)\/(\d+)\)/.exec(el.attrs['condition-coverage'] ?? '');
    const prev = perFile.get(el.attrs.number ?? '');
    perFile.set(el.attrs.number ?? '', {
      hit: (prev?.hit ?? false) || int(el.attrs.hits) > 0,
      covered: Math.max(prev?.covered ?? 0, cond ? Number(cond[1]) : 0),
      valid: Math.max(prev?.valid ?? 0, cond ? Number(cond[2]) : 0),
    });
  });
  const tally = new Tally();
  for (const [file, perLine] of lines) {
    const all = [...perLine.values()];
    const hit = all.filter((l) => l.hit).length;
    const bCovered = all.reduce((n, l) => n + l.covered, 0);
    const bValid = all.reduce((n, l) => n + l.valid, 0);
    tally.add(file, [hit, all.length - hit], [bCovered, bValid - bCovered]);
  }
  return tally.files;
}

/** Clover: `<file path|name><metrics statements coveredstatements conditionals coveredconditionals/>`. */
function clover(text: string): FileCoverage[] {
  const tally = new Tally();
  visit(parseXml(text), (el) => {
    if (el.name !== 'file') return;
    const metrics = childrenNamed(el, 'metrics')[0];
    if (metrics === undefined) return;
    const statements = int(metrics.attrs.statements);
    const coveredStatements = int(metrics.attrs.coveredstatements);
    const conditionals = int(metrics.attrs.conditionals);
    const coveredConditionals = int(metrics.attrs.coveredconditionals);
    tally.add(
      el.attrs.path ?? el.attrs.name ?? '',
      [coveredStatements, Math.max(0, statements - coveredStatements)],
      [coveredConditionals, Math.max(0, conditionals - coveredConditionals)],
    );
  });
  return tally.files;
}

/** JaCoCo: `<package name><sourcefile name><counter type="LINE|BRANCH" missed covered/>`. */
function jacoco(text: string): FileCoverage[] {
  const tally = new Tally();
  visit(parseXml(text), (el, ancestors) => {
    if (el.name !== 'sourcefile') return;
    const pkg = [...ancestors].reverse().find((a) => a.name === 'package')?.attrs.name;
    const counter = (type: string): [number, number] => {
      const c = childrenNamed(el, 'counter').find((x) => x.attrs.type === type);
      return [int(c?.attrs.covered), int(c?.attrs.missed)];
    };
    const name = el.attrs.name ?? '';
    tally.add(pkg ? `${pkg}/${name}` : name, counter('LINE'), counter('BRANCH'));
  });
  return tally.files;
}

/** SimpleCov `.resultset.json` / `coverage.json`: `{ coverage: { "/app/x.rb": { lines: [null, 1, 0] } } }`. */
function simplecov(text: string): FileCoverage[] {
  const doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as Record<string, unknown>;
  const asRecord = (v: unknown): Record<string, unknown> | undefined =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  const coverages = asRecord(doc.coverage)
    ? [asRecord(doc.coverage)]
    : Object.values(doc).map((v) => asRecord(asRecord(v)?.coverage));
  const merged = new Map<string, number[]>();
  for (const coverage of coverages) {
    for (const [file, value] of Object.entries(coverage ?? {})) {
      const hits: unknown = Array.isArray(value) ? value : asRecord(value)?.lines;
      const into = merged.get(file) ?? [];
      if (Array.isArray(hits)) {
        hits.forEach((h, i) => {
          if (typeof h === 'number') into[i] = Math.max(into[i] ?? 0, h);
        });
      }
      merged.set(file, into);
    }
  }
  const tally = new Tally();
  for (const [file, hits] of merged) {
    const counted = hits.filter((h) => h !== undefined);
    const covered = counted.filter((h) => h > 0).length;
    tally.add(file, [covered, counted.length - covered]);
  }
  return tally.files;
}

export const FILE_COVERAGE_READERS: Readonly<Record<CoverageReportFormat, (text: string) => FileCoverage[]>> = {
  COBERTURAXML: cobertura,
  CLOVERXML: clover,
  JACOCOXML: jacoco,
  SIMPLECOV: simplecov,
};
