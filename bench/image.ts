/**
 * Standard image benchmark (docker/standard/Dockerfile built by Buildah as the image action builds it: chroot
 * isolation, `--layers`; overlay storage when the kernel allows it, else vfs, whose every step copies the whole root
 * filesystem; AWS_CICD_BENCH_STORAGE=vfs forces vfs), from the locally made base images (test/harness/images.ts):
 * - the image's compressed size (gzip layers as pushed: what CodeBuild pulls), and the part our layers add to the
 *   Debian base;
 * - rebuild time with a warm layer cache against the cold build (which includes apt-get's downloads): unchanged
 *   sources, and after a change to dist/cli (the layer that changes with every release); best of two each.
 * Needs root, buildah and debootstrap; otherwise it says what is missing.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildArgs, type BuildPlan } from '../src/image/commands.js';
import {
  BASE_IMAGE,
  buildahSandbox,
  debianRootfs,
  imageToolsMissing,
  makeBaseImages,
  overlayWorks,
  type BuildahSandbox,
} from '../test/harness/images.js';

const root = new URL('..', import.meta.url).pathname;
const TAG = 'localhost/aws-cicd/standard:bench';

export async function benchImage(): Promise<Record<string, number | string>> {
  const missing = imageToolsMissing();
  if (missing !== undefined) return { skipped: missing };
  const rootfs = await debianRootfs();
  // Overlay when the kernel allows it (what Buildah and Podman use on a runner), vfs otherwise (what the tests use).
  const driver = process.env.AWS_CICD_BENCH_STORAGE === 'vfs' || !overlayWorks() ? 'vfs' : 'overlay';
  const sandbox = buildahSandbox(undefined, driver);
  const context = mkdtempSync(path.join(tmpdir(), 'aws-cicd-bench-image-'));
  try {
    await makeBaseImages(sandbox, rootfs);
    // A copy of what the build reads, so the benchmark can change a source file.
    mkdirSync(path.join(context, 'docker/standard'), { recursive: true });
    cpSync(path.join(root, 'docker/standard/Dockerfile'), path.join(context, 'docker/standard/Dockerfile'));
    cpSync(path.join(root, 'dist/cli'), path.join(context, 'dist/cli'), { recursive: true });
    cpSync(path.join(root, '.dockerignore'), path.join(context, '.dockerignore'));
    const plan: BuildPlan = {
      engine: 'buildah',
      context,
      file: path.join(context, 'docker/standard/Dockerfile'),
      platforms: [],
      buildArgs: [],
      labels: [],
      refs: [TAG],
      push: false,
      provenance: false,
      cache: true,
    };
    const build = async (): Promise<number> => {
      const started = performance.now();
      await sandbox.buildah(buildArgs(plan), { cwd: context });
      return performance.now() - started;
    };
    const coldMs = await build();
    // Warm builds repeat and the best is kept, so load from other processes does not decide the ratios.
    const warmMs = Math.min(await build(), await build());
    const changed: number[] = [];
    for (const n of [1, 2]) {
      appendFileSync(path.join(context, 'dist/cli/index.js'), `\n// bench: release ${n}\n`);
      changed.push(await build());
    }
    const changedMs = Math.min(...changed);
    const sizes = await compressedSizes(sandbox, context);
    return {
      'storage driver': driver,
      'compressed size MB': sizes.total / 1e6,
      'compressed size of our layers MB': (sizes.total - sizes.base) / 1e6,
      'compressed size of the Debian base MB': sizes.base / 1e6,
      'layer sizes MB': sizes.layers.map((n) => (n / 1e6).toFixed(1)).join(' + '),
      'cold build s': coldMs / 1000,
      'warm rebuild, unchanged s': warmMs / 1000,
      'warm rebuild, dist/cli changed s': changedMs / 1000,
      'warm / cold': warmMs / coldMs,
      'dist/cli changed / cold': changedMs / coldMs,
    };
  } finally {
    rmSync(context, { recursive: true, force: true });
    await sandbox.close();
  }
}

/** Layer sizes as pushed (gzip), from an OCI layout the image and the base are pushed to. */
async function compressedSizes(
  sandbox: BuildahSandbox,
  dir: string,
): Promise<{ total: number; base: number; layers: number[] }> {
  const sizes = async (image: string, name: string): Promise<number[]> => {
    const layout = path.join(dir, `oci-${name}`);
    await sandbox.buildah(['push', '-q', image, `oci:${layout}:${name}`]);
    const index = JSON.parse(readFileSync(path.join(layout, 'index.json'), 'utf8')) as {
      manifests: Array<{ digest: string }>;
    };
    const digest = index.manifests[0]?.digest.replace('sha256:', '') ?? '';
    const manifest = JSON.parse(readFileSync(path.join(layout, 'blobs/sha256', digest), 'utf8')) as {
      layers: Array<{ size: number }>;
    };
    return manifest.layers.map((l) => l.size);
  };
  const image = await sizes(TAG, 'standard');
  const base = await sizes(BASE_IMAGE, 'base');
  const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);
  return { total: sum(image), base: sum(base), layers: image };
}
