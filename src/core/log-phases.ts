/**
 * Phases of a CodeBuild log, from its marked lines: where each phase's section starts and ends. A phase opens at its
 * first line (`Entering phase BUILD`, or `Phase complete` when the opening line was missed) and closes after its
 * context line (`Phase context status code: … Message: …`). UPLOAD_ARTIFACTS has no opening line in CodeBuild's log:
 * its lines are the ones after POST_BUILD. Both reporters group by it: the job log with `::group::`, a terminal with
 * a header and a closing line.
 */
import type { LogLine } from './reporter.js';

export type PhaseStep =
  | { readonly kind: 'open'; readonly phase: string; readonly time?: number }
  | {
      readonly kind: 'close';
      readonly phase: string;
      /** Its final state, when the log said it (a section cut short by the log's end has none). */
      readonly status?: string;
      readonly time?: number;
      readonly context?: { readonly statusCode: string; readonly message: string };
    };

export class LogPhases {
  private open: string | undefined;
  private openedAt: number | undefined;
  /** The open phase has completed; the section closes after its context line. */
  private completing:
    { status: string; time?: number; context?: { readonly statusCode: string; readonly message: string } } | undefined;
  private lastCompleted: string | undefined;
  private lastTime: number | undefined;

  /**
   * What this line does to the sections: `before` happens before it is shown, `after` after it. Lines of a batch
   * child (with a source) are never grouped.
   */
  step(line: LogLine): { readonly before: PhaseStep[]; readonly after: PhaseStep[] } {
    const before: PhaseStep[] = [];
    const after: PhaseStep[] = [];
    if (line.source !== undefined) return { before, after };
    const mark = line.mark;
    if (mark?.kind === 'log-end') {
      this.close(before);
      this.lastCompleted = undefined;
    } else if (mark?.kind === 'phase-start') {
      this.close(before);
      this.start(mark.phase, mark.time, before);
    } else if (mark?.kind === 'phase-complete') {
      if (this.open !== mark.phase) {
        this.close(before);
        this.start(mark.phase, this.lastTime, before);
      }
      this.completing = { status: mark.status, ...(mark.time !== undefined ? { time: mark.time } : {}) };
      this.lastCompleted = mark.phase;
    } else if (mark?.kind === 'phase-context' && this.completing !== undefined) {
      this.completing.context = { statusCode: mark.statusCode, message: mark.message };
      this.close(after);
    } else {
      if (this.completing !== undefined) this.close(before);
      if (this.open === undefined && this.lastCompleted === 'POST_BUILD') {
        this.start('UPLOAD_ARTIFACTS', this.lastTime, before);
      }
    }
    if (mark !== undefined && 'time' in mark && mark.time !== undefined) this.lastTime = mark.time;
    return { before, after };
  }

  /** Closes a section left open (the log ended). */
  end(): PhaseStep[] {
    const steps: PhaseStep[] = [];
    this.close(steps);
    return steps;
  }

  /** The phase whose section is open. */
  get current(): string | undefined {
    return this.open;
  }

  /** When the open phase started (its opening line's time), when known. */
  get startedAt(): number | undefined {
    return this.openedAt;
  }

  private start(phase: string, time: number | undefined, steps: PhaseStep[]): void {
    this.open = phase;
    this.openedAt = time;
    this.completing = undefined;
    steps.push({ kind: 'open', phase, ...(time !== undefined ? { time } : {}) });
  }

  private close(steps: PhaseStep[]): void {
    if (this.open === undefined) return;
    const done = this.completing;
    steps.push({
      kind: 'close',
      phase: this.open,
      ...(done !== undefined ? { status: done.status } : {}),
      ...(done?.time !== undefined ? { time: done.time } : {}),
      ...(done?.context !== undefined ? { context: done.context } : {}),
    });
    this.open = undefined;
    this.openedAt = undefined;
    this.completing = undefined;
  }
}
