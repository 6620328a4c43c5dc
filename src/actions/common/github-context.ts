/** What the workflow run says about the code it runs on (the GitHub event), for defaults of the actions' inputs. */
import { readFileSync } from 'node:fs';

interface EventPayload {
  readonly pull_request?: { readonly head?: { readonly sha?: unknown } };
  readonly repository?: { readonly default_branch?: unknown };
}

/** The event's payload (GITHUB_EVENT_PATH); undefined when there is none or it cannot be read. */
function eventPayload(env: NodeJS.ProcessEnv): EventPayload | undefined {
  if (!env.GITHUB_EVENT_PATH) return undefined;
  try {
    const payload: unknown = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
    return typeof payload === 'object' && payload !== null ? (payload as EventPayload) : undefined;
  } catch {
    return undefined;
  }
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The commit to build: a pull request's head (not the merge commit GITHUB_SHA names), else GITHUB_SHA. */
export function workflowCommit(env: NodeJS.ProcessEnv): string | undefined {
  const event = env.GITHUB_EVENT_NAME;
  if (event === 'pull_request' || event === 'pull_request_target') {
    const sha = nonEmpty(eventPayload(env)?.pull_request?.head?.sha);
    if (sha !== undefined) return sha;
  }
  return env.GITHUB_SHA?.trim() || undefined;
}

/** The repository's default branch, from the event payload (undefined without a readable one). */
export function defaultBranch(env: NodeJS.ProcessEnv): string | undefined {
  return nonEmpty(eventPayload(env)?.repository?.default_branch);
}
