/**
 * Request validation against the service model, worded like AWS's (Coral) front end:
 *   "2 validation errors detected: Value 'a b' at 'name' failed to satisfy constraint: Member must satisfy regular
 *    expression pattern: [A-Za-z0-9][A-Za-z0-9\-_]{1,149}; Value null at 'serviceRole' failed to satisfy constraint:
 *    Member must not be null"
 * Paths use AWS's form: nested members joined by '.', list items as `<list>.<1-based index>.member`.
 * Wrong JSON types are a SerializationException, as on AWS.
 */
import { AwsError } from './errors.js';
import type { ModelShape, ServiceModel } from './models/types.js';

interface Violation {
  path: string;
  value: unknown;
  sensitive: boolean;
  constraint: string;
}

const patternCache = new Map<string, RegExp>();
function fullMatch(pattern: string): RegExp {
  let re = patternCache.get(pattern);
  if (!re) {
    const src = `^(?:${pattern})$`;
    try {
      re = new RegExp(src, 'u');
    } catch {
      re = new RegExp(src);
    }
    patternCache.set(pattern, re);
  }
  return re;
}

function render(v: Violation): string {
  if (v.value === undefined || v.value === null) return `Value null at '${v.path}'`;
  if (v.sensitive) return `Value at '${v.path}'`;
  const text = Array.isArray(v.value) ? `[${v.value.map((x) => String(x)).join(', ')}]` : String(v.value);
  return `Value '${text}' at '${v.path}'`;
}

class SerializationError extends Error {}

function walk(model: ServiceModel, shapeName: string, value: unknown, path: string, out: Violation[]): void {
  const shape: ModelShape | undefined = model.shapes[shapeName];
  if (!shape || value === undefined || value === null) return;
  const sensitive = shape.sensitive === true;
  const add = (constraint: string): void => {
    out.push({ path, value, sensitive, constraint });
  };
  switch (shape.type) {
    case 'structure': {
      if (typeof value !== 'object' || Array.isArray(value)) throw new SerializationError();
      const obj = value as Record<string, unknown>;
      for (const [member, memberShape] of Object.entries(shape.members ?? {})) {
        // AWS names members in these paths by their camelCase field name: 'Names' → 'names', 'SecretId' → 'secretId'.
        const field = member.charAt(0).toLowerCase() + member.slice(1);
        const childPath = path ? `${path}.${field}` : field;
        const child = obj[member];
        if ((child === undefined || child === null) && shape.required?.includes(member)) {
          out.push({ path: childPath, value: null, sensitive: false, constraint: 'Member must not be null' });
          continue;
        }
        walk(model, memberShape, child, childPath, out);
      }
      return;
    }
    case 'list': {
      if (!Array.isArray(value)) throw new SerializationError();
      checkLength(shape, value.length, add);
      value.forEach((item, i) => walk(model, shape.member ?? '', item, `${path}.${i + 1}.member`, out));
      return;
    }
    case 'map': {
      if (typeof value !== 'object' || Array.isArray(value)) throw new SerializationError();
      const entries = Object.entries(value as Record<string, unknown>);
      checkLength(shape, entries.length, add);
      for (const [k, v] of entries) {
        walk(model, shape.key ?? '', k, `${path}.${k}.key`, out);
        walk(model, shape.value ?? '', v, `${path}.${k}.value`, out);
      }
      return;
    }
    case 'string': {
      if (typeof value !== 'string') throw new SerializationError();
      if (shape.enum && !shape.enum.includes(value)) {
        add(`Member must satisfy enum value set: [${shape.enum.join(', ')}]`);
      }
      if (shape.pattern !== undefined && !fullMatch(shape.pattern).test(value)) {
        add(`Member must satisfy regular expression pattern: ${shape.pattern}`);
      }
      checkLength(shape, value.length, add);
      return;
    }
    case 'blob': {
      if (typeof value !== 'string') throw new SerializationError();
      checkLength(shape, Buffer.from(value, 'base64').length, add);
      return;
    }
    case 'integer':
    case 'long':
    case 'double':
    case 'float': {
      if (typeof value !== 'number') throw new SerializationError();
      if ((shape.type === 'integer' || shape.type === 'long') && !Number.isInteger(value))
        throw new SerializationError();
      if (shape.min !== undefined && value < shape.min)
        add(`Member must have value greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && value > shape.max)
        add(`Member must have value less than or equal to ${shape.max}`);
      return;
    }
    case 'boolean':
      if (typeof value !== 'boolean') throw new SerializationError();
      return;
    case 'timestamp':
      if (typeof value !== 'number' && typeof value !== 'string') throw new SerializationError();
      return;
  }
}

function checkLength(shape: ModelShape, length: number, add: (c: string) => void): void {
  if (shape.min !== undefined && length < shape.min)
    add(`Member must have length greater than or equal to ${shape.min}`);
  if (shape.max !== undefined && length > shape.max) add(`Member must have length less than or equal to ${shape.max}`);
}

/**
 * Throws the service's validation error (`errorCode`, HTTP 400) when `input` breaks the model's constraints for
 * `operation`, or a SerializationException when a member has the wrong JSON type.
 */
export function validateInput(model: ServiceModel, operation: string, input: unknown, errorCode: string): void {
  const shapeName = model.inputs[operation];
  if (!shapeName) return;
  const violations: Violation[] = [];
  try {
    walk(model, shapeName, input ?? {}, '', violations);
  } catch (e) {
    if (e instanceof SerializationError) throw new AwsError('SerializationException', undefined);
    throw e;
  }
  if (violations.length === 0) return;
  const n = violations.length;
  const head = `${n} validation error${n === 1 ? '' : 's'} detected: `;
  throw new AwsError(
    errorCode,
    head + violations.map((v) => `${render(v)} failed to satisfy constraint: ${v.constraint}`).join('; '),
  );
}
