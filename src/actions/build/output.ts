import type { BuildOutput } from '../../codebuild/context.js';
import { PhaseGrouper } from '../../codebuild/phases.js';
import type { Logger } from '../../codebuild/types.js';
import type { WorkflowLog } from '../../common/workflow-log.js';

/**
 * The build's text in the job log: a single build's lines grouped by phase, a batch's lines prefixed with the child's
 * identifier (children run at once, so their phases cannot be groups), all of it safe from forged commands.
 */
export function actionOutput(log: WorkflowLog): BuildOutput {
  const grouper = new PhaseGrouper(log);
  return {
    line(text, child) {
      if (child === undefined) grouper.line(text);
      else log.line(`[${child}] ${text}`);
    },
    status(text) {
      log.status(text);
    },
    logEnd() {
      grouper.end();
      log.resume();
    },
  };
}

/** The build code's messages as workflow commands (warnings are annotations, debug shows with step debugging). */
export function actionLogger(log: WorkflowLog): Logger {
  return {
    info: (message) => log.info(message),
    warning: (message) => log.warning(message),
    debug: (message) => log.debug(message),
  };
}
