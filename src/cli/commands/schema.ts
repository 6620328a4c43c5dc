import { parseArgs } from 'node:util';
import { buildspecJsonSchema } from '../../buildspec/schema.js';
import { UserError } from '../../common/errors.js';
import type { CommandSpec } from '../context.js';

const HELP = `Usage: aws-cicd schema buildspec

Prints the JSON Schema of buildspec files (generated from the validator's own definitions), for editors:
  aws-cicd schema buildspec > buildspec.schema.json
and, with the YAML language server, a first line "# yaml-language-server: $schema=./buildspec.schema.json".`;

export const schemaCommand: CommandSpec = {
  name: 'schema',
  summary: 'print the JSON Schema of buildspec files, for editors',
  help: HELP,
  async run(argv, ctx) {
    const { positionals } = parseArgs({ args: [...argv], allowPositionals: true, strict: true });
    const [what = 'buildspec', ...extra] = positionals;
    if (what !== 'buildspec' || extra.length > 0) {
      throw new UserError(`unknown schema "${positionals.join(' ')}"; available: buildspec`, { exitCode: 2 });
    }
    ctx.stdout.write(JSON.stringify(buildspecJsonSchema(), null, 2) + '\n');
    return 0;
  },
};
