/**
 * Test helpers for the runner: a Buildspec built from a compact description (no YAML parser needed), a sink that
 * records events and renders the CodeBuild log, and a one-call build in a temporary source folder.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type { Buildspec, EnvSpec, OnFailure, Phase, PhaseName } from '../../src/buildspec/types.js';
import { runBuild, type EngineDeps, type EngineInput } from '../../src/runner/engine.js';
import { makeIdentity, type EnvEntries } from '../../src/runner/env.js';
import { codeBuildLogSink } from '../../src/runner/log.js';
import { scratchRoot } from '../../src/runner/run.js';
import type { BuildResult, RunEvent, RunSink } from '../../src/runner/types.js';

export interface PhaseDesc {
  commands?: string[];
  finally?: string[];
  runAs?: string;
  onFailure?: OnFailure;
  /** install only: runtime → version as written. */
  runtimeVersions?: Record<string, string>;
}

export interface BuildspecDesc {
  version?: '0.1' | '0.2';
  runAs?: string;
  shell?: string;
  variables?: Record<string, string>;
  parameterStore?: Record<string, string>;
  secretsManager?: Record<string, string>;
  exported?: string[];
  phases?: Partial<Record<PhaseName, PhaseDesc>>;
  artifacts?: Buildspec['artifacts'];
  reports?: Buildspec['reports'];
  cache?: Buildspec['cache'];
}

const pos = { line: 1, col: 1 };
const ORDER: PhaseName[] = ['install', 'pre_build', 'build', 'post_build'];

export function makeBuildspec(desc: BuildspecDesc): Buildspec {
  const named = (record: Record<string, string> | undefined) =>
    Object.entries(record ?? {}).map(([name, value]) => ({ name, value, pos }));
  const env: EnvSpec = {
    shell: desc.shell,
    variables: named(desc.variables),
    parameterStore: named(desc.parameterStore),
    secretsManager: named(desc.secretsManager).map((v) => ({ ...v, reference: { secretId: v.value } })),
    exportedVariables: desc.exported ?? [],
    gitCredentialHelper: false,
  };
  const phases: Phase[] = ORDER.filter((name) => desc.phases?.[name] !== undefined).map((name) => {
    const p = desc.phases?.[name] as PhaseDesc;
    return {
      name,
      runAs: p.runAs,
      onFailure: p.onFailure,
      ...(p.runtimeVersions !== undefined ? { runtimeVersions: named(p.runtimeVersions) } : {}),
      commands: (p.commands ?? []).map((text) => ({ text, pos })),
      finally: (p.finally ?? []).map((text) => ({ text, pos })),
      pos,
    };
  });
  return {
    file: 'buildspec.yml',
    version: desc.version ?? '0.2',
    runAs: desc.runAs,
    env,
    proxy: { uploadArtifacts: false, logs: false },
    phases,
    artifacts: desc.artifacts,
    reports: desc.reports ?? [],
    cache: desc.cache,
  };
}

/** Records every event and renders the plain log as text. */
export class RecordingSink implements RunSink {
  readonly events: RunEvent[] = [];
  private readonly chunks: Buffer[] = [];
  private readonly plain: RunSink;

  constructor(private readonly keepEvents = true) {
    const out = new PassThrough();
    out.on('data', (d: Buffer) => this.chunks.push(d));
    this.plain = codeBuildLogSink({ write: (c) => out.write(c), once: () => undefined });
  }

  emit(event: RunEvent): void {
    if (this.keepEvents) this.events.push(event);
    this.plain.emit(event);
  }

  /** The rendered log. */
  get log(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }

  /** Raw output bytes of all commands, in order. */
  get output(): Buffer {
    return Buffer.concat(this.events.flatMap((e) => (e.type === 'output' ? [e.data] : [])));
  }

  /** Output text per command, keyed by the command text (last run wins). */
  outputs(): Array<{ command: string; output: string; exitCode: number | undefined }> {
    const out: Array<{ command: string; output: string; exitCode: number | undefined }> = [];
    let current: { command: string; parts: Buffer[] } | undefined;
    for (const e of this.events) {
      if (e.type === 'command-start') current = { command: e.command, parts: [] };
      else if (e.type === 'output') current?.parts.push(e.data);
      else if (e.type === 'command-end' && current !== undefined) {
        out.push({
          command: current.command,
          output: Buffer.concat(current.parts).toString('utf8'),
          exitCode: e.exitCode,
        });
        current = undefined;
      }
    }
    return out;
  }

  /** The output of the only (or last) run of a command. */
  outputOf(command: string): string | undefined {
    return this.outputs()
      .filter((o) => o.command === command)
      .pop()?.output;
  }
}

const created: string[] = [];
// Each test file has its own copy of this module: its folders go when the file's tests are done.
afterAll(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A new folder, removed after the test file. */
export function tempDir(prefix = 'aws-cicd-runner-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

export interface TestBuildOptions {
  src?: string;
  image?: NodeJS.ProcessEnv;
  project?: EnvEntries;
  overrides?: EnvEntries;
  timeoutMinutes?: number;
  signal?: AbortSignal;
  deps?: Partial<EngineDeps>;
  sink?: RecordingSink;
  keepEvents?: boolean;
}

export interface TestBuild {
  result: BuildResult;
  sink: RecordingSink;
  src: string;
}

/** A minimal image environment for tests: PATH and HOME only, so results do not depend on the machine. */
export function testImage(): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME ?? '/root', LANG: 'C.UTF-8' };
}

export async function runTestBuild(
  spec: Buildspec | BuildspecDesc,
  options: TestBuildOptions = {},
): Promise<TestBuild> {
  const buildspec = 'env' in spec && 'proxy' in spec ? (spec as Buildspec) : makeBuildspec(spec as BuildspecDesc);
  const src = options.src ?? tempDir();
  const work = mkdtempSync(path.join(scratchRoot(), 'aws-cicd-work-'));
  const sink = options.sink ?? new RecordingSink(options.keepEvents ?? true);
  const identity = makeIdentity({
    projectName: 'demo',
    uuid: '11111111-2222-3333-4444-555555555555',
    buildNumber: 7,
    region: 'eu-west-1',
    initiator: 'tester',
    startTime: Date.UTC(2026, 10, 22, 10, 44, 12),
    srcDir: src,
  });
  const input: EngineInput = {
    buildspec,
    buildspecPath: path.join(src, 'buildspec.yml'),
    identity,
    image: options.image ?? testImage(),
    project: options.project ?? [],
    overrides: options.overrides ?? [],
    timeoutMinutes: options.timeoutMinutes ?? 60,
    signal: options.signal,
  };
  try {
    const result = await runBuild(input, {
      sink,
      clock: { now: () => performance.timeOrigin + performance.now() },
      spawn: (command, args, opts) => spawn(command, args, opts),
      workDir: work,
      ...options.deps,
    });
    return { result, sink, src };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function phaseSummary(result: BuildResult): string[] {
  return result.phases.map((p) => `${p.phaseType}:${p.phaseStatus ?? '-'}`);
}
