/** The mirror's plan and result as log lines and as a job summary (Markdown, every name escaped). */
import type { LfsFinding } from './lfs.js';
import { countPlan, type Plan, type PlanEntry } from './plan.js';

/** Lines of the plan for a log: one per change, with the old and new objects. */
export function planLines(plan: Plan, limit = 500): string[] {
  const counts = countPlan(plan.entries);
  const lines = [
    `Plan: ${counts.create} to create, ${counts.update} to update, ${counts.rewind} to rewind, ` +
      `${counts.delete} to delete, ${counts.unchanged} unchanged`,
  ];
  const changed = plan.entries.filter((e) => e.action !== 'unchanged');
  for (const e of changed.slice(0, limit)) lines.push(`  ${e.action.padEnd(7)} ${e.name}  ${objects(e)}`);
  if (changed.length > limit) lines.push(`  … and ${changed.length - limit} more`);
  if (plan.kept.length > 0) lines.push(`Kept on CodeCommit (not on the source; prune is off): ${list(plan.kept)}`);
  if (plan.protected.length > 0) lines.push(`Kept on CodeCommit (protected from prune): ${list(plan.protected)}`);
  return lines;
}

function objects(e: PlanEntry): string {
  switch (e.action) {
    case 'create':
      return `→ ${e.new}`;
    case 'update':
      return `${e.old} → ${e.new}`;
    case 'rewind':
      return `${e.old} → ${e.new} (not a fast-forward)`;
    case 'delete':
      return `(was ${e.old})`;
    default:
      return `${e.new}`;
  }
}

function list(names: readonly string[], limit = 20): string {
  return names.slice(0, limit).join(', ') + (names.length > limit ? `, … (${names.length - limit} more)` : '');
}

export function lfsLines(findings: readonly LfsFinding[]): string[] {
  return findings.map((f) => {
    const where = f.refs.length > 1 ? `${f.refs[0]} (and ${f.refs.length - 1} more refs)` : `${f.refs[0]}`;
    const what =
      f.pointers < 0
        ? 'the pointer files, not the LFS objects'
        : `the ${f.pointers} pointer file${f.pointers === 1 ? '' : 's'}, not the ${formatBytes(f.bytes)} of LFS objects ` +
          `${f.pointers === 1 ? 'it stands' : 'they stand'} for`;
    return `Git LFS: ${where} routes ${f.patterns.join(' ')} through Git LFS; CodeCommit gets ${what} (it has no LFS storage)`;
  });
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = n / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

export interface SummaryInput {
  readonly repository: string;
  readonly region: string;
  readonly repositoryUrl: string;
  readonly plan: Plan;
  readonly dryRun: boolean;
  readonly created: boolean;
  readonly pushed: readonly PlanEntry[];
  readonly failed: ReadonlyArray<{ entry: PlanEntry; reason: string }>;
  readonly notAttempted: readonly PlanEntry[];
  readonly lfs: readonly LfsFinding[];
  readonly error?: string;
}

/** The job summary: counts, the changes (rewinds with both SHAs), LFS, and on failure what was and was not pushed. */
export function summaryMarkdown(s: SummaryInput, limit = 100): string {
  const counts = countPlan(s.plan.entries);
  const out: string[] = [];
  const status = s.error ? '❌ failed' : s.dryRun ? '📝 dry run (nothing pushed)' : '✅ mirrored';
  out.push(`## Mirror to CodeCommit: ${code(s.repository)} (${code(s.region)}) ${status}`, '');
  if (s.created)
    out.push(s.dryRun ? 'The repository is missing and would be created.' : 'The repository was created.', '');
  out.push(
    '| create | update | rewind | delete | unchanged |',
    '| ---: | ---: | ---: | ---: | ---: |',
    `| ${counts.create} | ${counts.update} | ${counts.rewind} | ${counts.delete} | ${counts.unchanged} |`,
    '',
  );
  const changed = s.plan.entries.filter((e) => e.action !== 'unchanged');
  if (changed.length > 0) {
    out.push('| ref | action | CodeCommit before | source |', '| --- | --- | --- | --- |');
    for (const e of changed.slice(0, limit)) {
      out.push(`| ${code(e.name)} | ${e.action} | ${sha(e.old, e.action)} | ${sha(e.new, e.action)} |`);
    }
    if (changed.length > limit) out.push(`| … ${changed.length - limit} more | | | |`);
    out.push('');
  }
  if (s.plan.kept.length > 0) out.push(`Kept (prune is off): ${s.plan.kept.slice(0, 50).map(code).join(', ')}`, '');
  if (s.plan.protected.length > 0)
    out.push(`Protected from prune: ${s.plan.protected.slice(0, 50).map(code).join(', ')}`, '');
  for (const line of lfsLines(s.lfs)) out.push(`> [!WARNING]`, `> ${html(line)}`, '');
  if (s.error) {
    out.push(`**Error:** ${html(s.error)}`, '');
    out.push(`Pushed before the failure: ${s.pushed.length}.`);
    if (s.failed.length > 0) {
      out.push('', '| rejected ref | reason |', '| --- | --- |');
      for (const f of s.failed.slice(0, limit)) out.push(`| ${code(f.entry.name)} | ${html(f.reason)} |`);
    }
    if (s.notAttempted.length > 0) {
      out.push(
        '',
        `Not pushed: ${s.notAttempted
          .slice(0, limit)
          .map((e) => code(e.name))
          .join(', ')}`,
      );
    }
    out.push('');
  }
  out.push(`Repository: ${code(s.repositoryUrl)}`, '');
  return out.join('\n');
}

function sha(value: string | undefined, action: string): string {
  if (value === undefined) return '';
  return action === 'rewind' ? code(value) : code(value.slice(0, 12));
}

/** Text safe in Markdown and HTML: everything but letters, digits, space and `/.,:-` becomes a character reference. */
export function html(text: string): string {
  return text.replace(/[^A-Za-z0-9 /.,:-]/gu, (c) => `&#${c.codePointAt(0)};`);
}

function code(text: string): string {
  return `<code>${html(text)}</code>`;
}
