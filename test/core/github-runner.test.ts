/** The runner's file commands, written as @actions/core writes them. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
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
