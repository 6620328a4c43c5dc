/**
 * The Reporter of the CLI. Log lines and tool output go to stdout, our own lines to stderr (`aws-cicd: …`), so a
 * pipe gets the log alone.
 *
 * - `rich` (a terminal): a header per phase, `$ command` lines, failures in red, a closing line per phase and the
 *   closing table; colours unless NO_COLOR. The same view for a local build, a remote one, a pipeline's builds.
 * - plain (a pipe or a file): the log verbatim (CodeBuild's own form), and only the closing line of the table.
 *
 * Everything written is masked: every registered secret, and each line of a multi-line one, becomes `***`.
 */
import { formatDuration } from '../duration.js';
import { LogPhases, type PhaseStep } from '../log-phases.js';
import { MASK, Masker, type MaskStream } from '../mask.js';
import { escapeData } from '../workflow-commands.js';
import {
  asLogLine,
  plainText,
  type LogLine,
  type Problem,
  type Reporter,
  type Table,
  type Where,
} from '../reporter.js';

export interface TerminalStream {
  write(chunk: string | Uint8Array): boolean;
  once?(event: 'drain', listener: () => void): unknown;
  readonly isTTY?: boolean;
}

export interface TerminalReporterOptions {
  readonly stdout: TerminalStream;
  readonly stderr: TerminalStream;
  /** Phase headers, `$ command` lines and the closing table (a terminal); false: the log verbatim. */
  readonly rich: boolean;
  /** ANSI colours (rich only). */
  readonly colour: boolean;
  /** Before our lines on stderr: `aws-cicd` gives `aws-cicd: started …`. */
  readonly prefix: string;
  /** Show debug lines (AWS_CICD_DEBUG). */
  readonly debug?: boolean;
  /**
   * Running in a GitHub Actions `run:` step: each secret is also registered with the runner (`::add-mask::` on
   * stderr), which then hides it in whatever else the step prints.
   */
  readonly workflowMasks?: boolean;
}

const STYLES = {
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  red: '\u001b[31m',
  green: '\u001b[32m',
  yellow: '\u001b[33m',
  cyan: '\u001b[36m',
  reset: '\u001b[0m',
};
type Style = Exclude<keyof typeof STYLES, 'reset'>;

/** Secret lines shorter than this are not masked alone (they would hide common words); as GitHub's runner does. */
const MIN_MASKED_LINE = 4;

export class TerminalReporter implements Reporter {
  private readonly phases = new LogPhases();
  private secrets: string[] = [];
  private masker = new Masker([]);
  private outputMask: MaskStream | undefined;
  /** The last byte written to stdout was a line break (or nothing was written). */
  private atLineStart = true;
  private blocked: Promise<void> | undefined;
  /** When the open phase started, by its log line's time. */
  private openedAt: number | undefined;

  constructor(private readonly options: TerminalReporterOptions) {}

  info(message: string): void {
    this.say(`${this.options.prefix}: ${message}`);
  }

  warning(message: string, where?: Where): void {
    this.say(this.form('warning', message, where));
  }

  error(message: string, problem?: Problem): void {
    this.say(this.form('error', message, problem));
    // A terminal has just shown the context live; a pipe or a file gets it here, next to the error.
    if (!this.options.rich) for (const line of problem?.context ?? []) this.err(`  ${line}\n`);
  }

  notice(message: string, _where?: Where): void {
    this.say(`${this.options.prefix}: ${this.paint('bold', message)}`);
  }

  debug(message: string): void {
    if (this.options.debug) this.say(`${this.options.prefix}: debug: ${message}`);
  }

  mask(secret: string): void {
    if (secret === '') return;
    const lines = secret.split(/\r?\n/).filter((line) => line.trim().length >= MIN_MASKED_LINE);
    if (this.options.workflowMasks) {
      for (const part of new Set([secret, ...(lines.length > 1 ? lines : [])])) {
        this.err(`::add-mask::${escapeData(part)}\n`);
      }
    }
    this.secrets = [...new Set([...this.secrets, secret, ...(lines.length > 1 ? lines : [])])];
    this.masker = new Masker(this.secrets);
    this.outputMask?.flush();
    this.outputMask = undefined;
  }

  group(title: string): void {
    this.phaseSteps(this.phases.end());
    if (this.options.rich) this.outLine('\n' + this.paint('cyan', `▶ ${title}`));
  }

  /** Ends the open section (a build log's phase shows its closing line). */
  groupEnd(): void {
    this.phaseSteps(this.phases.end());
  }

  line(input: string | LogLine): void {
    const line = asLogLine(input);
    if (!this.options.rich) {
      if (line.text !== undefined) this.outLine(plainText(line));
      return;
    }
    const { before, after } = this.phases.step(line);
    this.phaseSteps(before);
    this.richLine(line);
    this.phaseSteps(after);
  }

  output(chunk: Uint8Array | string): Promise<void> | undefined {
    const data = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    if (data.length === 0) return this.blocked;
    if (this.masker.active) {
      this.outputMask ??= this.masker.stream((part) => this.rawOut(part));
      this.outputMask.push(Buffer.from(data));
    } else {
      this.rawOut(data);
    }
    return this.blocked;
  }

  setOutput(_name: string, _value: string): void {
    // The face prints what a command's user needs (an id on stdout, the exit status).
  }

  table(table: Table): void {
    if (!this.options.rich) {
      if (table.footer !== undefined) this.info(table.footer.text);
      return;
    }
    const rows = [table.columns, ...table.rows];
    const widths = table.columns.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
    const lines = rows.map((row, index) => {
      const text = row
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd();
      if (index === 0) return this.paint('bold', text);
      const status = table.statusColumn === undefined ? undefined : row[table.statusColumn];
      return status === undefined ? text : this.paint(statusStyle(status), text);
    });
    if (table.footer !== undefined) {
      lines.push('', this.paint(table.footer.ok ? 'green' : 'red', table.footer.text));
    }
    this.outLine('\n' + lines.join('\n'));
  }

  async summary(_markdown: string): Promise<void> {
    // The job summary is GitHub's; a terminal gets the closing table.
  }

  close(): void {
    this.phaseSteps(this.phases.end());
    this.outputMask?.flush();
    this.outputMask = undefined;
    this.endLine();
  }

  private richLine(line: LogLine): void {
    const mark = line.mark;
    const source = line.source === undefined ? '' : this.paint('dim', `[${line.source}] `);
    switch (mark?.kind) {
      case 'phase-start':
      case 'phase-complete':
      case 'phase-context':
        // Shown as the phase's header and closing line.
        // A batch child's phases are not grouped: its marker lines show dimmed, as they are.
        if (line.source !== undefined && line.text !== undefined) this.outLine(source + this.paint('dim', line.text));
        return;
      case 'command':
        this.outLine(
          source +
            this.paint('bold', `$ ${mark.command}${(mark.attempt ?? 1) > 1 ? `  (attempt ${mark.attempt})` : ''}`),
        );
        return;
      case 'command-failed':
        this.outLine(source + this.paint('red', `✗ exit status ${mark.exitCode}`));
        return;
      case 'agent':
        this.outLine(source + this.paint('dim', `  ${mark.text}`));
        return;
      default:
        if (line.text !== undefined) this.outLine(source + line.text.replace(/\r?\n$/, ''));
    }
  }

  private phaseSteps(steps: readonly PhaseStep[]): void {
    for (const step of steps) {
      if (step.kind === 'open') {
        this.outLine('\n' + this.paint('cyan', `▶ ${step.phase}`));
        this.openedAt = step.time;
        continue;
      }
      if (step.status === undefined) continue;
      const ok = step.status === 'SUCCEEDED';
      const took =
        step.time !== undefined && this.openedAt !== undefined
          ? ` in ${formatDuration(step.time - this.openedAt)}`
          : '';
      const context = step.context;
      const detail =
        ok || context === undefined ? '' : `: ${[context.statusCode, context.message].filter(Boolean).join(': ')}`;
      this.outLine(this.paint(ok ? 'green' : 'red', `${ok ? '✓' : '✗'} ${step.phase} ${step.status}${took}${detail}`));
    }
  }

  /**
   * `file:line:col: error: title: message`, the form compilers use (editors and terminals link it), when the message
   * points into a file; `prefix: error: title: message` otherwise.
   */
  private form(kind: 'error' | 'warning', message: string, where: Where | undefined): string {
    const label = this.paint(kind === 'error' ? 'red' : 'yellow', kind);
    const title = where?.title !== undefined ? `${where.title}: ` : '';
    if (where?.file === undefined) return `${this.options.prefix}: ${label}: ${title}${message}`;
    const at = [where.file, where.line, where.line !== undefined ? where.col : undefined].filter(
      (p) => p !== undefined,
    );
    return `${this.paint('dim', at.join(':'))}: ${label}: ${title}${message}`;
  }

  /** One line of ours on stderr, masked. */
  private say(text: string): void {
    // On a terminal both streams show on one screen: a partial line of output ends first. A pipe keeps its bytes.
    if (this.options.rich) this.endLine();
    this.err(this.masked(text) + '\n');
  }

  private masked(text: string): string {
    return this.masker.active ? this.masker.maskText(text) : text;
  }

  private outLine(text: string): void {
    this.endLine();
    this.rawOut(Buffer.from(this.masked(text) + '\n'));
  }

  private endLine(): void {
    this.outputMask?.flush();
    this.outputMask = undefined;
    if (!this.atLineStart) this.rawOut(Buffer.from('\n'));
  }

  private rawOut(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.atLineStart = chunk[chunk.length - 1] === 0x0a;
    if (!this.options.stdout.write(chunk) && this.blocked === undefined && this.options.stdout.once !== undefined) {
      this.blocked = new Promise((resolve) =>
        this.options.stdout.once?.('drain', () => {
          this.blocked = undefined;
          resolve();
        }),
      );
    }
  }

  private err(text: string): void {
    this.options.stderr.write(text);
  }

  private paint(style: Style, text: string): string {
    return this.options.rich && this.options.colour ? `${STYLES[style]}${text}${STYLES.reset}` : text;
  }
}

function statusStyle(status: string): Style {
  if (status === 'SUCCEEDED' || status === 'Succeeded') return 'green';
  if (status === 'FAILED' || status === 'FAULT' || status === 'Failed' || status === 'TIMED_OUT') return 'red';
  return 'yellow';
}

export { MASK };
