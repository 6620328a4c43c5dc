/**
 * Which container engine to use: Docker when its daemon answers (`docker info`), else Podman or Buildah (neither
 * needs a daemon). `--engine` / the `engine` input forces one, and then it must work.
 */
import { UserError } from '../core/errors.js';
import type { Exec } from './exec.js';
import { tailOf } from './exec.js';

export const ENGINES = ['docker', 'podman', 'buildah'] as const;
export type EngineName = (typeof ENGINES)[number];

/** Building images: Docker (buildx) first, then Buildah, then Podman (whose build is Buildah's). */
export const BUILD_PREFERENCE: readonly EngineName[] = ['docker', 'buildah', 'podman'];
/** Running a container: Docker, Podman, Buildah. */
export const RUN_PREFERENCE: readonly EngineName[] = ['docker', 'podman', 'buildah'];

const INSTALL_HINT =
  'install Docker (with a running daemon), Podman or Buildah (Debian/Ubuntu: `apt-get install buildah`)';

/** Whether the engine can be used here; a reason when it cannot. */
export async function probeEngine(
  exec: Exec,
  engine: EngineName,
  env?: NodeJS.ProcessEnv,
): Promise<string | undefined> {
  // `docker info` needs the daemon; the others need only their binary.
  const args = engine === 'docker' ? ['info', '--format', '{{.ServerVersion}}'] : ['--version'];
  try {
    const result = await exec(engine, args, { env });
    if (result.code === 0) return undefined;
    return engine === 'docker'
      ? `no Docker engine answers (docker info: ${tailOf(result, 3) || `exit status ${result.code}`})`
      : `${engine} --version failed: ${tailOf(result, 3)}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return `${engine} is not installed`;
    throw error;
  }
}

/** The forced engine (checked), or the first usable one in `preference`. */
export async function selectEngine(
  exec: Exec,
  forced: EngineName | undefined,
  preference: readonly EngineName[],
  env?: NodeJS.ProcessEnv,
): Promise<EngineName> {
  if (forced !== undefined) {
    const problem = await probeEngine(exec, forced, env);
    if (problem !== undefined) throw new UserError(`engine ${forced} cannot be used: ${problem}`);
    return forced;
  }
  const problems: string[] = [];
  for (const engine of preference) {
    const problem = await probeEngine(exec, engine, env);
    if (problem === undefined) return engine;
    problems.push(problem);
  }
  throw new UserError(`no container engine found (${problems.join('; ')}): ${INSTALL_HINT}`);
}

export function isEngineName(value: string): value is EngineName {
  return (ENGINES as readonly string[]).includes(value);
}
