/**
 * Variable expansion in artifact, report and cache entries (`- $ECS_AGENT_DEB`, `base-directory: ${OUT}/dist`).
 *
 * CodeBuild's agent is written in Go and expands these entries the way Go's `os.ExpandEnv` does: `$NAME` and
 * `${NAME}`, an unset variable is the empty string, and no shell syntax (no `$(…)`, no `${A:-b}`). On top of that
 * we accept PowerShell's `$env:NAME`, which AWS's own Windows buildspecs use in `base-directory`
 * (`"$env:TEMP/testArtifacts"`); on Linux CodeBuild would read it as `$env` followed by `:NAME`, which no user
 * means. A `$` that starts none of these forms is kept as written.
 */

/** The build's environment as the caller holds it: a Map or a plain object. */
export type EnvLike = ReadonlyMap<string, string> | Readonly<Record<string, string | undefined>>;

export function lookupEnv(env: EnvLike, name: string): string | undefined {
  if (env instanceof Map) return env.get(name);
  const record = env as Readonly<Record<string, string | undefined>>;
  return Object.prototype.hasOwnProperty.call(record, name) ? record[name] : undefined;
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

/** Expands `$NAME`, `${NAME}` and `$env:NAME` from `env`; unset names expand to "". */
export function expandVariables(text: string, env: EnvLike): string {
  if (!text.includes('$')) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch !== '$') {
      out += ch;
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next === '{') {
      const close = text.indexOf('}', i + 2);
      const name = close < 0 ? '' : text.slice(i + 2, close);
      if (close < 0 || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
        out += ch;
        i++;
        continue;
      }
      out += lookupEnv(env, name) ?? '';
      i = close + 1;
      continue;
    }
    if (next !== undefined && NAME_START.test(next)) {
      let j = i + 1;
      while (j < text.length && NAME_CHAR.test(text[j] ?? '')) j++;
      let name = text.slice(i + 1, j);
      if (name === 'env' && text[j] === ':' && NAME_START.test(text[j + 1] ?? '')) {
        let k = j + 1;
        while (k < text.length && NAME_CHAR.test(text[k] ?? '')) k++;
        name = text.slice(j + 1, k);
        j = k;
      }
      out += lookupEnv(env, name) ?? '';
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
