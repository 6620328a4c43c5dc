import { parseArgs } from 'node:util';
import { iamPolicy, policyActionNames, type Feature, type PolicyScope } from '../../aws/permissions.js';
import { UserError } from '../../core/errors.js';
import type { CommandSpec } from '../context.js';

const HELP = `Usage: aws-cicd iam-policy ACTION... [options]

Prints the least-privilege IAM policy (JSON, on stdout) for the role a workflow uses with these actions
(${policyActionNames().join(', ')}), derived from the AWS API calls their code can make. Resources are narrowed by
the options given; what is not given is "*" in the ARN. Notes a reviewer should read (KMS keys, optional
calls) go to stderr.

Options:
  --region REGION                 AWS region of the resources (also picks the partition: aws-cn for cn-*, ...)
  --account ID                    AWS account id (12 digits) of the resources
  --project NAME                  CodeBuild project (build, image with codebuild-project, pipeline)
  --log-group NAME                the project's CloudWatch log group (default /aws/codebuild/<project>)
  --repository NAME               CodeCommit repository (mirror) and ECR repository (image)
  --codecommit-repository NAME    CodeCommit repository, when it differs from --repository
  --ecr-repository NAME           ECR repository, when it differs from --repository
  --pipeline NAME                 CodePipeline pipeline (pipeline)
  --application NAME              CodeDeploy application (deploy, pipeline)
  --deployment-group NAME         CodeDeploy deployment group (deploy, pipeline)
  --bucket NAME                   S3 bucket of deployment revisions (deploy)
  --download-artifacts            build with download-artifacts: s3:GetObject on the artifacts (and
                                  s3:ListBucket on their bucket, for NONE packaging)
  --artifacts-bucket NAME         the S3 bucket of the project's artifacts; without it the S3 permissions of
                                  --download-artifacts apply to every bucket ("*"): give it to narrow them
  --artifacts-prefix PREFIX       key prefix of the artifacts in that bucket (usually the project name)
  --test-reports                  build reading the test and coverage reports (job summary, annotations,
                                  test-summary, coverage, fail-on-test-failures): codebuild:BatchGetReports,
                                  DescribeTestCases, DescribeCodeCoverages on the report groups <project>-*
  --compact                       one line of JSON
  -h, --help                      this help

Example:
  aws-cicd iam-policy build mirror --region eu-west-1 --account 123456789012 --project app --repository app

Exit status: 0 printed, 2 usage error.`;

/** Names: letters, digits and the punctuation AWS resource names use, plus IAM wildcards * and ?. */
const NAME = /^[A-Za-z0-9._\-/*?+=@,]+$/;

export const iamPolicyCommand: CommandSpec = {
  name: 'iam-policy',
  summary: 'print the least-privilege IAM policy for the given actions',
  help: HELP,
  async run(argv, ctx) {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: {
        region: { type: 'string' },
        account: { type: 'string' },
        project: { type: 'string' },
        'log-group': { type: 'string' },
        repository: { type: 'string' },
        'codecommit-repository': { type: 'string' },
        'ecr-repository': { type: 'string' },
        pipeline: { type: 'string' },
        application: { type: 'string' },
        'deployment-group': { type: 'string' },
        bucket: { type: 'string' },
        'artifacts-bucket': { type: 'string' },
        'artifacts-prefix': { type: 'string' },
        'download-artifacts': { type: 'boolean', default: false },
        'test-reports': { type: 'boolean', default: false },
        compact: { type: 'boolean', default: false },
      },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length === 0) {
      throw new UserError(`name at least one action (${policyActionNames().join(', ')})`, { exitCode: 2 });
    }
    const scope: PolicyScope = {
      region: checked('--region', values.region, /^(\*|[a-z]{2}(-[a-z]+)+-\d+)$/, 'a region name such as eu-west-1'),
      account: checked('--account', values.account, /^(\*|\d{12})$/, '12 digits'),
      project: name('--project', values.project),
      logGroup: checked('--log-group', values['log-group'], /^[A-Za-z0-9._\-/#*?]+$/, 'a log group name'),
      codecommitRepository: name('--codecommit-repository', values['codecommit-repository'] ?? values.repository),
      ecrRepository: name('--ecr-repository', values['ecr-repository'] ?? values.repository),
      pipeline: name('--pipeline', values.pipeline),
      application: name('--application', values.application),
      deploymentGroup: name('--deployment-group', values['deployment-group']),
      bucket: checked('--bucket', values.bucket, /^[a-z0-9.\-*?]+$/, 'an S3 bucket name'),
      artifactsBucket: checked(
        '--artifacts-bucket',
        values['artifacts-bucket'],
        /^[a-z0-9.\-*?]+$/,
        'an S3 bucket name',
      ),
      artifactsPrefix: name('--artifacts-prefix', values['artifacts-prefix']),
    };
    const features: Feature[] = [];
    if (values['download-artifacts']) features.push('download-artifacts');
    if (values['test-reports']) features.push('test-reports');
    const { policy, notes } = iamPolicy(positionals, scope, features);
    ctx.stdout.write(JSON.stringify(policy, null, values.compact ? undefined : 2) + '\n');
    for (const note of notes) ctx.stderr.write(`aws-cicd iam-policy: note: ${note}\n`);
    return 0;
  },
};

function name(option: string, value: string | undefined): string | undefined {
  return checked(option, value, NAME, 'letters, digits, . _ - / and the wildcards * ?');
}

function checked(option: string, value: string | undefined, pattern: RegExp, what: string): string | undefined {
  if (value === undefined) return undefined;
  if (!pattern.test(value))
    throw new UserError(`${option} expects ${what}; got ${JSON.stringify(value)}`, { exitCode: 2 });
  return value;
}
