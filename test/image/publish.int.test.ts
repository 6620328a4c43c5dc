/**
 * publishImage with the tools and AWS faked: the order of things (mask, login through stdin, repository, build, push,
 * project), what each tool is asked, and what a failure says.
 */
import { writeFileSync } from 'node:fs';
import type { CodeBuildProjectApi, Project, UpdateProjectCommandInput } from '../../src/aws/codebuild.js';
import type { CreateRepositorySettings, EcrApi, Repository } from '../../src/aws/ecr.js';
import { UserError } from '../../src/core/errors.js';
import type { Exec, ExecOptions } from '../../src/image/exec.js';
import { publishImage, type PublishDeps } from '../../src/image/publish.js';
import type { ImageSettings } from '../../src/image/settings.js';
import { RecordingReporter } from '../support/reporter.js';

const PASSWORD = 'eyJwYXlsb2FkIjoi-secret-password';
const HOST = '111122223333.dkr.ecr.eu-west-1.amazonaws.com';
const SHA = 'c'.repeat(40);
const DIGEST = `sha256:${'d'.repeat(64)}`;

const settings: ImageSettings = {
  repository: 'team/app',
  context: '/ws',
  platforms: [],
  buildArgs: [],
  labels: [],
  cache: true,
  provenance: false,
  push: true,
  createRepository: true,
  tagMutability: 'MUTABLE',
  encryption: 'AES256',
  scanOnPush: true,
  untaggedExpireDays: 14,
  keepTagged: 50,
  updateProject: false,
};

class FakeEcr implements EcrApi {
  readonly repos = new Map<string, Repository>();
  readonly lifecycle = new Map<string, string>();
  readonly policies = new Map<string, string>();
  readonly created: CreateRepositorySettings[] = [];

  async getLogin() {
    return { username: 'AWS', password: PASSWORD, proxyEndpoint: `https://${HOST}` };
  }
  async describeRepository(name: string) {
    return this.repos.get(name);
  }
  async createRepository(s: CreateRepositorySettings) {
    this.created.push(s);
    const repo: Repository = {
      repositoryName: s.repositoryName,
      repositoryUri: `${HOST}/${s.repositoryName}`,
      imageTagMutability: s.imageTagMutability,
    };
    this.repos.set(s.repositoryName, repo);
    return repo;
  }
  async putLifecyclePolicy(name: string, text: string) {
    this.lifecycle.set(name, text);
  }
  async getRepositoryPolicy(name: string) {
    return this.policies.get(name);
  }
  async setRepositoryPolicy(name: string, text: string) {
    this.policies.set(name, text);
  }
}

interface Call {
  command: string;
  args: readonly string[];
  input?: string;
}

/** Tools that succeed: buildah (docker without a daemon unless `docker` is true), writing the digest files. */
function fakeTools(options: { docker?: boolean; fail?: (call: Call) => string | undefined } = {}) {
  const calls: Call[] = [];
  const events: string[] = [];
  const exec: Exec = async (command, args, opts: ExecOptions = {}) => {
    const call = { command, args: [...args], input: opts.input };
    calls.push(call);
    events.push(`exec ${command} ${args.slice(0, 2).join(' ')}`);
    const failure = options.fail?.(call);
    if (failure !== undefined) return { code: 1, stdout: '', stderr: failure };
    if (command === 'docker' && args[0] === 'info')
      return { code: options.docker ? 0 : 1, stdout: '', stderr: 'no daemon' };
    if (command === 'docker' && args[0] === 'buildx' && args[1] === 'inspect') {
      return args[2] === undefined
        ? { code: 0, stdout: 'Name: default\nDriver: docker\n', stderr: '' }
        : { code: 1, stdout: '', stderr: 'no builder' };
    }
    const digestFile = args[args.indexOf('--digestfile') + 1];
    if (args.includes('--digestfile') && digestFile) writeFileSync(digestFile, DIGEST);
    const metadata = args[args.indexOf('--metadata-file') + 1];
    if (args.includes('--metadata-file') && metadata) {
      writeFileSync(metadata, JSON.stringify({ 'containerimage.digest': DIGEST }));
    }
    opts.onOutput?.(Buffer.from(`${command} output\n`), 'stdout');
    return { code: 0, stdout: '', stderr: '' };
  };
  return { exec, calls, events };
}

/** A RecordingReporter that also puts its groups and masks in the tools' order of events. */
class OrderedReporter extends RecordingReporter {
  constructor(private readonly order: string[]) {
    super();
  }

  override group(title: string): void {
    this.order.push(`group ${title}`);
    super.group(title);
  }

  override mask(secret: string): void {
    this.order.push(`mask ${secret}`);
    super.mask(secret);
  }
}

function deps(tools: ReturnType<typeof fakeTools>, ecr: EcrApi, extra: Partial<PublishDeps> = {}) {
  const reporter = new OrderedReporter(tools.events);
  return {
    reporter,
    deps: {
      ecr,
      exec: tools.exec,
      env: {},
      reporter,
      tagContext: { sha: SHA, ref: 'refs/heads/main', defaultBranch: 'main' },
      ...extra,
    } satisfies PublishDeps,
  };
}

test('buildah: mask first, login through stdin, repository created with the default lifecycle, every tag pushed', async () => {
  const tools = fakeTools();
  const ecr = new FakeEcr();
  const { deps: d } = deps(tools, ecr);
  const result = await publishImage(settings, d);
  expect(result).toMatchObject({
    engine: 'buildah',
    registry: HOST,
    repositoryUri: `${HOST}/team/app`,
    image: `${HOST}/team/app@${DIGEST}`,
    digest: DIGEST,
    tags: [SHA, 'main', 'latest'].map((t) => `${HOST}/team/app:${t}`),
    pushed: true,
    repositoryCreated: true,
  });
  expect(ecr.created).toEqual([
    {
      repositoryName: 'team/app',
      registryId: undefined,
      imageTagMutability: 'MUTABLE',
      encryptionType: 'AES256',
      kmsKey: undefined,
      scanOnPush: true,
    },
  ]);
  expect(JSON.parse(ecr.lifecycle.get('team/app') ?? '').rules).toHaveLength(2);
  // The mask is registered before any tool runs with the password, and the password is only ever stdin.
  const login = tools.calls.find((c) => c.args[0] === 'login');
  expect(login?.input).toBe(PASSWORD);
  expect(tools.events.indexOf(`mask ${PASSWORD}`)).toBeLessThan(tools.events.indexOf('exec buildah login --authfile'));
  for (const call of tools.calls) expect(call.args.join(' ')).not.toContain(PASSWORD);
  expect(tools.calls.filter((c) => c.args[0] === 'push').map((c) => c.args.at(-1))).toEqual(
    [SHA, 'main', 'latest'].map((t) => `docker://${HOST}/team/app:${t}`),
  );
  // Buildah's login file is this run's own.
  const authFile = login?.args[login.args.indexOf('--authfile') + 1];
  expect(tools.calls.find((c) => c.args[0] === 'build')?.args).toEqual(
    expect.arrayContaining(['--authfile', authFile]),
  );
});

test('buildah, two platforms: one manifest list built, pushed with all its images under each tag, then removed', async () => {
  const tools = fakeTools();
  const { deps: d } = deps(tools, new FakeEcr());
  await publishImage({ ...settings, platforms: ['linux/amd64', 'linux/arm64'], tags: ['v1', 'v1.0'] }, d);
  const build = tools.calls.find((c) => c.args[0] === 'build')?.args ?? [];
  const manifest = build[build.indexOf('--manifest') + 1];
  expect(manifest).toMatch(/^aws-cicd-aws-cicd-image-/);
  expect(
    tools.calls.filter((c) => c.args[0] === 'manifest').map((c) => [c.args[1], c.args.at(-2), c.args.at(-1)]),
  ).toEqual([
    ['push', manifest, `docker://${HOST}/team/app:v1`],
    ['push', manifest, `docker://${HOST}/team/app:v1.0`],
    ['rm', 'rm', manifest],
  ]);
});

test('a registry endpoint changes where the tools push, not the names in the outputs', async () => {
  const tools = fakeTools();
  const { deps: d } = deps(tools, new FakeEcr());
  const result = await publishImage({ ...settings, registryEndpoint: 'http://127.0.0.1:5000', tags: ['v1'] }, d);
  expect(result.image).toBe(`${HOST}/team/app@${DIGEST}`);
  const login = tools.calls.find((c) => c.args[0] === 'login');
  expect(login?.args).toEqual(expect.arrayContaining(['--tls-verify=false', '127.0.0.1:5000']));
  const push = tools.calls.find((c) => c.args[0] === 'push');
  expect(push?.args).toEqual(expect.arrayContaining(['--tls-verify=false', 'docker://127.0.0.1:5000/team/app:v1']));
});

test('docker: a docker-container builder for the registry cache, the digest from buildx metadata, logout at the end', async () => {
  const tools = fakeTools({ docker: true });
  const { deps: d } = deps(tools, new FakeEcr());
  const result = await publishImage({ ...settings, tags: ['v1'] }, d);
  expect(result.digest).toBe(DIGEST);
  expect(tools.calls.map((c) => [c.command, ...c.args.slice(0, 2)].join(' '))).toEqual([
    'docker info --format',
    'docker login --username',
    'docker buildx inspect',
    'docker buildx inspect',
    'docker buildx create',
    'docker buildx build',
    'docker logout 111122223333.dkr.ecr.eu-west-1.amazonaws.com',
  ]);
  expect(tools.calls[5]?.args).toEqual(
    expect.arrayContaining(['--builder', 'aws-cicd', '--push', '--provenance=false']),
  );
});

test('docker logs out even when the build fails; the failure names the engine and shows its last lines', async () => {
  const tools = fakeTools({
    docker: true,
    fail: (c) => (c.args[1] === 'build' ? 'ERROR: failed to solve' : undefined),
  });
  const { deps: d } = deps(tools, new FakeEcr());
  const error = await publishImage({ ...settings, tags: ['v1'], cache: false }, d).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UserError);
  expect((error as Error).message).toBe('the image build failed (docker exit status 1): ERROR: failed to solve');
  expect(tools.calls.at(-1)?.args[0]).toBe('logout');
  expect(tools.calls.some((c) => c.args[1] === 'create')).toBe(false);
});

test('a failed login never repeats the password, even when the tool prints it', async () => {
  const tools = fakeTools({ fail: (c) => (c.args[0] === 'login' ? `bad credentials ${PASSWORD}` : undefined) });
  const { deps: d } = deps(tools, new FakeEcr());
  const error = await publishImage(settings, d).catch((e: unknown) => e);
  expect((error as Error).message).toBe(
    'buildah login to 111122223333.dkr.ecr.eu-west-1.amazonaws.com failed: bad credentials ***',
  );
});

test('an existing IMMUTABLE repository: the SHA tag only, its settings left with a warning, its lifecycle kept', async () => {
  const tools = fakeTools();
  const ecr = new FakeEcr();
  ecr.repos.set('team/app', {
    repositoryName: 'team/app',
    repositoryUri: `${HOST}/team/app`,
    imageTagMutability: 'IMMUTABLE',
    encryptionConfiguration: { encryptionType: 'KMS' },
    imageScanningConfiguration: { scanOnPush: true },
  });
  const { deps: d, reporter } = deps(tools, ecr);
  const result = await publishImage(settings, d);
  expect(result.tags).toEqual([`${HOST}/team/app:${SHA}`]);
  expect(result.repositoryCreated).toBe(false);
  expect(ecr.created).toEqual([]);
  expect(ecr.lifecycle.size).toBe(0);
  expect(reporter.messages).toContain(
    'warning: Repository team/app exists and is left as it is: tag mutability is IMMUTABLE, not MUTABLE; encryption is KMS, not AES256',
  );
});

test('a missing repository with create-repository false fails before anything is built', async () => {
  const tools = fakeTools();
  const { deps: d } = deps(tools, new FakeEcr());
  await expect(publishImage({ ...settings, createRepository: false }, d)).rejects.toThrow(
    'ECR repository "team/app" does not exist; create it, or let this step create it (create-repository: true)',
  );
  expect(tools.calls.some((c) => c.args[0] === 'build')).toBe(false);
});

/** An ECR client that fails the test on any call. */
const noAws: EcrApi = new Proxy({} as EcrApi, {
  get: (_target, name) => () => {
    throw new Error(`no AWS call expected, got ${String(name)}`);
  },
});

test('push false: built only; no login (ECR or engine), no repository calls, no registry cache, no AWS call', async () => {
  for (const docker of [false, true]) {
    const tools = fakeTools({ docker });
    const { deps: d, reporter } = deps(tools, noAws);
    const result = await publishImage({ ...settings, push: false, tags: ['dev'] }, d);
    expect(result).toMatchObject({ pushed: false, digest: undefined, image: 'team/app:dev', registry: '' });
    expect(tools.calls.some((c) => c.args[0] === 'push' || c.args[0] === 'login')).toBe(false);
    expect(tools.calls.some((c) => c.args.includes('--cache-from') || c.args.includes('create'))).toBe(false);
    expect(tools.calls.some((c) => c.args.includes('team/app:dev'))).toBe(true);
    expect(reporter.infos()).toContain('Not pushing: no registry login, no registry cache, no AWS call');
  }
  // Without any client at all; a repository URI names its registry.
  const tools = fakeTools();
  const { deps: d } = deps(tools, noAws);
  const { ecr: _unused, ...withoutEcr } = d;
  const result = await publishImage(
    { ...settings, push: false, tags: ['dev'], registryId: '111122223333', region: 'eu-west-1' },
    withoutEcr,
  );
  expect(result).toMatchObject({ image: `${HOST}/team/app:dev`, registry: HOST, repositoryUri: `${HOST}/team/app` });
});

describe('the CodeBuild project', () => {
  const arn = 'arn:aws:codebuild:us-west-2:111122223333:project/app';
  function fakeCodeBuild(project: Project | undefined) {
    const updates: UpdateProjectCommandInput[] = [];
    const regions: Array<string | undefined> = [];
    const factory = (region: string | undefined): CodeBuildProjectApi => {
      regions.push(region);
      return {
        getProject: async () => project,
        updateProject: async (input) => {
          updates.push(input);
          return { ...project, ...input } as Project;
        },
      };
    };
    return { factory, updates, regions };
  }

  test('may pull (a statement added to the policy) and builds in the digest-pinned image with SERVICE_ROLE', async () => {
    const environment = {
      type: 'LINUX_CONTAINER' as const,
      image: 'aws/codebuild/standard:7.0',
      computeType: 'BUILD_GENERAL1_SMALL' as const,
      privilegedMode: true,
    };
    const cb = fakeCodeBuild({ name: 'app', arn, environment });
    const ecr = new FakeEcr();
    ecr.policies.set(
      'team/app',
      JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Keep', Effect: 'Deny' }] }),
    );
    const { deps: d } = deps(fakeTools(), ecr, { codebuild: cb.factory });
    const result = await publishImage(
      { ...settings, codebuildProject: arn, updateProject: true, region: 'eu-west-1' },
      d,
    );
    expect(result.project).toEqual({ arn, policyUpdated: true, imageUpdated: true });
    expect(cb.regions).toEqual(['us-west-2']);
    expect(cb.updates).toEqual([
      {
        name: 'app',
        environment: { ...environment, image: `${HOST}/team/app@${DIGEST}`, imagePullCredentialsType: 'SERVICE_ROLE' },
      },
    ]);
    const statements = JSON.parse(ecr.policies.get('team/app') ?? '').Statement as Array<{ Sid: string }>;
    expect(statements.map((s) => s.Sid)).toEqual(['Keep', expect.stringMatching(/^AwsCicdCodeBuildPull/)]);
  });

  test('a project that does not exist is a UserError naming it', async () => {
    const cb = fakeCodeBuild(undefined);
    const { deps: d } = deps(fakeTools(), new FakeEcr(), { codebuild: cb.factory });
    await expect(publishImage({ ...settings, codebuildProject: 'nope' }, d)).rejects.toThrow(
      'CodeBuild project "nope" not found; check codebuild-project and the region',
    );
  });
});
