/**
 * The CodeBuild-like text log: `[Container] 2026/11/22 10:44:12.417308 Running command …` lines (UTC,
 * microseconds) around the commands' raw output, as CodeBuild's agent writes it to CloudWatch Logs.
 */
import type { LogLine, LogMark, Reporter, Tail } from '../core/reporter.js';
import { TerminalReporter } from '../core/reporters/terminal.js';
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

const CONTAINER_LINE = /^\[Container\] (\d{4})\/(\d\d)\/(\d\d) (\d\d):(\d\d):(\d\d)(?:\.(\d+))? (.*)$/;

/**
 * What an agent line of CodeBuild's log means (the reader of what the functions above write), with its time; undefined
 * for the commands' own output. Remote builds' lines are read with it, so they show like local ones.
 */
export function readLogLine(line: string): LogMark | undefined {
  const m = CONTAINER_LINE.exec(line.trimEnd());
  if (m === null) return undefined;
  const [, year, month, day, hour, minute, second, fraction = '0', text = ''] = m;
  const time =
    Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second)) +
    Number(`0.${fraction}`) * 1000;
  let t = /^(?:Entering phase|Phase is) ([A-Z_]+)$/.exec(text);
  if (t?.[1]) return { kind: 'phase-start', phase: t[1], time };
  t = /^Phase complete: ([A-Z_]+) State: ([A-Z_]+)$/.exec(text);
  if (t?.[1] && t[2]) return { kind: 'phase-complete', phase: t[1], status: t[2], time };
  t = /^Phase context status code: ?(.*?) Message: ?(.*)$/.exec(text);
  if (t) return { kind: 'phase-context', statusCode: (t[1] ?? '').trim(), message: (t[2] ?? '').trim() };
  t = /^Running command (.*)$/.exec(text);
  if (t) return { kind: 'command', command: t[1] ?? '' };
  t = /^Command did not exit successfully (.*) exit status (\d+)$/.exec(text);
  if (t) return { kind: 'command-failed', command: t[1] ?? '', exitCode: Number(t[2]) };
  return { kind: 'agent', text };
}

/** What a sink writes to: a Node stream or anything with the same write/once. */
export interface TextOutput {
  write(chunk: string | Uint8Array): boolean;
  once(event: 'drain', listener: () => void): unknown;
}

/** The plain form of a local build's log, CodeBuild's own (what `aws-cicd run` prints into a pipe), into `out`. */
export function codeBuildLogSink(out: TextOutput): RunSink {
  return new ReporterSink(new TerminalReporter({ stdout: out, stderr: out, rich: false, colour: false, prefix: '' }));
}

/**
 * A local build told through a Reporter: every agent line in CodeBuild's form with what it means (so the job log
 * groups it by phase and a terminal shows its phase view), the commands' output as it comes. With `source` (a batch
 * child) the output is cut into whole lines, each tagged with it, so children running at once never mix inside a
 * line.
 */
export class ReporterSink implements RunSink {
  private waiting: Promise<void> | undefined;
  private partial = '';
  private readonly decoder = new TextDecoder();

  constructor(
    private readonly reporter: Reporter,
    /** `tail` keeps the last lines of the commands' output (a failure's context). */
    private readonly options: { readonly source?: string; readonly tail?: Tail } = {},
  ) {}

  emit(event: RunEvent): void {
    switch (event.type) {
      case 'output': {
        const text =
          this.options.source === undefined && this.options.tail === undefined
            ? undefined
            : this.decoder.decode(event.data, { stream: true });
        if (text !== undefined) this.options.tail?.write(text);
        if (this.options.source === undefined) this.waiting = this.reporter.output(event.data);
        else this.sourceOutput(text ?? '');
        return;
      }
      case 'container':
        this.line(containerLine(event.time, event.text), { kind: 'agent', text: event.text });
        return;
      case 'phase-start': {
        const text = phaseStartText(event.phase);
        const mark: LogMark = { kind: 'phase-start', phase: event.phase, time: event.time };
        this.line(text === undefined ? undefined : containerLine(event.time, text), mark);
        return;
      }
      case 'phase-end':
        this.line(containerLine(event.time, phaseCompleteText(event.phase, event.status)), {
          kind: 'phase-complete',
          phase: event.phase,
          status: event.status,
          time: event.time,
        });
        this.line(containerLine(event.time, phaseContextText(event.context)), {
          kind: 'phase-context',
          ...event.context,
        });
        return;
      case 'command-start':
        this.line(containerLine(event.time, `Running command ${event.command}`), {
          kind: 'command',
          command: event.command,
          attempt: event.attempt,
        });
        return;
      case 'command-end':
        // Output, then a blank line, as in CodeBuild's log.
        this.line('');
        if (event.exitCode !== undefined && event.exitCode !== 0) {
          this.line(containerLine(event.time, commandFailedText(event.command, event.exitCode)), {
            kind: 'command-failed',
            command: event.command,
            exitCode: event.exitCode,
          });
        }
        return;
      case 'build-start':
        return;
      case 'build-end':
        this.flush();
        return;
    }
  }

  ready(): Promise<void> | undefined {
    return this.waiting;
  }

  private line(text: string | undefined, mark?: LogMark): void {
    this.flush();
    const line: LogLine = {
      ...(text !== undefined ? { text: text.replace(/\n$/, '') } : {}),
      ...(this.options.source !== undefined ? { source: this.options.source } : {}),
      ...(mark !== undefined ? { mark } : {}),
    };
    this.reporter.line(line);
  }

  private sourceOutput(text: string): void {
    const lines = (this.partial + text).split('\n');
    this.partial = lines.pop() ?? '';
    for (const text of lines) this.reporter.line({ text, source: this.options.source });
  }

  /** A partial line of a child's output ends (before anything else is told, and at the end). */
  flush(): void {
    if (this.options.source === undefined || this.partial === '') return;
    const text = this.partial;
    this.partial = '';
    this.reporter.line({ text, source: this.options.source });
  }
}
