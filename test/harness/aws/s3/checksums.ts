/**
 * S3's flexible checksums (the x-amz-checksum-* headers and trailers): CRC32, CRC32C, CRC64NVME, SHA1 and SHA256,
 * each the big-endian digest in base64, as S3 and the SDKs write them.
 *
 * CRC32 is zlib's (node:zlib crc32). CRC32C (Castagnoli, reflected polynomial 0x82F63B78) and CRC64NVME (reflected
 * polynomial 0x9A6C9329AC4BC9B5) are table-driven with an all-ones initial value and final XOR, per their specs.
 */
import { createHash } from 'node:crypto';
import zlib from 'node:zlib';

export const CHECKSUM_ALGORITHMS = ['CRC32', 'CRC32C', 'CRC64NVME', 'SHA1', 'SHA256'] as const;
export type ChecksumAlgorithm = (typeof CHECKSUM_ALGORITHMS)[number];

/** `x-amz-checksum-crc32` → 'CRC32', or undefined for any other header. */
export function algorithmOfHeader(name: string): ChecksumAlgorithm | undefined {
  const m = /^x-amz-checksum-(crc32|crc32c|crc64nvme|sha1|sha256)$/i.exec(name);
  return m ? ((m[1] as string).toUpperCase() as ChecksumAlgorithm) : undefined;
}

export const headerOf = (algorithm: ChecksumAlgorithm): string => `x-amz-checksum-${algorithm.toLowerCase()}`;

const CRC32C_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
    table[i] = c >>> 0;
  }
  return table;
})();

/** CRC-64/NVME's table split into 32-bit halves, so the byte loop runs on plain numbers instead of BigInts. */
const [CRC64_HI, CRC64_LO] = (() => {
  const poly = 0x9a6c9329ac4bc9b5n;
  const hi = new Uint32Array(256);
  const lo = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = BigInt(i);
    for (let k = 0; k < 8; k++) c = c & 1n ? (c >> 1n) ^ poly : c >> 1n;
    hi[i] = Number(c >> 32n);
    lo[i] = Number(c & 0xffffffffn);
  }
  return [hi, lo];
})();

export function crc32c(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let n = 0; n < data.length; n++) c = (CRC32C_TABLE[(c ^ (data[n] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function crc64nvme(data: Uint8Array): bigint {
  let hi = 0xffffffff;
  let lo = 0xffffffff;
  for (let n = 0; n < data.length; n++) {
    const i = (lo ^ (data[n] as number)) & 0xff;
    lo = (((lo >>> 8) | (hi << 24)) ^ (CRC64_LO[i] as number)) >>> 0;
    hi = ((hi >>> 8) ^ (CRC64_HI[i] as number)) >>> 0;
  }
  return (BigInt((hi ^ 0xffffffff) >>> 0) << 32n) | BigInt((lo ^ 0xffffffff) >>> 0);
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
}

/** The base64 checksum S3 would compute for `data`. */
export function checksum(algorithm: ChecksumAlgorithm, data: Uint8Array): string {
  switch (algorithm) {
    case 'CRC32':
      return u32(zlib.crc32(data)).toString('base64');
    case 'CRC32C':
      return u32(crc32c(data)).toString('base64');
    case 'CRC64NVME': {
      const b = Buffer.alloc(8);
      b.writeBigUInt64BE(crc64nvme(data));
      return b.toString('base64');
    }
    case 'SHA1':
      return createHash('sha1').update(data).digest('base64');
    case 'SHA256':
      return createHash('sha256').update(data).digest('base64');
  }
}
