/**
 * The Reporter of the actions: the GitHub Actions job log. Text from outside goes inside a stop-commands fence
 * (WorkflowLog), so nothing a build prints can forge a workflow command; our own lines, groups, annotations and
 * masks are workflow commands outside it. Outputs and the job summary go to the runner's files.
 */
import { appendSummary, setOutput } from '../github-runner.js';
import { LogPhases, type PhaseStep } from '../log-phases.js';
import {
  asLogLine,
  plainText,
  type LogLine,
  type Problem,
  type Reporter,
  type Table,
  type Where,
} from '../reporter.js';
import { escapeData, escapeProperty } from '../../core/workflow-commands.js';
import { WorkflowLog, type TextSink } from '../../core/workflow-log.js';

export interface GitHubReporterOptions {
  /** The runner's environment (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY …). Default process.env. */
  readonly env?: NodeJS.ProcessEnv;
  /** The stop-commands token (default random). */
  readonly token?: string;
}

export class GitHubReporter implements Reporter {
  private readonly log: WorkflowLog;
  private readonly env: NodeJS.ProcessEnv;
  private readonly phases = new LogPhases();
  /** A group of ours is open: a build log's phases are lines in it, not groups. */
  private grouped = false;

  constructor(
    private readonly out: TextSink & { once?(event: 'drain', listener: () => void): unknown },
    options: GitHubReporterOptions = {},
  ) {
    this.log = new WorkflowLog(out, options.token);
    this.env = options.env ?? process.env;
  }

  info(message: string): void {
    this.log.status(message);
  }

  warning(message: string, where?: Where): void {
    this.log.command(annotation('warning', message, where));
  }

  error(message: string, problem?: Problem): void {
    const context = problem?.context ?? [];
    const text =
      context.length > 0 ? [message, '', `Last ${context.length} lines of the log:`, ...context].join('\n') : message;
    this.log.command(annotation('error', text, problem));
  }

  notice(message: string, where?: Where): void {
    this.log.status(message);
    this.log.command(annotation('notice', message, where));
  }

  debug(message: string): void {
    this.log.debug(message);
  }

  mask(secret: string): void {
    this.log.mask(secret);
  }

  group(title: string): void {
    this.apply(this.phases.end());
    this.log.openGroup(title);
    this.grouped = true;
  }

  /** Ends the open group: ours, or a build log's phase. */
  groupEnd(): void {
    this.apply(this.phases.end());
    this.log.closeGroup();
    this.grouped = false;
  }

  line(input: string | LogLine): void {
    const line = asLogLine(input);
    if (this.grouped) {
      if (line.text !== undefined) this.log.line(plainText(line));
      return;
    }
    const { before, after } = this.phases.step(line);
    this.apply(before);
    if (line.text !== undefined) this.log.line(plainText(line));
    this.apply(after);
  }

  output(chunk: Uint8Array | string): Promise<void> | undefined {
    if (this.log.raw(chunk) || this.out.once === undefined) return undefined;
    return new Promise((resolve) => this.out.once?.('drain', resolve));
  }

  setOutput(name: string, value: string): void {
    setOutput(name, value, this.env);
  }

  table(_table: Table): void {
    // The job summary carries the run's tables.
  }

  async summary(markdown: string): Promise<void> {
    await appendSummary(markdown, this.env);
  }

  close(): void {
    this.apply(this.phases.end());
    this.log.close();
  }

  private apply(steps: readonly PhaseStep[]): void {
    for (const step of steps) {
      if (step.kind === 'open') this.log.openGroup(step.phase);
      else this.log.closeGroup();
    }
  }
}

/** `::error file=…,line=…,col=…,title=…::message`, the properties present. */
export function annotation(kind: 'error' | 'warning' | 'notice', message: string, where?: Where): string {
  const props = [
    where?.file !== undefined ? `file=${escapeProperty(where.file)}` : undefined,
    where?.line !== undefined ? `line=${where.line}` : undefined,
    where?.col !== undefined ? `col=${where.col}` : undefined,
    where?.title !== undefined ? `title=${escapeProperty(where.title)}` : undefined,
  ].filter((p) => p !== undefined);
  return `::${kind}${props.length > 0 ? ' ' + props.join(',') : ''}::${escapeData(message)}`;
}
