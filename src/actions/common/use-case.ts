/**
 * The skeleton every action that runs a use case shares: its options read from the inputs (the schema action.yml is
 * held to), what every use case takes from the step, the followed target marked settled when it ended, and the post
 * step. An action's main.ts keeps only its own collaborators and how it maps the result.
 */
import {
  inputNaming,
  readInputs,
  type OptionNaming,
  type OptionSchema,
  type OptionValues,
} from '../../core/options.js';
import type { Failure } from '../../core/reporter.js';
import { workflowCommit } from './github-context.js';
import type { Action, ActionIo } from './runtime.js';

/** What every use case takes from the step. */
export interface ActionStep {
  readonly env: NodeJS.ProcessEnv;
  /** GITHUB_WORKSPACE. */
  readonly cwd: string;
  /** Aborted when the job is cancelled. */
  readonly signal: AbortSignal;
  /** Option keys as input names (`deployment-id`), for the use case's messages. */
  readonly naming: OptionNaming;
  /** The workflow's commit (a pull request's head), the default of what to build or deploy. */
  readonly defaultCommit: () => string | undefined;
  /** Remembers `what` (a small JSON value) for the post step to stop, when it will be followed to its end. */
  readonly follow: (what: unknown, following: boolean) => void;
}

/** What a run tells the runtime: why the step failed, and whether what it followed ended. */
export interface ActionRun {
  readonly failure?: Failure;
  readonly settled?: boolean;
}

export interface UseCaseAction<S extends OptionSchema> {
  readonly options: S;
  /** Runs the use case with the step's Reporter (`io.reporter`). */
  run(values: OptionValues<S>, io: ActionIo, step: ActionStep): Promise<ActionRun>;
  /** The post step: stops what the main step followed (`io.follow`) and did not see end. */
  stop?(followed: unknown, io: ActionIo): Promise<unknown>;
}

export function useCaseAction<S extends OptionSchema>(action: UseCaseAction<S>): Action {
  const { stop } = action;
  return {
    async main(io) {
      const values = readInputs(action.options, io.input, io.env);
      const run = await action.run(values, io, {
        env: io.env,
        cwd: io.workspace,
        signal: io.signal,
        naming: inputNaming(action.options),
        defaultCommit: () => workflowCommit(io.env),
        follow: (what, following) => {
          if (following) io.follow(what);
        },
      });
      if (run.settled === true) io.settled();
      return run.failure;
    },
    ...(stop !== undefined
      ? {
          async post(followed, io) {
            await stop(followed, io);
          },
        }
      : {}),
  };
}
