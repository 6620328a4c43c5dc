/**
 * ECR policy documents: the default lifecycle policy and the repository policy statement that lets CodeBuild pull,
 * merged into whatever policy the repository has (other statements are kept untouched).
 */
import { createHash } from 'node:crypto';
import { UserError } from '../core/errors.js';

export const DEFAULT_UNTAGGED_EXPIRE_DAYS = 14;
export const DEFAULT_KEEP_TAGGED = 50;

/** Expire untagged images `untaggedDays` after their push; of tagged images keep the newest `keepTagged`. */
export function defaultLifecyclePolicy(untaggedDays: number, keepTagged: number): string {
  return JSON.stringify({
    rules: [
      {
        rulePriority: 1,
        description: `Expire untagged images ${untaggedDays} days after their push`,
        selection: {
          tagStatus: 'untagged',
          countType: 'sinceImagePushed',
          countUnit: 'days',
          countNumber: untaggedDays,
        },
        action: { type: 'expire' },
      },
      {
        rulePriority: 2,
        description: `Keep the last ${keepTagged} tagged images`,
        selection: {
          tagStatus: 'tagged',
          tagPatternList: ['*'],
          countType: 'imageCountMoreThan',
          countNumber: keepTagged,
        },
        action: { type: 'expire' },
      },
    ],
  });
}

/** A lifecycle policy given by the user: it must be a JSON object with a non-empty `rules` list. */
export function checkLifecyclePolicy(text: string, what: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UserError(`${what}: not valid JSON (${(error as Error).message})`);
  }
  const rules = (parsed as { rules?: unknown } | null)?.rules;
  if (typeof parsed !== 'object' || parsed === null || !Array.isArray(rules) || rules.length === 0) {
    throw new UserError(`${what}: a lifecycle policy is a JSON object with a non-empty "rules" list`);
  }
  return JSON.stringify(parsed);
}

/** The IAM actions CodeBuild needs to pull an image. */
export const PULL_ACTIONS = ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'];

export interface PolicyStatement {
  Sid?: string;
  Effect?: string;
  Principal?: unknown;
  Action?: unknown;
  Condition?: unknown;
  [key: string]: unknown;
}

export interface PolicyDocument {
  Version?: string;
  Statement?: PolicyStatement[] | PolicyStatement;
  [key: string]: unknown;
}

/** `arn:aws:codebuild:<region>:<account>:project/<name>` → its parts. */
export function parseProjectArn(
  arn: string,
): { partition: string; region: string; account: string; name: string } | undefined {
  const m = /^arn:(aws[a-z-]*):codebuild:([a-z0-9-]+):(\d{12}):project\/(.+)$/.exec(arn);
  if (!m?.[1] || !m[2] || !m[3] || !m[4]) return undefined;
  return { partition: m[1], region: m[2], account: m[3], name: m[4] };
}

/**
 * The statement letting the CodeBuild service pull for one project only (the confused-deputy guard AWS documents:
 * aws:SourceAccount and aws:SourceArn). Its Sid is derived from the project ARN, so running again replaces it.
 */
export function codeBuildPullStatement(projectArn: string): PolicyStatement {
  const project = parseProjectArn(projectArn);
  if (project === undefined) throw new Error(`not a CodeBuild project ARN: ${projectArn}`);
  return {
    Sid: codeBuildStatementId(projectArn),
    Effect: 'Allow',
    Principal: { Service: 'codebuild.amazonaws.com' },
    Action: [...PULL_ACTIONS],
    Condition: {
      StringEquals: { 'aws:SourceAccount': project.account },
      ArnLike: { 'aws:SourceArn': projectArn },
    },
  };
}

export function codeBuildStatementId(projectArn: string): string {
  return `AwsCicdCodeBuildPull${createHash('sha256').update(projectArn).digest('hex').slice(0, 12)}`;
}

/**
 * The repository policy with `statement` in it: a statement with the same Sid is replaced, every other statement
 * is kept as it is. Undefined when the policy already holds exactly that statement (nothing to write).
 */
export function mergeStatement(existing: string | undefined, statement: PolicyStatement): string | undefined {
  let doc: PolicyDocument;
  if (existing === undefined || existing.trim() === '') {
    doc = { Version: '2012-10-17', Statement: [] };
  } else {
    try {
      doc = JSON.parse(existing) as PolicyDocument;
    } catch {
      throw new UserError(
        'the repository policy is not valid JSON; fix it or remove it before adding CodeBuild access',
      );
    }
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
      throw new UserError('the repository policy is not a JSON object; fix it before adding CodeBuild access');
    }
  }
  const statements = doc.Statement === undefined ? [] : Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
  const same = statements.find((s) => s.Sid === statement.Sid);
  if (same !== undefined && canonical(same) === canonical(statement)) return undefined;
  const kept = statements.filter((s) => s.Sid !== statement.Sid);
  return JSON.stringify({ ...doc, Version: doc.Version ?? '2012-10-17', Statement: [...kept, statement] });
}

/** JSON with object keys sorted, for comparing statements. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
