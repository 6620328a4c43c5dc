/** What every part of following a build shares. */

/** The build statuses CodeBuild reports once a build (or batch) is over. */
export const FINAL_STATUSES: ReadonlySet<string> = new Set(['SUCCEEDED', 'FAILED', 'FAULT', 'TIMED_OUT', 'STOPPED']);

export type LogsOption = 'live' | 'poll' | 'off';
