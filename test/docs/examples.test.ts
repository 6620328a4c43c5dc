/**
 * examples/*.yml are complete workflows a user copies. Each step that uses one of our actions
 * (your-org/aws-cicd@v1, your-org/aws-cicd/actions/<name>@v1) is checked against that action's action.yml: the file
 * exists, every `with:` key is a declared input, every required input without a default is given, and every
 * `${{ steps.<id>.outputs.<name> }}` naming one of our steps names a declared output.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { PLACEHOLDER_OWNER, readAction, type ActionDoc } from '../../scripts/docs.js';

const ROOT = join(import.meta.dirname, '../..');
const EXAMPLES = join(ROOT, 'examples');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const OURS = new RegExp(`^${PLACEHOLDER_OWNER}/aws-cicd(?:/actions/([a-z0-9-]+))?@(.+)$`);

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every string in a value. */
function strings(value: Json | undefined): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (isObject(value)) return Object.values(value).flatMap(strings);
  return [];
}

/** `steps.<id>.outputs.<name>` inside `${{ }}` expressions. */
function outputReferences(text: string): { id: string; output: string }[] {
  const refs: { id: string; output: string }[] = [];
  for (const expression of text.matchAll(/\$\{\{([\s\S]*?)\}\}/g)) {
    for (const m of expression[1]!.matchAll(/\bsteps\.([A-Za-z_][\w-]*)\.outputs\.([A-Za-z_][\w-]*)/g)) {
      refs.push({ id: m[1]!, output: m[2]! });
    }
  }
  return refs;
}

/** `if:` conditions are expressions without `${{ }}`. */
function conditionReferences(text: string): { id: string; output: string }[] {
  return [...text.matchAll(/\bsteps\.([A-Za-z_][\w-]*)\.outputs\.([A-Za-z_][\w-]*)/g)].map((m) => ({
    id: m[1]!,
    output: m[2]!,
  }));
}

export interface ExampleCheck {
  readonly problems: string[];
  /** Our actions the example uses (build, mirror...). */
  readonly uses: string[];
}

/** Checks one workflow text; `load` reads an action's action.yml (undefined when it does not exist). */
export function checkWorkflow(file: string, text: string, load: (name: string) => ActionDoc | undefined): ExampleCheck {
  const problems: string[] = [];
  const uses: string[] = [];
  const workflow = parse(text, { strict: true, uniqueKeys: true }) as JsonObject;
  if (!isObject(workflow) || !('on' in workflow) || !isObject(workflow.jobs)) {
    return { problems: [`${file}: not a workflow (needs on: and jobs:)`], uses };
  }
  for (const [jobId, job] of Object.entries(workflow.jobs)) {
    if (!isObject(job) || !Array.isArray(job.steps)) {
      problems.push(`${file}: jobs.${jobId} has no steps`);
      continue;
    }
    const ours = new Map<string, ActionDoc>();
    const seen = new Set<string>();
    const idTokenAllowed = [workflow.permissions, job.permissions].some(
      (p) => isObject(p) && p['id-token'] === 'write',
    );
    let credentials = false;
    job.steps.forEach((step, index) => {
      const where = `${file}: jobs.${jobId}.steps[${index}]${isObject(step) && step.id ? ` (id ${String(step.id)})` : ''}`;
      if (!isObject(step)) return void problems.push(`${where}: not a mapping`);
      // References first: a step may only read outputs of steps before it.
      const refs = [
        ...strings({ ...step, if: null }).flatMap(outputReferences),
        ...(typeof step.if === 'string' ? conditionReferences(step.if) : []),
      ];
      for (const { id, output } of refs) {
        if (!seen.has(id)) {
          problems.push(`${where}: steps.${id} is not an earlier step of jobs.${jobId}`);
          continue;
        }
        const action = ours.get(id);
        if (action === undefined) continue;
        const declared = action.outputs.some((o) => o.name === output);
        // build and local also set one output per exported variable (names like VERSION).
        const exported =
          action.outputs.some((o) => o.name === 'exported-variables') && /^[A-Z_][A-Z0-9_]*$/.test(output);
        if (!declared && !exported) {
          problems.push(`${where}: steps.${id}.outputs.${output}: ${action.file} declares no output "${output}"`);
        }
      }
      if (typeof step.id === 'string') seen.add(step.id);
      const ref = typeof step.uses === 'string' ? step.uses : undefined;
      if (ref?.startsWith('aws-actions/configure-aws-credentials@')) credentials = true;
      const match = ref === undefined ? null : OURS.exec(ref);
      if (ref !== undefined && match === null && /aws-cicd/.test(ref)) {
        problems.push(`${where}: uses "${ref}": write ${PLACEHOLDER_OWNER}/aws-cicd[/actions/<name>]@v1`);
      }
      if (match === null) return;
      const name = match[1] ?? 'build';
      if (match[2] !== 'v1') problems.push(`${where}: uses "${ref}": the examples use @v1`);
      uses.push(name);
      const action = load(name);
      if (action === undefined) {
        const path = name === 'build' ? 'action.yml' : `actions/${name}/action.yml`;
        return void problems.push(`${where}: uses ${ref}, but ${path} does not exist`);
      }
      if (typeof step.id === 'string') ours.set(step.id, action);
      const given = isObject(step.with) ? step.with : {};
      for (const key of Object.keys(given)) {
        if (!action.inputs.some((i) => i.name === key)) {
          problems.push(`${where}: with.${key}: ${action.file} has no input "${key}"`);
        }
      }
      for (const input of action.inputs) {
        if (input.required && (input.default === undefined || input.default === '') && !(input.name in given)) {
          problems.push(`${where}: required input "${input.name}" of ${action.file} is not given`);
        }
      }
      if (name !== 'local' && !(credentials && idTokenAllowed)) {
        problems.push(
          `${where}: ${name} needs AWS credentials: permissions id-token: write and an earlier ` +
            'aws-actions/configure-aws-credentials step',
        );
      }
    });
  }
  return { problems, uses };
}

/** action.yml of one of our actions, read fresh (actions may appear while the suite runs). */
function loadAction(name: string): ActionDoc | undefined {
  const file = name === 'build' ? 'action.yml' : `actions/${name}/action.yml`;
  return existsSync(join(ROOT, file)) ? readAction(ROOT, name, file) : undefined;
}

const files = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.yml') || f.endsWith('.yaml'))
  .sort();

describe('examples/', () => {
  test.each(files)('%s: our steps match the action.yml files', (file) => {
    const { problems, uses } = checkWorkflow(
      `examples/${file}`,
      readFileSync(join(EXAMPLES, file), 'utf8'),
      loadAction,
    );
    expect(problems).toEqual([]);
    expect(uses.length).toBeGreaterThan(0);
  });

  test('the examples cover every action', () => {
    const used = new Set(
      files.flatMap((f) => checkWorkflow(f, readFileSync(join(EXAMPLES, f), 'utf8'), loadAction).uses),
    );
    expect(['build', 'local', 'mirror', 'image', 'pipeline', 'deploy'].filter((a) => !used.has(a))).toEqual([]);
  });
});

describe('the example checker', () => {
  const action: ActionDoc = {
    name: 'build',
    file: 'action.yml',
    uses: 'your-org/aws-cicd@v1',
    title: 'b',
    description: '',
    inputs: [
      { name: 'project-name', description: 'p', required: true },
      { name: 'logs', description: 'l', required: false, default: 'live' },
    ],
    outputs: [
      { name: 'build-id', description: 'i' },
      { name: 'exported-variables', description: 'e' },
    ],
  };
  const load = (name: string): ActionDoc | undefined => (name === 'build' ? action : undefined);
  const workflow = (steps: string): string =>
    [
      'on: push',
      'permissions: { id-token: write }',
      'jobs:',
      '  j:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: aws-actions/configure-aws-credentials@v4',
      '        with: { role-to-assume: r, aws-region: eu-west-1 }',
      steps,
    ].join('\n');

  test('a correct workflow passes, including exported-variable outputs', () => {
    const text = workflow(
      [
        '      - id: b',
        '        uses: your-org/aws-cicd@v1',
        '        with: { project-name: p }',
        "      - if: steps.b.outputs.VERSION != ''",
        '        run: echo "${{ steps.b.outputs.build-id }}"',
      ].join('\n'),
    );
    expect(checkWorkflow('w.yml', text, load)).toEqual({ problems: [], uses: ['build'] });
  });

  test('unknown input, missing required input, unknown output, later step, missing action.yml', () => {
    const text = workflow(
      [
        '      - run: echo "${{ steps.b.outputs.build-id }}"',
        '      - id: b',
        '        uses: your-org/aws-cicd@v1',
        '        with: { projectname: p }',
        '      - run: echo "${{ steps.b.outputs.build-number }}"',
        '      - uses: your-org/aws-cicd/actions/mirror@v1',
        '      - uses: someone/aws-cicd@main',
      ].join('\n'),
    );
    expect(checkWorkflow('w.yml', text, load).problems).toEqual([
      'w.yml: jobs.j.steps[1]: steps.b is not an earlier step of jobs.j',
      'w.yml: jobs.j.steps[2] (id b): with.projectname: action.yml has no input "projectname"',
      'w.yml: jobs.j.steps[2] (id b): required input "project-name" of action.yml is not given',
      'w.yml: jobs.j.steps[3]: steps.b.outputs.build-number: action.yml declares no output "build-number"',
      'w.yml: jobs.j.steps[4]: uses your-org/aws-cicd/actions/mirror@v1, but actions/mirror/action.yml does not exist',
      'w.yml: jobs.j.steps[5]: uses "someone/aws-cicd@main": write your-org/aws-cicd[/actions/<name>]@v1',
    ]);
  });

  test('an AWS action without OIDC permission or credentials step is reported', () => {
    const text = [
      'on: push',
      'jobs:',
      '  j:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: your-org/aws-cicd@v1',
      '        with: { project-name: p }',
    ].join('\n');
    expect(checkWorkflow('w.yml', text, load).problems).toEqual([
      'w.yml: jobs.j.steps[0]: build needs AWS credentials: permissions id-token: write and an earlier ' +
        'aws-actions/configure-aws-credentials step',
    ]);
  });
});
