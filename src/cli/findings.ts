import { formatFinding } from '../core/findings.js';
import type { Finding } from '../buildspec/types.js';
import { escapeData, escapeProperty } from '../core/workflow-commands.js';

export const FINDINGS_FORMATS = ['text', 'json', 'github'] as const;
export type FindingsFormat = (typeof FINDINGS_FORMATS)[number];

const RED = '\u001b[31m';
const YELLOW = '\u001b[33m';
const DIM = '\u001b[2m';
const RESET = '\u001b[0m';

/** `file:line:col: error: path: message`, the form compilers use, so editors and terminals link it. */
export function findingLine(f: Finding, colour = false): string {
  if (!colour) return formatFinding(f);
  const where = `${f.file}:${f.line}:${f.col}`;
  const severity = `${f.severity === 'error' ? RED : YELLOW}${f.severity}${RESET}`;
  const path = f.path ? `${f.path}: ` : '';
  return `${DIM}${where}${RESET}: ${severity}: ${path}${f.message}`;
}

/** A GitHub workflow command that shows the finding as an annotation on the file's line. */
export function findingAnnotation(f: Finding): string {
  const props = [
    `file=${escapeProperty(f.file)}`,
    `line=${f.line}`,
    `col=${f.col}`,
    `title=${escapeProperty(f.path || f.file)}`,
  ];
  return `::${f.severity} ${props.join(',')}::${escapeData(f.message)}`;
}

/** How many findings the text and github formats print; json prints them all. */
export const SHOWN_FINDINGS = 1000;

export function formatFindings(
  findings: readonly Finding[],
  format: FindingsFormat,
  options: { colour?: boolean; files?: readonly string[]; shown?: number } = {},
): string {
  if (format === 'json') return JSON.stringify(findings, null, 2) + '\n';
  const limit = options.shown ?? SHOWN_FINDINGS;
  const shown = findings.length > limit ? findings.slice(0, limit) : findings;
  const lines =
    format === 'github' ? shown.map((f) => findingAnnotation(f)) : shown.map((f) => findingLine(f, options.colour));
  if (shown.length < findings.length) lines.push(notShown(findings.slice(shown.length)));
  if (format === 'text') {
    const errors = count(findings, 'error');
    const checked = options.files?.length ?? 0;
    const files = checked === 1 ? '1 file' : `${checked} files`;
    lines.push(`${files} checked: ${plural(errors, 'error')}, ${plural(findings.length - errors, 'warning')}`);
  }
  return lines.map((line) => line + '\n').join('');
}

/** `… and 129,000 more errors and 12 more warnings not shown (--format json prints them all)`. */
function notShown(rest: readonly Finding[]): string {
  const errors = count(rest, 'error');
  const parts = [
    ...(errors > 0 ? [`${plural(errors, 'more error')}`] : []),
    ...(rest.length > errors ? [`${plural(rest.length - errors, 'more warning')}`] : []),
  ];
  return `… and ${parts.join(' and ')} not shown (--format json prints them all)`;
}

function count(findings: readonly Finding[], severity: Finding['severity']): number {
  let n = 0;
  for (const f of findings) if (f.severity === severity) n++;
  return n;
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}
