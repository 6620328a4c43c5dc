/**
 * The one action runtime. Each action is `runAction({ main, post })`: this file knows the rest: which step runs
 * (one bundle serves both; the main step leaves a mark the post step sees), SIGINT/SIGTERM (aborting `signal`, so the
 * main step stops what it started), the Reporter (the job log), failure (one error annotation and exit status 1,
 * after whatever the log had open is closed), and state between the steps: what the main step follows, for the post
 * step to stop when the job is cancelled while it runs.
 */
import { describeError } from '../../core/errors.js';
import { getState, rawInput, saveState } from '../../core/github-runner.js';
import type { Failure, Reporter } from '../../core/reporter.js';
import { GitHubReporter } from '../../core/reporters/github.js';
import type { TextSink } from '../../core/workflow-log.js';

export interface ActionIo {
  readonly env: NodeJS.ProcessEnv;
  readonly reporter: Reporter;
  /** The raw input (INPUT_<NAME>), untrimmed: option readers trim what they read. */
  readonly input: (name: string) => string;
  /** Aborted on SIGINT/SIGTERM (a cancelled job). */
  readonly signal: AbortSignal;
  /** GITHUB_WORKSPACE, else the current directory. */
  readonly workspace: string;
  /**
   * Remembers what the main step follows (a build, a deployment, an execution: a small JSON value), for the post
   * step to stop it if the job ends while it runs.
   */
  follow(what: unknown): void;
  /** What was followed has ended: the post step leaves it alone. */
  settled(): void;
}

export interface Action {
  /** The step. Resolves to why the step failed, or undefined when it succeeded. */
  main(io: ActionIo): Promise<Failure | undefined>;
  /** The post step: `followed` is what the main step followed and did not see end. Never fails the job. */
  post?(followed: unknown, io: ActionIo): Promise<void>;
}

/** What the runtime touches, injected in tests; the defaults are the process's. */
export interface RuntimeIo {
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: TextSink & { once?(event: 'drain', listener: () => void): unknown };
  readonly signal?: AbortSignal;
  readonly reporter?: Reporter;
  readonly cwd?: string;
  /** Sets the process's exit status (tests keep their own). */
  readonly exit?: (code: number) => void;
}

const STATE = { isPost: 'isPost', followed: 'followed', settled: 'settled' } as const;

/**
 * Runs the action's main step, or its post step when the main step ran before in this job. Resolves to the exit
 * status it set (0 or 1).
 */
export async function runAction(action: Action, io: Partial<RuntimeIo> = {}): Promise<number> {
  const env = io.env ?? process.env;
  let signal = io.signal;
  let release = (): void => undefined;
  if (signal === undefined) {
    const controller = new AbortController();
    const abort = (name: NodeJS.Signals): void => controller.abort(name);
    for (const name of ['SIGINT', 'SIGTERM'] as const) process.on(name, abort);
    release = () => {
      for (const name of ['SIGINT', 'SIGTERM'] as const) process.off(name, abort);
    };
    signal = controller.signal;
  }
  const reporter = io.reporter ?? new GitHubReporter(io.stdout ?? process.stdout, { env });
  const actionIo: ActionIo = {
    env,
    reporter,
    input: (name) => rawInput(name, env),
    signal,
    workspace: env.GITHUB_WORKSPACE || io.cwd || process.cwd(),
    follow: (what) => saveState(STATE.followed, JSON.stringify(what), env),
    settled: () => saveState(STATE.settled, 'true', env),
  };
  try {
    if (action.post !== undefined && getState(STATE.isPost, env) === 'true') {
      await post(action, actionIo);
      return 0;
    }
    if (action.post !== undefined) saveState(STATE.isPost, 'true', env);
    const failure = await main(action, actionIo);
    if (failure === undefined) return 0;
    reporter.close();
    reporter.error(failure.message, failure);
    (io.exit ?? ((code: number) => void (process.exitCode = code)))(1);
    return 1;
  } finally {
    reporter.close();
    release();
  }
}

async function main(action: Action, io: ActionIo): Promise<Failure | undefined> {
  try {
    return await action.main(io);
  } catch (error) {
    return { message: describeError(await userFacing(error)) };
  }
}

async function post(action: Action, io: ActionIo): Promise<void> {
  const followed = getState(STATE.followed, io.env);
  if (followed === '' || getState(STATE.settled, io.env) === 'true') return;
  try {
    await action.post?.(JSON.parse(followed) as unknown, io);
  } catch (error) {
    io.reporter.warning(`post step: ${describeError(await userFacing(error))}`);
  }
}

/** AWS's errors worded for people (a missing permission, rejected credentials …); loaded only when one happens. */
async function userFacing(error: unknown): Promise<unknown> {
  const { toUserError } = await import('../../aws/errors.js');
  return toUserError(error);
}
