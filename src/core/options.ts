/**
 * One option schema per use case: each option's name, type, default, allowed values and help, written once. Both faces
 * read from it: the action's inputs (`readInputs`, names and defaults as in its action.yml, which a test holds against
 * the schema) and the CLI's arguments (`readArguments`, the same rules, with `--name` flags and `--help` text made
 * from it). Every mistake is a UserError naming the input (`input "timeout-minutes"`) or the flag (`--timeout`).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from '../core/errors.js';

interface Common {
  /** What it does: the action.yml description (word for word) and the CLI's help line. */
  readonly help: string;
  /** The action input's name, when it differs from the key in kebab-case; false: the CLI only. */
  readonly input?: string | false;
  /** The CLI flag without `--`, when it differs from the input's name; false: the action only. */
  readonly flag?: string | false;
  /** The CLI help's value name: `--project NAME`. */
  readonly placeholder?: string;
  readonly short?: string;
  /** Required: true, or the message's tail, e.g. `(see …)`. */
  readonly required?: boolean | string;
  /** Required unless this other option (a key of the schema) is given. */
  readonly requiredUnless?: string;
  /**
   * The action.yml default when it is an expression the runner fills in (`${{ github.token }}`): the input then
   * arrives with its value, and the option itself has no default.
   */
  readonly actionDefault?: string;
}

/** Text. Undefined when not given and without a default. */
export interface TextOption extends Common {
  readonly type: 'text';
  readonly default?: string;
  /** The trimmed value must match; `form` words it for the message ("an AWS region name such as us-east-1"). */
  readonly pattern?: RegExp;
  readonly form?: string;
  /** Keep surrounding white space and line breaks (inline YAML). */
  readonly raw?: boolean;
}

/**
 * true/false (also yes/no, on/off, 1/0 in an input). Without a default: undefined when not given ("the project's").
 * CLI: `--flag` and `--no-flag`.
 */
export interface FlagOption extends Common {
  readonly type: 'flag';
  readonly default?: boolean;
}

export interface IntegerOption extends Common {
  readonly type: 'integer';
  readonly default?: number;
  readonly min: number;
  readonly max: number;
}

export interface ChoiceOption<C extends string = string> extends Common {
  readonly type: 'choice';
  readonly choices: readonly C[];
  readonly default?: C;
}

/**
 * Several values: one per line in an input (blank lines and # comments left out), a repeated flag in the CLI. With
 * `parse`, each is turned into a value (`where` names the input's line or the flag for its messages).
 */
export interface ListOption<T = unknown> extends Common {
  readonly type: 'list';
  readonly parse?: (text: string, where: string) => T;
}

/**
 * NAME=VALUE pairs, one per line or repeated flag; NAME is letters, digits and _, VALUE everything after the first
 * `=` as written. With `bare`, a line with only NAME takes the environment's value of that name.
 */
export interface PairsOption extends Common {
  readonly type: 'pairs';
  readonly bare?: boolean;
  /** What a NAME may be (default: letters, digits and _, not starting with a digit), and how to say it. */
  readonly name?: { readonly pattern: RegExp; readonly form: string };
}

export type OptionSpec = TextOption | FlagOption | IntegerOption | ChoiceOption | ListOption | PairsOption;
export type OptionSchema = Readonly<Record<string, OptionSpec>>;

type ValueOf<O extends OptionSpec> = O extends TextOption
  ? O extends { default: string } | { required: true | string }
    ? string
    : string | undefined
  : O extends FlagOption
    ? O extends { default: boolean }
      ? boolean
      : boolean | undefined
    : O extends IntegerOption
      ? O extends { default: number } | { required: true | string }
        ? number
        : number | undefined
      : O extends ChoiceOption<infer C>
        ? O extends { default: string } | { required: true | string }
          ? C
          : C | undefined
        : O extends PairsOption
          ? Array<[string, string]>
          : O extends { parse: (text: string, where: string) => infer T }
            ? T[]
            : string[];

/** The typed values a schema reads to. */
export type OptionValues<S extends OptionSchema> = { -readonly [K in keyof S]: ValueOf<S[K]> };

/** How a face names an option in a message: `input "start"` (the action), `--start` (the CLI). */
export type OptionNaming = (key: string) => string;

export function inputNaming(schema: OptionSchema): OptionNaming {
  return (key) => {
    const spec = schema[key];
    return `input "${spec === undefined ? key : (inputName(key, spec) ?? key)}"`;
  };
}

export function flagNaming(schema: OptionSchema): OptionNaming {
  return (key) => {
    const spec = schema[key];
    return `--${spec === undefined ? key : (flagName(key, spec) ?? key)}`;
  };
}

/** The action input's name of an option. */
export function inputName(key: string, spec: OptionSpec): string | undefined {
  if (spec.input === false) return undefined;
  return spec.input ?? key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** The CLI flag of an option, without `--`. */
export function flagName(key: string, spec: OptionSpec): string | undefined {
  if (spec.flag === false) return undefined;
  return spec.flag ?? inputName(key, spec) ?? key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** How an option is named in a message. */
type Namer = (key: string, spec: OptionSpec) => string;

/**
 * Reads an action's inputs (`raw(name)` is the runner's INPUT_<NAME>, untrimmed). Options the action does not have
 * (input: false) read as not given.
 */
export function readInputs<S extends OptionSchema>(
  schema: S,
  raw: (name: string) => string,
  env: NodeJS.ProcessEnv = {},
): OptionValues<S> {
  const name: Namer = (key, spec) => `input "${inputName(key, spec)}"`;
  const values: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(schema)) {
    const input = inputName(key, spec);
    const text = input === undefined ? '' : raw(input);
    if (spec.type === 'list') {
      const parse = spec.parse;
      values[key] = lines(text).map((line, i) => (parse ? parse(line, `${name(key, spec)}, line ${i + 1}`) : line));
      continue;
    }
    if (spec.type === 'pairs') {
      values[key] = lines(text).map((line, i) =>
        pair(line, spec, env, `${name(key, spec)}, line ${i + 1}`, 'on the runner', 1),
      );
      continue;
    }
    const given = spec.type === 'text' && spec.raw ? (text.trim() === '' ? undefined : text) : text.trim() || undefined;
    values[key] = convert(key, spec, given, name, 1);
  }
  checkRequiredUnless(schema, values, name, (k, sp) => inputName(k, sp) !== undefined, 1);
  return values as OptionValues<S>;
}

/** An option required unless another is given: named with the other when the face has it. */
function checkRequiredUnless(
  schema: OptionSchema,
  values: Record<string, unknown>,
  name: Namer,
  has: (key: string, spec: OptionSpec) => boolean,
  exitCode: number,
): void {
  for (const [key, spec] of Object.entries(schema)) {
    const other = spec.requiredUnless;
    if (other === undefined || values[key] !== undefined) continue;
    const otherSpec = schema[other];
    if (otherSpec !== undefined && values[other] !== undefined) continue;
    const hint =
      otherSpec !== undefined && has(other, otherSpec)
        ? ` (or give ${name(other, otherSpec).replace(/^input /, '')})`
        : '';
    throw new UserError(`${name(key, spec)} is required${hint}`, { exitCode });
  }
}

/**
 * Reads a CLI command's arguments. `positionals: true` lets them through (returned apart). Unknown flags and bad
 * values are usage errors (exit status 2).
 */
export function readArguments<S extends OptionSchema>(
  schema: S,
  argv: readonly string[],
  options: { readonly positionals?: boolean; readonly env?: NodeJS.ProcessEnv } = {},
): { values: OptionValues<S>; positionals: string[] } {
  const name: Namer = (key, spec) => `--${flagName(key, spec)}`;
  const config: NonNullable<ParseArgsConfig['options']> = {};
  for (const [key, spec] of Object.entries(schema)) {
    const flag = flagName(key, spec);
    if (flag === undefined) continue;
    config[flag] = {
      type: spec.type === 'flag' ? 'boolean' : 'string',
      ...(spec.type === 'list' || spec.type === 'pairs' ? { multiple: true } : {}),
      ...(spec.short !== undefined ? { short: spec.short } : {}),
    };
  }
  const parsed = parseArgs({
    args: [...argv],
    options: config,
    allowPositionals: options.positionals === true,
    allowNegative: true,
    strict: true,
  });
  const values: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(schema)) {
    const flag = flagName(key, spec);
    const given = flag === undefined ? undefined : (parsed.values as Record<string, unknown>)[flag];
    if (spec.type === 'list') {
      const parse = spec.parse;
      values[key] = ((given as string[] | undefined) ?? []).map((text) =>
        parse ? parse(text, name(key, spec)) : text,
      );
      continue;
    }
    if (spec.type === 'pairs') {
      const list = (given as string[] | undefined) ?? [];
      values[key] = list.map((text) => pair(text, spec, options.env ?? {}, name(key, spec), 'in the environment', 2));
      continue;
    }
    if (spec.type === 'flag') {
      values[key] = convert(key, spec, given === undefined ? undefined : String(given), name, 2);
      continue;
    }
    values[key] = convert(key, spec, given as string | undefined, name, 2);
  }
  checkRequiredUnless(schema, values, name, (k, sp) => flagName(k, sp) !== undefined, 2);
  return { values: values as OptionValues<S>, positionals: parsed.positionals };
}

function convert(key: string, spec: OptionSpec, given: string | undefined, name: Namer, exitCode: number): unknown {
  const fail = (message: string): never => {
    throw new UserError(`${name(key, spec)} ${message}`, { exitCode });
  };
  if (given === undefined) {
    if (spec.required) fail(`is required${typeof spec.required === 'string' ? ` ${spec.required}` : ''}`);
    return spec.type === 'list' || spec.type === 'pairs' ? [] : spec.default;
  }
  switch (spec.type) {
    case 'text':
      if (spec.pattern !== undefined && !spec.pattern.test(given.trim())) {
        fail(`must be ${spec.form ?? `of the form ${String(spec.pattern)}`}; got "${given.trim()}"`);
      }
      return given;
    case 'flag': {
      const value = given.trim().toLowerCase();
      if (['true', 'yes', 'on', '1'].includes(value)) return true;
      if (['false', 'no', 'off', '0'].includes(value)) return false;
      return fail(`must be true or false; got "${given}"`);
    }
    case 'integer': {
      if (!/^\d+$/.test(given)) fail(`must be a whole number; got "${given}"`);
      const value = Number(given);
      if (value < spec.min || value > spec.max) fail(`must be between ${spec.min} and ${spec.max}; got ${value}`);
      return value;
    }
    case 'choice':
      if (!spec.choices.includes(given)) fail(`must be one of ${spec.choices.join(', ')}; got "${given}"`);
      return given;
    case 'list':
    case 'pairs':
      return lines(given);
  }
}

function pair(
  text: string,
  spec: PairsOption,
  env: NodeJS.ProcessEnv,
  where: string,
  envName: string,
  exitCode: number,
): [string, string] {
  const eq = text.indexOf('=');
  const key = (eq < 0 ? text : text.slice(0, eq)).trim();
  const form = spec.bare ? 'NAME=VALUE or NAME' : 'NAME=VALUE';
  if (!isVariableName(key) || (eq < 0 && !spec.bare)) {
    throw new UserError(
      `${where}: expected ${form} with NAME made of letters, digits and _; got "${eq < 0 ? text : key}"`,
      {
        exitCode,
      },
    );
  }
  if (eq >= 0) return [key, text.slice(eq + 1)];
  const value = env[key];
  if (value === undefined) throw new UserError(`${where}: ${key} is not set ${envName}`, { exitCode });
  return [key, value];
}

export function isVariableName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
}

/** Non-empty lines, trimmed; lines starting with # are comments. */
export function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/**
 * The options part of a command's `--help`: one entry per flag, the value name after it, the help wrapped beside.
 * Defaults and choices are said when the help does not say them.
 */
export function optionsHelp(schema: OptionSchema, width = 110): string {
  const entries: Array<[string, string]> = [];
  for (const [key, spec] of Object.entries(schema)) {
    const flag = flagName(key, spec);
    if (flag === undefined) continue;
    const value = spec.type === 'flag' ? '' : ` ${spec.placeholder ?? placeholderOf(spec)}`;
    const short = spec.short !== undefined ? `-${spec.short}, ` : '';
    const negative = spec.type === 'flag' ? `, --no-${flag}` : '';
    entries.push([`  ${short}--${flag}${negative}${value}`, spec.help]);
  }
  entries.push(['  -h, --help', 'this help']);
  const column = Math.min(34, Math.max(...entries.map(([left]) => left.length)) + 2);
  const out: string[] = [];
  for (const [left, help] of entries) {
    const wrapped = wrap(help, width - column);
    if (left.length + 2 > column) {
      out.push(left);
      for (const line of wrapped) out.push(' '.repeat(column) + line);
    } else {
      wrapped.forEach((line, i) => out.push((i === 0 ? left.padEnd(column) : ' '.repeat(column)) + line));
    }
  }
  return out.join('\n');
}

function placeholderOf(spec: OptionSpec): string {
  if (spec.type === 'choice') return spec.choices.join('|');
  if (spec.type === 'integer') return 'N';
  return 'VALUE';
}

function wrap(text: string, width: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines.length > 0 ? lines : [''];
}
