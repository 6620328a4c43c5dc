/** Pieces of the JSON Schemas the two file languages publish (`aws-cicd schema`). */

/** A pattern matching `words` in any letter case, e.g. yes → [Yy][Ee][Ss]. */
export function caseInsensitivePattern(words: readonly string[]): string {
  const word = (w: string) =>
    [...w]
      .map((c) => (c.toLowerCase() !== c.toUpperCase() ? `[${c.toUpperCase()}${c.toLowerCase()}]` : escape(c)))
      .join('');
  return `^(?:${words.map(word).join('|')})$`;
}

function escape(c: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(c) ? `\\${c}` : c;
}
