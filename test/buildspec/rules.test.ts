/** Validation rules (spec §1–§3, §7, §11), with exact positions and messages. */
import { formatFinding, parseBuildspec, validateBuildspec } from '../../src/buildspec/index.js';
import { errors, lines, spec, warnings } from './support.js';

const only = (text: string) => lines(text).filter((l) => / error: /.test(l));

describe('YAML syntax', () => {
  test('a syntax error is an error finding at its line:col (one per line)', () => {
    expect(lines('version: 0.2\nphases:\n  build:\n    commands:\n      - [ -s x ] && echo y\n')).toEqual([
      expect.stringMatching(/^5:9: error: YAML syntax: .*quote the whole command/),
    ]);
  });

  test('duplicate keys are errors', () => {
    expect(only('version: 0.2\nphases:\n  build:\n    commands: [a]\n  build:\n    commands: [b]\n')).toEqual([
      expect.stringMatching(/^5:3: error: YAML syntax: Map keys must be unique/),
    ]);
  });

  test('a second YAML document is ignored with a warning', () => {
    expect(lines(spec('---\nversion: 9\n'))).toEqual([
      '6:1: warning: the file holds more than one YAML document (a second "---"); only the first one is used',
    ]);
  });

  test('tabs as indentation are errors', () => {
    expect(only('version: 0.2\nphases:\n\tbuild:\n')).toEqual([
      expect.stringMatching(/^3:1: error: YAML syntax: Tabs/),
    ]);
  });

  test('"version 0.2" without a colon', () => {
    expect(only('version 0.2\nphases:\n  build:\n    commands: [a]\n')[0]).toMatch(/^1:1: error: .*needs a colon/);
  });

  test('an empty file, a comment-only file and a non-mapping file are errors at 1:1', () => {
    expect(only('')).toEqual([expect.stringMatching(/^1:1: error: the file is empty/)]);
    expect(only('# nothing\n')).toEqual([expect.stringMatching(/^1:1: error: the file holds only comments/)]);
    expect(only('- a\n- b\n')).toEqual([expect.stringMatching(/^1:1: error: a buildspec is a mapping .* a list$/)]);
  });

  test('a BOM does not shift columns', () => {
    expect(only('\uFEFFversion: 1.0\nphases:\n  build:\n    commands: [a]\n')).toEqual([
      '1:10: error: version: invalid buildspec version 1.0; supported: 0.1, 0.2',
    ]);
  });
});

describe('version and top-level keys', () => {
  test.each(['1.0', '0.0', '0.3', '0.20', '2'])('version %s is an error', (v) => {
    expect(only(`version: ${v}\nphases:\n  build:\n    commands: [a]\n`)).toEqual([
      `1:10: error: version: invalid buildspec version ${v}; supported: 0.1, 0.2`,
    ]);
  });

  test('a missing version is an error', () => {
    expect(only('phases:\n  build:\n    commands: [a]\n')).toEqual(['1:1: error: missing required key "version"']);
  });

  test('unknown top-level keys are warnings, with a suggestion', () => {
    expect(lines(spec('artifact:\n  files: [a]\n'))).toEqual([
      '6:1: warning: artifact: unknown key "artifact" (ignored); did you mean "artifacts"?',
    ]);
  });

  test('a phase at the top level is pointed out', () => {
    expect(warnings(spec('post_build:\n  commands: [a]\n'))[0]?.message).toMatch(
      /"post_build" is a phase: put it under phases:/,
    );
  });

  test('phases missing is an error unless the file only defines a batch', () => {
    expect(only('version: 0.2\nenv:\n  shell: bash\n')).toEqual([
      expect.stringMatching(/^1:1: error: phases: missing "phases"/),
    ]);
    expect(only('version: 0.2\nphases:\n')).toEqual([expect.stringMatching(/^2:1: error: phases: is empty/)]);
    expect(only('version: 0.2\nbatch:\n  build-list:\n    - identifier: a\n')).toEqual([]);
  });

  test('0.2-only keys in a 0.1 file are warnings', () => {
    expect(
      warnings('version: 0.1\nreports:\n  r:\n    files: [a]\nphases:\n  build:\n    commands: [a]\n').map(
        formatFinding,
      ),
    ).toEqual([
      expect.stringMatching(/1:10: warning: version: version 0.1 is legacy/),
      'f.yml:2:1: warning: reports: "reports" is documented for buildspec version 0.2 only; whether CodeBuild honours it in a 0.1 file is unconfirmed (aws-cicd run applies it): use version: 0.2',
    ]);
  });
});

describe('env', () => {
  const env = (yaml: string) => lines(`version: 0.2\nenv:\n${yaml}phases:\n  build:\n    commands: [a]\n`);

  test.each(['bash', '/bin/sh', 'sh', 'powershell.exe', 'cmd.exe', 'pwsh', '/usr/local/bin/zsh'])(
    'shell %s is fine',
    (shell) => {
      expect(env(`  shell: ${shell}\n`)).toEqual([]);
    },
  );

  test('another shell is a warning with a suggestion', () => {
    expect(env('  shell: bsh\n')).toEqual([
      '3:10: warning: env.shell: unknown value "bsh" (expected bash, /bin/sh, sh, powershell.exe, cmd.exe, pwsh, or an absolute path); did you mean "bash"?',
    ]);
  });

  test('variable names: invalid and reserved CODEBUILD_* are errors', () => {
    expect(env('  variables:\n    MY-VAR: 1\n    CODEBUILD_X: 2\n    _ok1: 3\n')).toEqual([
      '4:5: error: env.variables.MY-VAR: "MY-VAR" is not a valid environment variable name (letters, digits and "_", not starting with a digit)',
      '5:5: error: env.variables.CODEBUILD_X: "CODEBUILD_X": names starting with CODEBUILD_ are reserved for CodeBuild',
    ]);
  });

  test('a variable value must be a scalar', () => {
    expect(env('  variables:\n    A: [1, 2]\n')).toEqual(['4:8: error: env.variables.A: must be a string, not a list']);
  });

  test('secrets-manager references are checked at the value', () => {
    expect(env('  secrets-manager:\n    A: "name:key:AWSCURRENT:v1"\n    B: ":key"\n')).toEqual([
      expect.stringMatching(
        /^4:8: error: env\.secrets-manager\.A: version-stage and version-id are mutually exclusive/,
      ),
      expect.stringMatching(/^5:8: error: env\.secrets-manager\.B: the secret id .* is empty/),
    ]);
  });

  test('exported-variables: AWS_ prefix is an error, and it must be a list', () => {
    expect(env('  exported-variables:\n    - AWS_REGION\n    - OK\n')).toEqual([
      '4:7: error: env.exported-variables[0]: "AWS_REGION": variables starting with AWS_ cannot be exported',
    ]);
    expect(env('  exported-variables: IMAGE_TAG\n')).toEqual([
      '3:23: error: env.exported-variables: must be a list ("- item" lines), not a string',
    ]);
  });

  test.each(['yes', 'no', 'true', 'false', 'YES', 'No', 'True', 'FALSE'])('git-credential-helper: %s is fine', (v) => {
    expect(env(`  git-credential-helper: ${v}\n`)).toEqual([]);
  });

  test('git-credential-helper: other values are errors', () => {
    expect(env('  git-credential-helper: on\n')).toEqual([
      '3:26: error: env.git-credential-helper: must be yes or no (or true/false); got "on"',
    ]);
  });
});

describe('phases', () => {
  test('an unknown phase is an error with a did-you-mean (the CLI example)', () => {
    const text =
      'version: 0.2\nphases:\n  build:\n    commands:\n      - echo hi\n  post-build:\n    commands:\n      - echo bye\n';
    expect(validateBuildspec(text, 'buildspec.yml').map(formatFinding)).toEqual([
      'buildspec.yml:6:3: error: phases.post-build: unknown phase "post-build"; did you mean "post_build"?',
    ]);
  });

  test('a top-level key indented under phases', () => {
    expect(only('version: 0.2\nphases:\n  build:\n    commands: [a]\n  artifacts:\n    files: [a]\n')).toEqual([
      '5:3: error: phases.artifacts: unknown phase "artifacts"; "artifacts" is a top-level key, not a phase: check its indentation',
    ]);
  });

  test('runtime-versions: install only, and not empty', () => {
    expect(
      only('version: 0.2\nphases:\n  build:\n    runtime-versions:\n      nodejs: 20\n    commands: [a]\n'),
    ).toEqual(['4:5: error: phases.build.runtime-versions: runtime-versions is allowed in the install phase only']);
    expect(only('version: 0.2\nphases:\n  install:\n    runtime-versions:\n')).toEqual([
      expect.stringMatching(/^4:5: error: phases\.install\.runtime-versions: is empty; list at least one runtime/),
    ]);
    expect(only('version: 0.2\nphases:\n  install:\n    runtime-versions: {}\n')).toEqual([
      '4:5: error: phases.install.runtime-versions: must list at least 1 entry',
    ]);
  });

  test('GitHub Actions steps with no commands is an error; mapping items in commands are errors', () => {
    expect(only('version: 0.2\nphases:\n  build:\n    steps:\n      - run: make\n')).toEqual([
      expect.stringMatching(/^4:5: error: phases\.build\.steps: buildspec phases have no "steps"/),
    ]);
    expect(only('version: 0.2\nphases:\n  build:\n    steps: []\n    finally: [cleanup]\n')).toEqual([
      expect.stringMatching(/^4:5: error: phases\.build\.steps: buildspec phases have no "steps"/),
    ]);
    expect(only('version: 0.2\nphases:\n  build:\n    commands:\n      - name: build\n        run: make\n')).toEqual([
      expect.stringMatching(
        /^5:9: error: phases\.build\.commands\[0\]: must be a string, not a mapping; GitHub Actions/,
      ),
    ]);
    expect(only('version: 0.2\nphases:\n  build:\n    commands:\n      - echo result: ok\n')).toEqual([
      expect.stringMatching(/^5:9: error: .*"echo result: ok" as a key and a value because of ": "; quote/),
    ]);
  });

  test('steps next to commands is only a warning', () => {
    expect(lines('version: 0.2\nphases:\n  build:\n    commands: [a]\n    steps: []\n')).toEqual([
      '5:5: warning: phases.build.steps: unknown key "steps" (ignored); expected one of run-as, on-failure, commands, finally',
    ]);
  });

  test('en-dash list markers make a string: an error naming the character', () => {
    expect(only('version: 0.2\nphases:\n  build:\n    commands:\n      \u2013 mvn test\n')).toEqual([
      '5:7: error: phases.build.commands: must be a list, but its lines start with "\u2013" (U+2013) instead of "-", so YAML reads them as one string; use "- " list markers',
    ]);
  });

  test('a list where a phase mapping belongs', () => {
    expect(only('version: 0.2\nphases:\n  build:\n    - make\n')).toEqual([
      '4:5: error: phases.build: must be a mapping ("key: value" lines), not a list; put the list under "commands:"',
    ]);
  });

  test('a phase without commands is a warning; a phase key inside a phase is pointed out', () => {
    expect(lines('version: 0.2\nphases:\n  build:\n    run-as: root\n')).toEqual([
      '4:5: warning: phases.build: has no commands; the phase does nothing',
    ]);
    expect(
      warnings('version: 0.2\nphases:\n  build:\n    commands: [a]\n    post_build:\n      commands: [b]\n')[0]
        ?.message,
    ).toBe('unknown key "post_build" (ignored); "post_build" is a phase: check its indentation');
  });

  test.each([
    ['STOP', /^4:17: error: phases\.build\.on-failure: on-failure must be ABORT/],
    ['RETRY-101', /^4:17: error: .*out of range/],
    ['RETRY-2-(', /^4:17: error: .*not a valid Go \(RE2\) regular expression: missing "\)"/],
  ])('on-failure %s', (value, message) => {
    expect(only(`version: 0.2\nphases:\n  build:\n    on-failure: ${value}\n    commands: [a]\n`)).toEqual([
      expect.stringMatching(message),
    ]);
  });
});

describe('artifacts, reports, cache', () => {
  test('artifacts.files is required, also with only secondary artifacts', () => {
    expect(only(spec('artifacts:\n  name: x\n'))).toEqual(['6:1: error: artifacts: missing required key "files"']);
    expect(only(spec('artifacts:\n  secondary-artifacts:\n    web:\n      files: [a]\n'))).toEqual([
      '6:1: error: artifacts: missing required key "files"',
    ]);
    expect(only(spec('artifacts:\n  files: [a]\n  secondary-artifacts:\n    web:\n      name: w\n'))).toEqual([
      '9:5: error: artifacts.secondary-artifacts.web: missing required key "files"',
    ]);
  });

  test('artifacts type is a deprecation warning in 0.2; discard-paths must be yes/no', () => {
    expect(lines(spec('artifacts:\n  type: zip\n  files: [a]\n  discard-paths: maybe\n'))).toEqual([
      '7:3: warning: artifacts.type: artifacts type is deprecated in version 0.2 (aws-cicd run ignores it; what CodeBuild does with it is unconfirmed): remove it',
      '9:18: error: artifacts.discard-paths: must be yes or no (or true/false); got "maybe"',
    ]);
  });

  test('reports: files required, file-format checked case-insensitively, more than 5 groups warned', () => {
    expect(only(spec('reports:\n  r:\n    file-format: junitxml\n'))).toEqual([
      '7:3: error: reports.r: missing required key "files"',
    ]);
    expect(only(spec('reports:\n  r:\n    files: [a]\n    file-format: JUNIT\n'))).toEqual([
      expect.stringMatching(
        /^9:18: error: reports\.r\.file-format: unknown value "JUNIT" \(expected CUCUMBERJSON, JUNITXML/,
      ),
    ]);
    const six = Array.from({ length: 6 }, (_, i) => `  r${i}:\n    files: [a]\n`).join('');
    expect(lines(spec(`reports:\n${six}`))).toEqual(['17:3: warning: reports: lists 6 entries; at most 5 are allowed']);
  });

  test('cache: paths required, action checked, fallback-keys at most 5 (an error) and only with key', () => {
    expect(only(spec('cache:\n  key: k\n'))).toEqual(['6:1: error: cache: missing required key "paths"']);
    expect(only(spec('cache:\n  paths: [a]\n  action: load\n'))).toEqual([
      expect.stringMatching(/^8:11: error: cache\.action: unknown value "load" \(expected restore, save\)/),
    ]);
    expect(lines(spec('cache:\n  paths: [a]\n  fallback-keys: [a, b, c, d, e, f]\n'))).toEqual([
      '8:3: warning: cache.fallback-keys: fallback-keys are only used together with key; add a key',
      '8:34: error: cache.fallback-keys: lists 6 keys; CodeBuild takes "up to five keys" (fallback-keys): remove 1',
    ]);
  });
});

describe('batch', () => {
  const batch = (yaml: string) => only(`version: 0.2\nbatch:\n${yaml}`);

  test('exactly one batch type', () => {
    expect(batch('  fast-fail: true\n')).toEqual([
      expect.stringMatching(/^1:1: error: phases: missing "phases": .*the batch defines no builds either/),
      '2:1: error: batch: needs one of build-list, build-graph, build-matrix, build-fanout',
    ]);
    expect(batch('  build-list:\n    - identifier: a\n  build-fanout:\n    parallelism: 2\n')).toEqual([
      '5:3: error: batch.build-fanout: only one batch type is allowed; "build-list" is already given',
    ]);
  });

  test('identifiers: required, unique, letters digits underscores', () => {
    expect(
      batch(
        '  build-list:\n    - identifier: a\n    - buildspec: b.yml\n    - identifier: a\n    - identifier: my-task\n',
      ),
    ).toEqual([
      '5:7: error: batch.build-list[1]: missing required key "identifier"',
      '6:19: error: batch.build-list[2].identifier: duplicate identifier "a" (first used at line 4)',
      '7:19: error: batch.build-list[3].identifier: identifier "my-task" may only contain letters, digits and underscores (at most 127 characters)',
    ]);
  });

  test('depend-on: build-graph only, references must exist', () => {
    expect(batch('  build-list:\n    - identifier: a\n      depend-on: [b]\n')).toEqual([
      '5:7: error: batch.build-list[0].depend-on: depend-on is allowed in build-graph only',
    ]);
    expect(
      batch('  build-graph:\n    - identifier: build1\n    - identifier: b\n      depend-on:\n        - build2\n'),
    ).toEqual([
      '7:11: error: batch.build-graph[1].depend-on[0]: depends on unknown task "build2"; did you mean "build1"?',
    ]);
  });

  test('dependency cycles are reported once with their path', () => {
    expect(
      batch(
        '  build-graph:\n    - identifier: a\n      depend-on: [c]\n    - identifier: b\n      depend-on: [a]\n    - identifier: c\n      depend-on:\n        - x_ok\n        - b\n    - identifier: x_ok\n',
      ),
    ).toEqual(['7:19: error: batch.build-graph[1].depend-on[0]: dependency cycle: a → c → b → a']);
    expect(batch('  build-graph:\n    - identifier: a\n      depend-on: [a]\n')).toEqual([
      '5:19: error: batch.build-graph[0].depend-on[0]: dependency cycle: a → a',
    ]);
  });

  test('matrix dynamic values are lists; fanout parallelism > 0', () => {
    expect(
      batch('  build-matrix:\n    dynamic:\n      env:\n        image: img\n        variables:\n          V: x\n'),
    ).toEqual([
      '6:16: error: batch.build-matrix.dynamic.env.image: must be a list ("- item" lines), not a string',
      '8:14: error: batch.build-matrix.dynamic.env.variables.V: must be a list ("- item" lines), not a string',
    ]);
    expect(batch('  build-fanout:\n    parallelism: 0\n')).toEqual([
      '4:18: error: batch.build-fanout.parallelism: must be a whole number ≥ 1; got "0"',
    ]);
    expect(batch('  build-fanout:\n    ignore-failure: no\n')).toEqual([
      '3:3: error: batch.build-fanout: missing required key "parallelism"',
    ]);
  });

  test('task env: privileged-mode must be a boolean; fleet is known', () => {
    expect(
      batch('  build-list:\n    - identifier: a\n      env:\n        privileged-mode: sure\n        fleet: f1\n'),
    ).toEqual(['6:26: error: batch.build-list[0].env.privileged-mode: must be yes or no (or true/false); got "sure"']);
  });
});

test('findings are sorted by line and column and a model is returned only without errors', () => {
  const result = parseBuildspec(
    spec('artifacts:\n  type: zip\n  files: x\ncache:\n  paths: [a]\n  action: nope\n'),
    'f.yml',
  );
  const positions = result.findings.map((f) => [f.line, f.col]);
  expect(positions).toEqual([...positions].sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0) || (a[1] ?? 0) - (b[1] ?? 0)));
  expect(result.buildspec).toBeUndefined();
  expect(errors(spec('cache:\n  paths: [a]\n'))).toEqual([]);
});

test('formatFinding: file:line:col: severity: path: message (path left out at the root)', () => {
  expect(formatFinding({ severity: 'error', file: 'b.yml', line: 3, col: 7, path: 'env.shell', message: 'bad' })).toBe(
    'b.yml:3:7: error: env.shell: bad',
  );
  expect(formatFinding({ severity: 'warning', file: 'b.yml', line: 1, col: 1, path: '', message: 'm' })).toBe(
    'b.yml:1:1: warning: m',
  );
});

describe('values that name what to fetch (parameter-store, secrets-manager)', () => {
  const SECRET =
    'a Secrets Manager reference secret-id[:json-key[:version-stage[:version-id]]], e.g. my-secret:password';
  const PARAMETER = 'the name of an SSM parameter, e.g. /my-app/db-password';

  test('null and "" are both errors saying what to give, at the key (null) or the value ("")', () => {
    const text =
      'version: 0.2\nenv:\n  secrets-manager:\n    A:\n    B: ""\n  parameter-store:\n    P:\n    Q: \' \'\nphases:\n  build:\n    commands: [a]\n';
    expect(lines(text)).toEqual([
      `4:5: error: env.secrets-manager.A: has no value; give ${SECRET}`,
      `5:8: error: env.secrets-manager.B: is empty; give ${SECRET}`,
      `7:5: error: env.parameter-store.P: has no value; give ${PARAMETER}`,
      `8:8: error: env.parameter-store.Q: is empty; give ${PARAMETER}`,
    ]);
    expect(parseBuildspec(text, 'f.yml').buildspec).toBeUndefined();
  });

  test('the flow form {A: } and the 0.1 environment_variables.parameter-store too', () => {
    expect(only(spec('env:\n  secrets-manager: {A: }\n  parameter-store: {P: }\n'))).toEqual([
      `7:21: error: env.secrets-manager.A: has no value; give ${SECRET}`,
      `8:21: error: env.parameter-store.P: has no value; give ${PARAMETER}`,
    ]);
    expect(
      only('version: 0.1\nenvironment_variables:\n  parameter-store:\n    P:\nphases:\n  build:\n    commands: [a]\n'),
    ).toEqual([`4:5: error: environment_variables.parameter-store.P: has no value; give ${PARAMETER}`]);
  });

  test('a null plain-text variable stays a warning (it is the empty string)', () => {
    expect(lines(spec('env:\n  variables:\n    A:\n'))).toEqual([
      '8:5: warning: env.variables.A: has no value; it is set to the empty string',
    ]);
  });
});

describe('on-failure RETRY regex is Go (RE2) syntax', () => {
  const phase = (value: string) =>
    only(`version: 0.2\nphases:\n  build:\n    on-failure: ${value}\n    commands: [a]\n`);

  test('constructs RE2 lacks are errors at the value, naming RE2 (Go)', () => {
    expect(phase('RETRY-2-(?<=x)y')).toEqual([
      '4:17: error: phases.build.on-failure: the retry pattern "(?<=x)y" is not a valid Go (RE2) regular expression: RE2 (Go regexp) does not support lookbehind (?<=…)',
    ]);
    expect(phase('RETRY-(a)\\1')).toEqual([expect.stringMatching(/does not support backreferences such as \\1$/)]);
  });

  test('Go-only syntax that JavaScript lacks is accepted', () => {
    expect(phase('RETRY-(?i)timed out')).toEqual([]);
    expect(phase("'RETRY-3-\\Aerror: (?P<code>[[:digit:]]+)'")).toEqual([]);
  });
});

describe('a file must define something to build', () => {
  const NOTHING = 'the batch defines no builds either, so the file has nothing to build';

  test('an empty batch and no phases is an error, not a warning', () => {
    expect(only('version: 0.2\nbatch:\n')).toEqual([
      `1:1: error: phases: missing "phases": a buildspec needs phases (install, pre_build, build, post_build) unless it only defines a batch; ${NOTHING}`,
    ]);
  });

  test('phases: {} is an error like phases: (null)', () => {
    expect(only('version: 0.2\nphases: {}\n')).toEqual([
      '2:1: error: phases: is empty ({}): list at least one phase (install, pre_build, build, post_build)',
    ]);
  });

  test('a batch type without tasks is an error, with or without phases', () => {
    expect(only('version: 0.2\nbatch:\n  build-list: []\n')).toEqual([
      expect.stringMatching(new RegExp(`^1:1: error: phases: missing "phases": .*${NOTHING}$`)),
      '3:3: error: batch.build-list: lists no tasks, so the batch has no builds: list at least one task (- identifier: …)',
    ]);
    expect(only(spec('batch:\n  build-graph:\n'))).toEqual([
      '7:3: error: batch.build-graph: is empty, so the batch has no builds: list at least one task (- identifier: …)',
    ]);
    expect(only(spec('batch:\n  build-fanout:\n'))).toEqual([
      '7:3: error: batch.build-fanout: is empty, so the batch has no builds: give parallelism: <number of builds>',
    ]);
  });

  test('a 0.1 file cannot be batch-only: batch is a 0.2 feature', () => {
    expect(only('version: 0.1\nbatch:\n  build-list:\n    - identifier: a\n      buildspec: b.yml\n')).toEqual([
      '1:1: error: phases: missing "phases": a buildspec needs phases (install, pre_build, build, post_build) unless it only defines a batch; batch is documented for version 0.2 only, so in a 0.1 file it cannot take the place of phases: add phases or use version: 0.2',
    ]);
  });

  test('a batch-only 0.2 file is valid; builds that would run its missing phases are warned about', () => {
    expect(
      lines('version: 0.2\nbatch:\n  build-graph:\n    - identifier: a\n    - identifier: b\n      buildspec: b.yml\n'),
    ).toEqual([
      '4:7: warning: batch.build-graph[0]: task "a" gives no buildspec, so it runs this file, but this file has no phases: add buildspec: <file> to the task or phases to this file',
    ]);
    expect(lines('version: 0.2\nbatch:\n  build-fanout:\n    parallelism: 2\n')).toEqual([
      '3:3: warning: batch.build-fanout: every fan-out build runs this file, but this file has no phases: add phases',
    ]);
    expect(lines('version: 0.2\nbatch:\n  build-matrix:\n    dynamic:\n      buildspec: [a.yml, b.yml]\n')).toEqual([]);
    expect(
      lines('version: 0.2\nphases: {}\nbatch:\n  build-list:\n    - identifier: a\n      buildspec: b.yml\n'),
    ).toEqual(['2:1: warning: phases: is empty ({}); the file only defines a batch']);
  });
});

describe('0.2-only phase keys in a 0.1 file', () => {
  test('run-as, runtime-versions, on-failure and finally are warnings saying what is unconfirmed', () => {
    const text =
      'version: 0.1\nphases:\n  install:\n    run-as: root\n    runtime-versions:\n      nodejs: 20\n    on-failure: ABORT\n    commands: [a]\n    finally: [b]\n';
    const note =
      'is documented for buildspec version 0.2 only; whether CodeBuild honours it in a 0.1 file is unconfirmed (aws-cicd run applies it): use version: 0.2';
    expect(warnings(text).map((f) => `${f.line}:${f.col} ${f.path}: ${f.message}`)).toEqual([
      expect.stringMatching(/^1:10 version: version 0.1 is legacy/),
      `4:5 phases.install.run-as: "run-as" ${note}`,
      `5:5 phases.install.runtime-versions: "runtime-versions" ${note}`,
      `7:5 phases.install.on-failure: "on-failure" ${note}`,
      `9:5 phases.install.finally: "finally" ${note}`,
    ]);
    expect(errors(text)).toEqual([]);
  });

  test('their values are still checked in a 0.1 file', () => {
    expect(only('version: 0.1\nphases:\n  build:\n    on-failure: STOP\n    commands: [a]\n')).toEqual([
      expect.stringMatching(/^4:17: error: phases\.build\.on-failure: on-failure must be ABORT/),
    ]);
  });

  test('none of them is a warning in a 0.2 file', () => {
    expect(
      lines(
        'version: 0.2\nphases:\n  install:\n    run-as: root\n    runtime-versions:\n      nodejs: 20\n    on-failure: ABORT\n    commands: [a]\n    finally: [b]\n',
      ),
    ).toEqual([]);
  });
});

describe('unquoted globs read as YAML aliases', () => {
  test.each([
    ['artifacts:\n  files: **/*\n', '7:10', '**/*'],
    ['artifacts:\n  files:\n    - *.jar\n', '8:7', '*.jar'],
    ['cache:\n  paths: [**]\n', '7:11', '**'],
  ])('%j: the message says "*" starts an alias and to quote the glob', (extra, at, glob) => {
    expect(only(spec(extra))).toEqual([
      `${at}: error: unknown alias ${glob}: an unquoted value starting with "*" is a YAML alias (a reference to an &anchor), not text; quote the glob: '${glob}'`,
    ]);
  });

  test('a lone * too', () => {
    expect(only(spec('artifacts:\n  files: *\n'))).toEqual([
      expect.stringMatching(/^7:10: error: .*a lone "\*" starts a YAML alias, not text; quote the glob: '\*'$/),
    ]);
  });

  test('an alias that does not look like a glob keeps the plain message', () => {
    expect(only(spec('x: *common\n'))).toEqual(['6:4: error: unknown alias *common']);
  });
});

describe('0.1 forms in a 0.2 file', () => {
  test('env.plaintext: hint that 0.2 uses env.variables', () => {
    expect(lines(spec('env:\n  plaintext:\n    A: b\n'))).toEqual([
      '7:3: warning: env.plaintext: unknown key "plaintext" (ignored); "plaintext" is the version 0.1 form (environment_variables: plaintext:); in version 0.2 plain-text variables go under env: variables:',
    ]);
  });

  test('environment_variables: says what aws-cicd run does and that CodeBuild is unconfirmed', () => {
    expect(lines(spec('environment_variables:\n  plaintext:\n    A: b\n'))).toEqual([
      '6:1: warning: environment_variables: environment_variables is the version 0.1 form: aws-cicd run ignores it in a 0.2 file, so these variables are not set (whether CodeBuild reads it in a 0.2 file is unconfirmed): use env: variables:',
    ]);
  });
});

test('an unknown depend-on lists each task once, even with duplicate identifiers', () => {
  const task = (id: string, extra = '') => `    - identifier: ${id}\n      buildspec: x.yml\n${extra}`;
  const text = `version: 0.2\nbatch:\n  build-graph:\n${task('a')}${task('b')}${task('a')}${task('c', '      depend-on: [zzzzzz]\n')}`;
  expect(only(text)).toEqual([
    '8:19: error: batch.build-graph[2].identifier: duplicate identifier "a" (first used at line 4)',
    '12:19: error: batch.build-graph[3].depend-on[0]: depends on unknown task "zzzzzz"; tasks are a, b, c',
  ]);
});
