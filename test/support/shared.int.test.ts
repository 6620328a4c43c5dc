import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { missingLine, REPO_ROOT, sharedPart } from './shared.js';

describe('sharedPart', () => {
  test('a folder that is there is given to the tests', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'shared-'));
    mkdirSync(path.join(root, 'corpus', 'x'), { recursive: true });
    expect(sharedPart('corpus/x', 'the x corpus', root).dir()).toBe(path.join(root, 'corpus', 'x'));
  });

  test('a missing folder: undefined, and one line on stderr however often it is asked for', () => {
    const root = path.join(tmpdir(), 'no-such-shared-folder');
    const writes: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((chunk: string | Uint8Array) => writes.push(String(chunk)) > 0) as typeof write;
    try {
      const part = sharedPart('corpus/y', 'the y corpus', root);
      expect(part.dir()).toBeUndefined();
      expect(part.dir()).toBeUndefined();
    } finally {
      process.stderr.write = write;
    }
    expect(writes).toEqual([
      missingLine(
        'the y corpus',
        path.join(root, 'corpus', 'y'),
        path.join(REPO_ROOT, 'test/support/shared.int.test.ts'),
      ) + '\n',
    ]);
    expect(writes[0]).toMatch(
      /^skipped \(test\/support\/shared\.int\.test\.ts\): the y corpus is not here: .*beside the repository/,
    );
  });
});

// As in a fresh clone: the corpus tests run with the folder absent, pass, and each file says once why it skips.
test('without the folder, the corpus tests skip with one line per test file', () => {
  const files = ['test/buildspec/corpus.test.ts', 'test/appspec/corpus.test.ts', 'test/runner/plan.test.ts'];
  const result = spawnSync(
    process.execPath,
    [path.join(REPO_ROOT, 'node_modules/jest/bin/jest.js'), '--ci', '--runInBand', ...files],
    {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      // Without AWS_CICD_TEST_SUMMARY: the run's closing count is this run's, not the one inside it.
      env: {
        ...process.env,
        AWS_CICD_TEST_SUMMARY: '',
        AWS_CICD_TEST_SHARED_ROOT: path.join(tmpdir(), 'no-such-shared-folder'),
      },
    },
  );
  expect(result.status).toBe(0);
  const lines = result.stderr.split('\n').filter((l) => l.startsWith('skipped'));
  expect(lines.sort()).toEqual([
    expect.stringMatching(/^skipped \(test\/appspec\/corpus\.test\.ts\): the appspec corpus is not here: /),
    expect.stringMatching(/^skipped \(test\/buildspec\/corpus\.test\.ts\): the buildspec corpus is not here: /),
    expect.stringMatching(/^skipped \(test\/runner\/plan\.test\.ts\): the buildspec corpus is not here: /),
  ]);
  // plan.test.ts's other tests still run.
  expect(result.stderr).toMatch(/Tests: +3 skipped, \d+ passed/);
}, 120_000);
