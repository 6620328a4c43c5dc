/**
 * Escaping for GitHub Actions workflow commands (`::error file=…::message`). Data escapes %, CR and LF so a
 * value can never end the command early or start a new one; properties also escape `:` and `,`.
 */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
