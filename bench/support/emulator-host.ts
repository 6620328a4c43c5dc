/**
 * Emulators for the benchmarks, in a process of their own: the builds they run (the local runner, their log
 * ingestion, Live Tail) must not share an event loop with the process that times what the actions print. Driven over
 * IPC by ./emulators.ts: each named emulator counts the requests it answers, by operation.
 */
import { startBuildEmulator } from '../../test/codebuild/emulator-support.js';
import type { FaultOptions } from '../../test/harness/aws/faults.js';
import type { Emulator } from '../../test/harness/aws/server.js';

interface Hosted {
  readonly emulator: Emulator;
  readonly calls: Map<string, number>;
  throttled: number;
}

const hosted = new Map<string, Hosted>();

function named(name: string): Hosted {
  const h = hosted.get(name);
  if (h === undefined) throw new Error(`no emulator ${name}`);
  return h;
}

const handlers: Record<string, (args: Record<string, unknown>) => Promise<unknown> | unknown> = {
  async start(args) {
    const calls = new Map<string, number>();
    const entry = { calls, throttled: 0 } as { calls: Map<string, number>; throttled: number; emulator: Emulator };
    entry.emulator = await startBuildEmulator({
      faults: args.faults as FaultOptions | undefined,
      onRequest: (e) => {
        const key = `${e.service ?? '?'}:${e.operation ?? '?'}`;
        calls.set(key, (calls.get(key) ?? 0) + 1);
        if (e.errorCode !== undefined && /Throttl|TooManyRequests|Limit/.test(e.errorCode)) entry.throttled++;
      },
    });
    hosted.set(args.name as string, entry);
    return { url: entry.emulator.url, region: entry.emulator.region };
  },
  calls(args) {
    const h = named(args.name as string);
    return { byOperation: Object.fromEntries(h.calls), throttled: h.throttled };
  },
  resetCalls(args) {
    const h = named(args.name as string);
    h.calls.clear();
    h.throttled = 0;
    return {};
  },
  /** Every build with its times (epoch ms), status and log events (message, ingestion time). */
  builds(args) {
    const { emulator } = named(args.name as string);
    return [...emulator.state.codebuild.builds.values()].map((run) => {
      const b = run.build;
      const group = b.logs?.groupName ?? '';
      const stream = b.logs?.streamName ?? '';
      return {
        id: b.id,
        status: b.buildStatus,
        batch: b.buildBatchArn,
        startMs: (b.startTime ?? 0) * 1000,
        endMs: b.endTime === undefined ? undefined : b.endTime * 1000,
        events:
          group && stream
            ? emulator.state.logs.visibleEvents(group, stream).map((e) => [e.message, e.ingestionTime])
            : [],
      };
    });
  },
  batches(args) {
    const { emulator } = named(args.name as string);
    return [...emulator.state.codebuild.batches.values()].map((run) => ({
      id: run.batch.id,
      startMs: (run.batch.startTime ?? 0) * 1000,
      endMs: run.batch.endTime === undefined ? undefined : run.batch.endTime * 1000,
    }));
  },
  async close() {
    await Promise.all([...hosted.values()].map((h) => h.emulator.close()));
    hosted.clear();
    setImmediate(() => process.exit(0));
    return {};
  },
};

process.on('message', (message: { id: number; op: string; args: Record<string, unknown> }) => {
  void (async () => {
    try {
      const handler = handlers[message.op];
      if (handler === undefined) throw new Error(`unknown operation ${message.op}`);
      process.send?.({ id: message.id, result: await handler(message.args) });
    } catch (error) {
      process.send?.({
        id: message.id,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
    }
  })();
});
process.send?.({ ready: true });
