/**
 * Change detection: what starts an execution when a source branch moves. A CodeCommit source with
 * PollForSourceChanges omitted or true is polled (trigger PollForSourceChanges); with PollForSourceChanges false the
 * emulator behaves as if the EventBridge rule the console creates exists (trigger CloudWatchEvent). A connection source
 * with DetectChanges (default true) starts on pushes to its linked repository (trigger CloudWatchEvent, WebhookV2 for
 * V2 pipelines). Branch heads are read from the repositories' ref files at a short interval, only while some
 * pipeline has such a source; pushes arrive through git from anywhere (a git server, a test pushing to the path).
 */
import { readRef } from './git.js';
import type { PipelineRecord, Trigger } from './execution.js';
import type { StoredAction } from './types.js';

export interface WatchedSource {
  /** Identifies the source across ticks. */
  key: string;
  repoDir: string;
  ref: string;
  trigger: Trigger;
}

export interface DetectionHost {
  pipelines(): Iterable<PipelineRecord>;
  /** The repository and ref a source action watches, or undefined when it does not detect changes. */
  watched(pipeline: PipelineRecord, action: StoredAction): WatchedSource | undefined;
  start(pipeline: PipelineRecord, trigger: Trigger): void;
}

export class ChangeDetector {
  private timer: NodeJS.Timeout | undefined;
  /** Source key → the commit last seen ('' when the branch did not exist). */
  private readonly seen = new Map<string, string>();

  constructor(
    private readonly host: DetectionHost,
    private readonly intervalMs: number,
  ) {}

  /** Records the current heads of a pipeline's sources (its creation or update starts from them). */
  baseline(pipeline: PipelineRecord): void {
    for (const source of this.sources(pipeline)) this.seen.set(source.key, readRef(source.repoDir, source.ref) ?? '');
    this.sync();
  }

  forget(pipeline: PipelineRecord): void {
    for (const key of [...this.seen.keys()]) if (key.startsWith(`${pipeline.name}\0`)) this.seen.delete(key);
    this.sync();
  }

  close(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Runs the timer only while a pipeline has a source to watch. */
  sync(): void {
    const any = [...this.host.pipelines()].some((p) => this.sources(p).length > 0);
    if (any && !this.timer) {
      this.timer = setInterval(() => this.tick(), this.intervalMs);
      this.timer.unref();
    } else if (!any) {
      this.close();
    }
  }

  tick(): void {
    for (const pipeline of [...this.host.pipelines()]) {
      let trigger: Trigger | undefined;
      for (const source of this.sources(pipeline)) {
        const head = readRef(source.repoDir, source.ref) ?? '';
        const before = this.seen.get(source.key);
        this.seen.set(source.key, head);
        if (head !== '' && head !== before) trigger ??= source.trigger;
      }
      if (trigger) this.host.start(pipeline, trigger);
    }
  }

  private sources(pipeline: PipelineRecord): WatchedSource[] {
    const first = pipeline.declaration.stages[0];
    return (first?.actions ?? [])
      .map((a) => this.host.watched(pipeline, a))
      .filter((s): s is WatchedSource => s !== undefined);
  }
}
