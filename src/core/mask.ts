/**
 * Masks secret values in build output as CodeBuild does: every exact occurrence of a stored value becomes `***`
 * (transformed values are not masked). Streams hold back the tail of a chunk that may be the start of a secret
 * continued in the next chunk, so a secret split across reads is still masked.
 *
 * A multi-line value is also masked line by line, as the GitHub runner masks what `::add-mask::` registers (see
 * WorkflowLog.mask): a secret printed one line at a time, or in part, shows none of its lines. Lines shorter than
 * MIN_LINE characters (blank or nearly: `}`, `--`) are left, as there, since masking them would hide ordinary output.
 */
export const MASK = '***';
const MASK_BYTES = Buffer.from(MASK);

/** Variables whose values are masked whenever they are in the build environment. */
export const AWS_CREDENTIAL_VARIABLES = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'] as const;

/** Lines of a multi-line secret with fewer characters than this (spaces aside) are not masked on their own. */
export const MIN_LINE = 4;

export class Masker {
  private readonly secrets: readonly Buffer[];
  private readonly longest: number;

  constructor(secrets: Iterable<string>) {
    const all = [...secrets].flatMap((s) => [s, ...linesOf(s)]);
    const unique = [...new Set(all.filter((s) => s !== ''))];
    this.secrets = unique.map((s) => Buffer.from(s, 'utf8'));
    this.longest = this.secrets.reduce((max, s) => Math.max(max, s.length), 0);
  }

  /** True when there is something to mask (otherwise output can pass through untouched). */
  get active(): boolean {
    return this.secrets.length > 0;
  }

  /** Masks a whole text, by the same rules as the streams. */
  maskText(text: string): string {
    const parts: Buffer[] = [];
    const stream = this.stream((chunk) => parts.push(chunk));
    stream.push(Buffer.from(text, 'utf8'));
    stream.flush();
    return Buffer.concat(parts).toString('utf8');
  }

  /** A masking stream: push chunks in order, then flush at the end of the stream. */
  stream(emit: (chunk: Buffer) => void): MaskStream {
    return new MaskStream(this.secrets, this.longest, emit);
  }
}

/** The lines of a multi-line secret long enough to mask on their own; none for a one-line secret. */
function linesOf(secret: string): string[] {
  const lines = secret.split(/\r?\n/);
  return lines.length > 1 ? lines.filter((line) => line.trim().length >= MIN_LINE) : [];
}

export class MaskStream {
  private held: Buffer | undefined;

  constructor(
    private readonly secrets: readonly Buffer[],
    private readonly longest: number,
    private readonly emit: (chunk: Buffer) => void,
  ) {}

  /**
   * Masks the leftmost occurrence first, the longest one when several start at the same byte. Bytes from the
   * first position where a secret may start but the chunk ends are held back until the next chunk.
   */
  push(chunk: Buffer): void {
    const data = this.held === undefined ? chunk : Buffer.concat([this.held, chunk]);
    this.held = undefined;
    this.process(data, false);
  }

  /** The stream ended: what was held back cannot grow into a secret any more. */
  flush(): void {
    if (this.held === undefined) return;
    const held = this.held;
    this.held = undefined;
    this.process(held, true);
  }

  private process(data: Buffer, final: boolean): void {
    let pos = 0;
    for (;;) {
      const pending = final ? data.length : this.firstPartialMatch(data, pos);
      let best = -1;
      let bestLength = 0;
      for (const secret of this.secrets) {
        const at = data.indexOf(secret, pos);
        if (at < 0 || at >= pending) continue;
        if (best < 0 || at < best || (at === best && secret.length > bestLength)) {
          best = at;
          bestLength = secret.length;
        }
      }
      if (best < 0) {
        if (pending > pos) this.emit(data.subarray(pos, pending));
        if (pending < data.length) this.held = Buffer.from(data.subarray(pending));
        return;
      }
      if (best > pos) this.emit(data.subarray(pos, best));
      this.emit(MASK_BYTES);
      pos = best + bestLength;
    }
  }

  /** The first position ≥ pos where the data ends inside a possible secret (data.length when there is none). */
  private firstPartialMatch(data: Buffer, pos: number): number {
    for (let at = Math.max(pos, data.length - this.longest + 1); at < data.length; at++) {
      const tail = data.subarray(at);
      for (const secret of this.secrets) {
        if (secret.length > tail.length && secret.subarray(0, tail.length).equals(tail)) return at;
      }
    }
    return data.length;
  }
}
