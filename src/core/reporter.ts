/**
 * The one way every use case talks to the person running it. A use case (a build, a deployment, a mirror …) says
 * what happens through a Reporter and never knows where it goes: the GitHub Actions job log (workflow commands, a
 * stop-commands fence around foreign text, annotations, outputs, the job summary: reporters/github.ts) or a
 * terminal (colours on a TTY, phase headers, a closing table; plain text when piped: reporters/terminal.ts).
 */

/** Where a message points: a file of the user's (and a line, a column), and a short title for the annotation. */
export interface Where {
  readonly file?: string;
  readonly line?: number;
  readonly col?: number;
  readonly title?: string;
}

/** An error or warning with what explains it. */
export interface Problem extends Where {
  /**
   * The last lines of the log that was shown live (a failed build's). The job log carries them in the annotation
   * (`Last 20 lines of the log:`); a terminal has just shown them and does not print them twice.
   */
  readonly context?: readonly string[];
}

/** A failure to report: what happened, and where and why (`title`, a file, context lines). */
export interface Failure extends Problem {
  readonly message: string;
}

/**
 * What a line of a CodeBuild log means, when it is one of the agent's lines (remote builds: parsed from the log's
 * text; local builds: said by the runner). `time` is the line's own timestamp (epoch ms), when it has one.
 */
export type LogMark =
  | { readonly kind: 'phase-start'; readonly phase: string; readonly time?: number }
  | { readonly kind: 'phase-complete'; readonly phase: string; readonly status: string; readonly time?: number }
  | { readonly kind: 'phase-context'; readonly statusCode: string; readonly message: string }
  | { readonly kind: 'command'; readonly command: string; readonly attempt?: number }
  | { readonly kind: 'command-failed'; readonly command: string; readonly exitCode: number }
  /** Any other agent line (`[Container] … Running on CodeBuild On-demand`, `Phases found in YAML: 4` …). */
  | { readonly kind: 'agent'; readonly text: string }
  /** The log is over (no line of its own): a phase left open ends. */
  | { readonly kind: 'log-end' };

/** A line of text from outside (a build's log, a tool, AWS): shown verbatim, never read as a workflow command. */
export interface LogLine {
  /**
   * The line as it was written, without its line break. Absent for a mark without a line of its own (CodeBuild's log
   * has no line for UPLOAD_ARTIFACTS' start).
   */
  readonly text?: string;
  /** The batch child it comes from: shown as `[source] text`; a batch's lines are never grouped by phase. */
  readonly source?: string;
  readonly mark?: LogMark;
}

/** A table at the end of a run (phases, stages, targets …): printed on a terminal; the job summary has its own. */
export interface Table {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** The column whose value colours a row on a terminal (SUCCEEDED green, FAILED red, other states yellow). */
  readonly statusColumn?: number;
  /** The closing line under the table: `Build SUCCEEDED in 1m 2s`. */
  readonly footer?: { readonly text: string; readonly ok: boolean };
}

export interface Reporter {
  /** A line of ours: what is being done, what was found. */
  info(message: string): void;
  warning(message: string, where?: Where): void;
  /** A failure the user must see: an annotation on GitHub (on the file's line when given), red on a terminal. */
  error(message: string, problem?: Problem): void;
  /** Something to look at (a manual approval waiting): a notice annotation on GitHub, a line on a terminal. */
  notice(message: string, where?: Where): void;
  /** Shown only when asked for (step debug logging on GitHub, AWS_CICD_DEBUG on a terminal). */
  debug(message: string): void;
  /** Registers a secret before anything can print it: every later line hides it, a multi-line one line by line. */
  mask(secret: string): void;

  /**
   * A section of the work (a pipeline stage, an image build step); closes the open one. While it is open, a build
   * log's lines are not grouped by phase (GitHub's groups do not nest).
   */
  group(title: string): void;
  groupEnd(): void;

  /** One line from outside, verbatim (a CodeBuild log line with its meaning, when known). */
  line(line: string | LogLine): void;
  /**
   * A tool's output as it comes: any bytes, partial lines too. Returns a promise when the writer should wait for it
   * before sending more (the output stream is full), undefined when it can go on.
   */
  output(chunk: Uint8Array | string): Promise<void> | undefined;

  /** A named result of the run: a step output on GitHub; nothing on a terminal (the face prints what it needs). */
  setOutput(name: string, value: string): void;
  /** The closing table (see Table). */
  table(table: Table): void;
  /** Markdown for the job summary on GitHub; nothing on a terminal. */
  summary(markdown: string): Promise<void>;

  /** Ends what is open (a group, a fence), so whatever is written next stands on its own. Idempotent. */
  close(): void;
}

/** A reporter that drops everything (for code paths that report nothing, and for tests). */
export const silentReporter: Reporter = {
  info: () => undefined,
  warning: () => undefined,
  error: () => undefined,
  notice: () => undefined,
  debug: () => undefined,
  mask: () => undefined,
  group: () => undefined,
  groupEnd: () => undefined,
  line: () => undefined,
  output: () => undefined,
  setOutput: () => undefined,
  table: () => undefined,
  summary: async () => undefined,
  close: () => undefined,
};

/**
 * The same reporter for one part of a bigger run: `info` lines get `prefix` (`rollback: Deployment d-1 Succeeded`);
 * with `source`, foreign lines are tagged with it (`[Build] …`, and `[Build] [linux] …` for a batch child's), which
 * also keeps them out of phase groups.
 */
export function scopedReporter(
  reporter: Reporter,
  scope: { readonly prefix?: string; readonly source?: string },
): Reporter {
  const prefix = scope.prefix ?? '';
  const source = scope.source;
  return {
    info: (message) => reporter.info(prefix + message),
    warning: (message, where) => reporter.warning(message, where),
    error: (message, problem) => reporter.error(message, problem),
    notice: (message, where) => reporter.notice(message, where),
    debug: (message) => reporter.debug(message),
    mask: (secret) => reporter.mask(secret),
    group: (title) => reporter.group(title),
    groupEnd: () => reporter.groupEnd(),
    line: (input) => {
      if (source === undefined) return reporter.line(input);
      const line = asLogLine(input);
      reporter.line({ ...line, source: line.source === undefined ? source : `${source}] [${line.source}` });
    },
    output: (chunk) => reporter.output(chunk),
    setOutput: (name, value) => reporter.setOutput(name, value),
    table: (table) => reporter.table(table),
    summary: (markdown) => reporter.summary(markdown),
    close: () => reporter.close(),
  };
}

/** Runs `body` inside a group of the Reporter (a step of an image build, say), closing it whatever happens. */
export async function grouped<T>(reporter: Reporter, title: string, body: () => Promise<T>): Promise<T> {
  reporter.group(title);
  try {
    return await body();
  } finally {
    reporter.groupEnd();
  }
}

export function asLogLine(line: string | LogLine): LogLine {
  return typeof line === 'string' ? { text: line } : line;
}

/** The text a log line is shown with in plain form: `[source] text`. */
export function plainText(line: LogLine): string {
  const text = (line.text ?? '').replace(/\r?\n$/, '');
  return line.source === undefined ? text : `[${line.source}] ${text}`;
}

/** The last `size` lines of something followed, for a failure's context (CodeBuild's console shows 20 too). */
export class Tail {
  static readonly SIZE = 20;
  private readonly items: string[] = [];
  private partial = '';

  constructor(private readonly size = Tail.SIZE) {}

  /** A whole line. */
  push(line: string): void {
    this.items.push(line.length > 4096 ? line.slice(0, 4096) + '…' : line.replace(/\r?\n$/, ''));
    if (this.items.length > this.size) this.items.shift();
  }

  /** Output as it comes, partial lines too. */
  write(text: string): void {
    const lines = (this.partial + text).split('\n');
    this.partial = lines.pop() ?? '';
    if (this.partial.length > 4096) this.partial = this.partial.slice(-4096);
    for (const line of lines.slice(-this.size)) this.push(line);
  }

  lines(): string[] {
    return this.partial === '' ? [...this.items] : [...this.items, this.partial].slice(-this.size);
  }
}
