/**
 * The AWS event stream binary framing (application/vnd.amazon.eventstream), written from the format description:
 *
 *   prelude:  total length (uint32 BE) | headers length (uint32 BE) | prelude CRC32 (of the 8 bytes before)
 *   headers:  name length (uint8) | name (utf8) | value type (uint8) | value
 *   payload
 *   message CRC32 (of everything before it)
 *
 * Only the header value types AWS services send in responses are encoded (string, and the others for completeness
 * of the decoder used by tests).
 */
import { crc32 } from 'node:zlib';

export type HeaderValue =
  | { type: 'boolean'; value: boolean }
  | { type: 'byte' | 'short' | 'integer'; value: number }
  | { type: 'long' | 'timestamp'; value: bigint }
  | { type: 'binary'; value: Buffer }
  | { type: 'string'; value: string }
  | { type: 'uuid'; value: string };

export interface EventMessage {
  headers: Record<string, HeaderValue>;
  payload: Buffer;
}

const PRELUDE = 12;
const CRC = 4;

function encodeHeader(name: string, h: HeaderValue): Buffer {
  const nameBuf = Buffer.from(name, 'utf8');
  if (nameBuf.length > 255) throw new Error(`event stream header name too long: ${name}`);
  let value: Buffer;
  switch (h.type) {
    case 'boolean':
      value = Buffer.from([h.value ? 0 : 1]);
      break;
    case 'byte':
      value = Buffer.from([2, h.value & 0xff]);
      break;
    case 'short':
      value = Buffer.alloc(3);
      value[0] = 3;
      value.writeInt16BE(h.value, 1);
      break;
    case 'integer':
      value = Buffer.alloc(5);
      value[0] = 4;
      value.writeInt32BE(h.value, 1);
      break;
    case 'long':
    case 'timestamp':
      value = Buffer.alloc(9);
      value[0] = h.type === 'long' ? 5 : 8;
      value.writeBigInt64BE(h.value, 1);
      break;
    case 'binary':
    case 'string': {
      const bytes = h.type === 'string' ? Buffer.from(h.value, 'utf8') : h.value;
      value = Buffer.alloc(3 + bytes.length);
      value[0] = h.type === 'string' ? 7 : 6;
      value.writeUInt16BE(bytes.length, 1);
      bytes.copy(value, 3);
      break;
    }
    case 'uuid':
      value = Buffer.concat([Buffer.from([9]), Buffer.from(h.value.replace(/-/g, ''), 'hex')]);
      break;
  }
  return Buffer.concat([Buffer.from([nameBuf.length]), nameBuf, value]);
}

export function encodeMessage(message: EventMessage): Buffer {
  const headers = Buffer.concat(Object.entries(message.headers).map(([n, h]) => encodeHeader(n, h)));
  const total = PRELUDE + headers.length + message.payload.length + CRC;
  const out = Buffer.alloc(total);
  out.writeUInt32BE(total, 0);
  out.writeUInt32BE(headers.length, 4);
  out.writeUInt32BE(crc32(out.subarray(0, 8)), 8);
  headers.copy(out, PRELUDE);
  message.payload.copy(out, PRELUDE + headers.length);
  out.writeUInt32BE(crc32(out.subarray(0, total - CRC)), total - CRC);
  return out;
}

const str = (value: string): HeaderValue => ({ type: 'string', value });

/** An event frame the way AWS JSON services send one: `:message-type event`, `:event-type`, `:content-type`. */
export function jsonEvent(eventType: string, body: unknown): Buffer {
  return encodeMessage({
    headers: {
      ':event-type': str(eventType),
      ':content-type': str('application/json'),
      ':message-type': str('event'),
    },
    payload: Buffer.from(JSON.stringify(body), 'utf8'),
  });
}

/** A modeled exception inside the stream (`:message-type exception`). */
export function jsonException(exceptionType: string, body: unknown): Buffer {
  return encodeMessage({
    headers: {
      ':exception-type': str(exceptionType),
      ':content-type': str('application/json'),
      ':message-type': str('exception'),
    },
    payload: Buffer.from(JSON.stringify(body), 'utf8'),
  });
}

/** An unmodeled error inside the stream (`:message-type error`). */
export function streamError(code: string, message: string): Buffer {
  return encodeMessage({
    headers: { ':error-code': str(code), ':error-message': str(message), ':message-type': str('error') },
    payload: Buffer.alloc(0),
  });
}

/** Decodes every complete frame in `buf`; returns them and the unconsumed tail. Verifies both CRCs. */
export function decodeMessages(buf: Buffer): { messages: EventMessage[]; rest: Buffer } {
  const messages: EventMessage[] = [];
  let off = 0;
  while (buf.length - off >= PRELUDE) {
    const total = buf.readUInt32BE(off);
    if (buf.length - off < total) break;
    const frame = buf.subarray(off, off + total);
    const headersLen = frame.readUInt32BE(4);
    if (frame.readUInt32BE(8) !== crc32(frame.subarray(0, 8))) throw new Error('event stream prelude CRC mismatch');
    if (frame.readUInt32BE(total - CRC) !== crc32(frame.subarray(0, total - CRC))) {
      throw new Error('event stream message CRC mismatch');
    }
    const headers: Record<string, HeaderValue> = {};
    let p = PRELUDE;
    const end = PRELUDE + headersLen;
    while (p < end) {
      const nameLen = frame[p] ?? 0;
      const name = frame.toString('utf8', p + 1, p + 1 + nameLen);
      p += 1 + nameLen;
      const t = frame[p++];
      switch (t) {
        case 0:
        case 1:
          headers[name] = { type: 'boolean', value: t === 0 };
          break;
        case 2:
          headers[name] = { type: 'byte', value: frame.readInt8(p) };
          p += 1;
          break;
        case 3:
          headers[name] = { type: 'short', value: frame.readInt16BE(p) };
          p += 2;
          break;
        case 4:
          headers[name] = { type: 'integer', value: frame.readInt32BE(p) };
          p += 4;
          break;
        case 5:
        case 8:
          headers[name] = { type: t === 5 ? 'long' : 'timestamp', value: frame.readBigInt64BE(p) };
          p += 8;
          break;
        case 6:
        case 7: {
          const len = frame.readUInt16BE(p);
          const bytes = frame.subarray(p + 2, p + 2 + len);
          headers[name] =
            t === 7 ? { type: 'string', value: bytes.toString('utf8') } : { type: 'binary', value: bytes };
          p += 2 + len;
          break;
        }
        case 9:
          headers[name] = { type: 'uuid', value: frame.subarray(p, p + 16).toString('hex') };
          p += 16;
          break;
        default:
          throw new Error(`unknown event stream header type ${String(t)}`);
      }
    }
    messages.push({ headers, payload: Buffer.from(frame.subarray(end, total - CRC)) });
    off += total;
  }
  return { messages, rest: buf.subarray(off) };
}
