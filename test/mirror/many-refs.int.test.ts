/**
 * 9,000 tags into an empty CodeCommit repository through our Git server: several pushes of at most 4,000 refs, and
 * all of them arrive. (A file of its own: over HTTP git's push matching is quadratic in the refs involved, so this
 * is the slowest mirror test and runs beside the others.)
 */
import { CreateRepositoryCommand } from '@aws-sdk/client-codecommit';
import { mirror } from '../../src/mirror/mirror.js';
import { httpBackendAvailable } from '../harness/git-server.js';
import {
  commit,
  git,
  newRepo,
  pushes,
  recordingLog,
  recordingSpawner,
  refsOf,
  settings,
  SELF,
  startWorld,
  type MirrorWorld,
} from './support.js';

const describeGit = httpBackendAvailable() ? describe : describe.skip;
if (!httpBackendAvailable()) {
  console.warn('mirror integration tests skipped: /usr/lib/git-core/git-http-backend is missing (apt-get install git)');
}

let world: MirrorWorld;

beforeAll(async () => {
  world = await startWorld();
});

afterAll(async () => {
  await world?.close();
});

async function codecommitRepo(name: string): Promise<{ name: string; dir: string }> {
  await world.client.send(new CreateRepositoryCommand({ repositoryName: name }));
  return { name, dir: world.emulator.state.codecommit.path(name) };
}

async function run(source: string, repository: string, overrides: Parameters<typeof settings>[1] = {}) {
  const log = recordingLog();
  const spawn = recordingSpawner();
  const promise = mirror(settings(source, { repository, ...overrides }), {
    codecommit: world.client,
    env: world.env(),
    self: SELF,
    log,
    spawn,
  });
  return { promise, log, spawn };
}

describeGit('many refs', () => {
  test('9,000 tags go in several pushes of at most 4,000 refs, and all arrive', async () => {
    const cc = await codecommitRepo('many');
    const source = newRepo(world.dir, 'many');
    const base = commit(source, { 'a.txt': '1' });
    const input = Array.from({ length: 9000 }, (_, i) => `create refs/tags/t${String(i).padStart(5, '0')} ${base}\n`);
    git(source, ['update-ref', '--stdin'], input.join(''));
    const { promise, spawn } = await run(source, cc.name, { defaultBranch: 'main' });
    const result = await promise;
    const sent = pushes(spawn.calls);
    // main alone first (the empty repository's default branch), then the tags in pushes of at most 4,000.
    expect(sent[0]).toEqual([`${base}:refs/heads/main`]);
    expect(sent.length).toBeGreaterThan(2);
    expect(sent.every((refs) => refs.length <= 4000)).toBe(true);
    expect(sent.flat()).toHaveLength(9001);
    expect(result.pushes).toBe(sent.length);
    const remote = refsOf(cc.dir);
    expect(remote.size).toBe(9001);
    expect(remote.get('refs/tags/t08999')).toBe(base);
    expect(result.pushed).toHaveLength(9001);
  }, 300_000);
});
