/**
 * Amazon ECS and AWS Lambda appspecs: `version`, `Resources` (one ECS service or one Lambda function) and `Hooks`
 * (a list of single-key mappings, lifecycle event → Lambda function). CodeDeploy's own documentation writes these
 * keys both as `Resources`/`Type`/`Properties` and as `resources`/`type`/`properties`, so their case is ignored.
 */
import { Checker, join, type MapEntry, type MapNode, type TreeNode } from './check.js';
import { didYouMean } from './suggest.js';
import {
  ECS_HOOK_ORDER,
  LAMBDA_HOOK_ORDER,
  type EcsAppspec,
  type EcsCapacityProvider,
  type EcsNetworkConfiguration,
  type EcsTargetService,
  type FunctionHook,
  type LambdaAppspec,
  type LambdaFunctionResource,
} from './types.js';
import { checkVersion } from './version.js';

const TOP_KEYS = ['version', 'Resources', 'Hooks'] as const;
const RESOURCE_KEYS = ['Type', 'Properties'] as const;
const ECS_TYPE = 'AWS::ECS::Service';
const LAMBDA_TYPE = 'AWS::Lambda::Function';
const ECS_KEYS = [
  'TaskDefinition',
  'LoadBalancerInfo',
  'PlatformVersion',
  'NetworkConfiguration',
  'CapacityProviderStrategy',
] as const;
const LB_KEYS = ['ContainerName', 'ContainerPort'] as const;
const AWSVPC_KEYS = ['Subnets', 'SecurityGroups', 'AssignPublicIp'] as const;
const CAPACITY_KEYS = ['CapacityProvider', 'Base', 'Weight'] as const;
const LAMBDA_KEYS = ['Name', 'Alias', 'CurrentVersion', 'TargetVersion'] as const;
const TASK_DEFINITION = /^(arn:aws[\w-]*:ecs:[\w-]+:\d{12}:task-definition\/\S+|<[^>]+>)$/;

type Resource =
  { kind: 'ecs'; service?: EcsTargetService } | { kind: 'lambda'; fn?: LambdaFunctionResource } | { kind: 'unknown' };

export function checkEcsLambda(root: MapNode, c: Checker): EcsAppspec | LambdaAppspec | undefined {
  const k = c.keys(root, '', TOP_KEYS, { unknown: 'error', ignoreCase: true, where: 'an ECS/Lambda appspec' });
  const version = checkVersion(k.version, root, c, 'ecs-lambda');
  if (!k.Resources) c.missing(root, 'Resources', 'Resources', 'the ECS service or Lambda function to deploy');
  const resource: Resource = k.Resources ? checkResources(k.Resources, c) : { kind: 'unknown' };
  if (resource.kind === 'ecs') {
    const hooks = k.Hooks ? checkHooks(k.Hooks, ECS_HOOK_ORDER, 'Amazon ECS', c) : [];
    if (version === undefined || !resource.service) return undefined;
    return { platform: 'ecs', file: c.file, version, targetService: resource.service, hooks };
  }
  if (resource.kind === 'lambda') {
    const hooks = k.Hooks ? checkHooks(k.Hooks, LAMBDA_HOOK_ORDER, 'AWS Lambda', c) : [];
    if (version === undefined || !resource.fn) return undefined;
    return { platform: 'lambda', file: c.file, version, function: resource.fn, hooks };
  }
  if (k.Hooks) checkHooks(k.Hooks, ECS_HOOK_ORDER, 'Amazon ECS or AWS Lambda', c);
  return undefined;
}

function checkResources(e: MapEntry, c: Checker): Resource {
  const path = e.key;
  const items = c.seq(e.value, path, 'with one entry, e.g. - TargetService: {Type: AWS::ECS::Service, ...}');
  if (items === undefined) return { kind: 'unknown' };
  if (items.length === 0) {
    c.error(e.value.pos, path, 'must name the ECS service or Lambda function to deploy');
    return { kind: 'unknown' };
  }
  let first: Resource = { kind: 'unknown' };
  items.forEach((item, i) => {
    const r = checkResource(item, `${path}[${i}]`, c);
    if (i === 0) first = r;
    else {
      c.error(
        item.pos,
        `${path}[${i}]`,
        'an appspec deploys exactly one ECS service or Lambda function; remove this one',
      );
    }
  });
  return first;
}

function checkResource(node: TreeNode, path: string, c: Checker): Resource {
  const map = c.map(node, path, 'resource name → Type and Properties');
  if (!map) return { kind: 'unknown' };
  const [first, ...others] = map.entries;
  if (first === undefined) {
    c.error(map.pos, path, 'must be a mapping with one key, the resource name (e.g. TargetService)');
    return { kind: 'unknown' };
  }
  if (others.length > 0) {
    const hint =
      first.value.kind === 'scalar' && first.value.isNull
        ? `: indent ${others.map((o) => o.key).join(' and ')} under ${first.key}`
        : '';
    c.error(others[0]?.keyPos ?? map.pos, path, `a resource is a mapping with one key, its name${hint}`);
    return { kind: 'unknown' };
  }
  const rpath = join(path, first.key);
  const spec = c.map(first.value, rpath, 'Type and Properties');
  if (!spec) return { kind: 'unknown' };
  const k = c.keys(spec, rpath, RESOURCE_KEYS, { unknown: 'error', ignoreCase: true, where: 'a resource' });
  if (!k.Type) c.missing(spec, join(rpath, 'Type'), 'Type', `${ECS_TYPE} or ${LAMBDA_TYPE}`);
  if (!k.Properties) c.missing(spec, join(rpath, 'Properties'), 'Properties', 'what to deploy');
  const type = k.Type ? c.text(k.Type.value, join(rpath, k.Type.key)) : undefined;
  if (k.Type && type !== undefined && type !== ECS_TYPE && type !== LAMBDA_TYPE) {
    const hint = didYouMean(type, [ECS_TYPE, LAMBDA_TYPE]);
    c.error(k.Type.value.pos, join(rpath, k.Type.key), `must be ${ECS_TYPE} or ${LAMBDA_TYPE}, not "${type}"${hint}`);
  }
  const props = k.Properties ? c.map(k.Properties.value, join(rpath, k.Properties.key), 'the properties') : undefined;
  const ppath = join(rpath, k.Properties?.key ?? 'Properties');
  if (type === ECS_TYPE) return { kind: 'ecs', service: props && checkEcsService(first.key, props, ppath, c) };
  if (type === LAMBDA_TYPE) return { kind: 'lambda', fn: props && checkLambdaFunction(first.key, props, ppath, c) };
  return { kind: 'unknown' };
}

function checkEcsService(name: string, props: MapNode, path: string, c: Checker): EcsTargetService | undefined {
  const k = c.keys(props, path, ECS_KEYS, { unknown: 'typo', ignoreCase: true, where: 'ECS service properties' });
  if (!k.TaskDefinition) c.missing(props, join(path, 'TaskDefinition'), 'TaskDefinition', 'a task definition ARN');
  if (!k.LoadBalancerInfo) {
    c.missing(props, join(path, 'LoadBalancerInfo'), 'LoadBalancerInfo', 'ContainerName and ContainerPort');
  }
  const taskDefinition = k.TaskDefinition
    ? c.text(k.TaskDefinition.value, join(path, k.TaskDefinition.key))
    : undefined;
  if (k.TaskDefinition && taskDefinition !== undefined && !TASK_DEFINITION.test(taskDefinition)) {
    c.warning(
      k.TaskDefinition.value.pos,
      join(path, k.TaskDefinition.key),
      'should be a task definition ARN (arn:aws:ecs:region:account:task-definition/family:revision), ' +
        'or a placeholder such as <TASK_DEFINITION> that CodePipeline fills in',
    );
  }
  const lb = k.LoadBalancerInfo ? checkLoadBalancer(k.LoadBalancerInfo, path, c) : undefined;
  const platformVersion = k.PlatformVersion
    ? c.text(k.PlatformVersion.value, join(path, k.PlatformVersion.key))
    : undefined;
  const networkConfiguration = k.NetworkConfiguration ? checkNetwork(k.NetworkConfiguration, path, c) : undefined;
  const capacityProviderStrategy = k.CapacityProviderStrategy ? checkCapacity(k.CapacityProviderStrategy, path, c) : [];
  if (taskDefinition === undefined || lb === undefined) return undefined;
  return {
    name,
    taskDefinition,
    containerName: lb.containerName,
    containerPort: lb.containerPort,
    platformVersion,
    networkConfiguration,
    capacityProviderStrategy,
    pos: props.pos,
  };
}

function checkLoadBalancer(
  e: MapEntry,
  parent: string,
  c: Checker,
): { containerName: string; containerPort: number } | undefined {
  const path = join(parent, e.key);
  const map = c.map(e.value, path, 'ContainerName and ContainerPort');
  if (!map) return undefined;
  const k = c.keys(map, path, LB_KEYS, { unknown: 'typo', ignoreCase: true, where: 'LoadBalancerInfo' });
  if (!k.ContainerName) c.missing(map, join(path, 'ContainerName'), 'ContainerName', 'the container to route to');
  if (!k.ContainerPort) c.missing(map, join(path, 'ContainerPort'), 'ContainerPort', 'the port to route to');
  const containerName = k.ContainerName ? c.text(k.ContainerName.value, join(path, k.ContainerName.key)) : undefined;
  const containerPort = k.ContainerPort
    ? integer(k.ContainerPort.value, join(path, k.ContainerPort.key), 1, 65535, c)
    : undefined;
  const portStyle = k.ContainerPort?.value.kind === 'scalar' ? k.ContainerPort.value.style : undefined;
  if ((portStyle === 'single' || portStyle === 'double') && k.ContainerPort && containerPort) {
    c.warning(k.ContainerPort.value.pos, join(path, k.ContainerPort.key), 'is a number: write it without quotes');
  }
  if (containerName === undefined || containerPort === undefined) return undefined;
  return { containerName, containerPort };
}

function checkNetwork(e: MapEntry, parent: string, c: Checker): EcsNetworkConfiguration | undefined {
  const path = join(parent, e.key);
  const map = c.map(e.value, path, 'AwsvpcConfiguration');
  if (!map) return undefined;
  const k = c.keys(map, path, ['AwsvpcConfiguration'], {
    unknown: 'error',
    ignoreCase: true,
    where: 'NetworkConfiguration',
  });
  if (!k.AwsvpcConfiguration) {
    c.missing(map, join(path, 'AwsvpcConfiguration'), 'AwsvpcConfiguration', 'subnets and security groups');
    return undefined;
  }
  const vpath = join(path, k.AwsvpcConfiguration.key);
  const vpc = c.map(k.AwsvpcConfiguration.value, vpath, 'Subnets, SecurityGroups, AssignPublicIp');
  if (!vpc) return undefined;
  const v = c.keys(vpc, vpath, AWSVPC_KEYS, { unknown: 'typo', ignoreCase: true, where: 'AwsvpcConfiguration' });
  const absent = AWSVPC_KEYS.filter((key) => !v[key]);
  if (absent.length > 0 && absent.length < AWSVPC_KEYS.length) {
    c.error(
      vpc.pos,
      vpath,
      `give all of Subnets, SecurityGroups and AssignPublicIp, or none; missing ${absent.join(', ')}`,
    );
  }
  const subnets = v.Subnets ? (c.textList(v.Subnets.value, join(vpath, v.Subnets.key), 'of subnet IDs') ?? []) : [];
  const securityGroups = v.SecurityGroups
    ? (c.textList(v.SecurityGroups.value, join(vpath, v.SecurityGroups.key), 'of security group IDs') ?? [])
    : [];
  let assignPublicIp: EcsNetworkConfiguration['assignPublicIp'];
  if (v.AssignPublicIp) {
    const t = c.text(v.AssignPublicIp.value, join(vpath, v.AssignPublicIp.key));
    if (t === 'ENABLED' || t === 'DISABLED') assignPublicIp = t;
    else if (t !== undefined) {
      const hint = didYouMean(t, ['ENABLED', 'DISABLED']);
      c.error(v.AssignPublicIp.value.pos, join(vpath, v.AssignPublicIp.key), `must be ENABLED or DISABLED${hint}`);
    }
  }
  return { subnets, securityGroups, assignPublicIp };
}

function checkCapacity(e: MapEntry, parent: string, c: Checker): EcsCapacityProvider[] {
  const path = join(parent, e.key);
  const items = c.seq(e.value, path, 'of CapacityProvider, Base, Weight entries') ?? [];
  const out: EcsCapacityProvider[] = [];
  items.forEach((item, i) => {
    const ipath = `${path}[${i}]`;
    const map = c.map(item, ipath, 'CapacityProvider, Base, Weight');
    if (!map) return;
    const k = c.keys(map, ipath, CAPACITY_KEYS, { unknown: 'typo', ignoreCase: true, where: 'a capacity provider' });
    if (!k.CapacityProvider) c.missing(map, join(ipath, 'CapacityProvider'), 'CapacityProvider', 'its name');
    const capacityProvider = k.CapacityProvider
      ? c.text(k.CapacityProvider.value, join(ipath, k.CapacityProvider.key))
      : undefined;
    const base = k.Base ? integer(k.Base.value, join(ipath, k.Base.key), 0, 100000, c) : undefined;
    const weight = k.Weight ? integer(k.Weight.value, join(ipath, k.Weight.key), 0, 1000, c) : undefined;
    if (capacityProvider !== undefined) out.push({ capacityProvider, base, weight });
  });
  return out;
}

function checkLambdaFunction(
  name: string,
  props: MapNode,
  path: string,
  c: Checker,
): LambdaFunctionResource | undefined {
  const k = c.keys(props, path, LAMBDA_KEYS, {
    unknown: 'typo',
    ignoreCase: true,
    where: 'Lambda function properties',
  });
  const values: Partial<Record<(typeof LAMBDA_KEYS)[number], string>> = {};
  for (const key of LAMBDA_KEYS) {
    const e = k[key];
    if (!e)
      c.missing(props, join(path, key), key, 'a Lambda deployment needs Name, Alias, CurrentVersion, TargetVersion');
    else values[key] = c.text(e.value, join(path, e.key));
  }
  const { Name, Alias, CurrentVersion, TargetVersion } = values;
  if (CurrentVersion !== undefined && CurrentVersion === TargetVersion && k.TargetVersion) {
    c.warning(
      k.TargetVersion.value.pos,
      join(path, k.TargetVersion.key),
      'equals CurrentVersion: no traffic would shift',
    );
  }
  if (Name === undefined || Alias === undefined || CurrentVersion === undefined || TargetVersion === undefined) {
    return undefined;
  }
  return {
    name,
    functionName: Name,
    alias: Alias,
    currentVersion: CurrentVersion,
    targetVersion: TargetVersion,
    pos: props.pos,
  };
}

function checkHooks<N extends string>(
  e: MapEntry,
  events: readonly N[],
  platform: string,
  c: Checker,
): Array<FunctionHook<N>> {
  const path = e.key;
  if (e.value.kind === 'map') {
    c.error(e.value.pos, path, `must be a list of single-key mappings, e.g. - ${events[0]}: MyHookFunction`);
    return [];
  }
  const items = c.seq(e.value, path, `of single-key mappings, e.g. - ${events[0]}: MyHookFunction`) ?? [];
  const out: Array<FunctionHook<N>> = [];
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const ipath = `${path}[${i}]`;
    const map = c.map(item, ipath, 'lifecycle event → Lambda function');
    if (!map) return;
    if (map.entries.length !== 1) {
      c.error(map.pos, ipath, `each hook is a mapping with one key, e.g. - ${events[0]}: MyHookFunction`);
      return;
    }
    const [hook] = map.entries;
    if (hook === undefined) return;
    const hpath = join(ipath, hook.key);
    const event = events.find((n) => n === hook.key);
    const fn = c.text(hook.value, hpath);
    if (event === undefined) {
      const hint = didYouMean(hook.key, events) || `; the events are ${events.join(', ')}`;
      c.error(hook.keyPos, hpath, `"${hook.key}" is not a lifecycle event of ${platform} deployments${hint}`);
      return;
    }
    if (seen.has(event)) {
      c.error(hook.keyPos, hpath, `${event} is given twice; each lifecycle event runs one hook function`);
      return;
    }
    seen.add(event);
    if (fn !== undefined) out.push({ event, functionName: fn, pos: hook.keyPos });
  });
  return out;
}

function integer(node: TreeNode, path: string, min: number, max: number, c: Checker): number | undefined {
  const t = c.text(node, path);
  if (t === undefined) return undefined;
  const n = /^\d+$/.test(t) ? Number(t) : NaN;
  if (!(n >= min && n <= max)) {
    c.error(node.pos, path, `must be a whole number from ${min} to ${max}, not "${t}"`);
    return undefined;
  }
  return n;
}
