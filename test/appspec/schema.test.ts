/**
 * The AppSpec JSON Schema, checked with an independent validator (Ajv, draft-07, strict): the schema itself is
 * well-formed, every appspec that parseAppspec accepts (the corpus's valid files and every appspec fixture written
 * in the tests) passes it, as an editor reads the YAML, and files with errors an editor can see fail it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import ts from 'typescript';
import { parse } from 'yaml';
import { looksLikeAppspec, parseAppspec } from '../../src/appspec/index.js';
import { appspecJsonSchema } from '../../src/appspec/schema.js';
import { REPO_ROOT } from '../support/shared.js';
import { APPSPEC_CORPUS, corpusFiles } from './corpus-files.js';

const ajv = new Ajv({
  strict: true,
  // Patterns that match a property too (keys read in any case), and required keys given in an anyOf: both intended.
  allowMatchingProperties: true,
  strictRequired: false,
  allowUnionTypes: true,
  allErrors: true,
});
const validate = ajv.compile(appspecJsonSchema());

/** Whether an editor would accept `text`: its YAML (1.2, as editors read it) validates against the schema. */
function schemaAccepts(text: string): boolean {
  return validate(parse(text)) === true;
}

function explain(text: string): string {
  validate(parse(text));
  return ajv.errorsText(validate.errors, { separator: '\n' });
}

function validatorAccepts(text: string): boolean {
  return parseAppspec(text, 'appspec.yml').appspec !== undefined;
}

/**
 * The strings a test file builds from literals: literals and constants joined with + or in templates, `.replace`
 * with literal arguments, and calls of the file's helpers whose body is one such expression of their parameters
 * (`ec2(rest)` = `EC2 + rest`). Constants are found by name anywhere in the file; should two share a name, a
 * fixture may be built with the other's value, which is still a string the validator judges (and that must pass
 * the schema when the validator accepts it).
 */
function literalStrings(source: string): string[] {
  const file = ts.createSourceFile('t.ts', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const constants = new Map<string, ts.Expression>();
  const helpers = new Map<string, { params: string[]; body: ts.Expression }>();
  const helper = (name: string, params: ts.NodeArray<ts.ParameterDeclaration>, body: ts.Node | undefined): void => {
    const names = params.map((p) => (ts.isIdentifier(p.name) && !p.initializer ? p.name.text : ''));
    if (names.includes('') || body === undefined) return;
    if (ts.isBlock(body)) {
      const [only, ...more] = body.statements;
      if (only && more.length === 0 && ts.isReturnStatement(only) && only.expression)
        helpers.set(name, { params: names, body: only.expression });
    } else if (ts.isExpression(body)) helpers.set(name, { params: names, body });
  };
  const collect = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      const init = node.initializer;
      if (ts.isArrowFunction(init)) helper(node.name.text, init.parameters, init.body);
      else constants.set(node.name.text, init);
    }
    if (ts.isFunctionDeclaration(node) && node.name) helper(node.name.text, node.parameters, node.body);
    ts.forEachChild(node, collect);
  };
  collect(file);

  const fold = (node: ts.Node, scope: ReadonlyMap<string, string>, depth: number): string | undefined => {
    if (depth > 8) return undefined;
    const again = (n: ts.Node) => fold(n, scope, depth);
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    if (ts.isParenthesizedExpression(node)) return again(node.expression);
    if (ts.isIdentifier(node)) {
      const bound = scope.get(node.text);
      if (bound !== undefined) return bound;
      const init = constants.get(node.text);
      return init && fold(init, new Map(), depth + 1);
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const left = again(node.left);
      const right = left === undefined ? undefined : again(node.right);
      return right === undefined ? undefined : left! + right;
    }
    if (ts.isTemplateExpression(node)) {
      let out = node.head.text;
      for (const span of node.templateSpans) {
        const value = again(span.expression);
        if (value === undefined) return undefined;
        out += value + span.literal.text;
      }
      return out;
    }
    if (!ts.isCallExpression(node)) return undefined;
    const callee = node.expression;
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'replace' && node.arguments.length === 2) {
      const [what, by] = node.arguments;
      const target = again(callee.expression);
      const replacement = by && again(by);
      if (target === undefined || replacement === undefined || what === undefined) return undefined;
      if (ts.isRegularExpressionLiteral(what)) {
        const m = /^\/(.*)\/([a-z]*)$/s.exec(what.text);
        return m ? target.replace(new RegExp(m[1]!, m[2]), replacement) : undefined;
      }
      const search = again(what);
      return search === undefined ? undefined : target.replace(search, () => replacement);
    }
    const h = ts.isIdentifier(callee) ? helpers.get(callee.text) : undefined;
    if (h === undefined || node.arguments.length !== h.params.length) return undefined;
    const args = node.arguments.map(again);
    if (args.some((a) => a === undefined)) return undefined;
    return fold(h.body, new Map(h.params.map((p, i) => [p, args[i]!])), depth + 1);
  };

  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    const text = fold(node, new Map(), 0);
    if (text !== undefined) out.push(text);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return testFiles(full);
    return name.endsWith('.ts') ? [full] : [];
  });
}

/** The appspecs written in the tests that parseAppspec accepts, with where they are. */
function validFixtures(): Array<[string, string]> {
  const seen = new Set<string>();
  const out: Array<[string, string]> = [];
  for (const file of testFiles(path.join(REPO_ROOT, 'test'))) {
    for (const text of literalStrings(readFileSync(file, 'utf8'))) {
      if (seen.has(text) || !text.includes('\n') || !looksLikeAppspec('fixture.yml', text)) continue;
      seen.add(text);
      if (validatorAccepts(text)) out.push([path.relative(REPO_ROOT, file), text]);
    }
  }
  return out;
}

describe('the appspec JSON Schema', () => {
  test('compiles as draft-07 in strict mode, one branch per platform', () => {
    const schema = appspecJsonSchema();
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect((schema.anyOf as Array<{ title: string }>).map((s) => s.title)).toEqual([
      'EC2/On-Premises',
      'Amazon ECS',
      'AWS Lambda',
    ]);
  });

  const fixtures = validFixtures();
  test('the tests hold appspec fixtures of every platform', () => {
    expect(fixtures.length).toBeGreaterThan(20);
    const platforms = new Set(fixtures.map(([, text]) => parseAppspec(text, 'appspec.yml').appspec?.platform));
    expect([...platforms].sort()).toEqual(['ec2', 'ecs', 'lambda']);
  });

  test.each(fixtures.map(([file, text], i) => [file, i + 1, text] as const))(
    'a valid fixture of %s passes (#%i)',
    (_file, _n, text) => {
      expect({ text, errors: explain(text) }).toEqual({ text, errors: 'No errors' });
    },
  );

  APPSPEC_CORPUS.describe('the corpus', (dir) => {
    const files = corpusFiles(dir).filter((f) => f.verdict !== 'either');
    test.each(files.map((f) => [f.name, f.verdict, f.text] as const))('%s (%s)', (_name, verdict, text) => {
      expect(schemaAccepts(text)).toBe(verdict === 'valid');
    });
  });

  const EC2 = 'version: 0.0\nos: linux\n';
  const ECS =
    'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n' +
    '        TaskDefinition: <TASK_DEFINITION>\n        LoadBalancerInfo:\n          ContainerName: web\n' +
    '          ContainerPort: 80\n';
  const LAMBDA =
    'version: 0.0\nResources:\n  - fn:\n      Type: AWS::Lambda::Function\n      Properties:\n' +
    '        Name: f\n        Alias: live\n        CurrentVersion: 1\n        TargetVersion: 2\n';
  const INVALID: Array<[string, string]> = [
    ['a wrong version', EC2.replace('0.0', '1.0')],
    ['a quoted version on EC2', EC2.replace('0.0', '"0.0"')],
    ['an unknown os', 'version: 0.0\nos: linus\n'],
    ['Hooks on EC2', `${EC2}Hooks:\n  ApplicationStart:\n    - location: a.sh\n`],
    ['a misspelt files key', `${EC2}files:\n  - sources: /\n    destination: /srv\n`],
    ['a relative destination on Linux', `${EC2}files:\n  - source: /\n    destination: srv/app\n`],
    ['a Linux destination on Windows', 'version: 0.0\nos: windows\nfiles:\n  - source: /\n    destination: /srv\n'],
    ['permissions on Windows', 'version: 0.0\nos: windows\npermissions:\n  - object: C:\\app\n'],
    ['an agent-only event', `${EC2}hooks:\n  Install:\n    - location: a.sh\n`],
    ['a timeout over an hour', `${EC2}hooks:\n  AfterInstall:\n    - location: a.sh\n      timeout: 3601\n`],
    ['a timeout of "0"', `${EC2}hooks:\n  AfterInstall:\n    - location: a.sh\n      timeout: "0"\n`],
    ['a script without location', `${EC2}hooks:\n  AfterInstall:\n    - timeout: 30\n`],
    ['a bad file_exists_behavior', `${EC2}file_exists_behavior: REPLACE\n`],
    ['a mode with an 8', `${EC2}permissions:\n  - object: /srv\n    mode: "0685"\n`],
    ['a type that is not a list', `${EC2}permissions:\n  - object: /srv\n    type: file\n`],
    ['ECS without LoadBalancerInfo', ECS.replace(/ {8}LoadBalancerInfo:[\s\S]*$/, '')],
    ['ECS with a port out of range', ECS.replace('80', '70000')],
    ['ECS with a Lambda hook event... of EC2', `${ECS}Hooks:\n  - ApplicationStart: f\n`],
    ['ECS Hooks as a mapping', `${ECS}Hooks:\n  BeforeInstall: f\n`],
    ['ECS with two resources', ECS + ECS.slice(ECS.indexOf('  - TargetService')).replace('TargetService', 'Other')],
    [
      'ECS with part of AwsvpcConfiguration',
      `${ECS}        NetworkConfiguration:\n          AwsvpcConfiguration:\n            Subnets: [subnet-1]\n`,
    ],
    ['Lambda without TargetVersion', LAMBDA.replace(/ {8}TargetVersion.*\n/, '')],
    ['Lambda with an ECS-only hook', `${LAMBDA}Hooks:\n  - AfterAllowTestTraffic: f\n`],
    ['an unknown resource type', LAMBDA.replace('AWS::Lambda::Function', 'AWS::Lambda::Alias')],
  ];

  test.each(INVALID)('%s fails it, as it fails the validator', (_why, text) => {
    expect(validatorAccepts(text)).toBe(false);
    expect(schemaAccepts(text)).toBe(false);
  });

  test('the valid bases of those pass it', () => {
    for (const text of [EC2, ECS, LAMBDA, `${ECS}Hooks:\n  - BeforeInstall: f\n`]) {
      expect(validatorAccepts(text)).toBe(true);
      expect(explain(text)).toBe('No errors');
    }
  });
});
