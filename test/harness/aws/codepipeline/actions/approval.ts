/**
 * Approval / AWS / Manual: the action waits, with a token GetPipelineState shows, until PutApprovalResult answers it
 * (Approved → Succeeded, Rejected → Failed) or its timeout passes (timeoutInMinutes, default 7 days). NotificationArn
 * names an SNS topic; the emulator has no SNS and sends nothing.
 */
import { uuid } from '../../util.js';
import type { ActionOutcome, ActionProvider } from '../types.js';

export interface ApprovalAnswer {
  status: 'Approved' | 'Rejected';
  summary: string;
  /** The caller's ARN (lastUpdatedBy). */
  by: string;
}

/** Pending approvals by token. */
export class Approvals {
  private readonly pending = new Map<string, (answer: ApprovalAnswer) => void>();

  /** Answers a pending approval; false when the token is not pending. */
  answer(token: string, answer: ApprovalAnswer): boolean {
    const resolve = this.pending.get(token);
    if (!resolve) return false;
    this.pending.delete(token);
    resolve(answer);
    return true;
  }

  wait(token: string, signal: AbortSignal, timeoutMs: number): Promise<ApprovalAnswer | 'timeout' | 'abandoned'> {
    return new Promise((resolve) => {
      // setTimeout holds at most ~24.8 days; longer approval timeouts (up to 60 days) never fire here.
      const timer = timeoutMs < 2 ** 31 ? setTimeout(() => done('timeout'), timeoutMs) : undefined;
      timer?.unref();
      const onAbort = () => done('abandoned');
      const done = (result: ApprovalAnswer | 'timeout' | 'abandoned') => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        this.pending.delete(token);
        resolve(result);
      };
      if (signal.aborted) return done('abandoned');
      signal.addEventListener('abort', onAbort, { once: true });
      this.pending.set(token, (answer) => done(answer));
    });
  }
}

const DEFAULT_TIMEOUT_MINUTES = 7 * 24 * 60;

export function manualApproval(approvals: Approvals): ActionProvider {
  return {
    required: [],
    optional: ['CustomData', 'ExternalEntityLink', 'NotificationArn'],
    inputs: [0, 0],
    outputs: [0, 0],
    entityUrl: (configuration) => configuration.ExternalEntityLink,
    async run(run): Promise<ActionOutcome> {
      const token = uuid();
      run.progress({ token });
      const minutes = run.action.timeoutInMinutes ?? DEFAULT_TIMEOUT_MINUTES;
      const answer = await approvals.wait(token, run.signal, minutes * 60_000);
      if (answer === 'abandoned') return { status: 'Failed' };
      if (answer === 'timeout') {
        return { status: 'Failed', errorDetails: { code: 'JobFailed', message: 'The approval request has expired' } };
      }
      const base = { summary: answer.summary, updatedBy: answer.by };
      return answer.status === 'Approved'
        ? { status: 'Succeeded', ...base }
        : { status: 'Failed', ...base, errorDetails: { code: 'JobFailed', message: 'Rejected' } };
    },
  };
}
