import { formatFinding, parseBuildspec } from '../../src/buildspec/index.js';
import { BUILDSPEC_CORPUS, corpus } from './support.js';

BUILDSPEC_CORPUS.describe('the buildspec corpus', (dir) => {
  const files = corpus(dir);

  test('is there (96 buildspecs)', () => {
    expect(files.length).toBeGreaterThanOrEqual(96);
  });

  describe.each(files.map((f) => [f.name, f] as const))('corpus %s', (_name, file) => {
    test(`${file.verdict}${file.why ? ` (${file.why})` : ''}`, () => {
      const result = parseBuildspec(file.text, file.name);
      const errors = result.findings.filter((f) => f.severity === 'error');
      for (const f of result.findings) {
        expect(f.file).toBe(file.name);
        expect(f.line).toBeGreaterThanOrEqual(1);
        expect(f.col).toBeGreaterThanOrEqual(1);
      }
      expect(result.buildspec !== undefined).toBe(errors.length === 0);
      if (file.verdict === 'valid') expect(errors.map(formatFinding)).toEqual([]);
      if (file.verdict === 'invalid') expect(errors.length).toBeGreaterThan(0);
    });
  });
});
