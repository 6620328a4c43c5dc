import {
  EC2_HOOK_ORDER,
  EC2_LIFECYCLE_ORDER,
  ec2HooksInRunOrder,
  functionHooksInRunOrder,
  looksLikeAppspec,
  parseAppspec,
  type Appspec,
} from '../../src/appspec/index.js';
import { APPSPEC_CORPUS, corpusFiles } from './corpus-files.js';
import { BUILDSPEC_CORPUS, corpus as buildspecCorpus } from '../buildspec/support.js';

function model(text: string): Appspec {
  const result = parseAppspec(text, 'appspec.yml');
  if (!result.appspec) throw new Error(JSON.stringify(result.findings));
  return result.appspec;
}

describe('run order', () => {
  test('EC2_HOOK_ORDER: the in-place order with the traffic hooks around it (spec §12)', () => {
    expect(EC2_HOOK_ORDER).toEqual([
      'BeforeBlockTraffic',
      'AfterBlockTraffic',
      'ApplicationStop',
      'BeforeInstall',
      'AfterInstall',
      'ApplicationStart',
      'ValidateService',
      'BeforeAllowTraffic',
      'AfterAllowTraffic',
    ]);
    expect(EC2_LIFECYCLE_ORDER.filter((e) => !(EC2_HOOK_ORDER as readonly string[]).includes(e))).toEqual([
      'BlockTraffic',
      'DownloadBundle',
      'Install',
      'AllowTraffic',
    ]);
  });

  APPSPEC_CORPUS.test('corpus 012 lists its hooks out of order; they run in lifecycle order', (dir) => {
    const text = corpusFiles(dir).find((f) => f.name === '012.yml')?.text ?? '';
    const appspec = model(text);
    if (appspec.platform !== 'ec2') throw new Error('expected EC2');
    expect(appspec.hooks.map((h) => h.event)).toEqual([
      'BeforeInstall',
      'AfterInstall',
      'ApplicationStart',
      'ApplicationStop',
      'BeforeAllowTraffic',
    ]);
    expect(ec2HooksInRunOrder(appspec).map((h) => h.event)).toEqual([
      'ApplicationStop',
      'BeforeInstall',
      'AfterInstall',
      'ApplicationStart',
      'BeforeAllowTraffic',
    ]);
    expect(ec2HooksInRunOrder(appspec, { loadBalancer: false }).map((h) => h.event)).toEqual([
      'ApplicationStop',
      'BeforeInstall',
      'AfterInstall',
      'ApplicationStart',
    ]);
    // Sorting does not change the model.
    expect(appspec.hooks[0]?.event).toBe('BeforeInstall');
  });

  test('ECS hooks run in ECS order', () => {
    const appspec = model(
      'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n' +
        '        TaskDefinition: <TASK_DEFINITION>\n        LoadBalancerInfo: {ContainerName: web, ContainerPort: 80}\n' +
        'Hooks:\n  - AfterAllowTraffic: e\n  - BeforeAllowTraffic: d\n  - AfterAllowTestTraffic: c\n' +
        '  - AfterInstall: b\n  - BeforeInstall: a\n',
    );
    if (appspec.platform === 'ec2') throw new Error('expected ECS');
    expect(functionHooksInRunOrder(appspec).map((h) => h.functionName)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});

describe('looksLikeAppspec', () => {
  test('by name', () => {
    expect(looksLikeAppspec('appspec.yml', '')).toBe(true);
    expect(looksLikeAppspec('appspec.yaml', 'anything')).toBe(true);
    expect(looksLikeAppspec('deploy/appspec.json', '{}')).toBe(true);
    expect(looksLikeAppspec('buildspec.yml', 'version: 0.2\nphases: {}\n')).toBe(false);
  });

  test('by content: version 0.0 with an appspec key, or an ECS/Lambda resource', () => {
    expect(looksLikeAppspec('deploy.yml', 'version: 0.0\nos: linux\n')).toBe(true);
    expect(looksLikeAppspec('deploy.yml', '# x\nversion: "0.0" # y\nhooks:\n')).toBe(true);
    expect(looksLikeAppspec('d.yml', 'version: 1.0\nResources:\n  - S:\n      Type: AWS::ECS::Service\n')).toBe(true);
    expect(looksLikeAppspec('d.json', '{"version": 0.0, "Resources": []}')).toBe(true);
    expect(looksLikeAppspec('d.yml', 'version: 0.0\n')).toBe(false);
    expect(looksLikeAppspec('d.yml', 'version: 0.2\nphases:\n  build:\n    commands: [ls]\n')).toBe(false);
    expect(looksLikeAppspec('d.yml', 'version: 0.0\nphases:\n  build: {}\nfiles: []\n')).toBe(false);
    expect(looksLikeAppspec('d.yml', 'version: 0.2\nartifacts:\n  files:\n    - x\n')).toBe(false);
  });

  test('by content with a wrong or missing version: appspec keys and no buildspec key', () => {
    expect(looksLikeAppspec('x3.yml', 'version: 0.1\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n')).toBe(
      true,
    );
    expect(looksLikeAppspec('d.yml', 'os: linux\nfiles:\n  - source: /\n    destination: /srv\n')).toBe(true);
    expect(looksLikeAppspec('d.yml', 'version: 0.2\npermissions:\n  - object: /srv\n')).toBe(true);
    expect(looksLikeAppspec('d.yml', 'version: 1\nfile_exists_behavior: OVERWRITE\n')).toBe(true);
    expect(looksLikeAppspec('d.json', '{"version": 0.1, "os": "linux", "hooks": {}}')).toBe(true);
    // A buildspec key decides for buildspec unless the version is 0.0.
    expect(looksLikeAppspec('d.yml', 'version: 0.2\nbatch:\n  build-list: []\nfiles: [a]\n')).toBe(false);
    expect(looksLikeAppspec('d.yml', 'version: 0.2\nenv:\n  shell: bash\nhooks: {}\n')).toBe(false);
    expect(looksLikeAppspec('d.yml', 'version: 0.0\nenv:\n  shell: bash\nhooks: {}\n')).toBe(true);
  });

  BUILDSPEC_CORPUS.test('no buildspec of the corpus is taken for an appspec by its content', (dir) => {
    for (const f of buildspecCorpus(dir))
      expect({ file: f.name, appspec: looksLikeAppspec('deploy.yml', f.text) }).toEqual({
        file: f.name,
        appspec: false,
      });
  });
});
