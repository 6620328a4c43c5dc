/** The order in which a deployment runs an appspec's hooks, whatever the order they are written in. */
import {
  EC2_HOOK_ORDER,
  ECS_HOOK_ORDER,
  LAMBDA_HOOK_ORDER,
  type Ec2Appspec,
  type Ec2Hook,
  type Ec2HookName,
  type EcsAppspec,
  type FunctionHook,
  type LambdaAppspec,
} from './types.js';

/** The six hooks around the load balancer's BlockTraffic and AllowTraffic events. */
export const EC2_TRAFFIC_HOOKS: readonly Ec2HookName[] = [
  'BeforeBlockTraffic',
  'AfterBlockTraffic',
  'BeforeAllowTraffic',
  'AfterAllowTraffic',
];

/**
 * The EC2/On-Premises hooks of an in-place deployment in the order they run (EC2_HOOK_ORDER). With
 * `loadBalancer: false` the traffic hooks are left out: they run only when the deployment group has a load
 * balancer. Note that ApplicationStop runs the scripts of the previous successful revision's appspec (and not at
 * all on an instance's first deployment), so this appspec's ApplicationStop runs at the next deployment.
 */
export function ec2HooksInRunOrder(appspec: Ec2Appspec, options: { loadBalancer?: boolean } = {}): readonly Ec2Hook[] {
  const withTraffic = options.loadBalancer ?? true;
  return [...appspec.hooks]
    .filter((h) => withTraffic || !EC2_TRAFFIC_HOOKS.includes(h.event))
    .sort((a, b) => EC2_HOOK_ORDER.indexOf(a.event) - EC2_HOOK_ORDER.indexOf(b.event));
}

/** The Lambda hooks of an ECS or Lambda deployment in the order they run (ECS_HOOK_ORDER, LAMBDA_HOOK_ORDER). */
export function functionHooksInRunOrder(appspec: EcsAppspec | LambdaAppspec): readonly FunctionHook[] {
  const order: readonly string[] = appspec.platform === 'ecs' ? ECS_HOOK_ORDER : LAMBDA_HOOK_ORDER;
  return [...appspec.hooks].sort((a, b) => order.indexOf(a.event) - order.indexOf(b.event));
}
