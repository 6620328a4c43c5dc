import type { Finding, Position, Severity } from './types.js';

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
