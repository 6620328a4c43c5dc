/**
 * The seam between the CodeDeploy emulator (control plane: deployments, targets, lifecycle event statuses, health
 * and rollback) and what runs on an instance. On AWS the CodeDeploy agent on each instance polls for commands, one
 * per lifecycle event (DownloadBundle, Install and the hook events), runs it and reports a status with diagnostics;
 * BlockTraffic and AllowTraffic are the service's own. Here the emulator hands each agent command to a
 * DeploymentAgent: LocalAgent (local-agent.ts) really unpacks the bundle and runs the appspec's scripts under a
 * per-instance root directory; tests wrap it (or write their own) to hold a lifecycle event, fail it, or time it.
 */

/** Lifecycle events the agent runs (BlockTraffic and AllowTraffic are run by the service). */
export const AGENT_EVENTS = [
  'BeforeBlockTraffic',
  'AfterBlockTraffic',
  'ApplicationStop',
  'DownloadBundle',
  'BeforeInstall',
  'Install',
  'AfterInstall',
  'ApplicationStart',
  'ValidateService',
  'BeforeAllowTraffic',
  'AfterAllowTraffic',
] as const;
export type AgentEvent = (typeof AGENT_EVENTS)[number];

export type LifecycleErrorCode =
  'Success' | 'ScriptMissing' | 'ScriptNotExecutable' | 'ScriptTimedOut' | 'ScriptFailed' | 'UnknownError';

/** A lifecycle event's diagnostics as CodeDeploy reports them (the agent's error_code/script_name/message/log). */
export interface Diagnostics {
  errorCode: LifecycleErrorCode;
  scriptName: string;
  message: string;
  /** The end of the scripts' output, `[stdout]`/`[stderr]` prefixed, at most 4 KB. */
  logTail: string;
}

export interface AgentResult {
  status: 'Succeeded' | 'Failed';
  diagnostics: Diagnostics;
}

/** Where a revision's bytes come from; fetch() throws an Error whose message becomes the diagnostics message. */
export interface RevisionFetcher {
  /** The agent's bundle type: zip, tar or tgz (undefined: read as tar, as the agent does). */
  bundleType?: string;
  fetch(): Promise<Buffer>;
}

export interface AgentCommand {
  event: AgentEvent;
  deploymentId: string;
  applicationName: string;
  deploymentGroupName: string;
  deploymentGroupId: string;
  /** user, codeDeployRollback, ... */
  deploymentCreator: string;
  instanceName: string;
  /** The directory standing for the instance's `/` (appspec destinations and the agent's own files go under it). */
  instanceRoot: string;
  revision: RevisionFetcher;
  fileExistsBehavior: 'DISALLOW' | 'OVERWRITE' | 'RETAIN';
  /** Whether the deployment group routes traffic through a load balancer (traffic hooks run then). */
  loadBalancer: boolean;
  /** Aborted when the emulator closes: running scripts are killed. (StopDeployment does not abort a command.) */
  signal: AbortSignal;
}

export interface DeploymentAgent {
  execute(command: AgentCommand): Promise<AgentResult>;
}

export const SUCCEEDED: Diagnostics = { errorCode: 'Success', scriptName: '', message: 'Succeeded', logTail: '' };

export function failed(errorCode: LifecycleErrorCode, message: string, scriptName = '', logTail = ''): AgentResult {
  return { status: 'Failed', diagnostics: { errorCode, scriptName, message, logTail } };
}
