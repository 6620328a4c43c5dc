/** The runner's file commands, written as @actions/core writes them (compared with @actions/core itself below). */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as core from '@actions/core';
import { appendSummary, getInput, getState, saveState, setFailed, setOutput } from '../../src/core/github-runner.js';

let dir: string;
beforeAll(() => (dir = mkdtempSync(path.join(tmpdir(), 'aws-cicd-runner-io-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('inputs and state from the environment', () => {
  const env = { 'INPUT_PROJECT-NAME': '  app \n', INPUT_MY_INPUT: 'x', STATE_target: '{"id":1}' };
  expect(getInput('project-name', env)).toBe('app');
  expect(getInput('my input', env)).toBe('x');
  expect(getInput('missing', env)).toBe('');
  expect(getState('target', env)).toBe('{"id":1}');
  expect(getState('other', env)).toBe('');
});

test('outputs and state: name<<delimiter records, multi-line values intact', () => {
  const output = path.join(dir, 'output');
  const state = path.join(dir, 'state');
  writeFileSync(output, '');
  writeFileSync(state, '');
  const env = { GITHUB_OUTPUT: output, GITHUB_STATE: state };
  setOutput('phases', '[1,\n2]', env);
  setOutput('empty', '', env);
  saveState('isPost', 'true', env);
  expect(readFileSync(output, 'utf8')).toMatch(
    /^phases<<(ghadelimiter_[0-9a-f-]{36})\n\[1,\n2\]\n\1\nempty<<(ghadelimiter_[0-9a-f-]{36})\n\n\2\n$/,
  );
  expect(readFileSync(state, 'utf8')).toMatch(/^isPost<<(ghadelimiter_[0-9a-f-]{36})\ntrue\n\1\n$/);
});

test('the summary is appended; none without GITHUB_STEP_SUMMARY', async () => {
  const summary = path.join(dir, 'summary');
  writeFileSync(summary, '# before\n');
  await appendSummary('## build', { GITHUB_STEP_SUMMARY: summary });
  await appendSummary('more\n', {});
  expect(readFileSync(summary, 'utf8')).toBe('# before\n## build\n');
});

test('setFailed: exit code 1 and an escaped error annotation', () => {
  let text = '';
  const before = process.exitCode;
  setFailed('phase BUILD failed: 100%\nlast line', { write: (t: string) => (text += t) });
  expect(process.exitCode).toBe(1);
  process.exitCode = before;
  expect(text).toBe('::error::phase BUILD failed: 100%25%0Alast line\n');
});

describe('the same bytes as @actions/core writes for the same calls (delimiters aside)', () => {
  /** Names and values that exercise the formats: multi-line, CRLF, empty, %, ":" and "," (escaped in properties). */
  const CALLS: readonly (readonly [string, string])[] = [
    ['phases', '[1,\n2]'],
    ['empty', ''],
    ['unicode', 'ünïcødé ☺ 日本'],
    ['percent', '100% done\r\nnext line'],
    ['trailing-newline', 'line\n'],
    ['odd name: a,b', 'x:y,z'],
    ['url', 'https://console.aws.amazon.com/codesuite/codebuild/projects/app/build/app%3A1/log'],
    ['json', JSON.stringify({ id: 'app:1', phases: [{ name: 'BUILD', status: 'FAILED' }] })],
  ];
  const MARKDOWN = ['## build\n', '| phase | status |\n| --- | --- |\n| BUILD | FAILED |\n', 'no final newline', ''];

  /** One UUID delimiter per record: the same placeholder for each, so only the delimiters' randomness is ignored. */
  const sameDelimiters = (text: string): string => text.replace(/ghadelimiter_[0-9a-f-]{36}/g, 'ghadelimiter_<uuid>');

  function withEnv<T>(vars: Record<string, string | undefined>, fn: () => T): T {
    const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
    const set = (values: Record<string, string | undefined>): void => {
      for (const [k, v] of Object.entries(values)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    };
    set(vars);
    try {
      return fn();
    } finally {
      set(saved);
    }
  }

  function stdoutOf(fn: () => void): string {
    const write = process.stdout.write;
    let text = '';
    process.stdout.write = ((chunk: string | Uint8Array) => {
      text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      return true;
    }) as typeof process.stdout.write;
    try {
      fn();
    } finally {
      process.stdout.write = write;
    }
    return text;
  }

  function emptyFile(name: string): string {
    const file = path.join(dir, name);
    writeFileSync(file, '');
    return file;
  }

  test.each([
    ['GITHUB_OUTPUT', setOutput, core.setOutput],
    ['GITHUB_STATE', saveState, core.saveState],
  ] as const)('%s records', (variable, ours, theirs) => {
    const oursFile = emptyFile(`ours-${variable}`);
    const theirsFile = emptyFile(`theirs-${variable}`);
    for (const [name, value] of CALLS) ours(name, value, { [variable]: oursFile });
    withEnv({ [variable]: theirsFile }, () => CALLS.forEach(([name, value]) => theirs(name, value)));
    const written = readFileSync(oursFile, 'utf8');
    expect(written.split('ghadelimiter_').length).toBe(2 * CALLS.length + 1);
    expect(sameDelimiters(written)).toBe(sameDelimiters(readFileSync(theirsFile, 'utf8')));
  });

  test('GITHUB_STEP_SUMMARY: appendSummary is core.summary.addRaw(markdown, addEOL unless it ends one).write()', async () => {
    const oursFile = emptyFile('ours-summary');
    const theirsFile = emptyFile('theirs-summary');
    for (const markdown of MARKDOWN) await appendSummary(markdown, { GITHUB_STEP_SUMMARY: oursFile });
    const saved = process.env.GITHUB_STEP_SUMMARY;
    process.env.GITHUB_STEP_SUMMARY = theirsFile;
    try {
      for (const markdown of MARKDOWN) await core.summary.addRaw(markdown, !markdown.endsWith('\n')).write();
    } finally {
      if (saved === undefined) delete process.env.GITHUB_STEP_SUMMARY;
      else process.env.GITHUB_STEP_SUMMARY = saved;
    }
    expect(readFileSync(oursFile, 'utf8')).toBe(readFileSync(theirsFile, 'utf8'));
  });

  test.each([
    ['set-output', setOutput, core.setOutput, 'GITHUB_OUTPUT'],
    ['save-state', saveState, core.saveState, 'GITHUB_STATE'],
  ] as const)('without the file: the ::%s command on stdout', (command, ours, theirs, variable) => {
    const oursText = stdoutOf(() => CALLS.forEach(([name, value]) => ours(name, value, {})));
    const theirsText = withEnv({ [variable]: undefined }, () =>
      stdoutOf(() => CALLS.forEach(([name, value]) => theirs(name, value))),
    );
    expect(oursText).toContain(`::${command} name=`);
    expect(oursText).toBe(theirsText);
  });

  test('setFailed: the same annotation and exit code', () => {
    const before = process.exitCode;
    try {
      for (const [, message] of CALLS) {
        let oursText = '';
        process.exitCode = 0;
        setFailed(message, { write: (t: string) => (oursText += t) });
        const oursCode = process.exitCode;
        process.exitCode = 0;
        const theirsText = stdoutOf(() => core.setFailed(message));
        expect({ text: oursText, code: oursCode }).toEqual({ text: theirsText, code: process.exitCode });
      }
    } finally {
      process.exitCode = before;
    }
  });

  test('getInput and getState read the same variables', () => {
    const env = {
      'INPUT_PROJECT-NAME': '  app \n',
      INPUT_MY_INPUT: 'x',
      INPUT_EMPTY: '',
      STATE_target: '{"id":1}',
      STATE_blank: '',
    };
    withEnv(env, () => {
      for (const name of ['project-name', 'my input', 'My Input', 'empty', 'missing']) {
        expect({ name, value: getInput(name, env) }).toEqual({ name, value: core.getInput(name) });
      }
      for (const name of ['target', 'blank', 'missing']) {
        expect({ name, value: getState(name, env) }).toEqual({ name, value: core.getState(name) });
      }
    });
  });
});
