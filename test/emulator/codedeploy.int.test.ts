/**
 * CodeDeploy through the real SDK client: applications, deployment groups, and deployments that really run — the
 * revision (a zip uploaded with the real S3 client, a tar from a "GitHub" repository) is unpacked per on-premises
 * instance and the appspec's hook scripts run in lifecycle order under each instance's root directory. Covers
 * success through every hook, a failing ValidateService (diagnostics and log tail), timeouts, a missing appspec,
 * file conflicts, instance health rules, StopDeployment, automatic rollback, the pipeline entry point, and Debian's
 * AWS CLI as a second client.
 */
import {
  AddTagsToOnPremisesInstancesCommand,
  BatchGetDeploymentInstancesCommand,
  BatchGetDeploymentTargetsCommand,
  CodeDeployClient,
  CreateApplicationCommand,
  CreateDeploymentCommand,
  CreateDeploymentGroupCommand,
  GetApplicationCommand,
  GetDeploymentCommand,
  GetDeploymentConfigCommand,
  GetDeploymentGroupCommand,
  GetOnPremisesInstanceCommand,
  ListDeploymentInstancesCommand,
  ListDeploymentsCommand,
  ListDeploymentTargetsCommand,
  RegisterOnPremisesInstanceCommand,
  StopDeploymentCommand,
  type CreateDeploymentGroupCommandInput,
  type DeploymentInfo,
  type InstanceTarget,
  type RevisionLocation,
} from '@aws-sdk/client-codedeploy';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { writeZip } from '../../src/runner/zip.js';
import type { ZipEntryInput } from '../../src/runner/zip.js';
import type { AgentCommand, AgentResult, DeploymentAgent } from '../harness/aws/codedeploy/agent.js';
import { LocalAgent } from '../harness/aws/codedeploy/local-agent.js';
import { startEmulator } from '../harness/aws/server.js';
import type { Emulator } from '../harness/aws/server.js';
import { clientConfig, rejectionOf } from './helpers.js';

/** Holds chosen lifecycle events (instance:event) until the test releases them; everything else runs through. */
class GatedAgent implements DeploymentAgent {
  private readonly gates = new Map<string, { entered: () => void; released: Promise<void> }>();
  constructor(private readonly inner: DeploymentAgent) {}

  hold(instance: string, event: string): { entered: Promise<void>; release: () => void } {
    let release = (): void => undefined;
    let entered = (): void => undefined;
    const enteredP = new Promise<void>((r) => (entered = r));
    const released = new Promise<void>((r) => (release = r));
    this.gates.set(`${instance}:${event}`, { entered, released });
    return { entered: enteredP, release };
  }

  async execute(cmd: AgentCommand): Promise<AgentResult> {
    const gate = this.gates.get(`${cmd.instanceName}:${cmd.event}`);
    if (gate) {
      this.gates.delete(`${cmd.instanceName}:${cmd.event}`);
      gate.entered();
      await gate.released;
    }
    return this.inner.execute(cmd);
  }
}

/** 1 appspec second = 50 ms, so a `timeout: 1` script times out quickly. */
const agent = new GatedAgent(new LocalAgent({ msPerSecond: 50 }));
let emulator: Emulator;
let cd: CodeDeployClient;
let s3: S3Client;
let work: string;

beforeAll(async () => {
  emulator = await startEmulator({ deployAgent: agent });
  cd = new CodeDeployClient(clientConfig(emulator, { maxAttempts: 1 }));
  s3 = new S3Client({ ...clientConfig(emulator, { maxAttempts: 1 }), forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: 'revisions' }));
  work = mkdtempSync(join(tmpdir(), 'emu-codedeploy-'));
});
afterAll(async () => {
  cd.destroy();
  s3.destroy();
  await emulator.close();
  rmSync(work, { recursive: true, force: true });
});

const ROLE = 'arn:aws:iam::000000000000:role/CodeDeployServiceRole';
const EVENTS = [
  'ApplicationStop',
  'DownloadBundle',
  'BeforeInstall',
  'Install',
  'AfterInstall',
  'ApplicationStart',
  'ValidateService',
];

// ---- helpers -----------------------------------------------------------------------------------------------------------

type Files = Record<string, string | { content: string; mode: number }>;

async function zipOf(files: Files): Promise<Buffer> {
  const entries: ZipEntryInput[] = Object.entries(files).map(([name, f]) => {
    const content = typeof f === 'string' ? f : f.content;
    const mode = typeof f === 'string' ? (name.endsWith('.sh') ? 0o100755 : 0o100644) : f.mode;
    return { name, source: { kind: 'buffer', data: Buffer.from(content) }, mode };
  });
  const out = join(mkdtempSync(join(work, 'zip-')), 'bundle.zip');
  await writeZip(out, entries);
  return readFileSync(out);
}

const script = (body: string) => `#!/bin/sh\n${body}\n`;
/** Appends "<event> <deployment> <application> <group> <group id>" to /var/log/hooks.log on the instance. */
const RECORD = script(
  'mkdir -p "$EMULATOR_INSTANCE_ROOT/var/log"\n' +
    'echo "$LIFECYCLE_EVENT $DEPLOYMENT_ID $APPLICATION_NAME $DEPLOYMENT_GROUP_NAME $DEPLOYMENT_GROUP_ID" >> "$EMULATOR_INSTANCE_ROOT/var/log/hooks.log"',
);

function appspec(destination: string, hooks: Record<string, string[]>, extra = ''): string {
  const hookText = Object.entries(hooks)
    .map(([event, scripts]) => `  ${event}:\n${scripts.map((s) => `    - location: ${s}`).join('\n')}`)
    .join('\n');
  return `version: 0.0\nos: linux\nfiles:\n  - source: app\n    destination: ${destination}\n${extra}hooks:\n${hookText}\n`;
}

/** A revision whose every hook records itself; ValidateService then runs `validate` (default: succeeds). */
function revisionFiles(name: string, version: string, validate = script('exit 0')): Files {
  return {
    'appspec.yml': appspec(`/var/www/${name}`, {
      ApplicationStop: ['scripts/record.sh'],
      BeforeInstall: ['scripts/record.sh'],
      AfterInstall: ['scripts/record.sh'],
      ApplicationStart: ['scripts/record.sh'],
      ValidateService: ['scripts/record.sh', 'scripts/validate.sh'],
    }),
    'app/index.html': version,
    'scripts/record.sh': RECORD,
    'scripts/validate.sh': validate,
  };
}

async function upload(key: string, files: Files): Promise<RevisionLocation> {
  await s3.send(new PutObjectCommand({ Bucket: 'revisions', Key: key, Body: await zipOf(files) }));
  return { revisionType: 'S3', s3Location: { bucket: 'revisions', key, bundleType: 'zip' } };
}

/** An application `name` with group `group` over `count` on-premises instances `<name>-1…` tagged app=<name>. */
async function setup(
  name: string,
  count: number,
  group: Partial<CreateDeploymentGroupCommandInput> = {},
): Promise<{ instances: string[]; groupId: string }> {
  const instances = Array.from({ length: count }, (_, i) => `${name}-${i + 1}`);
  for (const i of instances) emulator.state.codedeploy.registerInstance(i, { tags: { app: name } });
  await cd.send(new CreateApplicationCommand({ applicationName: name }));
  const { deploymentGroupId } = await cd.send(
    new CreateDeploymentGroupCommand({
      applicationName: name,
      deploymentGroupName: 'group',
      serviceRoleArn: ROLE,
      onPremisesInstanceTagFilters: [{ Key: 'app', Value: name, Type: 'KEY_AND_VALUE' }],
      ...group,
    }),
  );
  return { instances, groupId: deploymentGroupId ?? '' };
}

async function deploy(name: string, revision: RevisionLocation, extra: Record<string, unknown> = {}): Promise<string> {
  const { deploymentId } = await cd.send(
    new CreateDeploymentCommand({ applicationName: name, deploymentGroupName: 'group', revision, ...extra }),
  );
  return deploymentId ?? '';
}

/** Waits for the deployment to complete and answers GetDeployment. */
async function finished(id: string): Promise<DeploymentInfo> {
  await emulator.state.codedeploy.deployment(id)?.done;
  return (await cd.send(new GetDeploymentCommand({ deploymentId: id }))).deploymentInfo ?? {};
}

async function targets(id: string): Promise<InstanceTarget[]> {
  const { targetIds } = await cd.send(new ListDeploymentTargetsCommand({ deploymentId: id }));
  const { deploymentTargets } = await cd.send(new BatchGetDeploymentTargetsCommand({ deploymentId: id, targetIds }));
  return (deploymentTargets ?? []).map((t) => t.instanceTarget ?? {});
}

const event = (t: InstanceTarget, name: string) => t.lifecycleEvents?.find((e) => e.lifecycleEventName === name);
const hooksLog = (instance: string): string[] => {
  const file = join(emulator.state.codedeploy.instanceRoot(instance), 'var/log/hooks.log');
  return existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n') : [];
};
const installed = (instance: string, path: string): string | undefined => {
  const file = join(emulator.state.codedeploy.instanceRoot(instance), path);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
};

// ---- applications, groups, errors -------------------------------------------------------------------------------------

describe('applications and deployment groups', () => {
  test('create and read back, with AWS defaults', async () => {
    await setup('basics', 1);
    const app = await cd.send(new GetApplicationCommand({ applicationName: 'basics' }));
    expect(app.application).toMatchObject({
      applicationName: 'basics',
      computePlatform: 'Server',
      linkedToGitHub: false,
    });
    const { deploymentGroupInfo: g } = await cd.send(
      new GetDeploymentGroupCommand({ applicationName: 'basics', deploymentGroupName: 'group' }),
    );
    expect(g).toMatchObject({
      applicationName: 'basics',
      deploymentGroupName: 'group',
      deploymentConfigName: 'CodeDeployDefault.OneAtATime',
      serviceRoleArn: ROLE,
      onPremisesInstanceTagFilters: [{ Key: 'app', Value: 'basics', Type: 'KEY_AND_VALUE' }],
      deploymentStyle: { deploymentType: 'IN_PLACE', deploymentOption: 'WITHOUT_TRAFFIC_CONTROL' },
      autoRollbackConfiguration: { enabled: false, events: [] },
      computePlatform: 'Server',
    });
    expect(g?.deploymentGroupId).toMatch(/^[0-9a-f-]{36}$/);
    const config = await cd.send(
      new GetDeploymentConfigCommand({ deploymentConfigName: 'CodeDeployDefault.OneAtATime' }),
    );
    expect(config.deploymentConfigInfo?.minimumHealthyHosts).toEqual({ type: 'MOST_CONCURRENCY', value: 1 });
  });

  test('errors worded like CodeDeploy', async () => {
    const noApp = await rejectionOf(cd.send(new GetApplicationCommand({ applicationName: 'nope' })));
    expect(noApp.name).toBe('ApplicationDoesNotExistException');
    expect(noApp.message).toBe('No application found for name: nope');
    const noGroup = await rejectionOf(
      cd.send(new GetDeploymentGroupCommand({ applicationName: 'basics', deploymentGroupName: 'nope' })),
    );
    expect(noGroup.name).toBe('DeploymentGroupDoesNotExistException');
    expect(noGroup.message).toBe('No Deployment Group found for name: nope');
    expect((await rejectionOf(cd.send(new CreateApplicationCommand({ applicationName: 'basics' })))).name).toBe(
      'ApplicationAlreadyExistsException',
    );
    const dupGroup = await rejectionOf(
      cd.send(
        new CreateDeploymentGroupCommand({
          applicationName: 'basics',
          deploymentGroupName: 'group',
          serviceRoleArn: ROLE,
        }),
      ),
    );
    expect(dupGroup.name).toBe('DeploymentGroupAlreadyExistsException');
    const badRole = await rejectionOf(
      cd.send(
        new CreateDeploymentGroupCommand({
          applicationName: 'basics',
          deploymentGroupName: 'g2',
          serviceRoleArn: 'role',
        }),
      ),
    );
    expect(badRole.name).toBe('InvalidRoleException');
    const noLb = await rejectionOf(
      cd.send(
        new CreateDeploymentGroupCommand({
          applicationName: 'basics',
          deploymentGroupName: 'g3',
          serviceRoleArn: ROLE,
          deploymentStyle: { deploymentType: 'IN_PLACE', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
        }),
      ),
    );
    expect(noLb.name).toBe('InvalidLoadBalancerInfoException');
    const noRevision = await rejectionOf(
      cd.send(new CreateDeploymentCommand({ applicationName: 'basics', deploymentGroupName: 'group' })),
    );
    expect(noRevision.name).toBe('RevisionRequiredException');
    const badRevision = await rejectionOf(
      deploy('basics', { revisionType: 'S3', s3Location: { bucket: 'revisions', bundleType: 'zip' } }),
    );
    expect(badRevision.name).toBe('InvalidRevisionException');
    const badBundle = await rejectionOf(
      deploy('basics', { revisionType: 'S3', s3Location: { bucket: 'b', key: 'k', bundleType: 'rar' as 'zip' } }),
    );
    expect(badBundle.name).toBe('ValidationException');
    expect(badBundle.message).toContain("Value 'rar' at 'revision.s3Location.bundleType' failed to satisfy constraint");
    const badConfig = await rejectionOf(
      deploy(
        'basics',
        { revisionType: 'S3', s3Location: { bucket: 'b', key: 'k', bundleType: 'zip' } },
        {
          deploymentConfigName: 'Custom.Nope',
        },
      ),
    );
    expect(badConfig.name).toBe('DeploymentConfigDoesNotExistException');
    const missing = await rejectionOf(cd.send(new GetDeploymentCommand({ deploymentId: 'd-AAAAAAAAA' })));
    expect(missing.name).toBe('DeploymentDoesNotExistException');
    const malformed = await rejectionOf(cd.send(new GetDeploymentCommand({ deploymentId: 'deployment-1' })));
    expect(malformed.name).toBe('InvalidDeploymentIdException');
    const noName = await rejectionOf(
      cd.send(new CreateDeploymentCommand({ applicationName: '', deploymentGroupName: 'group' })),
    );
    expect(noName.name).toBe('ApplicationNameRequiredException');
  });

  test('a wrong secret is InvalidSignatureException', async () => {
    const bad = new CodeDeployClient(clientConfig(emulator, { maxAttempts: 1, secretAccessKey: 'wrong' }));
    const err = await rejectionOf(bad.send(new GetApplicationCommand({ applicationName: 'basics' })));
    bad.destroy();
    expect(err.name).toBe('InvalidSignatureException');
    expect(err.$metadata?.httpStatusCode).toBe(403);
  });

  test('on-premises instances: RegisterOnPremisesInstance, AddTagsToOnPremisesInstances, GetOnPremisesInstance', async () => {
    await cd.send(
      new RegisterOnPremisesInstanceCommand({
        instanceName: 'rack-7',
        iamUserArn: 'arn:aws:iam::000000000000:user/rack-7',
      }),
    );
    await cd.send(
      new AddTagsToOnPremisesInstancesCommand({ instanceNames: ['rack-7'], tags: [{ Key: 'env', Value: 'lab' }] }),
    );
    const { instanceInfo } = await cd.send(new GetOnPremisesInstanceCommand({ instanceName: 'rack-7' }));
    expect(instanceInfo).toMatchObject({
      instanceName: 'rack-7',
      instanceArn: 'arn:aws:codedeploy:us-east-1:000000000000:instance/rack-7',
      tags: [{ Key: 'env', Value: 'lab' }],
    });
    const twice = await rejectionOf(
      cd.send(
        new RegisterOnPremisesInstanceCommand({
          instanceName: 'rack-7',
          iamUserArn: 'arn:aws:iam::000000000000:user/x',
        }),
      ),
    );
    expect(twice.name).toBe('InstanceNameAlreadyRegisteredException');
  });
});

// ---- deployments ------------------------------------------------------------------------------------------------------

describe('deployments', () => {
  let v1: RevisionLocation;
  let firstId: string;
  let groupId: string;

  beforeAll(async () => {
    ({ groupId } = await setup('web', 2));
    v1 = await upload('web/v1.zip', revisionFiles('web', 'v1'));
  });

  test('a zip revision deploys to two on-premises instances, one at a time, through every hook in order', async () => {
    firstId = await deploy('web', v1, { description: 'first' });
    expect(firstId).toMatch(/^d-[A-Z0-9]{9}$/);
    const info = await finished(firstId);
    expect(emulator.state.codedeploy.deployment(firstId)?.history.map((h) => h.status)).toEqual([
      'Created',
      'Queued',
      'InProgress',
      'Succeeded',
    ]);
    expect(info).toMatchObject({
      applicationName: 'web',
      deploymentGroupName: 'group',
      deploymentConfigName: 'CodeDeployDefault.OneAtATime',
      status: 'Succeeded',
      creator: 'user',
      description: 'first',
      revision: v1,
      deploymentOverview: { Pending: 0, InProgress: 0, Succeeded: 2, Failed: 0, Skipped: 0, Ready: 0 },
      deploymentStyle: { deploymentType: 'IN_PLACE', deploymentOption: 'WITHOUT_TRAFFIC_CONTROL' },
      fileExistsBehavior: 'DISALLOW',
      computePlatform: 'Server',
    });
    expect(info.errorInformation).toBeUndefined();
    expect(info.completeTime?.getTime()).toBeGreaterThanOrEqual(info.createTime?.getTime() ?? Infinity);

    const ts = await targets(firstId);
    expect(ts.map((t) => t.targetId)).toEqual(['web-1', 'web-2']);
    for (const t of ts) {
      expect(t).toMatchObject({
        deploymentId: firstId,
        status: 'Succeeded',
        targetArn: `arn:aws:codedeploy:us-east-1:000000000000:instance/${t.targetId}`,
      });
      expect(t.lifecycleEvents?.map((e) => e.lifecycleEventName)).toEqual(EVENTS);
      for (const e of t.lifecycleEvents ?? []) {
        expect(e.status).toBe('Succeeded');
        expect(e.diagnostics).toEqual({ errorCode: 'Success', scriptName: '', message: 'Succeeded', logTail: '' });
      }
      const starts = (t.lifecycleEvents ?? []).map((e) => e.startTime?.getTime() ?? 0);
      expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    }
    // One at a time: the second instance starts after the first one is done.
    const lastOfFirst = ts[0]?.lifecycleEvents?.at(-1)?.endTime?.getTime() ?? Infinity;
    expect(ts[1]?.lifecycleEvents?.[0]?.startTime?.getTime()).toBeGreaterThanOrEqual(lastOfFirst);

    // The scripts ran with the agent's environment; the first deployment has no ApplicationStop to run.
    for (const instance of ['web-1', 'web-2']) {
      expect(hooksLog(instance)).toEqual(
        ['BeforeInstall', 'AfterInstall', 'ApplicationStart', 'ValidateService'].map(
          (e) => `${e} ${firstId} web group ${groupId}`,
        ),
      );
      expect(installed(instance, 'var/www/web/index.html')).toBe('v1');
    }
    const { deploymentGroupInfo } = await cd.send(
      new GetDeploymentGroupCommand({ applicationName: 'web', deploymentGroupName: 'group' }),
    );
    expect(deploymentGroupInfo?.lastSuccessfulDeployment).toMatchObject({ deploymentId: firstId, status: 'Succeeded' });
    expect(deploymentGroupInfo?.targetRevision).toEqual(v1);
    const { instancesList } = await cd.send(new ListDeploymentInstancesCommand({ deploymentId: firstId }));
    expect(instancesList).toEqual(['web-1', 'web-2']);
    const { instancesSummary } = await cd.send(
      new BatchGetDeploymentInstancesCommand({ deploymentId: firstId, instanceIds: ['web-2'] }),
    );
    expect(instancesSummary?.[0]).toMatchObject({ instanceId: 'web-2', status: 'Succeeded', instanceType: 'Blue' });
    const { deployments } = await cd.send(
      new ListDeploymentsCommand({ applicationName: 'web', deploymentGroupName: 'group' }),
    );
    expect(deployments).toEqual([firstId]);
  });

  test('a failing ValidateService fails the instance with ScriptFailed diagnostics and the deployment HEALTH_CONSTRAINTS', async () => {
    const v2 = await upload(
      'web/v2.zip',
      revisionFiles('web', 'v2', script('echo "checking http://localhost/"\necho "health check failed" >&2\nexit 1')),
    );
    const id = await deploy('web', v2);
    const info = await finished(id);
    expect(info).toMatchObject({
      status: 'Failed',
      errorInformation: {
        code: 'HEALTH_CONSTRAINTS',
        message:
          'The overall deployment failed because too many individual instances failed deployment, too few healthy ' +
          'instances are available for deployment, or some instances in your deployment group are experiencing problems.',
      },
      deploymentOverview: { Pending: 0, InProgress: 0, Succeeded: 0, Failed: 1, Skipped: 1, Ready: 0 },
      previousRevision: v1,
    });
    const [first, second] = await targets(id);
    expect(first?.status).toBe('Failed');
    const validate = first && event(first, 'ValidateService');
    expect(validate?.status).toBe('Failed');
    expect(validate?.diagnostics).toMatchObject({
      errorCode: 'ScriptFailed',
      scriptName: 'scripts/validate.sh',
      message: 'Script at specified location: scripts/validate.sh failed with exit code 1',
    });
    const tail = validate?.diagnostics?.logTail ?? '';
    expect(
      tail.startsWith('LifecycleEvent - ValidateService\nScript - scripts/record.sh\nScript - scripts/validate.sh\n'),
    ).toBe(true);
    expect(tail).toContain('[stdout]checking http://localhost/\n');
    expect(tail).toContain('[stderr]health check failed\n');
    // The second instance was never touched.
    expect(second?.status).toBe('Skipped');
    expect(second?.lifecycleEvents?.every((e) => e.status === 'Skipped' && e.startTime === undefined)).toBe(true);
    // ApplicationStop ran the previous (v1) revision's script; v2's files were installed before validation failed.
    expect(hooksLog('web-1').filter((l) => l.includes(id))[0]).toBe(`ApplicationStop ${id} web group ${groupId}`);
    expect(installed('web-1', 'var/www/web/index.html')).toBe('v2');
    expect(installed('web-2', 'var/www/web/index.html')).toBe('v1');
  });

  test('the log tail keeps the last 4 KB of output', async () => {
    await setup('chatty', 1);
    const id = await deploy(
      'chatty',
      await upload(
        'chatty.zip',
        revisionFiles(
          'chatty',
          'v1',
          script('i=0\nwhile [ $i -lt 2000 ]; do echo "line $i"; i=$((i+1)); done\nexit 7'),
        ),
      ),
    );
    await finished(id);
    const [t] = await targets(id);
    const d = t && event(t, 'ValidateService')?.diagnostics;
    expect(d?.message).toBe('Script at specified location: scripts/validate.sh failed with exit code 7');
    expect(d?.logTail?.length).toBeLessThanOrEqual(4096);
    expect(d?.logTail?.length).toBeGreaterThan(4000);
    expect(d?.logTail?.endsWith('[stdout]line 1999\n')).toBe(true);
    expect(d?.logTail).not.toContain('LifecycleEvent');
  });

  test('a script past its timeout fails ScriptTimedOut; a missing script fails ScriptMissing', async () => {
    await setup('slow', 1);
    const files = revisionFiles('slow', 'v1');
    files['appspec.yml'] = appspec('/var/www/slow', { ApplicationStart: ['scripts/missing.sh'] });
    const missingId = await deploy('slow', await upload('slow-missing.zip', files));
    await finished(missingId);
    const [m] = await targets(missingId);
    expect(m && event(m, 'ApplicationStart')?.diagnostics).toMatchObject({
      errorCode: 'ScriptMissing',
      scriptName: 'scripts/missing.sh',
      message: 'Script does not exist at specified location: scripts/missing.sh',
    });

    files['appspec.yml'] =
      'version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - location: scripts/sleep.sh\n      timeout: 1\n';
    files['scripts/sleep.sh'] = script('echo going to sleep\nsleep 30');
    const slowId = await deploy('slow', await upload('slow.zip', files));
    const info = await finished(slowId);
    expect(info.status).toBe('Failed');
    const [t] = await targets(slowId);
    expect(t && event(t, 'ApplicationStart')?.diagnostics).toMatchObject({
      errorCode: 'ScriptTimedOut',
      scriptName: 'scripts/sleep.sh',
      message: 'Script at specified location: scripts/sleep.sh failed to complete in 1 seconds',
      logTail: 'LifecycleEvent - ApplicationStart\nScript - scripts/sleep.sh\n[stdout]going to sleep\n',
    });
  });

  test('a revision without appspec.yml fails BeforeInstall with the agent message', async () => {
    await setup('noappspec', 1);
    const id = await deploy('noappspec', await upload('noappspec.zip', { 'app/index.html': 'x' }));
    const info = await finished(id);
    expect(info.status).toBe('Failed');
    const [t] = await targets(id);
    expect(t?.lifecycleEvents?.map((e) => `${e.lifecycleEventName}:${e.status}`)).toEqual([
      'ApplicationStop:Succeeded',
      'DownloadBundle:Succeeded',
      'BeforeInstall:Failed',
      'Install:Skipped',
      'AfterInstall:Skipped',
      'ApplicationStart:Skipped',
      'ValidateService:Skipped',
    ]);
    const d = t && event(t, 'BeforeInstall')?.diagnostics;
    expect(d?.errorCode).toBe('UnknownError');
    expect(d?.message).toMatch(
      /^The CodeDeploy agent did not find an AppSpec file within the unpacked revision directory at revision-relative path "appspec.yml"\. The revision was unpacked to directory "\/opt\/codedeploy-agent\/deployment-root\/[0-9a-f-]{36}\/d-[A-Z0-9]{9}\/deployment-archive"/,
    );
  });

  test('a tgz revision with a leading directory (stripped, as the agent does) deploys', async () => {
    await setup('tgz', 1);
    const dir = join(work, 'tgz-src', 'release-1.2');
    for (const [name, content] of Object.entries(revisionFiles('tgz', 'from a tarball'))) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), content as string, { mode: name.endsWith('.sh') ? 0o755 : 0o644 });
    }
    const tgz = join(work, 'release.tgz');
    execFileSync('tar', ['-czf', tgz, '-C', join(work, 'tgz-src'), 'release-1.2']);
    await s3.send(new PutObjectCommand({ Bucket: 'revisions', Key: 'release.tgz', Body: readFileSync(tgz) }));
    const info = await finished(
      await deploy('tgz', {
        revisionType: 'S3',
        s3Location: { bucket: 'revisions', key: 'release.tgz', bundleType: 'tgz' },
      }),
    );
    expect(info.status).toBe('Succeeded');
    expect(installed('tgz-1', 'var/www/tgz/index.html')).toBe('from a tarball');
    expect(hooksLog('tgz-1').map((l) => l.split(' ')[0])).toEqual([
      'BeforeInstall',
      'AfterInstall',
      'ApplicationStart',
      'ValidateService',
    ]);
  });

  test('the revision must exist in S3 when the agent downloads it', async () => {
    await setup('nokey', 1);
    const id = await deploy('nokey', {
      revisionType: 'S3',
      s3Location: { bucket: 'revisions', key: 'missing.zip', bundleType: 'zip' },
    });
    await finished(id);
    const [t] = await targets(id);
    expect(t && event(t, 'DownloadBundle')).toMatchObject({
      status: 'Failed',
      diagnostics: { errorCode: 'UnknownError', message: 'The specified key does not exist.' },
    });
  });

  test('a deployment group matching no instance fails NO_INSTANCES', async () => {
    await cd.send(new CreateApplicationCommand({ applicationName: 'empty' }));
    await cd.send(
      new CreateDeploymentGroupCommand({
        applicationName: 'empty',
        deploymentGroupName: 'group',
        serviceRoleArn: ROLE,
        ec2TagFilters: [{ Key: 'Name', Value: 'nothing', Type: 'KEY_AND_VALUE' }],
      }),
    );
    const info = await finished(await deploy('empty', v1));
    expect(info.status).toBe('Failed');
    expect(info.errorInformation?.code).toBe('NO_INSTANCES');
    const listed = await cd.send(new ListDeploymentTargetsCommand({ deploymentId: info.deploymentId }));
    expect(listed.targetIds).toEqual([]);
  });

  test('file_exists_behavior: DISALLOW fails Install on a file already there; OVERWRITE replaces it', async () => {
    const { instances } = await setup('conflict', 1);
    const root = emulator.state.codedeploy.instanceRoot(instances[0] as string);
    mkdirSync(join(root, 'var/www/conflict'), { recursive: true });
    writeFileSync(join(root, 'var/www/conflict/index.html'), 'hand-made');
    const revision = await upload('conflict.zip', revisionFiles('conflict', 'deployed'));
    const refused = await deploy('conflict', revision);
    await finished(refused);
    const [t] = await targets(refused);
    expect(t && event(t, 'Install')?.diagnostics).toMatchObject({
      errorCode: 'UnknownError',
      message:
        'The deployment failed because a specified file already exists at this location: /var/www/conflict/index.html',
    });
    expect(installed('conflict-1', 'var/www/conflict/index.html')).toBe('hand-made');
    const overwrite = await finished(await deploy('conflict', revision, { fileExistsBehavior: 'OVERWRITE' }));
    expect(overwrite.status).toBe('Succeeded');
    expect(installed('conflict-1', 'var/www/conflict/index.html')).toBe('deployed');
    // The next deployment first removes what the previous one installed: no conflict with its own files.
    expect((await finished(await deploy('conflict', revision))).status).toBe('Succeeded');
  });

  test('instance health: OneAtATime tolerates a failure on the last instance; AllAtOnce needs one success', async () => {
    const failOn = (instance: string) =>
      revisionFiles('health', 'v1', script(`case "$EMULATOR_INSTANCE_ROOT" in *${instance}) exit 1;; esac`));
    await setup('health', 2);
    const last = await finished(await deploy('health', await upload('health-last.zip', failOn('health-2'))));
    expect(last.status).toBe('Succeeded');
    expect(last.deploymentOverview).toMatchObject({ Succeeded: 1, Failed: 1 });
    const firstFails = await finished(await deploy('health', await upload('health-first.zip', failOn('health-1'))));
    expect(firstFails.status).toBe('Failed');
    expect(firstFails.deploymentOverview).toMatchObject({ Failed: 1, Skipped: 1 });
    const allAtOnce = await finished(
      await deploy('health', await upload('health-all.zip', failOn('health-1')), {
        deploymentConfigName: 'CodeDeployDefault.AllAtOnce',
      }),
    );
    expect(allAtOnce.status).toBe('Succeeded');
    expect(allAtOnce.deploymentOverview).toMatchObject({ Succeeded: 1, Failed: 1 });
  });

  test('with a load balancer and traffic control, the traffic events frame the deployment', async () => {
    await setup('lb', 1, {
      deploymentStyle: { deploymentType: 'IN_PLACE', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
      loadBalancerInfo: { targetGroupInfoList: [{ name: 'web-tg' }] },
    });
    const files = revisionFiles('lb', 'v1');
    files['appspec.yml'] = appspec('/var/www/lb', {
      BeforeBlockTraffic: ['scripts/record.sh'],
      AfterInstall: ['scripts/record.sh'],
      BeforeAllowTraffic: ['scripts/record.sh'],
      AfterAllowTraffic: ['scripts/record.sh'],
    });
    const id = await deploy('lb', await upload('lb.zip', files));
    expect((await finished(id)).status).toBe('Succeeded');
    const [t] = await targets(id);
    expect(t?.lifecycleEvents?.map((e) => e.lifecycleEventName)).toEqual([
      'BeforeBlockTraffic',
      'BlockTraffic',
      'AfterBlockTraffic',
      ...EVENTS,
      'BeforeAllowTraffic',
      'AllowTraffic',
      'AfterAllowTraffic',
    ]);
    expect(hooksLog('lb-1').map((l) => l.split(' ')[0])).toEqual([
      'AfterInstall',
      'BeforeAllowTraffic',
      'AfterAllowTraffic',
    ]);
  });

  test('a GitHub revision comes from the git repository registered for owner/repo', async () => {
    await setup('gh', 1);
    const repo = join(work, 'gh-repo');
    mkdirSync(join(repo, 'scripts'), { recursive: true });
    mkdirSync(join(repo, 'app'), { recursive: true });
    const files = revisionFiles('gh', 'from git');
    for (const [name, content] of Object.entries(files)) writeFileSync(join(repo, name), content as string);
    const git = (...args: string[]) =>
      execFileSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args], {
        encoding: 'utf8',
      }).trim();
    git('init', '-q');
    git('add', '.');
    git('update-index', '--chmod=+x', 'scripts/record.sh', 'scripts/validate.sh');
    git('commit', '-q', '-m', 'revision');
    const sha = git('rev-parse', 'HEAD');
    emulator.state.codedeploy.registerGitHubRepository('octo/app', repo);
    const info = await finished(
      await deploy('gh', { revisionType: 'GitHub', gitHubLocation: { repository: 'octo/app', commitId: sha } }),
    );
    expect(info.status).toBe('Succeeded');
    expect(installed('gh-1', 'var/www/gh/index.html')).toBe('from git');

    const unknown = await deploy('gh', {
      revisionType: 'GitHub',
      gitHubLocation: { repository: 'octo/missing', commitId: sha },
    });
    await finished(unknown);
    const [t] = await targets(unknown);
    expect(t && event(t, 'DownloadBundle')?.diagnostics?.message).toBe(
      `Could not download bundle at 'https://api.github.com/repos/octo/missing/tarball/${sha}' after 3 retries. ` +
        "Server returned codes: 404 'Not Found'; 404 'Not Found'; 404 'Not Found'; 404 'Not Found'.",
    );
  });
});

// ---- stop and rollback ------------------------------------------------------------------------------------------------

describe('StopDeployment and rollback', () => {
  test('StopDeployment lets the running event finish, skips the rest, and the deployment is Stopped', async () => {
    await setup('stop', 2);
    const revision = await upload('stop.zip', revisionFiles('stop', 'v1'));
    const gate = agent.hold('stop-1', 'ApplicationStart');
    const id = await deploy('stop', revision);
    await gate.entered;
    const busy = await rejectionOf(deploy('stop', revision));
    expect(busy.name).toBe('DeploymentLimitExceededException');
    expect(busy.message).toBe(`The Deployment Group 'group' already has an active Deployment '${id}'`);

    const stopped = await cd.send(new StopDeploymentCommand({ deploymentId: id }));
    expect(stopped).toMatchObject({
      status: 'Pending',
      statusMessage: 'Stopping Pending. Stopping to schedule commands in the deployment instances',
    });
    const during = await cd.send(new GetDeploymentCommand({ deploymentId: id }));
    expect(during.deploymentInfo?.status).toBe('InProgress');
    const [running] = await targets(id);
    expect(running && event(running, 'ApplicationStart')?.status).toBe('InProgress');

    gate.release();
    const info = await finished(id);
    expect(info.status).toBe('Stopped');
    expect(info.errorInformation?.code).toBe('MANUAL_STOP');
    expect(info.rollbackInfo).toBeUndefined();
    const [first, second] = await targets(id);
    expect(first && event(first, 'ApplicationStart')?.status).toBe('Succeeded');
    expect(first && event(first, 'ValidateService')?.status).toBe('Skipped');
    expect(second?.status).toBe('Skipped');
    const again = await rejectionOf(cd.send(new StopDeploymentCommand({ deploymentId: id })));
    expect(again.name).toBe('DeploymentAlreadyCompletedException');
  });

  test('a failed deployment rolls back to the last successful revision when the group says so', async () => {
    await setup('rollback', 2, { autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_FAILURE'] } });
    const good = await upload('rollback-good.zip', revisionFiles('rollback', 'good'));
    expect((await finished(await deploy('rollback', good))).status).toBe('Succeeded');
    const bad = await upload('rollback-bad.zip', revisionFiles('rollback', 'bad', script('exit 2')));
    const failedId = await deploy('rollback', bad);
    const failedInfo = await finished(failedId);
    expect(failedInfo.status).toBe('Failed');
    const rollbackId = failedInfo.rollbackInfo?.rollbackDeploymentId ?? '';
    expect(rollbackId).toMatch(/^d-[A-Z0-9]{9}$/);
    const rollback = await finished(rollbackId);
    expect(rollback).toMatchObject({
      status: 'Succeeded',
      creator: 'codeDeployRollback',
      revision: good,
      rollbackInfo: { rollbackTriggeringDeploymentId: failedId },
    });
    expect(installed('rollback-1', 'var/www/rollback/index.html')).toBe('good');
    const { deployments } = await cd.send(
      new ListDeploymentsCommand({ applicationName: 'rollback', deploymentGroupName: 'group' }),
    );
    expect(deployments?.[0]).toBe(rollbackId);
    expect(deployments).toHaveLength(3);
  });

  test('without a previous successful revision there is nothing to roll back to', async () => {
    await setup('norollback', 1, { autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_FAILURE'] } });
    const info = await finished(
      await deploy('norollback', await upload('norollback.zip', revisionFiles('norollback', 'x', script('exit 1')))),
    );
    expect(info.status).toBe('Failed');
    expect(info.rollbackInfo?.rollbackDeploymentId).toBeUndefined();
    expect(info.rollbackInfo?.rollbackMessage).toEqual(expect.any(String));
  });

  test('StopDeployment with autoRollbackEnabled rolls back', async () => {
    await setup('stoprollback', 1);
    const good = await upload('stoprollback-good.zip', revisionFiles('stoprollback', 'good'));
    expect((await finished(await deploy('stoprollback', good))).status).toBe('Succeeded');
    const gate = agent.hold('stoprollback-1', 'AfterInstall');
    const id = await deploy('stoprollback', await upload('stoprollback-new.zip', revisionFiles('stoprollback', 'new')));
    await gate.entered;
    await cd.send(new StopDeploymentCommand({ deploymentId: id, autoRollbackEnabled: true }));
    gate.release();
    const info = await finished(id);
    expect(info.status).toBe('Stopped');
    const rollback = await finished(info.rollbackInfo?.rollbackDeploymentId ?? '');
    expect(rollback).toMatchObject({ status: 'Succeeded', revision: good, creator: 'codeDeployRollback' });
    expect(installed('stoprollback-1', 'var/www/stoprollback/index.html')).toBe('good');
  });
});

// ---- the pipeline entry point -----------------------------------------------------------------------------------------

test('startDeploymentFromPipeline uploads a directory bundle to the artifact bucket and deploys it', async () => {
  await setup('pipeline', 1);
  const dir = join(work, 'pipeline-bundle');
  for (const [name, content] of Object.entries(revisionFiles('pipeline', 'from the pipeline'))) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content as string, { mode: name.endsWith('.sh') ? 0o755 : 0o644 });
  }
  const id = await emulator.state.codedeploy.startDeploymentFromPipeline({
    applicationName: 'pipeline',
    deploymentGroupName: 'group',
    bundle: dir,
  });
  expect(await emulator.state.codedeploy.waitForDeployment(id)).toBe('Succeeded');
  const info = await finished(id);
  expect(info.revision?.s3Location).toMatchObject({ bucket: 'codepipeline-us-east-1-000000000000', bundleType: 'zip' });
  expect(
    emulator.state.s3.getObject('codepipeline-us-east-1-000000000000', info.revision?.s3Location?.key ?? ''),
  ).toBeDefined();
  expect(installed('pipeline-1', 'var/www/pipeline/index.html')).toBe('from the pipeline');
  await expect(
    emulator.state.codedeploy.startDeploymentFromPipeline({
      applicationName: 'nope',
      deploymentGroupName: 'g',
      bundle: dir,
    }),
  ).rejects.toMatchObject({ code: 'ApplicationDoesNotExistException' });
});

// ---- the AWS CLI -----------------------------------------------------------------------------------------------------

const AWS = '/usr/bin/aws';
const cli = existsSync(AWS) ? describe : describe.skip;
if (!existsSync(AWS)) console.warn(`${AWS} not found: skipping the CodeDeploy AWS CLI test (apt-get install awscli)`);

cli('the AWS CLI (botocore) against CodeDeploy', () => {
  const run = promisify(execFile);
  const aws = async (...args: string[]): Promise<Record<string, unknown>> => {
    const { stdout } = await run(AWS, ['--endpoint-url', emulator.url, '--output', 'json', ...args], {
      env: {
        PATH: process.env.PATH,
        HOME: '/nonexistent',
        AWS_ACCESS_KEY_ID: 'test',
        AWS_SECRET_ACCESS_KEY: 'test',
        AWS_DEFAULT_REGION: 'us-east-1',
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_CONFIG_FILE: '/dev/null',
        AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
        AWS_PAGER: '',
      },
    });
    return stdout.trim() ? (JSON.parse(stdout) as Record<string, unknown>) : {};
  };

  test('s3api put-object a bundle, deploy create-application … create-deployment, get-deployment, targets', async () => {
    emulator.state.codedeploy.registerInstance('cli-1', { tags: { app: 'cli' } });
    const bundle = join(work, 'cli.zip');
    writeFileSync(bundle, await zipOf(revisionFiles('cli', 'via the cli')));
    await aws('s3api', 'put-object', '--bucket', 'revisions', '--key', 'cli.zip', '--body', bundle);
    await aws('deploy', 'create-application', '--application-name', 'cli');
    await aws(
      'deploy',
      'create-deployment-group',
      '--application-name',
      'cli',
      '--deployment-group-name',
      'group',
      '--service-role-arn',
      ROLE,
      '--on-premises-instance-tag-filters',
      'Key=app,Value=cli,Type=KEY_AND_VALUE',
    );
    const { deploymentId } = (await aws(
      'deploy',
      'create-deployment',
      '--application-name',
      'cli',
      '--deployment-group-name',
      'group',
      '--s3-location',
      'bucket=revisions,key=cli.zip,bundleType=zip',
    )) as { deploymentId: string };
    await emulator.state.codedeploy.deployment(deploymentId)?.done;
    const got = (await aws('deploy', 'get-deployment', '--deployment-id', deploymentId)) as {
      deploymentInfo: { status: string; deploymentOverview: { Succeeded: number } };
    };
    expect(got.deploymentInfo.status).toBe('Succeeded');
    expect(got.deploymentInfo.deploymentOverview.Succeeded).toBe(1);
    const { targetIds } = (await aws('deploy', 'list-deployment-targets', '--deployment-id', deploymentId)) as {
      targetIds: string[];
    };
    expect(targetIds).toEqual(['cli-1']);
    const batch = (await aws(
      'deploy',
      'batch-get-deployment-targets',
      '--deployment-id',
      deploymentId,
      '--target-ids',
      'cli-1',
    )) as {
      deploymentTargets: { instanceTarget: { status: string; lifecycleEvents: { lifecycleEventName: string }[] } }[];
    };
    expect(batch.deploymentTargets[0]?.instanceTarget.status).toBe('Succeeded');
    expect(batch.deploymentTargets[0]?.instanceTarget.lifecycleEvents.map((e) => e.lifecycleEventName)).toEqual(EVENTS);
    expect(installed('cli-1', 'var/www/cli/index.html')).toBe('via the cli');
  });
});
