import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBuildspec } from '../../src/buildspec/index.js';
import { formatPlan, planBuild } from '../../src/runner/plan.js';
import { BUILDSPEC_CORPUS, corpus } from '../buildspec/support.js';
import { runCli } from '../support/cli.js';

BUILDSPEC_CORPUS.describe("run's planning step accepts every valid corpus buildspec", (dir) => {
  const valid = corpus(dir).filter((f) => f.verdict === 'valid');
  test.each(valid.map((f) => [f.name, f] as const))('%s', (_name, file) => {
    const { buildspec } = parseBuildspec(file.text, file.name);
    expect(buildspec).toBeDefined();
    const plan = planBuild(buildspec!);
    const commands = buildspec!.phases.reduce((n, p) => n + p.commands.length + p.finally.length, 0);
    const text = formatPlan(plan);
    // Every command of the file appears in the printed plan (first line of multi-line ones).
    for (const phase of buildspec!.phases) {
      for (const command of [...phase.commands, ...phase.finally]) {
        expect(text).toContain(command.text.split('\n')[0]!.trim());
      }
    }
    expect(commands === 0 || text.length > 0).toBe(true);
  });
});

test('aws-cicd run --dry-run prints the plan and executes nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'aws-cicd-dry-'));
  writeFileSync(
    join(dir, 'buildspec.yml'),
    'version: 0.2\nphases:\n  post_build:\n    commands: [touch post]\n  install:\n    commands: [touch install]\n    finally: [touch fin]\n',
  );
  const run = await runCli(['run', '--dry-run'], { cwd: dir });
  expect(run.code).toBe(0);
  expect(run.stdout.indexOf('touch install')).toBeGreaterThan(-1);
  expect(run.stdout.indexOf('touch install')).toBeLessThan(run.stdout.indexOf('touch post'));
  expect(run.stdout).toContain('touch fin');
  const { readdirSync } = await import('node:fs');
  expect(readdirSync(dir)).toEqual(['buildspec.yml']);
});
