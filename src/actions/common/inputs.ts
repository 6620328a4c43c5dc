import { UserError } from '../../core/errors.js';

/**
 * Typed reading of action inputs. The raw reader is injected (core.getInput in the action, a map in tests), and
 * every mistake is a UserError naming the input as written in action.yml.
 */
export type RawInputs = (name: string) => string;

export class InputReader {
  constructor(private readonly raw: RawInputs) {}

  /** Trimmed text; "" when not given. */
  string(name: string): string {
    return this.raw(name).trim();
  }

  optional(name: string): string | undefined {
    const value = this.string(name);
    return value === '' ? undefined : value;
  }

  required(name: string): string {
    const value = this.string(name);
    if (value === '') throw new UserError(`input "${name}" is required`);
    return value;
  }

  /** YAML-style booleans as CodeBuild and GitHub users write them: true/false, yes/no, on/off, 1/0. */
  boolean(name: string, fallback: boolean): boolean {
    const value = this.string(name).toLowerCase();
    if (value === '') return fallback;
    if (['true', 'yes', 'on', '1'].includes(value)) return true;
    if (['false', 'no', 'off', '0'].includes(value)) return false;
    throw new UserError(`input "${name}" must be true or false; got "${this.string(name)}"`);
  }

  integer(name: string, fallback: number, range: { min: number; max: number }): number {
    const text = this.string(name);
    if (text === '') return fallback;
    if (!/^\d+$/.test(text)) throw new UserError(`input "${name}" must be a whole number; got "${text}"`);
    const value = Number(text);
    if (value < range.min || value > range.max) {
      throw new UserError(`input "${name}" must be between ${range.min} and ${range.max}; got ${value}`);
    }
    return value;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.string(name);
    if (value === '') return fallback;
    if (!(allowed as readonly string[]).includes(value)) {
      throw new UserError(`input "${name}" must be one of ${allowed.join(', ')}; got "${value}"`);
    }
    return value as T;
  }

  /** An AWS region name (us-east-1, us-gov-west-1, cn-north-1, …), or undefined when not given. */
  region(name: string): string | undefined {
    return this.matching(name, REGION, 'an AWS region name such as us-east-1');
  }

  /** The trimmed value when it matches the pattern, undefined when not given; else a UserError naming the form. */
  matching(name: string, pattern: RegExp, form: string): string | undefined {
    const value = this.optional(name);
    if (value !== undefined && !pattern.test(value)) {
      throw new UserError(`input "${name}" must be ${form}; got "${value}"`);
    }
    return value;
  }

  /** Non-empty lines, trimmed; lines starting with # are comments. */
  lines(name: string): string[] {
    return this.raw(name)
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
  }

  /** Multi-line NAME=VALUE pairs (value may contain `=`; kept verbatim after the first `=`), in order. */
  pairs(name: string): Array<[string, string]> {
    return this.lines(name).map((line, index) => {
      const eq = line.indexOf('=');
      const key = eq < 0 ? '' : line.slice(0, eq).trim();
      if (!isVariableName(key)) {
        throw new UserError(
          `input "${name}", line ${index + 1}: expected NAME=VALUE with NAME made of letters, digits and _; got "${eq < 0 ? line : key}"`,
        );
      }
      return [key, line.slice(eq + 1)];
    });
  }
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

export function isVariableName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
}
