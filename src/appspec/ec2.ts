/**
 * EC2/On-Premises appspecs: `version`, `os`, `files`, `file_exists_behavior`, `permissions`, `hooks`. Keys are
 * case-sensitive (the agent reads `yaml['hooks']`, so `Hooks` would be silently ignored).
 */
import { Checker, join, type MapNode, type TreeNode } from './check.js';
import { checkPermissions } from './permissions.js';
import { didYouMean } from './suggest.js';
import {
  EC2_HOOK_ORDER,
  EC2_RESERVED_EVENTS,
  ECS_HOOK_ORDER,
  FILE_EXISTS_BEHAVIORS,
  MAX_HOOK_SECONDS,
  type AppspecOs,
  type Ec2Appspec,
  type Ec2Hook,
  type FileExistsBehavior,
  type FileMapping,
  type HookScript,
} from './types.js';
import { checkVersion } from './version.js';

const TOP_KEYS = ['version', 'os', 'files', 'file_exists_behavior', 'permissions', 'hooks'] as const;
const FILE_KEYS = ['source', 'destination'] as const;
/** `sudo` is read by the agent but not documented. */
const SCRIPT_KEYS = ['location', 'timeout', 'runas', 'sudo'] as const;
const OSES = ['linux', 'windows'] as const;

export function checkEc2(root: MapNode, c: Checker): Ec2Appspec | undefined {
  const k = c.keys(root, '', TOP_KEYS, { unknown: 'error', where: 'an EC2/On-Premises appspec' });
  const version = checkVersion(k.version, root, c, 'ec2');
  const os = checkOs(k.os?.value, root, c);
  const files = k.files ? checkFiles(k.files.value, os, c) : [];
  let fileExistsBehavior: FileExistsBehavior | undefined;
  if (k.file_exists_behavior) {
    const node = k.file_exists_behavior.value;
    const t = c.text(node, 'file_exists_behavior');
    if (t !== undefined) {
      fileExistsBehavior = FILE_EXISTS_BEHAVIORS.find((b) => b === t);
      if (!fileExistsBehavior) {
        const hint = didYouMean(t, FILE_EXISTS_BEHAVIORS);
        c.error(node.pos, 'file_exists_behavior', `must be DISALLOW, OVERWRITE or RETAIN, not "${t}"${hint}`);
      }
    }
  }
  let permissions: Ec2Appspec['permissions'] = [];
  if (k.permissions) {
    const node = k.permissions.value;
    const empty = (node.kind === 'scalar' && node.isNull) || (node.kind === 'seq' && node.items.length === 0);
    if (os === 'windows' && !empty) {
      c.error(
        k.permissions.keyPos,
        'permissions',
        'permissions apply to Linux instances only; the CodeDeploy agent fails a Windows deployment that has them',
      );
    } else permissions = checkPermissions(node, c);
  }
  const hooks = k.hooks ? checkHooks(k.hooks.value, os, c) : [];
  if (version === undefined || os === undefined) return undefined;
  return { platform: 'ec2', file: c.file, version, os, files, fileExistsBehavior, permissions, hooks };
}

function checkOs(node: TreeNode | undefined, root: MapNode, c: Checker): AppspecOs | undefined {
  if (node === undefined) {
    c.missing(root, 'os', 'os', 'linux or windows, the operating system of the instances');
    return undefined;
  }
  const t = c.text(node, 'os');
  if (t === undefined) return undefined;
  const os = OSES.find((o) => o === t);
  if (!os) c.error(node.pos, 'os', `must be linux or windows, not "${t}"${didYouMean(t, OSES)}`);
  return os;
}

function checkFiles(node: TreeNode, os: AppspecOs | undefined, c: Checker): FileMapping[] {
  const items = c.seq(node, 'files', 'of source/destination entries');
  const out: FileMapping[] = [];
  items?.forEach((item, i) => {
    const path = `files[${i}]`;
    const map = c.map(item, path, 'source and destination');
    if (!map) return;
    const k = c.keys(map, path, FILE_KEYS, { unknown: 'typo', where: 'a files entry' });
    if (!k.source) c.missing(map, `${path}.source`, 'source', 'a file or directory of the revision');
    if (!k.destination) c.missing(map, `${path}.destination`, 'destination', 'an absolute path on the instance');
    const source = k.source ? c.text(k.source.value, `${path}.source`) : undefined;
    const destination = k.destination ? c.text(k.destination.value, `${path}.destination`) : undefined;
    if (destination !== undefined && k.destination && os !== undefined && !isAbsolute(destination, os)) {
      const example = os === 'windows' ? 'C:\\inetpub\\wwwroot' : '/var/www/html';
      c.error(
        k.destination.value.pos,
        `${path}.destination`,
        `must be an absolute path on the ${os} instance (like ${example}), not "${destination}"`,
      );
      return;
    }
    if (source !== undefined && destination !== undefined) out.push({ source, destination, pos: map.pos });
  });
  return out;
}

function isAbsolute(path: string, os: AppspecOs): boolean {
  if (os === 'linux') return path.startsWith('/');
  return /^[A-Za-z]:([\\/]|$)/.test(path) || path.startsWith('\\\\');
}

function checkHooks(node: TreeNode, os: AppspecOs | undefined, c: Checker): Ec2Hook[] {
  if (node.kind === 'scalar' && node.isNull) return [];
  if (node.kind === 'seq') {
    c.error(
      node.pos,
      'hooks',
      'must be a mapping of lifecycle event name → list of scripts; a list of single-key mappings is the ECS/Lambda form',
    );
    return [];
  }
  const map = c.map(node, 'hooks', 'lifecycle event → list of scripts');
  if (!map) return [];
  const out: Ec2Hook[] = [];
  for (const e of map.entries) {
    const path = join('hooks', e.key);
    const event = EC2_HOOK_ORDER.find((h) => h === e.key);
    if (event === undefined) {
      c.error(e.keyPos, path, unknownEvent(e.key));
      continue;
    }
    const scripts = checkScripts(e.value, path, os, c);
    if (scripts === undefined) continue;
    const given = scripts.filter((s) => s.timeoutGiven).reduce((sum, s) => sum + s.timeout, 0);
    if (given > MAX_HOOK_SECONDS) {
      c.warning(
        e.keyPos,
        path,
        `the timeouts of ${event}'s scripts add up to ${given} s; a lifecycle event may take at most ` +
          `${MAX_HOOK_SECONDS} s in total, after which the deployment to the instance fails`,
      );
    }
    out.push({ event, scripts, pos: e.keyPos });
  }
  return out;
}

function unknownEvent(name: string): string {
  if ((EC2_RESERVED_EVENTS as readonly string[]).includes(name)) {
    return `${name} is run by the CodeDeploy agent itself and cannot run scripts; use Before${name} or After${name}`;
  }
  if ((ECS_HOOK_ORDER as readonly string[]).includes(name)) {
    return `${name} is a hook of Amazon ECS deployments, not of EC2/On-Premises ones`;
  }
  const hint = didYouMean(name, EC2_HOOK_ORDER);
  return `unknown lifecycle event "${name}"${hint || `; the events are ${EC2_HOOK_ORDER.join(', ')}`}`;
}

function checkScripts(node: TreeNode, path: string, os: AppspecOs | undefined, c: Checker): HookScript[] | undefined {
  if (node.kind === 'scalar' && node.isNull) {
    c.error(node.pos, path, 'has no scripts: give a list (- location: script.sh) or remove the event');
    return undefined;
  }
  if (node.kind === 'map') {
    c.error(node.pos, path, 'must be a list of scripts: put "- " before location');
    return undefined;
  }
  const items = c.seq(node, path, 'of scripts, each - location: script.sh');
  if (items === undefined) return undefined;
  const out: HookScript[] = [];
  let ok = true;
  items.forEach((item, i) => {
    const script = checkScript(item, `${path}[${i}]`, os, c);
    if (script) out.push(script);
    else ok = false;
  });
  return ok ? out : undefined;
}

function checkScript(node: TreeNode, path: string, os: AppspecOs | undefined, c: Checker): HookScript | undefined {
  const map = c.map(node, path, 'location, timeout, runas');
  if (!map) return undefined;
  const k = c.keys(map, path, SCRIPT_KEYS, { unknown: 'typo', where: 'a hook script' });
  if (!k.location) c.missing(map, `${path}.location`, 'location', 'the script, relative to the revision root');
  const location = k.location ? c.text(k.location.value, `${path}.location`) : undefined;
  let timeout: number = MAX_HOOK_SECONDS;
  let timeoutOk = true;
  if (k.timeout) {
    const t = c.text(k.timeout.value, `${path}.timeout`);
    const n = t !== undefined && /^\d+$/.test(t) ? Number(t) : NaN;
    timeoutOk = n >= 1 && n <= MAX_HOOK_SECONDS;
    if (t !== undefined && !timeoutOk) {
      c.error(k.timeout.value.pos, `${path}.timeout`, `must be a whole number of seconds from 1 to 3600, not "${t}"`);
    }
    timeout = n;
  }
  let runas: string | undefined;
  if (k.runas) {
    runas = c.text(k.runas.value, `${path}.runas`);
    if (os === 'windows') {
      c.warning(k.runas.keyPos, `${path}.runas`, 'runas is not supported on Windows instances; remove it');
    }
  }
  if (k.sudo) {
    c.warning(k.sudo.keyPos, `${path}.sudo`, 'sudo is not documented; use runas to choose the user');
  }
  if (location === undefined || !timeoutOk || (k.runas && runas === undefined)) return undefined;
  return { location, timeout, timeoutGiven: k.timeout !== undefined, runas, pos: map.pos };
}
