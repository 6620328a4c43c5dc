/**
 * The shell state a version 0.2 build carries from one command to the next (and across phases): scalar shell
 * variables, exported or not, and the working directory. Arrays and functions are not carried, as in CodeBuild.
 *
 * After each command the command's subshell dumps its state (see session.ts): `set` + `export -p` in POSIX shells,
 * `declare -p` in bash. This module parses those dumps and writes the prelude that recreates the state in the
 * next command's subshell, as a difference from the state the shell starts with.
 *
 * Every string here is a "binary string" (latin1: one char per byte) so values round-trip byte for byte, whatever
 * their encoding; see toBinary/fromBinary.
 */
import { shellQuote } from '../core/shell.js';

export { shellQuote };

export interface ShellVar {
  /** Undefined for a variable that is declared or exported but has no value (`export X`). */
  readonly value: string | undefined;
  readonly exported: boolean;
}

export interface ShellState {
  readonly vars: ReadonlyMap<string, ShellVar>;
  readonly cwd: string;
}

/** JS string → binary string of its UTF-8 bytes. */
export function toBinary(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1');
}

/** Binary string → JS string, decoding its bytes as UTF-8. */
export function fromBinary(binary: string): string {
  return Buffer.from(binary, 'latin1').toString('utf8');
}

/**
 * Variables the shell maintains itself (or that belong to one process): never carried, never unset.
 * `__acd_` is the prefix of the driver's own variables.
 */
const SHELL_OWNED = new Set([
  '_',
  'PPID',
  'PWD',
  'SHLVL',
  'LINENO',
  'RANDOM',
  'SRANDOM',
  'SECONDS',
  'EPOCHREALTIME',
  'EPOCHSECONDS',
  'HISTCMD',
  'OPTIND',
  'OPTARG',
  'BASH',
  'BASHPID',
  'BASHOPTS',
  'SHELLOPTS',
  'BASH_ARGV0',
  'BASH_COMMAND',
  'BASH_EXECUTION_STRING',
  'BASH_SUBSHELL',
  'BASH_VERSION',
  'BASH_VERSINFO',
  'COMP_WORDBREAKS',
  'EUID',
  'UID',
  'GROUPS',
  'FUNCNAME',
  'DIRSTACK',
  'PIPESTATUS',
]);

export function isCarried(name: string): boolean {
  return !SHELL_OWNED.has(name) && !name.startsWith('__acd_');
}

/** One `NAME=value` entry of a dump, with the `declare` flags when there are any. */
export interface Declaration {
  readonly name: string;
  readonly value: string | undefined;
  /** `export` → "x"; `declare -ar` → "ar"; bare `NAME=value` → "". */
  readonly flags: string;
  readonly array: boolean;
}

const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;

/**
 * Parses the output of `set`, `export -p` or `declare -p` (dash, bash, busybox ash, ksh): one declaration per
 * entry, values unquoted (single quotes, double quotes, `$'…'`, backslashes). Entries it cannot read are skipped.
 */
export function parseDeclarations(text: string): Declaration[] {
  const out: Declaration[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && (text[i] === '\n' || text[i] === ' ' || text[i] === '\t')) i++;
    if (i >= n) break;
    let flags = '';
    if (text.startsWith('export ', i)) {
      flags = 'x';
      i += 7;
    } else if (text.startsWith('declare ', i) || text.startsWith('typeset ', i) || text.startsWith('readonly ', i)) {
      i = text.indexOf(' ', i) + 1;
      while (text[i] === '-') {
        const end = text.indexOf(' ', i);
        if (end < 0) break;
        flags += text.slice(i + 1, end).replace(/-/g, '');
        i = end + 1;
      }
    }
    NAME.lastIndex = i;
    const match = NAME.exec(text);
    if (match === null) {
      i = skipLine(text, i);
      continue;
    }
    const name = match[0];
    i += name.length;
    if (text[i] !== '=') {
      out.push({ name, value: undefined, flags, array: false });
      i = skipLine(text, i);
      continue;
    }
    i++;
    if (text[i] === '(') {
      i = skipArray(text, i + 1);
      out.push({ name, value: undefined, flags, array: true });
      i = skipLine(text, i);
      continue;
    }
    const word = readWord(text, i);
    i = word.end;
    out.push({ name, value: word.value, flags, array: flags.includes('a') || flags.includes('A') });
    i = skipLine(text, i);
  }
  return out;
}

function skipLine(text: string, i: number): number {
  const end = text.indexOf('\n', i);
  return end < 0 ? text.length : end + 1;
}

/** Reads one shell word starting at i (up to unquoted blank or newline). */
function readWord(text: string, start: number): { value: string; end: number } {
  let value = '';
  let i = start;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '\n' || c === ' ' || c === '\t') break;
    if (c === "'") {
      const close = text.indexOf("'", i + 1);
      const end = close < 0 ? n : close;
      value += text.slice(i + 1, end);
      i = end + 1;
    } else if (c === '$' && text[i + 1] === "'") {
      const r = readAnsiC(text, i + 2);
      value += r.value;
      i = r.end;
    } else if (c === '"') {
      i++;
      while (i < n && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < n && '$`"\\\n'.includes(text[i + 1] as string)) {
          if (text[i + 1] !== '\n') value += text[i + 1];
          i += 2;
        } else {
          value += text[i];
          i++;
        }
      }
      i++;
    } else if (c === '\\') {
      if (text[i + 1] !== '\n') value += text[i + 1] ?? '';
      i += 2;
    } else {
      value += c;
      i++;
    }
  }
  return { value, end: i };
}

const ANSI_SIMPLE: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

/** `$'…'` body from i (after the opening quote); returns the decoded bytes and the index after the closing quote. */
function readAnsiC(text: string, start: number): { value: string; end: number } {
  let value = '';
  let i = start;
  const n = text.length;
  while (i < n && text[i] !== "'") {
    const c = text[i] as string;
    if (c !== '\\') {
      value += c;
      i++;
      continue;
    }
    const e = text[i + 1] ?? '';
    const simple = ANSI_SIMPLE[e];
    if (simple !== undefined) {
      value += simple;
      i += 2;
    } else if (e >= '0' && e <= '7') {
      const digits = /^[0-7]{1,3}/.exec(text.slice(i + 1, i + 4))?.[0] ?? '';
      value += String.fromCharCode(parseInt(digits, 8) & 0xff);
      i += 1 + digits.length;
    } else if (e === 'x') {
      const digits = /^[0-9A-Fa-f]{1,2}/.exec(text.slice(i + 2, i + 4))?.[0] ?? '';
      value += digits === '' ? '\\x' : String.fromCharCode(parseInt(digits, 16));
      i += 2 + digits.length;
    } else if (e === 'u' || e === 'U') {
      const digits = new RegExp(`^[0-9A-Fa-f]{1,${e === 'u' ? 4 : 8}}`).exec(text.slice(i + 2, i + 10))?.[0] ?? '';
      value += digits === '' ? `\\${e}` : toBinary(String.fromCodePoint(parseInt(digits, 16)));
      i += 2 + digits.length;
    } else if (e === 'c') {
      value += String.fromCharCode((text.charCodeAt(i + 2) || 0) & 0x1f);
      i += 3;
    } else {
      value += '\\' + e;
      i += 2;
    }
  }
  return { value, end: i + 1 };
}

/** Skips a bash array body `[0]="a" [1]="b")`; returns the index after `)`. */
function skipArray(text: string, start: number): number {
  let i = start;
  const n = text.length;
  while (i < n && text[i] !== ')') {
    const c = text[i];
    if (c === "'") i = text.indexOf("'", i + 1) + 1 || n;
    else if (c === '$' && text[i + 1] === "'") i = readAnsiC(text, i + 2).end;
    else if (c === '"') {
      i++;
      while (i < n && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i++;
    } else if (c === '\\') i += 2;
    else i++;
  }
  return i + 1;
}

/** Section separator inside a dump file: a line holding only this text. */
export function dumpSeparator(nonce: string): string {
  return `\x1e${nonce}`;
}

/**
 * Reads a dump file: `<vars>\n SEP\n <exports>\n SEP\n <pwd>\n`. POSIX shells fill both var sections (`set`,
 * then `export -p`); bash fills the first with `declare -p` and leaves the second empty.
 */
export function parseDump(text: string, nonce: string): ShellState | undefined {
  const sep = '\n' + dumpSeparator(nonce) + '\n';
  const first = text.indexOf(sep);
  const second = first < 0 ? -1 : text.indexOf(sep, first + sep.length);
  if (second < 0) return undefined;
  const vars = new Map<string, ShellVar>();
  for (const d of parseDeclarations(text.slice(0, first + 1))) {
    if (d.array) continue;
    vars.set(d.name, { value: d.value, exported: d.flags.includes('x') });
  }
  for (const d of parseDeclarations(text.slice(first + sep.length, second + 1))) {
    if (d.array) continue;
    const known = vars.get(d.name);
    vars.set(d.name, { value: d.value ?? known?.value, exported: true });
  }
  let cwd = text.slice(second + sep.length);
  if (cwd.endsWith('\n')) cwd = cwd.slice(0, -1);
  return { vars, cwd };
}

/**
 * Shell code that turns a shell in state `base` into `state`: cd first (it sets OLDPWD), then unset what is gone,
 * then assign what is new or changed. Variables the shell owns are left alone.
 */
export function statePrelude(base: ShellState, state: ShellState): string {
  const lines: string[] = [];
  if (state.cwd !== '' && state.cwd !== base.cwd) lines.push(`cd -- ${shellQuote(state.cwd)} || :`);
  for (const name of base.vars.keys()) {
    if (isCarried(name) && !state.vars.has(name)) lines.push(`unset ${name}`);
  }
  for (const [name, v] of state.vars) {
    if (!isCarried(name)) continue;
    const b = base.vars.get(name);
    if (b !== undefined && b.value === v.value && b.exported === v.exported) continue;
    if (v.value === undefined) lines.push(v.exported ? `unset ${name}; export ${name}` : `unset ${name}`);
    else {
      // Only unset can take the export flag off a variable in a POSIX shell.
      const unexport = b?.exported === true && !v.exported ? `unset ${name}; ` : '';
      lines.push(`${unexport}${v.exported ? 'export ' : ''}${name}=${shellQuote(v.value)}`);
    }
  }
  return lines.length === 0 ? '' : lines.join('\n') + '\n';
}

/** A copy of `state` with some variables set (binary values). */
export function withVars(state: ShellState, set: ReadonlyMap<string, ShellVar>): ShellState {
  const vars = new Map(state.vars);
  for (const [k, v] of set) vars.set(k, v);
  return { vars, cwd: state.cwd };
}

const SHELL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The state of a shell given `env` as its environment, from the state it has when started with another (`base`):
 * the shell's own unexported variables stay, every exported one is replaced by `env` (names a shell cannot hold,
 * such as `a-b`, are left out).
 */
export function stateWithEnvironment(base: ShellState, env: Readonly<Record<string, string>>): ShellState {
  const vars = new Map<string, ShellVar>();
  for (const [name, v] of base.vars) if (!v.exported || !isCarried(name)) vars.set(name, v);
  for (const [name, value] of Object.entries(env)) {
    if (SHELL_NAME.test(name) && isCarried(name)) vars.set(name, { value: toBinary(value), exported: true });
  }
  return { vars, cwd: base.cwd };
}
