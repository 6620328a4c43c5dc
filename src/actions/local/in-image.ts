/**
 * The local action with `image`: the build runs in a container of that image (src/image/run-in-image.ts). Its
 * CodeBuild log is shown live with a `::group::` per phase (read from the log's phase lines) and fenced so it cannot
 * forge workflow commands; the report the runner inside wrote becomes the step's result.
 */
import { StringDecoder } from 'node:string_decoder';
import { PhaseGrouper } from '../../codebuild/phases.js';
import { UserError } from '../../common/errors.js';
import { WorkflowLog, type TextSink } from '../../common/workflow-log.js';
import type { Exec } from '../../image/exec.js';
import { runInImage } from '../../image/run-in-image.js';
import type { BuildResult } from '../../runner/types.js';
import type { LocalSettings } from './inputs.js';

export interface InImageDeps {
  readonly exec: Exec;
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: TextSink;
  readonly signal?: AbortSignal;
}

export async function runBuildInImage(
  image: string,
  settings: LocalSettings,
  build: { buildspecPath: string; projectName?: string; sourceVersion?: string },
  deps: InImageDeps,
): Promise<BuildResult> {
  const log = new WorkflowLog(deps.stdout);
  const grouper = new PhaseGrouper(log);
  const lines = new LineSplitter((line) => grouper.line(line));
  log.info(`Running the build in ${image}`);
  try {
    const result = await runInImage(
      {
        image,
        srcDir: settings.source,
        buildspecPath: build.buildspecPath,
        artifactsDir: settings.artifactsDir,
        envFile: settings.envFile,
        // The workflow's commit as CODEBUILD_SOURCE_VERSION, as a host run has it; the user's env still wins.
        env: [
          ...(build.sourceVersion ? [`CODEBUILD_SOURCE_VERSION=${build.sourceVersion}`] : []),
          ...settings.env.map(([name, value]) => `${name}=${value}`),
        ],
        projectName: build.projectName,
        region: settings.region,
        timeoutMinutes: settings.timeoutMinutes,
        signal: deps.signal,
      },
      { exec: deps.exec, env: deps.env, stdout: (chunk) => lines.push(chunk), stderr: (chunk) => lines.push(chunk) },
    );
    lines.end();
    grouper.end();
    log.close();
    if (result.report === undefined) {
      throw new UserError(`the build in ${image} ended (exit status ${result.exitCode}) without a report`);
    }
    return reviveBuild(result.report);
  } finally {
    log.close();
  }
}

/** Whole lines from chunks (the grouper reads phase markers line by line). */
class LineSplitter {
  private partial = '';
  private readonly decoder = new StringDecoder('utf8');

  constructor(private readonly line: (text: string) => void) {}

  push(chunk: Buffer): void {
    const parts = (this.partial + this.decoder.write(chunk)).split('\n');
    this.partial = parts.pop() ?? '';
    for (const part of parts) this.line(part);
  }

  end(): void {
    this.partial += this.decoder.end();
    if (this.partial !== '') this.line(this.partial);
    this.partial = '';
  }
}

/** The report's JSON times as Dates again. */
function reviveBuild(report: Record<string, unknown>): BuildResult {
  const date = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? new Date(value) : value);
  const phases = Array.isArray(report.phases) ? (report.phases as Array<Record<string, unknown>>) : [];
  return {
    ...report,
    startTime: date(report.startTime),
    ...(report.endTime !== undefined ? { endTime: date(report.endTime) } : {}),
    phases: phases.map((p) => ({
      ...p,
      startTime: date(p.startTime),
      ...(p.endTime !== undefined ? { endTime: date(p.endTime) } : {}),
    })),
  } as unknown as BuildResult;
}
