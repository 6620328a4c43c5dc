/**
 * A build's results, as CodeBuild keeps them, from real builds (the local runner through RunnerExecutor): S3
 * artifacts at CodeBuild's keys in the emulated S3 (read back with the S3 SDK client), report groups and reports
 * of the buildspec's `reports:` (read back with the CodeBuild SDK client), answers checked against botocore's model.
 */
import {
  BatchGetBuildBatchesCommand,
  BatchGetBuildsCommand,
  BatchGetReportGroupsCommand,
  BatchGetReportsCommand,
  CodeBuildClient,
  CreateReportGroupCommand,
  DescribeCodeCoveragesCommand,
  DescribeTestCasesCommand,
  ListReportGroupsCommand,
  ListReportsCommand,
  ListReportsForReportGroupCommand,
  StartBuildBatchCommand,
  StartBuildCommand,
} from '@aws-sdk/client-codebuild';
import type {
  Build,
  CreateProjectCommandInput,
  DescribeTestCasesCommandOutput,
  TestCase,
} from '@aws-sdk/client-codebuild';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { readZip } from '../harness/aws/codedeploy/archive.js';
import type { Emulator } from '../harness/aws/server.js';
import { createProject, gitRepo, ROLE, startBuildEmulator, storedLog } from '../codebuild/emulator-support.js';
import { botocoreModel, RecordingHandler, shapeProblems } from './botocore-shapes.js';
import { eventually, rejectionOf } from './helpers.js';

let emulator: Emulator;
let codebuild: CodeBuildClient;
let s3: S3Client;
const recorder = new RecordingHandler();
const cleanups: (() => void)[] = [];

beforeAll(async () => {
  emulator = await startBuildEmulator();
  const config = {
    endpoint: emulator.url,
    region: emulator.region,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  };
  codebuild = new CodeBuildClient({ ...config, requestHandler: recorder });
  s3 = new S3Client({ ...config, forcePathStyle: true });
  emulator.state.s3.createBucket('artifacts');
});
afterAll(async () => {
  codebuild.destroy();
  s3.destroy();
  await emulator.close();
  for (const cleanup of cleanups) cleanup();
});

/** A project building a git repository holding `files` (buildspec.yml among them). */
async function project(name: string, files: Record<string, string>, extra: Partial<CreateProjectCommandInput> = {}) {
  const repo = gitRepo(files);
  cleanups.push(repo.cleanup);
  await createProject(emulator, name, repo.dir, extra);
}

async function build(projectName: string): Promise<Build> {
  const { build: started } = await codebuild.send(new StartBuildCommand({ projectName }));
  await emulator.state.codebuild.build(started?.id ?? '')?.done;
  const { builds } = await codebuild.send(new BatchGetBuildsCommand({ ids: [started?.id ?? ''] }));
  const done = builds?.[0];
  if (!done) throw new Error('build not found');
  return done;
}

const uuidOf = (b: Build): string => (b.id ?? '').split(':')[1] ?? '';

async function object(key: string, bucket = 'artifacts'): Promise<Buffer> {
  const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return Buffer.from(await (got.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray());
}

async function keys(prefix: string, bucket = 'artifacts'): Promise<string[]> {
  const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
  return (listed.Contents ?? []).map((o) => o.Key ?? '').sort();
}

const zipEntries = (zip: Buffer): Record<string, string> =>
  Object.fromEntries(
    readZip(zip)
      .filter((e) => e.type === 'file')
      .map((e) => [e.name, e.data.toString('utf8')]),
  );

const OUTPUT = [
  'version: 0.2',
  'phases:',
  '  build:',
  '    commands:',
  '      - mkdir -p out/sub docs',
  '      - echo alpha > out/a.txt',
  '      - echo "beta $CODEBUILD_BUILD_NUMBER" > out/sub/b.txt',
  '      - echo manual > docs/guide.md',
];

describe('S3 artifacts', () => {
  test('ZIP at path/<build uuid>/<buildspec name> (namespaceType BUILD_ID, overrideArtifactName)', async () => {
    await project(
      'zipped',
      {
        'buildspec.yml': [
          ...OUTPUT,
          'artifacts:',
          '  files: ["**/*"]',
          '  base-directory: out',
          '  name: app-$CODEBUILD_BUILD_NUMBER.zip',
        ].join('\n'),
      },
      {
        artifacts: {
          type: 'S3',
          location: 'artifacts',
          path: 'releases',
          namespaceType: 'BUILD_ID',
          name: 'project-name.zip',
          packaging: 'ZIP',
          overrideArtifactName: true,
        },
      },
    );
    const done = await build('zipped');
    expect(done.buildStatus).toBe('SUCCEEDED');
    const key = `releases/${uuidOf(done)}/app-1.zip`;
    expect(await keys('releases/')).toEqual([key]);
    const zip = await object(key);
    expect(zipEntries(zip)).toEqual({ 'a.txt': 'alpha\n', 'sub/b.txt': 'beta 1\n' });
    expect(done.artifacts).toEqual({
      location: `arn:aws:s3:::artifacts/${key}`,
      sha256sum: createHash('sha256').update(zip).digest('hex'),
      md5sum: createHash('md5').update(zip).digest('hex'),
      encryptionDisabled: false,
      overrideArtifactName: true,
    });
  });

  test('without overrideArtifactName the project name holds; NONE packaging lays the files out under the key', async () => {
    await project(
      'folder',
      {
        'buildspec.yml': [...OUTPUT, 'artifacts:', '  files: ["out/**/*", "docs/*"]', '  name: from-buildspec'].join(
          '\n',
        ),
      },
      { artifacts: { type: 'S3', location: 'artifacts', path: 'sites/', name: 'site', packaging: 'NONE' } },
    );
    const done = await build('folder');
    expect(done.buildStatus).toBe('SUCCEEDED');
    expect(await keys('sites/')).toEqual([
      'sites/site/docs/guide.md',
      'sites/site/out/a.txt',
      'sites/site/out/sub/b.txt',
    ]);
    expect((await object('sites/site/out/sub/b.txt')).toString()).toBe('beta 1\n');
    // No checksums: they exist "only if the build project's packaging value is set to ZIP".
    expect(done.artifacts).toEqual({ location: 'arn:aws:s3:::artifacts/sites/site', encryptionDisabled: false });
  });

  test('secondary artifacts go where their project definitions say; Build.secondaryArtifacts lists them', async () => {
    await project(
      'several',
      {
        'buildspec.yml': [
          ...OUTPUT,
          'artifacts:',
          '  files: [out/a.txt]',
          '  secondary-artifacts:',
          '    bin:',
          '      files: ["out/**/*"]',
          '      discard-paths: yes',
          '    manual:',
          '      base-directory: docs',
          '      files: ["*"]',
        ].join('\n'),
      },
      {
        artifacts: { type: 'NO_ARTIFACTS' },
        secondaryArtifacts: [
          { type: 'S3', location: 'artifacts', name: 'bin.zip', packaging: 'ZIP', artifactIdentifier: 'bin' },
          {
            type: 'S3',
            location: 'artifacts',
            path: 'docs',
            namespaceType: 'BUILD_ID',
            name: '/',
            artifactIdentifier: 'manual',
          },
        ],
      },
    );
    const done = await build('several');
    expect(done.buildStatus).toBe('SUCCEEDED');
    const uuid = uuidOf(done);
    expect(zipEntries(await object('bin.zip'))).toEqual({ 'a.txt': 'alpha\n', 'b.txt': 'beta 1\n' });
    expect(await keys('docs/')).toEqual([`docs/${uuid}/guide.md`]);
    expect(done.artifacts).toEqual({ location: '' });
    expect(done.secondaryArtifacts).toEqual([
      expect.objectContaining({ artifactIdentifier: 'bin', location: 'arn:aws:s3:::artifacts/bin.zip' }),
      { artifactIdentifier: 'manual', location: `arn:aws:s3:::artifacts/docs/${uuid}`, encryptionDisabled: false },
    ]);
  });

  test('a missing bucket fails UPLOAD_ARTIFACTS with CLIENT_ERROR', async () => {
    await project(
      'nobucket',
      { 'buildspec.yml': [...OUTPUT, 'artifacts:', '  files: [out/a.txt]'].join('\n') },
      {
        artifacts: { type: 'S3', location: 'no-such-bucket', name: 'x.zip', packaging: 'ZIP' },
      },
    );
    const done = await build('nobucket');
    expect(done.buildStatus).toBe('FAILED');
    const upload = done.phases?.find((p) => p.phaseType === 'UPLOAD_ARTIFACTS');
    expect(upload?.phaseStatus).toBe('FAILED');
    expect(upload?.contexts?.[0]?.statusCode).toBe('CLIENT_ERROR');
    expect(upload?.contexts?.[0]?.message).toMatch(/NoSuchBucket/);
  });

  test('each build of a batch uploads its own artifact under its own build id', async () => {
    await project(
      'batched',
      {
        'buildspec.yml': [
          'version: 0.2',
          'batch:',
          '  build-list:',
          '    - identifier: linux',
          '    - identifier: arm',
          'phases:',
          '  build:',
          '    commands:',
          '      - echo "$CODEBUILD_BATCH_BUILD_IDENTIFIER" > which.txt',
          'artifacts:',
          '  files: [which.txt]',
        ].join('\n'),
      },
      {
        artifacts: {
          type: 'S3',
          location: 'artifacts',
          path: 'batch',
          namespaceType: 'BUILD_ID',
          name: 'out.zip',
          packaging: 'ZIP',
        },
        buildBatchConfig: { serviceRole: ROLE },
      },
    );
    const { buildBatch } = await codebuild.send(new StartBuildBatchCommand({ projectName: 'batched' }));
    const done = await eventually(async () => {
      const { buildBatches } = await codebuild.send(new BatchGetBuildBatchesCommand({ ids: [buildBatch?.id ?? ''] }));
      return buildBatches?.[0]?.complete ? buildBatches[0] : undefined;
    }, 2000);
    expect(done.buildBatchStatus).toBe('SUCCEEDED');
    const children = (done.buildGroups ?? []).filter((g) => g.identifier === 'linux' || g.identifier === 'arm');
    expect(children).toHaveLength(2);
    const { builds } = await codebuild.send(
      new BatchGetBuildsCommand({ ids: children.map((g) => g.currentBuildSummary?.arn ?? '') }),
    );
    const expected: string[] = [];
    for (const child of builds ?? []) {
      const key = `batch/${uuidOf(child)}/out.zip`;
      expected.push(key);
      expect(child.artifacts?.location).toBe(`arn:aws:s3:::artifacts/${key}`);
      const identifier = children.find((g) => g.currentBuildSummary?.arn === child.arn)?.identifier;
      expect(zipEntries(await object(key))).toEqual({ 'which.txt': `${identifier ?? '?'}\n` });
    }
    expect(await keys('batch/')).toEqual(expected.sort());
  });
});

const JUNIT = `<?xml version="1.0"?>
<testsuites>
  <testsuite name="calc" tests="3" failures="1">
    <testcase classname="calc.Add" name="adds" time="0.5"/>
    <testcase classname="calc.Add" name="carries" time="0.25"/>
    <testcase classname="calc.Div" name="divides by zero" time="0.125"><failure message="expected Infinity">at div</failure></testcase>
  </testsuite>
</testsuites>
`;

const CLOVER = `<?xml version="1.0"?>
<coverage generated="1" clover="4.4">
  <project timestamp="1">
    <metrics statements="10" coveredstatements="7" conditionals="4" coveredconditionals="2"/>
    <file name="a.js" path="src/a.js"><metrics statements="6" coveredstatements="6" conditionals="2" coveredconditionals="2"/></file>
    <file name="b.js" path="src/b.js"><metrics statements="4" coveredstatements="1" conditionals="2" coveredconditionals="0"/></file>
  </project>
</coverage>
`;

const REPORTS_BUILDSPEC = [
  'version: 0.2',
  'phases:',
  '  build:',
  '    commands:',
  '      - echo testing',
  'reports:',
  '  unit:',
  '    files: [junit.xml]',
  '    file-format: JUNITXML',
  '  coverage:',
  '    files: [clover.xml]',
  '    file-format: CLOVERXML',
].join('\n');

const groupArn = (name: string) => `arn:aws:codebuild:us-east-1:000000000000:report-group/${name}`;
/** The first build of the project `tested` (a test and a coverage report). */
let first: Build;
/** The 2,500-case report. */
let bigReportArn = '';

describe('reports', () => {
  beforeAll(async () => {
    await project('tested', { 'buildspec.yml': REPORTS_BUILDSPEC, 'junit.xml': JUNIT, 'clover.xml': CLOVER });
    first = await build('tested');
  });

  test('a test report: the group <project>-<name> made on first use, counts, status, reportArns', async () => {
    const uuid = uuidOf(first);
    const testArn = `arn:aws:codebuild:us-east-1:000000000000:report/tested-unit:${uuid}`;
    const coverageArn = `arn:aws:codebuild:us-east-1:000000000000:report/tested-coverage:${uuid}`;
    expect(first.reportArns).toEqual([testArn, coverageArn]);

    const { reportGroups } = await codebuild.send(
      new BatchGetReportGroupsCommand({ reportGroupArns: [groupArn('tested-unit'), groupArn('nope')] }),
    );
    expect(reportGroups).toEqual([
      expect.objectContaining({
        arn: groupArn('tested-unit'),
        name: 'tested-unit',
        type: 'TEST',
        status: 'ACTIVE',
        exportConfig: { exportConfigType: 'NO_EXPORT' },
      }),
    ]);

    const { reports, reportsNotFound } = await codebuild.send(
      new BatchGetReportsCommand({ reportArns: [testArn, `${testArn}x`] }),
    );
    expect(reportsNotFound).toEqual([`${testArn}x`]);
    expect(reports?.[0]).toMatchObject({
      arn: testArn,
      type: 'TEST',
      reportGroupArn: groupArn('tested-unit'),
      executionId: first.arn,
      status: 'FAILED',
      testSummary: {
        total: 3,
        statusCounts: { SUCCEEDED: 2, FAILED: 1, ERROR: 0, SKIPPED: 0, UNKNOWN: 0 },
        durationInNanoSeconds: 875_000_000,
      },
    });
    const report = reports?.[0];
    expect((report?.expired?.getTime() ?? 0) - (report?.created?.getTime() ?? 0)).toBe(30 * 24 * 3600 * 1000);

    const failed = await codebuild.send(
      new DescribeTestCasesCommand({ reportArn: testArn, filter: { status: 'FAILED' } }),
    );
    expect(failed.testCases).toEqual([
      expect.objectContaining({
        reportArn: testArn,
        prefix: 'calc.Div',
        name: 'divides by zero',
        status: 'FAILED',
        durationInNanoSeconds: 125_000_000,
        testRawDataPath: 'junit.xml',
        message: expect.stringContaining('expected Infinity') as string,
      }),
    ]);
    const byKeyword = await codebuild.send(
      new DescribeTestCasesCommand({ reportArn: testArn, filter: { keyword: 'calc.Add' } }),
    );
    expect(byKeyword.testCases?.map((c) => c.name)).toEqual(['adds', 'carries']);
  });

  test('a second build adds a report to the same group; the list operations find them', async () => {
    const second = await build('tested');
    const secondArn = `arn:aws:codebuild:us-east-1:000000000000:report/tested-unit:${uuidOf(second)}`;
    expect(second.reportArns?.[0]).toBe(secondArn);
    const inGroup = await codebuild.send(
      new ListReportsForReportGroupCommand({ reportGroupArn: groupArn('tested-unit') }),
    );
    expect(inGroup.reports).toEqual([secondArn, first.reportArns?.[0]]);
    const ascending = await codebuild.send(
      new ListReportsForReportGroupCommand({
        reportGroupArn: groupArn('tested-unit'),
        sortOrder: 'ASCENDING',
        maxResults: 1,
      }),
    );
    expect(ascending.reports).toEqual([first.reportArns?.[0]]);
    const rest = await codebuild.send(
      new ListReportsForReportGroupCommand({
        reportGroupArn: groupArn('tested-unit'),
        sortOrder: 'ASCENDING',
        maxResults: 1,
        nextToken: ascending.nextToken,
      }),
    );
    expect(rest).toMatchObject({ reports: [secondArn] });
    expect(rest.nextToken).toBeUndefined();
    const all = await codebuild.send(new ListReportsCommand({ filter: { status: 'FAILED' } }));
    expect(all.reports).toEqual(expect.arrayContaining([secondArn, first.reportArns?.[0]]));
    expect(all.reports).not.toContain(first.reportArns?.[1]);
    const groups = await codebuild.send(new ListReportGroupsCommand({ sortBy: 'NAME', sortOrder: 'ASCENDING' }));
    expect(groups.reportGroups).toEqual(expect.arrayContaining([groupArn('tested-coverage'), groupArn('tested-unit')]));
    expect(groups.reportGroups?.filter((g) => g.includes('tested-'))).toEqual([
      groupArn('tested-coverage'),
      groupArn('tested-unit'),
    ]);
    const missing = await rejectionOf(
      codebuild.send(new ListReportsForReportGroupCommand({ reportGroupArn: groupArn('no-such-group') })),
    );
    expect(missing.name).toBe('ResourceNotFoundException');
  });

  test('a coverage report: summary and per-file entries with DescribeCodeCoverages filters and sorting', async () => {
    const arn = first.reportArns?.[1] ?? '';
    const { reports } = await codebuild.send(new BatchGetReportsCommand({ reportArns: [arn] }));
    expect(reports?.[0]).toMatchObject({
      type: 'CODE_COVERAGE',
      status: 'SUCCEEDED',
      codeCoverageSummary: {
        lineCoveragePercentage: 70,
        linesCovered: 7,
        linesMissed: 3,
        branchCoveragePercentage: 50,
        branchesCovered: 2,
        branchesMissed: 2,
      },
    });
    expect(reports?.[0]?.testSummary).toBeUndefined();
    const byPath = await codebuild.send(new DescribeCodeCoveragesCommand({ reportArn: arn }));
    expect(
      byPath.codeCoverages?.map((c) => [c.filePath, c.lineCoveragePercentage, c.branchCoveragePercentage]),
    ).toEqual([
      ['src/a.js', 100, 100],
      ['src/b.js', 25, 0],
    ]);
    expect(byPath.codeCoverages?.[1]).toMatchObject({
      reportARN: arn,
      linesCovered: 1,
      linesMissed: 3,
      branchesMissed: 2,
    });
    const lowFirst = await codebuild.send(
      new DescribeCodeCoveragesCommand({ reportArn: arn, sortBy: 'LINE_COVERAGE_PERCENTAGE', sortOrder: 'ASCENDING' }),
    );
    expect(lowFirst.codeCoverages?.map((c) => c.filePath)).toEqual(['src/b.js', 'src/a.js']);
    const wellCovered = await codebuild.send(
      new DescribeCodeCoveragesCommand({ reportArn: arn, minLineCoveragePercentage: 50 }),
    );
    expect(wellCovered.codeCoverages?.map((c) => c.filePath)).toEqual(['src/a.js']);
    const poorlyCovered = await codebuild.send(
      new DescribeCodeCoveragesCommand({ reportArn: arn, maxLineCoveragePercentage: 25 }),
    );
    expect(poorlyCovered.codeCoverages?.map((c) => c.filePath)).toEqual(['src/b.js']);
    const paged = await codebuild.send(new DescribeCodeCoveragesCommand({ reportArn: arn, maxResults: 1 }));
    expect(paged.codeCoverages?.map((c) => c.filePath)).toEqual(['src/a.js']);
    const next = await codebuild.send(
      new DescribeCodeCoveragesCommand({ reportArn: arn, maxResults: 1, nextToken: paged.nextToken }),
    );
    expect(next.codeCoverages?.map((c) => c.filePath)).toEqual(['src/b.js']);
    expect(next.nextToken).toBeUndefined();
  });

  test('a buildspec naming a report group by ARN reports into it; a missing one is logged, not created', async () => {
    const { reportGroup } = await codebuild.send(
      new CreateReportGroupCommand({
        name: 'shared-tests',
        type: 'TEST',
        exportConfig: { exportConfigType: 'NO_EXPORT' },
      }),
    );
    expect(reportGroup?.arn).toBe(groupArn('shared-tests'));
    const again = await rejectionOf(
      codebuild.send(
        new CreateReportGroupCommand({
          name: 'shared-tests',
          type: 'TEST',
          exportConfig: { exportConfigType: 'NO_EXPORT' },
        }),
      ),
    );
    expect(again.name).toBe('ResourceAlreadyExistsException');
    await project('by-arn', {
      'buildspec.yml': [
        'version: 0.2',
        'phases:',
        '  build:',
        '    commands: [echo hi]',
        'reports:',
        `  ${groupArn('shared-tests')}:`,
        '    files: [junit.xml]',
        `  ${groupArn('missing-group')}:`,
        '    files: [junit.xml]',
      ].join('\n'),
      'junit.xml': JUNIT,
    });
    const done = await build('by-arn');
    expect(done.reportArns).toEqual([`arn:aws:codebuild:us-east-1:000000000000:report/shared-tests:${uuidOf(done)}`]);
    const { reportGroups } = await codebuild.send(
      new BatchGetReportGroupsCommand({ reportGroupArns: [groupArn('missing-group')] }),
    );
    expect(reportGroups).toEqual([]);
    expect(storedLog(emulator, done.id ?? '').join('\n')).toContain(
      `report group ${groupArn('missing-group')} does not exist`,
    );
  });

  test('DescribeTestCases pages over a 2,500-case report: every case exactly once; maxResults is 1–100', async () => {
    const cases = Array.from({ length: 2500 }, (_, i) =>
      i % 10 === 3
        ? `<testcase classname="big.S${i % 7}" name="case ${i}" time="0.001"><failure>no</failure></testcase>`
        : `<testcase classname="big.S${i % 7}" name="case ${i}" time="0.001"/>`,
    );
    await project('big', {
      'buildspec.yml': [
        'version: 0.2',
        'phases:',
        '  build:',
        '    commands: [echo hi]',
        'reports:',
        '  all:',
        '    files: [big.xml]',
      ].join('\n'),
      'big.xml': `<testsuite name="big">${cases.join('\n')}</testsuite>`,
    });
    const done = await build('big');
    const arn = done.reportArns?.[0] ?? '';
    bigReportArn = arn;
    const { reports } = await codebuild.send(new BatchGetReportsCommand({ reportArns: [arn] }));
    expect(reports?.[0]?.testSummary).toMatchObject({ total: 2500, statusCounts: { SUCCEEDED: 2250, FAILED: 250 } });

    const seen = new Map<string, number>();
    let token: string | undefined;
    let pages = 0;
    do {
      const got: DescribeTestCasesCommandOutput = await codebuild.send(
        new DescribeTestCasesCommand({ reportArn: arn, maxResults: 100, nextToken: token }),
      );
      expect(got.testCases?.length).toBeLessThanOrEqual(100);
      for (const c of got.testCases ?? []) seen.set(c.name ?? '', (seen.get(c.name ?? '') ?? 0) + 1);
      token = got.nextToken;
      pages++;
    } while (token !== undefined);
    expect(pages).toBe(25);
    expect(seen.size).toBe(2500);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);

    const defaultPage = await codebuild.send(new DescribeTestCasesCommand({ reportArn: arn }));
    expect(defaultPage.testCases).toHaveLength(100);
    const failedOnly: TestCase[] = [];
    token = undefined;
    do {
      const got: DescribeTestCasesCommandOutput = await codebuild.send(
        new DescribeTestCasesCommand({ reportArn: arn, filter: { status: 'FAILED' }, nextToken: token }),
      );
      failedOnly.push(...(got.testCases ?? []));
      token = got.nextToken;
    } while (token !== undefined);
    expect(failedOnly).toHaveLength(250);
    expect(failedOnly.every((c) => c.status === 'FAILED')).toBe(true);

    const tooMany = await rejectionOf(
      codebuild.send(new DescribeTestCasesCommand({ reportArn: arn, maxResults: 1000 })),
    );
    expect(tooMany.name).toBe('InvalidInputException');
    const foreignToken = await rejectionOf(
      codebuild.send(
        new DescribeTestCasesCommand({
          reportArn: arn,
          filter: { status: 'FAILED' },
          nextToken: defaultPage.nextToken,
        }),
      ),
    );
    expect(foreignToken.name).toBe('InvalidInputException');
    const unknown = await rejectionOf(codebuild.send(new DescribeTestCasesCommand({ reportArn: `${arn}0` })));
    expect(unknown.name).toBe('ResourceNotFoundException');
  });
});

const model = botocoreModel('codebuild');
if (!model) console.warn('botocore model not found: skipping the shape checks (apt-get install python3-botocore)');
(model ? describe : describe.skip)("answers match botocore's CodeBuild model", () => {
  test('the check itself finds an unknown member, a wrong enum and a missing required member', () => {
    const wrong = { reports: [{ arn: 'a', bogus: 1, status: 'DONE', testSummary: { total: 1, statusCounts: {} } }] };
    expect(shapeProblems(model as NonNullable<typeof model>, 'BatchGetReportsOutput', wrong)).toEqual([
      '$.reports[0].bogus: not a member of Report',
      '$.reports[0].status: expected one of GENERATING|SUCCEEDED|FAILED|INCOMPLETE|DELETING (ReportStatusType), got "DONE"',
      '$.reports[0].testSummary.durationInNanoSeconds: required by TestReportSummary, missing',
    ]);
  });

  test.each([
    ['BatchGetBuilds', (b: Build) => new BatchGetBuildsCommand({ ids: [b.id ?? ''] })],
    ['BatchGetReports', (b: Build) => new BatchGetReportsCommand({ reportArns: b.reportArns ?? [] })],
    [
      'DescribeTestCases',
      (b: Build) => new DescribeTestCasesCommand({ reportArn: b.reportArns?.[0] ?? '', maxResults: 2 }),
    ],
    ['DescribeCodeCoverages', (b: Build) => new DescribeCodeCoveragesCommand({ reportArn: b.reportArns?.[1] ?? '' })],
    ['BatchGetReportGroups', () => new BatchGetReportGroupsCommand({ reportGroupArns: [groupArn('tested-unit')] })],
    ['ListReportGroups', () => new ListReportGroupsCommand({ maxResults: 1 })],
    ['ListReports', () => new ListReportsCommand({})],
  ] as const)('%s', async (operation, command) => {
    if (!first) throw new Error('the reports tests build first');
    await codebuild.send(command(first) as never);
    const body = JSON.parse(recorder.bodies.at(-1) ?? '{}') as Record<string, unknown>;
    expect(Object.keys(body).length).toBeGreaterThan(0);
    expect(
      shapeProblems(model as NonNullable<typeof model>, model?.operations[operation]?.output?.shape ?? '', body),
    ).toEqual([]);
  });
});

const AWS_CLI = '/usr/bin/aws';
if (!existsSync(AWS_CLI)) console.warn(`${AWS_CLI} not found: skipping the AWS CLI checks (apt-get install awscli)`);
(existsSync(AWS_CLI) ? describe : describe.skip)("Debian's AWS CLI reads the results", () => {
  async function aws(...args: string[]): Promise<string> {
    const { stdout } = await promisify(execFile)(AWS_CLI, ['--endpoint-url', emulator.url, ...args], {
      maxBuffer: 64 * 1024 * 1024,
      env: {
        PATH: process.env.PATH,
        HOME: '/nonexistent',
        AWS_ACCESS_KEY_ID: 'test',
        AWS_SECRET_ACCESS_KEY: 'test',
        AWS_DEFAULT_REGION: 'us-east-1',
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_CONFIG_FILE: '/dev/null',
        AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
        AWS_PAGER: '',
      },
    });
    return stdout;
  }

  test('describe-test-cases follows every page of the 2,500-case report; batch-get-reports', async () => {
    if (!bigReportArn || !first) throw new Error('the reports tests build first');
    const listed = JSON.parse(
      await aws('codebuild', 'describe-test-cases', '--report-arn', bigReportArn, '--output', 'json'),
    ) as { testCases: { name: string; status: string }[] };
    expect(listed.testCases).toHaveLength(2500);
    expect(new Set(listed.testCases.map((c) => c.name)).size).toBe(2500);
    const failed = JSON.parse(
      await aws(
        'codebuild',
        'describe-test-cases',
        '--report-arn',
        first.reportArns?.[0] ?? '',
        '--filter',
        'status=FAILED',
        '--output',
        'json',
      ),
    ) as { testCases: { name: string; prefix: string; durationInNanoSeconds: number }[] };
    expect(failed.testCases).toEqual([
      expect.objectContaining({ prefix: 'calc.Div', name: 'divides by zero', durationInNanoSeconds: 125_000_000 }),
    ]);
    const got = JSON.parse(
      await aws('codebuild', 'batch-get-reports', '--report-arns', ...(first.reportArns ?? []), '--output', 'json'),
    ) as {
      reports: { arn: string; testSummary?: { total: number }; codeCoverageSummary?: { linesCovered: number } }[];
    };
    expect(got.reports.map((r) => [r.arn, r.testSummary?.total, r.codeCoverageSummary?.linesCovered])).toEqual([
      [first.reportArns?.[0], 3, undefined],
      [first.reportArns?.[1], undefined, 7],
    ]);
  });

  test('aws s3 cp reads an artifact back from the emulated S3', async () => {
    const text = await aws('s3', 'cp', 's3://artifacts/sites/site/out/a.txt', '-');
    expect(text).toBe('alpha\n');
  });
});
