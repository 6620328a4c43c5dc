import { formatFinding } from '../buildspec/findings.js';
import type { Finding } from '../buildspec/types.js';
import { escapeData, escapeProperty } from '../common/workflow-commands.js';

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

export function formatFindings(
  findings: readonly Finding[],
  format: FindingsFormat,
  options: { colour?: boolean; files?: readonly string[] } = {},
): string {
  if (format === 'json') return JSON.stringify(findings, null, 2) + '\n';
  if (format === 'github') return findings.map((f) => findingAnnotation(f) + '\n').join('');
  const lines = findings.map((f) => findingLine(f, options.colour));
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const checked = options.files?.length ?? 0;
  const files = checked === 1 ? '1 file' : `${checked} files`;
  lines.push(`${files} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
  return lines.join('\n') + '\n';
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
