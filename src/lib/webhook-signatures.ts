/**
 * Webhook signatures, both ways: seed 000/003's `sha256=<hex HMAC of the raw body>` and the
 * Standard Webhooks scheme (`webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64>`
 * over `${id}.${timestamp}.${body}`). Every comparison is constant-time, and everything works on
 * the raw bytes: a re-serialized body would not verify.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export type RawBody = Buffer | string;

/** `sha256=<hex>` of HMAC-SHA256 keyed with the secret's UTF-8 bytes, as seed 000's snippets compute it. */
export function hexSignature(secret: string, body: RawBody): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** How a product's own signature header writes the HMAC: `sha256=<hex>` (Fractal's reference) or bare `<hex>` (Fractio's tutorial). */
export const signatureFormats = ['sha256=hex', 'hex'] as const;
export type SignatureFormat = (typeof signatureFormats)[number];

/** The HMAC-SHA256 of the body under the secret's UTF-8 bytes, written in `format`. */
export function productSignature(secret: string, body: RawBody, format: SignatureFormat): string {
  const hex = createHmac('sha256', secret).update(body).digest('hex');
  return format === 'hex' ? hex : `sha256=${hex}`;
}

/** True when `header` is exactly `sha256=<hex>` of the body under one of the secrets. */
export function verifyHexSignature(header: string | undefined, body: RawBody, secrets: readonly string[]): boolean {
  if (!header) return false;
  const given = Buffer.from(header.trim());
  let matched = false;
  // Every secret is tried (no early exit), so timing does not tell which one matched.
  for (const secret of secrets) matched = constantTimeEqual(given, Buffer.from(hexSignature(secret, body))) || matched;
  return matched;
}

/** Standard Webhooks keys are `whsec_` + base64 of random bytes; the HMAC key is those bytes. */
export function standardKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret, 'base64');
}

export function standardSignature(secret: string, id: string, timestamp: number | string, body: RawBody): string {
  const mac = createHmac('sha256', standardKey(secret));
  mac.update(`${id}.${timestamp}.`);
  mac.update(body);
  return `v1,${mac.digest('base64')}`;
}

export interface StandardHeaders {
  id: string | undefined;
  timestamp: string | undefined;
  signature: string | undefined;
}

export type StandardVerdict = { ok: true } | { ok: false; reason: string };

/** Tolerance for `webhook-timestamp`, as the spec recommends: five minutes either way. */
export const STANDARD_TOLERANCE_SECONDS = 5 * 60;

export function verifyStandardSignature(
  headers: StandardHeaders,
  body: RawBody,
  secrets: readonly string[],
  nowSeconds = Math.floor(Date.now() / 1000),
): StandardVerdict {
  const { id, timestamp, signature } = headers;
  if (!id || !timestamp || !signature) return { ok: false, reason: 'webhook-id, webhook-timestamp and webhook-signature are all required' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'webhook-timestamp must be whole Unix seconds' };
  if (Math.abs(nowSeconds - Number(timestamp)) > STANDARD_TOLERANCE_SECONDS) {
    return { ok: false, reason: 'webhook-timestamp is more than 5 minutes away from the current time' };
  }
  const offered = signature.split(' ').filter((entry) => entry.startsWith('v1,')).map((entry) => Buffer.from(entry));
  let matched = false;
  for (const secret of secrets) {
    const expected = Buffer.from(standardSignature(secret, id, timestamp, body));
    for (const candidate of offered) matched = constantTimeEqual(candidate, expected) || matched;
  }
  return matched ? { ok: true } : { ok: false, reason: 'no webhook-signature entry matches' };
}

/** timingSafeEqual for inputs of any length (a length mismatch is no secret: the format is public). */
function constantTimeEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
