/**
 * The emulator's real build executor: runs a build's buildspec with our local runner (src/runner) in the build's
 * checked-out source, as CodeBuild's agent does in the build container. The runner's CodeBuild-format log lines go
 * to the build's CloudWatch Logs stream line by line, its phase events drive the build's phase list, and the
 * buildspec's own parameter-store / secrets-manager variables are fetched from the emulator's SSM and Secrets
 * Manager through the real SDK clients, signed with the build's credentials (the service role, in AWS).
 */
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { parseBuildspec } from '../../../../src/buildspec/index.js';
import { createSecretsManagerClient } from '../../../../src/aws/secretsmanager.js';
import { createSsmClient } from '../../../../src/aws/ssm.js';
import { resolveAwsVariables } from '../../../../src/aws/buildspec-env.js';
import { codeBuildLogSink } from '../../../../src/runner/log.js';
import { defaultCacheDir } from '../../../../src/runner/cache.js';
import { collectReports } from '../../../../src/runner/reports/index.js';
import { runLocalBuild } from '../../../../src/runner/run.js';
import { defaultSteps } from '../../../../src/runner/steps.js';
import type { BuildSteps, RunEvent, RunSink } from '../../../../src/runner/types.js';
import type {
  BuildExecutionRequest,
  BuildExecutionResult,
  BuildExecutor,
  BuildOutputs,
  BuildReporter,
} from './executor.js';

export interface RunnerExecutorOptions {
  /** The emulator's URL, known once it listens. */
  readonly endpoint: () => string;
  readonly region: string;
  readonly accountId?: string;
  /** The build's own AWS credentials (CodeBuild's service role); default the emulator's test/test. */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
}

export class RunnerExecutor implements BuildExecutor {
  constructor(private readonly options: RunnerExecutorOptions) {}

  async execute(request: BuildExecutionRequest): Promise<BuildExecutionResult> {
    const { reporter } = request;
    const loaded = this.loadBuildspec(request);
    if ('error' in loaded) {
      reporter.log(`[Container] ${new Date().toISOString()} Phase complete: DOWNLOAD_SOURCE State: FAILED`);
      reporter.completePhase('FAILED', { statusCode: 'YAML_FILE_ERROR', message: loaded.error });
      return { status: 'FAILED' };
    }
    const scratch = mkdtempSync(path.join(tmpdir(), 'aws-cicd-emulated-build-'));
    const sink = new ReporterSink(reporter);
    const endpointEnv = { AWS_ENDPOINT_URL: this.options.endpoint() };
    const credentials = this.options.credentials ?? { accessKeyId: 'test', secretAccessKey: 'test' };
    const clientOptions = { region: this.options.region, env: endpointEnv, credentials };
    const image = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8' };
    const stateDir = path.join(scratch, 'state');
    const artifactsDir = request.artifactsDir ?? path.join(scratch, 'artifacts');
    const kept: Kept = { reportArns: [] };
    const steps = request.outputs
      ? uploadingSteps(request.outputs, { artifactsDir, stateDir, cacheDir: defaultCacheDir(image) }, kept)
      : undefined;
    try {
      const build = await runLocalBuild(
        {
          buildspec: loaded.buildspec,
          buildspecPath: loaded.file,
          srcDir: request.sourceDir,
          projectName: request.projectName,
          buildNumber: request.buildNumber,
          env: request.environmentVariables.map((v) => `${v.name}=${v.value}`),
          maskValues: request.environmentVariables.filter((v) => v.type !== 'PLAINTEXT').map((v) => v.value),
          region: this.options.region,
          accountId: this.options.accountId,
          timeoutMinutes: request.timeoutInMinutes,
          sourceVersion: request.sourceVersion,
          batchIdentifier: request.batchIdentifier,
          signal: request.signal,
          stateDir,
          artifactsDir,
          image,
        },
        {
          sink,
          ...(steps ? { steps } : {}),
          uuid: () => request.buildId.slice(request.buildId.indexOf(':') + 1),
          resolveAwsEnv: (env, skip) =>
            resolveAwsVariables(env, skip, {
              ssm: () => createSsmClient(clientOptions),
              secrets: () => createSecretsManagerClient(clientOptions),
            }),
        },
      );
      sink.flush();
      const status = build.buildStatus === 'IN_PROGRESS' ? 'FAULT' : build.buildStatus;
      return {
        status,
        exportedEnvironmentVariables: build.exportedEnvironmentVariables.map((v) => ({ ...v })),
        ...(kept.artifacts ? { artifacts: kept.artifacts } : {}),
        ...(kept.secondaryArtifacts ? { secondaryArtifacts: kept.secondaryArtifacts } : {}),
        ...(kept.reportArns.length > 0 ? { reportArns: kept.reportArns } : {}),
      };
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }

  private loadBuildspec(
    request: BuildExecutionRequest,
  ): { buildspec: NonNullable<ReturnType<typeof parseBuildspec>['buildspec']>; file: string } | { error: string } {
    let text: string;
    let file: string;
    if (request.buildspec.kind === 'inline') {
      text = request.buildspec.text;
      file = 'buildspec.yml';
    } else {
      file = path.resolve(request.sourceDir, request.buildspec.path);
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        return { error: 'YAML file does not exist' };
      }
    }
    const result = parseBuildspec(text, path.basename(file));
    if (result.buildspec === undefined) {
      const first = result.findings.find((f) => f.severity === 'error');
      return { error: first ? `${first.message} at line ${first.line}` : 'invalid buildspec' };
    }
    return { buildspec: result.buildspec, file };
  }
}

/** What UPLOAD_ARTIFACTS left for the build's record. */
interface Kept {
  artifacts?: BuildExecutionResult['artifacts'];
  secondaryArtifacts?: BuildExecutionResult['secondaryArtifacts'];
  reportArns: string[];
}

/**
 * The runner's default steps (artifact ZIPs, reports, cache), with UPLOAD_ARTIFACTS handing the ZIPs and the report
 * results to the emulator (`outputs`) before the phase completes: an upload that fails fails the phase, as on AWS.
 */
function uploadingSteps(
  outputs: BuildOutputs,
  dirs: { artifactsDir: string; stateDir: string; cacheDir: string },
  kept: Kept,
): BuildSteps {
  const base = defaultSteps({ artifactsDir: dirs.artifactsDir, cacheDir: dirs.cacheDir, ignore: [dirs.stateDir] });
  return {
    ...base,
    artifacts: {
      async upload(ctx) {
        const made = await (base.artifacts as NonNullable<BuildSteps['artifacts']>).upload(ctx);
        if (made.status !== 'SUCCEEDED') return made;
        const answer = await outputs.artifacts({ primary: made.primary, secondary: made.secondary });
        for (const line of answer.lines) ctx.log(line);
        if ('error' in answer) return { ...made, status: 'FAILED', context: answer.error };
        kept.artifacts = answer.artifacts;
        kept.secondaryArtifacts = answer.secondaryArtifacts;
        return made;
      },
    },
    reports: {
      async collect(ctx) {
        const results = await collectReports(ctx.buildspec.reports, {
          srcDir: ctx.srcDir,
          env: ctx.env,
          log: (line) => ctx.log(line),
          ignore: [dirs.stateDir, dirs.artifactsDir, dirs.cacheDir],
        });
        const recorded = await outputs.reports(results, ctx.srcDir);
        for (const line of recorded.lines) ctx.log(line);
        kept.reportArns = recorded.reportArns;
        return results;
      },
    },
  };
}

/** Turns the runner's events into the emulator's phase calls and one log event per line of CodeBuild's log. */
class ReporterSink implements RunSink {
  private readonly text: RunSink;
  private partial = '';
  /** Output chunks may split a multi-byte character. */
  private readonly decoder = new StringDecoder('utf8');

  constructor(private readonly reporter: BuildReporter) {
    this.text = codeBuildLogSink({ write: (chunk) => this.write(chunk), once: () => undefined });
  }

  emit(event: RunEvent): void {
    if (event.type === 'phase-start' && event.phase !== 'DOWNLOAD_SOURCE') {
      this.flush();
      this.reporter.enterPhase(event.phase);
    }
    this.text.emit(event);
    if (event.type === 'phase-end') {
      this.flush();
      const status = event.status === 'IN_PROGRESS' ? 'FAULT' : event.status;
      this.reporter.completePhase(status, event.context);
    }
  }

  flush(): void {
    if (this.partial === '') return;
    this.reporter.log(this.partial);
    this.partial = '';
  }

  private write(chunk: string | Uint8Array): boolean {
    const lines = (this.partial + (typeof chunk === 'string' ? chunk : this.decoder.write(Buffer.from(chunk)))).split(
      '\n',
    );
    this.partial = lines.pop() ?? '';
    for (const line of lines) this.reporter.log(line);
    return true;
  }
}
