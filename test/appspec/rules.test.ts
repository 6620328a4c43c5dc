import { parseAppspec } from '../../src/appspec/index.js';

/** `line:col severity path` of every finding. */
function where(text: string): string[] {
  return parseAppspec(text, 'appspec.yml').findings.map((f) => `${f.line}:${f.col} ${f.severity} ${f.path}`);
}

function messages(text: string): string[] {
  return parseAppspec(text, 'appspec.yml').findings.map((f) => `${f.severity} ${f.path}: ${f.message}`);
}

const EC2 = 'version: 0.0\nos: linux\n';
const FILES = 'files:\n  - source: /\n    destination: /srv/app\n';

function ec2(rest: string): string {
  return EC2 + rest;
}

describe('version', () => {
  test('0.0 is the only version, also for ECS and Lambda', () => {
    expect(where('version: 0.2\nos: linux\n')).toEqual(['1:10 error version']);
    const ecs =
      'version: 1.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n' +
      '        TaskDefinition: <TASK_DEFINITION>\n        LoadBalancerInfo: {ContainerName: web, ContainerPort: 80}\n';
    expect(where(ecs)).toEqual(['1:10 error version']);
    expect(where(ecs.replace('1.0', '0.0'))).toEqual([]);
  });

  test('the source text is kept: 0.00 is not 0.0', () => {
    expect(messages('version: 0.00\nos: linux\n')).toEqual([
      'error version: must be 0.0, the only AppSpec version; got "0.00"',
    ]);
  });

  test('version 0.1 in an EC2 appspec is reported as the version error alone', () => {
    expect(messages('version: 0.1\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n')).toEqual([
      'error version: must be 0.0, the only AppSpec version; got "0.1"',
    ]);
  });

  test('missing version is reported at the start of the mapping', () => {
    expect(where('# comment\nos: linux\n')).toEqual(['2:1 error version']);
  });

  test('a quoted "0.0" fails on the EC2 agent (it compares with a number) but not in ECS/Lambda JSON', () => {
    expect(messages('version: "0.0"\nos: linux\n')).toEqual([
      expect.stringMatching(/^error version: write version: 0.0 without quotes/),
    ]);
    const lambda =
      '{"version": "0.0", "Resources": [{"fn": {"Type": "AWS::Lambda::Function", "Properties": ' +
      '{"Name": "f", "Alias": "live", "CurrentVersion": "1", "TargetVersion": "2"}}}]}';
    expect(where(lambda)).toEqual([]);
  });
});

describe('unquoted globs read as YAML aliases', () => {
  test('the message says "*" starts an alias and to quote the glob', () => {
    expect(messages(ec2(`${FILES}permissions:\n  - object: /srv/app\n    pattern: **/*\n`))).toEqual([
      `error : alias **/* cannot be resolved: an unquoted value starting with "*" is a YAML alias (a reference to an &anchor), not text; quote the glob: '**/*'`,
    ]);
  });
});

describe('top level of EC2/On-Premises appspecs', () => {
  test('os must be linux or windows, with a suggestion', () => {
    expect(messages('version: 0.0\nos: Linux\n')).toEqual([
      'error os: must be linux or windows, not "Linux"; did you mean "linux"?',
    ]);
    expect(where('version: 0.0\nfiles: []\n')).toEqual(['1:1 error os']);
  });

  test('unknown top-level keys are errors; Hooks is not hooks on EC2', () => {
    expect(messages(ec2('Hooks:\n  ApplicationStart:\n    - location: a.sh\n'))).toEqual([
      'error Hooks: unknown key "Hooks" in an EC2/On-Premises appspec; did you mean "hooks"?',
    ]);
    expect(where(ec2('deploy: true\n'))).toEqual(['3:1 error deploy']);
  });

  test('file_exists_behavior is DISALLOW, OVERWRITE or RETAIN', () => {
    expect(where(ec2('file_exists_behavior: RETAIN\n'))).toEqual([]);
    expect(messages(ec2('file_exists_behavior: overwrite\n'))).toEqual([
      'error file_exists_behavior: must be DISALLOW, OVERWRITE or RETAIN, not "overwrite"; did you mean "OVERWRITE"?',
    ]);
  });

  test('empty files, permissions and hooks are allowed (the agent treats them as none)', () => {
    expect(where(ec2('files:\npermissions:\nhooks:\n'))).toEqual([]);
  });

  test('YAML syntax errors are findings with line:col and no model', () => {
    const result = parseAppspec('version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - location: [a\n', 'a.yml');
    expect(result.appspec).toBeUndefined();
    expect(result.findings[0]).toMatchObject({ severity: 'error', path: '' });
    expect(result.findings[0]?.line).toBeGreaterThanOrEqual(5);
  });

  test('duplicate keys are errors', () => {
    expect(where('version: 0.0\nos: linux\nos: windows\n')).toEqual(['3:1 error ']);
  });

  test('empty text, a list and a scalar are not appspecs', () => {
    expect(where('')).toEqual(['1:1 error ']);
    expect(where('# nothing\n')).toEqual(['1:1 error ']);
    expect(where('- a\n')).toEqual(['1:1 error ']);
    expect(where('hello')).toEqual(['1:1 error ']);
  });
});

describe('files', () => {
  test('source and destination are required; misspelt keys are errors, undocumented ones warnings', () => {
    expect(where(ec2('files:\n  - source: /\n'))).toEqual(['4:5 error files[0].destination']);
    expect(where(ec2('files:\n  - source: /\n    destination: /srv\n    overwrite: true\n'))).toEqual([
      '6:5 warning files[0].overwrite',
    ]);
    expect(where(ec2('files:\n  - source: /\n    destnation: /srv\n'))).toEqual(['5:5 error files[0].destnation']);
  });

  test('destination must be absolute: / on Linux, a drive path on Windows', () => {
    expect(where(ec2('files:\n  - source: /\n    destination: srv/app\n'))).toEqual([
      '5:18 error files[0].destination',
    ]);
    const win = 'version: 0.0\nos: windows\nfiles:\n  - source: \\\n    destination: ';
    expect(where(win + 'c:\\temp\n')).toEqual([]);
    expect(where(win + 'C:/inetpub\n')).toEqual([]);
    expect(where(win + '/var/www\n')).toEqual(['5:18 error files[0].destination']);
  });

  test('files must be a list of mappings', () => {
    expect(where(ec2('files:\n  source: /\n  destination: /srv\n'))).toEqual(['4:3 error files']);
    expect(where(ec2('files:\n  - /srv\n'))).toEqual(['4:5 error files[0]']);
  });

  test('the model keeps the mappings in order', () => {
    const result = parseAppspec(ec2(FILES + '  - source: cfg/a.conf\n    destination: /etc/a/\n'), 'a.yml');
    expect(result.appspec).toMatchObject({
      platform: 'ec2',
      os: 'linux',
      files: [
        { source: '/', destination: '/srv/app', pos: { line: 4, col: 5 } },
        { source: 'cfg/a.conf', destination: '/etc/a/', pos: { line: 6, col: 5 } },
      ],
    });
  });
});

describe('permissions', () => {
  const perm = (body: string) => ec2(FILES + 'permissions:\n  - object: /srv/app\n' + body);

  test('a full entry gives the model', () => {
    const text = perm(
      '    pattern: "*.txt"\n    except: [a.txt, b.txt]\n    owner: bob\n    group: writers\n    mode: "0644"\n' +
        '    acls:\n      - u:mary:rw\n      - m::rw\n      - d:u:sam:7\n' +
        '    context:\n      user: unconfined_u\n      type: httpd_sys_content_t\n      range: s0-s1:c0.c5,c9\n' +
        '    type:\n      - file\n',
    );
    const result = parseAppspec(text, 'a.yml');
    expect(result.findings).toEqual([]);
    expect(result.appspec).toMatchObject({
      permissions: [
        {
          object: '/srv/app',
          pattern: '*.txt',
          except: ['a.txt', 'b.txt'],
          owner: 'bob',
          group: 'writers',
          mode: '0644',
          acls: ['u:mary:rw', 'm::rw', 'd:u:sam:7'],
          context: { user: 'unconfined_u', type: 'httpd_sys_content_t', range: 's0-s1:c0.c5,c9' },
          type: ['file'],
        },
      ],
    });
  });

  test('defaults: pattern ** and both object types', () => {
    expect(parseAppspec(perm(''), 'a.yml').appspec).toMatchObject({
      permissions: [{ pattern: '**', except: [], acls: [], type: ['file', 'directory'] }],
    });
  });

  test('object is required', () => {
    expect(where(ec2(FILES + 'permissions:\n  - owner: bob\n'))).toEqual(['7:5 error permissions[0].object']);
  });

  test('mode: octal digits; a plain leading zero is read as an octal number', () => {
    expect(where(perm('    mode: 755\n'))).toEqual([]);
    expect(where(perm('    mode: 0644\n'))).toEqual(['8:11 error permissions[0].mode']);
    expect(messages(perm('    mode: 0644\n'))[0]).toContain('write "0644" in quotes or drop the leading zero (644)');
    expect(where(perm('    mode: u+x\n'))).toEqual(['8:11 error permissions[0].mode']);
    expect(where(perm('    mode: 77777\n'))).toEqual(['8:11 error permissions[0].mode']);
    expect(where(perm('    mode: 789\n'))).toEqual(['8:11 error permissions[0].mode']);
  });

  test('type and except are lists; type values are file or directory', () => {
    expect(messages(perm('    type: file\n'))).toEqual([
      'error permissions[0].type: must be a list, e.g. type: [file]',
    ]);
    expect(where(perm('    type: [file, folder]\n'))).toEqual(['8:18 error permissions[0].type[1]']);
    expect(where(perm('    except: a.txt\n'))).toEqual(['8:13 error permissions[0].except']);
  });

  test('acls: named entries in setfacl form; base entries belong in mode', () => {
    expect(where(perm('    acls:\n      - u:bob:rw\n      - u::rw\n      - x:bob:rw\n      - u:bob:rwz\n'))).toEqual([
      '10:9 error permissions[0].acls[1]',
      '11:9 error permissions[0].acls[2]',
      '12:9 error permissions[0].acls[3]',
    ]);
  });

  test('context: type required, range validated', () => {
    expect(where(perm('    context:\n      user: u\n'))).toEqual(['9:7 error permissions[0].context.type']);
    expect(where(perm('    context:\n      type: t\n      range: s1-s0\n'))).toEqual([
      '10:14 error permissions[0].context.range',
    ]);
    expect(where(perm('    context:\n      type: t\n      range: s0:c1024\n'))).toEqual([
      '10:14 error permissions[0].context.range',
    ]);
  });

  test('Linux only: permissions on Windows are an error', () => {
    const text = 'version: 0.0\nos: windows\npermissions:\n  - object: C:\\app\n';
    expect(where(text)).toEqual(['3:1 error permissions']);
  });
});

describe('EC2/On-Premises hooks', () => {
  const hook = (event: string, body = '    - location: a.sh\n') => ec2(`hooks:\n  ${event}:\n${body}`);

  test('all nine scriptable events are accepted', () => {
    for (const event of [
      'ApplicationStop',
      'BeforeInstall',
      'AfterInstall',
      'ApplicationStart',
      'ValidateService',
      'BeforeBlockTraffic',
      'AfterBlockTraffic',
      'BeforeAllowTraffic',
      'AfterAllowTraffic',
    ]) {
      expect(where(hook(event))).toEqual([]);
    }
  });

  test('reserved events cannot run scripts', () => {
    for (const event of ['DownloadBundle', 'Install', 'BlockTraffic', 'AllowTraffic']) {
      expect(where(hook(event))).toEqual([`4:3 error hooks.${event}`]);
    }
    expect(messages(hook('Install'))[0]).toContain('run by the CodeDeploy agent itself');
  });

  test('unknown events are errors with a suggestion', () => {
    expect(messages(hook('AfterInstal'))).toEqual([
      'error hooks.AfterInstal: unknown lifecycle event "AfterInstal"; did you mean "AfterInstall"?',
    ]);
    expect(messages(hook('applicationstart'))[0]).toContain('did you mean "ApplicationStart"?');
    expect(messages(hook('AfterAllowTestTraffic'))[0]).toContain('a hook of Amazon ECS deployments');
  });

  test('location is required; timeout is 1..3600 whole seconds', () => {
    expect(where(hook('AfterInstall', '    - timeout: 10\n'))).toEqual(['5:7 error hooks.AfterInstall[0].location']);
    expect(where(hook('AfterInstall', '    - location: a.sh\n      timeout: 0\n'))).toEqual([
      '6:16 error hooks.AfterInstall[0].timeout',
    ]);
    expect(where(hook('AfterInstall', '    - location: a.sh\n      timeout: 3601\n'))).toEqual([
      '6:16 error hooks.AfterInstall[0].timeout',
    ]);
    expect(where(hook('AfterInstall', '    - location: a.sh\n      timeout: 1.5\n'))).toEqual([
      '6:16 error hooks.AfterInstall[0].timeout',
    ]);
    expect(where(hook('AfterInstall', '    - location: a.sh\n      timeout: 3600\n'))).toEqual([]);
  });

  test('the timeouts of one event over 3600 s in total are a warning', () => {
    const body = '    - location: a.sh\n      timeout: 2000\n    - location: b.sh\n      timeout: 1601\n';
    const result = parseAppspec(hook('ApplicationStart', body), 'a.yml');
    expect(result.findings).toEqual([
      expect.objectContaining({
        severity: 'warning',
        line: 4,
        col: 3,
        path: 'hooks.ApplicationStart',
        message: expect.stringContaining('a lifecycle event may take at most 3600 s in total'),
      }),
    ]);
    expect(result.appspec).toBeDefined();
    expect(where(hook('ApplicationStart', body.replace('1601', '1600')))).toEqual([]);
  });

  test('an event needs a list of scripts', () => {
    expect(where(ec2('hooks:\n  ApplicationStart:\n'))).toEqual(['4:20 error hooks.ApplicationStart']);
    expect(where(hook('ApplicationStart', '    location: a.sh\n'))).toEqual(['5:5 error hooks.ApplicationStart']);
    expect(where(ec2('hooks:\n  ApplicationStart: start.sh\n'))).toEqual(['4:21 error hooks.ApplicationStart']);
    expect(where(ec2('hooks:\n  - ApplicationStart: start.sh\n'))).toEqual(['4:3 error hooks']);
  });

  test('runas is Linux only; sudo and other keys are warnings, misspelt keys errors', () => {
    const win = 'version: 0.0\nos: windows\nhooks:\n  AfterInstall:\n    - location: a.bat\n      runas: admin\n';
    expect(where(win)).toEqual(['6:7 warning hooks.AfterInstall[0].runas']);
    expect(where(hook('AfterInstall', '    - location: a.sh\n      sudo: true\n'))).toEqual([
      '6:7 warning hooks.AfterInstall[0].sudo',
    ]);
    expect(where(hook('AfterInstall', '    - location: a.sh\n      interpreter: bash\n'))).toEqual([
      '6:7 warning hooks.AfterInstall[0].interpreter',
    ]);
    expect(where(hook('AfterInstall', '    - location: a.sh\n      timout: 60\n'))).toEqual([
      '6:7 error hooks.AfterInstall[0].timout',
    ]);
  });

  test('the model: scripts with their timeouts (default 3600) and runas', () => {
    const body = '    - location: a.sh\n      runas: root\n    - location: b.sh\n      timeout: "60"\n';
    expect(parseAppspec(hook('AfterInstall', body), 'a.yml').appspec).toMatchObject({
      hooks: [
        {
          event: 'AfterInstall',
          pos: { line: 4, col: 3 },
          scripts: [
            { location: 'a.sh', timeout: 3600, timeoutGiven: false, runas: 'root' },
            { location: 'b.sh', timeout: 60, timeoutGiven: true },
          ],
        },
      ],
    });
  });
});

describe('ECS appspecs', () => {
  const ecs = (props: string, hooks = '') =>
    'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n' + props + hooks;
  const LB = '        LoadBalancerInfo:\n          ContainerName: web\n          ContainerPort: 8080\n';
  const TD = '        TaskDefinition: arn:aws:ecs:us-east-1:111122223333:task-definition/web:3\n';

  test('a complete ECS appspec gives the model', () => {
    const text = ecs(
      TD +
        LB +
        '        PlatformVersion: "1.4.0"\n        NetworkConfiguration:\n          AwsvpcConfiguration:\n' +
        '            Subnets: [subnet-1, subnet-2]\n            SecurityGroups: [sg-1]\n            AssignPublicIp: DISABLED\n' +
        '        CapacityProviderStrategy:\n          - CapacityProvider: FARGATE_SPOT\n            Base: 1\n            Weight: 2\n',
      'Hooks:\n  - AfterAllowTraffic: Check2\n  - BeforeInstall: Check1\n',
    );
    const result = parseAppspec(text, 'a.yml');
    expect(result.findings).toEqual([]);
    expect(result.appspec).toMatchObject({
      platform: 'ecs',
      targetService: {
        name: 'TargetService',
        containerName: 'web',
        containerPort: 8080,
        platformVersion: '1.4.0',
        networkConfiguration: {
          subnets: ['subnet-1', 'subnet-2'],
          securityGroups: ['sg-1'],
          assignPublicIp: 'DISABLED',
        },
        capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', base: 1, weight: 2 }],
      },
      hooks: [
        { event: 'AfterAllowTraffic', functionName: 'Check2' },
        { event: 'BeforeInstall', functionName: 'Check1' },
      ],
    });
  });

  test('TaskDefinition and LoadBalancerInfo (ContainerName, ContainerPort) are required', () => {
    expect(where(ecs('        PlatformVersion: LATEST\n'))).toEqual([
      '6:9 error Resources[0].TargetService.Properties.TaskDefinition',
      '6:9 error Resources[0].TargetService.Properties.LoadBalancerInfo',
    ]);
    expect(where(ecs(TD + '        LoadBalancerInfo:\n          ContainerName: web\n'))).toEqual([
      '8:11 error Resources[0].TargetService.Properties.LoadBalancerInfo.ContainerPort',
    ]);
  });

  test('ContainerPort is a port number; quoted is a warning', () => {
    expect(where(ecs(TD + LB.replace('8080', '70000')))).toEqual([
      '9:26 error Resources[0].TargetService.Properties.LoadBalancerInfo.ContainerPort',
    ]);
    expect(where(ecs(TD + LB.replace('8080', '"8080"')))).toEqual([
      '9:26 warning Resources[0].TargetService.Properties.LoadBalancerInfo.ContainerPort',
    ]);
  });

  test('a TaskDefinition that is neither an ARN nor a placeholder is a warning', () => {
    expect(where(ecs('        TaskDefinition: web:3\n' + LB))).toEqual([
      '6:25 warning Resources[0].TargetService.Properties.TaskDefinition',
    ]);
  });

  test('NetworkConfiguration: all of Subnets, SecurityGroups and AssignPublicIp, or none', () => {
    const net = '        NetworkConfiguration:\n          AwsvpcConfiguration:\n            Subnets: [subnet-1]\n';
    expect(messages(ecs(TD + LB + net))).toEqual([
      'error Resources[0].TargetService.Properties.NetworkConfiguration.AwsvpcConfiguration: ' +
        'give all of Subnets, SecurityGroups and AssignPublicIp, or none; missing SecurityGroups, AssignPublicIp',
    ]);
  });

  test('hooks: a list of single-key mappings of ECS events; duplicates and other events are errors', () => {
    const props = TD + LB;
    expect(where(ecs(props, 'Hooks:\n  - AfterAllowTestTraffic: f\n  - ApplicationStart: g\n'))).toEqual([
      '12:5 error Hooks[1].ApplicationStart',
    ]);
    expect(where(ecs(props, 'Hooks:\n  - BeforeInstall: f\n  - BeforeInstall: g\n'))).toEqual([
      '12:5 error Hooks[1].BeforeInstall',
    ]);
    expect(where(ecs(props, 'Hooks:\n  BeforeInstall: f\n'))).toEqual(['11:3 error Hooks']);
  });

  test('misindented resource properties are explained', () => {
    const text = 'version: 0.0\nResources:\n  - TargetService:\n    Type: AWS::ECS::Service\n    Properties: {}\n';
    expect(messages(text)).toEqual([
      'error Resources[0]: a resource is a mapping with one key, its name: indent Type and Properties under TargetService',
    ]);
  });

  test('one resource only; an unknown Type is an error', () => {
    const text = ecs(TD + LB) + '  - Other:\n      Type: AWS::ECS::Service\n      Properties: {}\n';
    expect(where(text)[0]).toBe('10:5 error Resources[1]');
    expect(messages(ecs(TD + LB).replace('AWS::ECS::Service', 'AWS::ECS::service'))).toEqual([
      'error Resources[0].TargetService.Type: must be AWS::ECS::Service or AWS::Lambda::Function, not "AWS::ECS::service"; ' +
        'did you mean "AWS::ECS::Service"?',
    ]);
  });

  test('EC2 keys in an ECS appspec are errors', () => {
    expect(where(ecs(TD + LB) + 'os: linux\n')).toEqual(['10:1 error os']);
  });
});

describe('Lambda appspecs', () => {
  const LAMBDA =
    'version: 0.0\nResources:\n  - myLambdaFunction:\n      Type: AWS::Lambda::Function\n      Properties:\n' +
    '        Name: "myLambdaFunction"\n        Alias: "live"\n        CurrentVersion: "1"\n        TargetVersion: "2"\n';

  test('the documented example gives the model', () => {
    const text = LAMBDA + 'Hooks:\n  - BeforeAllowTraffic: "Before"\n  - AfterAllowTraffic: "After"\n';
    const result = parseAppspec(text, 'a.yml');
    expect(result.findings).toEqual([]);
    expect(result.appspec).toMatchObject({
      platform: 'lambda',
      function: {
        name: 'myLambdaFunction',
        functionName: 'myLambdaFunction',
        alias: 'live',
        currentVersion: '1',
        targetVersion: '2',
      },
      hooks: [
        { event: 'BeforeAllowTraffic', functionName: 'Before' },
        { event: 'AfterAllowTraffic', functionName: 'After' },
      ],
    });
  });

  test('lowercase keys, as in the resources-section docs, are accepted', () => {
    const text =
      'version: 0.0\nresources:\n  - fn:\n      type: AWS::Lambda::Function\n      properties:\n' +
      '        name: f\n        alias: live\n        currentversion: 1\n        targetversion: 2\n' +
      'hooks:\n  - BeforeAllowTraffic: check\n';
    expect(where(text)).toEqual([]);
  });

  test('the four properties are required; ECS-only hooks are errors', () => {
    expect(where(LAMBDA.replace('        Alias: "live"\n', ''))).toEqual([
      '6:9 error Resources[0].myLambdaFunction.Properties.Alias',
    ]);
    expect(where(LAMBDA + 'Hooks:\n  - BeforeInstall: f\n')).toEqual(['11:5 error Hooks[0].BeforeInstall']);
  });

  test('CurrentVersion equal to TargetVersion is a warning', () => {
    expect(where(LAMBDA.replace('"2"', '"1"'))).toEqual([
      '9:24 warning Resources[0].myLambdaFunction.Properties.TargetVersion',
    ]);
  });

  test('the documented JSON form parses (tabs inside flow collections)', () => {
    const json =
      '{\n \t"version": 0.0,\n \t"Resources": [{\n \t\t"myLambdaFunction": {\n \t\t\t"Type": "AWS::Lambda::Function",\n' +
      ' \t\t\t"Properties": {\n \t\t\t\t"Name": "myLambdaFunction",\n \t\t\t\t"Alias": "myLambdaFunctionAlias",\n' +
      ' \t\t\t\t"CurrentVersion": "1",\n \t\t\t\t"TargetVersion": "2"\n \t\t\t}\n \t\t}\n \t}],\n \t"Hooks": [{\n' +
      ' \t\t\t"BeforeAllowTraffic": "LambdaFunctionToValidateBeforeTrafficShift"\n      },\n      {\n' +
      ' \t\t\t"AfterAllowTraffic": "LambdaFunctionToValidateAfterTrafficShift"\n \t\t}\n \t]\n }\n';
    const result = parseAppspec(json, 'appspec.json');
    expect(result.findings).toEqual([]);
    expect(result.appspec?.platform).toBe('lambda');
  });

  test('Resources is required when Hooks is a list', () => {
    expect(where('version: 0.0\nHooks:\n  - BeforeAllowTraffic: f\n')).toEqual(['1:1 error Resources']);
  });
});

describe('YAML features the agent understands', () => {
  test('anchors, aliases and merge keys are resolved', () => {
    const text = ec2(
      'hooks:\n  BeforeInstall:\n    - &script\n      location: a.sh\n      timeout: 60\n  AfterInstall:\n    - <<: *script\n      location: b.sh\n',
    );
    const result = parseAppspec(text, 'a.yml');
    expect(result.findings).toEqual([]);
    expect(result.appspec).toMatchObject({
      hooks: [
        { event: 'BeforeInstall', scripts: [{ location: 'a.sh', timeout: 60 }] },
        { event: 'AfterInstall', scripts: [{ location: 'b.sh', timeout: 60 }] },
      ],
    });
  });

  test('a byte-order mark and CRLF line ends are fine', () => {
    expect(where('\uFEFFversion: 0.0\r\nos: linux\r\n')).toEqual([]);
  });
});

test('findings are sorted by line, then column', () => {
  const text = 'os: linus\nversion: 2\nhooks:\n  Install:\n    - location: a\n';
  const lines = parseAppspec(text, 'a.yml').findings.map((f) => [f.line, f.col]);
  expect(lines).toEqual([...lines].sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0) || (a[1] ?? 0) - (b[1] ?? 0)));
  expect(lines).toEqual([
    [1, 5],
    [2, 10],
    [4, 3],
  ]);
});
