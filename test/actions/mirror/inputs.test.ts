/**
 * The mirror action's inputs, read by the mirror option schema and checked by mirrorSettings: defaults, every input,
 * and mistakes named by the input they are in.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { inputName, inputNaming, readInputs } from '../../../src/core/options.js';
import { mirrorOptions } from '../../../src/mirror/options.js';
import { MIRROR_OUTPUTS, mirrorSettings } from '../../../src/mirror/run.js';

const ENV = { AWS_REGION: 'eu-west-1', GITHUB_WORKSPACE: '/ws' };
/** As the action reads them: the workspace is where relative paths resolve. */
const read = (inputs: Record<string, string>, env: NodeJS.ProcessEnv = ENV, defaultBranch?: string) =>
  mirrorSettings(
    readInputs(mirrorOptions, (name) => inputs[name] ?? '', env),
    {
      env,
      cwd: env.GITHUB_WORKSPACE ?? process.cwd(),
      naming: inputNaming(mirrorOptions),
      defaultBranch,
    },
  );

test('defaults: everything mirrored from the workspace, no prune, rewinds allowed', () => {
  expect(read({ repository: 'app' })).toEqual({
    repository: 'app',
    region: 'eu-west-1',
    source: '/ws',
    include: [],
    exclude: [],
    prune: false,
    protect: [],
    onRewind: 'allow',
    dryRun: false,
    createRepository: false,
    tags: {},
  });
});

test("every input; the default branch the face gives (the action: the event payload's)", () => {
  const settings = read(
    {
      repository: 'codecommit::us-west-2://app',
      source: 'sub/dir',
      include: 'main\nrelease/*  refs/tags/v*\n# a comment',
      exclude: 'wip/*',
      prune: 'true',
      protect: 'release/**',
      'on-rewind': 'fail',
      'dry-run': 'yes',
      'create-repository': 'true',
      'repository-description': 'Mirror of octo/app',
      'kms-key-id': 'alias/code',
      tags: 'team=ci\ncost center = 42',
      'github-token': 'ghs_x',
    },
    { ...ENV, GITHUB_SERVER_URL: 'https://ghe.example.com' },
    'trunk',
  );
  expect(settings).toEqual({
    repository: 'app',
    region: 'us-west-2',
    source: '/ws/sub/dir',
    include: ['main', 'release/*', 'refs/tags/v*'],
    exclude: ['wip/*'],
    prune: true,
    protect: ['release/**'],
    onRewind: 'fail',
    dryRun: true,
    createRepository: true,
    description: 'Mirror of octo/app',
    kmsKeyId: 'alias/code',
    tags: { team: 'ci', 'cost center': '42' },
    githubToken: 'ghs_x',
    githubServerUrl: 'https://ghe.example.com',
    defaultBranch: 'trunk',
  });
});

test('mistakes name the input', () => {
  expect(() => read({})).toThrow('input "repository" is required');
  expect(() => read({ repository: 'bad name' })).toThrow('input "repository" "bad name"');
  expect(() => read({ repository: 'codecommit::us-west-2://app', region: 'eu-west-1' })).toThrow(
    'input "region" is eu-west-1 but input "repository" names us-west-2',
  );
  expect(() => read({ repository: 'app' }, {})).toThrow('no AWS region');
  expect(() => read({ repository: 'app', include: 'a:b' })).toThrow('input "include": "a:b" is not a ref pattern');
  expect(() => read({ repository: 'app', 'on-rewind': 'force' })).toThrow(
    'input "on-rewind" must be one of allow, fail; got "force"',
  );
  expect(() => read({ repository: 'app', prune: 'maybe' })).toThrow('input "prune" must be true or false');
  expect(() => read({ repository: 'app', tags: 'novalue' })).toThrow('input "tags", line 1: expected KEY=VALUE');
  expect(() => read({ repository: 'app', tags: 'aws:x=1' })).toThrow('input "tags", line 1');
  expect(() => read({ repository: 'app', 'repository-description': 'x'.repeat(1001) })).toThrow(
    'longer than CodeCommit',
  );
});

test('action.yml declares exactly these inputs and outputs, each described, run by node24 from dist/mirror', () => {
  const action = parse(readFileSync('actions/mirror/action.yml', 'utf8')) as {
    inputs: Record<string, { description?: string; default?: string }>;
    outputs: Record<string, { description?: string }>;
    runs: { using: string; main: string };
  };
  const inputs = Object.entries(mirrorOptions).flatMap(([key, spec]) => inputName(key, spec) ?? []);
  expect(Object.keys(action.inputs).sort()).toEqual(inputs.sort());
  expect(Object.keys(action.outputs).sort()).toEqual(Object.values(MIRROR_OUTPUTS).sort());
  for (const item of [...Object.values(action.inputs), ...Object.values(action.outputs)]) {
    expect(item.description?.length).toBeGreaterThan(10);
  }
  expect(action.inputs['github-token']?.default).toBe('${{ github.token }}');
  expect(action.runs).toEqual({ using: 'node24', main: '../../dist/mirror/index.js' });
});
