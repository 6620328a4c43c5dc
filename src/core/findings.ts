/** What the two file languages (buildspec, appspec) report: findings at a file's line and column. */

/** 1-based line and column in the source file. */
export interface Position {
  readonly line: number;
  readonly col: number;
}

export type Severity = 'error' | 'warning';

/** One validator finding: `file:line:col: severity: path: message`. */
export interface Finding {
  readonly severity: Severity;
  readonly file: string;
  readonly line: number;
  readonly col: number;
  /** Key path of the offending node, dotted, e.g. `phases.post-build` or `env.variables.FOO`. Empty for the root. */
  readonly path: string;
  readonly message: string;
}

/** `file:line:col: severity: path: message` (the path part is left out for the root). */
export function formatFinding(f: Finding): string {
  return `${f.file}:${f.line}:${f.col}: ${f.severity}: ${f.path ? `${f.path}: ` : ''}${f.message}`;
}

/** Collects findings for one file; `sorted()` orders them by line, column and drops exact repeats. */
export class FindingSink {
  private readonly findings: Finding[] = [];
  private errors = 0;

  constructor(readonly file: string) {}

  add(severity: Severity, pos: Position, path: string, message: string): void {
    if (severity === 'error') this.errors++;
    this.findings.push({ severity, file: this.file, line: pos.line, col: pos.col, path, message });
  }

  error(pos: Position, path: string, message: string): void {
    this.add('error', pos, path, message);
  }

  warning(pos: Position, path: string, message: string): void {
    this.add('warning', pos, path, message);
  }

  get hasErrors(): boolean {
    return this.errors > 0;
  }

  /**
   * Sorted by line, column; exact repeats dropped, and a warning dropped when an error is reported for the same
   * key at the same place (e.g. an unknown `steps` key that is also the reason a phase is invalid).
   */
  sorted(): Finding[] {
    const errorsAt = new Set(
      this.findings.filter((f) => f.severity === 'error').map((f) => `${f.line}:${f.col}:${f.path}`),
    );
    const seen = new Set<string>();
    const unique = this.findings.filter((f) => {
      const id = `${f.line}:${f.col}:${f.severity}:${f.path}:${f.message}`;
      if (seen.has(id) || (f.severity === 'warning' && errorsAt.has(`${f.line}:${f.col}:${f.path}`))) return false;
      seen.add(id);
      return true;
    });
    return unique.sort((a, b) => a.line - b.line || a.col - b.col);
  }
}

/** A finding as a Reporter takes it: the file, line and column, the key path as the title. */
export function findingWhere(f: Finding): { file: string; line: number; col: number; title?: string } {
  return { file: f.file, line: f.line, col: f.col, ...(f.path ? { title: f.path } : {}) };
}

/** Reports findings: errors as errors, warnings as warnings, each on its file's line. */
export function reportFindings(
  findings: readonly Finding[],
  reporter: { error(message: string, where: object): void; warning(message: string, where: object): void },
): void {
  for (const f of findings) {
    if (f.severity === 'error') reporter.error(f.message, findingWhere(f));
    else reporter.warning(f.message, findingWhere(f));
  }
}
