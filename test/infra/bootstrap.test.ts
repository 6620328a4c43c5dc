/**
 * infra/bootstrap.yml against the CloudFormation resource specification (@aws-cdk/cfnspec): resource types,
 * property names and shapes (recursively through property types), required properties, GetAtt attributes; every
 * Ref, GetAtt and Sub reference and every condition resolves; and the workflow role's inline policies equal
 * `aws-cicd iam-policy` for the actions each policy is named after.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { specification } from '@aws-cdk/cfnspec';
import { parse, YAMLMap, type Tags } from 'yaml';
import { ACTIONS, iamPolicy, type PolicyScope } from '../../src/aws/permissions.js';

const ROOT = join(import.meta.dirname, '../..');
const TEMPLATE_FILE = join(ROOT, 'infra/bootstrap.yml');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

// ---- parsing ------------------------------------------------------------------------------------------------

const FUNCTIONS = [
  'Ref',
  'Condition',
  'Sub',
  'GetAtt',
  'If',
  'Equals',
  'Not',
  'And',
  'Or',
  'Join',
  'Select',
  'Split',
  'FindInMap',
  'Base64',
  'Cidr',
  'GetAZs',
  'ImportValue',
];
const longName = (f: string): string => (f === 'Ref' || f === 'Condition' ? f : `Fn::${f}`);

/** CloudFormation's short forms (!Ref, !Sub, !GetAtt, !If, ...) as custom tags giving the long (JSON) form. */
export const CFN_TAGS: Tags = FUNCTIONS.flatMap((f) => [
  { tag: `!${f}`, resolve: (text: string) => ({ [longName(f)]: f === 'GetAtt' ? text.split('.') : text }) },
  ...(['seq', 'map'] as const).map((collection) => ({
    tag: `!${f}`,
    collection,
    resolve: (node: unknown) => {
      const map = new YAMLMap();
      map.set(longName(f), node);
      return map;
    },
  })),
]) as Tags;

function readTemplate(text: string): JsonObject {
  return parse(text, { customTags: CFN_TAGS, prettyErrors: true, strict: true, uniqueKeys: true }) as JsonObject;
}

const template = readTemplate(readFileSync(TEMPLATE_FILE, 'utf8'));
const spec = specification();
const parameters = template.Parameters as Record<string, JsonObject>;
const resources = template.Resources as Record<string, JsonObject>;
const conditions = (template.Conditions ?? {}) as Record<string, Json>;
const outputs = template.Outputs as Record<string, JsonObject>;

const PSEUDO = new Set([
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::NoValue',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
]);

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The intrinsic function of `{ "Fn::X": ... }` / `{ Ref: ... }`, when the value is one. */
function intrinsic(value: Json): [string, Json] | undefined {
  if (!isObject(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const key = keys[0]!;
  return key === 'Ref' || key === 'Condition' || key.startsWith('Fn::') ? [key, value[key]!] : undefined;
}

/** `${Name}` and `${Name.Attr}` placeholders of a Sub string (`${!Literal}` is not one). */
function subNames(text: string): string[] {
  return [...text.matchAll(/\$\{([^!}][^}]*)\}/g)].map((m) => m[1]!.trim());
}

// ---- the specification check --------------------------------------------------------------------------------

interface SpecProperty {
  PrimitiveType?: string;
  Type?: string;
  ItemType?: string;
  PrimitiveItemType?: string;
  Required?: boolean;
}

/** Checks a value against a property spec; `typeName` is the resource type, for property type lookup. */
function checkProperty(where: string, value: Json, prop: SpecProperty, typeName: string, out: string[]): void {
  const fn = intrinsic(value);
  if (fn) {
    if (fn[0] === 'Fn::If' && Array.isArray(fn[1])) {
      // Both branches must fit (AWS::NoValue removes the property).
      for (const branch of fn[1].slice(1)) {
        if (!(isObject(branch) && branch.Ref === 'AWS::NoValue')) checkProperty(where, branch, prop, typeName, out);
      }
    }
    return; // Any other function's result is checked by CloudFormation at deploy time.
  }
  if (prop.PrimitiveType) return checkPrimitive(where, value, prop.PrimitiveType, out);
  if (prop.Type === 'List') {
    if (!Array.isArray(value)) return void out.push(`${where}: expected a list`);
    value.forEach((item, i) => checkItem(`${where}[${i}]`, item, prop, typeName, out));
    return;
  }
  if (prop.Type === 'Map') {
    if (!isObject(value)) return void out.push(`${where}: expected a map`);
    for (const [k, item] of Object.entries(value)) checkItem(`${where}.${k}`, item, prop, typeName, out);
    return;
  }
  if (prop.Type) checkPropertyType(where, value, `${typeName}.${prop.Type}`, typeName, out);
}

function checkItem(where: string, item: Json, prop: SpecProperty, typeName: string, out: string[]): void {
  if (prop.PrimitiveItemType) checkProperty(where, item, { PrimitiveType: prop.PrimitiveItemType }, typeName, out);
  else if (prop.ItemType) checkProperty(where, item, { Type: prop.ItemType }, typeName, out);
}

function checkPrimitive(where: string, value: Json, type: string, out: string[]): void {
  const ok =
    type === 'Json'
      ? isObject(value) || typeof value === 'string'
      : type === 'Boolean'
        ? typeof value === 'boolean' || value === 'true' || value === 'false'
        : type === 'Integer' || type === 'Long' || type === 'Double'
          ? typeof value === 'number' || (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value))
          : typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
  if (!ok) out.push(`${where}: expected ${type}, got ${JSON.stringify(value)}`);
}

function checkPropertyType(where: string, value: Json, fullName: string, typeName: string, out: string[]): void {
  const type = spec.PropertyTypes[fullName] as { Properties?: Record<string, SpecProperty> } | undefined;
  if (type === undefined) return void out.push(`${where}: property type ${fullName} is not in the specification`);
  if (!isObject(value)) return void out.push(`${where}: expected a ${fullName} object`);
  checkProperties(where, value, type.Properties ?? {}, typeName, out);
}

function checkProperties(
  where: string,
  value: JsonObject,
  props: Record<string, SpecProperty>,
  typeName: string,
  out: string[],
): void {
  for (const [name, item] of Object.entries(value)) {
    const prop = props[name];
    if (prop === undefined)
      out.push(`${where}.${name}: not a property of ${typeName} (known: ${Object.keys(props).join(', ')})`);
    else checkProperty(`${where}.${name}`, item, prop, typeName, out);
  }
  for (const [name, prop] of Object.entries(props)) {
    if (prop.Required && !(name in value)) out.push(`${where}: required property ${name} is missing`);
  }
}

const RESOURCE_KEYS = new Set([
  'Type',
  'Properties',
  'Condition',
  'DependsOn',
  'DeletionPolicy',
  'UpdateReplacePolicy',
  'Metadata',
  'CreationPolicy',
  'UpdatePolicy',
]);

function specProblems(): string[] {
  const out: string[] = [];
  for (const [logicalId, resource] of Object.entries(resources)) {
    for (const key of Object.keys(resource)) if (!RESOURCE_KEYS.has(key)) out.push(`${logicalId}: unknown key ${key}`);
    const typeName = resource.Type as string;
    const type = spec.ResourceTypes[typeName] as { Properties?: Record<string, SpecProperty> } | undefined;
    if (type === undefined) {
      out.push(`${logicalId}: resource type ${typeName} is not in the specification`);
      continue;
    }
    const properties = resource.Properties ?? {};
    if (!isObject(properties)) out.push(`${logicalId}.Properties: expected a map`);
    else checkProperties(`${logicalId}.Properties`, properties, type.Properties ?? {}, typeName, out);
  }
  return out;
}

// ---- references and conditions ------------------------------------------------------------------------------

/** Conditions that imply others, so a reference under the first may name a resource of the second. */
const IMPLIES: Record<string, string[]> = {
  // The template's Rules refuse SourceType CODECOMMIT without CodeCommitRepositoryName.
  SourceIsCodeCommit: ['CreateCodeCommit'],
};

interface Walk {
  readonly refs: string[];
  readonly conditionsUsed: Set<string>;
  readonly problems: string[];
}

/** Walks a value, checking its references; `active` are the conditions known true where the value is used. */
function walk(where: string, value: Json, active: readonly string[], w: Walk, inConditions = false): void {
  const holds = (condition: string): boolean =>
    active.includes(condition) || active.some((a) => IMPLIES[a]?.includes(condition));
  const target = (name: string, how: string): void => {
    w.refs.push(name);
    if (name in parameters || PSEUDO.has(name)) return;
    const resource = resources[name];
    if (resource === undefined) return void w.problems.push(`${where}: ${how} ${name}: no such parameter or resource`);
    if (inConditions) w.problems.push(`${where}: conditions cannot refer to resource ${name}`);
    const condition = resource.Condition as string | undefined;
    if (condition !== undefined && !holds(condition)) {
      w.problems.push(`${where}: ${how} ${name}, which exists only under condition ${condition}`);
    }
  };
  const attribute = (name: string, attr: string): void => {
    target(name, 'GetAtt');
    const resource = resources[name];
    if (resource === undefined) return;
    const attributes = (spec.ResourceTypes[resource.Type as string] as { Attributes?: object } | undefined)?.Attributes;
    if (!attributes || !(attr in attributes))
      w.problems.push(`${where}: ${resource.Type as string} has no attribute ${attr}`);
  };
  const condition = (name: Json): void => {
    if (typeof name !== 'string' || !(name in conditions)) {
      w.problems.push(`${where}: condition ${JSON.stringify(name)} is not defined`);
    } else w.conditionsUsed.add(name);
  };
  const fn = intrinsic(value);
  if (fn) {
    const [name, arg] = fn;
    if (name === 'Ref') {
      if (typeof arg !== 'string') return void w.problems.push(`${where}: Ref needs a name`);
      return target(arg, 'Ref');
    }
    if (name === 'Condition') return condition(arg);
    if (name === 'Fn::GetAtt') {
      if (!Array.isArray(arg) || arg.length !== 2)
        return void w.problems.push(`${where}: GetAtt needs Resource.Attribute`);
      return attribute(String(arg[0]), String(arg[1]));
    }
    if (name === 'Fn::Sub') {
      const [text, vars] = Array.isArray(arg) ? [arg[0], arg[1]] : [arg, {}];
      if (typeof text !== 'string') return void w.problems.push(`${where}: Sub needs a string`);
      const local = isObject(vars) ? vars : {};
      for (const v of Object.values(local)) walk(where, v, active, w, inConditions);
      for (const placeholder of subNames(text)) {
        if (placeholder in local) continue;
        const dot = placeholder.indexOf('.');
        if (dot > 0 && !placeholder.startsWith('AWS::'))
          attribute(placeholder.slice(0, dot), placeholder.slice(dot + 1));
        else target(placeholder, 'Sub ${}');
      }
      return;
    }
    if (name === 'Fn::If') {
      if (!Array.isArray(arg) || arg.length !== 3) return void w.problems.push(`${where}: If needs 3 arguments`);
      condition(arg[0]!);
      walk(`${where}/if-true`, arg[1]!, [...active, String(arg[0])], w, inConditions);
      walk(`${where}/if-false`, arg[2]!, active, w, inConditions);
      return;
    }
  }
  if (Array.isArray(value)) value.forEach((item, i) => walk(`${where}[${i}]`, item, active, w, inConditions));
  else if (isObject(value))
    for (const [k, v] of Object.entries(value)) walk(`${where}.${k}`, v, active, w, inConditions);
}

function referenceWalk(): Walk {
  const w: Walk = { refs: [], conditionsUsed: new Set(), problems: [] };
  for (const [name, body] of Object.entries(conditions)) walk(`Conditions.${name}`, body, [], w, true);
  for (const [name, rule] of Object.entries((template.Rules ?? {}) as JsonObject))
    walk(`Rules.${name}`, rule, [], w, true);
  for (const [logicalId, resource] of Object.entries(resources)) {
    const own = resource.Condition as string | undefined;
    if (own !== undefined) walk(`${logicalId}.Condition`, { Condition: own }, [], w);
    walk(`${logicalId}.Properties`, resource.Properties ?? {}, own === undefined ? [] : [own], w);
    const dependsOn = resource.DependsOn === undefined ? [] : ([] as Json[]).concat(resource.DependsOn);
    for (const d of dependsOn) {
      if (typeof d !== 'string' || !(d in resources))
        w.problems.push(`${logicalId}.DependsOn: no resource ${String(d)}`);
    }
  }
  for (const [name, output] of Object.entries(outputs)) {
    const own = output.Condition as string | undefined;
    if (own !== undefined) walk(`Outputs.${name}.Condition`, { Condition: own }, [], w);
    walk(`Outputs.${name}.Value`, output.Value ?? null, own === undefined ? [] : [own], w);
  }
  return w;
}

// ---- the role's policies ------------------------------------------------------------------------------------

/** The placeholders the template's policies use for iamPolicy's scope. */
const TEMPLATE_SCOPE: PolicyScope = {
  partition: '${AWS::Partition}',
  region: '${AWS::Region}',
  account: '${AWS::AccountId}',
  project: '${ProjectName}',
  logGroup: '${BuildLogGroup}',
  ecrRepository: '${EcrRepository}',
  codecommitRepository: '${CodeCommitRepositoryName}',
  pipeline: '${PipelineName}',
};

/** A policy document with `{ "Fn::Sub": "..." }` replaced by its string. */
function unSub(value: Json): Json {
  const fn = intrinsic(value);
  if (fn && fn[0] === 'Fn::Sub' && typeof fn[1] === 'string') return fn[1];
  if (Array.isArray(value)) return value.map(unSub);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unSub(v)]));
  return value;
}

/** The inline policies of a role, unwrapping `!If [C, policy, !Ref AWS::NoValue]`. */
function inlinePolicies(role: JsonObject): { name: string; document: Json; condition?: string }[] {
  const list = ((role.Properties as JsonObject).Policies ?? []) as Json[];
  return list.map((entry) => {
    const fn = intrinsic(entry);
    const [policy, condition] =
      fn && fn[0] === 'Fn::If' && Array.isArray(fn[1])
        ? [fn[1][1] as JsonObject, String(fn[1][0])]
        : [entry as JsonObject];
    return { name: policy.PolicyName as string, document: policy.PolicyDocument as Json, condition };
  });
}

/** The same statements in the template's YAML form, for pasting when the test fails. */
function asTemplateYaml(actions: readonly string[]): string {
  const { policy } = iamPolicy(actions, TEMPLATE_SCOPE);
  const arn = (text: string): string => (text.includes('${') ? `!Sub '${text}'` : `'${text}'`);
  const lines = ["Version: '2012-10-17'", 'Statement:'];
  for (const s of policy.Statement) {
    lines.push(`  - Sid: ${s.Sid}`, `    Effect: ${s.Effect}`, '    Action:', ...s.Action.map((a) => `      - ${a}`));
    if (Array.isArray(s.Resource)) lines.push('    Resource:', ...s.Resource.map((r) => `      - ${arn(r)}`));
    else lines.push(`    Resource: ${arn(s.Resource)}`);
  }
  return lines.join('\n') + '\n';
}

/** Differences between a role's inline policies and iam-policy for the actions in their names. */
function policyDrift(role: JsonObject): string[] {
  const out: string[] = [];
  for (const { name, document } of inlinePolicies(role)) {
    const actions = name.replace(/^aws-cicd-/, '').split('-');
    const unknown = actions.filter((a) => !(a in ACTIONS));
    if (!name.startsWith('aws-cicd-') || unknown.length > 0) {
      out.push(
        `GitHubActionsRole policy ${name}: name it aws-cicd-<action>-<action>... (unknown: ${unknown.join(', ')})`,
      );
      continue;
    }
    if (JSON.stringify(unSub(document)) !== JSON.stringify(iamPolicy(actions, TEMPLATE_SCOPE).policy)) {
      out.push(
        `GitHubActionsRole policy ${name} differs from aws-cicd iam-policy ${actions.join(' ')}; its PolicyDocument ` +
          `should be:\n${asTemplateYaml(actions)}`,
      );
    }
  }
  return out;
}

// ---- tests --------------------------------------------------------------------------------------------------

describe('infra/bootstrap.yml', () => {
  test('parses as YAML with the CloudFormation short-form tags; only known top-level sections', () => {
    expect(template.AWSTemplateFormatVersion).toBe('2010-09-09');
    const known = ['AWSTemplateFormatVersion', 'Description', 'Metadata', 'Parameters', 'Rules', 'Mappings'];
    known.push('Conditions', 'Transform', 'Resources', 'Outputs');
    expect(Object.keys(template).filter((k) => !known.includes(k))).toEqual([]);
    expect(() => readTemplate('a: !Ref [x')).toThrow();
  });

  test('every resource type, property name and property shape is in the CloudFormation specification', () => {
    expect(specProblems()).toEqual([]);
  });

  test('the specification check catches what it should (a mutated template)', () => {
    const saved = structuredClone(resources);
    try {
      (resources.CodeBuildProject!.Properties as JsonObject).Enviroment = {};
      ((resources.CodeBuildProject!.Properties as JsonObject).Environment as JsonObject).Imagee = 'x';
      delete (resources.BuildLogGroup!.Properties as JsonObject).LogGroupName;
      delete (resources.CodeBuildProject!.Properties as JsonObject).ServiceRole;
      (resources.EcrRepository!.Properties as JsonObject).ImageScanningConfiguration = { ScanOnPush: 'yes' };
      resources.NotificationTopic!.Type = 'AWS::SNS::Topik';
      const problems = specProblems();
      expect(problems).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^CodeBuildProject\.Properties\.Enviroment: not a property of AWS::CodeBuild::Project/),
          expect.stringMatching(/^CodeBuildProject\.Properties\.Environment\.Imagee: not a property/),
          'CodeBuildProject.Properties: required property ServiceRole is missing',
          'EcrRepository.Properties.ImageScanningConfiguration.ScanOnPush: expected Boolean, got "yes"',
          'NotificationTopic: resource type AWS::SNS::Topik is not in the specification',
        ]),
      );
    } finally {
      for (const key of Object.keys(resources)) delete resources[key];
      Object.assign(resources, saved);
    }
  });

  test('every Ref, GetAtt, Sub placeholder and condition resolves, respecting resource conditions', () => {
    const w = referenceWalk();
    expect(w.problems).toEqual([]);
    expect(Object.keys(conditions).filter((c) => !w.conditionsUsed.has(c))).toEqual([]);
    expect(Object.keys(parameters).filter((p) => !w.refs.includes(p))).toEqual([]);
  });

  test('the reference check catches a dangling Ref, an unknown attribute and an unguarded conditional resource', () => {
    const probe: Walk = { refs: [], conditionsUsed: new Set(), problems: [] };
    walk('x', { 'Fn::Sub': '${Nope}-${EcrRepository.Uri}' }, [], probe);
    walk('y', { 'Fn::GetAtt': ['CodeCommitRepository', 'Arn'] }, [], probe);
    walk('z', { 'Fn::If': ['Missing', 'a', 'b'] }, [], probe);
    expect(probe.problems).toEqual([
      'x: Sub ${} Nope: no such parameter or resource',
      'x: AWS::ECR::Repository has no attribute Uri',
      'y: GetAtt CodeCommitRepository, which exists only under condition CreateCodeCommit',
      'z: condition "Missing" is not defined',
    ]);
  });

  test('parameters are documented; defaults satisfy their own constraints', () => {
    for (const [name, p] of Object.entries(parameters)) {
      expect([name, typeof p.Description === 'string' && p.Description.length > 10]).toEqual([name, true]);
      if (p.Default === undefined) continue;
      if (Array.isArray(p.AllowedValues)) expect(p.AllowedValues.map(String)).toContain(String(p.Default));
      if (typeof p.AllowedPattern === 'string') expect(String(p.Default)).toMatch(new RegExp(p.AllowedPattern));
    }
  });

  test('the workflow role is trusted only by the repository (branch or environment) with audience sts.amazonaws.com', () => {
    const trust = (resources.GitHubActionsRole!.Properties as JsonObject).AssumeRolePolicyDocument as JsonObject;
    const [statement, ...others] = trust.Statement as JsonObject[];
    expect(others).toEqual([]);
    expect(statement).toMatchObject({ Effect: 'Allow', Action: 'sts:AssumeRoleWithWebIdentity' });
    expect(((statement!.Principal as JsonObject).Federated as JsonObject)['Fn::If']).toEqual([
      'CreateOidc',
      { Ref: 'GitHubOidcProvider' },
      { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com' },
    ]);
    expect(statement!.Condition).toEqual({
      StringEquals: {
        'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
        'token.actions.githubusercontent.com:sub': {
          'Fn::If': [
            'UseEnvironment',
            { 'Fn::Sub': 'repo:${GitHubOwner}/${GitHubRepository}:environment:${GitHubEnvironment}' },
            { 'Fn::Sub': 'repo:${GitHubOwner}/${GitHubRepository}:ref:refs/heads/${GitHubBranch}' },
          ],
        },
      },
    });
    expect(resources.GitHubOidcProvider).toMatchObject({
      Condition: 'CreateOidc',
      Properties: { Url: 'https://token.actions.githubusercontent.com', ClientIdList: ['sts.amazonaws.com'] },
    });
  });

  test("the workflow role's inline policies equal aws-cicd iam-policy for the actions they are named after", () => {
    expect(policyDrift(resources.GitHubActionsRole!)).toEqual([]);
    expect(inlinePolicies(resources.GitHubActionsRole!).map((p) => p.name)).toEqual([
      'aws-cicd-build-image',
      'aws-cicd-mirror',
    ]);
  });

  test('the policy comparison fails on a changed action or resource, and its suggested YAML is the right policy', () => {
    const role = structuredClone(resources.GitHubActionsRole!);
    const statements = (((role.Properties as JsonObject).Policies as JsonObject[])[0]!.PolicyDocument as JsonObject)
      .Statement as JsonObject[];
    (statements[0]!.Action as string[]).push('codebuild:DeleteProject');
    const [drift] = policyDrift(role);
    expect(drift).toContain(
      'GitHubActionsRole policy aws-cicd-build-image differs from aws-cicd iam-policy build image',
    );
    const pasted = readTemplate(drift!.slice(drift!.indexOf('should be:\n') + 11));
    expect(unSub(pasted)).toEqual(iamPolicy(['build', 'image'], TEMPLATE_SCOPE).policy);
    statements[0]!.Action = iamPolicy(['build']).policy.Statement[0]!.Action;
    statements[0]!.Resource = '*';
    expect(policyDrift(role)).toHaveLength(1);
  });

  test('build and pipeline state changes go to the SNS topic, which lets CodeStar Notifications publish', () => {
    const rules = Object.values(resources).filter((r) => r.Type === 'AWS::CodeStarNotifications::NotificationRule');
    const events = rules.flatMap((r) => (r.Properties as JsonObject).EventTypeIds as string[]);
    expect(events).toEqual(expect.arrayContaining(['codebuild-project-build-state-failed']));
    expect(events).toEqual(expect.arrayContaining(['codepipeline-pipeline-pipeline-execution-failed']));
    for (const rule of rules) {
      expect((rule.Properties as JsonObject).Targets).toEqual([
        { TargetType: 'SNS', TargetAddress: { Ref: 'NotificationTopic' } },
      ]);
    }
    const policy = (resources.NotificationTopicPolicy!.Properties as JsonObject).PolicyDocument as JsonObject;
    expect(policy.Statement).toEqual([
      expect.objectContaining({
        Effect: 'Allow',
        Principal: { Service: 'codestar-notifications.amazonaws.com' },
        Action: 'sns:Publish',
        Resource: { Ref: 'NotificationTopic' },
      }),
    ]);
  });

  test('the project uses the image in the created ECR repository by default and logs to the log group', () => {
    const props = resources.CodeBuildProject!.Properties as JsonObject;
    expect((props.Environment as JsonObject).Image).toEqual({
      'Fn::If': ['UseDefaultImage', { 'Fn::Sub': '${EcrRepository.RepositoryUri}:latest' }, { Ref: 'ImageUri' }],
    });
    expect(((props.LogsConfig as JsonObject).CloudWatchLogs as JsonObject).GroupName).toEqual({ Ref: 'BuildLogGroup' });
    expect((resources.BuildLogGroup!.Properties as JsonObject).RetentionInDays).toEqual({ Ref: 'LogRetentionDays' });
    expect(resources.CodeCommitRepository?.Condition).toBe('CreateCodeCommit');
  });

  test('outputs are documented and give what the workflows need', () => {
    for (const [name, output] of Object.entries(outputs)) {
      expect([name, typeof output.Description === 'string' && output.Value !== undefined]).toEqual([name, true]);
    }
    expect(Object.keys(outputs)).toEqual(
      expect.arrayContaining(['RoleArn', 'Region', 'ProjectName', 'EcrRepositoryUri', 'CodeCommitRepositoryName']),
    );
  });
});
