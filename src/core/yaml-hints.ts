/**
 * Advice for YAML problems whose parser wording does not say what to do. Shared by the buildspec and appspec
 * checks (both read YAML with src/core/yaml-tree.ts).
 */

/** The alias text of "unknown alias *x" (CodeBuild's reader) or "alias *x cannot be resolved" (CodeDeploy's). */
const UNKNOWN_ALIAS = /^(?:unknown alias (\*\S*)|alias (\*\S*) cannot be resolved)$/;
const EMPTY_ALIAS = /Alias cannot be an empty string/;
/** An alias name that is really a path glob: a second "*", or a "/", "." or "?" (`**∕*`, `*.jar`, `**`). */
const GLOB_LIKE = /^\*.*[*/.?]/;

/** The message of a YAML problem, with advice added where the parser's own words would puzzle a user. */
export function explainYamlProblem(message: string): string {
  const alias = UNKNOWN_ALIAS.exec(message);
  const text = alias?.[1] ?? alias?.[2];
  if (text !== undefined && GLOB_LIKE.test(text)) {
    return `${message}: an unquoted value starting with "*" is a YAML alias (a reference to an &anchor), not text; quote the glob: '${text}'`;
  }
  if (EMPTY_ALIAS.test(message)) {
    return `${message}: a lone "*" starts a YAML alias, not text; quote the glob: '*'`;
  }
  return message;
}
