/** Single-quotes text for any POSIX shell (git runs `!` helpers with sh, also on Windows). */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
