import { chmodSync } from 'node:fs';
import { findPasswdEntry, resolveRunAs } from '../../src/runner/run-as.js';
import { runTestBuild, tempDir } from './helpers.js';

const PASSWD = [
  'root:x:0:0:root:/root:/bin/bash',
  'codebuild-user:x:1001:1002::/home/codebuild-user:/bin/sh',
  'broken:x:abc:1::/:/bin/sh',
].join('\n');

describe('resolveRunAs', () => {
  const root = { name: 'root', uid: 0 };
  const dev = { name: 'dev', uid: 1000 };

  test('finds the user as root; no switch for the runner itself or no run-as', () => {
    expect(resolveRunAs('codebuild-user', root, () => PASSWD)).toEqual({
      name: 'codebuild-user',
      uid: 1001,
      gid: 1002,
      home: '/home/codebuild-user',
    });
    expect(resolveRunAs('root', root, () => PASSWD)).toBeUndefined();
    expect(resolveRunAs(undefined, dev, () => PASSWD)).toBeUndefined();
    expect(resolveRunAs('dev', dev, () => PASSWD)).toBeUndefined();
  });

  test('clear errors naming the user: unknown user, runner not root', () => {
    expect(() => resolveRunAs('ghost', root, () => PASSWD)).toThrow('run-as "ghost": no such user on this machine');
    expect(() => resolveRunAs('codebuild-user', dev, () => PASSWD)).toThrow(
      'run-as "codebuild-user": switching users needs the runner to run as root (it runs as "dev", uid 1000)',
    );
    expect(findPasswdEntry(PASSWD, 'broken')).toBeUndefined();
  });
});

describe('run-as in a build', () => {
  test('an unknown user fails PROVISIONING with CLIENT_ERROR before anything runs', async () => {
    const { result, sink } = await runTestBuild({
      runAs: 'no-such-user-here',
      phases: { build: { commands: ['true'] } },
    });
    expect(result.buildStatus).toBe('FAILED');
    expect(result.phases.find((p) => p.phaseType === 'PROVISIONING')?.contexts).toEqual([
      { statusCode: 'CLIENT_ERROR', message: 'run-as "no-such-user-here": no such user on this machine' },
    ]);
    expect(sink.outputs()).toEqual([]);
    expect(sink.log).toContain('Phase complete: PROVISIONING State: FAILED');
  });

  const asRoot = process.getuid?.() === 0 ? test : test.skip;
  asRoot('as root: global run-as, a phase overriding it, state carried between users', async () => {
    const src = tempDir();
    chmodSync(src, 0o777);
    const { result, sink } = await runTestBuild(
      {
        runAs: 'nobody',
        phases: {
          install: { runAs: 'root', commands: ['id -un; echo "$HOME"; FROM_ROOT=r; cd /tmp'] },
          build: { commands: ['id -un; echo "$HOME $USER"; echo "$FROM_ROOT $(pwd)"; FROM_NOBODY=n'] },
          post_build: { runAs: 'root', commands: ['id -un; echo "$HOME $FROM_NOBODY"'] },
        },
      },
      { src },
    );
    expect(result.buildStatus).toBe('SUCCEEDED');
    expect(sink.outputs().map((o) => o.output)).toEqual([
      `root\n${process.env.HOME ?? '/root'}\n`,
      'nobody\n/nonexistent nobody\nr /tmp\n',
      `root\n${process.env.HOME ?? '/root'} n\n`,
    ]);
  });
});
