/**
 * `tsx scripts/docs.ts` (npm run docs): regenerates the inputs and outputs tables of every action in README.md
 * from the action.yml files (root action.yml = build, actions/<name>/action.yml), between marker comments:
 *
 *   <!-- inputs:<name>:start --> … <!-- inputs:<name>:end -->
 *   <!-- outputs:<name>:start --> … <!-- outputs:<name>:end -->
 *
 * and the CLI's command list (one line per command, from `aws-cicd --help`) between
 *
 *   <!-- cli-commands:start --> … <!-- cli-commands:end -->
 *
 * An action without markers yet gets a new section (heading, description, both tables) inserted before
 * `<!-- action-reference:end -->`, so actions added later are documented by running the script. Markers of an
 * action that no longer exists are an error. The README is then formatted with the repository's prettier config,
 * so the result is what `npm run lint` accepts. `--check` changes nothing and exits 1 when README.md differs.
 *
 * test/docs/readme.test.ts runs the same generation and fails when README.md drifts.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PassThrough } from 'node:stream';
import * as prettier from 'prettier';
import { parse } from 'yaml';
import { main } from '../src/cli/main.js';

export interface ActionInput {
  readonly name: string;
  readonly description: string;
  readonly required: boolean;
  readonly default?: string;
}

export interface ActionOutput {
  readonly name: string;
  readonly description: string;
}

export interface ActionDoc {
  /** build for the root action.yml, else the folder name under actions/. */
  readonly name: string;
  /** action.yml path relative to the root. */
  readonly file: string;
  /** What a workflow writes after `uses:`, with the placeholder owner. */
  readonly uses: string;
  readonly title: string;
  readonly description: string;
  readonly inputs: readonly ActionInput[];
  readonly outputs: readonly ActionOutput[];
}

/** The placeholder owner of the repository in documentation and examples. */
export const PLACEHOLDER_OWNER = 'your-org';
const REFERENCE_END = '<!-- action-reference:end -->';
const CLI_START = '<!-- cli-commands:start -->';
const CLI_END = '<!-- cli-commands:end -->';
/** Sections appear in this order; actions not listed follow alphabetically. */
const ORDER = ['build', 'local', 'mirror', 'image', 'pipeline', 'deploy'];

/** Every action.yml in the repository, in README order. */
export function actionFiles(root: string): { name: string; file: string }[] {
  const list: { name: string; file: string }[] = [];
  if (existsSync(join(root, 'action.yml'))) list.push({ name: 'build', file: 'action.yml' });
  const dir = join(root, 'actions');
  if (existsSync(dir)) {
    for (const name of readdirSync(dir)) {
      const file = join('actions', name, 'action.yml');
      if (existsSync(join(root, file))) list.push({ name, file });
    }
  }
  const rank = (name: string): number => (ORDER.includes(name) ? ORDER.indexOf(name) : ORDER.length);
  return list.sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
}

/** Reads one action.yml; a malformed one is an error naming the file. */
export function readAction(root: string, name: string, file: string): ActionDoc {
  const doc = parse(readFileSync(join(root, file), 'utf8')) as Record<string, unknown> | null;
  if (doc === null || typeof doc !== 'object') throw new Error(`${file}: not a YAML mapping`);
  const entries = (key: string): [string, Record<string, unknown>][] => {
    const value = doc[key] ?? {};
    if (typeof value !== 'object' || value === null) throw new Error(`${file}: ${key} is not a mapping`);
    return Object.entries(value as Record<string, unknown>).map(([k, v]) => {
      if (typeof v !== 'object' || v === null) throw new Error(`${file}: ${key}.${k} is not a mapping`);
      return [k, v as Record<string, unknown>];
    });
  };
  const text = (value: unknown, where: string): string => {
    if (typeof value !== 'string' || value.trim() === '') throw new Error(`${file}: ${where} has no description`);
    return value;
  };
  return {
    name,
    file,
    uses: `${PLACEHOLDER_OWNER}/aws-cicd${file === 'action.yml' ? '' : `/${file.replace(/\/action\.yml$/, '')}`}@v1`,
    title: typeof doc.name === 'string' ? doc.name : name,
    description: typeof doc.description === 'string' ? doc.description : '',
    inputs: entries('inputs').map(([inputName, spec]) => ({
      name: inputName,
      description: text(spec.description, `inputs.${inputName}`),
      required: spec.required === true || spec.required === 'true',
      ...(spec.default === undefined || spec.default === null ? {} : { default: String(spec.default) }),
    })),
    outputs: entries('outputs').map(([outputName, spec]) => ({
      name: outputName,
      description: text(spec.description, `outputs.${outputName}`),
    })),
  };
}

export function readActions(root: string): ActionDoc[] {
  return actionFiles(root).map(({ name, file }) => readAction(root, name, file));
}

/** A table cell: one line, whitespace collapsed, `|` escaped, and `<`, `*` too (no HTML tags, no emphasis). */
function cell(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[|<*]/g, (c) => `\\${c}`);
}

/** Inside inline code only the fence matters. */
function plain(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|');
}

/** A value as inline code, with a fence long enough for backticks inside. */
function code(value: string): string {
  const longest = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${plain(value)}${pad}${fence}`;
}

export function inputsTable(action: ActionDoc): string {
  if (action.inputs.length === 0) return '_No inputs._';
  return [
    '| Input | Required | Default | Description |',
    '| --- | --- | --- | --- |',
    ...action.inputs.map(
      (i) =>
        `| ${code(i.name)} | ${i.required ? 'yes' : 'no'} | ${i.default === undefined || i.default === '' ? '' : code(i.default)} | ${cell(i.description)} |`,
    ),
  ].join('\n');
}

export function outputsTable(action: ActionDoc): string {
  if (action.outputs.length === 0) return '_No outputs._';
  return [
    '| Output | Description |',
    '| --- | --- |',
    ...action.outputs.map((o) => `| ${code(o.name)} | ${cell(o.description)} |`),
  ].join('\n');
}

const markers = (kind: 'inputs' | 'outputs', name: string): [string, string] => [
  `<!-- ${kind}:${name}:start -->`,
  `<!-- ${kind}:${name}:end -->`,
];

/** Words joined into lines of at most `width` characters (a longer word gets a line of its own). */
export function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter((w) => w !== '')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}

/** A new README section for an action that has none yet. */
function newSection(action: ActionDoc): string {
  const [inStart, inEnd] = markers('inputs', action.name);
  const [outStart, outEnd] = markers('outputs', action.name);
  return [
    `### ${action.name}: \`uses: ${action.uses}\``,
    '',
    wrap(cell(action.description), 120),
    '',
    inStart,
    inEnd,
    '',
    outStart,
    outEnd,
    '',
    '',
  ].join('\n');
}

function replaceBetween(text: string, start: string, end: string, body: string, file: string): string {
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < 0 || to < from) throw new Error(`${file}: ${start} must be followed by ${end}`);
  if (text.indexOf(start, from + 1) >= 0) throw new Error(`${file}: ${start} appears twice`);
  return `${text.slice(0, from + start.length)}\n\n${body}\n\n${text.slice(to)}`;
}

/** The README with every action's tables regenerated (and sections added for new actions), unformatted. */
export function regenerate(readme: string, actions: readonly ActionDoc[], file = 'README.md'): string {
  let text = readme;
  const known = new Set(actions.map((a) => a.name));
  for (const match of text.matchAll(/<!-- (inputs|outputs):([^:\s]+):start -->/g)) {
    if (!known.has(match[2]!)) {
      throw new Error(`${file}: ${match[0]} names an action that has no action.yml; remove its section`);
    }
  }
  for (const action of actions) {
    const [inStart, inEnd] = markers('inputs', action.name);
    const [outStart, outEnd] = markers('outputs', action.name);
    if (!text.includes(inStart) && !text.includes(outStart)) {
      const at = text.indexOf(REFERENCE_END);
      if (at < 0) throw new Error(`${file}: ${REFERENCE_END} is missing, so the ${action.name} section has no place`);
      text = text.slice(0, at) + newSection(action) + text.slice(at);
    }
    text = replaceBetween(text, inStart, inEnd, inputsTable(action), file);
    text = replaceBetween(text, outStart, outEnd, outputsTable(action), file);
  }
  return text;
}

/** The CLI's commands and summaries, as `aws-cicd --help` lists them. */
export async function cliCommands(): Promise<{ name: string; summary: string }[]> {
  const out = new PassThrough();
  let text = '';
  out.on('data', (d: Buffer) => (text += d.toString()));
  await main(['--help'], { stdout: out, stderr: new PassThrough(), env: {}, cwd: process.cwd() });
  const list = text.split('\nCommands:\n')[1]?.split('\n\n')[0] ?? '';
  return list
    .split('\n')
    .map((line) => /^\s+(\S+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ name: m[1]!, summary: m[2]! }));
}

export function commandList(commands: readonly { name: string; summary: string }[]): string {
  return commands.map((c) => `- \`aws-cicd ${c.name}\`: ${c.summary}`).join('\n');
}

/** Formats Markdown with the repository's prettier configuration, as `npm run lint` checks it. */
export async function formatMarkdown(text: string, filepath: string): Promise<string> {
  const config = (await prettier.resolveConfig(filepath)) ?? {};
  return prettier.format(text, { ...config, filepath });
}

/** The README as the script would write it. */
export async function generatedReadme(root: string): Promise<string> {
  const file = join(root, 'README.md');
  let text = regenerate(readFileSync(file, 'utf8'), readActions(root));
  text = replaceBetween(text, CLI_START, CLI_END, commandList(await cliCommands()), 'README.md');
  return formatMarkdown(text, file);
}

async function cli(): Promise<void> {
  const root = join(import.meta.dirname, '..');
  const file = join(root, 'README.md');
  const current = readFileSync(file, 'utf8');
  const next = await generatedReadme(root);
  const name = relative(process.cwd(), file) || file;
  if (process.argv.includes('--check')) {
    if (current !== next) {
      console.error(`${name} differs from the action.yml files; run npm run docs`);
      process.exitCode = 1;
    }
    return;
  }
  if (current !== next) writeFileSync(file, next);
  console.log(current === next ? `${name} is up to date` : `${name} updated`);
}

if (process.argv[1] !== undefined && import.meta.filename === process.argv[1]) await cli();
