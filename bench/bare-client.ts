/**
 * The bare HTTP client the deliver and publish benchmarks hold the hub against: requests of the
 * hub's shape and size posted straight to the receiver, so the difference is the hub's own cost.
 */
import { Pool } from 'undici';
import { newId } from '../src/lib/ids';

export interface BareRequest {
  /** The webhook-id, which the receiver records. */
  id: string;
  body: string;
  headers: Record<string, string>;
}

/**
 * A delivery with a new webhook-id: `payload(id, timestamp)` as its JSON body, and the headers the
 * hub sends (its signatures as placeholders of the same length).
 */
export function bareRequest(payload: (id: string, timestamp: Date) => Record<string, unknown>): BareRequest {
  const id = newId('msg');
  const timestamp = new Date();
  return {
    id,
    body: JSON.stringify(payload(id, timestamp)),
    headers: {
      'content-type': 'application/json',
      'user-agent': 'IntegrationHub-Webhooks/0.1 (+https://www.standardwebhooks.com)',
      'x-fractal-signature': `sha256=${'0'.repeat(64)}`,
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
      'webhook-signature': `v1,${'A'.repeat(43)}=`,
    },
  };
}

/**
 * `count` POSTs to `origin` over `connections` keep-alive connections, each connection sending its
 * next as soon as the last answered. `nth(n)` gives request n just before it leaves (the caller
 * times it there); any answer but 200 fails the whole.
 */
export async function postAll(origin: string, count: number, connections: number, nth: (n: number) => BareRequest & { path: string }): Promise<void> {
  const pool = new Pool(origin, { connections, keepAliveTimeout: 60_000 });
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (next < count) {
          const { path, headers, body: sent } = nth(next++);
          const { statusCode, body } = await pool.request({ path, method: 'POST', headers, body: sent });
          await body.text();
          if (statusCode !== 200) throw new Error(`the receiver answered ${statusCode}`);
        }
      }),
    );
  } finally {
    await pool.close();
  }
}
