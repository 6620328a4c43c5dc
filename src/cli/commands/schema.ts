import { parseArgs } from 'node:util';
import { appspecJsonSchema } from '../../appspec/schema.js';
import { buildspecJsonSchema } from '../../buildspec/schema.js';
import { UserError } from '../../core/errors.js';
import type { CommandSpec } from '../context.js';

const SCHEMAS: Record<string, () => Record<string, unknown>> = {
  buildspec: buildspecJsonSchema,
  appspec: appspecJsonSchema,
};

const HELP = `Usage: aws-cicd schema buildspec|appspec

Prints a JSON Schema (draft-07), for editors:
  buildspec   CodeBuild buildspec files, generated from the validator's own definitions
  appspec     CodeDeploy AppSpec files: EC2/On-Premises, Amazon ECS and AWS Lambda
For example: aws-cicd schema buildspec > buildspec.schema.json, and, with the YAML language server, a first line
"# yaml-language-server: $schema=./buildspec.schema.json". What an editor cannot see is left to aws-cicd validate.

Exit status: 0 printed, 2 usage error (an unknown schema).`;

export const schemaCommand: CommandSpec = {
  name: 'schema',
  summary: 'print the JSON Schema of buildspec or appspec files, for editors',
  help: HELP,
  async run(argv, ctx) {
    const { positionals } = parseArgs({ args: [...argv], allowPositionals: true, strict: true });
    const [what = 'buildspec', ...extra] = positionals;
    const schema = Object.hasOwn(SCHEMAS, what) ? SCHEMAS[what] : undefined;
    if (schema === undefined || extra.length > 0) {
      throw new UserError(`unknown schema "${positionals.join(' ')}"; available: ${Object.keys(SCHEMAS).join(', ')}`, {
        exitCode: 2,
      });
    }
    ctx.stdout.write(JSON.stringify(schema(), null, 2) + '\n');
    return 0;
  },
};
