import { optionsHelp, readArguments, readInputs, type OptionSchema } from '../../src/core/options.js';
import { UserError } from '../../src/core/errors.js';

const schema = {
  projectName: { type: 'text', help: 'The project.', flag: 'project', required: '(or give "build-id")' },
  region: { type: 'text', help: 'A region.', pattern: /^[a-z]{2}(-[a-z]+)+-\d$/, form: 'an AWS region name' },
  wait: { type: 'flag', help: 'Follow it.', default: true },
  privilegedMode: { type: 'flag', help: 'Privileged.' },
  timeoutMinutes: { type: 'integer', help: 'Minutes.', flag: 'timeout', min: 5, max: 2160 },
  logs: { type: 'choice', help: 'Log mode.', choices: ['live', 'poll', 'off'], default: 'live' },
  include: { type: 'list', help: 'Refs.' },
  env: { type: 'pairs', help: 'Variables.', bare: true },
  json: { type: 'flag', help: 'JSON.', input: false, default: false },
  buildspec: { type: 'text', help: 'Inline YAML.', raw: true },
} satisfies OptionSchema;

const inputs = (map: Record<string, string>) => (name: string) => map[name] ?? '';

test('an action reads its inputs by their action.yml names, typed, with defaults', () => {
  const values = readInputs(
    schema,
    inputs({
      'project-name': ' app ',
      'timeout-minutes': '60',
      'privileged-mode': 'yes',
      include: 'main\n# comment\n\nrelease/*',
      env: 'A=1\nB=x=y\nHOME',
      buildspec: 'version: 0.2\n  phases: {}\n',
    }),
    { HOME: '/home/me' },
  );
  expect(values).toEqual({
    projectName: 'app',
    region: undefined,
    wait: true,
    privilegedMode: true,
    timeoutMinutes: 60,
    logs: 'live',
    include: ['main', 'release/*'],
    env: [
      ['A', '1'],
      ['B', 'x=y'],
      ['HOME', '/home/me'],
    ],
    json: false,
    buildspec: 'version: 0.2\n  phases: {}\n',
  });
});

test('the CLI reads the same schema from flags, with --no- for flags and repeated lists', () => {
  const { values } = readArguments(
    schema,
    ['--project', 'app', '--no-wait', '--timeout', '5', '--include', 'a', '--include', 'b', '--env', 'A=1', '--json'],
    { env: {} },
  );
  expect(values).toMatchObject({
    projectName: 'app',
    wait: false,
    privilegedMode: undefined,
    timeoutMinutes: 5,
    include: ['a', 'b'],
    env: [['A', '1']],
    json: true,
  });
});

test.each([
  [{ 'project-name': 'a', 'timeout-minutes': '3' }, 'input "timeout-minutes" must be between 5 and 2160; got 3'],
  [{ 'project-name': 'a', 'timeout-minutes': '1.5' }, 'input "timeout-minutes" must be a whole number; got "1.5"'],
  [{ 'project-name': 'a', logs: 'tail' }, 'input "logs" must be one of live, poll, off; got "tail"'],
  [{ 'project-name': 'a', wait: 'maybe' }, 'input "wait" must be true or false; got "maybe"'],
  [{ 'project-name': 'a', region: 'Europe' }, 'input "region" must be an AWS region name; got "Europe"'],
  [{ 'project-name': 'a', env: 'A=1\n1X=2' }, 'input "env", line 2: expected NAME=VALUE or NAME'],
  [{ 'project-name': 'a', env: 'NOT_SET_ANYWHERE' }, 'input "env", line 1: NOT_SET_ANYWHERE is not set on the runner'],
  [{}, 'input "project-name" is required (or give "build-id")'],
])('input mistakes name the input: %j', (given, message) => {
  expect(() => readInputs(schema, inputs(given), {})).toThrow(message);
});

test('CLI mistakes name the flag and are usage errors (exit status 2)', () => {
  const error = (() => {
    try {
      readArguments(schema, ['--project', 'a', '--timeout', '9999']);
    } catch (e) {
      return e;
    }
    return undefined;
  })();
  expect(error).toBeInstanceOf(UserError);
  expect((error as UserError).message).toBe('--timeout must be between 5 and 2160; got 9999');
  expect((error as UserError).exitCode).toBe(2);
  expect(() => readArguments(schema, [])).toThrow('--project is required');
  expect(() => readArguments(schema, ['--project', 'a', '--env', 'BARE'])).toThrow(
    '--env: BARE is not set in the environment',
  );
  expect(() => readArguments(schema, ['--project', 'a', '--unknown'])).toThrow(/Unknown option '--unknown'/);
});

test('positionals come back apart when allowed', () => {
  const { positionals } = readArguments({ follow: { type: 'flag', help: 'f', short: 'f' } }, ['-f', 'p:1'], {
    positionals: true,
  });
  expect(positionals).toEqual(['p:1']);
});

test('the help lists every CLI flag once, with its value name, and leaves out action-only inputs', () => {
  const help = optionsHelp({ ...schema, buildId: { type: 'text', help: 'Attach.', flag: false } });
  expect(help).toContain('--project VALUE');
  expect(help).toContain('--wait, --no-wait');
  expect(help).toContain('--logs live|poll|off');
  expect(help).toContain('--timeout N');
  expect(help).not.toContain('build-id');
  expect(help.split('\n').at(-1)).toMatch(/^ {2}-h, --help +this help$/);
});

describe('the rules every option reader applies (the InputReader these replace kept the same ones)', () => {
  const read = <S extends OptionSchema>(schema: S, values: Record<string, string>) =>
    readInputs(schema, (name) => values[name] ?? '', {});

  test('flags accept the YAML spellings', () => {
    const schema = {
      a: { type: 'flag', help: '' },
      b: { type: 'flag', help: '', default: true },
    } satisfies OptionSchema;
    expect(read(schema, { a: 'Yes', b: 'off' })).toEqual({ a: true, b: false });
    expect(read(schema, {})).toEqual({ a: undefined, b: true });
  });

  test('regions are AWS region names', () => {
    const schema = {
      region: {
        type: 'text',
        help: '',
        pattern: /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/,
        form: 'an AWS region name such as us-east-1',
      },
    } satisfies OptionSchema;
    for (const region of ['us-east-1', 'us-gov-west-1', 'cn-north-1'])
      expect(read(schema, { region }).region).toBe(region);
    expect(() => read(schema, { region: 'us-east-1; x' })).toThrow(
      new UserError('input "region" must be an AWS region name such as us-east-1; got "us-east-1; x"'),
    );
    expect(() => read(schema, { region: 'US-EAST-1' })).toThrow(UserError);
  });

  test('integers are whole numbers, no signs, exponents or fractions', () => {
    const schema = { t: { type: 'integer', help: '', min: 5, max: 480, default: 60 } } satisfies OptionSchema;
    expect(read(schema, { t: '90' }).t).toBe(90);
    for (const t of ['-1', '1e3']) expect(() => read(schema, { t })).toThrow('input "t" must be a whole number');
  });

  test('pairs keep everything after the first = as written; a bad name is reported with its line', () => {
    const schema = { env: { type: 'pairs', help: '' } } satisfies OptionSchema;
    expect(read(schema, { env: 'A=1\n\n# comment\nB = x=y \nC=' }).env).toEqual([
      ['A', '1'],
      ['B', ' x=y'],
      ['C', ''],
    ]);
    expect(() => read(schema, { env: 'JUSTTEXT' })).toThrow('got "JUSTTEXT"');
  });
});
