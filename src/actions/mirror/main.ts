import { createCodeCommitClient, type CodeCommitApi } from '../../aws/codecommit.js';
import { toUserError } from '../../aws/errors.js';
import { describeError } from '../../core/errors.js';
import { WorkflowLog, type TextSink } from '../../core/workflow-log.js';
import { escapeData } from '../../core/workflow-commands.js';
import { selfCommand, type GitSpawner } from '../../mirror/git.js';
import { mirror, MirrorError, type MirrorLog, type MirrorResult } from '../../mirror/mirror.js';
import { countPlan, type PlanEntry } from '../../mirror/plan.js';
import { summaryMarkdown } from '../../mirror/report.js';
import * as runner from '../../core/github-runner.js';
import { Outputs, readMirrorInputs } from './inputs.js';

export interface MirrorActionDeps {
  readonly getInput: (name: string) => string;
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: TextSink;
  readonly setOutput: (name: string, value: string) => void;
  readonly setFailed: (message: string) => void;
  readonly writeSummary: (markdown: string) => Promise<void>;
  /** Default: an SDK client from the environment. */
  readonly codecommit?: CodeCommitApi;
  /** The command git calls back as the credential helper (default: this process's node and script). */
  readonly self?: readonly string[];
  readonly spawn?: GitSpawner;
}

export function defaultDeps(): MirrorActionDeps {
  return {
    getInput: (name) => runner.getInput(name),
    env: process.env,
    stdout: process.stdout,
    setOutput: (name, value) => runner.setOutput(name, value),
    setFailed: (message) => runner.setFailed(message),
    writeSummary: (markdown) => runner.appendSummary(markdown),
  };
}

/** The mirror action: GitHub branches and tags into CodeCommit, with the plan in the log and the job summary. */
export async function run(deps: MirrorActionDeps): Promise<MirrorResult | undefined> {
  const log = new WorkflowLog(deps.stdout);
  const mirrorLog: MirrorLog = {
    info: (message) => log.info(message),
    warning: (message) => log.warning(message),
    debug: (message) => log.debug(message),
    mask: (value) => log.command(`::add-mask::${escapeData(value)}`),
    phase: (title) => log.openGroup(title),
  };
  let client: (CodeCommitApi & { destroy?: () => void }) | undefined = deps.codecommit;
  try {
    const settings = readMirrorInputs(deps.getInput, deps.env);
    // The token is masked before anything can print it, even before the first call.
    if (settings.githubToken) mirrorLog.mask(settings.githubToken);
    client ??= createCodeCommitClient({ region: settings.region, env: deps.env });
    try {
      const result = await mirror(settings, {
        codecommit: client,
        env: deps.env,
        self: deps.self ?? selfCommand(),
        log: mirrorLog,
        spawn: deps.spawn,
      });
      log.close();
      setOutputs(result, deps);
      await deps.writeSummary(summaryMarkdown({ ...result }));
      return result;
    } catch (error) {
      if (!(error instanceof MirrorError)) throw error;
      log.close();
      setOutputs(error.result, deps);
      await deps.writeSummary(summaryMarkdown({ ...error.result, error: error.message }));
      deps.setFailed(error.message);
      return error.result;
    }
  } catch (error) {
    log.close();
    deps.setFailed(describeError(toUserError(error)));
    return undefined;
  } finally {
    log.close();
    if (deps.codecommit === undefined) client?.destroy?.();
  }
}

/** Outputs: counts of what was pushed (in a dry run, of what would be). */
function setOutputs(result: MirrorResult, deps: MirrorActionDeps): void {
  const done: readonly PlanEntry[] = result.dryRun ? result.plan.entries : result.pushed;
  const counts = countPlan(done);
  deps.setOutput(Outputs.RepositoryUrl, result.repositoryUrl);
  deps.setOutput(Outputs.GrcUrl, result.grcUrl);
  deps.setOutput(Outputs.RefsCreated, String(counts.create));
  deps.setOutput(Outputs.RefsUpdated, String(counts.update + counts.rewind));
  deps.setOutput(Outputs.RefsDeleted, String(counts.delete));
  deps.setOutput(Outputs.HeadSha, result.headSha ?? '');
}
