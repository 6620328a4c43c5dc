/**
 * Hostile values for every input of every action (action.yml is the list): shell metacharacters, newlines, forged
 * workflow commands, a huge value, values of the wrong type. Each action runs as its own process, the way GitHub's
 * runner starts it, with every other input at a working value. The answer must be a clear error (an `::error::`
 * annotation, no stack trace) or the value taken as a literal: never a command executed, never a workflow command
 * forged, never a crash or a hang.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Emulator } from '../harness/aws/server.js';
import { awsEnv, createProject, gitRepo, startBuildEmulator } from '../codebuild/emulator-support.js';
import { ActionRunner, loadActions, readCommandFile, withDefaults, type ActionDefinition } from './action-process.js';
import { forgedCommands, interpretWorkflowLog } from './workflow-log-model.js';

const MARKER = 'INJECTED';

/** A value that tries everything at once; `canary` is created if any part of it ever reaches a shell. */
function hostile(canary: string): string {
  const touch = `touch ${canary}`;
  return [
    `v$(${touch})\`${touch}\`;${touch}|${touch}&&${touch} --upload-pack=${touch} -oProxyCommand=${touch}`,
    `::warning::${MARKER}`,
    `::set-output name=${MARKER}::1`,
    `::add-mask::${MARKER}-mask`,
    `::stop-commands::${MARKER}`,
    `%0A::error::${MARKER}`,
    `NAME=${MARKER}$(${touch})`,
  ].join('\n');
}

/** 100 KB (a Linux environment string holds at most 128 KB), ending in a forged command. */
function huge(canary: string): string {
  return 'A'.repeat(100_000) + '\n' + hostile(canary);
}

let runner: ActionRunner;
let emulator: Emulator;
let repo: ReturnType<typeof gitRepo>;
let localSource: string;

/** Per action: the inputs that make a run do real work, and its environment. */
const contexts: Record<string, () => { inputs: Record<string, string>; env: NodeJS.ProcessEnv; cwd: string }> = {
  build: () => ({
    // wait: false keeps a run short; the log path is covered by the forged-log test below.
    inputs: { 'project-name': 'app', wait: 'false' },
    env: {
      ...awsEnv(emulator),
      GITHUB_WORKSPACE: repo.dir,
      GITHUB_SHA: repo.commit,
      GITHUB_EVENT_NAME: 'push',
      GITHUB_REPOSITORY: 'octo/app',
    },
    cwd: repo.dir,
  }),
  local: () => ({
    inputs: { source: localSource, artifacts: path.join(localSource, 'out') },
    env: { ...awsEnv(emulator), GITHUB_WORKSPACE: localSource },
    cwd: localSource,
  }),
};

const actions = loadActions();

beforeAll(async () => {
  runner = new ActionRunner();
  emulator = await startBuildEmulator();
  repo = gitRepo({
    'buildspec.yml': 'version: 0.2\nphases:\n  build:\n    commands:\n      - echo building\n',
    'ci/echo.yml':
      'version: 0.2\nphases:\n  build:\n    commands:\n      - echo "$HOSTILE"\n      - printf "%s\\n" "$HOSTILE"\n',
  });
  await createProject(emulator, 'app', repo.dir);
  localSource = path.join(runner.directory, 'local-source');
  mkdirSync(localSource, { recursive: true });
  writeFileSync(
    path.join(localSource, 'buildspec.yml'),
    'version: 0.2\nphases:\n  build:\n    commands:\n      - echo hi\n',
  );
});

afterAll(async () => {
  await emulator?.close();
  repo?.cleanup();
  if (runner) rmSync(runner.directory, { recursive: true, force: true });
});

test('every action has a working context in this suite', () => {
  expect(actions.map((a) => a.name).filter((name) => !contexts[name])).toEqual([]);
});

let canaries = 0;

async function attack(action: ActionDefinition, input: string, make: (canary: string) => string): Promise<void> {
  const context = contexts[action.name]?.();
  if (!context) throw new Error(`no context for action ${action.name}`);
  const canary = path.join(runner.directory, `pwned-${++canaries}`);
  const value = make(canary);
  const run = await runner.run(action, {
    inputs: withDefaults(action, { ...context.inputs, [input]: value }),
    env: context.env,
    cwd: context.cwd,
    timeoutMs: 90_000,
  });
  const what = `${action.name} with a hostile ${input}`;
  const log = interpretWorkflowLog(run.stdout);
  const errors = log.commands.filter((c) => c.name === 'error');
  const report = { what, code: run.code, signal: run.signal, errors: errors.map((e) => e.data.slice(0, 300)) };
  expect({ ...report, timedOut: run.timedOut, crashed: run.code !== 0 && run.code !== 1 }).toMatchObject({
    timedOut: false,
    crashed: false,
  });
  expect({ what, executed: existsSync(canary) }).toEqual({ what, executed: false });
  expect({ what, forged: forgedCommands(log, MARKER) }).toEqual({ what, forged: [] });
  const outputs = readCommandFile(run.files.output);
  expect({ what, keys: Object.keys(outputs).filter((k) => k.includes(MARKER)) }).toEqual({ what, keys: [] });
  const stack = /^\s+at .+:\d+:\d+\)?$/m;
  expect({ what, stack: stack.test(run.stdout) || stack.test(run.stderr) }).toEqual({ what, stack: false });
  if (run.code === 1) {
    // A clear error: an annotation with a message, not an empty failure.
    expect({ ...report, annotated: errors.some((e) => e.data.trim().length > 0) }).toMatchObject({ annotated: true });
  }
}

describe.each(actions.map((a) => [a.name, a] as const))('%s', (_name, action) => {
  test.each(Object.keys(action.inputs))('input %s: metacharacters, newlines, forged commands', async (input) => {
    await attack(action, input, hostile);
  });
  test.each(Object.keys(action.inputs))('input %s: a 100 KB value', async (input) => {
    await attack(action, input, huge);
  });
});

test("a build's log that prints workflow commands forges none", async () => {
  const build = actions.find((a) => a.name === 'build');
  if (!build) throw new Error('no build action');
  const context = contexts.build?.();
  if (!context) throw new Error('no build context');
  const canary = path.join(runner.directory, 'pwned-log');
  const run = await runner.run(build, {
    inputs: withDefaults(build, {
      'project-name': 'app',
      buildspec: 'ci/echo.yml',
      env: `HOSTILE=x\n`,
      'start-build-json': JSON.stringify({
        environmentVariablesOverride: [{ name: 'HOSTILE', value: hostile(canary), type: 'PLAINTEXT' }],
      }),
    }),
    env: context.env,
    cwd: context.cwd,
  });
  expect(run.code).toBe(0);
  // The build printed the forged commands at the start of its lines: they must reach the log only as text.
  expect(run.stdout).toContain(`::warning::${MARKER}`);
  expect(forgedCommands(interpretWorkflowLog(run.stdout), MARKER)).toEqual([]);
  expect(existsSync(canary)).toBe(false);
});
