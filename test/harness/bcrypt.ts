/**
 * bcrypt ($2b$) for the test registry's htpasswd file (docker-registry accepts bcrypt only). Blowfish's initial
 * state is the fractional part of pi in hexadecimal; it is computed here (Machin's formula in BigInt) instead of
 * being written out as 4 KB of constants.
 */
import { randomBytes } from 'node:crypto';

const ALPHABET = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const WORDS = 18 + 4 * 256;
const MAGIC = 'OrpheanBeholderScryDoubt';

let piWords: Uint32Array | undefined;

/** The first `WORDS` 32-bit words of pi's fractional part (P-array then the four S-boxes). */
function initialState(): Uint32Array {
  if (piWords) return piWords;
  const bits = BigInt(WORDS * 32);
  const guard = 64n;
  const one = 1n << (bits + guard);
  const atanInverse = (x: bigint): bigint => {
    let sum = 0n;
    let term = one / x;
    const x2 = x * x;
    for (let k = 1n, sign = 1n; term !== 0n; k += 2n, sign = -sign) {
      sum += (sign * term) / k;
      term /= x2;
    }
    return sum;
  };
  const pi = 16n * atanInverse(5n) - 4n * atanInverse(239n);
  const fraction = (pi - 3n * one) >> guard;
  const words = new Uint32Array(WORDS);
  for (let i = 0; i < WORDS; i++) words[i] = Number((fraction >> (bits - 32n * BigInt(i + 1))) & 0xffffffffn);
  piWords = words;
  return words;
}

class Blowfish {
  readonly p: Uint32Array;
  readonly s: Uint32Array;

  constructor() {
    const state = initialState();
    this.p = state.slice(0, 18);
    this.s = state.slice(18);
  }

  private f(x: number): number {
    const s = this.s;
    const a = s[x >>> 24] as number;
    const b = s[256 + ((x >>> 16) & 0xff)] as number;
    const c = s[512 + ((x >>> 8) & 0xff)] as number;
    const d = s[768 + (x & 0xff)] as number;
    return ((((a + b) >>> 0) ^ c) + d) >>> 0;
  }

  encipher(block: Uint32Array, offset: number): void {
    const p = this.p;
    let l = block[offset] as number;
    let r = block[offset + 1] as number;
    for (let i = 0; i < 16; i++) {
      l = (l ^ (p[i] as number)) >>> 0;
      r = (r ^ this.f(l)) >>> 0;
      [l, r] = [r, l];
    }
    [l, r] = [r, l];
    block[offset] = (l ^ (p[17] as number)) >>> 0;
    block[offset + 1] = (r ^ (p[16] as number)) >>> 0;
  }

  /** Blowfish's key schedule, with the salt folded in (bcrypt's ExpandKey); `salt` undefined: zeros. */
  expand(key: Uint8Array, salt: Uint8Array | undefined): void {
    const keyPos = { at: 0 };
    for (let i = 0; i < 18; i++) this.p[i] = ((this.p[i] as number) ^ streamWord(key, keyPos)) >>> 0;
    const block = new Uint32Array(2);
    const saltPos = { at: 0 };
    const fill = (target: Uint32Array) => {
      for (let i = 0; i < target.length; i += 2) {
        if (salt) {
          block[0] = ((block[0] as number) ^ streamWord(salt, saltPos)) >>> 0;
          block[1] = ((block[1] as number) ^ streamWord(salt, saltPos)) >>> 0;
        }
        this.encipher(block, 0);
        target[i] = block[0] as number;
        target[i + 1] = block[1] as number;
      }
    };
    fill(this.p);
    fill(this.s);
  }
}

/** The next 4 bytes of `data` (cyclically) as a big-endian word. */
function streamWord(data: Uint8Array, pos: { at: number }): number {
  let word = 0;
  for (let i = 0; i < 4; i++) {
    word = ((word << 8) | (data[pos.at] as number)) >>> 0;
    pos.at = (pos.at + 1) % data.length;
  }
  return word;
}

function encode(bytes: Uint8Array, length: number): string {
  let out = '';
  let i = 0;
  while (i < length) {
    const c1 = bytes[i++] as number;
    out += ALPHABET[c1 >> 2];
    let c = (c1 & 0x03) << 4;
    if (i >= length) {
      out += ALPHABET[c];
      break;
    }
    const c2 = bytes[i++] as number;
    out += ALPHABET[c | (c2 >> 4)];
    c = (c2 & 0x0f) << 2;
    if (i >= length) {
      out += ALPHABET[c];
      break;
    }
    const c3 = bytes[i++] as number;
    out += `${ALPHABET[c | (c3 >> 6)]}${ALPHABET[c3 & 0x3f]}`;
  }
  return out;
}

function decode(text: string, length: number): Uint8Array {
  const values = [...text].map((ch) => {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) throw new Error(`not a bcrypt base64 character: ${ch}`);
    return v;
  });
  const out = new Uint8Array(length);
  let bit = 0;
  let acc = 0;
  let n = 0;
  for (const v of values) {
    acc = (acc << 6) | v;
    bit += 6;
    if (bit >= 8) {
      bit -= 8;
      if (n < length) out[n++] = (acc >> bit) & 0xff;
    }
  }
  return out;
}

/** bcrypt of `password` with a setting `$2b$NN$<22 salt characters>`; the whole 60-character hash. */
export function bcrypt(password: string, setting: string): string {
  const m = /^\$(2[aby])\$(\d\d)\$([./A-Za-z0-9]{22})/.exec(setting);
  if (!m?.[1] || !m[2] || !m[3]) throw new Error(`not a bcrypt setting: ${setting}`);
  const cost = Number(m[2]);
  if (cost < 4 || cost > 31) throw new Error(`bcrypt cost out of range: ${cost}`);
  const salt = decode(m[3], 16);
  const key = new Uint8Array([...Buffer.from(password, 'utf8'), 0]).slice(0, 72);
  const state = new Blowfish();
  state.expand(key, salt);
  for (let round = 0; round < 2 ** cost; round++) {
    state.expand(key, undefined);
    state.expand(salt, undefined);
  }
  const text = new Uint32Array(6);
  for (let i = 0; i < 6; i++) text[i] = Buffer.from(MAGIC, 'latin1').readUInt32BE(i * 4);
  for (let i = 0; i < 64; i++) for (let j = 0; j < 6; j += 2) state.encipher(text, j);
  const bytes = Buffer.alloc(24);
  for (let i = 0; i < 6; i++) bytes.writeUInt32BE(text[i] as number, i * 4);
  return `$${m[1]}$${m[2]}$${encode(salt, 16)}${encode(bytes, 23)}`;
}

/** A new $2b$ hash of `password` with a random salt. */
export function bcryptHash(password: string, cost = 6): string {
  return bcrypt(password, `$2b$${String(cost).padStart(2, '0')}$${encode(randomBytes(16), 16)}`);
}
