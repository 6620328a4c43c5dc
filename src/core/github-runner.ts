/**
 * The few runner interfaces the build action uses — inputs, outputs, state, the job summary, the step's failure — as
 * @actions/core implements them (INPUT_*, STATE_*, the GITHUB_OUTPUT / GITHUB_STATE / GITHUB_STEP_SUMMARY files with
 * `name<<ghadelimiter_<uuid>` records). Written out here because importing @actions/core loads its OIDC HTTP client
 * (undici), which costs this action about a third of its cold start.
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { escapeData, escapeProperty } from '../core/workflow-commands.js';

/** An input as @actions/core reads it (trimmed). */
export function getInput(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return rawInput(name, env).trim();
}

/** An input as the runner passes it (INPUT_<NAME>), untrimmed: inline YAML keeps its layout. */
export function rawInput(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '';
}

export function getState(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return env[`STATE_${name}`] ?? '';
}

export function setOutput(name: string, value: string, env: NodeJS.ProcessEnv = process.env): void {
  fileCommand('GITHUB_OUTPUT', 'set-output', name, value, env);
}

export function saveState(name: string, value: string, env: NodeJS.ProcessEnv = process.env): void {
  fileCommand('GITHUB_STATE', 'save-state', name, value, env);
}

/** Appends to the job summary; without GITHUB_STEP_SUMMARY (a local run) there is none. */
export async function appendSummary(markdown: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const file = env.GITHUB_STEP_SUMMARY;
  if (file) appendFileSync(file, markdown.endsWith('\n') ? markdown : markdown + '\n', 'utf8');
}

/** Fails the step: exit code 1 and an error annotation. */
export function setFailed(message: string, out: { write(text: string): unknown } = process.stdout): void {
  process.exitCode = 1;
  out.write(`::error::${escapeData(message)}\n`);
}

function fileCommand(variable: string, command: string, name: string, value: string, env: NodeJS.ProcessEnv): void {
  const file = env[variable];
  if (!file) {
    // As @actions/core: set-output (not save-state) is preceded by a line break, so it starts a line.
    const before = command === 'set-output' ? '\n' : '';
    process.stdout.write(`${before}::${command} name=${escapeProperty(name)}::${escapeData(value)}\n`);
    return;
  }
  const delimiter = `ghadelimiter_${randomUUID()}`;
  if (name.includes(delimiter) || value.includes(delimiter)) throw new Error('unexpected delimiter in a file command');
  appendFileSync(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`, 'utf8');
}
