/** ECR policy documents: the default lifecycle policy, CodeBuild's pull statement, merging into a policy. */
import { UserError } from '../../src/core/errors.js';
import {
  checkLifecyclePolicy,
  codeBuildPullStatement,
  defaultLifecyclePolicy,
  mergeStatement,
  parseProjectArn,
} from '../../src/image/policy.js';

const ARN = 'arn:aws:codebuild:eu-west-1:111122223333:project/app';

test('the default lifecycle policy expires untagged images after N days and keeps the last M tagged', () => {
  expect(JSON.parse(defaultLifecyclePolicy(7, 30))).toEqual({
    rules: [
      {
        rulePriority: 1,
        description: 'Expire untagged images 7 days after their push',
        selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 7 },
        action: { type: 'expire' },
      },
      {
        rulePriority: 2,
        description: 'Keep the last 30 tagged images',
        selection: { tagStatus: 'tagged', tagPatternList: ['*'], countType: 'imageCountMoreThan', countNumber: 30 },
        action: { type: 'expire' },
      },
    ],
  });
});

test('a given lifecycle policy must be JSON with rules', () => {
  expect(checkLifecyclePolicy('{ "rules": [ {"rulePriority": 1} ] }', 'x')).toBe('{"rules":[{"rulePriority":1}]}');
  expect(() => checkLifecyclePolicy('{', 'input "lifecycle-policy"')).toThrow(
    'input "lifecycle-policy": not valid JSON',
  );
  expect(() => checkLifecyclePolicy('{"rules": []}', 'x')).toThrow('non-empty "rules" list');
  expect(() => checkLifecyclePolicy('[1]', 'x')).toThrow(UserError);
});

test("CodeBuild's pull statement is scoped to the project's account and ARN", () => {
  expect(parseProjectArn(ARN)).toEqual({ partition: 'aws', region: 'eu-west-1', account: '111122223333', name: 'app' });
  expect(parseProjectArn('app')).toBeUndefined();
  const statement = codeBuildPullStatement(ARN);
  expect(statement).toEqual({
    Sid: expect.stringMatching(/^AwsCicdCodeBuildPull[0-9a-f]{12}$/),
    Effect: 'Allow',
    Principal: { Service: 'codebuild.amazonaws.com' },
    Action: ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
    Condition: {
      StringEquals: { 'aws:SourceAccount': '111122223333' },
      ArnLike: { 'aws:SourceArn': ARN },
    },
  });
  expect(codeBuildPullStatement(ARN.replace('app', 'other')).Sid).not.toBe(statement.Sid);
});

describe('merging into a repository policy', () => {
  const statement = codeBuildPullStatement(ARN);
  const other = { Sid: 'Team', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: '*' };

  test('no policy: a new one with the statement', () => {
    expect(JSON.parse(mergeStatement(undefined, statement) ?? '')).toEqual({
      Version: '2012-10-17',
      Statement: [statement],
    });
  });

  test('other statements and top-level keys are kept; ours is added once, then replaced, never duplicated', () => {
    const existing = JSON.stringify({ Version: '2008-10-17', Id: 'p', Statement: [other] });
    const merged = mergeStatement(existing, statement) ?? '';
    expect(JSON.parse(merged)).toEqual({ Version: '2008-10-17', Id: 'p', Statement: [other, statement] });
    // Same statement again (keys in another order): nothing to write.
    const reordered = JSON.stringify({
      Statement: [other, { Condition: statement.Condition, Action: statement.Action, ...statement }],
    });
    expect(mergeStatement(reordered, statement)).toBeUndefined();
    // A changed statement with our Sid is replaced; the others stay.
    const stale = JSON.stringify({ Statement: [{ ...statement, Action: ['ecr:BatchGetImage'] }, other] });
    expect(JSON.parse(mergeStatement(stale, statement) ?? '').Statement).toEqual([other, statement]);
  });

  test('a single Statement object is kept; a policy that is not JSON is a UserError', () => {
    const single = JSON.stringify({ Version: '2012-10-17', Statement: other });
    expect(JSON.parse(mergeStatement(single, statement) ?? '').Statement).toEqual([other, statement]);
    expect(() => mergeStatement('{nope', statement)).toThrow(UserError);
    expect(() => mergeStatement('[]', statement)).toThrow('not a JSON object');
  });
});
