/** Durations and sizes as people read them. One unit in: milliseconds (durations), bytes (sizes). */

/**
 * `350ms`, `4.2s`, `3s`, `12s`, `2m 3s`, `1h 2m 3s`. Below ten seconds a tenth is shown when there is one (a local
 * phase measured in ms); a time measured in whole seconds (CodeBuild's, CodeDeploy's) shows whole seconds.
 */
export function formatDuration(ms: number): string {
  const total = Math.max(0, ms);
  if (total < 1000) return `${Math.round(total)}ms`;
  if (total < 10_000) {
    const tenths = Math.floor(total / 100);
    return tenths % 10 === 0 ? `${tenths / 10}s` : `${(tenths / 10).toFixed(1)}s`;
  }
  const seconds = Math.floor(total / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return `${h}h ${m}m ${s}s`;
  if (m > 0) return `${m}m ${s}s`;
  return `${s}s`;
}

/** Milliseconds between two times given as Date, epoch ms or ISO text; undefined when either is missing. */
export function millisBetween(start: TimeLike | undefined, end: TimeLike | undefined): number | undefined {
  const a = toMillis(start);
  const b = toMillis(end);
  return a === undefined || b === undefined ? undefined : Math.max(0, b - a);
}

export type TimeLike = Date | number | string;

export function toMillis(value: TimeLike | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}

/** `512 B`, `4.0 KiB`, `1.3 MiB`, `2.0 GiB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
