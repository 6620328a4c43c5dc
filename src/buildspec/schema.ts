/**
 * The JSON Schema (draft-07, what yaml-language-server and VS Code use) of buildspec files, generated from the
 * validator's own definitions (definitions.ts). Editors read YAML 1.2, where `3.10` is a number and `yes` a
 * string, so scalar settings accept strings, numbers and booleans alike, as CodeBuild does (it reads their text).
 *
 * Only errors are encoded as constraints; what the validator merely warns about (unknown keys in most places,
 * unusual shells, a single string instead of a list) stays allowed here and is offered as completions instead.
 */
import { caseInsensitivePattern } from '../core/json-schema.js';
import {
  buildspecShape,
  type KeyDef,
  type ListShape,
  type MapShape,
  type ObjectShape,
  type Shape,
  type StringShape,
} from './definitions.js';

type Schema = Record<string, unknown>;

const SCALAR_TYPES = ['string', 'number', 'boolean'];
const BOOLEAN_WORDS = ['yes', 'no', 'true', 'false'];

export function buildspecJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'AWS CodeBuild buildspec',
    ...objectSchema(buildspecShape),
    anyOf: [{ required: ['phases'] }, { required: ['batch'] }],
  };
}

function shapeSchema(shape: Shape): Schema {
  switch (shape.kind) {
    case 'string':
      return stringSchema(shape);
    case 'boolean':
      return {
        description: shape.description,
        anyOf: [{ type: 'boolean' }, { type: 'string', pattern: caseInsensitivePattern(BOOLEAN_WORDS) }],
      };
    case 'integer':
      return {
        description: shape.description,
        anyOf: [
          { type: 'integer', minimum: shape.minimum ?? 0 },
          { type: 'string', pattern: '^[0-9]+$' },
        ],
      };
    case 'list':
      return listSchema(shape);
    case 'object':
      return objectSchema(shape);
    case 'map':
      return mapSchema(shape);
  }
}

function stringSchema(shape: StringShape): Schema {
  const base: Schema = { description: shape.description, type: SCALAR_TYPES };
  // `pattern` only constrains strings, so numbers and booleans (an editor's reading of `9` or `true`) still pass.
  if (shape.schemaPattern) return { ...base, pattern: shape.schemaPattern };
  if (!shape.enum) return base;
  if ((shape.enumSeverity ?? 'error') === 'warning') return { ...base, examples: [...shape.enum] };
  if (shape.caseInsensitive) return { ...base, pattern: caseInsensitivePattern(shape.enum) };
  // Editors read an unquoted 0.2 as a number: allow the numeric spelling of numeric values too.
  const numeric = shape.enum.filter((v) => /^\d+(\.\d+)?$/.test(v)).map(Number);
  const values = [...shape.enum, ...numeric];
  return shape.orPattern
    ? { description: shape.description, anyOf: [{ enum: values }, { type: 'string', pattern: shape.orPattern }] }
    : { description: shape.description, enum: values };
}

function listSchema(shape: ListShape): Schema {
  const array: Schema = { type: 'array', items: shapeSchema(shape.items) };
  if (shape.maxItems !== undefined && (shape.maxItemsSeverity ?? 'error') === 'error') array.maxItems = shape.maxItems;
  if (shape.minItems !== undefined) array.minItems = shape.minItems;
  if (shape.scalar === undefined) return { description: shape.description, ...array };
  return { description: shape.description, anyOf: [array, shapeSchema(shape.items)] };
}

function keySchema(def: KeyDef): Schema {
  const schema = shapeSchema(def.shape);
  if (!def.versions) return schema;
  const note = ` Buildspec version ${def.versions.join(', ')} only.`;
  return {
    ...schema,
    description: `${def.shape.description}${note}`,
    // Only keys the current version (0.2) lacks are deprecated; 0.2-only keys just say so in their description.
    ...(def.versionMessage && !def.versions.includes('0.2') ? { deprecationMessage: def.versionMessage } : {}),
  };
}

function objectSchema(shape: ObjectShape): Schema {
  const properties: Record<string, Schema> = {};
  for (const [name, def] of Object.entries(shape.keys)) properties[name] = keySchema(def);
  for (const [name, reason] of Object.entries(shape.misplaced ?? {}))
    properties[name] = { not: {}, description: reason };
  const required = Object.entries(shape.keys)
    .filter(([, def]) => def.required)
    .map(([name]) => name);
  return {
    type: 'object',
    description: shape.description,
    properties,
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: shape.unknownKeys !== 'error',
    ...(shape.exactlyOne ? { oneOf: shape.exactlyOne.map((k) => ({ required: [k] })) } : {}),
  };
}

function mapSchema(shape: MapShape): Schema {
  const error = (shape.maxEntriesSeverity ?? 'error') === 'error';
  return {
    type: 'object',
    description: shape.description,
    additionalProperties: shapeSchema(shape.values),
    ...(shape.keyPattern ? { propertyNames: { pattern: shape.keyPattern } } : {}),
    ...(shape.minEntries !== undefined ? { minProperties: shape.minEntries } : {}),
    ...(shape.maxEntries !== undefined && error ? { maxProperties: shape.maxEntries } : {}),
  };
}
