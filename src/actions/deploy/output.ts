import type { DeployOutput } from '../../deploy/follow.js';
import type { Annotation } from '../../deploy/report.js';
import type { WorkflowLog } from '../../common/workflow-log.js';

/** A followed deployment in the job log: our lines as status lines, CodeDeploy's text fenced. */
export function deployActionOutput(log: WorkflowLog): DeployOutput {
  return {
    status: (text) => log.status(oneLine(text)),
    line: (text) => log.line(text),
  };
}

/** Error annotations, on the file when one is known. */
export function annotate(log: WorkflowLog, notes: readonly Annotation[]): void {
  for (const note of notes) {
    log.error(note.message, { title: note.title, ...(note.file !== undefined ? { file: note.file } : {}) });
  }
}

/**
 * One line: names and ids from AWS end up in status lines, which the runner reads as commands when one starts with
 * `::`; a line break inside could start one.
 */
export function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}
