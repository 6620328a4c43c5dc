/** The model parseBuildspec returns: scalar text, commands, positions, order, and every section. */
import { parseBuildspec } from '../../src/buildspec/index.js';
import { model, spec } from './support.js';

describe('scalars keep their source text (as the Go agent reads them)', () => {
  const vars = (yaml: string) =>
    model(`version: 0.2\nenv:\n  variables:\n${yaml}phases:\n  build:\n    commands: [x]\n`).env.variables;

  test.each([
    ['3.10', '3.10'],
    ['yes', 'yes'],
    ['No', 'No'],
    ['9', '9'],
    ['0x10', '0x10'],
    ['1e3', '1e3'],
    ['007', '007'],
    ['true', 'true'],
    ['.inf', '.inf'],
    ['2001-12-14', '2001-12-14'],
    ["'3.10'", '3.10'],
    ['"a\\tb"', 'a\tb'],
    ["'it''s'", "it's"],
    ['"~"', '~'],
    ['$PATH:/usr/share/ant/bin', '$PATH:/usr/share/ant/bin'],
  ])('V: %s → %j', (written, text) => {
    expect(vars(`    V: ${written}\n`)).toEqual([{ name: 'V', value: text, pos: { line: 4, col: 5 } }]);
  });

  test.each(['~', 'null', 'NULL', ''])('a null value (%j) becomes "" with a warning', (written) => {
    const result = parseBuildspec(
      `version: 0.2\nenv:\n  variables:\n    V: ${written}\nphases:\n  build:\n    commands: [x]\n`,
      'f',
    );
    expect(result.buildspec?.env.variables).toEqual([{ name: 'V', value: '', pos: { line: 4, col: 5 } }]);
    expect(result.findings).toEqual([
      expect.objectContaining({
        severity: 'warning',
        line: 4,
        col: 5,
        path: 'env.variables.V',
        message: expect.stringMatching(/empty string/),
      }),
    ]);
  });

  test('block scalars give their decoded value', () => {
    expect(vars('    L: |\n      a\n      b\n    F: >-\n      a\n      b\n')).toMatchObject([
      { name: 'L', value: 'a\nb\n' },
      { name: 'F', value: 'a b' },
    ]);
  });

  test('runtime versions keep their text: python 3.10, nodejs 20, java corretto17', () => {
    const b = model(
      'version: 0.2\nphases:\n  install:\n    runtime-versions:\n      python: 3.10\n      nodejs: 20\n      java: corretto17\n',
    );
    expect(b.phases[0]?.runtimeVersions?.map((r) => [r.name, r.value])).toEqual([
      ['python', '3.10'],
      ['nodejs', '20'],
      ['java', 'corretto17'],
    ]);
  });

  test('version written as "0.2" (quoted) is accepted', () => {
    expect(model('version: "0.2"\nphases:\n  build:\n    commands: [x]\n').version).toBe('0.2');
  });
});

describe('commands', () => {
  const commands = (yaml: string) => model(spec('', yaml)).phases[0]?.commands;

  test('each list item is one command with its line:col', () => {
    expect(commands('      - echo one\n      - "echo two"\n')).toEqual([
      { text: 'echo one', pos: { line: 5, col: 9 } },
      { text: 'echo two', pos: { line: 6, col: 9 } },
    ]);
  });

  test('a multi-line plain scalar folds into one command', () => {
    expect(commands('      - sam package --a 1\n          --b 2\n          --c 3\n')).toEqual([
      { text: 'sam package --a 1 --b 2 --c 3', pos: { line: 5, col: 9 } },
    ]);
  });

  test('a block scalar stays one command (one script)', () => {
    const [only, ...rest] =
      commands('      - |\n        for f in a b; do\n          echo $f\n        done\n      - echo after\n') ?? [];
    expect(only).toEqual({ text: 'for f in a b; do\n  echo $f\ndone\n', pos: { line: 5, col: 9 } });
    expect(rest.map((c) => c.text)).toEqual(['echo after']);
  });

  test('a command with a quoted colon-space stays a string', () => {
    expect(commands('      - "echo a: b"\n')?.map((c) => c.text)).toEqual(['echo a: b']);
  });

  test('a lone string is one command (with a warning)', () => {
    const result = parseBuildspec('version: 0.2\nphases:\n  build:\n    commands: make all\n', 'f');
    expect(result.buildspec?.phases[0]?.commands).toEqual([{ text: 'make all', pos: { line: 4, col: 15 } }]);
    expect(result.findings.map((f) => [f.severity, f.path])).toEqual([['warning', 'phases.build.commands']]);
  });

  test('null commands: no commands, a warning', () => {
    const result = parseBuildspec('version: 0.2\nphases:\n  build:\n    commands:\n', 'f');
    expect(result.buildspec?.phases[0]?.commands).toEqual([]);
    expect(result.findings).toMatchObject([{ severity: 'warning', line: 4, col: 5, path: 'phases.build.commands' }]);
  });
});

describe('phases', () => {
  test('are in execution order whatever the file order, with the phase key position', () => {
    const b = model(
      'version: 0.2\nphases:\n  post_build:\n    commands: [d]\n  build:\n    commands: [c]\n  install:\n    commands: [a]\n  pre_build:\n    commands: [b]\n',
    );
    expect(b.phases.map((p) => [p.name, p.pos.line, p.commands[0]?.text])).toEqual([
      ['install', 7, 'a'],
      ['pre_build', 9, 'b'],
      ['build', 5, 'c'],
      ['post_build', 3, 'd'],
    ]);
  });

  test('run-as, on-failure and finally', () => {
    const b = model(
      'version: 0.2\nrun-as: codebuild-user\nphases:\n  build:\n    run-as: root\n    on-failure: RETRY-2-timeout.*\n    commands: [make]\n    finally: [cleanup]\n',
    );
    expect(b.runAs).toBe('codebuild-user');
    expect(b.phases[0]).toMatchObject({
      name: 'build',
      runAs: 'root',
      onFailure: { kind: 'RETRY', count: 2, pattern: 'timeout.*' },
      finally: [{ text: 'cleanup', pos: { line: 8, col: 15 } }],
    });
  });

  test('a batch-only file has no phases', () => {
    const b = model('version: 0.2\nbatch:\n  build-list:\n    - identifier: a\n');
    expect(b.phases).toEqual([]);
    expect(b.batch).toMatchObject({ kind: 'build-list', tasks: [{ identifier: 'a' }] });
  });
});

describe('env', () => {
  test('every setting, in file order', () => {
    const b = model(
      [
        'version: 0.2',
        'env:',
        '  shell: bash',
        '  variables:',
        '    B: 2',
        '    A: 1',
        '  parameter-store:',
        '    TOKEN: /ci/token',
        '  secrets-manager:',
        '    PW: "prod/db:password"',
        '    KEY: arn:aws:secretsmanager:us-east-1:123456789012:secret:deploy-AbCdEf:ssh key::v1',
        '  exported-variables: [A, IMAGE_TAG]',
        '  git-credential-helper: YES',
        'phases:',
        '  build:',
        '    commands: [x]',
        '',
      ].join('\n'),
    );
    expect(b.env).toEqual({
      shell: 'bash',
      variables: [
        { name: 'B', value: '2', pos: { line: 5, col: 5 } },
        { name: 'A', value: '1', pos: { line: 6, col: 5 } },
      ],
      parameterStore: [{ name: 'TOKEN', value: '/ci/token', pos: { line: 8, col: 5 } }],
      secretsManager: [
        {
          name: 'PW',
          value: 'prod/db:password',
          pos: { line: 10, col: 5 },
          reference: { secretId: 'prod/db', jsonKey: 'password' },
        },
        {
          name: 'KEY',
          value: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:deploy-AbCdEf:ssh key::v1',
          pos: { line: 11, col: 5 },
          reference: {
            secretId: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:deploy-AbCdEf',
            jsonKey: 'ssh key',
            versionId: 'v1',
          },
        },
      ],
      exportedVariables: ['A', 'IMAGE_TAG'],
      gitCredentialHelper: true,
    });
  });

  test('defaults when env is absent', () => {
    expect(model(spec('')).env).toEqual({
      variables: [],
      parameterStore: [],
      secretsManager: [],
      exportedVariables: [],
      gitCredentialHelper: false,
    });
  });

  test('version 0.1 maps environment_variables to the same model', () => {
    const result = parseBuildspec(
      'version: 0.1\nenvironment_variables:\n  plaintext:\n    A: x\n  parameter-store:\n    P: /p\nphases:\n  build:\n    commands: [x]\n',
      'f',
    );
    expect(result.buildspec?.version).toBe('0.1');
    expect(result.buildspec?.env.variables).toEqual([{ name: 'A', value: 'x', pos: { line: 4, col: 5 } }]);
    expect(result.buildspec?.env.parameterStore).toEqual([{ name: 'P', value: '/p', pos: { line: 6, col: 5 } }]);
    expect(result.findings).toMatchObject([
      { severity: 'warning', path: 'version', message: expect.stringMatching(/legacy/) },
    ]);
  });

  test('a 0.2 file ignores environment_variables (warning says the variables are not set)', () => {
    const result = parseBuildspec(spec('environment_variables:\n  plaintext:\n    A: x\n'), 'f');
    expect(result.buildspec?.env.variables).toEqual([]);
    expect(result.findings).toMatchObject([
      {
        severity: 'warning',
        line: 6,
        col: 1,
        path: 'environment_variables',
        message: expect.stringMatching(/aws-cicd run ignores it .* not set \(whether CodeBuild .* is unconfirmed\)/),
      },
    ]);
  });

  test('anchors, aliases and merge keys are resolved', () => {
    const b = model(
      'version: 0.2\nx-common: &common\n  A: 1\n  B: 2\nenv:\n  variables:\n    <<: *common\n    B: 3\nphases:\n  build:\n    commands: &cmds [make]\n  post_build:\n    commands: *cmds\n',
    );
    expect(b.env.variables.map((v) => [v.name, v.value])).toEqual([
      ['A', '1'],
      ['B', '3'],
    ]);
    expect(b.phases.map((p) => p.commands.map((c) => c.text))).toEqual([['make'], ['make']]);
  });
});

describe('artifacts, reports, cache, proxy', () => {
  test('artifacts with secondary artifacts', () => {
    const b = model(
      spec(
        [
          'artifacts:',
          "  files: ['**/*']",
          '  name: build-$(date +%Y)',
          '  discard-paths: yes',
          '  base-directory: dist',
          '  exclude-paths: "*.map"',
          '  enable-symlinks: True',
          '  s3-prefix: out',
          '  secondary-artifacts:',
          '    web:',
          '      files: [index.html]',
          '      discard-paths: no',
          '',
        ].join('\n'),
      ),
    );
    expect(b.artifacts).toEqual({
      files: ['**/*'],
      name: 'build-$(date +%Y)',
      discardPaths: true,
      baseDirectory: 'dist',
      excludePaths: ['*.map'],
      enableSymlinks: true,
      s3Prefix: 'out',
      secondary: [
        { identifier: 'web', files: ['index.html'], discardPaths: false, excludePaths: [], enableSymlinks: false },
      ],
    });
  });

  test('a scalar files is a one-element list (with a warning)', () => {
    const result = parseBuildspec(spec('artifacts:\n  files: imagedefinitions.json\n'), 'f');
    expect(result.buildspec?.artifacts?.files).toEqual(['imagedefinitions.json']);
    expect(result.findings).toMatchObject([{ severity: 'warning', line: 7, col: 10, path: 'artifacts.files' }]);
  });

  test('reports: format upper-cased, JUNITXML by default', () => {
    const b = model(
      spec(
        'reports:\n  unit:\n    files: [a.xml]\n    file-format: VisualStudioTrx\n  arn:aws:codebuild:us-east-1:1:report-group/x:\n    files: [b.xml]\n    base-directory: out\n    discard-paths: yes\n',
      ),
    );
    expect(b.reports).toEqual([
      { name: 'unit', files: ['a.xml'], discardPaths: false, fileFormat: 'VISUALSTUDIOTRX' },
      {
        name: 'arn:aws:codebuild:us-east-1:1:report-group/x',
        files: ['b.xml'],
        baseDirectory: 'out',
        discardPaths: true,
        fileFormat: 'JUNITXML',
      },
    ]);
  });

  test('cache and proxy', () => {
    const b = model(
      spec(
        "cache:\n  paths: ['/root/.m2/**/*']\n  key: m2-$(codebuild-hash-files pom.xml)\n  fallback-keys: [m2-]\n  action: restore\nproxy:\n  logs: yes\n",
      ),
    );
    expect(b.cache).toEqual({
      paths: ['/root/.m2/**/*'],
      key: 'm2-$(codebuild-hash-files pom.xml)',
      fallbackKeys: ['m2-'],
      action: 'restore',
    });
    expect(b.proxy).toEqual({ uploadArtifacts: false, logs: true });
  });
});

describe('batch', () => {
  test('build-graph tasks with env and dependencies', () => {
    const b = model(
      [
        'version: 0.2',
        'batch:',
        '  fast-fail: true',
        '  build-graph:',
        '    - identifier: build1',
        '      env:',
        '        compute-type: BUILD_GENERAL1_SMALL',
        '        image: aws/codebuild/standard:7.0',
        '        privileged-mode: true',
        '        type: LINUX_CONTAINER',
        '        variables:',
        '          GCC: 9',
        '      ignore-failure: yes',
        '    - identifier: build2',
        '      buildspec: b2.yml',
        '      debug-session: true',
        '      depend-on: [build1]',
        '',
      ].join('\n'),
    );
    expect(b.batch).toEqual({
      kind: 'build-graph',
      fastFail: true,
      tasks: [
        {
          identifier: 'build1',
          debugSession: false,
          env: {
            computeType: 'BUILD_GENERAL1_SMALL',
            image: 'aws/codebuild/standard:7.0',
            privilegedMode: true,
            type: 'LINUX_CONTAINER',
            variables: [{ name: 'GCC', value: '9', pos: { line: 12, col: 11 } }],
          },
          ignoreFailure: true,
          dependOn: [],
          pos: { line: 5, col: 7 },
        },
        {
          identifier: 'build2',
          buildspec: 'b2.yml',
          debugSession: true,
          env: { variables: [] },
          ignoreFailure: false,
          dependOn: ['build1'],
          pos: { line: 14, col: 7 },
        },
      ],
    });
  });

  test('build-matrix and build-fanout', () => {
    const matrix = model(
      'version: 0.2\nbatch:\n  build-matrix:\n    static:\n      ignore-failure: false\n      env:\n        type: LINUX_CONTAINER\n        privileged-mode: true\n    dynamic:\n      buildspec: [a.yml, b.yml]\n      env:\n        image: [i1, i2]\n        variables:\n          MY_VAR: [V1, V2, V3]\n',
    ).batch;
    expect(matrix).toEqual({
      kind: 'build-matrix',
      fastFail: false,
      matrix: {
        static: { ignoreFailure: false, env: { type: 'LINUX_CONTAINER', privilegedMode: true } },
        dynamic: {
          buildspec: ['a.yml', 'b.yml'],
          computeType: [],
          image: ['i1', 'i2'],
          variables: [{ name: 'MY_VAR', values: ['V1', 'V2', 'V3'] }],
        },
      },
    });
    const fanout = model(
      'version: 0.2\nbatch:\n  build-fanout:\n    parallelism: 5\n    ignore-failure: false\n',
    ).batch;
    expect(fanout).toEqual({ kind: 'build-fanout', fastFail: false, parallelism: 5, ignoreFailure: false });
  });
});

test('CRLF line ends and a BOM give the same model and positions as LF', () => {
  const lf = 'version: 0.2\nenv:\n  variables:\n    A: x\nphases:\n  build:\n    commands:\n      - echo hi\n';
  const crlf = '\uFEFF' + lf.replace(/\n/g, '\r\n');
  expect(model(crlf)).toEqual(model(lf));
});
