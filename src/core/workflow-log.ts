/**
 * A GitHub Actions job log that build output cannot take over. A build prints whatever it likes, including text
 * that looks like a workflow command (`::add-mask::`, `::error::`, `::set-output`, `::stop-commands::`…); here
 * every line of it is written between `::stop-commands::<token>` and `::<token>::`, with a random token per run, so
 * the runner reads it as plain text. Our own commands (groups, annotations, warnings) are written outside.
 */
import { randomBytes } from 'node:crypto';
import { escapeData, escapeProperty } from './workflow-commands.js';

export interface TextSink {
  write(chunk: string | Uint8Array): unknown;
}

export class WorkflowLog {
  private readonly token: string;
  private stopped = false;
  private grouped = false;
  private atLineStart = true;

  constructor(
    private readonly out: TextSink,
    token: string = randomBytes(16).toString('hex'),
  ) {
    this.token = token;
  }

  /** A line of build output, shown verbatim and never read as a command. */
  line(text: string): void {
    this.raw(text.replace(/\r?\n$/, '') + '\n');
  }

  /** Build output as it comes (any bytes, partial lines too), never read as a command; the stream's result. */
  raw(chunk: string | Uint8Array): boolean {
    if (!this.stopped) {
      this.startLine();
      this.write(`::stop-commands::${this.token}\n`);
      this.stopped = true;
    }
    return this.write(chunk);
  }

  /**
   * A line of ours that needs no command (it may land inside a stop-commands section, which is harmless). Text that
   * the runner could read as a command (see `inert`) is written inside one.
   */
  info(text: string): void {
    if (!inert(text)) return this.line(text);
    this.startLine();
    this.write(text + '\n');
  }

  /**
   * A status line of ours, outside build output. It often carries names from inputs or from AWS (a key, a message),
   * so text the runner could read as a command is written inside a stop-commands section, as plain text.
   */
  status(text: string): void {
    if (!inert(text)) return this.line(text);
    this.resume();
    this.write(text + '\n');
  }

  /** A workflow command of ours, on a line of its own, outside any stop-commands section. */
  command(text: string): void {
    this.resume();
    this.startLine();
    this.write(text + '\n');
  }

  /**
   * Registers a secret with the runner (`::add-mask::`), outside any stop-commands section: inside one the runner
   * would not read it and would show the value instead. A multi-line value is also registered line by line, since
   * the runner masks line by line what a step prints.
   */
  mask(value: string): void {
    if (value === '') return;
    const lines = value.split(/\r?\n/).filter((line) => line.trim().length >= 4);
    for (const part of new Set([value, ...(lines.length > 1 ? lines : [])])) {
      this.command(`::add-mask::${escapeData(part)}`);
    }
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
    this.startLine();
    this.write(`::${this.token}::\n`);
    this.stopped = false;
  }

  /** Ends a partial line of output, so what follows starts a line (commands are only read at a line start). */
  private startLine(): void {
    if (!this.atLineStart) this.write('\n');
  }

  private write(chunk: string | Uint8Array): boolean {
    if (chunk.length > 0) {
      const last = typeof chunk === 'string' ? chunk.charCodeAt(chunk.length - 1) : chunk[chunk.length - 1];
      this.atLineStart = last === 0x0a;
    }
    return this.out.write(chunk) !== false;
  }

  close(): void {
    this.closeGroup();
    this.resume();
  }
}

/**
 * Whether the runner would read this text as nothing but text: one line, not starting with `::` once leading
 * whitespace is trimmed (the runner trims it), and without the legacy `##[command]` form, which the runner finds
 * anywhere in a line.
 */
export function inert(text: string): boolean {
  return !/[\r\n]/.test(text) && !text.trimStart().startsWith('::') && !text.includes('##[');
}
