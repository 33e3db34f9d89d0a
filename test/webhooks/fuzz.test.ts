/**
 * Fuzzing the webhook route with a seeded generator (reproducible: FUZZ_SEED=<n>): random bytes,
 * wrong and missing content types, bodies over the limit, malformed and truncated signatures,
 * unicode and control bytes in headers and paths, raw over a socket so nothing is cleaned up on
 * the way. Every answer must be a 4xx (or a 200 for what is, by chance, a correctly signed JSON
 * body), and the server must stay healthy and keep accepting real webhooks.
 */
import { createHmac } from 'node:crypto';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rest } from '../support/http';
import { startTestHub, type TestHub } from '../support/hub';
import { seedConfigureBody } from '../support/seed';
import { postWebhook } from '../support/webhooks';

const secret = 'whsec_abc123...';
const seed = Number(process.env.FUZZ_SEED ?? 20261124);
let hub: TestHub;
let orgId: string;
let port: number;

beforeAll(async () => {
  hub = await startTestHub({ HUB_WEBHOOK_BODY_LIMIT_BYTES: '8192', HUB_WORKER: 'false', LOG_LEVEL: 'warn' });
  let apiKey: string;
  ({ apiKey, orgId } = await hub.createOrg());
  await rest(hub.url, 'PUT', '/api/v1/integrations/sap-s4hana', { apiKey, body: seedConfigureBody });
  port = Number(new URL(hub.url).port);
});
afterAll(() => hub?.stop());

/** mulberry32: small, seeded, good enough to pick cases. */
function generator(state: number) {
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  return { next, int, pick: <T>(items: readonly T[]) => items[int(items.length)]!, bytes: (n: number) => Buffer.from(Array.from({ length: n }, () => int(256))) };
}

/** Sends raw bytes as one HTTP request and returns the status code of the answer (0: connection closed without one). */
function rawRequest(head: Buffer, body: Buffer): Promise<number> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      const match = /^HTTP\/1\.1 (\d{3})/.exec(answer);
      if (match) {
        resolve(Number(match[1]));
        socket.destroy();
      }
    });
    socket.on('error', () => resolve(0));
    socket.on('close', () => resolve(0));
    socket.write(Buffer.concat([head, body]));
  });
}

const sign = (body: Buffer) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

function isJson(body: Buffer): boolean {
  try {
    JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
    return true;
  } catch {
    return false;
  }
}

describe(`fuzzing the webhook route (FUZZ_SEED=${seed})`, () => {
  it('answers 4xx to everything malformed and stays healthy', async () => {
    const r = generator(seed);
    const contentTypes = ['application/json', 'application/json; charset=utf-8', 'text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/cloudevents+json', '', '\u00e9t\u00e9/json', 'application/json\u0000'];
    const bodies = [
      () => r.bytes(r.int(300)),
      () => Buffer.from(JSON.stringify({ outboundDelivery: 'x'.repeat(r.int(50)), emoji: '🚚📦', rtl: 'שלום', nul: '\u0000' })),
      () => Buffer.from('{"outboundDelivery": "800000'),
      () => Buffer.from('\uFEFF{"outboundDelivery":"1"}'),
      () => Buffer.alloc(9000 + r.int(20000), 0x41),
      () => Buffer.from([0xc3, 0x28, 0x7b, 0x7d]),
      () => Buffer.alloc(0),
    ];
    const signatures = (body: Buffer) => [
      undefined,
      '',
      'sha256=',
      sign(body).slice(0, 20 + r.int(40)),
      sign(body).toUpperCase(),
      `sha256=${'zz'.repeat(32)}`,
      `sha1=${'0'.repeat(40)}`,
      `${sign(body)}, ${sign(body)}`,
      'sha256=ä€😀',
      sign(body),
    ];
    const paths = [`/api/v1/integrations/webhook/sap-s4hana/${orgId}`, '/api/v1/integrations/webhook/sap-s4hana/org_%00', '/api/v1/integrations/webhook/%F0%9F%9A%9A/org_x', `/api/v1/integrations/webhook/sap-s4hana/${orgId}/../../x`, `/api/v1/integrations/webhook/sap-s4hana/${'a'.repeat(3000)}`];

    const unexpected: string[] = [];
    const seen = new Set<number>();
    for (let i = 0; i < 400; i++) {
      const body = r.pick(bodies)();
      const signature = r.pick(signatures(body));
      const contentType = r.pick(contentTypes);
      const path = r.next() < 0.8 ? paths[0]! : r.pick(paths);
      const lines = [`POST ${path} HTTP/1.1`, 'Host: localhost', `Content-Length: ${body.length}`, 'Connection: close'];
      if (contentType) lines.push(`Content-Type: ${contentType}`);
      if (signature !== undefined) lines.push(`X-Webhook-Signature: ${signature}`);
      if (r.next() < 0.1) lines.push(`X-Noise: ${r.bytes(20).toString('latin1').replace(/[\r\n]/g, '')}`);
      const status = await rawRequest(Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'utf8'), body);
      // Valid only when it is, by chance, what a real sender sends: JSON, the right URL, media type and signature.
      const legitimate =
        path === paths[0] && signature === sign(body) && isJson(body) && body.length <= 8192 &&
        ['application/json', 'application/json; charset=utf-8', 'text/plain', 'application/cloudevents+json', ''].includes(contentType);
      const ok = legitimate ? status === 200 : status >= 400 && status < 500;
      seen.add(status);
      if (!ok) unexpected.push(`#${i}: ${status} for path=${path.slice(0, 60)} type=${JSON.stringify(contentType)} sig=${JSON.stringify(signature?.slice(0, 30))} body=${body.length}B`);
    }
    expect(unexpected).toEqual([]);
    // The cases really reached every kind of refusal (and some real deliveries got through).
    expect([...seen].sort()).toEqual(expect.arrayContaining([200, 400, 401, 404, 413, 415]));

    const health = await fetch(`${hub.url}/healthz`);
    expect(health.status).toBe(200);
    const real = await postWebhook(hub, orgId, { outboundDelivery: '80000001' }, { secret });
    expect(real.status).toBe(200);
    expect(hub.logs.filter((line) => line.includes('"level":50'))).toEqual([]);
  }, 60_000);
});
