import type { LogsOption } from '../../codebuild/context.js';
import { UserError } from '../../common/errors.js';
import { PipelineOutputs } from '../../pipeline/report.js';
import type { Selection } from '../../pipeline/run.js';
import { parseSourceRevision, type PipelineVariableSetting } from '../../pipeline/start.js';
import { defaultSourceVersion } from '../build/inputs.js';
import { InputReader, type RawInputs } from '../common/inputs.js';

/** Input names exactly as in actions/pipeline/action.yml. */
export enum Inputs {
  PipelineName = 'pipeline-name',
  Commit = 'commit',
  Start = 'start',
  ExecutionId = 'execution-id',
  Variables = 'variables',
  SourceRevisions = 'source-revisions',
  WaitForExecutionSeconds = 'wait-for-execution-seconds',
  Wait = 'wait',
  Logs = 'logs',
  AbandonOnCancel = 'abandon-on-cancel',
}

export { PipelineOutputs as Outputs };

export interface PipelineActionSettings {
  readonly pipeline: string;
  readonly selection: Selection;
  readonly wait: boolean;
  readonly logs: LogsOption;
  readonly abandonOnCancel: boolean;
}

export const DEFAULT_WAIT_FOR_EXECUTION_SECONDS = 300;

/** Reads and checks the inputs (nothing here calls AWS). `env` is the runner's environment. */
export function readPipelineInputs(raw: RawInputs, env: NodeJS.ProcessEnv): PipelineActionSettings {
  const input = new InputReader(raw);
  const pipeline = input.required(Inputs.PipelineName);
  if (!/^[A-Za-z0-9.@\-_]{1,100}$/.test(pipeline)) {
    throw new UserError(
      `input "${Inputs.PipelineName}": "${pipeline}" is not a pipeline name (letters, digits, . @ - _)`,
    );
  }
  const common = {
    pipeline,
    wait: input.boolean(Inputs.Wait, true),
    logs: input.oneOf<LogsOption>(Inputs.Logs, ['live', 'poll', 'off'], 'live'),
    abandonOnCancel: input.boolean(Inputs.AbandonOnCancel, false),
  };
  const start = input.boolean(Inputs.Start, false);
  const executionId = input.optional(Inputs.ExecutionId);
  const commit = input.optional(Inputs.Commit);
  const variables = variableLines(input);
  const sourceRevisions = input
    .lines(Inputs.SourceRevisions)
    .map((line, i) => parseSourceRevision(line, `input "${Inputs.SourceRevisions}", line ${i + 1}`));
  const waitSeconds = input.integer(Inputs.WaitForExecutionSeconds, DEFAULT_WAIT_FOR_EXECUTION_SECONDS, {
    min: 0,
    max: 3600,
  });
  if (executionId !== undefined) {
    if (start || commit !== undefined) {
      throw new UserError(
        `input "${Inputs.ExecutionId}" follows a given execution: leave out "${Inputs.Start}" and "${Inputs.Commit}"`,
      );
    }
    return { ...common, selection: { kind: 'attach', executionId } };
  }
  if (start) {
    if (commit !== undefined) {
      throw new UserError(
        `input "${Inputs.Commit}" finds the execution a commit started; to start one at a commit, give ` +
          `"${Inputs.SourceRevisions}: <SourceActionName>=${commit}"`,
      );
    }
    return { ...common, selection: { kind: 'start', variables, sourceRevisions } };
  }
  if (variables.length > 0 || sourceRevisions.length > 0) {
    const which = variables.length > 0 ? Inputs.Variables : Inputs.SourceRevisions;
    throw new UserError(`input "${which}" applies to a new execution: set "${Inputs.Start}: true"`);
  }
  const found = commit ?? defaultSourceVersion(env);
  if (found === undefined) {
    throw new UserError(
      `no commit to look for: give "${Inputs.Commit}" (GITHUB_SHA is not set), or "${Inputs.Start}: true"`,
    );
  }
  return { ...common, selection: { kind: 'commit', commit: found, waitSeconds } };
}

/** `variables`: NAME=VALUE lines (the value verbatim after the first `=`). */
function variableLines(input: InputReader): PipelineVariableSetting[] {
  return input.lines(Inputs.Variables).map((line, index) => {
    const eq = line.indexOf('=');
    const name = eq < 0 ? '' : line.slice(0, eq).trim();
    if (name === '') {
      throw new UserError(`input "${Inputs.Variables}", line ${index + 1}: expected NAME=VALUE; got "${line}"`);
    }
    return { name, value: line.slice(eq + 1) };
  });
}
