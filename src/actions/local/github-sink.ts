import { randomBytes } from 'node:crypto';
import { escapeData, escapeProperty } from '../../common/workflow-commands.js';
import { CodeBuildLogSink, type TextOutput } from '../../runner/log.js';
import type { LoggedPhase, PhaseContext, RunEvent, RunSink } from '../../runner/types.js';

const TAIL_LINES = 20;

/**
 * Renders a local build in a GitHub Actions job log: CodeBuild's container log, one `::group::` per phase, and an
 * error annotation for a failed phase carrying its context and the last lines of output.
 *
 * Commands print whatever they like, including text that looks like a workflow command (`::add-mask::`,
 * `::error::`, `::set-env`…). Build output is therefore always written between `::stop-commands::<token>` and
 * `::<token>::` with a fresh random token, so the runner reads it as plain text.
 */
export class GitHubActionsSink implements RunSink {
  private readonly text: CodeBuildLogSink;
  private readonly token = randomBytes(16).toString('hex');
  private stopped = false;
  private atLineStart = true;
  private groupOpen = false;
  private readonly tail: string[] = [];
  private partial = '';

  constructor(
    private readonly out: TextOutput,
    private readonly options: { buildspecFile?: string } = {},
  ) {
    // The text renderer writes through us so we always know whether we are at the start of a line.
    this.text = new CodeBuildLogSink({
      write: (chunk) => this.write(chunk),
      once: (event, listener) => out.once(event, listener),
    });
  }

  emit(event: RunEvent): void {
    switch (event.type) {
      case 'phase-start':
        this.command(`::group::${escapeData(event.phase)}`);
        this.groupOpen = true;
        this.text.emit(event);
        return;
      case 'phase-end':
        this.text.emit(event);
        this.closeGroup();
        if (event.status !== 'SUCCEEDED') this.annotateFailure(event.phase, event.status, event.context);
        return;
      case 'output':
        this.remember(event.data);
        if (!this.stopped) {
          this.command(`::stop-commands::${this.token}`);
          this.stopped = true;
        }
        this.text.emit(event);
        return;
      case 'build-end':
        this.text.emit(event);
        this.closeGroup();
        this.resume();
        return;
      default:
        this.text.emit(event);
    }
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
    const file = this.options.buildspecFile ? `file=${escapeProperty(this.options.buildspecFile)},` : '';
    this.command(`::error ${file}title=${escapeProperty(`${phase} ${status}`)}::${escapeData(body.join('\n'))}`);
  }

  private closeGroup(): void {
    if (!this.groupOpen) return;
    this.command('::endgroup::');
    this.groupOpen = false;
  }

  private resume(): void {
    if (!this.stopped) return;
    this.lineStart();
    this.write(`::${this.token}::\n`);
    this.stopped = false;
  }

  /** Writes a workflow command on a line of its own, outside any stop-commands section. */
  private command(line: string): void {
    if (!line.startsWith('::stop-commands::')) this.resume();
    this.lineStart();
    this.write(line + '\n');
  }

  private lineStart(): void {
    if (!this.atLineStart) this.write('\n');
  }

  private write(chunk: string | Uint8Array): boolean {
    if (chunk.length > 0) {
      const last = typeof chunk === 'string' ? chunk.charCodeAt(chunk.length - 1) : chunk[chunk.length - 1];
      this.atLineStart = last === 0x0a;
    }
    return this.out.write(chunk);
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
