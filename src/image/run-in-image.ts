/**
 * `aws-cicd run --image IMAGE` and the local action's `image` input: the buildspec runs inside a container of that
 * image, by the runner the image carries (`aws-cicd`, as in docker/standard), with the source folder mounted where
 * CodeBuild puts it (`/codebuild/output/src<n>/src`). The log streams live from the container; artifacts, the
 * build-number state and the report land in host folders mounted into it.
 *
 * Docker and Podman: `run --rm` with bind mounts. Buildah: `from` + `run --isolation chroot -v …` + `rm`, no daemon.
 * AWS variables of the host (credentials, region, endpoints) are passed by name (Docker/Podman `--env NAME`) or in a
 * file only root can read (Buildah), never as values in argv.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomInt, randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { StringDecoder } from 'node:string_decoder';
import path from 'node:path';
import { UserError } from '../core/errors.js';
import { defaultCacheDir } from '../runner/cache.js';
import { RUN_PREFERENCE, selectEngine, type EngineName } from './engine.js';
import type { Exec } from './exec.js';
import { tailOf } from './exec.js';
import { shellQuote } from '../core/shell.js';

export interface ContainerRunOptions {
  readonly image: string;
  /** Default: the first of Docker (with a daemon), Podman, Buildah. */
  readonly engine?: EngineName;
  /** Host source folder (CODEBUILD_SRC_DIR outside). */
  readonly srcDir: string;
  /** Host path of the buildspec. */
  readonly buildspecPath: string;
  /** Host folder for artifact ZIPs. Default: `<src>/.aws-cicd/artifacts`, as a host run. */
  readonly artifactsDir?: string;
  readonly envFile?: string;
  /** `NAME=VALUE` overrides. */
  readonly env?: readonly string[];
  /** Default: the host source folder's name, as a host run. */
  readonly projectName?: string;
  readonly region?: string;
  readonly timeoutMinutes?: number;
  /** Host folder of the local build cache. Default: the host's default cache folder. */
  readonly cacheDir?: string;
  readonly batch?: boolean;
  readonly parallel?: number;
  readonly signal?: AbortSignal;
}

export interface ContainerRunDeps {
  readonly exec: Exec;
  /** The host environment (engine configuration, AWS variables to pass on). */
  readonly env: NodeJS.ProcessEnv;
  /** The container's log, as it comes. */
  readonly stdout: (chunk: Buffer) => void;
  readonly stderr: (chunk: Buffer) => void;
  /** Parent of the scratch folder (report, env file). Default: the OS temp dir. */
  readonly tmpDir?: string;
  readonly uuid?: () => string;
  /** The `<n>` of `/codebuild/output/src<n>/src`. Default: random, as CodeBuild's. */
  readonly srcNumber?: number;
}

export interface ContainerRunResult {
  readonly engine: EngineName;
  /** The runner's exit status inside the container: 0 SUCCEEDED, 1 not, 2 invalid buildspec. */
  readonly exitCode: number;
  /** The build (or batch) report, shaped like the host runner's `--report-json`, with host paths. */
  readonly report?: Record<string, unknown>;
  /** CODEBUILD_SRC_DIR inside the container. */
  readonly containerSrcDir: string;
}

/** AWS settings of the host that the build inside needs (parameter-store, secrets-manager, the build's region). */
const FORWARDED =
  /^(AWS_(ACCESS_KEY_ID|SECRET_ACCESS_KEY|SESSION_TOKEN|REGION|DEFAULT_REGION|ENDPOINT_URL(_[A-Z0-9_]+)?|EC2_METADATA_DISABLED|MAX_ATTEMPTS)|NO_COLOR)$/;

const OUTPUT = '/codebuild/output';
const INPUT = '/codebuild/input';
const REPORT_DIR = `${OUTPUT}/aws-cicd-report`;
const ARTIFACTS_DIR = `${OUTPUT}/aws-cicd-artifacts`;
const CACHE_DIR = '/codebuild/local-cache';

interface Mount {
  readonly host: string;
  readonly container: string;
  readonly readOnly?: boolean;
}

export async function runInImage(options: ContainerRunOptions, deps: ContainerRunDeps): Promise<ContainerRunResult> {
  const engine = await selectEngine(deps.exec, options.engine, RUN_PREFERENCE, deps.env);
  const srcDir = path.resolve(options.srcDir);
  if (!statSync(srcDir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UserError(`the source folder ${srcDir} does not exist`, { exitCode: 2 });
  }
  const containerSrc = `${OUTPUT}/src${deps.srcNumber ?? randomInt(100_000_000, 1_000_000_000)}/src`;
  const scratch = mkdtempSync(path.join(deps.tmpDir ?? tmpdir(), 'aws-cicd-container-'));
  const mounts: Mount[] = [{ host: srcDir, container: containerSrc }];
  /** A host path as the container sees it: inside the source folder it is there already, else it is mounted. */
  const place = (hostPath: string, mountPoint: string, readOnly: boolean): string => {
    const rel = path.relative(srcDir, hostPath);
    if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel)))
      return path.posix.join(containerSrc, ...rel.split(path.sep));
    mounts.push({ host: hostPath, container: mountPoint, readOnly });
    return mountPoint;
  };
  try {
    const artifactsHost = path.resolve(srcDir, options.artifactsDir ?? path.join('.aws-cicd', 'artifacts'));
    mkdirSync(artifactsHost, { recursive: true });
    const artifacts = place(artifactsHost, ARTIFACTS_DIR, false);
    const buildspec = place(
      path.resolve(options.buildspecPath),
      `${INPUT}/${path.basename(options.buildspecPath)}`,
      true,
    );
    const envFile =
      options.envFile === undefined ? undefined : place(path.resolve(options.envFile), `${INPUT}/env-file`, true);
    const cacheHost = path.resolve(options.cacheDir ?? defaultCacheDir(deps.env));
    mkdirSync(cacheHost, { recursive: true });
    mounts.push({ host: cacheHost, container: CACHE_DIR });
    const reportHost = path.join(scratch, 'report');
    mkdirSync(reportHost);
    mounts.push({ host: reportHost, container: REPORT_DIR });

    const runArgs = [
      'run',
      '--source',
      containerSrc,
      '--buildspec',
      buildspec.startsWith(`${containerSrc}/`) ? buildspec.slice(containerSrc.length + 1) : buildspec,
      '--artifacts',
      artifacts,
      '--report-json',
      `${REPORT_DIR}/report.json`,
      '--project',
      options.projectName ?? (path.basename(srcDir) || 'local'),
      '--cache-dir',
      CACHE_DIR,
      ...(options.region !== undefined ? ['--region', options.region] : []),
      ...(options.timeoutMinutes !== undefined ? ['--timeout', String(options.timeoutMinutes)] : []),
      ...(envFile !== undefined ? ['--env-file', envFile] : []),
      // The image as CODEBUILD_BUILD_IMAGE (spec §6), which the runner inside cannot know: as an --env override,
      // which every version of the runner in an image understands (the user's own --env come after it and win).
      '--env',
      `CODEBUILD_BUILD_IMAGE=${options.image}`,
      ...(options.env ?? []).flatMap((e) => ['--env', e]),
      ...(options.batch ? ['--batch'] : []),
      ...(options.parallel !== undefined ? ['--parallel', String(options.parallel)] : []),
    ];
    const forwarded = Object.keys(deps.env)
      .filter((name) => FORWARDED.test(name) && deps.env[name] !== undefined)
      .sort();
    const result =
      engine === 'buildah'
        ? await runBuildah(options, deps, { mounts, containerSrc, runArgs, forwarded, scratch })
        : await runContainer(engine, options, deps, { mounts, containerSrc, runArgs, forwarded });
    const report = readReport(path.join(reportHost, 'report.json'), [
      [containerSrc, srcDir],
      [ARTIFACTS_DIR, artifactsHost],
    ]);
    if (report === undefined && (result.code === null || result.code > 2)) {
      const why = result.code === 127 ? ': the image has no aws-cicd command (build FROM docker/standard)' : '';
      throw new UserError(
        `the build did not run in ${options.image} (${engine} exit status ${result.code ?? 'signal'})${why}`,
      );
    }
    return { engine, exitCode: result.code ?? 1, report, containerSrcDir: containerSrc };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

interface Prepared {
  readonly mounts: readonly Mount[];
  readonly containerSrc: string;
  readonly runArgs: readonly string[];
  readonly forwarded: readonly string[];
}

/** Docker and Podman: one `run --rm`; the AWS variables by name (their values come from this process). */
async function runContainer(
  engine: EngineName,
  options: ContainerRunOptions,
  deps: ContainerRunDeps,
  prepared: Prepared,
): Promise<{ code: number | null }> {
  const name = `aws-cicd-${(deps.uuid ?? randomUUID)()}`;
  const args = [
    'run',
    '--rm',
    '--name',
    name,
    ...prepared.mounts.flatMap((m) => ['--volume', volume(m, engine)]),
    '--workdir',
    prepared.containerSrc,
    ...prepared.forwarded.flatMap((n) => ['--env', n]),
    options.image,
    'aws-cicd',
    ...prepared.runArgs,
  ];
  const result = await deps.exec(engine, args, {
    env: deps.env,
    signal: options.signal,
    onOutput: (chunk, stream) => (stream === 'stdout' ? deps.stdout(chunk) : deps.stderr(chunk)),
  });
  if (result.code === 125) deps.stderr(Buffer.from(`${engine}: ${tailOf(result, 5)}\n`));
  return result;
}

/** Buildah: a working container from the image, one `run` in it, then removed. */
async function runBuildah(
  options: ContainerRunOptions,
  deps: ContainerRunDeps,
  prepared: Prepared & { readonly scratch: string },
): Promise<{ code: number | null }> {
  const from = await deps.exec(
    'buildah',
    ['from', '--name', `aws-cicd-${(deps.uuid ?? randomUUID)()}`, options.image],
    { env: deps.env, signal: options.signal },
  );
  if (from.code !== 0) throw new UserError(`buildah from ${options.image} failed: ${tailOf(from, 5)}`);
  const container = from.stdout.trim().split('\n').pop() ?? '';
  // Buildah answers a signal by killing the command at once, and the command's children live on in the host's
  // process table (chroot isolation): the runner inside gets the signal itself, and stops the build as on a host.
  let pid: number | undefined;
  let killTimer: NodeJS.Timeout | undefined;
  const onAbort = () => {
    if (pid === undefined) return;
    const buildah = pid;
    stopChrootCommand(buildah);
    killTimer = setTimeout(() => killTree(buildah), STOP_GRACE_MS);
    killTimer.unref();
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const mounts = [...prepared.mounts];
    let command = ['aws-cicd', ...prepared.runArgs];
    if (prepared.forwarded.length > 0) {
      // Buildah takes variables only as NAME=VALUE arguments: pass them in a file that only root can read.
      const file = path.join(prepared.scratch, 'host.env');
      writeFileSync(file, prepared.forwarded.map((n) => `export ${n}=${shellQuote(deps.env[n] ?? '')}\n`).join(''), {
        mode: 0o600,
      });
      mounts.push({ host: file, container: `${INPUT}/host.env`, readOnly: true });
      command = ['/bin/sh', '-c', `. ${INPUT}/host.env && exec "$@"`, 'sh', ...command];
    }
    const args = [
      'run',
      `--isolation=${deps.env.BUILDAH_ISOLATION?.trim() || 'chroot'}`,
      ...mounts.flatMap((m) => ['--volume', volume(m, 'buildah')]),
      '--workingdir',
      prepared.containerSrc,
      container,
      '--',
      ...command,
    ];
    return await deps.exec('buildah', args, {
      env: deps.env,
      onStart: (started) => {
        pid = started;
        if (options.signal?.aborted) onAbort();
      },
      onOutput: (chunk, stream) => (stream === 'stdout' ? deps.stdout(chunk) : deps.stderr(chunk)),
    });
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    if (killTimer) clearTimeout(killTimer);
    await deps.exec('buildah', ['rm', container], { env: deps.env }).catch(() => undefined);
  }
}

/** How long the runner inside has to stop the build before everything is killed. */
const STOP_GRACE_MS = 15_000;

/** Parent pid of every process (Linux /proc). */
function parents(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid …: comm may hold spaces and parentheses, so read after the last ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // The process ended meanwhile.
    }
  }
  return children;
}

function descendants(pid: number): number[] {
  const children = parents();
  const found: number[] = [];
  const queue = [...(children.get(pid) ?? [])];
  while (queue.length > 0) {
    const next = queue.shift() as number;
    found.push(next);
    queue.push(...(children.get(next) ?? []));
  }
  return found;
}

function argv0(pid: number): string {
  try {
    return path.basename(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] ?? '');
  } catch {
    return '';
  }
}

/** SIGTERM to the command Buildah runs: the first process under it that is not one of Buildah's own helpers. */
function stopChrootCommand(buildah: number): void {
  const command = descendants(buildah).find((pid) => !argv0(pid).startsWith('buildah'));
  if (command !== undefined) signal(command, 'SIGTERM');
  else signal(buildah, 'SIGTERM');
}

function killTree(buildah: number): void {
  for (const pid of [...descendants(buildah).reverse(), buildah]) signal(pid, 'SIGKILL');
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
}

function volume(mount: Mount, engine: EngineName): string {
  // SELinux hosts need :z for Podman to share the folder with the container; it is harmless elsewhere.
  const flags = [mount.readOnly ? 'ro' : 'rw', ...(engine === 'podman' ? ['z'] : [])];
  return `${mount.host}:${mount.container}:${flags.join(',')}`;
}

/** The report the runner wrote inside, its artifact locations turned back into host paths. */
function readReport(
  file: string,
  paths: ReadonlyArray<readonly [string, string]>,
): Record<string, unknown> | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const toHost = (value: string): string => {
    for (const [inside, outside] of paths) {
      if (value === inside || value.startsWith(`${inside}/`)) return outside + value.slice(inside.length);
    }
    return value;
  };
  const walk = (value: unknown, key?: string): unknown => {
    if (Array.isArray(value)) return value.map((v) => walk(v));
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    }
    return key === 'location' && typeof value === 'string' ? toHost(value) : value;
  };
  return walk(JSON.parse(text)) as Record<string, unknown>;
}

/**
 * The local runner's image runner (runner/local.ts InImageRunner), made of this module's runInImage: the faces pass it
 * to the local use case, which itself never starts a container.
 */
export function inImageRunner(deps: { readonly exec: Exec; readonly env: NodeJS.ProcessEnv }) {
  return async (
    request: Omit<ContainerRunOptions, 'env'> & { readonly env: readonly string[] },
    onLine: (line: string) => void,
  ): Promise<{ exitCode: number; report?: Record<string, unknown> }> => {
    const lines = new LineSplitter(onLine);
    const result = await runInImage(request, {
      exec: deps.exec,
      env: deps.env,
      stdout: (chunk) => lines.push(chunk),
      stderr: (chunk) => lines.push(chunk),
    });
    lines.end();
    return { exitCode: result.exitCode, ...(result.report !== undefined ? { report: result.report } : {}) };
  };
}

/** Whole lines from chunks, UTF-8 decoded across chunk boundaries. */
class LineSplitter {
  private partial = '';
  private readonly decoder = new StringDecoder('utf8');

  constructor(private readonly line: (text: string) => void) {}

  push(chunk: Buffer): void {
    const parts = (this.partial + this.decoder.write(chunk)).split('\n');
    this.partial = parts.pop() ?? '';
    for (const part of parts) this.line(part);
  }

  end(): void {
    this.partial += this.decoder.end();
    if (this.partial !== '') this.line(this.partial);
    this.partial = '';
  }
}
