/**
 * Splits a shell session's output pipe into command output and end-of-command markers.
 *
 * The driver prints `\x1e<nonce>:<status>\n` after each command on the same pipe as the command's output, so
 * when a marker arrives every byte the command wrote before it has arrived too, in order. Output is passed on as
 * sub-views of the chunks read (no copies); only bytes that may be the start of a marker split across two reads
 * are held back until the next read.
 */
export interface MarkerHandlers {
  output(chunk: Buffer): void;
  marker(status: number): void;
}

const RS = 0x1e;
const NEWLINE = 0x0a;
/** The status digits after a marker are at most this long. */
const MAX_STATUS = 12;

export class MarkerScanner {
  private readonly marker: Buffer;
  private held: Buffer | undefined;

  constructor(
    nonce: string,
    private readonly handlers: MarkerHandlers,
  ) {
    this.marker = Buffer.from(`\x1e${nonce}:`, 'latin1');
  }

  push(chunk: Buffer): void {
    let data = chunk;
    if (this.held !== undefined) {
      data = Buffer.concat([this.held, chunk]);
      this.held = undefined;
    }
    const marker = this.marker;
    let pos = 0;
    for (;;) {
      const at = data.indexOf(marker, pos);
      if (at < 0) break;
      const digits = at + marker.length;
      const end = data.indexOf(NEWLINE, digits);
      if (end < 0) {
        if (data.length - digits > MAX_STATUS) {
          // Not a marker after all (no newline where one must be): output.
          this.emit(data, pos, digits);
          pos = digits;
          continue;
        }
        this.emit(data, pos, at);
        this.held = Buffer.from(data.subarray(at));
        return;
      }
      this.emit(data, pos, at);
      const status = Number(data.toString('latin1', digits, end));
      pos = end + 1;
      this.handlers.marker(Number.isInteger(status) ? status : 255);
    }
    const keep = this.partialMarkerLength(data, pos);
    this.emit(data, pos, data.length - keep);
    if (keep > 0) this.held = Buffer.from(data.subarray(data.length - keep));
  }

  /** Passes on held-back bytes (the stream ended). */
  flush(): void {
    if (this.held !== undefined) {
      const held = this.held;
      this.held = undefined;
      this.handlers.output(held);
    }
  }

  private emit(data: Buffer, from: number, to: number): void {
    if (to > from) this.handlers.output(from === 0 && to === data.length ? data : data.subarray(from, to));
  }

  /** Length of the longest tail of data[pos..] that is a proper prefix of the marker. */
  private partialMarkerLength(data: Buffer, pos: number): number {
    const from = Math.max(pos, data.length - this.marker.length + 1);
    let at = data.length - 1;
    while (at >= from && data[at] !== RS) at--;
    if (at < from) return 0;
    const tail = data.subarray(at);
    return this.marker.subarray(0, tail.length).equals(tail) ? tail.length : 0;
  }
}
