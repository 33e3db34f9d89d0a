import { randomBytes } from 'node:crypto';

const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Random lower-case alphanumerics; 20 characters carry about 103 bits. */
export function randomToken(length: number, chars = alphabet): string {
  const bytes = randomBytes(length * 2);
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
export function newId(prefix: 'org' | 'key' | 'int' | 'itm' | 'run' | 'evt' | 'trq' | 'job' | 'dlv' | 'dln'): string {
  return `${prefix}_${randomToken(20)}`;
}
