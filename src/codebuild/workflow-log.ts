/**
 * A GitHub Actions job log that build output cannot take over. A build prints whatever it likes, including text
 * that looks like a workflow command (`::add-mask::`, `::error::`, `::set-output`, `::stop-commands::`…); here
 * every line of it is written between `::stop-commands::<token>` and `::<token>::`, with a random token per run, so
 * the runner reads it as plain text. Our own commands (groups, annotations, warnings) are written outside.
 */
import { randomBytes } from 'node:crypto';
import { escapeData, escapeProperty } from '../common/workflow-commands.js';
import type { GroupedOutput } from './phases.js';

export interface TextSink {
  write(chunk: string): unknown;
}

export class WorkflowLog implements GroupedOutput {
  private readonly token: string;
  private stopped = false;
  private grouped = false;

  constructor(
    private readonly out: TextSink,
    token: string = randomBytes(16).toString('hex'),
  ) {
    this.token = token;
  }

  /** A line of build output, shown verbatim and never read as a command. */
  line(text: string): void {
    if (!this.stopped) {
      this.out.write(`::stop-commands::${this.token}\n`);
      this.stopped = true;
    }
    this.out.write(text.replace(/\r?\n$/, '') + '\n');
  }

  /** A line of ours that needs no command (it may land inside a stop-commands section, which is harmless). */
  info(text: string): void {
    this.out.write(text + '\n');
  }

  /** A status line of ours, outside build output (and never a command, even if it starts with `::`). */
  status(text: string): void {
    this.resume();
    this.out.write((text.startsWith('::') ? ' ' : '') + text + '\n');
  }

  /** A workflow command of ours, outside any stop-commands section. */
  command(text: string): void {
    this.resume();
    this.out.write(text + '\n');
  }

  openGroup(title: string): void {
    if (this.grouped) this.closeGroup();
    this.command(`::group::${escapeData(title)}`);
    this.grouped = true;
  }

  closeGroup(): void {
    if (!this.grouped) return;
    this.command('::endgroup::');
    this.grouped = false;
  }

  warning(message: string): void {
    this.command(`::warning::${escapeData(message)}`);
  }

  debug(message: string): void {
    this.command(`::debug::${escapeData(message)}`);
  }

  /** An error annotation, on a file when given. */
  error(message: string, properties: { title?: string; file?: string } = {}): void {
    const props = [
      properties.file !== undefined ? `file=${escapeProperty(properties.file)}` : undefined,
      properties.title !== undefined ? `title=${escapeProperty(properties.title)}` : undefined,
    ].filter((p) => p !== undefined);
    this.command(`::error${props.length > 0 ? ' ' + props.join(',') : ''}::${escapeData(message)}`);
  }

  /** Ends the stop-commands section and any open group, so whatever is written next is read as commands again. */
  resume(): void {
    if (!this.stopped) return;
    this.out.write(`::${this.token}::\n`);
    this.stopped = false;
  }

  close(): void {
    this.closeGroup();
    this.resume();
  }
}
