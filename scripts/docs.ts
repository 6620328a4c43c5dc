/**
 * `tsx scripts/docs.ts` (npm run docs): regenerates the reference parts of the documentation from the code, in
 * README.md and every Markdown file under docs/, between marker comments:
 *
 *   <!-- inputs:<name>:start --> … <!-- inputs:<name>:end -->     an action's inputs table, from its action.yml
 *   <!-- outputs:<name>:start --> … <!-- outputs:<name>:end -->   its outputs table (root action.yml = build,
 *                                                                  actions/<name>/action.yml = <name>)
 *   <!-- cli-commands:start --> … <!-- cli-commands:end -->       the CLI's command list (from `aws-cicd --help`)
 *   <!-- cli-help:start --> … <!-- cli-help:end -->               every command's `--help`, made from its option
 *                                                                  schema (src/<use case>/options.ts)
 *
 * Each action's tables live on its page, docs/actions/<name>.md; an action that has no markers anywhere gets a new
 * page (title, `uses:`, description, both tables), so actions added later are documented by running the script.
 * Markers of an action that no longer exists are an error. Files are then formatted with the repository's prettier
 * config, so the result is what `npm run lint` accepts. `--check` changes nothing and exits 1 when a file differs.
 *
 * test/docs/readme.test.ts runs the same generation and fails when the documentation drifts.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
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
const CLI_START = '<!-- cli-commands:start -->';
const CLI_END = '<!-- cli-commands:end -->';
const HELP_START = '<!-- cli-help:start -->';
const HELP_END = '<!-- cli-help:end -->';
/** Any of the markers: a file without one is not the generator's. */
const MARKER = /<!-- (inputs|outputs|cli-commands|cli-help)[:\s]/;
/** Where an action's page is. */
export const actionPagePath = (name: string): string => `docs/actions/${name}.md`;
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

/** The page of an action that has none yet: title, `uses:`, description and both tables. */
export function actionPage(action: ActionDoc): string {
  const [inStart, inEnd] = markers('inputs', action.name);
  const [outStart, outEnd] = markers('outputs', action.name);
  return [
    `# \`${action.name}\`: ${cell(action.title)}`,
    '',
    `\`uses: ${action.uses}\``,
    '',
    wrap(cell(action.description), 120),
    '',
    '## Inputs',
    '',
    inStart,
    inEnd,
    '',
    '## Outputs',
    '',
    outStart,
    outEnd,
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

/** A text with the tables of every action whose markers it has regenerated, unformatted. */
export function regenerate(text: string, actions: readonly ActionDoc[], file = 'README.md'): string {
  const known = new Set(actions.map((a) => a.name));
  for (const match of text.matchAll(/<!-- (inputs|outputs):([^:\s]+):(start|end) -->/g)) {
    if (!known.has(match[2]!)) {
      throw new Error(`${file}: ${match[0]} names an action that has no action.yml; remove its tables`);
    }
  }
  let out = text;
  for (const action of actions) {
    for (const kind of ['inputs', 'outputs'] as const) {
      const [start, end] = markers(kind, action.name);
      if (!out.includes(start) && !out.includes(end)) continue;
      out = replaceBetween(out, start, end, kind === 'inputs' ? inputsTable(action) : outputsTable(action), file);
    }
  }
  return out;
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

/** A command's `--help`, as `aws-cicd <command> --help` prints it. */
export async function commandHelp(name: string): Promise<string> {
  const out = new PassThrough();
  let text = '';
  out.on('data', (d: Buffer) => (text += d.toString()));
  const code = await main([name, '--help'], { stdout: out, stderr: new PassThrough(), env: {}, cwd: process.cwd() });
  if (code !== 0) throw new Error(`aws-cicd ${name} --help exited ${code}`);
  return text.trimEnd();
}

/** Every command's help under a heading of its own, in `aws-cicd --help`'s order. */
export async function helpSections(commands: readonly { name: string }[]): Promise<string> {
  const sections: string[] = [];
  for (const { name } of commands) {
    sections.push(`### \`aws-cicd ${name} --help\`\n\n\`\`\`text\n${await commandHelp(name)}\n\`\`\``);
  }
  return sections.join('\n\n');
}

/** README.md and every Markdown file under docs/, relative to the root. */
export function documentationFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) files.push(path);
    }
  };
  if (existsSync(join(root, 'docs'))) walk('docs');
  return [...(existsSync(join(root, 'README.md')) ? ['README.md'] : []), ...files.sort()];
}

/**
 * The documentation as the script writes it: every file with markers, and a new page for each action that has none
 * anywhere (relative path → formatted text). Files without markers are not the script's and are left out.
 */
export async function generatedDocs(root: string): Promise<Map<string, string>> {
  const actions = readActions(root);
  const texts = new Map(documentationFiles(root).map((file) => [file, readFileSync(join(root, file), 'utf8')]));
  for (const action of actions) {
    const [inStart] = markers('inputs', action.name);
    const [outStart] = markers('outputs', action.name);
    if ([...texts.values()].some((t) => t.includes(inStart) || t.includes(outStart))) continue;
    const page = actionPagePath(action.name);
    if (texts.has(page)) throw new Error(`${page}: has neither ${inStart} nor ${outStart}; add them`);
    texts.set(page, actionPage(action));
  }
  let commands: { name: string; summary: string }[] | undefined;
  const out = new Map<string, string>();
  for (const [file, original] of texts) {
    if (!MARKER.test(original)) continue;
    let text = regenerate(original, actions, file);
    if (text.includes(CLI_START) || text.includes(CLI_END)) {
      commands ??= await cliCommands();
      text = replaceBetween(text, CLI_START, CLI_END, commandList(commands), file);
    }
    if (text.includes(HELP_START) || text.includes(HELP_END)) {
      commands ??= await cliCommands();
      text = replaceBetween(text, HELP_START, HELP_END, await helpSections(commands), file);
    }
    out.set(file, await formatMarkdown(text, join(root, file)));
  }
  return out;
}

async function cli(): Promise<void> {
  const root = join(import.meta.dirname, '..');
  const check = process.argv.includes('--check');
  const stale: string[] = [];
  for (const [file, next] of await generatedDocs(root)) {
    const full = join(root, file);
    const current = existsSync(full) ? readFileSync(full, 'utf8') : undefined;
    if (current === next) continue;
    stale.push(relative(process.cwd(), full) || file);
    if (!check) {
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, next);
    }
  }
  if (check) {
    if (stale.length > 0) {
      console.error(`${stale.join(', ')}: differ from the action.yml files and the CLI; run npm run docs`);
      process.exitCode = 1;
    }
    return;
  }
  console.log(stale.length === 0 ? 'the documentation is up to date' : `updated: ${stale.join(', ')}`);
}

if (process.argv[1] !== undefined && import.meta.filename === process.argv[1]) await cli();
