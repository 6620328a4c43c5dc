/**
 * The JSON Schema (draft-07, what yaml-language-server and VS Code use) of CodeDeploy AppSpec files, written from
 * AWS's AppSpec reference: EC2/On-Premises (`os`, `files`, `permissions`, `hooks` → scripts), Amazon ECS and AWS
 * Lambda (`Resources` with one service or function, `Hooks` → Lambda functions). Editors read YAML 1.2, where
 * `version: 0.0` is the number 0 and `timeout: 300` a number, so values the agent reads as text accept numbers too.
 *
 * As for buildspecs, only what the validator (parseAppspec) reports as an error is a constraint here; what it merely
 * warns about (undocumented keys in most places, a quoted port, `sudo`) stays allowed. Rules an editor cannot see
 * (a plain `0644` mode, which the agent reads as octal) are left to `aws-cicd validate`.
 */
import {
  EC2_HOOK_ORDER,
  EC2_RESERVED_EVENTS,
  ECS_HOOK_ORDER,
  FILE_EXISTS_BEHAVIORS,
  LAMBDA_HOOK_ORDER,
  MAX_HOOK_SECONDS,
} from './types.js';
import { caseInsensitivePattern } from '../core/json-schema.js';

type Schema = Record<string, unknown>;

const ECS_TYPE = 'AWS::ECS::Service';
const LAMBDA_TYPE = 'AWS::Lambda::Function';

/** A non-empty single value (the agent reads its text, so numbers and booleans count). */
function text(description: string): Schema {
  return { description, type: ['string', 'number', 'boolean'], pattern: '\\S' };
}

/** A whole number from min to max, written as a number or as digits. */
function wholeNumber(description: string, min: number, max: number): Schema {
  return {
    description,
    anyOf: [
      { type: 'integer', minimum: min, maximum: max },
      { type: 'string', pattern: '^[0-9]+$' },
    ],
  };
}

/** A list, which may be left empty (`files:` with nothing after it). */
function list(description: string, items: Schema): Schema {
  return { description, type: ['array', 'null'], items };
}

// EC2/On-Premises -------------------------------------------------------------------------------------------------

const hookScript: Schema = {
  description: 'A script the CodeDeploy agent runs for this lifecycle event.',
  type: 'object',
  required: ['location'],
  properties: {
    location: text('The script, relative to the root of the revision.'),
    timeout: {
      description: `Seconds the script may run, 1 to ${MAX_HOOK_SECONDS} (the default).`,
      anyOf: [
        { type: 'integer', minimum: 1, maximum: MAX_HOOK_SECONDS },
        { type: 'string', pattern: '^0*([1-9][0-9]{0,2}|[12][0-9]{3}|3[0-5][0-9]{2}|3600)$' },
      ],
    },
    runas: text('Linux only: the user the script runs as.'),
  },
};

const ec2Hooks: Schema = {
  description:
    'Lifecycle event → scripts. ' +
    `${EC2_RESERVED_EVENTS.join(', ')} are run by the agent itself and take no scripts.`,
  type: ['object', 'null'],
  properties: Object.fromEntries(
    EC2_HOOK_ORDER.map((event) => [
      event,
      { description: `Scripts run at ${event}.`, type: 'array', items: hookScript },
    ]),
  ),
  additionalProperties: false,
};

const permission: Schema = {
  description: 'Owner, group, mode, ACLs and SELinux context for files the deployment copied.',
  type: 'object',
  required: ['object'],
  properties: {
    object: text('The file or directory the entry applies to.'),
    pattern: { description: 'Which files or directories under object (default **).', type: ['string', 'null'] },
    except: list('Patterns of files or directories to leave alone.', text('A pattern.')),
    owner: text('The owning user.'),
    group: text('The owning group.'),
    mode: {
      description: 'Permissions as for chmod, 1 to 4 octal digits (e.g. 644 or 4755).',
      anyOf: [
        { type: 'string', pattern: '^[0-7]{1,4}$' },
        { type: 'integer', minimum: 0, maximum: 7777 },
      ],
    },
    acls: list('setfacl entries, e.g. u:bob:rw or d:g:staff:rx.', text('One setfacl entry.')),
    context: {
      description: 'The SELinux context to set.',
      type: 'object',
      required: ['type'],
      properties: {
        user: text('The SELinux user.'),
        name: text('The SELinux user (another name for user).'),
        type: text('The SELinux type, e.g. httpd_sys_content_t.'),
        range: {
          description: 'The MLS/MCS range, e.g. s0 or s0-s1:c0.c5,c7.',
          type: 'string',
          pattern: '^s[0-9]+(-s[0-9]+)?(:c[0-9]+(\\.c[0-9]+)?(,c[0-9]+(\\.c[0-9]+)?)*)?$',
        },
      },
    },
    type: list('What the entry applies to: file, directory or both (default both).', {
      enum: ['file', 'directory'],
    }),
  },
};

const fileMapping: Schema = {
  description: 'A file or directory of the revision and where it goes on the instance.',
  type: 'object',
  required: ['source', 'destination'],
  properties: {
    source: text('A file or directory of the revision (/ is all of it).'),
    destination: text('An absolute path on the instance.'),
  },
};

/** The schema `files` takes when the os is known: destinations absolute on that os. */
function filesFor(absolute: string): Schema {
  return {
    type: ['array', 'null'],
    items: { type: 'object', properties: { destination: { type: 'string', pattern: absolute } } },
  };
}

const ec2Appspec: Schema = {
  title: 'EC2/On-Premises',
  type: 'object',
  required: ['version', 'os'],
  additionalProperties: false,
  properties: {
    version: { description: 'The AppSpec version: 0.0, unquoted (the agent compares it with a number).', const: 0 },
    os: { description: 'The operating system of the instances.', enum: ['linux', 'windows'] },
    files: list('What to copy from the revision onto the instance during Install.', fileMapping),
    file_exists_behavior: {
      description: 'What to do with a destination file that exists but was not deployed by CodeDeploy.',
      enum: [...FILE_EXISTS_BEHAVIORS],
    },
    permissions: list('Linux only: permissions to set on the copied files.', permission),
    hooks: ec2Hooks,
  },
  allOf: [
    {
      if: { properties: { os: { const: 'linux' } }, required: ['os'] },
      then: { properties: { files: filesFor('^/') } },
    },
    {
      if: { properties: { os: { const: 'windows' } }, required: ['os'] },
      then: {
        properties: {
          // C:\ or C:/, or a UNC path \\server
          files: filesFor('^([A-Za-z]:([\\\\/]|$)|\\\\\\\\)'),
          permissions: {
            description: 'Not on Windows: the agent fails a deployment that has them.',
            type: ['array', 'null'],
            maxItems: 0,
          },
        },
      },
    },
  ],
};

// Amazon ECS and AWS Lambda ---------------------------------------------------------------------------------------

const serverlessVersion: Schema = {
  description: 'The AppSpec version: 0.0.',
  anyOf: [{ const: 0 }, { const: '0.0' }],
};

function functionHooks(events: readonly string[], platform: string): Schema {
  const properties: Record<string, Schema> = {};
  for (const event of events) properties[event] = text(`The Lambda function CodeDeploy calls at ${event}.`);
  return {
    description: `Lifecycle event → Lambda function, one single-key mapping per event, for ${platform} deployments.`,
    type: ['array', 'null'],
    items: { type: 'object', minProperties: 1, maxProperties: 1, properties, additionalProperties: false },
  };
}

/**
 * A mapping of ECS or Lambda settings. CodeDeploy reads these keys in any case (AWS's own examples write both
 * `Resources` and `resources`), so each key is offered as documented and matched in any case; `closed`: no other
 * keys (the validator's errors), else other keys are allowed (it warns about them).
 */
function anyCaseMapping(
  description: string,
  properties: Record<string, Schema>,
  options: { required?: readonly string[]; closed?: boolean } = {},
): Schema {
  // The documented names for completion (with their descriptions), the schemas under any case.
  const named: Record<string, Schema> = {};
  const patternProperties: Record<string, Schema> = {};
  for (const [name, schema] of Object.entries(properties)) {
    named[name] = typeof schema.description === 'string' ? { description: schema.description } : {};
    patternProperties[caseInsensitivePattern([name])] = schema;
  }
  const required = options.required ?? [];
  return {
    description,
    type: 'object',
    properties: named,
    patternProperties,
    ...(options.closed ? { additionalProperties: false } : {}),
    // Each required key is there in some case: not every key fails to match it.
    ...(required.length > 0
      ? {
          allOf: required.map((name) => ({
            not: { propertyNames: { not: { pattern: caseInsensitivePattern([name]) } } },
          })),
        }
      : {}),
  };
}

const ecsService = anyCaseMapping(
  'The ECS service to deploy.',
  {
    TaskDefinition: text(
      'The task definition ARN (arn:aws:ecs:region:account:task-definition/family:revision), or a placeholder such ' +
        'as <TASK_DEFINITION> that CodePipeline fills in.',
    ),
    LoadBalancerInfo: anyCaseMapping(
      'The container and port that receive the traffic.',
      {
        ContainerName: text('The container that receives the traffic.'),
        ContainerPort: wholeNumber('The port that receives the traffic.', 1, 65535),
      },
      { required: ['ContainerName', 'ContainerPort'] },
    ),
    PlatformVersion: text('The Fargate platform version, e.g. LATEST.'),
    NetworkConfiguration: anyCaseMapping(
      'The awsvpc network settings of the replacement tasks.',
      {
        AwsvpcConfiguration: {
          ...anyCaseMapping('Subnets, security groups and public IP: all three or none.', {
            Subnets: list('Subnet IDs.', text('A subnet ID.')),
            SecurityGroups: list('Security group IDs.', text('A security group ID.')),
            AssignPublicIp: { description: 'Whether the tasks get a public IP.', enum: ['ENABLED', 'DISABLED'] },
          }),
          anyOf: [
            anyCaseMapping('All three.', {}, { required: ['Subnets', 'SecurityGroups', 'AssignPublicIp'] }),
            {
              type: 'object',
              propertyNames: {
                not: { pattern: caseInsensitivePattern(['Subnets', 'SecurityGroups', 'AssignPublicIp']) },
              },
            },
          ],
        },
      },
      { required: ['AwsvpcConfiguration'], closed: true },
    ),
    CapacityProviderStrategy: list(
      'Capacity providers of the replacement tasks.',
      anyCaseMapping(
        'One capacity provider.',
        {
          CapacityProvider: text('The capacity provider.'),
          Base: wholeNumber('Tasks placed on this provider first.', 0, 100000),
          Weight: wholeNumber('Relative share of the tasks.', 0, 1000),
        },
        { required: ['CapacityProvider'] },
      ),
    ),
  },
  { required: ['TaskDefinition', 'LoadBalancerInfo'] },
);

const lambdaFunction = anyCaseMapping(
  'The Lambda function whose alias moves from one version to another.',
  {
    Name: text('The function name.'),
    Alias: text('The alias whose traffic shifts.'),
    CurrentVersion: text('The version the alias points to now.'),
    TargetVersion: text('The version the alias moves to.'),
  },
  { required: ['Name', 'Alias', 'CurrentVersion', 'TargetVersion'] },
);

function resources(type: string, properties: Schema, what: string): Schema {
  const resource = anyCaseMapping(
    `The ${what}: its Type and Properties.`,
    { Type: { description: 'The resource type.', const: type }, Properties: properties },
    { required: ['Type', 'Properties'], closed: true },
  );
  return {
    description: `Exactly one ${what}, under a name of your choice (e.g. TargetService).`,
    type: 'array',
    minItems: 1,
    maxItems: 1,
    items: { type: 'object', minProperties: 1, maxProperties: 1, additionalProperties: resource },
  };
}

function serverlessAppspec(title: string, resourceList: Schema, hooks: Schema): Schema {
  const { description: _, ...mapping } = anyCaseMapping(
    '',
    { version: serverlessVersion, Resources: resourceList, Hooks: hooks },
    { required: ['version', 'Resources'], closed: true },
  );
  return { title, ...mapping };
}

const ecsAppspec = serverlessAppspec(
  'Amazon ECS',
  resources(ECS_TYPE, ecsService, 'ECS service'),
  functionHooks(ECS_HOOK_ORDER, 'Amazon ECS'),
);
const lambdaAppspec = serverlessAppspec(
  'AWS Lambda',
  resources(LAMBDA_TYPE, lambdaFunction, 'Lambda function'),
  functionHooks(LAMBDA_HOOK_ORDER, 'AWS Lambda'),
);

export function appspecJsonSchema(): Record<string, unknown> {
  return structuredClone({
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'AWS CodeDeploy AppSpec file',
    description: 'An EC2/On-Premises, Amazon ECS or AWS Lambda AppSpec file.',
    anyOf: [ec2Appspec, ecsAppspec, lambdaAppspec],
  });
}
