/** `aws-cicd run --image IMAGE`: the build runs inside a container of the image (src/image/run-in-image.ts). */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../../common/errors.js';
import { isEngineName, ENGINES } from '../../image/engine.js';
import { nodeExec, type Exec } from '../../image/exec.js';
import { runInImage, type ContainerRunOptions } from '../../image/run-in-image.js';
import type { BuildResult } from '../../runner/types.js';
import type { CliContext } from '../context.js';
import { outputsLines } from './run-outputs.js';

export interface RunInImageArgs extends Omit<ContainerRunOptions, 'engine' | 'signal'> {
  readonly engine?: string;
  /** Host path for the report (`--report-json`). */
  readonly reportJson?: string;
}

export async function runInImageCommand(args: RunInImageArgs, ctx: CliContext, exec: Exec = nodeExec): Promise<number> {
  const engine = args.engine;
  if (engine !== undefined && !isEngineName(engine)) {
    throw new UserError(`--engine must be one of ${ENGINES.join(', ')}; got "${engine}"`, { exitCode: 2 });
  }
  if (args.parallel !== undefined && !args.batch) throw new UserError('--parallel needs --batch', { exitCode: 2 });
  const result = await runInImage(
    { ...args, engine, signal: ctx.signal },
    {
      exec,
      env: ctx.env,
      stdout: (chunk) => void ctx.stdout.write(chunk),
      stderr: (chunk) => void ctx.stderr.write(chunk),
    },
  );
  const written = args.reportJson !== undefined && result.report !== undefined ? args.reportJson : undefined;
  if (written !== undefined) {
    mkdirSync(path.dirname(written), { recursive: true });
    writeFileSync(written, JSON.stringify(result.report, null, 2) + '\n');
  }
  // The report (a build, or a batch with its children under builds) has the host paths of the artifacts.
  const report = result.report as (Partial<BuildResult> & { builds?: Record<string, BuildResult> }) | undefined;
  const builds = report === undefined ? [] : report.builds !== undefined ? Object.values(report.builds) : [report];
  ctx.stderr.write(outputsLines(builds, written, ctx.cwd));
  return result.exitCode;
}
