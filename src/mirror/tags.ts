import { UserError } from '../core/errors.js';

/** KEY=VALUE lines → tags of a created CodeCommit repository (keys 1-128 characters, not aws:…; values up to 256). */
export function parseTags(lines: readonly string[], what: string): Record<string, string> {
  const out: Record<string, string> = {};
  lines.forEach((line, index) => {
    const eq = line.indexOf('=');
    const key = eq < 0 ? '' : line.slice(0, eq).trim();
    const value = eq < 0 ? '' : line.slice(eq + 1).trim();
    if (key === '' || key.length > 128 || value.length > 256 || key.toLowerCase().startsWith('aws:')) {
      throw new UserError(
        `${what}, line ${index + 1}: expected KEY=VALUE (key 1-128 characters, not starting with aws:, ` +
          `value up to 256); got "${line}"`,
      );
    }
    out[key] = value;
  });
  return out;
}
