/**
 * Each action's inputs in its action.yml are its use case's option schema: the same names, defaults, required flags
 * and descriptions, so the action, the CLI and their help never drift apart.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { buildOptions } from '../../src/codebuild/options.js';
import { inputName, type OptionSchema, type OptionSpec } from '../../src/core/options.js';
import { deployOptions } from '../../src/deploy/options.js';
import { imageOptions } from '../../src/image/options.js';
import { mirrorOptions } from '../../src/mirror/options.js';
import { pipelineOptions } from '../../src/pipeline/options.js';
import { localOptions } from '../../src/runner/options.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

const ACTIONS: Array<[string, string, OptionSchema]> = [
  ['build', 'action.yml', buildOptions],
  ['deploy', 'actions/deploy/action.yml', deployOptions],
  ['pipeline', 'actions/pipeline/action.yml', pipelineOptions],
  ['local', 'actions/local/action.yml', localOptions],
  ['image', 'actions/image/action.yml', imageOptions],
  ['mirror', 'actions/mirror/action.yml', mirrorOptions],
];

interface ActionInput {
  readonly description?: string;
  readonly required?: boolean;
  readonly default?: string;
}

function inputsOf(file: string): Record<string, ActionInput> {
  const doc = parse(readFileSync(`${root}/${file}`, 'utf8')) as { inputs?: Record<string, ActionInput> };
  return doc.inputs ?? {};
}

/** The default as action.yml writes it: text, '' for none. */
function yamlDefault(spec: OptionSpec): string {
  if (spec.actionDefault !== undefined) return spec.actionDefault;
  if (spec.type === 'list' || spec.type === 'pairs') return '';
  const value = (spec as { default?: unknown }).default;
  return value === undefined ? '' : String(value);
}

const words = (text: string | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();

describe.each(ACTIONS)('the %s action', (_name, file, schema) => {
  const inputs = inputsOf(file);
  const fromSchema = Object.fromEntries(
    Object.entries(schema).flatMap(([key, spec]) => {
      const name = inputName(key, spec);
      return name === undefined ? [] : [[name, spec] as const];
    }),
  );

  test('has exactly the inputs of its option schema', () => {
    expect(Object.keys(inputs).sort()).toEqual(Object.keys(fromSchema).sort());
  });

  test.each(Object.keys(fromSchema))('input %s: description, default and required as in the schema', (name) => {
    const spec = fromSchema[name] as OptionSpec;
    const input = inputs[name] ?? {};
    expect(words(input.description)).toBe(words(spec.help));
    expect(input.default ?? '').toBe(yamlDefault(spec));
    expect(input.required === true).toBe(spec.required === true);
  });
});
