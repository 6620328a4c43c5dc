import type { PipelineOutput } from '../../pipeline/follow.js';
import { escapeData, escapeProperty } from '../../common/workflow-commands.js';
import type { WorkflowLog } from '../../common/workflow-log.js';
import { oneLine } from '../deploy/output.js';

/**
 * A followed execution in the job log: a `::group::` per stage opened while it runs (see src/pipeline/follow.ts for
 * why), its result line after the group, our lines as status lines, and everything that comes from AWS (summaries,
 * build logs, script output) fenced so it cannot forge a workflow command. A waiting manual approval is also a
 * notice annotation, so its URL shows on the run's page.
 */
export function pipelineActionOutput(log: WorkflowLog): PipelineOutput {
  return {
    stageStart: (stage) => log.openGroup(`Stage ${oneLine(stage)}`),
    stageEnd: (_stage, result) => {
      log.closeGroup();
      log.status(oneLine(result));
    },
    status: (text) => log.status(oneLine(text)),
    line: (text) => log.line(text),
    approval: (text) => {
      log.status(oneLine(text));
      log.command(`::notice title=${escapeProperty('Manual approval waiting')}::${escapeData(text)}`);
    },
  };
}
