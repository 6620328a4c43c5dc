/** Engine selection: docker only with a daemon that answers, then the daemonless ones; a forced engine must work. */
import { UserError } from '../../src/core/errors.js';
import { BUILD_PREFERENCE, RUN_PREFERENCE, selectEngine } from '../../src/image/engine.js';
import type { Exec } from '../../src/image/exec.js';

/** An Exec where each listed tool answers with the given exit status; others are not installed. */
function tools(status: Record<string, number>, calls: string[][] = []): Exec {
  return async (command, args) => {
    calls.push([command, ...args]);
    const code = status[command];
    if (code === undefined) throw Object.assign(new Error(`spawn ${command} ENOENT`), { code: 'ENOENT' });
    return { code, stdout: '', stderr: code === 0 ? '' : 'Cannot connect to the Docker daemon' };
  };
}

test('docker with a daemon comes first', async () => {
  const calls: string[][] = [];
  expect(await selectEngine(tools({ docker: 0, buildah: 0 }, calls), undefined, BUILD_PREFERENCE)).toBe('docker');
  expect(calls).toEqual([['docker', 'info', '--format', '{{.ServerVersion}}']]);
});

test('a docker CLI without a daemon is skipped: buildah to build, podman then buildah to run', async () => {
  const exec = tools({ docker: 1, podman: 0, buildah: 0 });
  expect(await selectEngine(exec, undefined, BUILD_PREFERENCE)).toBe('buildah');
  expect(await selectEngine(exec, undefined, RUN_PREFERENCE)).toBe('podman');
  expect(await selectEngine(tools({ docker: 1, buildah: 0 }), undefined, RUN_PREFERENCE)).toBe('buildah');
});

test('nothing usable: a UserError saying what was found and what to install', async () => {
  const error = await selectEngine(tools({ docker: 1 }), undefined, RUN_PREFERENCE).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UserError);
  expect((error as Error).message).toMatch(
    /no Docker engine answers.*podman is not installed; buildah is not installed/,
  );
  expect((error as Error).message).toContain('apt-get install buildah');
});

test('a forced engine is used when it works, else it is an error (no fallback)', async () => {
  expect(await selectEngine(tools({ docker: 0, buildah: 0 }), 'buildah', BUILD_PREFERENCE)).toBe('buildah');
  await expect(selectEngine(tools({ docker: 1, buildah: 0 }), 'docker', BUILD_PREFERENCE)).rejects.toThrow(
    'engine docker cannot be used: no Docker engine answers',
  );
});
