/**
 * The CodeBuild-like text log: `[Container] 2026/11/22 10:44:12.417308 Running command …` lines (UTC,
 * microseconds) around the commands' raw output, as CodeBuild's agent writes it to CloudWatch Logs.
 */
import type { LoggedPhase, PhaseContext, RunEvent, RunSink } from './types.js';

/** `YYYY/MM/DD HH:MM:SS.micro` in UTC from epoch milliseconds (with a fraction). */
export function formatTimestamp(ms: number): string {
  const micros = Math.round(ms * 1000);
  const seconds = Math.floor(micros / 1_000_000);
  const fraction = micros - seconds * 1_000_000;
  const d = new Date(seconds * 1000);
  const p2 = (n: number): string => String(n).padStart(2, '0');
  return (
    `${d.getUTCFullYear()}/${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())} ` +
    `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${String(fraction).padStart(6, '0')}`
  );
}

export function containerLine(time: number, text: string): string {
  return `[Container] ${formatTimestamp(time)} ${text}\n`;
}

/** The agent's line for entering a phase; UPLOAD_ARTIFACTS has none in CodeBuild's log. */
export function phaseStartText(phase: LoggedPhase): string | undefined {
  if (phase === 'DOWNLOAD_SOURCE') return 'Phase is DOWNLOAD_SOURCE';
  if (phase === 'UPLOAD_ARTIFACTS') return undefined;
  return `Entering phase ${phase}`;
}

export function phaseCompleteText(phase: string, status: string): string {
  return `Phase complete: ${phase} State: ${status}`;
}

/** `Phase context status code:  Message: ` (two spaces, empty fields) on success. */
export function phaseContextText(context: PhaseContext): string {
  return `Phase context status code: ${context.statusCode} Message: ${context.message}`;
}

export function commandFailedText(command: string, exitCode: number): string {
  return `Command did not exit successfully ${command} exit status ${exitCode}`;
}

/** What a sink writes to: a Node stream or anything with the same write/once. */
export interface TextOutput {
  write(chunk: string | Uint8Array): boolean;
  once(event: 'drain', listener: () => void): unknown;
}

/**
 * Writes raw output and keeps track of whether the last byte was a newline, so agent lines always start on a
 * line of their own; passes the stream's backpressure on.
 */
export class OutputWriter {
  private atLineStart = true;
  private blocked: Promise<void> | undefined;

  constructor(private readonly out: TextOutput) {}

  raw(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.atLineStart = chunk[chunk.length - 1] === 0x0a;
    this.send(chunk);
  }

  line(text: string): void {
    this.endLine();
    this.send(text);
    this.atLineStart = text.endsWith('\n');
  }

  endLine(): void {
    if (!this.atLineStart) this.send('\n');
    this.atLineStart = true;
  }

  ready(): Promise<void> | undefined {
    return this.blocked;
  }

  private send(chunk: string | Uint8Array): void {
    if (!this.out.write(chunk) && this.blocked === undefined) {
      this.blocked = new Promise((resolve) =>
        this.out.once('drain', () => {
          this.blocked = undefined;
          resolve();
        }),
      );
    }
  }
}

/** The plain renderer: CodeBuild's container log, verbatim in form. */
export class CodeBuildLogSink implements RunSink {
  private readonly writer: OutputWriter;

  constructor(out: TextOutput) {
    this.writer = new OutputWriter(out);
  }

  emit(event: RunEvent): void {
    const w = this.writer;
    switch (event.type) {
      case 'output':
        w.raw(event.data);
        return;
      case 'container':
        w.line(containerLine(event.time, event.text));
        return;
      case 'phase-start': {
        const text = phaseStartText(event.phase);
        if (text !== undefined) w.line(containerLine(event.time, text));
        return;
      }
      case 'phase-end':
        w.line(containerLine(event.time, phaseCompleteText(event.phase, event.status)));
        w.line(containerLine(event.time, phaseContextText(event.context)));
        return;
      case 'command-start':
        w.line(containerLine(event.time, `Running command ${event.command}`));
        return;
      case 'command-end':
        // Output, then a blank line, as in CodeBuild's log.
        w.endLine();
        w.raw(NEWLINE);
        if (event.exitCode !== undefined && event.exitCode !== 0) {
          w.line(containerLine(event.time, commandFailedText(event.command, event.exitCode)));
        }
        return;
      case 'build-start':
      case 'build-end':
        w.endLine();
        return;
    }
  }

  ready(): Promise<void> | undefined {
    return this.writer.ready();
  }
}

const NEWLINE = Buffer.from('\n');
