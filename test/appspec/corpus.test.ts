import { looksLikeAppspec, parseAppspec } from '../../src/appspec/index.js';
import { APPSPEC_CORPUS, corpusFiles } from './corpus-files.js';

APPSPEC_CORPUS.describe('the appspec corpus', (dir) => {
  const files = corpusFiles(dir);

  test('EXPECTED.tsv lists all 20 files', () => {
    expect(files).toHaveLength(20);
  });

  test.each(files.map((f) => [f.name, f.verdict, f] as const))('%s is %s', (_name, verdict, f) => {
    const result = parseAppspec(f.text, f.name);
    const errors = result.findings.filter((x) => x.severity === 'error');
    for (const x of result.findings) {
      expect(x.file).toBe(f.name);
      expect(x.line).toBeGreaterThanOrEqual(1);
      expect(x.col).toBeGreaterThanOrEqual(1);
    }
    if (verdict === 'valid') {
      expect(errors).toEqual([]);
      expect(result.appspec).toBeDefined();
    } else if (verdict === 'invalid') {
      expect(errors.length).toBeGreaterThan(0);
      expect(result.appspec).toBeUndefined();
    }
    // Every corpus file is an appspec by its content too, whatever its name.
    expect(looksLikeAppspec('deploy.yml', f.text)).toBe(true);
  });

  test('005: the ECS appspec with version 1.0 is rejected at the version', () => {
    const f = files.find((x) => x.name === '005.yml');
    const errors = parseAppspec(f?.text ?? '', '005.yml').findings.filter((x) => x.severity === 'error');
    expect(errors).toEqual([expect.objectContaining({ line: 1, col: 10, path: 'version' })]);
  });

  test('013: os "linus" and the misspelt files keys, each at its own line:col', () => {
    const f = files.find((x) => x.name === '013.yml');
    const errors = parseAppspec(f?.text ?? '', '013.yml').findings.filter((x) => x.severity === 'error');
    expect(errors.map((x) => `${x.line}:${x.col} ${x.path}`)).toEqual([
      '2:5 os',
      '5:5 files[0].sources',
      '6:5 files[0].destinations',
    ]);
    expect(errors[0]?.message).toContain('did you mean "linux"?');
    expect(errors[1]?.message).toContain('did you mean "source"?');
  });

  test('011: the undocumented hook key "interpreter" is a warning', () => {
    const f = files.find((x) => x.name === '011.yml');
    const result = parseAppspec(f?.text ?? '', '011.yml');
    expect(result.findings).toEqual([
      expect.objectContaining({ severity: 'warning', line: 12, col: 7, path: 'hooks.ApplicationStop[0].interpreter' }),
      expect.objectContaining({ severity: 'warning', line: 18, col: 7, path: 'hooks.ApplicationStart[0].interpreter' }),
    ]);
  });

  test('the models of the valid files: platform, hooks and files as written', () => {
    const byName = new Map(files.map((f) => [f.name, parseAppspec(f.text, f.name).appspec]));
    expect(byName.get('004.yml')).toMatchObject({
      platform: 'ecs',
      targetService: {
        name: 'TargetService',
        taskDefinition: '<TASK_DEFINITION>',
        containerName: 'collarks',
        containerPort: 80,
      },
    });
    expect(byName.get('014.yml')).toMatchObject({
      platform: 'ec2',
      os: 'windows',
      files: [{ source: '\\index.html', destination: 'C:\\inetpub\\wwwroot' }],
      hooks: [
        { event: 'BeforeInstall', scripts: [{ location: '\\before-install.bat', timeout: 900, timeoutGiven: true }] },
      ],
    });
    expect(byName.get('018.yml')).toMatchObject({
      fileExistsBehavior: 'OVERWRITE',
      permissions: [{ object: '/home/ubuntu/MyExpressApp/**/*', owner: 'ubuntu', mode: '4755', pattern: '**' }],
    });
  });
});
