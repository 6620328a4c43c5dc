/**
 * The JSON Schema is generated from the validator's definitions: check its shape, that it follows the definitions,
 * and that an editor using it accepts every corpus file the validator accepts (checked with a tiny draft-07
 * checker covering the keywords the generator emits).
 */
import { parse } from 'yaml';
import { buildspecJsonSchema } from '../../src/buildspec/index.js';
import { buildspecShape, definitionAt, REPORT_FORMATS, type ObjectShape } from '../../src/buildspec/definitions.js';
import { caseInsensitivePattern } from '../../src/core/json-schema.js';
import { PHASE_NAMES } from '../../src/buildspec/types.js';
import { BUILDSPEC_CORPUS, corpus } from './support.js';

type Schema = Record<string, unknown> | boolean;
const schema = buildspecJsonSchema();

const DRAFT_07_KEYWORDS = new Set([
  '$schema',
  '$id',
  'title',
  'description',
  'type',
  'enum',
  'const',
  'pattern',
  'anyOf',
  'oneOf',
  'allOf',
  'not',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'maxItems',
  'minItems',
  'minimum',
  'maximum',
  'propertyNames',
  'minProperties',
  'maxProperties',
  'examples',
  'default',
  'deprecationMessage',
]);
const TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);

/** Every sub-schema with its JSON pointer. */
function* walk(s: Schema, at = '#'): Generator<[string, Record<string, unknown>]> {
  if (typeof s === 'boolean') return;
  yield [at, s];
  for (const k of ['anyOf', 'oneOf', 'allOf'] as const) {
    const list = (s[k] as Schema[] | undefined) ?? [];
    for (let i = 0; i < list.length; i++) yield* walk(list[i] as Schema, `${at}/${k}/${i}`);
  }
  for (const k of ['not', 'items', 'propertyNames'] as const)
    if (s[k] !== undefined) yield* walk(s[k] as Schema, `${at}/${k}`);
  if (typeof s.additionalProperties === 'object')
    yield* walk(s.additionalProperties as Schema, `${at}/additionalProperties`);
  for (const [name, sub] of Object.entries((s.properties as Record<string, Schema>) ?? {}))
    yield* walk(sub, `${at}/properties/${name}`);
}

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

/** Draft-07 validation for the keywords above; returns the JSON pointers of failures. */
function check(s: Schema, v: unknown, at = ''): string[] {
  if (s === true) return [];
  if (s === false) return [`${at}: not allowed`];
  const fails: string[] = [];
  const t = typeOf(v);
  if (s.type !== undefined) {
    const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
    const ok = types.some(
      (x) => x === t || (x === 'integer' && Number.isInteger(v)) || (x === 'number' && t === 'number'),
    );
    if (!ok) return [`${at}: type ${t} not in ${types.join('|')}`];
  }
  if (s.enum && !(s.enum as unknown[]).includes(v)) fails.push(`${at}: ${JSON.stringify(v)} not in enum`);
  if (typeof s.pattern === 'string' && t === 'string' && !new RegExp(s.pattern, 'u').test(v as string))
    fails.push(`${at}: pattern`);
  if (typeof s.minimum === 'number' && t === 'number' && (v as number) < s.minimum) fails.push(`${at}: minimum`);
  if (s.anyOf && !(s.anyOf as Schema[]).some((sub) => check(sub, v, at).length === 0)) fails.push(`${at}: anyOf`);
  if (s.oneOf && (s.oneOf as Schema[]).filter((sub) => check(sub, v, at).length === 0).length !== 1)
    fails.push(`${at}: oneOf`);
  if (s.not !== undefined && check(s.not as Schema, v, at).length === 0) fails.push(`${at}: not`);
  if (t === 'array') {
    const items = v as unknown[];
    if (typeof s.maxItems === 'number' && items.length > s.maxItems) fails.push(`${at}: maxItems`);
    if (s.items !== undefined) items.forEach((item, i) => fails.push(...check(s.items as Schema, item, `${at}/${i}`)));
  }
  if (t === 'object') fails.push(...checkObject(s, v as Record<string, unknown>, at));
  return fails;
}

function checkObject(s: Record<string, unknown>, v: Record<string, unknown>, at: string): string[] {
  const fails: string[] = [];
  const properties = (s.properties as Record<string, Schema>) ?? {};
  for (const name of (s.required as string[]) ?? []) if (!(name in v)) fails.push(`${at}: required ${name}`);
  const count = Object.keys(v).length;
  if (typeof s.minProperties === 'number' && count < s.minProperties) fails.push(`${at}: minProperties`);
  if (typeof s.maxProperties === 'number' && count > s.maxProperties) fails.push(`${at}: maxProperties`);
  for (const [name, value] of Object.entries(v)) {
    if (s.propertyNames !== undefined) fails.push(...check(s.propertyNames as Schema, name, `${at}/${name} (name)`));
    const sub = properties[name] ?? (s.additionalProperties as Schema | undefined) ?? true;
    fails.push(...check(sub, value, `${at}/${name}`));
  }
  return fails;
}

describe('generated JSON Schema', () => {
  test('is draft-07 shaped: known keywords, valid types, compiling patterns, descriptions on every property', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    const problems: string[] = [];
    let count = 0;
    for (const [at, s] of walk(schema)) {
      count++;
      for (const k of Object.keys(s)) if (!DRAFT_07_KEYWORDS.has(k)) problems.push(`${at}: unknown keyword ${k}`);
      const types = s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type];
      for (const t of types) if (!TYPES.has(t as string)) problems.push(`${at}: bad type ${String(t)}`);
      if (s.pattern !== undefined) expect(() => new RegExp(s.pattern as string, 'u')).not.toThrow();
      if (s.required !== undefined && !(Array.isArray(s.required) && s.required.every((r) => typeof r === 'string'))) {
        problems.push(`${at}: required must list strings`);
      }
      if (/\/properties\/[^/]+$/.test(at) && typeof s.description !== 'string') problems.push(`${at}: no description`);
    }
    expect(problems).toEqual([]);
    expect(count).toBeGreaterThan(100);
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });

  test('its top-level keys, phases and phase keys are those of the definitions', () => {
    const properties = schema.properties as Record<string, Record<string, unknown>>;
    expect(Object.keys(properties).sort()).toEqual(Object.keys(buildspecShape.keys).sort());
    const phases = properties.phases as Record<string, unknown>;
    expect(Object.keys(phases.properties as object)).toEqual([...PHASE_NAMES]);
    expect(phases.additionalProperties).toBe(false);
    const install = (phases.properties as Record<string, Record<string, unknown>>).install;
    const build = (phases.properties as Record<string, Record<string, unknown>>).build;
    expect(Object.keys(install?.properties as object)).toContain('runtime-versions');
    expect((build?.properties as Record<string, unknown>)['runtime-versions']).toMatchObject({ not: {} });
    for (const [name, def] of Object.entries((definitionAt('phases.install') as ObjectShape).keys)) {
      expect((install?.properties as Record<string, { description: string }>)[name]?.description).toContain(
        def.shape.description,
      );
    }
  });

  test('enums and patterns come from the definitions', () => {
    const at = (path: string) =>
      path.split('.').reduce<Record<string, unknown>>((s, k) => {
        const next = (s.properties as Record<string, Record<string, unknown>> | undefined)?.[k];
        return next ?? (s.additionalProperties as Record<string, unknown>);
      }, schema);
    expect(at('version').enum).toEqual(['0.1', '0.2', 0.1, 0.2]);
    expect(at('cache.action').enum).toEqual(['restore', 'save']);
    expect(at('reports.any.file-format').pattern).toBe(caseInsensitivePattern(REPORT_FORMATS));
    expect(at('env.shell').examples).toEqual(['bash', '/bin/sh', 'sh', 'powershell.exe', 'cmd.exe', 'pwsh']);
    expect(at('batch').oneOf).toEqual([
      { required: ['build-list'] },
      { required: ['build-graph'] },
      { required: ['build-matrix'] },
      { required: ['build-fanout'] },
    ]);
    expect(at('artifacts').required).toEqual(['files']);
    expect(at('artifacts.type').deprecationMessage).toMatch(/deprecated/);
  });

  test('0.2-only keys are not deprecated; list limits that are errors are constraints', () => {
    const at = (path: string) =>
      path.split('.').reduce<Record<string, unknown>>((s, k) => {
        const next = (s.properties as Record<string, Record<string, unknown>> | undefined)?.[k];
        return next ?? (s.additionalProperties as Record<string, unknown>);
      }, schema);
    for (const path of ['env', 'cache', 'phases.build.on-failure', 'phases.build.finally', 'phases.install.run-as']) {
      expect({ path, deprecated: at(path).deprecationMessage }).toEqual({ path, deprecated: undefined });
      expect(at(path).description).toMatch(/Buildspec version 0\.2 only\.$/);
    }
    expect(at('environment_variables').deprecationMessage).toMatch(/version 0\.1 form/);
    expect(at('cache.fallback-keys').maxItems).toBe(5);
    expect(at('batch.build-list').minItems).toBe(1);
  });

  test('the checker used below can fail', () => {
    expect(check(schema, { version: 1.0, phases: {} })).toContain('/version: 1 not in enum');
    expect(check(schema, { version: 0.2, phases: { 'post-build': {} } })).toEqual(['/phases/post-build: not allowed']);
    expect(check(schema, { version: 0.2, phases: { build: { commands: [{ name: 'x' }] } } })).not.toEqual([]);
    expect(
      check(schema, { version: 0.2, reports: { r: { files: ['a'], 'file-format': 'JunitXml' } }, phases: {} }),
    ).toEqual([]);
    expect(
      check(schema, { version: 0.2, reports: { r: { files: ['a'], 'file-format': 'JUNIT' } }, phases: {} }),
    ).not.toEqual([]);
    expect(check(schema, { version: 0.2 })).toEqual([': anyOf']);
  });

  BUILDSPEC_CORPUS.describe('the valid corpus files', (dir) => {
    const valid = corpus(dir).filter((f) => f.verdict === 'valid');
    test.each(valid.map((f) => [f.name, f.text]))(
      'corpus %s (valid) validates against the schema as an editor reads it',
      (_name, text) => {
        expect(check(schema, parse(text))).toEqual([]);
      },
    );
  });
});
