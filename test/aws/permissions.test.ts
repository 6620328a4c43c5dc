import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  ACTIONS,
  iamPolicy,
  OPERATIONS,
  partitionOf,
  SDK_COMMANDS,
  type ClientName,
  type OperationName,
} from '../../src/aws/permissions.js';
import { UserError } from '../../src/core/errors.js';
import { importGraph, type ImportGraph } from '../support/import-graph.js';
import { runCli } from '../support/cli.js';

const ROOT = join(import.meta.dirname, '../..');

/** Every action with code: src/actions/<name>/index.ts. */
function actionNames(): string[] {
  return readdirSync(join(ROOT, 'src/actions'))
    .filter((name) => existsSync(join(ROOT, 'src/actions', name, 'index.ts')))
    .sort();
}

const graphs = new Map<string, ImportGraph>(
  actionNames().map((name) => [name, importGraph(ROOT, `src/actions/${name}/index.ts`)]),
);

/** `client Command` strings, for readable failure lists. */
function key(client: string, command: string): string {
  return `@aws-sdk/client-${client} ${command}`;
}

function clientOf(pkg: string): string {
  return pkg.replace(/^@aws-sdk\/client-/, '');
}

type Registry = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

/** Commands the code imports that the registry does not know, each named with the file that imports it. */
function unknownCommands(graphs: ReadonlyMap<string, ImportGraph>, registry: Registry): string[] {
  const unknown: string[] = [];
  for (const [name, graph] of graphs) {
    for (const use of graph.commands) {
      if (registry[clientOf(use.pkg)]?.[use.command] === undefined) {
        unknown.push(
          `${key(clientOf(use.pkg), use.command)} (imported by ${use.file}, action ${name}) has no IAM entry`,
        );
      }
    }
  }
  return unknown;
}

/** Differences between what each action's code imports and what ACTIONS declares for it. */
function actionDrift(graphs: ReadonlyMap<string, ImportGraph>, actions: typeof ACTIONS): string[] {
  const drift: string[] = [];
  for (const [name, graph] of graphs) {
    const derived = new Set(graph.commands.map((c) => key(clientOf(c.pkg), c.command)));
    const needs = actions[name];
    if (needs === undefined) {
      drift.push(`action ${name} has no ACTIONS entry; its code sends ${[...derived].sort().join(', ') || 'nothing'}`);
      continue;
    }
    const declared = new Set(
      Object.entries(needs.commands).flatMap(([client, commands]) => (commands ?? []).map((c) => key(client, c))),
    );
    for (const d of derived) if (!declared.has(d)) drift.push(`action ${name}: code sends ${d}, ACTIONS lacks it`);
    for (const d of declared)
      if (!derived.has(d)) drift.push(`action ${name}: ACTIONS lists ${d}, code never imports it`);
  }
  for (const name of Object.keys(actions)) {
    if (!graphs.has(name)) drift.push(`ACTIONS lists ${name}, which has no src/actions/${name}/index.ts`);
  }
  return drift;
}

/** Registry commands no action's code imports. */
function unusedCommands(graphs: ReadonlyMap<string, ImportGraph>, registry: Registry): string[] {
  const used = new Set([...graphs.values()].flatMap((g) => g.commands.map((c) => key(clientOf(c.pkg), c.command))));
  return Object.entries(registry).flatMap(([client, commands]) =>
    Object.keys(commands)
      .map((command) => key(client, command))
      .filter((k) => !used.has(k))
      .map((k) => `${k} is in the registry but no action's code imports it`),
  );
}

describe('registry and code agree (drift check)', () => {
  test('the import graph of every action is fully understood', () => {
    const problems = [...graphs].flatMap(([name, g]) => g.problems.map((p) => `action ${name}: ${p}`));
    expect(problems).toEqual([]);
  });

  test('every SDK command the code imports is in the registry (src/aws/permissions.ts SDK_COMMANDS)', () => {
    expect(unknownCommands(graphs, SDK_COMMANDS)).toEqual([]);
  });

  test('ACTIONS (src/aws/permissions.ts) lists, per action with code, exactly the commands its code imports', () => {
    expect(actionDrift(graphs, ACTIONS)).toEqual([]);
  });

  test('every registry command is used by some action', () => {
    expect(unusedCommands(graphs, SDK_COMMANDS)).toEqual([]);
  });

  test('every registry command is a command class its SDK package exports', async () => {
    const missing: string[] = [];
    for (const [client, commands] of Object.entries(SDK_COMMANDS)) {
      if (Object.keys(commands).length === 0) continue;
      const pkg = (await import(`@aws-sdk/client-${client}`)) as Record<string, unknown>;
      for (const command of Object.keys(commands)) {
        if (typeof pkg[command] !== 'function') missing.push(key(client, command));
      }
    }
    expect(missing).toEqual([]);
  });

  test('non-SDK operations are declared by the actions that perform them', () => {
    // git to CodeCommit: code that names CodeCommit's git host; pushing to ECR: code that logs in to the registry.
    const wrong: string[] = [];
    for (const [name, graph] of graphs) {
      const text = graph.files.map((f) => readFileSync(join(ROOT, f), 'utf8')).join('\n');
      const performs: Record<OperationName, boolean> = {
        'codecommit-git-push': text.includes('git-codecommit'),
        'ecr-image-push': graph.commands.some((c) => c.command === 'GetAuthorizationTokenCommand'),
      };
      for (const operation of Object.keys(OPERATIONS) as OperationName[]) {
        const declared = ACTIONS[name]?.operations?.includes(operation) ?? false;
        if (performs[operation] && !declared)
          wrong.push(`action ${name} performs ${operation} but does not declare it`);
        if (!performs[operation] && declared) wrong.push(`action ${name} declares ${operation} but its code does not`);
      }
    }
    expect(wrong).toEqual([]);
  });

  test('IAM actions are service:Action names', () => {
    const all = [...Object.values(SDK_COMMANDS).flatMap((c) => Object.values(c)), ...Object.values(OPERATIONS)];
    for (const permission of all) {
      for (const grant of permission.grants) {
        for (const action of grant.actions) expect(action).toMatch(/^[a-z0-9-]+:[A-Z][A-Za-z0-9]+$/);
      }
    }
  });
});

describe('the drift check itself (a fixture tree)', () => {
  const root = mkdtempSync(join(tmpdir(), 'aws-cicd-graph-'));
  const write = (path: string, lines: string[]): void => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), lines.join('\n') + '\n');
  };
  write('src/actions/demo/index.ts', [
    "import { run } from './main.js';",
    "import type { Shape } from '../../aws/types-only.js';",
    "export { helper } from '../../aws/helper.js';",
    'await run();',
  ]);
  write('src/actions/demo/main.ts', [
    "import { buildApi } from '../../aws/api.js';",
    "import { UnusedCommand } from '@aws-sdk/client-codebuild';",
    'export async function run(): Promise<unknown> {',
    "  const lazy = await import('../../aws/lazy.js');",
    '  return [buildApi({}), lazy];',
    '}',
  ]);
  write('src/actions/other/index.ts', ["import { projectApi } from '../../aws/api.js';", 'projectApi({});']);
  write('src/aws/api.ts', [
    "import { StartBuildCommand, UpdateProjectCommand, type StartBuildCommandInput } from '@aws-sdk/client-codebuild';",
    'const send = (c: unknown): unknown => c;',
    'export function buildApi(input: StartBuildCommandInput) { return { start: () => send(new StartBuildCommand(input)) }; }',
    'export function projectApi(input: object) { return { update: () => send(new UpdateProjectCommand(input)) }; }',
  ]);
  write('src/aws/types-only.ts', [
    "import { DeleteProjectCommand } from '@aws-sdk/client-codebuild';",
    'export type Shape = typeof DeleteProjectCommand;',
    'export const sent = new DeleteProjectCommand({});',
  ]);
  write('src/aws/helper.ts', [
    "import { paginateListWebhooks } from '@aws-sdk/client-codepipeline';",
    'export const helper = () => paginateListWebhooks;',
  ]);
  write('src/aws/lazy.ts', [
    "import * as ecr from '@aws-sdk/client-ecr';",
    "import { FrobnicateCommand } from '@aws-sdk/client-ssm';",
    'export const atLoad = Object.freeze(new FrobnicateCommand({}));',
    'export const ns = () => ecr;',
  ]);
  const graph = importGraph(root, 'src/actions/demo/index.ts');
  const other = importGraph(root, 'src/actions/other/index.ts');
  const demo = new Map([['demo', graph]]);

  test('follows static, re-export and dynamic relative imports; skips type-only edges and type specifiers', () => {
    expect([...graph.files].sort()).toEqual([
      'src/actions/demo/index.ts',
      'src/actions/demo/main.ts',
      'src/aws/api.ts',
      'src/aws/helper.ts',
      'src/aws/lazy.ts',
    ]);
    expect(graph.commands.map((c) => `${c.command} ${c.file}`).sort()).toEqual([
      'FrobnicateCommand src/aws/lazy.ts',
      'ListWebhooksCommand src/aws/helper.ts',
      'StartBuildCommand src/aws/api.ts',
    ]);
    expect(graph.problems).toEqual([
      'src/aws/lazy.ts: namespace import of @aws-sdk/client-ecr; import its commands by name',
    ]);
  });

  test('only the declarations an action reaches count: two factories in one module are told apart', () => {
    expect(other.commands.map((c) => c.command)).toEqual(['UpdateProjectCommand']);
    expect(graph.commands.map((c) => c.command)).not.toContain('UpdateProjectCommand');
    expect(graph.commands.map((c) => c.command)).not.toContain('UnusedCommand');
  });

  test('an imported command the registry lacks is named with its file; an unused registry command is named', () => {
    expect(unknownCommands(demo, SDK_COMMANDS).sort()).toEqual([
      '@aws-sdk/client-codepipeline ListWebhooksCommand (imported by src/aws/helper.ts, action demo) has no IAM entry',
      '@aws-sdk/client-ssm FrobnicateCommand (imported by src/aws/lazy.ts, action demo) has no IAM entry',
    ]);
    expect(unusedCommands(demo, SDK_COMMANDS)).toContain(
      "@aws-sdk/client-codebuild StopBuildCommand is in the registry but no action's code imports it",
    );
  });

  test('ACTIONS drift names the action and the command both ways', () => {
    const drift = actionDrift(demo, { demo: { commands: { codebuild: ['StartBuildCommand', 'StopBuildCommand'] } } });
    expect(drift).toContain('action demo: code sends @aws-sdk/client-ssm FrobnicateCommand, ACTIONS lacks it');
    expect(drift).toContain(
      'action demo: ACTIONS lists @aws-sdk/client-codebuild StopBuildCommand, code never imports it',
    );
    expect(actionDrift(demo, { ...ACTIONS })).toContain(
      'action demo has no ACTIONS entry; its code sends @aws-sdk/client-codebuild StartBuildCommand, ' +
        '@aws-sdk/client-codepipeline ListWebhooksCommand, @aws-sdk/client-ssm FrobnicateCommand',
    );
    expect(actionDrift(demo, { ...ACTIONS })).toContain('ACTIONS lists build, which has no src/actions/build/index.ts');
  });
});

describe('iamPolicy', () => {
  test('build, fully scoped: the project and its log group only', () => {
    const { policy, notes } = iamPolicy(['build'], { region: 'eu-west-1', account: '123456789012', project: 'app' });
    expect(policy).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'CodeBuildProject',
          Effect: 'Allow',
          Action: [
            'codebuild:BatchGetBuildBatches',
            'codebuild:BatchGetBuilds',
            'codebuild:StartBuild',
            'codebuild:StartBuildBatch',
            'codebuild:StopBuild',
            'codebuild:StopBuildBatch',
          ],
          Resource: 'arn:aws:codebuild:eu-west-1:123456789012:project/app',
        },
        {
          Sid: 'CodeBuildLogs',
          Effect: 'Allow',
          Action: ['logs:GetLogEvents', 'logs:StartLiveTail'],
          Resource: [
            'arn:aws:logs:eu-west-1:123456789012:log-group:/aws/codebuild/app',
            'arn:aws:logs:eu-west-1:123456789012:log-group:/aws/codebuild/app:log-stream:*',
          ],
        },
      ],
    });
    expect(notes.join('\n')).toMatch(/StartLiveTail.*poll/);
  });

  test('what is not given is * in the ARN; the partition follows the region', () => {
    const open = iamPolicy(['build']).policy.Statement;
    expect(open[0]?.Resource).toBe('arn:aws:codebuild:*:*:project/*');
    expect(open[1]?.Resource).toContain('arn:aws:logs:*:*:log-group:/aws/codebuild/*');
    const china = iamPolicy(['build'], { region: 'cn-north-1', project: 'p', logGroup: '/ci/p' }).policy.Statement;
    expect(china[0]?.Resource).toBe('arn:aws-cn:codebuild:cn-north-1:*:project/p');
    expect(china[1]?.Resource).toEqual([
      'arn:aws-cn:logs:cn-north-1:*:log-group:/ci/p',
      'arn:aws-cn:logs:cn-north-1:*:log-group:/ci/p:log-stream:*',
    ]);
    expect(partitionOf('us-gov-west-1')).toBe('aws-us-gov');
    expect(partitionOf('eu-central-2')).toBe('aws');
  });

  test('CloudFormation placeholders are inserted as given', () => {
    const statements = iamPolicy(['build'], {
      partition: '${AWS::Partition}',
      region: '${AWS::Region}',
      account: '${AWS::AccountId}',
      project: '${ProjectName}',
      logGroup: '${LogGroup}',
    }).policy.Statement;
    expect(statements[0]?.Resource).toBe(
      'arn:${AWS::Partition}:codebuild:${AWS::Region}:${AWS::AccountId}:project/${ProjectName}',
    );
    expect(statements[1]?.Resource).toContain(
      'arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:${LogGroup}',
    );
  });

  test('local: Parameter Store and Secrets Manager reads, with the KMS notes', () => {
    const { policy, notes } = iamPolicy(['local'], { region: 'eu-west-1', account: '123456789012' });
    expect(policy.Statement).toEqual([
      {
        Sid: 'ParameterStore',
        Effect: 'Allow',
        Action: ['ssm:GetParameters'],
        Resource: 'arn:aws:ssm:eu-west-1:123456789012:parameter/*',
      },
      {
        Sid: 'SecretsManager',
        Effect: 'Allow',
        Action: ['secretsmanager:GetSecretValue'],
        Resource: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:*',
      },
    ]);
    expect(notes.filter((n) => n.includes('kms:Decrypt'))).toHaveLength(2);
  });

  test('every known action yields a valid policy: unique Sids, no empty statements, no duplicate actions', () => {
    const { policy } = iamPolicy(Object.keys(ACTIONS));
    const sids = policy.Statement.map((s) => s.Sid);
    expect(new Set(sids).size).toBe(sids.length);
    for (const statement of policy.Statement) {
      expect(statement.Action.length).toBeGreaterThan(0);
      expect(new Set(statement.Action).size).toBe(statement.Action.length);
      expect(statement.Sid).toMatch(/^[A-Za-z0-9]+$/);
    }
  });

  test('asking for an action twice changes nothing; an unknown action is a usage error', () => {
    expect(iamPolicy(['build', 'build'])).toEqual(iamPolicy(['build']));
    expect(() => iamPolicy(['bulid'])).toThrow(UserError);
    expect(() => iamPolicy(['bulid'])).toThrow(/unknown action "bulid"; known: build/);
    expect(() => iamPolicy([])).toThrow(UserError);
  });

  test('a registry that names an unknown command is reported as a bug naming it', async () => {
    const { permissionsOf } = await import('../../src/aws/permissions.js');
    expect(() => permissionsOf('x', { commands: { codebuild: ['NoSuchCommand'] as const } })).toThrow(
      /@aws-sdk\/client-codebuild NoSuchCommand is not in the permission registry/,
    );
    expect(Object.keys(SDK_COMMANDS).sort()).toEqual(
      (
        [
          'cloudwatch-logs',
          'codebuild',
          'codecommit',
          'codedeploy',
          'codepipeline',
          'ecr',
          's3',
          'secrets-manager',
          'ssm',
          'sts',
        ] satisfies ClientName[]
      ).sort(),
    );
  });
});

describe('aws-cicd iam-policy', () => {
  test('prints the policy JSON on stdout and the notes on stderr', async () => {
    const run = await runCli([
      'iam-policy',
      'build',
      '--region',
      'eu-west-1',
      '--account',
      '123456789012',
      '--project',
      'app',
    ]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(
      iamPolicy(['build'], { region: 'eu-west-1', account: '123456789012', project: 'app' }).policy,
    );
    expect(run.stderr).toMatch(/^aws-cicd iam-policy: note: .*StartLiveTail/m);
  });

  test('--repository narrows the CodeCommit and the ECR repository; the specific options win', async () => {
    const both = await runCli(['iam-policy', 'mirror', 'image', '--account', '123456789012', '--repository', 'app']);
    expect(both.code).toBe(0);
    const resources = (JSON.parse(both.stdout) as { Statement: { Sid: string; Resource: string }[] }).Statement;
    const bySid = Object.fromEntries(resources.map((s) => [s.Sid, s.Resource]));
    expect(bySid.CodeCommitRepository).toBe('arn:aws:codecommit:*:123456789012:app');
    expect(bySid.EcrRepository).toBe('arn:aws:ecr:*:123456789012:repository/app');
    expect(bySid.EcrAuthorizationToken).toBe('*');
    const split = await runCli([
      'iam-policy',
      'mirror',
      'image',
      '--repository',
      'app',
      '--ecr-repository',
      'team/img',
    ]);
    const statements = (JSON.parse(split.stdout) as { Statement: { Sid: string; Resource: string }[] }).Statement;
    expect(statements.find((s) => s.Sid === 'EcrRepository')?.Resource).toBe('arn:aws:ecr:*:*:repository/team/img');
    expect(statements.find((s) => s.Sid === 'CodeCommitRepository')?.Resource).toBe('arn:aws:codecommit:*:*:app');
  });

  test('--compact prints one line', async () => {
    const run = await runCli(['iam-policy', 'local', '--compact']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
  });

  test('bad values and missing actions are usage errors (exit 2) naming the option', async () => {
    const badAccount = await runCli(['iam-policy', 'build', '--account', '1234']);
    expect(badAccount.code).toBe(2);
    expect(badAccount.stderr).toContain('--account expects 12 digits');
    const quote = await runCli(['iam-policy', 'build', '--project', 'a"}']);
    expect(quote.code).toBe(2);
    expect(quote.stderr).toContain('--project expects');
    const none = await runCli(['iam-policy']);
    expect(none.code).toBe(2);
    const unknown = await runCli(['iam-policy', 'nope']);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toContain('unknown action "nope"');
  });

  test('--help lists the actions and options', async () => {
    const run = await runCli(['iam-policy', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--deployment-group');
    for (const name of Object.keys(ACTIONS)) expect(run.stdout).toContain(name);
  });
});

describe('the results of a build (issue 15): permissions only for the inputs that use them', () => {
  const scope = { region: 'eu-west-1', account: '123456789012', project: 'app' };
  const actionsOf = (statements: readonly { Action: string[] }[]) => statements.flatMap((s) => s.Action);

  test('without --download-artifacts and --test-reports: no S3 read, no report call', () => {
    const all = actionsOf(iamPolicy(['build'], scope).policy.Statement);
    expect(all).not.toContain('s3:GetObject');
    expect(all).not.toContain('codebuild:BatchGetReports');
  });

  test('test-reports: the three report calls on the project report groups', () => {
    const { policy, notes } = iamPolicy(['build'], scope, ['test-reports']);
    expect(policy.Statement).toContainEqual({
      Sid: 'CodeBuildReports',
      Effect: 'Allow',
      Action: ['codebuild:BatchGetReports', 'codebuild:DescribeCodeCoverages', 'codebuild:DescribeTestCases'],
      Resource: 'arn:aws:codebuild:eu-west-1:123456789012:report-group/app-*',
    });
    expect(actionsOf(policy.Statement)).not.toContain('s3:GetObject');
    expect(notes.join('\n')).toMatch(/BatchGetReports/);
  });

  test('download-artifacts: s3:GetObject on the artifact objects, s3:ListBucket on their bucket; "*" without a bucket', () => {
    const narrow = iamPolicy(['build'], { ...scope, artifactsBucket: 'art', artifactsPrefix: 'app/' }, [
      'download-artifacts',
    ]).policy.Statement;
    expect(narrow).toContainEqual({
      Sid: 'S3Artifacts',
      Effect: 'Allow',
      Action: ['s3:GetObject'],
      Resource: 'arn:aws:s3:::art/app/*',
    });
    expect(narrow).toContainEqual({
      Sid: 'S3ArtifactsList',
      Effect: 'Allow',
      Action: ['s3:ListBucket'],
      Resource: 'arn:aws:s3:::art',
    });
    expect(actionsOf(narrow)).not.toContain('codebuild:BatchGetReports');
    const open = iamPolicy(['build'], scope, ['download-artifacts']).policy.Statement;
    expect(open.find((s) => s.Sid === 'S3Artifacts')?.Resource).toBe('arn:aws:s3:::*/*');
  });

  test('aws-cicd iam-policy build --download-artifacts --artifacts-bucket --test-reports', async () => {
    const run = await runCli([
      'iam-policy',
      'build',
      '--region',
      'eu-west-1',
      '--account',
      '123456789012',
      '--project',
      'app',
      '--download-artifacts',
      '--artifacts-bucket',
      'art',
      '--test-reports',
    ]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(
      iamPolicy(['build'], { ...scope, artifactsBucket: 'art' }, ['download-artifacts', 'test-reports']).policy,
    );
    expect(run.stdout).toContain('arn:aws:s3:::art/*');
    const plain = await runCli(['iam-policy', 'build', '--project', 'app']);
    expect(plain.stdout).not.toMatch(/s3:GetObject|BatchGetReports/);
    const help = await runCli(['iam-policy', '--help']);
    expect(help.stdout).toMatch(/--artifacts-bucket NAME[\s\S]*without it[\s\S]*every bucket/);
  });
});
