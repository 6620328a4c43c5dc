import { shellQuote } from '../core/shell.js';
import { expandBatch } from './batch.js';
import type { BatchSpec } from '../buildspec/types.js';
/**
 * What a build would do, without doing it (`aws-cicd run --dry-run`): the phases in order with their commands,
 * run-as user, on-failure and finally, and the shell. Pure: no files, no processes.
 */
import type { Buildspec, OnFailure, Phase, PhaseName } from '../buildspec/types.js';
import { UserError } from '../core/errors.js';

export const PHASE_TYPES: Readonly<Record<PhaseName, 'INSTALL' | 'PRE_BUILD' | 'BUILD' | 'POST_BUILD'>> = {
  install: 'INSTALL',
  pre_build: 'PRE_BUILD',
  build: 'BUILD',
  post_build: 'POST_BUILD',
};

export interface PlannedPhase {
  readonly name: PhaseName;
  readonly phaseType: 'INSTALL' | 'PRE_BUILD' | 'BUILD' | 'POST_BUILD';
  /** The effective user: the phase's run-as, else the buildspec's; undefined: the runner's user. */
  readonly runAs?: string;
  /** on-failure as written (ABORT, CONTINUE, RETRY-2-regex …); undefined: CodeBuild's default transitions. */
  readonly onFailure?: string;
  /** What happens after the phase fails (retries exhausted). */
  readonly whenFailed: string;
  readonly commands: readonly string[];
  readonly finally: readonly string[];
  readonly runtimeVersions: ReadonlyArray<{ readonly name: string; readonly value: string }>;
}

export interface BuildPlan {
  readonly version: '0.1' | '0.2';
  /** The shell commands run under, as the runner will start it. */
  readonly shell: string;
  /** A problem that will fail the build before any command runs (e.g. a Windows shell). */
  readonly shellError?: string;
  readonly statePerCommand: 'carried' | 'fresh';
  readonly phases: readonly PlannedPhase[];
  readonly artifacts: { readonly primary: boolean; readonly secondary: readonly string[] };
  readonly reports: readonly string[];
  readonly cache: boolean;
  readonly exportedVariables: readonly string[];
}

const WINDOWS_SHELLS = /^(powershell(\.exe)?|pwsh(\.exe)?|cmd(\.exe)?)$/i;

/** The executable for `env.shell`: absent → `sh` (dash on Debian/Ubuntu, as on CodeBuild's Linux images). */
export function resolveShell(shell: string | undefined): string {
  const name = shell?.trim() ?? '';
  if (name === '') return 'sh';
  if (WINDOWS_SHELLS.test(name.split(/[\\/]/).pop() ?? '')) {
    throw new UserError(
      `env.shell "${name}" is a Windows shell; the local runner runs commands with Linux shells (sh, bash or a path)`,
    );
  }
  return name;
}

export function onFailureText(onFailure: OnFailure | undefined): string | undefined {
  if (onFailure === undefined) return undefined;
  if (onFailure.kind !== 'RETRY') return onFailure.kind;
  return ['RETRY', String(onFailure.count), ...(onFailure.pattern === undefined ? [] : [onFailure.pattern])].join('-');
}

/** The transition after a failed phase (CodeBuild §4.1 and our choices for ABORT/CONTINUE, see FIDELITY.md). */
export function failureTransition(phase: PhaseName, onFailure: OnFailure | undefined): 'next' | 'upload' | 'end' {
  if (onFailure?.kind === 'CONTINUE') return 'next';
  if (onFailure?.kind === 'ABORT') return 'end';
  if (phase === 'build') return 'next';
  if (phase === 'post_build') return 'upload';
  return 'end';
}

const WHEN_FAILED = { next: 'continue with the next phase', upload: 'go to UPLOAD_ARTIFACTS', end: 'end the build' };

export function planBuild(buildspec: Buildspec): BuildPlan {
  let shell: string;
  let shellError: string | undefined;
  try {
    shell = resolveShell(buildspec.env.shell);
  } catch (error) {
    shell = buildspec.env.shell ?? 'sh';
    shellError = (error as Error).message;
  }
  const byName = new Map<PhaseName, Phase>(buildspec.phases.map((p) => [p.name, p]));
  const phases = (Object.keys(PHASE_TYPES) as PhaseName[]).map((name): PlannedPhase => {
    const phase = byName.get(name);
    const retry = phase?.onFailure?.kind === 'RETRY' ? phase.onFailure : undefined;
    const transition = WHEN_FAILED[failureTransition(name, phase?.onFailure)];
    return {
      name,
      phaseType: PHASE_TYPES[name],
      runAs: phase?.runAs ?? buildspec.runAs,
      onFailure: onFailureText(phase?.onFailure),
      whenFailed:
        retry === undefined
          ? transition
          : `retry up to ${retry.count} more time${retry.count === 1 ? '' : 's'}` +
            `${retry.pattern === undefined ? '' : ` when the error matches /${retry.pattern}/`}, then ${transition}`,
      commands: phase?.commands.map((c) => c.text) ?? [],
      finally: phase?.finally.map((c) => c.text) ?? [],
      runtimeVersions: phase?.runtimeVersions?.map((r) => ({ name: r.name, value: r.value })) ?? [],
    };
  });
  return {
    version: buildspec.version,
    shell,
    shellError,
    statePerCommand: buildspec.version === '0.1' ? 'fresh' : 'carried',
    phases,
    artifacts: {
      primary: (buildspec.artifacts?.files.length ?? 0) > 0,
      secondary: buildspec.artifacts?.secondary.map((s) => s.identifier) ?? [],
    },
    reports: buildspec.reports.map((r) => r.name),
    cache: buildspec.cache !== undefined,
    exportedVariables: buildspec.env.exportedVariables,
  };
}

/** The plan as text for a terminal. */
export function formatPlan(plan: BuildPlan): string {
  const out: string[] = [
    `buildspec version ${plan.version}; shell ${plan.shell}; ` +
      (plan.statePerCommand === 'carried'
        ? 'variables and directory carry from command to command'
        : 'each command in a fresh shell'),
  ];
  if (plan.shellError !== undefined) out.push(`error: ${plan.shellError}`);
  out.push('DOWNLOAD_SOURCE' + (plan.cache ? ' (restore cache)' : ''));
  for (const p of plan.phases) {
    const facts = [
      p.runAs === undefined ? undefined : `run-as ${p.runAs}`,
      p.onFailure === undefined ? undefined : `on-failure ${p.onFailure}`,
    ].filter((x): x is string => x !== undefined);
    out.push(`${p.phaseType}${facts.length > 0 ? ` (${facts.join(', ')})` : ''}`);
    for (const r of p.runtimeVersions) out.push(`  runtime ${r.name} ${r.value}`);
    for (const c of p.commands) out.push(indentCommand('  $ ', c));
    if (p.finally.length > 0) {
      out.push('  finally:');
      for (const c of p.finally) out.push(indentCommand('    $ ', c));
    }
    if (p.commands.length === 0 && p.finally.length === 0) out.push('  (no commands)');
    else out.push(`  if it fails: ${p.whenFailed}`);
  }
  const upload: string[] = [];
  if (plan.reports.length > 0) upload.push(`reports ${plan.reports.join(', ')}`);
  if (plan.artifacts.primary) upload.push('artifacts.zip');
  for (const s of plan.artifacts.secondary) upload.push(`${s}.zip`);
  if (plan.cache) upload.push('save cache');
  out.push(`UPLOAD_ARTIFACTS${upload.length > 0 ? `: ${upload.join(', ')}` : ' (nothing to upload)'}`);
  if (plan.exportedVariables.length > 0) out.push(`exported variables: ${plan.exportedVariables.join(', ')}`);
  return out.join('\n') + '\n';
}

function indentCommand(prefix: string, command: string): string {
  const pad = ' '.repeat(prefix.length);
  return command
    .replace(/\n$/, '')
    .split('\n')
    .map((line, i) => (i === 0 ? prefix : pad) + line)
    .join('\n');
}

/** What `run --batch` would run: each child build with its buildspec, variables and dependencies. */
export function formatBatchPlan(batch: BatchSpec, shown: string, parallel: number): string {
  const children = expandBatch(batch);
  const none = '(none)';
  const lines = [
    `batch ${batch.kind}${batch.fastFail ? ', fast-fail' : ''}: ${children.length} child ` +
      `build${children.length === 1 ? '' : 's'}, up to ${parallel} at once`,
  ];
  for (const child of children) {
    const env = child.variables.map(
      ([name, value]) => `${name}=${/^[\w@%+:,./-]*$/.test(value) ? value : shellQuote(value)}`,
    );
    const settings = Object.entries(child.environment).map(([key, value]) => `${key} ${value}`);
    lines.push(
      child.identifier,
      `  buildspec: ${child.buildspec ?? `${shown} (this file)`}`,
      `  env: ${env.length > 0 ? env.join(' ') : none}`,
      `  depend-on: ${child.dependOn.length > 0 ? child.dependOn.join(', ') : none}`,
    );
    if (child.ignoreFailure) lines.push('  ignore-failure: yes (its failure does not fail the batch)');
    if (settings.length > 0) lines.push(`  environment, not applied by a local run: ${settings.join(', ')}`);
  }
  return lines.join('\n') + '\n';
}
