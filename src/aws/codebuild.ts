/**
 * CodeBuild: the client factory and thin typed calls for starting, reading and stopping builds and batch builds.
 *
 * Failures a user must act on (missing project, missing permission, account quota, invalid input) become
 * UserErrors naming the IAM action; throttling and network failures that outlived the SDK's retries are rethrown
 * as they are, so a caller that polls can simply try again later.
 */
import {
  BatchGetBuildBatchesCommand,
  BatchGetBuildsCommand,
  BatchGetProjectsCommand,
  BatchGetReportsCommand,
  CodeBuildClient,
  DescribeCodeCoveragesCommand,
  DescribeTestCasesCommand,
  StartBuildBatchCommand,
  StartBuildCommand,
  StopBuildBatchCommand,
  StopBuildCommand,
  UpdateProjectCommand,
  type Build,
  type BuildBatch,
  type CodeCoverage,
  type Project,
  type Report,
  type TestCase,
  type StartBuildBatchCommandInput,
  type StartBuildCommandInput,
  type UpdateProjectCommandInput,
} from '@aws-sdk/client-codebuild';
import { clientConfig, withCredentialSource, type ClientOptions } from './config.js';
import { serviceError } from './errors.js';

export type {
  Build,
  BuildBatch,
  CodeCoverage,
  Project,
  Report,
  TestCase,
  StartBuildBatchCommandInput,
  StartBuildCommandInput,
  UpdateProjectCommandInput,
};

export function createCodeBuildClient(opts: ClientOptions = {}): CodeBuildClient {
  return withCredentialSource(new CodeBuildClient(clientConfig({ service: 'CodeBuild', ...opts })), opts);
}

/** What the build code needs from CodeBuild; `codeBuildApi(client)` implements it, tests fake it. */
export interface CodeBuildApi {
  startBuild(input: StartBuildCommandInput): Promise<Build>;
  startBuildBatch(input: StartBuildBatchCommandInput): Promise<BuildBatch>;
  /** BatchGetBuilds; builds that do not exist are left out. At most 100 ids. */
  getBuilds(ids: readonly string[], signal?: AbortSignal): Promise<Build[]>;
  getBuildBatch(id: string, signal?: AbortSignal): Promise<BuildBatch | undefined>;
  stopBuild(id: string, signal?: AbortSignal): Promise<Build | undefined>;
  stopBuildBatch(id: string, signal?: AbortSignal): Promise<BuildBatch | undefined>;
}

/** One CodeBuild call, its failure worded for the user (`action` on `subject`). */
async function call<T>(action: string, subject: string, send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    throw codeBuildError(error, action, subject);
  }
}

export function codeBuildApi(client: CodeBuildClient): CodeBuildApi {
  return {
    startBuild: (input) =>
      call('StartBuild', input.projectName ?? '', async () => {
        const { build } = await client.send(new StartBuildCommand(input));
        if (!build?.id) throw new Error('StartBuild answered without a build');
        return build;
      }),
    startBuildBatch: (input) =>
      call('StartBuildBatch', input.projectName ?? '', async () => {
        const { buildBatch } = await client.send(new StartBuildBatchCommand(input));
        if (!buildBatch?.id) throw new Error('StartBuildBatch answered without a build batch');
        return buildBatch;
      }),
    getBuilds: (ids, signal) =>
      call('BatchGetBuilds', ids.join(', '), async () => {
        const out = await client.send(new BatchGetBuildsCommand({ ids: [...ids] }), { abortSignal: signal });
        return out.builds ?? [];
      }),
    getBuildBatch: (id, signal) =>
      call('BatchGetBuildBatches', id, async () => {
        const out = await client.send(new BatchGetBuildBatchesCommand({ ids: [id] }), { abortSignal: signal });
        return out.buildBatches?.[0];
      }),
    stopBuild: (id, signal) =>
      call(
        'StopBuild',
        id,
        async () => (await client.send(new StopBuildCommand({ id }), { abortSignal: signal })).build,
      ),
    stopBuildBatch: (id, signal) =>
      call(
        'StopBuildBatch',
        id,
        async () => (await client.send(new StopBuildBatchCommand({ id }), { abortSignal: signal })).buildBatch,
      ),
  };
}

/** One page of a report's test cases or coverage, and the token of the next. */
export interface Page<T> {
  readonly items: T[];
  readonly nextToken?: string;
}

/** Reading a build's test and coverage reports (Build.reportArns) after it ended. */
export interface CodeBuildReportsApi {
  /** BatchGetReports; at most 100 ARNs; reports that do not exist are left out. */
  getReports(arns: readonly string[], signal?: AbortSignal): Promise<Report[]>;
  /** DescribeTestCases, one page (at most 100), only the cases of `status` when given. */
  describeTestCases(
    reportArn: string,
    options: { readonly status?: string; readonly nextToken?: string },
    signal?: AbortSignal,
  ): Promise<Page<TestCase>>;
  /** DescribeCodeCoverages, one page (at most 100 files: the model's PageSize). */
  describeCodeCoverages(reportArn: string, nextToken?: string, signal?: AbortSignal): Promise<Page<CodeCoverage>>;
}

export function codeBuildReportsApi(client: CodeBuildClient): CodeBuildReportsApi {
  return {
    getReports: (arns, signal) =>
      call('BatchGetReports', arns.join(', '), async () => {
        const out = await client.send(new BatchGetReportsCommand({ reportArns: [...arns] }), { abortSignal: signal });
        return out.reports ?? [];
      }),
    describeTestCases: (reportArn, options, signal) =>
      call('DescribeTestCases', reportArn, async () => {
        const out = await client.send(
          new DescribeTestCasesCommand({
            reportArn,
            maxResults: 100,
            ...(options.status !== undefined ? { filter: { status: options.status } } : {}),
            ...(options.nextToken !== undefined ? { nextToken: options.nextToken } : {}),
          }),
          { abortSignal: signal },
        );
        return { items: out.testCases ?? [], ...(out.nextToken ? { nextToken: out.nextToken } : {}) };
      }),
    describeCodeCoverages: (reportArn, nextToken, signal) =>
      call('DescribeCodeCoverages', reportArn, async () => {
        const out = await client.send(
          new DescribeCodeCoveragesCommand({ reportArn, maxResults: 100, ...(nextToken ? { nextToken } : {}) }),
          { abortSignal: signal },
        );
        return { items: out.codeCoverages ?? [], ...(out.nextToken ? { nextToken: out.nextToken } : {}) };
      }),
  };
}

/** Reading and updating a project (the image action points a project at a new image). */
export interface CodeBuildProjectApi {
  /** BatchGetProjects by name or ARN; undefined when the project does not exist. */
  getProject(nameOrArn: string): Promise<Project | undefined>;
  updateProject(input: UpdateProjectCommandInput): Promise<Project>;
}

export function codeBuildProjectApi(client: CodeBuildClient): CodeBuildProjectApi {
  return {
    async getProject(nameOrArn) {
      try {
        const out = await client.send(new BatchGetProjectsCommand({ names: [nameOrArn] }));
        return out.projects?.[0];
      } catch (error) {
        throw codeBuildError(error, 'BatchGetProjects', nameOrArn);
      }
    },
    async updateProject(input) {
      try {
        const { project } = await client.send(new UpdateProjectCommand(input));
        if (!project) throw new Error('UpdateProject answered without a project');
        return project;
      } catch (error) {
        throw codeBuildError(error, 'UpdateProject', input.name ?? '');
      }
    },
  };
}

const QUOTA_HELP =
  'ask for more in Service Quotas (AWS CodeBuild → "Concurrently running builds for <environment type>/<compute type>")';

/**
 * The error to throw for a failed CodeBuild call: a UserError that says what to do for the failures a user can fix,
 * the original error for transient failures and bugs.
 */
export function codeBuildError(error: unknown, action: string, subject: string): Error {
  return serviceError(error, 'codebuild', action, subject, ({ name, message, detail, fail }) => {
    if (name === 'ResourceNotFoundException') {
      if (action === 'StartBuild' || action === 'StartBuildBatch') {
        return fail(`CodeBuild project "${subject}" not found (${message}); check project-name and the AWS region`);
      }
      return fail(`${action}: ${subject} not found (${message})`);
    }
    if (name === 'AccountLimitExceededException') {
      if (/more than 0 /.test(message) || /\b0 (active )?builds/.test(message)) {
        return fail(
          `${action} ${subject}: the account's concurrent build quota is 0 (new AWS accounts often start there), so ` +
            `CodeBuild cannot run any build: ${QUOTA_HELP} (${detail})`,
        );
      }
      return fail(
        `${action} ${subject}: the concurrent build limit of the account or project is reached; wait for running ` +
          `builds to finish, raise the project's concurrent build limit, or ${QUOTA_HELP} (${detail})`,
      );
    }
    if (name === 'InvalidInputException')
      return fail(`${action} ${subject}: CodeBuild refused the request (${detail})`);
    return undefined;
  });
}
