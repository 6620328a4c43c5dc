import { InputReader } from '../../src/actions/common/inputs.js';
import { UserError } from '../../src/core/errors.js';

function reader(values: Record<string, string>): InputReader {
  return new InputReader((name) => values[name] ?? '');
}

describe('InputReader', () => {
  test('booleans accept the YAML spellings and name the input when wrong', () => {
    const r = reader({ a: 'Yes', b: 'off', c: 'maybe' });
    expect(r.boolean('a', false)).toBe(true);
    expect(r.boolean('b', true)).toBe(false);
    expect(r.boolean('missing', true)).toBe(true);
    expect(() => r.boolean('c', false)).toThrow(new UserError('input "c" must be true or false; got "maybe"'));
  });

  test('regions are AWS region names', () => {
    const r = reader({ a: 'us-east-1', b: 'us-gov-west-1', c: 'cn-north-1', d: 'us-east-1; x', e: 'US-EAST-1' });
    expect([r.region('a'), r.region('b'), r.region('c'), r.region('none')]).toEqual([
      'us-east-1',
      'us-gov-west-1',
      'cn-north-1',
      undefined,
    ]);
    expect(() => r.region('d')).toThrow(
      new UserError('input "d" must be an AWS region name such as us-east-1; got "us-east-1; x"'),
    );
    expect(() => r.region('e')).toThrow(UserError);
  });

  test('integers are whole numbers within range', () => {
    const r = reader({ t: '90', neg: '-1', big: '481', word: '1e3' });
    expect(r.integer('t', 60, { min: 5, max: 480 })).toBe(90);
    expect(r.integer('none', 60, { min: 5, max: 480 })).toBe(60);
    expect(() => r.integer('neg', 60, { min: 5, max: 480 })).toThrow('input "neg" must be a whole number');
    expect(() => r.integer('big', 60, { min: 5, max: 480 })).toThrow('between 5 and 480; got 481');
    expect(() => r.integer('word', 60, { min: 5, max: 480 })).toThrow('whole number');
  });

  test('pairs keep everything after the first = verbatim (line trimmed) and reject bad names with the line number', () => {
    const r = reader({ env: 'A=1\n\n# comment\nB = x=y \nC=', bad: 'A=1\n1X=2', none: 'JUSTTEXT' });
    expect(r.pairs('env')).toEqual([
      ['A', '1'],
      ['B', ' x=y'],
      ['C', ''],
    ]);
    expect(() => r.pairs('bad')).toThrow('input "bad", line 2: expected NAME=VALUE');
    expect(() => r.pairs('none')).toThrow('got "JUSTTEXT"');
  });

  test('required and oneOf', () => {
    const r = reader({ mode: 'poll', wrong: 'fast' });
    expect(() => r.required('project-name')).toThrow('input "project-name" is required');
    expect(r.oneOf('mode', ['live', 'poll', 'off'], 'live')).toBe('poll');
    expect(r.oneOf('unset', ['live', 'poll', 'off'], 'live')).toBe('live');
    expect(() => r.oneOf('wrong', ['live', 'poll', 'off'], 'live')).toThrow('one of live, poll, off; got "fast"');
  });
});
