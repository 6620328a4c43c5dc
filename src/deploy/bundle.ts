/**
 * A CodeDeploy revision bundle from a folder: the folder's appspec.yml checked by our appspec validator (plus what
 * only the folder can tell: every hook script and `files` source must be in it), then the folder zipped with the
 * runner's ZIP writer (file modes kept, so scripts stay executable; symbolic links stored as links; `.git`
 * folders left out).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { parseAppspec, type Appspec, type Finding, type Position } from '../appspec/index.js';
import { UserError } from '../core/errors.js';
import { entry, parseTree, type TreeNode } from '../core/yaml-tree.js';
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
  const text = readFileSync(file, 'utf8');
  const result = parseAppspec(text, appspecFile);
  // Every problem in one pass: the files the appspec names are checked even when it has errors of its own (then
  // read from its YAML, as there is no model), so a wrong `os` does not hide a missing hook script.
  const refs =
    result.appspec === undefined
      ? referencesInText(text)
      : result.appspec.platform === 'ec2'
        ? references(result.appspec)
        : undefined;
  const findings: Finding[] = [...result.findings];
  if (refs !== undefined) findings.push(...missingFiles(refs, appspecFile, folder, shown));
  findings.sort((a, b) => a.line - b.line || a.col - b.col);
  const invalid = findings.some((f) => f.severity === 'error');
  return { appspecFile, findings, invalid, ...(result.appspec && !invalid ? { appspec: result.appspec } : {}) };
}

/** The revision's files an EC2/On-Premises appspec names: hook scripts (with their event) and `files` sources. */
interface FileReferences {
  readonly scripts: ReadonlyArray<{ readonly event: string; readonly location: string; readonly pos: Position }>;
  readonly sources: ReadonlyArray<{ readonly source: string; readonly pos: Position }>;
}

function references(appspec: Extract<Appspec, { platform: 'ec2' }>): FileReferences {
  return {
    scripts: appspec.hooks.flatMap((hook) => hook.scripts.map((s) => ({ event: hook.event, ...s }))),
    sources: appspec.files.map((f) => ({ source: f.source, pos: f.pos })),
  };
}

/**
 * The same, read from the YAML of an appspec with errors (so no model): whatever `hooks.<event>[].location` and
 * `files[].source` values are there. An ECS/Lambda appspec (Resources) names no files of the revision.
 */
function referencesInText(text: string): FileReferences | undefined {
  const root = parseTree(text, { reader: 'codedeploy' }).root;
  if (root?.kind !== 'map' || entry(root, 'Resources') !== undefined || entry(root, 'resources') !== undefined) {
    return undefined;
  }
  const value = (node: TreeNode | undefined): string | undefined =>
    node?.kind === 'scalar' && !node.isNull && node.text.trim() !== '' ? node.text.trim() : undefined;
  const scripts: Array<{ event: string; location: string; pos: Position }> = [];
  const hooks = entry(root, 'hooks')?.value;
  for (const hook of hooks?.kind === 'map' ? hooks.entries : []) {
    for (const item of hook.value.kind === 'seq' ? hook.value.items : []) {
      const location = item.kind === 'map' ? value(entry(item, 'location')?.value) : undefined;
      if (location !== undefined) scripts.push({ event: hook.key, location, pos: item.pos });
    }
  }
  const sources: Array<{ source: string; pos: Position }> = [];
  const files = entry(root, 'files')?.value;
  for (const item of files?.kind === 'seq' ? files.items : []) {
    const source = item.kind === 'map' ? value(entry(item, 'source')?.value) : undefined;
    if (source !== undefined) sources.push({ source, pos: item.pos });
  }
  return { scripts, sources };
}

/** Hook scripts and `files` sources the appspec names that the folder lacks. */
function missingFiles(refs: FileReferences, file: string, folder: string, shown: string): Finding[] {
  const findings: Finding[] = [];
  const inBundle = (location: string): string => location.replace(/\\/g, '/').replace(/^\/+/, '');
  const exists = (relative: string): boolean =>
    relative === '' || existsSync(path.join(folder, ...relative.split('/')));
  const where = (relative: string): string =>
    shown === '' || shown === '.' ? relative : `${toPosix(shown)}/${relative}`;
  for (const script of refs.scripts) {
    const relative = inBundle(script.location);
    if (exists(relative)) continue;
    // ApplicationStop runs the previous revision's scripts: this one's are only needed by the next deployment.
    const severity = script.event === 'ApplicationStop' ? 'warning' : 'error';
    findings.push({
      severity,
      file,
      line: script.pos.line,
      col: script.pos.col,
      path: `hooks.${script.event}`,
      message:
        `script "${script.location}" is not in the bundle (${where(relative)} does not exist)` +
        (severity === 'error'
          ? `: ${script.event} would fail with ScriptMissing`
          : ': the next deployment would fail its ApplicationStop with ScriptMissing'),
    });
  }
  for (const mapping of refs.sources) {
    const relative = inBundle(mapping.source);
    if (exists(relative)) continue;
    findings.push({
      severity: 'error',
      file,
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
