/**
 * `run-as`: the Linux user a phase's commands run as. Switching users works when the runner is root and the user
 * exists in /etc/passwd; anything else is a UserError naming the user.
 */
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { UserError } from '../core/errors.js';
import type { RunAsUser } from './session.js';

export interface CurrentUser {
  readonly name: string;
  readonly uid: number;
}

export function currentUser(): CurrentUser {
  const info = userInfo();
  return { name: info.username, uid: info.uid };
}

/** Finds a user in a passwd file's text (`name:x:uid:gid:gecos:home:shell`). */
export function findPasswdEntry(passwd: string, name: string): RunAsUser | undefined {
  for (const line of passwd.split('\n')) {
    const fields = line.split(':');
    if (fields[0] !== name || fields.length < 7) continue;
    const uid = Number(fields[2]);
    const gid = Number(fields[3]);
    if (!Number.isInteger(uid) || !Number.isInteger(gid)) continue;
    return { name, uid, gid, home: fields[5] || '/' };
  }
  return undefined;
}

/**
 * The user to switch to for `run-as: name`, or undefined when the runner already is that user.
 * Throws a UserError when switching is impossible.
 */
export function resolveRunAs(
  name: string | undefined,
  me: CurrentUser = currentUser(),
  readPasswd: () => string = () => readFileSync('/etc/passwd', 'utf8'),
): RunAsUser | undefined {
  if (name === undefined || name === me.name) return undefined;
  if (process.platform === 'win32') throw new UserError(`run-as "${name}": run-as is supported on Linux only`);
  let passwd: string;
  try {
    passwd = readPasswd();
  } catch (error) {
    throw new UserError(`run-as "${name}": cannot read the user database: ${String(error)}`);
  }
  const user = findPasswdEntry(passwd, name);
  if (user === undefined) throw new UserError(`run-as "${name}": no such user on this machine`);
  if (user.uid === me.uid) return undefined;
  if (me.uid !== 0) {
    throw new UserError(
      `run-as "${name}": switching users needs the runner to run as root (it runs as "${me.name}", uid ${me.uid})`,
    );
  }
  return user;
}
