/**
 * Phases in CodeBuild's container log. The agent marks them with lines such as
 *
 *     [Container] 2026/11/22 10:44:12.417308 Entering phase BUILD
 *     [Container] 2026/11/22 10:44:15.002113 Phase complete: BUILD State: SUCCEEDED
 *     [Container] 2026/11/22 10:44:15.002140 Phase context status code:  Message:
 *
 * (`Phase is DOWNLOAD_SOURCE` for the first; UPLOAD_ARTIFACTS has no "Entering" line and simply follows
 * POST_BUILD). PhaseGrouper turns the markers into group boundaries: a group opens at a phase's first line and closes
 * after its context line.
 */

export type PhaseMarker =
  | { readonly kind: 'enter'; readonly phase: string }
  | { readonly kind: 'complete'; readonly phase: string; readonly status: string }
  | { readonly kind: 'context'; readonly statusCode: string; readonly message: string };

const CONTAINER = /^\[Container\] \d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d(?:\.\d+)? (.*)$/;

/** The phase marker a container log line carries, if any. */
export function phaseMarker(line: string): PhaseMarker | undefined {
  const text = CONTAINER.exec(line.trimEnd())?.[1];
  if (text === undefined) return undefined;
  let m = /^(?:Entering phase|Phase is) ([A-Z_]+)$/.exec(text);
  if (m?.[1]) return { kind: 'enter', phase: m[1] };
  m = /^Phase complete: ([A-Z_]+) State: ([A-Z_]+)$/.exec(text);
  if (m?.[1] && m[2]) return { kind: 'complete', phase: m[1], status: m[2] };
  m = /^Phase context status code: ?(.*?) Message: ?(.*)$/.exec(text);
  if (m) return { kind: 'context', statusCode: (m[1] ?? '').trim(), message: (m[2] ?? '').trim() };
  return undefined;
}

/** Where grouped lines go. */
export interface GroupedOutput {
  openGroup(title: string): void;
  closeGroup(): void;
  line(text: string): void;
}

export class PhaseGrouper {
  private open: string | undefined;
  /** The open phase has completed; the group closes after its context line. */
  private completing = false;
  private lastCompleted: string | undefined;

  constructor(private readonly out: GroupedOutput) {}

  line(text: string): void {
    const marker = phaseMarker(text);
    if (marker?.kind === 'enter') {
      this.close();
      this.start(marker.phase);
    } else if (marker?.kind === 'complete') {
      if (this.open !== marker.phase) {
        this.close();
        this.start(marker.phase);
      }
      this.completing = true;
      this.lastCompleted = marker.phase;
    } else if (marker?.kind === 'context' && this.completing) {
      this.out.line(text);
      this.close();
      return;
    } else {
      if (this.completing) this.close();
      // UPLOAD_ARTIFACTS has no "Entering phase" line: its lines are the ones after POST_BUILD.
      if (this.open === undefined && this.lastCompleted === 'POST_BUILD') this.start('UPLOAD_ARTIFACTS');
    }
    this.out.line(text);
  }

  /** Closes a group left open (the log ended). */
  end(): void {
    this.close();
  }

  private start(phase: string): void {
    this.out.openGroup(phase);
    this.open = phase;
    this.completing = false;
  }

  private close(): void {
    if (this.open === undefined) return;
    this.out.closeGroup();
    this.open = undefined;
    this.completing = false;
  }
}
