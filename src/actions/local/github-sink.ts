import { WorkflowLog } from '../../common/workflow-log.js';
import { CodeBuildLogSink, type TextOutput } from '../../runner/log.js';
import type { LoggedPhase, PhaseContext, RunEvent, RunSink } from '../../runner/types.js';

const TAIL_LINES = 20;

/**
 * Renders a local build in a GitHub Actions job log: CodeBuild's container log, one `::group::` per phase, and an
 * error annotation for a failed phase carrying its context and the last lines of output. Everything the build
 * prints goes through WorkflowLog, fenced with `::stop-commands::`, so a command can never forge a workflow command.
 */
export class GitHubActionsSink implements RunSink {
  private readonly log: WorkflowLog;
  private readonly text: CodeBuildLogSink;
  private readonly tail: string[] = [];
  private partial = '';

  constructor(
    out: TextOutput,
    private readonly options: { buildspecFile?: string } = {},
  ) {
    this.log = new WorkflowLog(out);
    this.text = new CodeBuildLogSink({ write: (chunk) => this.log.raw(chunk), once: (e, l) => out.once(e, l) });
  }

  emit(event: RunEvent): void {
    switch (event.type) {
      case 'phase-start':
        this.log.openGroup(event.phase);
        this.text.emit(event);
        return;
      case 'phase-end':
        this.text.emit(event);
        this.log.closeGroup();
        if (event.status !== 'SUCCEEDED') this.annotateFailure(event.phase, event.status, event.context);
        return;
      case 'output':
        this.remember(event.data);
        this.text.emit(event);
        return;
      case 'build-end':
        this.text.emit(event);
        this.log.close();
        return;
      default:
        this.text.emit(event);
    }
  }

  /** Registers a secret value with the runner, so it is masked wherever it is printed later. */
  mask(value: string): void {
    this.log.mask(value);
  }

  ready(): Promise<void> | undefined {
    return this.text.ready();
  }

  /** The last lines of command output, for the failure annotation. */
  lastLines(): string[] {
    return this.partial === '' ? [...this.tail] : [...this.tail, this.partial].slice(-TAIL_LINES);
  }

  private annotateFailure(phase: LoggedPhase, status: string, context: PhaseContext): void {
    const reason = [context.statusCode, context.message].filter(Boolean).join(': ');
    const lines = this.lastLines();
    const body = [`Phase ${phase} ${status}${reason ? `: ${reason}` : ''}`];
    if (lines.length > 0) body.push('', `Last ${lines.length} lines of output:`, ...lines);
    this.log.error(body.join('\n'), { title: `${phase} ${status}`, file: this.options.buildspecFile });
  }

  private remember(data: Buffer): void {
    const text = this.partial + data.toString('utf8');
    const lines = text.split('\n');
    this.partial = lines.pop() ?? '';
    if (this.partial.length > 4096) this.partial = this.partial.slice(-4096);
    for (const line of lines.slice(-TAIL_LINES)) {
      this.tail.push(line.length > 4096 ? line.slice(0, 4096) + '…' : line);
      if (this.tail.length > TAIL_LINES) this.tail.shift();
    }
  }
}
