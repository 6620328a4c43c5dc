/**
 * Stage locks, by execution mode:
 * - SUPERSEDED (default): a stage runs one execution at a time. An execution that finished a stage leaves it and waits
 *   at the next stage's entrance while that stage is busy (an "inbound" execution); when a newer execution arrives to
 *   wait there too, the older waiting one is Superseded. Executions never pass each other.
 * - QUEUED (V2): one execution per stage as well, but waiting executions queue up in arrival order.
 * - PARALLEL (V2): no locks; executions run side by side.
 */
import type { ExecutionMode } from './types.js';

export type GateOutcome = 'entered' | 'superseded' | 'stopped' | 'cancelled';

/** What a gate needs of an execution: its order (a newer execution has a higher sequence number) and its id. */
export interface GateClient {
  readonly seq: number;
  readonly id: string;
}

interface Waiter<T extends GateClient> {
  client: T;
  resolve(outcome: GateOutcome): void;
}

export class StageGates<T extends GateClient> {
  private readonly holders = new Map<string, T>();
  private readonly waiting = new Map<string, Waiter<T>[]>();

  /** Resolves when `client` may run `stage`, or when it stops waiting (superseded, stopped, cancelled). */
  enter(stage: string, client: T, mode: ExecutionMode): Promise<GateOutcome> {
    if (mode === 'PARALLEL') return Promise.resolve('entered');
    const queue = this.queue(stage);
    if (!this.holders.has(stage) && queue.length === 0) {
      this.holders.set(stage, client);
      return Promise.resolve('entered');
    }
    return new Promise((resolve) => {
      if (mode === 'SUPERSEDED') {
        const newer = queue.filter((w) => w.client.seq > client.seq);
        for (const w of queue.filter((x) => x.client.seq < client.seq)) w.resolve('superseded');
        queue.splice(0, queue.length, ...newer);
        if (newer.length > 0) return resolve('superseded');
      }
      queue.push({ client, resolve });
    });
  }

  /** `client` finished `stage`: the next waiting execution enters. */
  leave(stage: string, client: T): void {
    if (this.holders.get(stage) !== client) return;
    this.holders.delete(stage);
    const next = this.queue(stage).shift();
    if (next) {
      this.holders.set(stage, next.client);
      next.resolve('entered');
    }
  }

  /** Ends `client`'s wait, wherever it waits. Returns false when it was not waiting. */
  withdraw(client: T, outcome: Exclude<GateOutcome, 'entered'>): boolean {
    for (const queue of this.waiting.values()) {
      const i = queue.findIndex((w) => w.client === client);
      if (i >= 0) {
        const [w] = queue.splice(i, 1);
        w?.resolve(outcome);
        return true;
      }
    }
    return false;
  }

  /** Executions waiting to enter `stage`, oldest first. */
  inbound(stage: string): T[] {
    return this.queue(stage).map((w) => w.client);
  }

  private queue(stage: string): Waiter<T>[] {
    let q = this.waiting.get(stage);
    if (!q) {
      q = [];
      this.waiting.set(stage, q);
    }
    return q;
  }
}
