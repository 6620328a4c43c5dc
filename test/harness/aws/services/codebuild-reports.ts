/**
 * CodeBuild's report operations (part of the CodeBuild service): CreateReportGroup, BatchGetReportGroups,
 * ListReportGroups, BatchGetReports, ListReports, ListReportsForReportGroup, DescribeTestCases,
 * DescribeCodeCoverages over the ReportStore (codebuild/reports.ts) that builds fill at UPLOAD_ARTIFACTS.
 * Page sizes: maxResults 1–100 (the model's PageSize), default 100.
 */
import type {
  BatchGetReportGroupsInput,
  BatchGetReportsInput,
  CreateReportGroupInput,
  DescribeCodeCoveragesInput,
  DescribeTestCasesInput,
  ListReportGroupsInput,
  ListReportsForReportGroupInput,
  ListReportsInput,
} from '@aws-sdk/client-codebuild';
import { AwsError } from '../errors.js';
import type { ReportStore, StoredReport, WireReportGroup } from '../codebuild/reports.js';
import { decodeToken, encodeToken } from '../util.js';
import type { OperationHandler } from './types.js';
import { op } from './types.js';

const snapshot = <T>(v: T): T => structuredClone(v);
const invalid = (message: string): AwsError => new AwsError('InvalidInputException', message);

/** One page of `items` after `nextToken`; the token is bound to `scope` (the query), so another query's is refused. */
function page<T>(
  items: readonly T[],
  input: { nextToken?: string; maxResults?: number },
  scope: string,
): { items: T[]; nextToken?: string } {
  let offset = 0;
  if (input.nextToken !== undefined) {
    const token = decodeToken<{ offset: number; scope: string }>(input.nextToken, () => invalid('Invalid next token'));
    if (token.scope !== scope || !(token.offset >= 0)) throw invalid('Invalid next token');
    offset = token.offset;
  }
  const size = input.maxResults ?? 100;
  const end = offset + size;
  return {
    items: items.slice(offset, end),
    ...(end < items.length ? { nextToken: encodeToken({ offset: end, scope }) } : {}),
  };
}

const TEST_STATUSES = ['SUCCEEDED', 'FAILED', 'ERROR', 'SKIPPED', 'UNKNOWN'];

export function reportOperations(store: ReportStore): Record<string, OperationHandler> {
  const reportsListed = (
    reports: readonly StoredReport[],
    input: ListReportsInput | ListReportsForReportGroupInput,
    scope: string,
  ) => {
    const status = input.filter?.status;
    const chosen = reports.filter((r) => status === undefined || r.report.status === status);
    // ASCENDING: chronological by creation; DESCENDING (the default): newest first.
    const ordered = input.sortOrder === 'ASCENDING' ? chosen : [...chosen].reverse();
    const { items, nextToken } = page(
      ordered.map((r) => r.report.arn),
      input,
      `${scope}|${status ?? ''}|${input.sortOrder ?? ''}`,
    );
    return { reports: items, ...(nextToken ? { nextToken } : {}) };
  };

  const requireReport = (arn: string, code: string): StoredReport => {
    const stored = store.report(arn);
    if (!stored) throw new AwsError(code, `Report ${arn} does not exist`);
    return stored;
  };

  return {
    CreateReportGroup: op((input: CreateReportGroupInput) => {
      const name = input.name ?? '';
      if (store.group(name)) {
        throw new AwsError('ResourceAlreadyExistsException', `Report group already exists: ${store.groupArn(name)}`);
      }
      const exportConfig = input.exportConfig ?? {};
      if (exportConfig.exportConfigType === 'S3' && !exportConfig.s3Destination?.bucket) {
        throw invalid('Invalid input: s3Destination bucket cannot be empty for export config type S3');
      }
      const group = store.createGroup(
        name,
        input.type === 'CODE_COVERAGE' ? 'CODE_COVERAGE' : 'TEST',
        exportConfig,
        input.tags ?? [],
      );
      return { reportGroup: snapshot(group) };
    }),

    BatchGetReportGroups: op((input: BatchGetReportGroupsInput) => {
      const arns = input.reportGroupArns ?? [];
      const found = arns.map((a) => store.groups.get(a)).filter((g): g is WireReportGroup => !!g);
      return {
        reportGroups: found.map(snapshot),
        reportGroupsNotFound: arns.filter((a) => !store.groups.has(a)),
      };
    }),

    ListReportGroups: op((input: ListReportGroupsInput) => {
      const sortBy = input.sortBy ?? 'CREATED_TIME';
      const key = (g: WireReportGroup): string | number =>
        sortBy === 'NAME' ? g.name : sortBy === 'CREATED_TIME' ? g.created : g.lastModified;
      // Stable: groups made in the same millisecond stay in creation order.
      const sorted = [...store.groups.values()].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
      if ((input.sortOrder ?? 'DESCENDING') === 'DESCENDING') sorted.reverse();
      const { items, nextToken } = page(
        sorted.map((g) => g.arn),
        input,
        `groups|${sortBy}|${input.sortOrder ?? ''}`,
      );
      return { reportGroups: items, ...(nextToken ? { nextToken } : {}) };
    }),

    BatchGetReports: op((input: BatchGetReportsInput) => {
      const arns = input.reportArns ?? [];
      return {
        reports: arns
          .map((a) => store.report(a))
          .filter((r): r is StoredReport => !!r)
          .map((r) => snapshot(r.report)),
        reportsNotFound: arns.filter((a) => !store.report(a)),
      };
    }),

    ListReports: op((input: ListReportsInput) => reportsListed([...store.reports.values()], input, 'reports')),

    ListReportsForReportGroup: op((input: ListReportsForReportGroupInput) => {
      const arn = input.reportGroupArn ?? '';
      if (!store.groups.has(arn)) {
        throw new AwsError('ResourceNotFoundException', `Report group ${arn} does not exist`);
      }
      return reportsListed(store.reportsOf(arn), input, `group|${arn}`);
    }),

    DescribeTestCases: op((input: DescribeTestCasesInput) => {
      const arn = input.reportArn ?? '';
      const stored = requireReport(arn, 'ResourceNotFoundException');
      const { status, keyword } = input.filter ?? {};
      if (status !== undefined && !TEST_STATUSES.includes(status)) {
        throw invalid(`Invalid test case status filter: ${status}. Valid values: ${TEST_STATUSES.join(', ')}`);
      }
      const chosen = stored.testCases.filter(
        (c) =>
          (status === undefined || c.status === status) &&
          (keyword === undefined || (c.name ?? '').includes(keyword) || (c.prefix ?? '').includes(keyword)),
      );
      const { items, nextToken } = page(chosen, input, `cases|${arn}|${status ?? ''}|${keyword ?? ''}`);
      return { testCases: items.map(snapshot), ...(nextToken ? { nextToken } : {}) };
    }),

    DescribeCodeCoverages: op((input: DescribeCodeCoveragesInput) => {
      const arn = input.reportArn ?? '';
      const stored = requireReport(arn, 'InvalidInputException');
      const min = input.minLineCoveragePercentage;
      const max = input.maxLineCoveragePercentage;
      if (min !== undefined && max !== undefined && min > max) {
        throw invalid('minLineCoveragePercentage cannot be greater than maxLineCoveragePercentage');
      }
      const sortBy = input.sortBy ?? 'FILE_PATH';
      const chosen = stored.codeCoverages.filter((c) => {
        const pct = c.lineCoveragePercentage ?? 0;
        return (min === undefined || pct >= min) && (max === undefined || pct <= max);
      });
      const key = (c: (typeof chosen)[number]): string | number =>
        sortBy === 'FILE_PATH' ? (c.filePath ?? '') : (c.lineCoveragePercentage ?? 0);
      chosen.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
      if (input.sortOrder === 'DESCENDING') chosen.reverse();
      const { items, nextToken } = page(
        chosen,
        input,
        `coverage|${arn}|${sortBy}|${input.sortOrder ?? ''}|${min ?? ''}|${max ?? ''}`,
      );
      return { codeCoverages: items.map(snapshot), ...(nextToken ? { nextToken } : {}) };
    }),
  };
}
