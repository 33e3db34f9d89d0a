import { randomBytes } from 'node:crypto';

const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * Random bytes drawn from a pool refilled 4 KiB at a time: one system call per couple of
 * hundred ids instead of one per id (ids are minted on the webhook hot path).
 */
const pool = { bytes: Buffer.alloc(0), offset: 0 };
function poolBytes(count: number): Buffer {
  if (pool.offset + count > pool.bytes.length) {
    pool.bytes = randomBytes(Math.max(4096, count));
    pool.offset = 0;
  }
  pool.offset += count;
  return pool.bytes.subarray(pool.offset - count, pool.offset);
}

/** Random lower-case alphanumerics; 20 characters carry about 103 bits. */
export function randomToken(length: number, chars = alphabet): string {
  const bytes = poolBytes(length * 2);
  let out = '';
  // Rejection sampling keeps every character equally likely.
  const limit = 256 - (256 % chars.length);
  for (const byte of bytes) {
    if (byte < limit) out += chars[byte % chars.length];
    if (out.length === length) return out;
  }
  return out + randomToken(length - out.length, chars);
}

/** Prefixed identifiers (`org_…`, `int_…`) say what they name when they show up in a log or URL. */
export function newId(prefix: 'org' | 'key' | 'pkey' | 'int' | 'itm' | 'run' | 'evt' | 'trq' | 'job' | 'dlv' | 'dln' | 'ep' | 'msg' | 'odl' | 'att'): string {
  return `${prefix}_${randomToken(20)}`;
}
