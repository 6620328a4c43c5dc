/**
 * Fault injection: throttling, connection resets, added latency and CloudWatch Logs ingestion delay, globally or per
 * service, changeable at run time. Random draws come from one seeded PRNG, so a given seed and request order give the
 * same faults every run.
 */
import type { ServiceName } from './services/types.js';
import { seededRandom } from '../../support/random.js';

export interface FaultSpec {
  /** 0..1: share of requests answered with the service's real throttling error (HTTP 400). */
  throttleRate?: number;
  /** 0..1: share of requests whose connection is destroyed instead of answered. */
  resetRate?: number;
  /**
   * When a reset happens: before the operation runs (nothing happened server-side) or after it ran (its effects
   * stand, only the response is lost — what makes non-idempotent retries dangerous). Default 'before'.
   */
  resetPhase?: 'before' | 'after';
  /** Added to every response. */
  latencyMs?: number;
  /** CloudWatch Logs: events become readable (GetLogEvents, FilterLogEvents, Live Tail) this long after ingestion. */
  ingestionDelayMs?: number;
}

export interface FaultOptions extends FaultSpec {
  /** Seed of the PRNG behind throttle/reset draws; default 1. */
  seed?: number;
  /** Per-service settings; a field set here wins over the global one. */
  services?: Partial<Record<ServiceName, FaultSpec>>;
}

export interface FaultDecision {
  latencyMs: number;
  throttle: boolean;
  reset: 'before' | 'after' | undefined;
}

export class FaultController {
  private global: FaultSpec = {};
  private services: Partial<Record<ServiceName, FaultSpec>> = {};
  private random: () => number = seededRandom(1);

  constructor(options: FaultOptions = {}) {
    this.configure(options);
  }

  /** Replaces every setting (global and per service) and reseeds when a seed is given. */
  configure(options: FaultOptions): void {
    const { seed, services, ...global } = options;
    this.global = { ...global };
    this.services = { ...(services ?? {}) };
    if (seed !== undefined) this.random = seededRandom(seed);
  }

  /** Merges into the global settings. */
  set(spec: FaultSpec): void {
    this.global = { ...this.global, ...spec };
  }

  /** Merges into one service's settings. */
  setService(service: ServiceName, spec: FaultSpec): void {
    this.services[service] = { ...this.services[service], ...spec };
  }

  /** No faults anywhere. */
  clear(): void {
    this.global = {};
    this.services = {};
  }

  reseed(seed: number): void {
    this.random = seededRandom(seed);
  }

  /** The settings in force for a service. */
  effective(service: ServiceName): Required<Omit<FaultSpec, 'resetPhase'>> & { resetPhase: 'before' | 'after' } {
    const s = { ...this.global, ...stripUndefined(this.services[service] ?? {}) };
    return {
      throttleRate: s.throttleRate ?? 0,
      resetRate: s.resetRate ?? 0,
      resetPhase: s.resetPhase ?? 'before',
      latencyMs: s.latencyMs ?? 0,
      ingestionDelayMs: s.ingestionDelayMs ?? 0,
    };
  }

  /** Draws this request's faults. Always draws twice so one service's settings do not shift another's sequence. */
  decide(service: ServiceName): FaultDecision {
    const s = this.effective(service);
    const throttleDraw = this.random();
    const resetDraw = this.random();
    return {
      latencyMs: s.latencyMs,
      reset: resetDraw < s.resetRate ? s.resetPhase : undefined,
      throttle: throttleDraw < s.throttleRate,
    };
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
