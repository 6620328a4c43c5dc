/**
 * The EC2/On-Premises `permissions` section (Linux only). The rules follow the CodeDeploy agent, which rejects a
 * deployment whose permissions it cannot apply: `object` required, `type` ⊆ {file, directory}, `mode` 1–4 octal
 * digits, `acls` entries in setfacl form with a named user or group, SELinux `context` with a `type` and a valid
 * MLS/MCS `range`.
 */
import { Checker, type MapNode, type TreeNode } from './check.js';
import { didYouMean } from './suggest.js';
import type { Permission, SelinuxContext } from './types.js';

const PERMISSION_KEYS = ['object', 'pattern', 'except', 'owner', 'group', 'mode', 'acls', 'context', 'type'] as const;
const CONTEXT_KEYS = ['user', 'name', 'type', 'range'] as const;
const OBJECT_TYPES = ['file', 'directory'] as const;

export function checkPermissions(node: TreeNode, c: Checker): Permission[] {
  const items = c.seq(node, 'permissions', 'of entries with object, owner, mode, ...');
  const out: Permission[] = [];
  items?.forEach((item, i) => {
    const p = checkPermission(item, `permissions[${i}]`, c);
    if (p) out.push(p);
  });
  return out;
}

function checkPermission(node: TreeNode, path: string, c: Checker): Permission | undefined {
  const map = c.map(node, path, 'object, pattern, owner, group, mode, ...');
  if (!map) return undefined;
  const k = c.keys(map, path, PERMISSION_KEYS, { unknown: 'typo', where: 'a permissions entry' });
  const object = k.object ? c.text(k.object.value, `${path}.object`) : undefined;
  if (!k.object) c.missing(map, `${path}.object`, 'object', 'the file or directory the permissions apply to');
  const pattern = k.pattern ? c.text(k.pattern.value, `${path}.pattern`, false) : undefined;
  const except = k.except ? listOf(k.except.value, `${path}.except`, 'written [name, name]', c) : [];
  const owner = k.owner ? c.text(k.owner.value, `${path}.owner`) : undefined;
  const group = k.group ? c.text(k.group.value, `${path}.group`) : undefined;
  const mode = k.mode ? checkMode(k.mode.value, `${path}.mode`, c) : undefined;
  const acls = k.acls ? listOf(k.acls.value, `${path}.acls`, 'of setfacl entries such as u:bob:rw', c) : [];
  acls.forEach((ace, i) => {
    const problem = aceProblem(ace);
    if (problem && k.acls?.value.kind === 'seq') {
      const at = k.acls.value.items[i]?.pos ?? k.acls.value.pos;
      c.error(at, `${path}.acls[${i}]`, problem);
    }
  });
  const context = k.context ? checkContext(k.context.value, `${path}.context`, c) : undefined;
  const types = k.type ? checkTypes(k.type.value, `${path}.type`, c) : [...OBJECT_TYPES];
  if (object === undefined) return undefined;
  return {
    object,
    pattern: pattern ?? '**',
    except,
    owner,
    group,
    mode,
    acls,
    context,
    type: types,
    pos: map.pos,
  };
}

/** A list of strings; a single value is reported (the agent iterates over it and fails). */
function listOf(node: TreeNode, path: string, what: string, c: Checker): string[] {
  return c.textList(node, path, what) ?? [];
}

function checkMode(node: TreeNode, path: string, c: Checker): string | undefined {
  const text = c.text(node, path);
  if (text === undefined || node.kind !== 'scalar') return undefined;
  if (!/^[0-7]{1,4}$/.test(text)) {
    c.error(node.pos, path, `must be 1 to 4 octal digits as for chmod (e.g. 644 or 4755), not "${text}"`);
    return undefined;
  }
  if (node.style === 'plain' && text.length > 1 && text.startsWith('0')) {
    c.error(
      node.pos,
      path,
      `a plain ${text} is read as an octal number by the agent's YAML parser (0644 becomes 420): ` +
        `write "${text}" in quotes or drop the leading zero (${text.replace(/^0+(?=.)/, '')})`,
    );
    return undefined;
  }
  return text;
}

function checkTypes(node: TreeNode, path: string, c: Checker): Array<'file' | 'directory'> {
  if (node.kind === 'scalar' && !node.isNull) {
    c.error(node.pos, path, `must be a list, e.g. type: [${node.text}]`);
    return [];
  }
  const texts = c.textList(node, path, 'of file and/or directory') ?? [];
  const out: Array<'file' | 'directory'> = [];
  texts.forEach((t, i) => {
    if (t === 'file' || t === 'directory') out.push(t);
    else {
      const pos = node.kind === 'seq' ? (node.items[i]?.pos ?? node.pos) : node.pos;
      c.error(pos, `${path}[${i}]`, `must be file or directory, not "${t}"${didYouMean(t, OBJECT_TYPES)}`);
    }
  });
  return out;
}

function checkContext(node: TreeNode, path: string, c: Checker): SelinuxContext | undefined {
  const map: MapNode | undefined = c.map(node, path, 'SELinux user, type and range');
  if (!map) return undefined;
  const k = c.keys(map, path, CONTEXT_KEYS, { unknown: 'typo', where: 'an SELinux context' });
  const userEntry = k.user ?? k.name;
  const user = userEntry ? c.text(userEntry.value, `${path}.${userEntry.key}`) : undefined;
  const type = k.type ? c.text(k.type.value, `${path}.type`) : undefined;
  if (!k.type) c.missing(map, `${path}.type`, 'type', 'the SELinux type, e.g. httpd_sys_content_t');
  let range: string | undefined;
  if (k.range) {
    range = c.text(k.range.value, `${path}.range`);
    const problem = range === undefined ? undefined : rangeProblem(range);
    if (problem) c.error(k.range.value.pos, `${path}.range`, problem);
  }
  return type === undefined ? undefined : { user, type, range };
}

const ACE_TYPES: Record<string, string> = {
  u: 'user',
  user: 'user',
  g: 'group',
  group: 'group',
  m: 'mask',
  mask: 'mask',
  o: 'other',
  other: 'other',
};

/**
 * Why a setfacl entry `[d[efault]:][u|g|m|o]:[name]:perms` is refused by the agent, or undefined. Unnamed
 * user/group/other entries are refused: the base permissions belong in `mode`.
 */
export function aceProblem(ace: string): string | undefined {
  const invalid = `invalid ACL entry "${ace}": write [d:]u|g|m|o:name:perms, e.g. u:bob:rw`;
  const parts = ace.split(':').reverse();
  if (parts.length < 2 || parts.length > 4) return invalid;
  let isDefault = false;
  let type: string | undefined;
  let name = '';
  if (parts.length === 4) {
    if (parts[3] !== 'd' && parts[3] !== 'default') return invalid;
    isDefault = true;
  }
  if (parts.length >= 3) {
    const p = parts[2] ?? '';
    if (p === 'd' || p === 'default') {
      if (isDefault) return invalid;
      isDefault = true;
    } else if (ACE_TYPES[p] !== undefined) type = ACE_TYPES[p];
    else return invalid;
  }
  const p1 = parts[1] ?? '';
  const special = p1 === 'm' || p1 === 'mask' ? 'mask' : p1 === 'o' || p1 === 'other' ? 'other' : undefined;
  if (special !== undefined) {
    if (type === undefined) type = special;
    else name = special;
  } else {
    type ??= 'user';
    name = p1;
  }
  if ((type === 'mask' || type === 'other') && name !== '') return invalid;
  if (!isDefault && type !== 'mask' && name === '') {
    return `ACL entry "${ace}" has no user or group name: set the owner, group and other permissions with mode`;
  }
  const perms = parts[0] ?? '';
  if (/^[0-7]$/.test(perms) || /^[rwx-]*$/.test(perms)) return undefined;
  return `ACL entry "${ace}": permissions must be r, w, x, - or one octal digit, not "${perms}"`;
}

/** Why an SELinux MLS/MCS range `s#[-s#][:c#[.c#](,c#[.c#])*]` is refused by the agent, or undefined. */
export function rangeProblem(range: string): string | undefined {
  const invalid = `invalid SELinux range "${range}": write s0, s0-s1 or s0:c0.c5,c7`;
  const m = /^s(\d+)(?:-s(\d+))?(?::(.+))?$/.exec(range);
  if (!m) return invalid;
  if (m[2] !== undefined && Number(m[2]) < Number(m[1])) return `${invalid} (the high level is below the low one)`;
  if (m[3] === undefined) return undefined;
  const seen = new Set<number>();
  for (const part of m[3].split(',')) {
    const cm = /^c(\d+)(?:\.c(\d+))?$/.exec(part);
    if (!cm) return invalid;
    const low = Number(cm[1]);
    const high = cm[2] === undefined ? low : Number(cm[2]);
    if (high > 1023 || low > 1023) return `${invalid} (categories go up to c1023)`;
    if (high < low) return `${invalid} (a category range goes from low to high)`;
    for (let n = low; n <= high; n++) {
      if (seen.has(n)) return `${invalid} (category c${n} is listed twice)`;
      seen.add(n);
    }
  }
  return undefined;
}
