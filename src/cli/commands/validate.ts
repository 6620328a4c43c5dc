import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseAppspec, looksLikeAppspec } from '../../appspec/index.js';
import { parseBuildspec } from '../../buildspec/index.js';
import type { Finding } from '../../buildspec/types.js';
import { UserError } from '../../core/errors.js';
import { readTextFile } from '../../core/files.js';
import { formatFindings, type FindingsFormat, FINDINGS_FORMATS, SHOWN_FINDINGS } from '../findings.js';
import type { CommandSpec } from '../context.js';
import { useColour } from '../context.js';

const HELP = `Usage: aws-cicd validate [FILE...] [--format text|json|github]

Checks buildspec.yml (CodeBuild) and appspec.yml (CodeDeploy) files and prints every error and warning
as file:line:col. A file is taken as an appspec by its name (appspec.yml/.yaml/.json) or its content.

With no FILE: ./buildspec.yml, and ./appspec.yml and ./appspec.yaml when they exist.

Options:
  --format text|json|github   text (default); json: one array of findings; github: ::error/::warning
                              workflow commands that GitHub shows as annotations on the file's lines.
                              text and github print the first ${SHOWN_FINDINGS.toLocaleString('en-US')} findings and how many more there
                              are; json prints them all
  -h, --help                  this help

Exit status: 0 no errors (warnings allowed), 2 a usage error or a file that cannot be read or is invalid
(has errors).`;

export type FileKind = 'buildspec' | 'appspec';

/** Validates one file's text; the kind is decided by the file's name or, failing that, its content. */
export function validateText(text: string, file: string): { kind: FileKind; findings: readonly Finding[] } {
  if (looksLikeAppspec(basename(file), text)) return { kind: 'appspec', findings: parseAppspec(text, file).findings };
  return { kind: 'buildspec', findings: parseBuildspec(text, file).findings };
}

export const validateCommand: CommandSpec = {
  name: 'validate',
  summary: 'check buildspec.yml and appspec.yml files (errors and warnings with file:line:col)',
  help: HELP,
  async run(argv, ctx) {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: { format: { type: 'string', default: 'text' } },
      allowPositionals: true,
      strict: true,
    });
    const format = values.format as FindingsFormat;
    if (!FINDINGS_FORMATS.includes(format)) {
      throw new UserError(`--format must be one of ${FINDINGS_FORMATS.join(', ')}; got "${values.format}"`, {
        exitCode: 2,
      });
    }
    const files = positionals.length > 0 ? positionals : defaultFiles(ctx.cwd);
    const all: Finding[] = [];
    for (const file of files) {
      const text = readTextFile(resolve(ctx.cwd, file), file);
      // One by one: spreading a file's findings into push() overflows the call stack past ~100,000 of them.
      for (const finding of validateText(text, file).findings) all.push(finding);
    }
    ctx.stdout.write(formatFindings(all, format, { colour: useColour(ctx.stdout, ctx.env), files }));
    // An invalid file is bad input, exit 2, as for run, build and deploy.
    return all.some((f) => f.severity === 'error') ? 2 : 0;
  },
};

/** CodeDeploy reads appspec.yml, and for ECS and Lambda deployments also appspec.yaml. */
const DEFAULT_APPSPECS = ['appspec.yml', 'appspec.yaml'];

function defaultFiles(cwd: string): string[] {
  return ['buildspec.yml', ...DEFAULT_APPSPECS.filter((name) => existsSync(resolve(cwd, name)))];
}
