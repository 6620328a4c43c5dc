/**
 * Following CodePipeline and CodeDeploy, against the emulator (the deploy agent really runs the appspec's hooks; the
 * pipeline's build really runs): the action processes (dist/pipeline, dist/deploy) follow an execution whose build
 * runs two minutes (as in the follow bench) and a one-minute deployment. Figures: the mean time between status
 * reads of a followed resource (goal: at most one per 5 s), every call per minute, and the pipeline's build action's
 * calls per build-minute (it reuses the build follower: ≤ 2.6).
 */
import { CodeBuildClient, CreateProjectCommand } from '@aws-sdk/client-codebuild';
import { CodeCommitClient, CreateRepositoryCommand } from '@aws-sdk/client-codecommit';
import { CodeDeployClient, CreateApplicationCommand, CreateDeploymentGroupCommand } from '@aws-sdk/client-codedeploy';
import { CodePipelineClient, CreatePipelineCommand } from '@aws-sdk/client-codepipeline';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { awsEnv, ROLE, startBuildEmulator } from '../test/codebuild/emulator-support.js';
import { clientConfig } from '../test/emulator/helpers.js';
import {
  codeBuildStage,
  codeCommitSourceStage,
  pipelineDeclaration,
} from '../test/harness/aws/codepipeline/declarations.js';
import type { Emulator } from '../test/harness/aws/server.js';
import { startAction } from './support/action.js';
import type { Figure, Figures } from './support/figures.js';

const root = new URL('..', import.meta.url).pathname;
const BUILD = `version: 0.2
phases:
  build:
    commands:
      - for i in $(seq 1 240); do echo "line $i"; sleep 0.5; done
`;

type Counts = Map<string, number>;

function sum(counts: Counts, service: string, operations?: readonly string[]): number {
  let n = 0;
  for (const [key, value] of counts) {
    const [s, op] = key.split(':');
    if (s === service && (operations === undefined || operations.includes(op as string))) n += value;
  }
  return n;
}

/** The mean time between `reads` status reads over `minutes` (goal: at most one per 5 s). */
function cadence(name: string, reads: number, minutes: number, code: number | null): Figure {
  return {
    name,
    value: (minutes * 60) / Math.max(1, reads - 1),
    unit: 's',
    detail: `${reads} reads over ${minutes.toFixed(2)} min; exit code ${code}`,
    goal: ['>=', 5],
  };
}

export async function benchServices(): Promise<Figures> {
  const missing = ['pipeline', 'deploy'].filter((n) => !existsSync(path.join(root, 'dist', n, 'index.js')));
  if (missing.length > 0)
    return [{ name: 'skipped', value: `dist/${missing.join(', dist/')} missing: run \`npm run bundle\`` }];
  const counts: Counts = new Map();
  const emulator = await startBuildEmulator({
    onRequest: (e) => counts.set(`${e.service}:${e.operation}`, (counts.get(`${e.service}:${e.operation}`) ?? 0) + 1),
  });
  const work = mkdtempSync(path.join(tmpdir(), 'aws-cicd-bench-services-'));
  try {
    const [pipeline, deploy] = await Promise.all([
      pipelineFigures(emulator, work, counts),
      deployFigures(emulator, work, counts),
    ]);
    return [...pipeline, ...deploy];
  } finally {
    await emulator.close();
    rmSync(work, { recursive: true, force: true });
  }
}

async function pipelineFigures(emulator: Emulator, work: string, counts: Counts): Promise<Figures> {
  const codecommit = new CodeCommitClient(clientConfig(emulator));
  await codecommit.send(new CreateRepositoryCommand({ repositoryName: 'app' }));
  codecommit.destroy();
  const clone = path.join(work, 'clone');
  execFileSync('git', ['clone', '-q', emulator.state.codecommit.path('app'), clone], { stdio: 'ignore' });
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', clone, '-c', 'user.name=t', '-c', 'user.email=t@e', ...args], {
      encoding: 'utf8',
    }).trim();
  git('checkout', '-q', '-b', 'main');
  writeFileSync(path.join(clone, 'buildspec.yml'), BUILD);
  git('add', '-A');
  git('commit', '-q', '-m', 'a two-minute build');
  git('push', '-q', 'origin', 'main');
  const head = git('rev-parse', 'HEAD');
  const codebuild = new CodeBuildClient(clientConfig(emulator));
  await codebuild.send(
    new CreateProjectCommand({
      name: 'app',
      source: { type: 'CODEPIPELINE' },
      artifacts: { type: 'CODEPIPELINE' },
      environment: {
        type: 'LINUX_CONTAINER',
        image: 'aws/codebuild/standard:7.0',
        computeType: 'BUILD_GENERAL1_SMALL',
      },
      serviceRole: ROLE,
    }),
  );
  codebuild.destroy();
  const before = new Map(counts);
  const client = new CodePipelineClient(clientConfig(emulator));
  await client.send(
    new CreatePipelineCommand({
      pipeline: pipelineDeclaration('bench', [
        codeCommitSourceStage({ repository: 'app' }),
        codeBuildStage({ project: 'app' }),
      ]),
    }),
  );
  client.destroy();
  const started = Date.now();
  const run = startAction(
    path.join(root, 'dist/pipeline/index.js'),
    {
      ...awsEnv(emulator),
      GITHUB_WORKSPACE: work,
      GITHUB_SHA: head,
      GITHUB_EVENT_NAME: 'push',
      GITHUB_REPOSITORY: 'octo/app',
    },
    { 'pipeline-name': 'bench' },
  );
  const exit = await run.exited;
  const delta: Counts = new Map([...counts].map(([k, v]) => [k, v - (before.get(k) ?? 0)]));
  const minutes = (exit.at - started) / 60_000;
  const builds = [...emulator.state.codebuild.builds.values()].filter((b) => b.build.projectName === 'app');
  const buildMinutes = builds.reduce((s, b) => s + ((b.build.endTime ?? 0) - (b.build.startTime ?? 0)) / 60, 0);
  const status = sum(delta, 'codepipeline', ['GetPipelineExecution']);
  return [
    cadence('pipeline: mean time between status reads (GetPipelineExecution)', status, minutes, exit.code),
    {
      name: 'pipeline: CodePipeline calls per minute (the execution and its actions)',
      value: sum(delta, 'codepipeline', ['GetPipelineExecution', 'ListActionExecutions']) / minutes,
      goal: ['<=', 12 * 2],
    },
    {
      name: "pipeline: its build's calls per build-minute (CodeBuild and Logs)",
      value: (sum(delta, 'codebuild') + sum(delta, 'logs')) / buildMinutes,
      detail: `${sum(delta, 'codebuild') + sum(delta, 'logs')} calls over ${buildMinutes.toFixed(2)} build-minutes`,
      goal: ['<=', 2.6],
    },
  ];
}

async function deployFigures(emulator: Emulator, work: string, counts: Counts): Promise<Figures> {
  const s3 = new S3Client({ ...clientConfig(emulator), forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: 'bundles' }));
  s3.destroy();
  const cd = new CodeDeployClient(clientConfig(emulator));
  await cd.send(new CreateApplicationCommand({ applicationName: 'web', computePlatform: 'Server' }));
  emulator.state.codedeploy.registerInstance('web-1', { tags: { group: 'prod' } });
  await cd.send(
    new CreateDeploymentGroupCommand({
      applicationName: 'web',
      deploymentGroupName: 'prod',
      serviceRoleArn: 'arn:aws:iam::000000000000:role/codedeploy',
      onPremisesInstanceTagFilters: [{ Key: 'group', Value: 'prod', Type: 'KEY_AND_VALUE' }],
    }),
  );
  cd.destroy();
  const folder = path.join(work, 'deploy');
  mkdirSync(path.join(folder, 'scripts'), { recursive: true });
  writeFileSync(
    path.join(folder, 'appspec.yml'),
    'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: scripts/wait.sh\n  ValidateService:\n    - location: scripts/wait.sh\n',
  );
  writeFileSync(path.join(folder, 'scripts/wait.sh'), '#!/bin/sh\nsleep 30\n', { mode: 0o755 });
  const before = new Map(counts);
  const started = Date.now();
  const run = startAction(
    path.join(root, 'dist/deploy/index.js'),
    { ...awsEnv(emulator), GITHUB_WORKSPACE: work, GITHUB_SHA: 'a'.repeat(40) },
    { application: 'web', 'deployment-group': 'prod', folder: 'deploy', bucket: 'bundles' },
  );
  const exit = await run.exited;
  const minutes = (exit.at - started) / 60_000;
  const delta: Counts = new Map([...counts].map(([k, v]) => [k, v - (before.get(k) ?? 0)]));
  const status = sum(delta, 'codedeploy', ['GetDeployment']);
  return [
    cadence('deploy: mean time between status reads (GetDeployment)', status, minutes, exit.code),
    {
      name: 'deploy: CodeDeploy calls per minute (status and targets)',
      value: sum(delta, 'codedeploy') / minutes,
      detail: [...delta]
        .filter(([k, v]) => k.startsWith('codedeploy') && v > 0)
        .map(([k, v]) => `${k.split(':')[1]} ${v}`)
        .join(', '),
    },
  ];
}
