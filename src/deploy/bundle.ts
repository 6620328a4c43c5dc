/**
 * A CodeDeploy revision bundle from a folder: the folder's appspec.yml checked by our appspec validator (plus what
 * only the folder can tell: every hook script and `files` source must be in it), then the folder zipped with the
 * runner's ZIP writer (file modes kept, so scripts stay executable; symbolic links stored as links; `.git`
 * folders left out).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { parseAppspec, type Appspec, type Finding } from '../appspec/index.js';
import { UserError } from '../core/errors.js';
import { writeZip, type ZipEntryInput, type ZipResult } from '../runner/zip.js';

export interface BundleCheck {
  /** The appspec as annotations name it (relative to the workspace). */
  readonly appspecFile: string;
  readonly findings: readonly Finding[];
  /** The appspec has errors: do not deploy. */
  readonly invalid: boolean;
  readonly appspec?: Appspec;
}

/** CodeDeploy reads the AppSpec file of an EC2/On-Premises bundle from this name at the bundle's root. */
export const APPSPEC_NAME = 'appspec.yml';

/**
 * Checks the bundle folder `folder`; `shown` is how findings name it (a path relative to the workspace, "" for the
 * workspace itself). A folder without appspec.yml is a UserError.
 */
export function checkBundle(folder: string, shown: string): BundleCheck {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new UserError(`the bundle folder ${shown || '.'} does not exist or is not a folder`);
  }
  const appspecFile = shown === '' || shown === '.' ? APPSPEC_NAME : path.posix.join(toPosix(shown), APPSPEC_NAME);
  const file = path.join(folder, APPSPEC_NAME);
  if (!existsSync(file)) {
    const other = ['appspec.yaml', 'appspec.json', 'AppSpec.yml'].find((name) => existsSync(path.join(folder, name)));
    throw new UserError(
      `${appspecFile} not found: CodeDeploy reads the AppSpec file of a bundle from appspec.yml at its root` +
        (other ? ` (the folder has ${other}; rename it)` : ''),
    );
  }
  const result = parseAppspec(readFileSync(file, 'utf8'), appspecFile);
  const findings: Finding[] = [...result.findings];
  if (result.appspec?.platform === 'ec2') findings.push(...missingFiles(result.appspec, folder, shown));
  findings.sort((a, b) => a.line - b.line || a.col - b.col);
  const invalid = findings.some((f) => f.severity === 'error');
  return { appspecFile, findings, invalid, ...(result.appspec && !invalid ? { appspec: result.appspec } : {}) };
}

/** Hook scripts and `files` sources the appspec names that the folder lacks. */
function missingFiles(appspec: Extract<Appspec, { platform: 'ec2' }>, folder: string, shown: string): Finding[] {
  const findings: Finding[] = [];
  const inBundle = (location: string): string => location.replace(/\\/g, '/').replace(/^\/+/, '');
  const exists = (relative: string): boolean =>
    relative === '' || existsSync(path.join(folder, ...relative.split('/')));
  const where = (relative: string): string =>
    shown === '' || shown === '.' ? relative : `${toPosix(shown)}/${relative}`;
  for (const hook of appspec.hooks) {
    for (const script of hook.scripts) {
      const relative = inBundle(script.location);
      if (exists(relative)) continue;
      // ApplicationStop runs the previous revision's scripts: this one's are only needed by the next deployment.
      const severity = hook.event === 'ApplicationStop' ? 'warning' : 'error';
      findings.push({
        severity,
        file: appspec.file,
        line: script.pos.line,
        col: script.pos.col,
        path: `hooks.${hook.event}`,
        message:
          `script "${script.location}" is not in the bundle (${where(relative)} does not exist)` +
          (severity === 'error'
            ? `: ${hook.event} would fail with ScriptMissing`
            : ': the next deployment would fail its ApplicationStop with ScriptMissing'),
      });
    }
  }
  for (const mapping of appspec.files) {
    const relative = inBundle(mapping.source);
    if (exists(relative)) continue;
    findings.push({
      severity: 'error',
      file: appspec.file,
      line: mapping.pos.line,
      col: mapping.pos.col,
      path: 'files',
      message: `source "${mapping.source}" is not in the bundle (${where(relative)} does not exist)`,
    });
  }
  return findings;
}

/** Zips every file under `folder` (not `.git` folders) into `outFile`, names relative to the folder. */
export async function zipFolder(folder: string, outFile: string): Promise<ZipResult> {
  const entries: ZipEntryInput[] = [];
  const skip = path.resolve(outFile);
  const walk = async (dir: string, prefix: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const name = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name !== '.git') await walk(full, name);
      } else if (entry.isSymbolicLink()) {
        entries.push({ name, source: { kind: 'symlink', path: full } });
      } else if (entry.isFile() && path.resolve(full) !== skip) {
        entries.push({ name, source: { kind: 'file', path: full } });
      }
      // Sockets, FIFOs and devices: nothing a bundle can carry.
    }
  };
  await walk(folder, '');
  if (entries.length === 0) throw new UserError(`the bundle folder ${folder} is empty`);
  return writeZip(outFile, entries);
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/').replace(/\/+$/, '');
}
