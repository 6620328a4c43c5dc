/**
 * LocalAgent: the CodeDeploy agent, emulated on this machine, one directory per instance standing for its `/`.
 *
 * It keeps the agent's layout and bookkeeping under that root:
 *   /opt/codedeploy-agent/deployment-root/<group id>/<deployment id>/{bundle.tar,deployment-archive/,logs/scripts.log}
 *   /opt/codedeploy-agent/deployment-root/deployment-instructions/<group id>_last_successful_install (and -cleanup)
 * and the agent's behaviour (aws-codedeploy-agent's command_executor, installer and hook_executor):
 *
 * - DownloadBundle fetches the revision, unpacks it by bundle type and strips a lone leading directory that holds the
 *   appspec;
 * - ApplicationStop, BeforeBlockTraffic and AfterBlockTraffic run the scripts of the last successful revision on this
 *   instance (nothing on the first deployment); the other hooks run the new revision's scripts, in the order
 *   ec2HooksInRunOrder gives, through hooks.ts;
 * - a revision without appspec.yml (or appspec.yaml) fails its first hook event (BeforeInstall) with the agent's
 *   "did not find an AppSpec file" message; an appspec our validator refuses fails it with the first error;
 * - Install removes what the previous Install of this deployment group put in place, copies `files` (a directory's
 *   contents, or a file into the destination directory) with file_exists_behavior (the appspec's, else the
 *   deployment's) — DISALLOW fails on a file that exists ("The deployment failed because a specified file already
 *   exists at this location: <path>") — applies permission modes, and records the deployment as the last successful
 *   install. Destinations are absolute paths on the instance, so they land under the instance's root directory.
 *
 * Not emulated: `runas` (scripts run as the emulator's user), owner/group/ACLs/SELinux contexts of `permissions`,
 * Windows appspecs, archive retention (old deployment directories are kept until the emulator closes).
 */
import {
  copyFile,
  lstat,
  mkdir,
  readFile,
  readdir,
  readlink,
  rm,
  rmdir,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { chmod } from 'node:fs/promises';
import { join, posix, resolve, sep } from 'node:path';
import { ec2HooksInRunOrder, parseAppspec } from '../../../../src/appspec/index.js';
import type { Ec2Appspec } from '../../../../src/appspec/index.js';
import type { AgentCommand, AgentEvent, AgentResult, DeploymentAgent } from './agent.js';
import { failed, SUCCEEDED } from './agent.js';
import { ArchiveError, extractEntries, readBundle, stripLeadingDirectory } from './archive.js';
import { runHook } from './hooks.js';

export const AGENT_ROOT = '/opt/codedeploy-agent/deployment-root';
const INSTRUCTIONS = `${AGENT_ROOT}/deployment-instructions`;
const APPSPEC_DOC = 'http://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file.html';
/** Hooks that run the previous successful revision's scripts. */
const PREVIOUS_REVISION_EVENTS: readonly AgentEvent[] = ['ApplicationStop', 'BeforeBlockTraffic', 'AfterBlockTraffic'];

export interface LocalAgentOptions {
  /** Milliseconds per second of a script's `timeout` (default 1000; tests shrink it to time out quickly). */
  msPerSecond?: number;
  /** Added to every script's environment. */
  env?: Record<string, string>;
}

class AgentFailure extends Error {}

/** Records what an Install put in place, so the next Install of the same deployment group can remove it. */
interface InstallRecord {
  files: string[];
  dirs: string[];
}

export class LocalAgent implements DeploymentAgent {
  constructor(private readonly options: LocalAgentOptions = {}) {}

  async execute(cmd: AgentCommand): Promise<AgentResult> {
    try {
      switch (cmd.event) {
        case 'DownloadBundle':
          return await this.downloadBundle(cmd);
        case 'Install':
          return await this.install(cmd);
        default:
          return await this.hook(cmd);
      }
    } catch (e) {
      return failed('UnknownError', e instanceof Error ? e.message : String(e));
    }
  }

  private host(cmd: AgentCommand, visible: string): string {
    return join(cmd.instanceRoot, visible);
  }

  private deploymentRoot(cmd: AgentCommand): string {
    return `${AGENT_ROOT}/${cmd.deploymentGroupId}/${cmd.deploymentId}`;
  }

  private async readInstruction(cmd: AgentCommand, name: string): Promise<string | undefined> {
    return readFile(this.host(cmd, `${INSTRUCTIONS}/${name}`), 'utf8').then(
      (t) => t.trim(),
      () => undefined,
    );
  }

  private async writeInstruction(cmd: AgentCommand, name: string, text: string): Promise<void> {
    await mkdir(this.host(cmd, INSTRUCTIONS), { recursive: true });
    await writeFile(this.host(cmd, `${INSTRUCTIONS}/${name}`), text);
  }

  private async downloadBundle(cmd: AgentCommand): Promise<AgentResult> {
    const root = this.deploymentRoot(cmd);
    await mkdir(this.host(cmd, root), { recursive: true });
    let data: Buffer;
    try {
      data = await cmd.revision.fetch();
    } catch (e) {
      return failed('UnknownError', (e as Error).message);
    }
    await writeFile(this.host(cmd, `${root}/bundle.tar`), data);
    const archive = this.host(cmd, `${root}/deployment-archive`);
    await rm(archive, { recursive: true, force: true });
    try {
      await extractEntries(readBundle(data, cmd.revision.bundleType), archive);
      await stripLeadingDirectory(archive);
    } catch (e) {
      if (e instanceof ArchiveError) return failed('UnknownError', e.message);
      throw e;
    }
    await this.writeInstruction(cmd, `${cmd.deploymentGroupId}_most_recent_install`, root);
    return { status: 'Succeeded', diagnostics: SUCCEEDED };
  }

  /** The deployment whose revision an event runs: this one, or the last successful one for the stop events. */
  private async rootFor(cmd: AgentCommand): Promise<string | undefined> {
    const current = this.deploymentRoot(cmd);
    if (!PREVIOUS_REVISION_EVENTS.includes(cmd.event)) return current;
    const unpacked = await stat(this.host(cmd, `${current}/deployment-archive`)).then(
      () => true,
      () => false,
    );
    if (unpacked) return current;
    return this.readInstruction(cmd, `${cmd.deploymentGroupId}_last_successful_install`);
  }

  private async appspec(cmd: AgentCommand, root: string): Promise<Ec2Appspec> {
    const archive = `${root}/deployment-archive`;
    let file: string | undefined;
    for (const name of ['appspec.yml', 'appspec.yaml']) {
      if (
        await stat(this.host(cmd, `${archive}/${name}`)).then(
          (s) => s.isFile(),
          () => false,
        )
      ) {
        file = name;
        break;
      }
    }
    if (file === undefined) {
      throw new AgentFailure(
        'The CodeDeploy agent did not find an AppSpec file within the unpacked revision directory at revision-relative ' +
          `path "appspec.yml". The revision was unpacked to directory "${archive}", and the AppSpec file was expected ` +
          `but not found at path "${archive}/appspec.yml". Consult the AWS CodeDeploy Appspec documentation for more ` +
          `information at ${APPSPEC_DOC}`,
      );
    }
    const text = await readFile(this.host(cmd, `${archive}/${file}`), 'utf8');
    const { appspec, findings } = parseAppspec(text, file);
    if (!appspec) {
      const first = findings.find((f) => f.severity === 'error');
      throw new AgentFailure(
        `The deployment failed because the AppSpec file is not valid: ${file}:${first?.line ?? 1}:${first?.col ?? 1}: ` +
          `${first?.message ?? 'invalid'}. Consult the AWS CodeDeploy Appspec documentation for more information at ${APPSPEC_DOC}`,
      );
    }
    if (appspec.platform !== 'ec2') {
      throw new AgentFailure(
        `The deployment failed because the AppSpec file is for an ${appspec.platform === 'ecs' ? 'Amazon ECS' : 'AWS Lambda'} ` +
          'deployment, not an EC2/On-Premises one.',
      );
    }
    if (appspec.os !== 'linux') {
      throw new AgentFailure(
        `The deployment failed because the operating system specified in the AppSpec file (${appspec.os}) does not ` +
          'match the operating system of the instance (linux).',
      );
    }
    return appspec;
  }

  private async hook(cmd: AgentCommand): Promise<AgentResult> {
    const root = await this.rootFor(cmd);
    if (root === undefined) return { status: 'Succeeded', diagnostics: SUCCEEDED };
    let appspec: Ec2Appspec;
    try {
      appspec = await this.appspec(cmd, root);
    } catch (e) {
      if (e instanceof AgentFailure) return failed('UnknownError', e.message);
      throw e;
    }
    const hook = ec2HooksInRunOrder(appspec, { loadBalancer: cmd.loadBalancer }).find((h) => h.event === cmd.event);
    return runHook({
      event: cmd.event,
      scripts: hook?.scripts ?? [],
      archiveDir: this.host(cmd, `${root}/deployment-archive`),
      scriptsLog: this.host(cmd, `${root}/logs/scripts.log`),
      instanceRoot: cmd.instanceRoot,
      env: {
        PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
        ...this.options.env,
        LIFECYCLE_EVENT: cmd.event,
        DEPLOYMENT_ID: cmd.deploymentId,
        APPLICATION_NAME: cmd.applicationName,
        DEPLOYMENT_GROUP_NAME: cmd.deploymentGroupName,
        DEPLOYMENT_GROUP_ID: cmd.deploymentGroupId,
        EMULATOR_INSTANCE_ROOT: cmd.instanceRoot,
      },
      msPerSecond: this.options.msPerSecond ?? 1000,
      signal: cmd.signal,
    });
  }

  private async install(cmd: AgentCommand): Promise<AgentResult> {
    const root = this.deploymentRoot(cmd);
    let appspec: Ec2Appspec;
    try {
      appspec = await this.appspec(cmd, root);
    } catch (e) {
      if (e instanceof AgentFailure) return failed('UnknownError', e.message);
      throw e;
    }
    const archive = this.host(cmd, `${root}/deployment-archive`);
    const cleanupName = `${cmd.deploymentGroupId}-cleanup`;

    // 1. Remove what the previous Install of this deployment group put in place.
    const previous = await this.readInstruction(cmd, cleanupName);
    if (previous) {
      const record = JSON.parse(previous) as InstallRecord;
      for (const f of record.files) await rm(this.host(cmd, f), { force: true });
      for (const d of [...record.dirs].reverse()) await rmdir(this.host(cmd, d)).catch(() => undefined);
      await rm(this.host(cmd, `${INSTRUCTIONS}/${cleanupName}`), { force: true });
    }

    // 2. Plan the copies (and find conflicts) before touching anything.
    const behavior = appspec.fileExistsBehavior ?? cmd.fileExistsBehavior;
    const copies: { from: string; to: string; kind: 'file' | 'symlink' | 'dir' }[] = [];
    const exists = (visible: string) =>
      lstat(this.host(cmd, visible)).then(
        () => true,
        () => false,
      );
    const plan = async (from: string, to: string): Promise<void> => {
      const st = await lstat(from).catch(() => undefined);
      if (st?.isDirectory()) {
        copies.push({ from, to, kind: 'dir' });
        for (const name of (await readdir(from)).sort()) await plan(join(from, name), posix.join(to, name));
        return;
      }
      if (await exists(to)) {
        if (behavior === 'DISALLOW') {
          throw new AgentFailure(
            `The deployment failed because a specified file already exists at this location: ${to}`,
          );
        }
        if (behavior === 'RETAIN') return;
      }
      copies.push({ from, to, kind: st?.isSymbolicLink() ? 'symlink' : 'file' });
    };
    try {
      for (const mapping of appspec.files) {
        const source = resolve(archive, `.${posix.resolve('/', mapping.source.replace(/\\/g, '/'))}`);
        if (source !== archive && !source.startsWith(archive + sep)) {
          throw new AgentFailure(`The source ${mapping.source} leaves the revision`);
        }
        const destination = posix.resolve('/', mapping.destination);
        const st = await lstat(source).catch(() => undefined);
        if (!st) throw new AgentFailure(`No such file or directory @ rb_sysopen - ${mapping.source}`);
        if (st.isDirectory()) {
          copies.push({ from: source, to: destination, kind: 'dir' });
          for (const name of (await readdir(source)).sort()) {
            await plan(join(source, name), posix.join(destination, name));
          }
        } else {
          await plan(source, posix.join(destination, posix.basename(source)));
        }
      }
    } catch (e) {
      if (e instanceof AgentFailure) return failed('UnknownError', e.message);
      throw e;
    }

    // 3. Copy, recording every file and directory created.
    const record: InstallRecord = { files: [], dirs: [] };
    const ensureDir = async (visible: string): Promise<void> => {
      const missing: string[] = [];
      for (let d = visible; d !== '/' && !(await exists(d)); d = posix.dirname(d)) missing.unshift(d);
      for (const d of missing) {
        await mkdir(this.host(cmd, d));
        record.dirs.push(d);
      }
    };
    for (const c of copies) {
      if (c.kind === 'dir') {
        await ensureDir(c.to);
        continue;
      }
      await ensureDir(posix.dirname(c.to));
      const target = this.host(cmd, c.to);
      await rm(target, { force: true });
      if (c.kind === 'symlink') await symlink(await readlink(c.from), target);
      else await copyFile(c.from, target);
      record.files.push(c.to);
    }
    await this.applyModes(cmd, appspec, record);
    await this.writeInstruction(cmd, cleanupName, JSON.stringify(record));
    await this.writeInstruction(cmd, `${cmd.deploymentGroupId}_last_successful_install`, root);
    return { status: 'Succeeded', diagnostics: SUCCEEDED };
  }

  /** The `mode` of each permission, on the installed objects it selects (pattern on names, except, type). */
  private async applyModes(cmd: AgentCommand, appspec: Ec2Appspec, record: InstallRecord): Promise<void> {
    for (const p of appspec.permissions) {
      if (p.mode === undefined) continue;
      const object = posix.resolve('/', p.object);
      const pattern = globToRegExp(p.pattern);
      const except = p.except.map(globToRegExp);
      const candidates = [
        ...record.files.map((f) => ({ path: f, type: 'file' as const })),
        ...record.dirs.map((d) => ({ path: d, type: 'directory' as const })),
      ];
      for (const c of candidates) {
        const name = posix.basename(c.path);
        const selected =
          c.path === object
            ? p.type.includes(c.type)
            : c.path.startsWith(`${object}/`) &&
              p.type.includes(c.type) &&
              pattern.test(name) &&
              !except.some((e) => e.test(name));
        if (selected) await chmod(this.host(cmd, c.path), parseInt(p.mode, 8));
      }
    }
  }
}

function globToRegExp(glob: string): RegExp {
  if (glob === '**') return /^/;
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}
