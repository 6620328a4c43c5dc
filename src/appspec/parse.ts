/**
 * parseAppspec: CodeDeploy appspec text → model + findings (errors and warnings with file:line:col). Never throws.
 * looksLikeAppspec: whether a file is an appspec rather than a buildspec, by its name or its content.
 */
import { Checker } from './check.js';
import { checkEc2 } from './ec2.js';
import { checkEcsLambda } from './serverless.js';
import { explainYamlProblem } from '../core/yaml-hints.js';
import { parseTree, START, type MapNode } from '../core/yaml-tree.js';
import type { Appspec, AppspecResult, Finding } from './types.js';

export function parseAppspec(text: string, file: string): AppspecResult {
  const c = new Checker(file);
  let appspec: Appspec | undefined;
  try {
    appspec = check(String(text), c);
  } catch (error) {
    c.error(START, '', `internal error in the appspec checker (please report it): ${String(error)}`);
  }
  const findings = [...c.findings].sort(byPosition);
  return c.errors === 0 && appspec ? { appspec, findings } : { findings };
}

function check(text: string, c: Checker): Appspec | undefined {
  const tree = parseTree(text, { reader: 'codedeploy' });
  for (const p of tree.problems) {
    const message = explainYamlProblem(p.message);
    if (p.severity === 'error') c.error(p.pos, '', message);
    else c.warning(p.pos, '', message);
  }
  if (c.errors > 0) return undefined;
  const root = tree.root;
  if (root === undefined || (root.kind === 'scalar' && root.isNull)) {
    c.error(
      START,
      '',
      'the file is empty: an appspec needs version: 0.0 and os (EC2/On-Premises) or Resources (ECS/Lambda)',
    );
    return undefined;
  }
  if (root.kind !== 'map') {
    c.error(
      root.pos,
      '',
      'an appspec is a mapping of keys (version, os, files, hooks, ... or version, Resources, Hooks)',
    );
    return undefined;
  }
  return isEcsOrLambda(root) ? checkEcsLambda(root, c) : checkEc2(root, c);
}

/** ECS/Lambda: a `Resources` key, or a `Hooks` list without any EC2/On-Premises key. */
function isEcsOrLambda(root: MapNode): boolean {
  const key = (name: string) => root.entries.find((e) => e.key.toLowerCase() === name);
  if (key('resources')) return true;
  if (['os', 'files', 'permissions', 'file_exists_behavior'].some((k) => root.entries.some((e) => e.key === k))) {
    return false;
  }
  const hooks = key('hooks');
  return hooks !== undefined && (hooks.key === 'Hooks' || hooks.value.kind === 'seq');
}

function byPosition(a: Finding, b: Finding): number {
  return a.line - b.line || a.col - b.col;
}

const APPSPEC_NAME = /^appspec\.(ya?ml|json)$/i;
const VERSION_00 = /^["']?version["']?\s*:\s*["']?0\.0["']?\s*,?\s*(#.*)?$/m;
const DEPLOY_TYPE = /AWS::(ECS::Service|Lambda::Function)/;

/** Top-level keys only an appspec has, and keys only a buildspec has (version is both's). */
const APPSPEC_KEYS = ['os', 'files', 'permissions', 'hooks', 'Hooks', 'Resources', 'resources', 'file_exists_behavior'];
const BUILDSPEC_KEYS = [
  'phases',
  'batch',
  'env',
  'artifacts',
  'reports',
  'cache',
  'proxy',
  'run-as',
  'environment_variables',
];

/** A top-level key of YAML (at the start of a line) or a key anywhere in JSON. */
function keyPattern(names: readonly string[], json: boolean): RegExp {
  const alternatives = names.join('|');
  return json ? new RegExp(`"(?:${alternatives})"\\s*:`) : new RegExp(`^["']?(?:${alternatives})["']?\\s*:`, 'm');
}

/**
 * Whether a file is a CodeDeploy appspec: named appspec.yml/.yaml/.json, or holding a top-level appspec key (os,
 * files, permissions, hooks, Hooks, Resources, file_exists_behavior) and no buildspec key (phases, batch, env,
 * artifacts, …). The version does not decide: an appspec with a wrong version (`version: 0.1`, `1.0`) is still an
 * appspec, and is best told that its version must be 0.0. `version: 0.0` or an ECS service / Lambda function
 * resource makes it an appspec even next to a buildspec key other than phases.
 */
export function looksLikeAppspec(fileName: string, text: string): boolean {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  if (APPSPEC_NAME.test(base)) return true;
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const json = body.trimStart().startsWith('{');
  if (keyPattern(['phases'], json).test(body)) return false;
  if (!keyPattern(APPSPEC_KEYS, json).test(body)) return false;
  const hasVersion00 = json ? /"version"\s*:\s*"?0\.0"?\s*[,}\n]/.test(body) : VERSION_00.test(body);
  return hasVersion00 || DEPLOY_TYPE.test(body) || !keyPattern(BUILDSPEC_KEYS, json).test(body);
}
