/**
 * Container images without a registry to pull from: Buildah in a private sandbox (vfs storage and its run root in a
 * temp folder, set through CONTAINERS_STORAGE_CONF, so nothing touches the machine's container storage) and the two
 * base images docker/standard/Dockerfile starts from, made here and tagged with the names the Dockerfile uses:
 *
 * - BASE_IMAGE: a Debian bookworm root filesystem from `debootstrap --variant=minbase`, trimmed like the official
 *   bookworm-slim (no docs, man pages or locales), its apt sources pointing at this machine's Debian mirror;
 * - NODE_IMAGE: the same plus Node 24 (the npm package `node`'s official binary, this repository's devDependency) at
 *   /usr/local/bin/node and npm at /usr/local/lib/node_modules/npm, where the official node image has them.
 *
 * debootstrap takes a while (about 40 s here), so its root filesystem is kept between runs in AWS_CICD_TEST_CACHE
 * (default /var/cache/aws-cicd-test). Everything needs root.
 */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { arch, tmpdir } from 'node:os';
import path from 'node:path';
import { nodeExec, type Exec, type ExecOptions } from '../../src/image/exec.js';
import { registryAvailable } from './registry.js';

export const BASE_IMAGE = 'public.ecr.aws/docker/library/debian:bookworm-slim';
export const NODE_IMAGE = 'public.ecr.aws/docker/library/node:24-bookworm-slim';
export const NODE_BINARY = path.resolve('node_modules/node/bin/node');
const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const DEFAULT_MIRROR = 'http://deb.debian.org/debian';

/** Why the image tests cannot run here, with how to fix it; undefined when they can. */
export function imageToolsMissing(): string | undefined {
  const missing: string[] = [];
  if (!which('buildah')) missing.push('buildah');
  if (!registryAvailable()) missing.push('docker-registry');
  if (!existsSync('/usr/sbin/debootstrap')) missing.push('debootstrap');
  const problems: string[] = [];
  if (missing.length > 0) {
    problems.push(`missing ${missing.join(', ')}: apt-get install --no-install-recommends ${missing.join(' ')}`);
  }
  if (process.getuid?.() !== 0) problems.push('not root (buildah with vfs storage and chroot isolation, debootstrap)');
  if (!existsSync(NODE_BINARY)) problems.push(`no Node binary at ${NODE_BINARY}: npm install`);
  if (npmDirectory() === undefined) problems.push('no npm installation found (npm root -g)');
  return problems.length > 0 ? problems.join('; ') : undefined;
}

function which(command: string): boolean {
  return (process.env.PATH ?? '').split(':').some((dir) => dir !== '' && existsSync(path.join(dir, command)));
}

/** npm's own package folder (copied into the node image as the official image has it). */
export function npmDirectory(): string | undefined {
  try {
    const root = execFileSync('npm', ['root', '-g'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dir = path.join(root, 'npm');
    return existsSync(path.join(dir, 'bin', 'npm-cli.js')) ? dir : undefined;
  } catch {
    return undefined;
  }
}

export interface BuildahSandbox {
  /** The environment every buildah call of the test uses (its private storage). */
  readonly env: NodeJS.ProcessEnv;
  readonly dir: string;
  /** Runs buildah in the sandbox; throws with its output when it fails. */
  buildah(args: readonly string[], options?: ExecOptions): Promise<string>;
  close(): Promise<void>;
}

/** Whether the kernel lets us mount overlayfs (Buildah's fast storage driver); vfs works everywhere. */
export function overlayWorks(): boolean {
  if (process.getuid?.() !== 0) return false;
  const dir = mkdtempSync(path.join(tmpdir(), 'aws-cicd-overlay-'));
  try {
    for (const d of ['lower', 'upper', 'work', 'merged']) mkdirSync(path.join(dir, d));
    const opts = `lowerdir=${dir}/lower,upperdir=${dir}/upper,workdir=${dir}/work`;
    execFileSync('mount', ['-t', 'overlay', 'overlay', '-o', opts, `${dir}/merged`], { stdio: 'ignore' });
    execFileSync('umount', [`${dir}/merged`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function buildahSandbox(exec: Exec = nodeExec, driver: 'vfs' | 'overlay' = 'vfs'): BuildahSandbox {
  const dir = mkdtempSync(path.join(tmpdir(), 'aws-cicd-buildah-'));
  mkdirSync(path.join(dir, 'tmp'));
  writeFileSync(path.join(dir, 'auth.json'), '{}\n', { mode: 0o600 });
  writeFileSync(
    path.join(dir, 'storage.conf'),
    `[storage]\ndriver = "${driver}"\ngraphroot = "${dir}/storage"\nrunroot = "${dir}/run"\n`,
  );
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CONTAINERS_STORAGE_CONF: path.join(dir, 'storage.conf'),
    // Logins of anything but our code (which passes --authfile) stay in the sandbox too.
    REGISTRY_AUTH_FILE: path.join(dir, 'auth.json'),
    TMPDIR: path.join(dir, 'tmp'),
  };
  const buildah = async (args: readonly string[], options: ExecOptions = {}) => {
    const result = await exec('buildah', args, { env, ...options });
    if (result.code !== 0) throw new Error(`buildah ${args.join(' ')} failed: ${result.stdout}\n${result.stderr}`);
    return result.stdout.trim();
  };
  return {
    env,
    dir,
    buildah,
    async close() {
      await exec('buildah', ['rm', '--all'], { env }).catch(() => undefined);
      await exec('buildah', ['umount', '--all'], { env }).catch(() => undefined);
      // Whatever overlay mounts are left under the sandbox go before its files, deepest first.
      const mounts = readFileSync('/proc/self/mounts', 'utf8')
        .split('\n')
        .map((line) => line.split(' ')[1] ?? '')
        .filter((point) => point.startsWith(`${dir}/`))
        .sort((a, b) => b.length - a.length);
      for (const point of mounts) await exec('umount', ['-l', point]).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The Debian mirror this machine's apt uses (the debootstrap'd image's apt sources point at it). */
export function debianMirror(): string {
  const texts: string[] = [];
  for (const file of ['/etc/apt/sources.list']) if (existsSync(file)) texts.push(readFileSync(file, 'utf8'));
  const dir = '/etc/apt/sources.list.d';
  if (existsSync(dir)) {
    for (const f of readdirSync(dir).sort()) {
      if (f.endsWith('.sources') || f.endsWith('.list')) texts.push(readFileSync(path.join(dir, f), 'utf8'));
    }
  }
  for (const text of texts) {
    // deb822: a stanza with URIs and a Suites line naming bookworm (not -security).
    for (const stanza of text.split(/\n\s*\n/)) {
      const uri = /^URIs:\s*(\S+)/m.exec(stanza)?.[1];
      const suites = /^Suites:\s*(.+)$/m.exec(stanza)?.[1] ?? '';
      if (uri && /(^|\s)bookworm(\s|$)/.test(suites) && !/^\s*Enabled:\s*no/im.test(stanza)) return uri;
    }
    const line = /^deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+bookworm\s/m.exec(text);
    if (line?.[1]) return line[1];
  }
  return DEFAULT_MIRROR;
}

export function cacheRoot(): string {
  return process.env.AWS_CICD_TEST_CACHE ?? '/var/cache/aws-cicd-test';
}

/**
 * A slim Debian bookworm root filesystem, made once with debootstrap and kept in the cache folder (a lock folder keeps
 * two test files from making it at once). Returns its path.
 */
export async function debianRootfs(exec: Exec = nodeExec): Promise<string> {
  const root = cacheRoot();
  const target = path.join(root, `bookworm-minbase-${arch()}`);
  const marker = path.join(target, '.aws-cicd-complete');
  if (existsSync(marker)) return target;
  mkdirSync(root, { recursive: true });
  const lock = path.join(root, `bookworm-minbase-${arch()}.lock`);
  for (let i = 0; ; i++) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(marker)) return target;
      if (i > 6000) throw new Error(`${lock} held for 10 minutes; remove it if no test is running`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    if (existsSync(marker)) return target;
    const work = mkdtempSync(path.join(root, 'debootstrap-'));
    const result = await exec('/usr/sbin/debootstrap', ['--variant=minbase', 'bookworm', work, debianMirror()]);
    if (result.code !== 0) {
      rmSync(work, { recursive: true, force: true });
      throw new Error(`debootstrap failed: ${result.stdout.slice(-2000)}\n${result.stderr.slice(-2000)}`);
    }
    slim(work);
    rmSync(target, { recursive: true, force: true });
    renameSync(work, target);
    writeFileSync(marker, `${new Date().toISOString()} ${debianMirror()}\n`);
    return target;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** What the official slim image leaves out: documentation (but copyrights), man pages, info, locales, apt caches. */
function slim(rootfs: string): void {
  writeFileSync(
    path.join(rootfs, 'etc/dpkg/dpkg.cfg.d/docker-slim'),
    [
      'path-exclude /usr/share/doc/*',
      'path-include /usr/share/doc/*/copyright',
      'path-exclude /usr/share/man/*',
      'path-exclude /usr/share/info/*',
      'path-exclude /usr/share/locale/*',
      'path-include /usr/share/locale/locale.alias',
      '',
    ].join('\n'),
  );
  const docs = path.join(rootfs, 'usr/share/doc');
  for (const pkg of existsSync(docs) ? readdirSync(docs) : []) {
    for (const entry of readdirSync(path.join(docs, pkg))) {
      if (entry !== 'copyright') rmSync(path.join(docs, pkg, entry), { recursive: true, force: true });
    }
  }
  for (const dir of ['usr/share/man', 'usr/share/info', 'var/cache/apt/archives', 'var/lib/apt/lists', 'dev']) {
    const full = path.join(rootfs, dir);
    for (const entry of existsSync(full) ? readdirSync(full) : []) {
      if (entry === 'partial' || entry === 'lock') continue;
      rmSync(path.join(full, entry), { recursive: true, force: true });
    }
  }
  const locales = path.join(rootfs, 'usr/share/locale');
  for (const entry of existsSync(locales) ? readdirSync(locales) : []) {
    if (entry !== 'locale.alias') rmSync(path.join(locales, entry), { recursive: true, force: true });
  }
  rmSync(path.join(rootfs, 'var/cache/apt/pkgcache.bin'), { force: true });
  rmSync(path.join(rootfs, 'var/cache/apt/srcpkgcache.bin'), { force: true });
}

/** Makes BASE_IMAGE and NODE_IMAGE in the sandbox's storage from the cached root filesystem. */
export async function makeBaseImages(sandbox: BuildahSandbox, rootfs: string): Promise<void> {
  const base = await sandbox.buildah(['from', 'scratch']);
  const mount = await sandbox.buildah(['mount', base]);
  execFileSync('cp', ['-a', `${rootfs}/.`, `${mount}/`]);
  rmSync(path.join(mount, '.aws-cicd-complete'), { force: true });
  await sandbox.buildah(['umount', base]);
  await sandbox.buildah(['config', '--env', `PATH=${PATH}`, '--cmd', 'bash', base]);
  await sandbox.buildah(['commit', '--rm', '-q', base, BASE_IMAGE]);

  const npm = npmDirectory();
  if (npm === undefined) throw new Error('no npm installation');
  const node = await sandbox.buildah(['from', BASE_IMAGE]);
  await sandbox.buildah(['copy', '-q', node, NODE_BINARY, '/usr/local/bin/node']);
  await sandbox.buildah(['copy', '-q', node, npm, '/usr/local/lib/node_modules/npm']);
  await sandbox.buildah(['config', '--env', 'NODE_VERSION=24', '--cmd', 'node', node]);
  await sandbox.buildah(['commit', '--rm', '-q', node, NODE_IMAGE]);
}
