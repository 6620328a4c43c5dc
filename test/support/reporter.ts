/** A Reporter that records what a use case says, for tests: one transcript, and each kind apart. */
import {
  plainText,
  type LogLine,
  type Problem,
  type Reporter,
  type Table,
  type Where,
} from '../../src/core/reporter.js';

export class RecordingReporter implements Reporter {
  /** Everything in order: our lines as they are, `> ` before foreign lines, `[group …]`, `[end]`, `[warning] …` … */
  readonly events: string[] = [];
  /** info, warning and debug as `info: …` (what the older Logger recorders kept). */
  readonly messages: string[] = [];
  readonly lines: LogLine[] = [];
  readonly errors: Array<{ message: string } & Problem> = [];
  readonly warnings: Array<{ message: string } & Where> = [];
  readonly notices: string[] = [];
  readonly outputs: Record<string, string> = {};
  readonly masks: string[] = [];
  readonly tables: Table[] = [];
  readonly summaries: string[] = [];
  readonly chunks: Buffer[] = [];
  closed = 0;

  info(message: string): void {
    this.events.push(message);
    this.messages.push(`info: ${message}`);
  }

  warning(message: string, where?: Where): void {
    this.events.push(`[warning] ${message}`);
    this.messages.push(`warning: ${message}`);
    this.warnings.push({ message, ...where });
  }

  error(message: string, problem?: Problem): void {
    this.events.push(`[error] ${message}`);
    this.errors.push({ message, ...problem });
  }

  notice(message: string): void {
    this.events.push(`[notice] ${message}`);
    this.notices.push(message);
  }

  debug(message: string): void {
    this.messages.push(`debug: ${message}`);
  }

  mask(secret: string): void {
    this.masks.push(secret);
  }

  group(title: string): void {
    this.events.push(`[group ${title}]`);
  }

  groupEnd(): void {
    this.events.push('[end]');
  }

  line(line: string | LogLine): void {
    const value = typeof line === 'string' ? { text: line } : line;
    this.lines.push(value);
    if (value.text !== undefined) this.events.push(`> ${plainText(value)}`);
  }

  output(chunk: Uint8Array | string): undefined {
    this.chunks.push(Buffer.from(chunk));
    return undefined;
  }

  setOutput(name: string, value: string): void {
    this.outputs[name] = value;
  }

  table(table: Table): void {
    this.tables.push(table);
  }

  async summary(markdown: string): Promise<void> {
    this.summaries.push(markdown);
  }

  close(): void {
    this.closed++;
  }

  /** The foreign lines' text, as shown plain. */
  texts(): string[] {
    return this.lines.filter((l) => l.text !== undefined).map(plainText);
  }

  /** Our lines (info). */
  infos(): string[] {
    return this.messages.filter((m) => m.startsWith('info: ')).map((m) => m.slice('info: '.length));
  }
}
