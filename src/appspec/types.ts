/**
 * The parsed, validated model of a CodeDeploy AppSpec file, for the three compute platforms: EC2/On-Premises
 * (`os`, `files`, `permissions`, `hooks` → scripts), Amazon ECS and AWS Lambda (`Resources`, `Hooks` → Lambda
 * functions). Produced by parseAppspec (parse.ts); every scalar is kept as its YAML source text.
 */
import type { Finding, Position } from '../core/findings.js';

export type { Finding, Position } from '../core/findings.js';

/**
 * EC2/On-Premises lifecycle events of an in-place deployment, agent-only ones included, in run order. The six
 * traffic events run only when the deployment group has a load balancer: Before/After-BlockTraffic before
 * ApplicationStop, Before/After-AllowTraffic after ValidateService (spec §12; the docs give the order as a diagram).
 */
export const EC2_LIFECYCLE_ORDER = [
  'BeforeBlockTraffic',
  'BlockTraffic',
  'AfterBlockTraffic',
  'ApplicationStop',
  'DownloadBundle',
  'BeforeInstall',
  'Install',
  'AfterInstall',
  'ApplicationStart',
  'ValidateService',
  'BeforeAllowTraffic',
  'AllowTraffic',
  'AfterAllowTraffic',
] as const;
export type Ec2LifecycleEvent = (typeof EC2_LIFECYCLE_ORDER)[number];

/** EC2/On-Premises lifecycle events the CodeDeploy agent runs itself; no scripts may be attached. */
export const EC2_RESERVED_EVENTS = ['BlockTraffic', 'DownloadBundle', 'Install', 'AllowTraffic'] as const;
export type Ec2ReservedEvent = (typeof EC2_RESERVED_EVENTS)[number];

/** The EC2/On-Premises lifecycle events that can run scripts (hooks), in in-place run order. */
export type Ec2HookName = Exclude<Ec2LifecycleEvent, Ec2ReservedEvent>;
export const EC2_HOOK_ORDER: readonly Ec2HookName[] = EC2_LIFECYCLE_ORDER.filter(
  (e): e is Ec2HookName => !(EC2_RESERVED_EVENTS as readonly string[]).includes(e),
);

/** Lifecycle events of an Amazon ECS deployment that can call a Lambda hook, in run order. */
export const ECS_HOOK_ORDER = [
  'BeforeInstall',
  'AfterInstall',
  'AfterAllowTestTraffic',
  'BeforeAllowTraffic',
  'AfterAllowTraffic',
] as const;
export type EcsHookName = (typeof ECS_HOOK_ORDER)[number];

/** Lifecycle events of an AWS Lambda deployment that can call a Lambda hook, in run order. */
export const LAMBDA_HOOK_ORDER = ['BeforeAllowTraffic', 'AfterAllowTraffic'] as const;
export type LambdaHookName = (typeof LAMBDA_HOOK_ORDER)[number];

export const FILE_EXISTS_BEHAVIORS = ['DISALLOW', 'OVERWRITE', 'RETAIN'] as const;
export type FileExistsBehavior = (typeof FILE_EXISTS_BEHAVIORS)[number];

export type AppspecOs = 'linux' | 'windows';
export type AppspecPlatform = 'ec2' | 'ecs' | 'lambda';

/** Default and maximum of a script's timeout, and the most one lifecycle event may take in total, in seconds. */
export const MAX_HOOK_SECONDS = 3600;

/** One script of an EC2/On-Premises lifecycle event. */
export interface HookScript {
  /** Path of the script, relative to the revision root, as written. */
  readonly location: string;
  /** Seconds; 3600 when not given. */
  readonly timeout: number;
  /** Whether `timeout` was written in the file. */
  readonly timeoutGiven: boolean;
  /** Linux only: the user the script runs as. */
  readonly runas?: string;
  readonly pos: Position;
}

export interface Ec2Hook {
  readonly event: Ec2HookName;
  readonly scripts: readonly HookScript[];
  readonly pos: Position;
}

export interface FileMapping {
  /** Relative to the revision root; `/` or `\` is the whole revision. */
  readonly source: string;
  /** Absolute path on the instance. */
  readonly destination: string;
  readonly pos: Position;
}

export interface SelinuxContext {
  readonly user?: string;
  readonly type: string;
  readonly range?: string;
}

export interface Permission {
  readonly object: string;
  /** `**` when not given. */
  readonly pattern: string;
  readonly except: readonly string[];
  readonly owner?: string;
  readonly group?: string;
  /** Octal digits as written, e.g. "644" or "4755". */
  readonly mode?: string;
  readonly acls: readonly string[];
  readonly context?: SelinuxContext;
  /** Object types the permission applies to; both when not given. */
  readonly type: ReadonlyArray<'file' | 'directory'>;
  readonly pos: Position;
}

export interface Ec2Appspec {
  readonly platform: 'ec2';
  /** File name used in findings. */
  readonly file: string;
  readonly version: '0.0';
  readonly os: AppspecOs;
  readonly files: readonly FileMapping[];
  /** Absent: DISALLOW (or the deployment's own setting). */
  readonly fileExistsBehavior?: FileExistsBehavior;
  readonly permissions: readonly Permission[];
  /** Lifecycle events in file order; see ec2HooksInRunOrder for the order they run in. */
  readonly hooks: readonly Ec2Hook[];
}

/** A Lambda function CodeDeploy calls at a lifecycle event of an ECS or Lambda deployment. */
export interface FunctionHook<Name extends string = string> {
  readonly event: Name;
  /** Function name or ARN. */
  readonly functionName: string;
  readonly pos: Position;
}

export interface EcsNetworkConfiguration {
  readonly subnets: readonly string[];
  readonly securityGroups: readonly string[];
  readonly assignPublicIp?: 'ENABLED' | 'DISABLED';
}

export interface EcsCapacityProvider {
  readonly capacityProvider: string;
  readonly base?: number;
  readonly weight?: number;
}

export interface EcsTargetService {
  /** The resource's key, e.g. TargetService. */
  readonly name: string;
  readonly taskDefinition: string;
  readonly containerName: string;
  readonly containerPort: number;
  readonly platformVersion?: string;
  readonly networkConfiguration?: EcsNetworkConfiguration;
  readonly capacityProviderStrategy: readonly EcsCapacityProvider[];
  readonly pos: Position;
}

export interface EcsAppspec {
  readonly platform: 'ecs';
  readonly file: string;
  readonly version: '0.0';
  readonly targetService: EcsTargetService;
  /** In file order. */
  readonly hooks: ReadonlyArray<FunctionHook<EcsHookName>>;
}

export interface LambdaFunctionResource {
  /** The resource's key. */
  readonly name: string;
  readonly functionName: string;
  readonly alias: string;
  readonly currentVersion: string;
  readonly targetVersion: string;
  readonly pos: Position;
}

export interface LambdaAppspec {
  readonly platform: 'lambda';
  readonly file: string;
  readonly version: '0.0';
  readonly function: LambdaFunctionResource;
  /** In file order. */
  readonly hooks: ReadonlyArray<FunctionHook<LambdaHookName>>;
}

export type Appspec = Ec2Appspec | EcsAppspec | LambdaAppspec;

export interface AppspecResult {
  /** The model; present when the file has no errors (warnings allowed). */
  readonly appspec?: Appspec;
  /** Errors and warnings sorted by line, then column. */
  readonly findings: readonly Finding[];
}
