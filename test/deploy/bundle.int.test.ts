/** A revision bundle from a folder: the appspec checked (with what only the folder tells), then zipped. */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkBundle, zipFolder } from '../../src/deploy/bundle.js';
import { defaultKey, uploadRevision } from '../../src/deploy/revision.js';
import type { S3Api } from '../../src/aws/s3.js';

const APPSPEC = `version: 0.0
os: linux
files:
  - source: app
    destination: /srv/app
hooks:
  ApplicationStop:
    - location: scripts/stop.sh
  AfterInstall:
    - location: scripts/install.sh
      timeout: 60
  ValidateService:
    - location: scripts/validate.sh
`;

let root: string;

function folder(name: string, files: Record<string, string>): string {
  const dir = path.join(root, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'aws-cicd-bundle-test-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

test('a complete folder: no findings', () => {
  const dir = folder('ok', {
    'appspec.yml': APPSPEC,
    'app/index.html': 'hi',
    'scripts/stop.sh': '#!/bin/sh\n',
    'scripts/install.sh': '#!/bin/sh\n',
    'scripts/validate.sh': '#!/bin/sh\n',
  });
  const check = checkBundle(dir, 'deploy');
  expect(check).toMatchObject({ appspecFile: 'deploy/appspec.yml', findings: [], invalid: false });
  expect(check.appspec?.platform).toBe('ec2');
});

test('hook scripts and sources missing from the folder: errors on their lines (ApplicationStop: a warning)', () => {
  const dir = folder('missing', { 'appspec.yml': APPSPEC, 'scripts/install.sh': '#!/bin/sh\n' });
  const check = checkBundle(dir, 'deploy');
  expect(check.invalid).toBe(true);
  expect(check.findings.map((f) => `${f.file}:${f.line}:${f.col}: ${f.severity}: ${f.path}: ${f.message}`)).toEqual([
    'deploy/appspec.yml:4:5: error: files: source "app" is not in the bundle (deploy/app does not exist)',
    'deploy/appspec.yml:8:7: warning: hooks.ApplicationStop: script "scripts/stop.sh" is not in the bundle ' +
      '(deploy/scripts/stop.sh does not exist): the next deployment would fail its ApplicationStop with ScriptMissing',
    'deploy/appspec.yml:13:7: error: hooks.ValidateService: script "scripts/validate.sh" is not in the bundle ' +
      '(deploy/scripts/validate.sh does not exist): ValidateService would fail with ScriptMissing',
  ]);
});

test("the appspec validator's own findings come with file:line, and the folder's checks with them", () => {
  const dir = folder('bad', {
    'appspec.yml': 'version: 0.0\nos: linux\nhooks:\n  AfterInstal:\n    - location: x.sh\n',
  });
  const check = checkBundle(dir, '.');
  expect(check.invalid).toBe(true);
  expect(check.findings[0]).toMatchObject({ file: 'appspec.yml', line: 4, severity: 'error' });
  expect(check.findings[0]?.message).toContain('AfterInstall');
  expect(check.findings[1]).toMatchObject({ file: 'appspec.yml', line: 5, path: 'hooks.AfterInstal' });
  expect(check.findings[1]?.message).toContain('script "x.sh" is not in the bundle (x.sh does not exist)');
});

test('every problem in one pass: a wrong os does not hide the missing hook script and source', () => {
  const dir = folder('one-pass', {
    'appspec.yml': APPSPEC.replace('os: linux', 'os: linx'),
    'app/index.html': 'hi',
    'scripts/stop.sh': '#!/bin/sh\n',
    'scripts/install.sh': '#!/bin/sh\n',
  });
  const check = checkBundle(dir, 'deploy');
  expect(check.invalid).toBe(true);
  expect(check.appspec).toBeUndefined();
  expect(check.findings.map((f) => `${f.line}:${f.col}: ${f.severity}: ${f.path}: ${f.message}`)).toEqual([
    expect.stringMatching(/^2:5: error: os: must be linux or windows, not "linx"/),
    '13:7: error: hooks.ValidateService: script "scripts/validate.sh" is not in the bundle ' +
      '(deploy/scripts/validate.sh does not exist): ValidateService would fail with ScriptMissing',
  ]);
  // And a missing source with a broken version, all reported together.
  const both = folder('one-pass-2', {
    'appspec.yml': APPSPEC.replace('version: 0.0', 'version: 1').replace('os: linux', 'os: linx'),
  });
  const all = checkBundle(both, '.').findings.map((f) => `${f.line}: ${f.path}`);
  expect(all).toEqual([
    expect.stringMatching(/^1: version/),
    '2: os',
    '4: files',
    '8: hooks.ApplicationStop',
    '10: hooks.AfterInstall',
    '13: hooks.ValidateService',
  ]);
});

test('no appspec.yml: a UserError, naming the file to rename when there is one', () => {
  const dir = folder('yaml', { 'appspec.yaml': APPSPEC });
  expect(() => checkBundle(dir, 'deploy')).toThrow(
    'deploy/appspec.yml not found: CodeDeploy reads the AppSpec file of a bundle from appspec.yml at its root (the folder has appspec.yaml; rename it)',
  );
  expect(() => checkBundle(path.join(root, 'nothing-here'), 'nothing-here')).toThrow(
    'does not exist or is not a folder',
  );
});

const haveUnzip = spawnSync('unzip', ['-v']).status === 0;
const withUnzip = haveUnzip ? test : test.skip;
if (!haveUnzip) console.warn('unzip is missing (apt-get install unzip): the bundle read-back test is skipped');

withUnzip('the zip: every file under the folder, modes kept, links as links, .git left out', async () => {
  const dir = folder('zip', {
    'appspec.yml': APPSPEC,
    'scripts/validate.sh': '#!/bin/sh\nexit 0\n',
    '.git/HEAD': 'ref: refs/heads/main\n',
    'app/.env': 'A=1\n',
  });
  chmodSync(path.join(dir, 'scripts/validate.sh'), 0o755);
  symlinkSync('validate.sh', path.join(dir, 'scripts/check.sh'));
  const out = path.join(root, 'out.zip');
  const result = await zipFolder(dir, out);
  expect(result.entries).toBe(4);
  const listing = execFileSync('zipinfo', ['-l', out], { encoding: 'utf8' });
  const names = listing
    .split('\n')
    .filter((l) => /^[-l]/.test(l))
    .map((l) => `${l.slice(0, 10)} ${l.split(/\s+/).at(-1)}`);
  expect(names).toEqual([
    '-rw-r--r-- app/.env',
    '-rw-r--r-- appspec.yml',
    'lrwxrwxrwx scripts/check.sh',
    '-rwxr-xr-x scripts/validate.sh',
  ]);
  const dest = path.join(root, 'unzipped');
  execFileSync('unzip', ['-q', out, '-d', dest]);
  expect(readFileSync(path.join(dest, 'appspec.yml'), 'utf8')).toBe(APPSPEC);
  expect(statSync(path.join(dest, 'scripts/validate.sh')).mode & 0o777).toBe(0o755);
});

test('upload: the key names the commit and the content; the revision pins ETag and version', async () => {
  const dir = folder('upload', { 'appspec.yml': 'version: 0.0\nos: linux\n' });
  const uploads: Array<{ bucket: string; key: string; size: number }> = [];
  const s3: S3Api = {
    uploadFile: async (r) => {
      uploads.push({ bucket: r.bucket, key: r.key, size: statSync(r.file).size });
      return { eTag: 'e7ag', versionId: 'v1', bytes: statSync(r.file).size };
    },
  };
  const sha = 'a'.repeat(40);
  const prepared = await uploadRevision({ kind: 's3', folder: dir, bucket: 'bundles' }, s3, {
    application: 'web',
    commit: sha,
  });
  expect(uploads).toHaveLength(1);
  expect(uploads[0]?.key).toMatch(new RegExp(`^web/${sha}-[0-9a-f]{12}\\.zip$`));
  expect(prepared.revision).toEqual({
    revisionType: 'S3',
    s3Location: { bucket: 'bundles', key: uploads[0]?.key, bundleType: 'zip', eTag: 'e7ag', version: 'v1' },
  });
  expect(prepared.location).toBe(`s3://bundles/${uploads[0]?.key} (version v1)`);
  expect(defaultKey('web', undefined, 'f'.repeat(64))).toBe('web/ffffffffffff.zip');
});
