/** The bench's side of ./emulator-host.ts: start named emulators in that process and read what they counted. */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { awsEnv } from '../../test/codebuild/emulator-support.js';
import type { FaultOptions } from '../../test/harness/aws/faults.js';

const root = new URL('../..', import.meta.url).pathname;

export interface HostedBuild {
  id: string;
  status: string;
  batch?: string;
  startMs: number;
  endMs?: number;
  /** [message, ingestion time (epoch ms)] */
  events: [string, number][];
}

export interface Calls {
  byOperation: Record<string, number>;
  throttled: number;
}

export class EmulatorHost {
  private next = 0;
  private readonly waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (m: { id?: number; result?: unknown; error?: string }) => {
      if (m.id === undefined) return;
      const w = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if (m.error !== undefined) w?.reject(new Error(m.error));
      else w?.resolve(m.result);
    });
  }

  static async start(): Promise<EmulatorHost> {
    const tsx = pathToFileURL(path.join(root, 'node_modules/tsx/dist/loader.mjs')).href;
    const child = fork(path.join(root, 'bench/support/emulator-host.ts'), [], {
      execArgv: ['--import', tsx],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`the emulator host exited (${code})`)));
    });
    return new EmulatorHost(child);
  }

  private call<T>(op: string, args: Record<string, unknown> = {}): Promise<T> {
    const id = ++this.next;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ id, op, args });
    });
  }

  /** An emulator running real builds; returns the environment an AWS client needs to reach it. */
  async emulator(name: string, faults?: FaultOptions): Promise<NodeJS.ProcessEnv> {
    return awsEnv(await this.call<{ url: string; region: string }>('start', { name, faults }));
  }

  calls(name: string): Promise<Calls> {
    return this.call('calls', { name });
  }

  resetCalls(name: string): Promise<void> {
    return this.call('resetCalls', { name });
  }

  builds(name: string): Promise<HostedBuild[]> {
    return this.call('builds', { name });
  }

  batches(name: string): Promise<{ id: string; startMs: number; endMs?: number }[]> {
    return this.call('batches', { name });
  }

  async close(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    await this.call('close').catch(() => undefined);
    await exited;
  }
}
