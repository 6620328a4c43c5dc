/** Pieces of the job summaries' markdown that every report uses. */

/** An icon per status, in CodeBuild's words (SUCCEEDED) and CodeDeploy's and CodePipeline's (Succeeded). */
const ICONS: Readonly<Record<string, string>> = {
  SUCCEEDED: '✅',
  Succeeded: '✅',
  FAILED: '❌',
  FAULT: '❌',
  Failed: '❌',
  TIMED_OUT: '⏱️',
  STOPPED: '⏹️',
  Stopped: '⏹️',
  Stopping: '⏹️',
  Abandoned: '⏹️',
  Cancelled: '⏹️',
  IN_PROGRESS: '⏳',
  InProgress: '⏳',
  Baking: '⏳',
  Pending: '⏸️',
  Skipped: '⏭️',
  Superseded: '⏭️',
  Ready: '🚦',
  NotStarted: '⚪',
};

/** The status's icon, or '' for a status without one. */
export function icon(status: string | undefined): string {
  return ICONS[status ?? ''] ?? '';
}

/** Table cells: no pipes or newlines from data can break the table. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** `## Title: ✅ SUCCEEDED`, single spaces where a part is missing. */
export function heading(title: string, status: string): string {
  return `## ${cell(title)}: ${icon(status)} ${status}`.replace(/ {2,}/g, ' ');
}
