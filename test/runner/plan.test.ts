import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseBuildspec } from '../../src/buildspec/index.js';
import { formatPlan, planBuild } from '../../src/runner/plan.js';
import { BUILDSPEC_CORPUS } from '../support/shared.js';
import { makeBuildspec } from './helpers.js';

describe('planBuild', () => {
  test('phases in order with effective run-as, on-failure, finally and the failure transition', () => {
    const plan = planBuild(
      makeBuildspec({
        runAs: 'codebuild-user',
        shell: 'bash',
        exported: ['TAG'],
        phases: {
          build: { commands: ['make'], finally: ['make clean'], onFailure: { kind: 'RETRY', count: 2, pattern: 'x' } },
          install: { runAs: 'root', commands: ['apt-get update'], onFailure: { kind: 'CONTINUE' } },
          post_build: { onFailure: { kind: 'ABORT' }, commands: ['echo done'] },
        },
      }),
    );
    expect(plan.shell).toBe('bash');
    expect(plan.phases.map((p) => [p.phaseType, p.runAs, p.onFailure, p.whenFailed])).toEqual([
      ['INSTALL', 'root', 'CONTINUE', 'continue with the next phase'],
      ['PRE_BUILD', 'codebuild-user', undefined, 'end the build'],
      [
        'BUILD',
        'codebuild-user',
        'RETRY-2-x',
        'retry up to 2 more times when the error matches /x/, then continue with the next phase',
      ],
      ['POST_BUILD', 'codebuild-user', 'ABORT', 'end the build'],
    ]);
    expect(formatPlan(plan)).toBe(
      [
        'buildspec version 0.2; shell bash; variables and directory carry from command to command',
        'DOWNLOAD_SOURCE',
        'INSTALL (run-as root, on-failure CONTINUE)',
        '  $ apt-get update',
        '  if it fails: continue with the next phase',
        'PRE_BUILD (run-as codebuild-user)',
        '  (no commands)',
        'BUILD (run-as codebuild-user, on-failure RETRY-2-x)',
        '  $ make',
        '  finally:',
        '    $ make clean',
        '  if it fails: retry up to 2 more times when the error matches /x/, then continue with the next phase',
        'POST_BUILD (run-as codebuild-user, on-failure ABORT)',
        '  $ echo done',
        '  if it fails: end the build',
        'UPLOAD_ARTIFACTS (nothing to upload)',
        'exported variables: TAG',
        '',
      ].join('\n'),
    );
  });

  test('a Windows shell is reported, not thrown', () => {
    const plan = planBuild(makeBuildspec({ shell: 'powershell.exe' }));
    expect(plan.shellError).toMatch(/Windows shell/);
    expect(formatPlan(plan)).toContain('error: env.shell "powershell.exe" is a Windows shell');
  });

  BUILDSPEC_CORPUS.test('every valid corpus buildspec plans without throwing and lists its commands', (CORPUS) => {
    const expected = readFileSync(path.join(CORPUS, 'EXPECTED.tsv'), 'utf8')
      .split('\n')
      .slice(1)
      .map((l) => l.split('\t'))
      .filter((f) => f[1] === 'valid')
      .map((f) => f[0] as string);
    expect(expected.length).toBeGreaterThan(50);
    const files = new Set(readdirSync(CORPUS));
    for (const file of expected) {
      expect(files.has(file)).toBe(true);
      const { buildspec } = parseBuildspec(readFileSync(path.join(CORPUS, file), 'utf8'), file);
      if (buildspec === undefined) throw new Error(`${file} is listed valid but did not parse`);
      const text = formatPlan(planBuild(buildspec));
      for (const phase of buildspec.phases) {
        for (const command of phase.commands) expect(text).toContain(command.text.split('\n')[0]);
      }
    }
  });
});
