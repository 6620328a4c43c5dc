/**
 * The standard image end to end with real parts: Buildah (vfs storage, chroot isolation, a private storage root)
 * builds docker/standard/Dockerfile from base images made locally with debootstrap; the image action pushes it to
 * Debian's docker-registry on loopback, which stands in for ECR with basic auth for `AWS` and the password of the AWS
 * emulator's GetAuthorizationToken; the manifest is read back over HTTP and its digest matched; then
 * `aws-cicd run --image` and the local action run a four-phase buildspec in the built image.
 *
 * Needs root, buildah, docker-registry and debootstrap (`.ci/run` installs them); takes minutes the first time
 * (debootstrap, then the image's apt-get), since nothing can be pulled here.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { BatchGetProjectsCommand, CodeBuildClient, CreateProjectCommand } from '@aws-sdk/client-codebuild';
import {
  DescribeRepositoriesCommand,
  ECRClient,
  GetLifecyclePolicyCommand,
  GetRepositoryPolicyCommand,
} from '@aws-sdk/client-ecr';
import { imageAction } from '../../src/actions/image/main.js';
import { localAction } from '../../src/actions/local/main.js';
import { imageCommandWith } from '../../src/cli/commands/image.js';
import { main } from '../../src/cli/main.js';
import { nodeExec, type Exec } from '../../src/image/exec.js';
import { startEmulator, type Emulator } from '../harness/aws/server.js';
import {
  buildahSandbox,
  debianRootfs,
  imageToolsMissing,
  makeBaseImages,
  type BuildahSandbox,
} from '../harness/images.js';
import { startRegistry, type TestRegistry } from '../harness/registry.js';
import { interpretWorkflowLog } from '../security/workflow-log-model.js';
import { clientConfig } from '../emulator/helpers.js';
import { runActionInProcess } from '../support/action.js';
import { runCli } from '../support/cli.js';

const REPO_ROOT = path.resolve('.');
const REPOSITORY = 'aws-cicd/standard';
const SHA = '0123456789abcdef0123456789abcdef01234567';
const MINUTES = 60_000;

interface Spawned {
  command: string;
  args: readonly string[];
  input?: string;
  env: NodeJS.ProcessEnv;
}

/** The real Exec, recording every process it starts. */
function recording(into: Spawned[]): Exec {
  return (command, args, options = {}) => {
    into.push({ command, args: [...args], input: options.input, env: options.env ?? process.env });
    return nodeExec(command, args, options);
  };
}

const FOUR_PHASES = `version: 0.2
env:
  exported-variables:
    - NODE_MAJOR
phases:
  install:
    commands:
      - node --version
      - NODE_MAJOR=$(node -p 'process.versions.node.split(".")[0]')
  pre_build:
    commands:
      - echo "debian $(cat /etc/debian_version) in $(pwd)"
      - test "$(pwd)" = "$CODEBUILD_SRC_DIR"
  build:
    commands:
      - git --version && jq --version && zip -v | head -n 2 && curl --version | head -n 1
      - echo "built by $CODEBUILD_BUILD_ID" > out.txt
  post_build:
    commands:
      - echo "post_build sees $NODE_MAJOR"
artifacts:
  files:
    - out.txt
`;

const missing = imageToolsMissing();

if (missing !== undefined) {
  describe('standard image (buildah, docker-registry, debootstrap)', () => {
    test.skip(`skipped: ${missing}`, () => undefined);
  });
} else {
  describe('standard image (buildah, docker-registry, debootstrap)', () => {
    let sandbox: BuildahSandbox;
    let emulator: Emulator;
    let registry: TestRegistry;
    let password: string;
    let workspace: string;
    const timings: Record<string, number> = {};
    let compressedBytes = 0;

    beforeAll(async () => {
      let t = performance.now();
      const rootfs = await debianRootfs();
      timings.rootfs = performance.now() - t;
      t = performance.now();
      sandbox = buildahSandbox();
      await makeBaseImages(sandbox, rootfs);
      timings.baseImages = performance.now() - t;
      emulator = await startEmulator();
      password = emulator.state.ecr.password();
      registry = await startRegistry({ username: 'AWS', password });
      const codebuild = new CodeBuildClient(clientConfig(emulator));
      await codebuild.send(
        new CreateProjectCommand({
          name: 'app',
          source: { type: 'NO_SOURCE', buildspec: 'version: 0.2\nphases:\n  build:\n    commands: [echo hi]\n' },
          artifacts: { type: 'NO_ARTIFACTS' },
          environment: {
            type: 'LINUX_CONTAINER',
            image: 'aws/codebuild/standard:7.0',
            computeType: 'BUILD_GENERAL1_SMALL',
            environmentVariables: [{ name: 'KEEP', value: 'me' }],
          },
          serviceRole: 'arn:aws:iam::000000000000:role/codebuild',
        }),
      );
      codebuild.destroy();
      workspace = mkdtempSync(path.join(tmpdir(), 'aws-cicd-image-ws-'));
      writeFileSync(path.join(workspace, 'event.json'), JSON.stringify({ repository: { default_branch: 'main' } }));
    }, 15 * MINUTES);

    afterAll(async () => {
      // The durations of this file's parts (`npm test` prints them; the bench measures builds properly).
      process.stderr.write(
        `standard image: ${Object.entries(timings)
          .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`)
          .join(', ')}; compressed ${(compressedBytes / 1e6).toFixed(1)} MB\n`,
      );
      await registry?.close();
      await emulator?.close();
      await sandbox?.close();
      if (workspace) rmSync(workspace, { recursive: true, force: true });
    }, 5 * MINUTES);

    function awsEnv(): NodeJS.ProcessEnv {
      return {
        ...sandbox.env,
        AWS_ENDPOINT_URL: emulator.url,
        AWS_REGION: emulator.region,
        AWS_ACCESS_KEY_ID: 'test',
        AWS_SECRET_ACCESS_KEY: 'test',
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_CICD_REGISTRY_ENDPOINT: registry.url,
      };
    }

    function expectNoPasswordIn(spawned: readonly Spawned[]): void {
      expect(spawned.length).toBeGreaterThan(0);
      for (const s of spawned) {
        expect({ command: s.command, args: s.args.filter((a) => a.includes(password)) }).toEqual({
          command: s.command,
          args: [],
        });
        const inEnv = Object.entries(s.env).filter(([, v]) => v?.includes(password) === true);
        expect({ command: s.command, env: inEnv.map(([k]) => k) }).toEqual({ command: s.command, env: [] });
      }
      // The password went to the logins only, through stdin.
      const given = spawned.filter((s) => s.input === password);
      expect(given.length).toBeGreaterThan(0);
      for (const s of given) expect(s.args[0]).toBe('login');
    }

    let pushed: { image: string; digest: string; tags: string[] } | undefined;

    test(
      'the image action builds docker/standard with buildah, pushes it, and the registry holds that digest',
      async () => {
        const spawned: Spawned[] = [];
        const inputs: Record<string, string> = {
          repository: REPOSITORY,
          context: REPO_ROOT,
          file: path.join(REPO_ROOT, 'docker/standard/Dockerfile'),
          engine: 'buildah',
          'build-args': `REVISION=${SHA}`,
          labels: 'org.opencontainers.image.source=https://github.com/octo/app',
          'codebuild-project': 'app',
          'update-project': 'true',
        };
        const started = performance.now();
        const step = await runActionInProcess(imageAction({ exec: recording(spawned), tmpDir: sandbox.dir }), {
          inputs,
          env: {
            ...awsEnv(),
            GITHUB_WORKSPACE: workspace,
            GITHUB_SHA: SHA,
            GITHUB_REF: 'refs/heads/main',
            GITHUB_EVENT_PATH: path.join(workspace, 'event.json'),
          },
        });
        timings.coldBuildAndPush = performance.now() - started;
        const { outputs, errors: failures, stdout: log, summary } = step;
        expect({ failures, tail: failures.length > 0 ? log.slice(-3000) : '' }).toEqual({ failures: [], tail: '' });
        expect(log).toContain('Engine: buildah');

        // Outputs: ECR names (the registry endpoint only says where the registry answers).
        const ecrHost = '000000000000.dkr.ecr.us-east-1.amazonaws.com';
        const digest = outputs.digest ?? '';
        expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
        expect(outputs.image).toBe(`${ecrHost}/${REPOSITORY}@${digest}`);
        expect(outputs.registry).toBe(ecrHost);
        const tags = (outputs.tags ?? '').split('\n');
        expect(tags).toEqual([SHA, 'main', 'latest'].map((t) => `${ecrHost}/${REPOSITORY}:${t}`));
        expect(summary).toContain(digest);

        // The registry serves that manifest under every tag, and its bytes hash to the digest.
        for (const tag of [SHA, 'main', 'latest']) {
          const manifest = await registry.manifest(REPOSITORY, tag);
          expect({ tag, status: manifest.status, digest: manifest.digest }).toEqual({ tag, status: 200, digest });
          expect(`sha256:${createHash('sha256').update(manifest.body).digest('hex')}`).toBe(digest);
          expect(manifest.mediaType).toBe('application/vnd.docker.distribution.manifest.v2+json');
        }
        const manifest = JSON.parse((await registry.manifest(REPOSITORY, digest)).body.toString()) as {
          config: { digest: string };
          layers: Array<{ size: number }>;
        };
        const config = JSON.parse((await registry.blob(REPOSITORY, manifest.config.digest)).toString()) as {
          config: {
            Cmd?: string[];
            Entrypoint?: string[] | null;
            Labels?: Record<string, string>;
            WorkingDir?: string;
          };
        };
        expect(config.config.Cmd).toEqual(['aws-cicd', 'run']);
        // No entrypoint: CodeBuild's agent (and `docker run IMAGE cmd`) run their own commands.
        expect(config.config.Entrypoint ?? []).toEqual([]);
        expect(config.config.Labels).toMatchObject({
          'org.opencontainers.image.revision': SHA,
          'org.opencontainers.image.source': 'https://github.com/octo/app',
          'org.opencontainers.image.title': 'aws-cicd standard',
        });
        compressedBytes = manifest.layers.reduce((n, l) => n + l.size, 0);
        expect(await registry.status('/v2/')).toBe(401);
        expect(await registry.status('/v2/', { username: 'AWS', password: 'not-it' })).toBe(401);

        // The repository: created with the defaults and the default lifecycle policy; CodeBuild may pull for `app`.
        const ecr = new ECRClient(clientConfig(emulator));
        const [repo] =
          (await ecr.send(new DescribeRepositoriesCommand({ repositoryNames: [REPOSITORY] }))).repositories ?? [];
        expect(repo).toMatchObject({ imageTagMutability: 'MUTABLE', imageScanningConfiguration: { scanOnPush: true } });
        const lifecycle = JSON.parse(
          (await ecr.send(new GetLifecyclePolicyCommand({ repositoryName: REPOSITORY }))).lifecyclePolicyText ?? '',
        ) as { rules: Array<{ selection: { tagStatus: string; countNumber: number } }> };
        expect(lifecycle.rules.map((r) => [r.selection.tagStatus, r.selection.countNumber])).toEqual([
          ['untagged', 14],
          ['tagged', 50],
        ]);
        const policy = JSON.parse(
          (await ecr.send(new GetRepositoryPolicyCommand({ repositoryName: REPOSITORY }))).policyText ?? '',
        ) as { Statement: Array<{ Principal: unknown; Condition: unknown }> };
        expect(policy.Statement).toEqual([
          expect.objectContaining({
            Principal: { Service: 'codebuild.amazonaws.com' },
            Condition: {
              StringEquals: { 'aws:SourceAccount': '000000000000' },
              ArnLike: { 'aws:SourceArn': 'arn:aws:codebuild:us-east-1:000000000000:project/app' },
            },
          }),
        ]);
        ecr.destroy();

        // The project builds in the digest-pinned image with the service role's pull credentials; the rest is kept.
        const codebuild = new CodeBuildClient(clientConfig(emulator));
        const [project] = (await codebuild.send(new BatchGetProjectsCommand({ names: ['app'] }))).projects ?? [];
        expect(project?.environment).toMatchObject({
          image: outputs.image,
          imagePullCredentialsType: 'SERVICE_ROLE',
          computeType: 'BUILD_GENERAL1_SMALL',
          environmentVariables: [{ name: 'KEEP', value: 'me', type: 'PLAINTEXT' }],
        });
        codebuild.destroy();

        // Mask: the password is registered as a mask first, never shown, never in argv or environments.
        const interpreted = interpretWorkflowLog(log);
        expect(interpreted.visible.filter((line) => line.includes(password))).toEqual([]);
        const masks = interpreted.commands.filter((c) => c.name === 'add-mask' && c.data === password);
        expect(masks).toHaveLength(1);
        const firstGroup = interpreted.commands.find((c) => c.name === 'group' && c.data.startsWith('Log in to 127.'));
        expect(masks[0]!.line).toBeLessThan(firstGroup?.line ?? 0);
        expect(Object.values(outputs).some((v) => v.includes(password))).toBe(false);
        expect(summary.includes(password)).toBe(false);
        expectNoPasswordIn(spawned);
        expect(spawned.some((s) => s.command === 'buildah' && s.args[0] === 'push')).toBe(true);
        pushed = { image: outputs.image ?? '', digest, tags };
      },
      20 * MINUTES,
    );

    test(
      'aws-cicd run --image runs the four phases in the image; artifacts and the report land on the host',
      async () => {
        expect(pushed).toBeDefined();
        const src = mkdtempSync(path.join(tmpdir(), 'aws-cicd-in-image-'));
        writeFileSync(path.join(src, 'buildspec.yml'), FOUR_PHASES);
        const started = performance.now();
        const run = await runCli(
          [
            'run',
            '--image',
            `${registry.host}/${REPOSITORY}:${SHA}`,
            '--engine',
            'buildah',
            '--report-json',
            'out/report.json',
          ],
          { cwd: src, env: sandbox.env },
        );
        timings.runInImage = performance.now() - started;
        expect({ code: run.code, stderr: run.code === 0 ? '' : run.stderr }).toEqual({ code: 0, stderr: '' });
        for (const phase of ['INSTALL', 'PRE_BUILD', 'BUILD', 'POST_BUILD']) {
          expect(run.stdout).toContain(`Entering phase ${phase}`);
          expect(run.stdout).toContain(`Phase complete: ${phase} State: SUCCEEDED`);
        }
        expect(run.stdout).toMatch(/^v24\.\d+\.\d+$/m);
        expect(run.stdout).toMatch(/^debian 12\.\d+ in \/codebuild\/output\/src\d+\/src$/m);
        expect(run.stdout).toMatch(/^git version 2\./m);
        expect(run.stdout).toContain('post_build sees 24');
        const report = JSON.parse(readFileSync(path.join(src, 'out/report.json'), 'utf8')) as {
          buildStatus: string;
          projectName: string;
          artifacts?: { location: string };
          exportedEnvironmentVariables: Array<{ name: string; value: string }>;
          phases: Array<{ phaseType: string; phaseStatus?: string }>;
        };
        expect(report.buildStatus).toBe('SUCCEEDED');
        expect(report.projectName).toBe(path.basename(src));
        expect(report.exportedEnvironmentVariables).toEqual([{ name: 'NODE_MAJOR', value: '24' }]);
        expect(report.phases.filter((p) => p.phaseType.endsWith('BUILD') || p.phaseType === 'INSTALL')).toEqual([
          expect.objectContaining({ phaseType: 'INSTALL', phaseStatus: 'SUCCEEDED' }),
          expect.objectContaining({ phaseType: 'PRE_BUILD', phaseStatus: 'SUCCEEDED' }),
          expect.objectContaining({ phaseType: 'BUILD', phaseStatus: 'SUCCEEDED' }),
          expect.objectContaining({ phaseType: 'POST_BUILD', phaseStatus: 'SUCCEEDED' }),
        ]);
        const zip = path.join(src, '.aws-cicd/artifacts/artifacts.zip');
        expect(report.artifacts?.location).toBe(zip);
        expect(existsSync(zip)).toBe(true);
        expect(readFileSync(zip).includes(Buffer.from('out.txt'))).toBe(true);
        expect(JSON.parse(readFileSync(path.join(src, '.aws-cicd/build-numbers.json'), 'utf8'))).toEqual({
          [path.basename(src)]: 1,
        });

        // A failing phase fails the run with the runner's exit status.
        writeFileSync(
          path.join(src, 'buildspec.yml'),
          'version: 0.2\nphases:\n  build:\n    commands:\n      - exit 3\n',
        );
        const failed = await runCli(
          ['run', '--image', `${registry.host}/${REPOSITORY}:${SHA}`, '--engine', 'buildah'],
          {
            cwd: src,
            env: sandbox.env,
          },
        );
        expect(failed.code).toBe(1);
        expect(failed.stdout).toContain('Phase complete: BUILD State: FAILED');
        rmSync(src, { recursive: true, force: true });
      },
      10 * MINUTES,
    );

    test(
      'stopping aws-cicd run --image with buildah stops the build inside (STOPPED) and leaves no process behind',
      async () => {
        expect(pushed).toBeDefined();
        const src = mkdtempSync(path.join(tmpdir(), 'aws-cicd-stop-image-'));
        writeFileSync(
          path.join(src, 'buildspec.yml'),
          'version: 0.2\nphases:\n  build:\n    commands:\n      - echo sleeping\n      - sleep 371\n',
        );
        const controller = new AbortController();
        const out = new PassThrough();
        let stdout = '';
        out.on('data', (d: Buffer) => {
          stdout += d.toString();
          if (stdout.includes('sleeping')) controller.abort();
        });
        const code = await main(
          ['run', '--image', `${registry.host}/${REPOSITORY}:${SHA}`, '--engine', 'buildah', '--report-json', 'r.json'],
          { stdout: out, stderr: new PassThrough(), env: sandbox.env, cwd: src, signal: controller.signal },
        );
        expect(code).toBe(130); // interrupted (the exit status table of docs/cli.md)
        const report = JSON.parse(readFileSync(path.join(src, 'r.json'), 'utf8')) as { buildStatus: string };
        expect(report.buildStatus).toBe('STOPPED');
        expect(stdout).toContain('Phase complete: BUILD State: STOPPED');
        const sleeping = readdirSync('/proc')
          .filter((p) => /^\d+$/.test(p))
          .filter((p) => {
            try {
              return readFileSync(`/proc/${p}/cmdline`, 'utf8') === 'sleep\u0000371\u0000';
            } catch {
              return false;
            }
          });
        expect(sleeping).toEqual([]);
        rmSync(src, { recursive: true, force: true });
      },
      10 * MINUTES,
    );

    test(
      'the local action with image: a group per phase, outputs and artifacts on the host',
      async () => {
        expect(pushed).toBeDefined();
        const src = mkdtempSync(path.join(tmpdir(), 'aws-cicd-local-image-'));
        writeFileSync(path.join(src, 'buildspec.yml'), FOUR_PHASES);
        const inputs: Record<string, string> = { image: `${registry.host}/${REPOSITORY}:${SHA}` };
        const step = await runActionInProcess(localAction(), {
          inputs,
          env: { ...sandbox.env, GITHUB_WORKSPACE: src, GITHUB_REPOSITORY: 'octo/widgets', GITHUB_SHA: SHA },
        });
        const { outputs, errors: failures, stdout: log } = step;
        expect({ failures, tail: failures.length > 0 ? log.slice(-3000) : '' }).toEqual({ failures: [], tail: '' });
        expect(step.code).toBe(0);
        // The summary has the build's duration, from the times of the report written inside.
        expect(step.summary).toContain('## Local build: ✅ SUCCEEDED');
        expect(step.summary).toMatch(/\*\*Duration\*\* \d/);
        for (const phase of ['INSTALL', 'PRE_BUILD', 'BUILD', 'POST_BUILD']) expect(log).toContain(`::group::${phase}`);
        expect(outputs['build-status']).toBe('SUCCEEDED');
        expect(outputs['build-id']).toMatch(/^widgets:/);
        expect(outputs.NODE_MAJOR).toBe('24');
        expect(outputs.artifacts).toBe(path.join(src, '.aws-cicd/artifacts/artifacts.zip'));
        expect(existsSync(outputs.artifacts ?? '')).toBe(true);
        rmSync(src, { recursive: true, force: true });
      },
      10 * MINUTES,
    );

    test(
      'aws-cicd image builds an image FROM the standard one into a new repository; the password is in no argv',
      async () => {
        expect(pushed).toBeDefined();
        const context = mkdtempSync(path.join(tmpdir(), 'aws-cicd-derived-'));
        writeFileSync(
          path.join(context, 'Dockerfile'),
          `FROM ${registry.host}/${REPOSITORY}:${SHA}\nRUN node --version > /node-version\n`,
        );
        const spawned: Spawned[] = [];
        const out = new PassThrough();
        const err = new PassThrough();
        let stdout = '';
        let stderr = '';
        out.on('data', (d: Buffer) => (stdout += d.toString()));
        err.on('data', (d: Buffer) => (stderr += d.toString()));
        const started = performance.now();
        const code = await imageCommandWith({ exec: recording(spawned) }).run(
          ['--repository', 'team/app', '--engine', 'buildah', '--tag', 'v1', '--registry-endpoint', registry.url],
          { stdout: out, stderr: err, env: awsEnv(), cwd: context },
        );
        timings.derivedBuildAndPush = performance.now() - started;
        expect({ code, stderr: code === 0 ? '' : stderr.slice(-3000) }).toEqual({ code: 0, stderr: '' });
        const image = stdout.trim();
        expect(image).toMatch(/^000000000000\.dkr\.ecr\.us-east-1\.amazonaws\.com\/team\/app@sha256:[0-9a-f]{64}$/);
        const manifest = await registry.manifest('team/app', 'v1');
        expect(manifest.digest).toBe(image.slice(image.indexOf('@') + 1));
        expect(stderr).toContain('Created repository 000000000000.dkr.ecr.us-east-1.amazonaws.com/team/app');
        expect(stderr.includes(password)).toBe(false);
        expectNoPasswordIn(spawned);
        rmSync(context, { recursive: true, force: true });
      },
      10 * MINUTES,
    );
  });
}
