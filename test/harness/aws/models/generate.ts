/**
 * Regenerates the trimmed service models in this folder from botocore's service-2.json files.
 *
 *   npx tsx test/harness/aws/models/generate.ts [botocore-data-dir] [--only=s3,codedeploy]
 *
 * The data dir defaults to the first of: $BOTOCORE_DATA, pip's botocore, Debian's python3-botocore
 * (`apt-get install python3-botocore`; Debian's copy is older and lacks e.g. StartLiveTail). Only the input shapes of the
 * operations the emulator implements are kept (types, required members, length/range/pattern/enum constraints,
 * sensitivity): the emulator validates requests against them the way AWS's front end does. Every operation name is
 * kept so that "known but not emulated" can be told apart from "no such operation".
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { HttpRoute, ModelShape, ServiceModel } from './types.js';

/** Service model folder name → operations the emulator implements (keep in sync with services/*.ts). */
const SERVICES: Record<string, { file: string; operations: string[]; routes?: boolean }> = {
  codebuild: {
    file: 'codebuild',
    operations: [
      'CreateProject',
      'BatchGetProjects',
      'UpdateProject',
      'ListProjects',
      'DeleteProject',
      'StartBuild',
      'BatchGetBuilds',
      'StopBuild',
      'ListBuildsForProject',
      'StartBuildBatch',
      'BatchGetBuildBatches',
      'StopBuildBatch',
      'CreateReportGroup',
      'BatchGetReportGroups',
      'ListReportGroups',
      'BatchGetReports',
      'ListReports',
      'ListReportsForReportGroup',
      'DescribeTestCases',
      'DescribeCodeCoverages',
    ],
  },
  logs: {
    file: 'logs',
    operations: [
      'CreateLogGroup',
      'CreateLogStream',
      'DescribeLogGroups',
      'DescribeLogStreams',
      'PutLogEvents',
      'GetLogEvents',
      'FilterLogEvents',
      'StartLiveTail',
    ],
  },
  ssm: { file: 'ssm', operations: ['GetParameters', 'GetParameter', 'PutParameter'] },
  secretsmanager: { file: 'secretsmanager', operations: ['CreateSecret', 'PutSecretValue', 'GetSecretValue'] },
  sts: { file: 'sts', operations: ['GetCallerIdentity'] },
  codecommit: {
    file: 'codecommit',
    operations: ['CreateRepository', 'GetRepository', 'ListRepositories', 'DeleteRepository'],
  },
  ecr: {
    file: 'ecr',
    operations: [
      'CreateRepository',
      'DescribeRepositories',
      'DeleteRepository',
      'GetAuthorizationToken',
      'PutLifecyclePolicy',
      'GetLifecyclePolicy',
      'SetRepositoryPolicy',
      'GetRepositoryPolicy',
    ],
  },
  codepipeline: {
    file: 'codepipeline',
    operations: [
      'CreatePipeline',
      'GetPipeline',
      'UpdatePipeline',
      'DeletePipeline',
      'ListPipelines',
      'GetPipelineState',
      'StartPipelineExecution',
      'GetPipelineExecution',
      'ListPipelineExecutions',
      'ListActionExecutions',
      'StopPipelineExecution',
      'PutApprovalResult',
    ],
  },
  codedeploy: {
    file: 'codedeploy',
    operations: [
      'CreateApplication',
      'GetApplication',
      'BatchGetApplications',
      'ListApplications',
      'CreateDeploymentGroup',
      'GetDeploymentGroup',
      'ListDeploymentGroups',
      'GetDeploymentConfig',
      'CreateDeployment',
      'GetDeployment',
      'BatchGetDeployments',
      'ListDeployments',
      'StopDeployment',
      'ListDeploymentTargets',
      'BatchGetDeploymentTargets',
      'GetDeploymentTarget',
      'ListDeploymentInstances',
      'BatchGetDeploymentInstances',
      'GetDeploymentInstance',
      'RegisterOnPremisesInstance',
      'AddTagsToOnPremisesInstances',
      'GetOnPremisesInstance',
    ],
  },
  // restXml: inputs live in the URI, headers and an XML body, which the JSON-shaped validator cannot check; only the
  // operation names and their HTTP bindings (routes) are kept, for protocols/restxml.ts to recognise operations.
  s3: { file: 's3', operations: [], routes: true },
};

interface BotoShape {
  type: string;
  members?: Record<string, { shape: string; locationName?: string }>;
  required?: string[];
  member?: { shape: string };
  key?: { shape: string };
  value?: { shape: string };
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  sensitive?: boolean;
}
interface BotoModel {
  operations: Record<string, { input?: { shape: string }; http?: { method: string; requestUri: string } }>;
  shapes: Record<string, BotoShape & { members?: Record<string, { location?: string; locationName?: string }> }>;
}

function findDataDir(): string {
  const fromArg = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? process.env.BOTOCORE_DATA;
  if (fromArg) return fromArg;
  const candidates: string[] = [];
  try {
    const pip = execFileSync('python3', ['-c', 'import botocore,os;print(os.path.dirname(botocore.__file__))'], {
      encoding: 'utf8',
    }).trim();
    candidates.push(join(pip, 'data'));
  } catch {
    // no python botocore on PATH
  }
  candidates.push('/usr/lib/python3/dist-packages/botocore/data');
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error('botocore data not found: pass its path or `apt-get install python3-botocore`');
  return found;
}

function loadModel(dataDir: string, service: string): BotoModel {
  const dir = join(dataDir, service);
  const version = readdirSync(dir).sort().at(-1);
  if (!version) throw new Error(`no versions under ${dir}`);
  const base = join(dir, version, 'service-2.json');
  const text = existsSync(base) ? readFileSync(base, 'utf8') : gunzipSync(readFileSync(`${base}.gz`)).toString('utf8');
  return JSON.parse(text) as BotoModel;
}

/** A Java regex from the model as a JS one, or undefined when JS cannot express it (then the pattern is not checked). */
function portablePattern(pattern: string): string | undefined {
  for (const flags of ['u', '']) {
    try {
      new RegExp(pattern, flags);
      return pattern;
    } catch {
      // try the next flag set
    }
  }
  return undefined;
}

function trim(model: BotoModel, operations: string[]): ServiceModel {
  const shapes: Record<string, ModelShape> = {};
  const visit = (name: string): void => {
    if (shapes[name]) return;
    const s = model.shapes[name];
    if (!s) throw new Error(`missing shape ${name}`);
    const out: ModelShape = { type: s.type as ModelShape['type'] };
    shapes[name] = out;
    if (s.min !== undefined) out.min = s.min;
    if (s.max !== undefined) out.max = s.max;
    if (s.enum) out.enum = s.enum;
    if (s.sensitive) out.sensitive = true;
    if (s.pattern !== undefined) {
      const p = portablePattern(s.pattern);
      if (p !== undefined) out.pattern = p;
    }
    if (s.type === 'structure') {
      out.members = Object.fromEntries(Object.entries(s.members ?? {}).map(([k, v]) => [k, v.shape]));
      if (s.required?.length) out.required = s.required;
      for (const m of Object.values(s.members ?? {})) visit(m.shape);
    } else if (s.type === 'list' && s.member) {
      out.member = s.member.shape;
      visit(s.member.shape);
    } else if (s.type === 'map' && s.key && s.value) {
      out.key = s.key.shape;
      out.value = s.value.shape;
      visit(s.key.shape);
      visit(s.value.shape);
    }
  };
  const inputs: Record<string, string> = {};
  for (const op of operations) {
    const o = model.operations[op];
    if (!o) throw new Error(`operation ${op} not in the model (botocore too old?)`);
    if (o.input) {
      inputs[op] = o.input.shape;
      visit(o.input.shape);
    }
  }
  return { operations: Object.keys(model.operations).sort(), inputs, shapes };
}

/** Every operation's HTTP binding: method, URI template, required query parameters and headers. */
function routes(model: BotoModel): Record<string, HttpRoute> {
  const out: Record<string, HttpRoute> = {};
  for (const [name, op] of Object.entries(model.operations).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!op.http) continue;
    const route: HttpRoute = { method: op.http.method, uri: op.http.requestUri };
    const input = op.input ? model.shapes[op.input.shape] : undefined;
    const required = new Set(input?.required ?? []);
    const located = (where: string) =>
      Object.entries(input?.members ?? {})
        .filter(([member, m]) => required.has(member) && m.location === where)
        .map(([member, m]) => m.locationName ?? member)
        .map((n) => (where === 'header' ? n.toLowerCase() : n));
    const query = located('querystring');
    const headers = located('header');
    if (query.length > 0) route.query = query;
    if (headers.length > 0) route.headers = headers;
    out[name] = route;
  }
  return out;
}

const dataDir = findDataDir();
const here = fileURLToPath(new URL('.', import.meta.url));
// `--only=s3,codedeploy` regenerates just those services.
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
for (const [service, { file, operations, routes: withRoutes }] of Object.entries(SERVICES)) {
  if (only && !only.includes(service)) continue;
  const botocore = loadModel(dataDir, service);
  const trimmed = trim(botocore, operations);
  if (withRoutes) trimmed.http = routes(botocore);
  const body =
    `// Generated by generate.ts from botocore's ${service} model: do not edit.\n` +
    `import type { ServiceModel } from './types.js';\n\n` +
    `export const model: ServiceModel = ${JSON.stringify(trimmed, null, 2)};\n`;
  writeFileSync(join(here, `${file}.ts`), body);
  console.log(`${file}.ts: ${operations.length} operations, ${Object.keys(trimmed.shapes).length} shapes`);
}
