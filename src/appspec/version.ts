import type { Checker, MapEntry, MapNode } from './check.js';

/**
 * `version: 0.0` is the only AppSpec version, for every platform. The EC2/On-Premises agent reads the file with
 * Ruby's YAML and compares the value with the number 0.0, so a quoted "0.0" fails there.
 */
export function checkVersion(
  entry: MapEntry | undefined,
  root: MapNode,
  c: Checker,
  platform: 'ec2' | 'ecs-lambda',
): '0.0' | undefined {
  if (entry === undefined) {
    c.missing(root, 'version', 'version', 'write version: 0.0, the only AppSpec version');
    return undefined;
  }
  const text = c.text(entry.value, 'version');
  if (text === undefined) return undefined;
  if (text !== '0.0') {
    c.error(entry.value.pos, 'version', `must be 0.0, the only AppSpec version; got "${text}"`);
    return undefined;
  }
  if (platform === 'ec2' && entry.value.kind === 'scalar' && entry.value.style !== 'plain') {
    c.error(
      entry.value.pos,
      'version',
      'write version: 0.0 without quotes: the CodeDeploy agent reads the version as a number and rejects the text "0.0"',
    );
    return undefined;
  }
  return '0.0';
}
