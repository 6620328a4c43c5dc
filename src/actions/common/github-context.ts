/** What the workflow run says about the code it runs on (the GitHub event), for defaults of the actions' inputs. */
import { readFileSync } from 'node:fs';

/** The commit to build: a pull request's head (not the merge commit GITHUB_SHA names), else GITHUB_SHA. */
export function workflowCommit(env: NodeJS.ProcessEnv): string | undefined {
  const event = env.GITHUB_EVENT_NAME;
  if ((event === 'pull_request' || event === 'pull_request_target') && env.GITHUB_EVENT_PATH) {
    try {
      const payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as {
        pull_request?: { head?: { sha?: unknown } };
      };
      const sha = payload.pull_request?.head?.sha;
      if (typeof sha === 'string' && sha !== '') return sha;
    } catch {
      // No readable event payload: fall back to GITHUB_SHA.
    }
  }
  return env.GITHUB_SHA?.trim() || undefined;
}
