/**
 * The mirror action end to end against the emulator and our Git servers: in-process (outputs, summary, failures), and
 * as GitHub runs it (its own process from src/actions/mirror/index.ts under tsx, inputs in INPUT_*, outputs and
 * summary in the runner's files; git calls the same entry back as its credential helper).
 */
import { CreateRepositoryCommand } from '@aws-sdk/client-codecommit';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { run, type MirrorActionDeps } from '../../../src/actions/mirror/main.js';
import { httpBackendAvailable } from '../../harness/git-server.js';
import { interpretWorkflowLog } from '../../security/workflow-log-model.js';
import {
  ACTION_ENTRY,
  commit,
  git,
  newRepo,
  refsOf,
  SELF,
  startWorld,
  TSX,
  type MirrorWorld,
} from '../../mirror/support.js';

const describeGit = httpBackendAvailable() ? describe : describe.skip;
if (!httpBackendAvailable()) console.warn('mirror action tests skipped: /usr/lib/git-core/git-http-backend is missing');

let world: MirrorWorld;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => world?.close());

function harness(inputs: Record<string, string>, env: NodeJS.ProcessEnv) {
  const stdout = new PassThrough();
  let log = '';
  stdout.on('data', (d: Buffer) => (log += d.toString()));
  const outputs: Record<string, string> = {};
  const failures: string[] = [];
  let summary = '';
  const deps: MirrorActionDeps = {
    getInput: (name) => inputs[name] ?? '',
    env,
    stdout,
    setOutput: (name, value) => void (outputs[name] = value),
    setFailed: (message) => void failures.push(message),
    writeSummary: async (md) => void (summary += md),
    codecommit: world.client,
    self: SELF,
  };
  return { deps, outputs, failures, log: () => log, summary: () => summary };
}

describeGit('in-process', () => {
  test('creates the repository, mirrors, sets the outputs and writes the plan to the summary', async () => {
    const source = newRepo(world.dir, 'action-src');
    const head = commit(source, { 'a.txt': '1' });
    git(source, ['tag', 'v1']);
    git(source, ['branch', '<b>|x']);
    const h = harness(
      { repository: 'action-repo', 'create-repository': 'true', 'repository-description': 'from the action' },
      world.env({ GITHUB_WORKSPACE: source }),
    );
    const result = await run(h.deps);
    expect(h.failures).toEqual([]);
    expect(result?.pushed).toHaveLength(3);
    expect(h.outputs).toEqual({
      'repository-url': `${world.server.url}/v1/repos/action-repo`,
      'grc-url': 'codecommit::us-east-1://action-repo',
      'refs-created': '3',
      'refs-updated': '0',
      'refs-deleted': '0',
      'head-sha': head,
    });
    expect(h.log()).toContain('::group::Plan');
    expect(h.log()).toContain('Plan: 3 to create, 0 to update, 0 to rewind, 0 to delete, 0 unchanged');
    expect(h.summary()).toContain('## Mirror to CodeCommit: <code>action-repo</code>');
    // A ref name is data in the summary: no HTML, no table cell break.
    expect(h.summary()).toContain('<code>refs/heads/&#60;b&#62;&#124;x</code>');
    expect(h.summary()).not.toContain('<b>');
    // The secret key is masked before anything else is written.
    const commands = interpretWorkflowLog(h.log()).commands;
    expect(commands[0]).toMatchObject({ name: 'add-mask', data: 'test' });
  });

  test('a failure sets the outputs of what was done, the summary says what was not, the step fails', async () => {
    await world.client.send(new CreateRepositoryCommand({ repositoryName: 'action-rewind' }));
    const source = newRepo(world.dir, 'action-rewind-src');
    commit(source, { 'a.txt': '1' });
    const env = world.env({ GITHUB_WORKSPACE: source });
    await run(harness({ repository: 'action-rewind' }, env).deps);
    git(source, ['commit', '-q', '--amend', '-m', 'rewritten']);
    git(source, ['branch', 'extra']);
    const h = harness({ repository: 'action-rewind', 'on-rewind': 'fail' }, env);
    await run(h.deps);
    expect(h.failures).toHaveLength(1);
    expect(h.failures[0]).toMatch(/^on-rewind is fail and 1 ref is not a fast-forward/);
    expect(h.outputs['refs-created']).toBe('0');
    expect(h.summary()).toContain('❌ failed');
    expect(h.summary()).toContain('Not pushed: <code>refs/heads/extra</code>, <code>refs/heads/main</code>');
  });

  test('input mistakes fail the step before any call', async () => {
    const h = harness({ repository: 'x', 'on-rewind': 'maybe' }, world.env({ GITHUB_WORKSPACE: world.dir }));
    await run(h.deps);
    expect(h.failures).toEqual(['input "on-rewind" must be one of allow, fail; got "maybe"']);
    expect(h.outputs).toEqual({});
  });
});

describeGit('as GitHub runs it', () => {
  test('its own process: inputs from INPUT_*, outputs and summary files, the git password masked', async () => {
    const source = newRepo(world.dir, 'process-src');
    const head = commit(source, { 'a.txt': '1' });
    const files = { output: path.join(world.dir, 'output'), summary: path.join(world.dir, 'summary') };
    for (const f of Object.values(files)) writeFileSync(f, '');
    const env = world.env({
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: source,
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
      INPUT_REPOSITORY: 'codecommit::us-east-1://process-repo',
      'INPUT_CREATE-REPOSITORY': 'true',
      'INPUT_GITHUB-TOKEN': 'ghs_processToken',
    });
    const child = spawn(process.execPath, ['--import', TSX, ACTION_ENTRY], { cwd: source, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(readFileSync(files.output, 'utf8')).toMatch(new RegExp(`head-sha<<ghadelimiter_[\\w-]+\\n${head}\\n`));
    expect(readFileSync(files.summary, 'utf8')).toContain('✅ mirrored');
    expect(refsOf(world.emulator.state.codecommit.path('process-repo')).get('refs/heads/main')).toBe(head);
    const log = interpretWorkflowLog(stdout);
    const masks = log.commands.filter((c) => c.name === 'add-mask').map((c) => c.data);
    // The AWS secret, the token, and the git passwords the helper made (one per git invocation that authenticated).
    expect(masks).toEqual(expect.arrayContaining(['test', 'ghs_processToken']));
    const passwords = masks.filter((m) => /^\d{8}T\d{6}Z[0-9a-f]{64}$/.test(m));
    expect(passwords.length).toBeGreaterThanOrEqual(2);
    for (const p of passwords) expect(log.visible.join('\n')).not.toContain(p);
  });
});
