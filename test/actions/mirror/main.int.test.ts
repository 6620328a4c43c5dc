/**
 * The mirror action end to end against the emulator and our Git servers: in-process (outputs, summary, failures), and
 * as GitHub runs it (its own process from src/actions/mirror/index.ts under tsx, inputs in INPUT_*, outputs and
 * summary in the runner's files; git calls the same entry back as its credential helper).
 */
import { CreateRepositoryCommand } from '@aws-sdk/client-codecommit';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { mirrorAction } from '../../../src/actions/mirror/main.js';
import { httpBackendAvailable } from '../../harness/git-server.js';
import { interpretWorkflowLog } from '../../security/workflow-log-model.js';
import { runActionInProcess } from '../../support/action.js';
import { actionEntry, startActionProcess } from '../../support/action-process.js';
import { commit, git, newRepo, refsOf, SELF, startWorld, type MirrorWorld } from '../../mirror/support.js';

const describeGit = httpBackendAvailable() ? describe : describe.skip;
if (!httpBackendAvailable()) console.warn('mirror action tests skipped: /usr/lib/git-core/git-http-backend is missing');

let world: MirrorWorld;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => world?.close());

/** The action in this process, with the emulator's client and the credential helper run from its entry point. */
function runMirrorAction(inputs: Record<string, string>, env: NodeJS.ProcessEnv) {
  return runActionInProcess(mirrorAction({ codecommit: world.client, self: SELF }), { inputs, env });
}

describeGit('in-process', () => {
  test('creates the repository, mirrors, sets the outputs and writes the plan to the summary', async () => {
    const source = newRepo(world.dir, 'action-src');
    const head = commit(source, { 'a.txt': '1' });
    git(source, ['tag', 'v1']);
    git(source, ['branch', '<b>|x']);
    const run = await runMirrorAction(
      { repository: 'action-repo', 'create-repository': 'true', 'repository-description': 'from the action' },
      world.env({ GITHUB_WORKSPACE: source }),
    );
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.outputs).toEqual({
      'repository-url': `${world.server.url}/v1/repos/action-repo`,
      'grc-url': 'codecommit::us-east-1://action-repo',
      'refs-created': '3',
      'refs-updated': '0',
      'refs-deleted': '0',
      'head-sha': head,
    });
    expect(refsOf(world.emulator.state.codecommit.path('action-repo')).size).toBe(3);
    expect(run.stdout).toContain('::group::Plan');
    expect(run.stdout).toContain('Plan: 3 to create, 0 to update, 0 to rewind, 0 to delete, 0 unchanged');
    expect(run.summary).toContain('## Mirror to CodeCommit: <code>action-repo</code>');
    // A ref name is data in the summary: no HTML, no table cell break.
    expect(run.summary).toContain('<code>refs/heads/&#60;b&#62;&#124;x</code>');
    expect(run.summary).not.toContain('<b>');
    // The secret key is masked before anything else is written.
    const commands = interpretWorkflowLog(run.stdout).commands;
    expect(commands[0]).toMatchObject({ name: 'add-mask', data: 'test' });
  });

  test('the default branch of the event payload is pushed first into an empty repository', async () => {
    // Checked out: dev. Without the event's default branch, dev would go first.
    const source = newRepo(world.dir, 'action-default-src', 'dev');
    const tip = commit(source, { 'a.txt': '1' });
    git(source, ['branch', 'trunk']);
    const event = path.join(world.dir, 'action-default-event.json');
    writeFileSync(event, JSON.stringify({ repository: { default_branch: 'trunk' } }));
    const run = await runMirrorAction(
      { repository: 'action-default', 'create-repository': 'true' },
      world.env({ GITHUB_WORKSPACE: source, GITHUB_EVENT_PATH: event }),
    );
    expect(run.errors).toEqual([]);
    const pushed = run.stdout
      .split('\n')
      .filter((line) => line.startsWith('::debug::git push '))
      .map((line) => line.slice(line.lastIndexOf(' ') + 1));
    expect(pushed).toEqual([`${tip}:refs/heads/trunk`, `${tip}:refs/heads/dev`]);
  });

  test('a failure sets the outputs of what was done, the summary says what was not, the step fails', async () => {
    await world.client.send(new CreateRepositoryCommand({ repositoryName: 'action-rewind' }));
    const source = newRepo(world.dir, 'action-rewind-src');
    commit(source, { 'a.txt': '1' });
    const env = world.env({ GITHUB_WORKSPACE: source });
    expect((await runMirrorAction({ repository: 'action-rewind' }, env)).code).toBe(0);
    git(source, ['commit', '-q', '--amend', '-m', 'rewritten']);
    git(source, ['branch', 'extra']);
    const run = await runMirrorAction({ repository: 'action-rewind', 'on-rewind': 'fail' }, env);
    expect(run.code).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toMatch(/^on-rewind is fail and 1 ref is not a fast-forward/);
    // The failure is the last thing the step writes.
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/^::error::on-rewind is fail/);
    expect(run.outputs['refs-created']).toBe('0');
    expect(run.summary).toContain('❌ failed');
    expect(run.summary).toContain('Not pushed: <code>refs/heads/extra</code>, <code>refs/heads/main</code>');
    expect(run.stdout).toContain('not pushed refs/heads/extra');
    expect(run.stdout).toContain('not pushed refs/heads/main');
  });

  test('input mistakes fail the step before any call', async () => {
    const run = await runMirrorAction(
      { repository: 'x', 'on-rewind': 'maybe' },
      world.env({ GITHUB_WORKSPACE: world.dir }),
    );
    expect(run.code).toBe(1);
    expect(run.errors).toEqual(['input "on-rewind" must be one of allow, fail; got "maybe"']);
    expect(run.outputs).toEqual({});
  });
});

describeGit('as GitHub runs it', () => {
  test('its own process: inputs from INPUT_*, outputs and summary files, the git password masked', async () => {
    const source = newRepo(world.dir, 'process-src');
    const head = commit(source, { 'a.txt': '1' });
    const step = startActionProcess(actionEntry('mirror'), {
      inputs: {
        repository: 'codecommit::us-east-1://process-repo',
        'create-repository': 'true',
        'github-token': 'ghs_processToken',
      },
      cwd: source,
      under: world.dir,
      env: world.env({ GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: source }),
    });
    const code = await step.exit;
    const stderr = step.stderr();
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(step.outputs()['head-sha']).toBe(head);
    expect(step.summary()).toContain('✅ mirrored');
    expect(refsOf(world.emulator.state.codecommit.path('process-repo')).get('refs/heads/main')).toBe(head);
    const log = interpretWorkflowLog(step.stdout());
    const masks = log.commands.filter((c) => c.name === 'add-mask').map((c) => c.data);
    // The AWS secret, the token, and the git passwords the helper made (one per git invocation that authenticated).
    expect(masks).toEqual(expect.arrayContaining(['test', 'ghs_processToken']));
    const passwords = masks.filter((m) => /^\d{8}T\d{6}Z[0-9a-f]{64}$/.test(m));
    expect(passwords.length).toBeGreaterThanOrEqual(2);
    for (const p of passwords) expect(log.visible.join('\n')).not.toContain(p);
  });
});
