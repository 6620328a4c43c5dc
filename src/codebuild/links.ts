/** Console links and log locations of builds and batch builds, from what StartBuild and BatchGetBuilds return. */
import type { Build, BuildBatch } from '../aws/codebuild.js';
import type { LogStreamRef } from '../aws/logs.js';

interface ArnParts {
  readonly region: string;
  readonly account: string;
}

/** Region and account of `arn:aws:codebuild:<region>:<account>:build/...`. */
export function arnParts(arn: string | undefined): ArnParts | undefined {
  const m = /^arn:[\w-]+:codebuild:([\w-]+):(\d+):/.exec(arn ?? '');
  return m?.[1] && m[2] ? { region: m[1], account: m[2] } : undefined;
}

/** A build or batch id from its id or ARN. */
export function idFromArn(idOrArn: string): string {
  return idOrArn.replace(/^arn:[\w-]+:codebuild:[\w-]+:\d+:build(?:-batch)?\//, '');
}

function consoleBase(region: string): string {
  return `https://${region}.console.aws.amazon.com`;
}

/** CloudWatch's console escapes path parts twice, `%` written as `$25`. */
function cloudWatchPart(text: string): string {
  return encodeURIComponent(text).replace(/%/g, '$25');
}

export function buildConsoleUrl(build: Build): string | undefined {
  const parts = arnParts(build.arn);
  if (parts === undefined || build.id === undefined || build.projectName === undefined) return undefined;
  const { region, account } = parts;
  return (
    `${consoleBase(region)}/codesuite/codebuild/${account}/projects/${encodeURIComponent(build.projectName)}` +
    `/build/${encodeURIComponent(build.id)}/?region=${region}`
  );
}

export function batchConsoleUrl(batch: BuildBatch): string | undefined {
  const parts = arnParts(batch.arn);
  if (parts === undefined || batch.id === undefined || batch.projectName === undefined) return undefined;
  const { region, account } = parts;
  return (
    `${consoleBase(region)}/codesuite/codebuild/${account}/projects/${encodeURIComponent(batch.projectName)}` +
    `/batch/${encodeURIComponent(batch.id)}/?region=${region}`
  );
}

/**
 * The build's CloudWatch Logs stream: the one BatchGetBuilds names once the build has one; before that, the one
 * CodeBuild will create (group from the logs config or /aws/codebuild/<project>, stream [<prefix>/]<build uuid>).
 * Undefined when the build writes no CloudWatch logs.
 */
export function logStreamOf(build: Build, options: { predict?: boolean } = {}): LogStreamRef | undefined {
  const logs = build.logs;
  if (logs?.cloudWatchLogs?.status === 'DISABLED') return undefined;
  const parts = arnParts(build.arn);
  let group = logs?.groupName ?? undefined;
  let stream = logs?.streamName ?? undefined;
  if ((group === undefined || stream === undefined) && options.predict) {
    const uuid = build.id?.split(':').at(-1);
    if (uuid === undefined || build.projectName === undefined) return undefined;
    const prefix = logs?.cloudWatchLogs?.streamName;
    group = logs?.cloudWatchLogs?.groupName ?? `/aws/codebuild/${build.projectName}`;
    stream = prefix ? `${prefix}/${uuid}` : uuid;
  }
  if (group === undefined || stream === undefined) return undefined;
  const fromArn = logs?.cloudWatchLogsArn?.split(':log-stream:')[0];
  const groupArn = fromArn ?? (parts ? `arn:aws:logs:${parts.region}:${parts.account}:log-group:${group}` : undefined);
  return { group, stream, ...(groupArn !== undefined ? { groupArn } : {}) };
}

/** The CloudWatch console page of the build's log (predicted right after StartBuild), else the build's page. */
export function buildLogsUrl(build: Build): string | undefined {
  const parts = arnParts(build.arn);
  const stream = logStreamOf(build, { predict: true });
  if (parts === undefined || stream === undefined) return buildConsoleUrl(build);
  const { region } = parts;
  return (
    `${consoleBase(region)}/cloudwatch/home?region=${region}#logsV2:log-groups/log-group/` +
    `${cloudWatchPart(stream.group)}/log-events/${cloudWatchPart(stream.stream)}`
  );
}
