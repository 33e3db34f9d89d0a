/**
 * A consumer registers an endpoint with seed 001's call and receives the hub's events from a
 * real sync and a real inbound webhook, signed so that the `standardwebhooks` library and seed
 * 003's own verification function accept them; every attempt is in the log.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SapSimulator } from '../../tools/sap-simulator';
import { rest } from '../support/http';
import { startTestHub, type TestHub } from '../support/hub';
import { startReceiver, type Receiver } from '../support/receiver';
import { configureSap, startSap } from '../support/sap';
import { eventually, fastJobs, postWebhook, settledEvent } from '../support/webhooks';

let hub: TestHub;
let sap: SapSimulator;
let receiver: Receiver;
let apiKey: string;
let orgId: string;

// Seed 003's Node.js example, verbatim (apart from the import).
function verifyWebhook(payload: string, signature: string, secret: string) {
  const expected = crypto.createHmac('sha256', secret).update(payload, 'utf8').digest('hex');
  return crypto.timingSafeEqual(Buffer.from(signature), Buffer.from(`sha256=${expected}`));
}

/** Seed 001's registration call: the key as a bearer token, {"url", "events"}. */
async function register(events: string[]) {
  const res = await rest(hub.url, 'POST', '/api/v1/webhooks', { headers: { authorization: `Bearer ${apiKey}` }, body: { url: receiver.url, events } });
  expect(res.status).toBe(201);
  return res.body as { id: string; secret: string; eventTypes: string[] };
}

beforeAll(async () => {
  [hub, sap, receiver] = await Promise.all([startTestHub({ HUB_ALLOW_PRIVATE_TARGETS: 'true', ...fastJobs }), startSap({ products: 120 }), startReceiver()]);
  ({ apiKey, orgId } = await hub.createOrg());
});
afterAll(async () => {
  await hub?.stop();
  await sap?.close();
  await receiver?.close();
});

describe('registering an endpoint (seed 001)', () => {
  it('answers with the endpoint and its whsec_ secret, once; the secret stays readable on request only', async () => {
    const endpoint = await register(['integration.*']);
    expect(endpoint).toMatchObject({ id: expect.stringMatching(/^ep_/), eventTypes: ['integration.*'], enabled: true, secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]{32}$/) });
    const listed = await rest(hub.url, 'GET', `/api/v1/webhooks/${endpoint.id}`, { apiKey });
    expect(listed.text).not.toContain(endpoint.secret);
    const secret = await rest(hub.url, 'GET', `/api/v1/webhooks/${endpoint.id}/secret`, { apiKey });
    expect(secret.body).toEqual({ secret: endpoint.secret, previousSecret: null, previousSecretValidUntil: null });
    await rest(hub.url, 'DELETE', `/api/v1/webhooks/${endpoint.id}`, { apiKey });
  });

  it('refuses bad input with field-level errors', async () => {
    const res = await rest(hub.url, 'POST', '/api/v1/webhooks', { apiKey, body: { url: 'not a url', events: ['item.*', 'nope.thing'], color: 'red' } });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual(expect.arrayContaining([
      expect.objectContaining({ path: 'url' }),
      expect.objectContaining({ path: 'color', message: 'unknown field' }),
    ]));
    const typo = await rest(hub.url, 'POST', '/api/v1/webhooks', { apiKey, body: { url: 'https://example.com/hook', events: ['item.updatd'] } });
    expect(typo.body.error.fields).toEqual([{ path: 'eventTypes.0', message: expect.stringContaining('matches no event type') }]);
  });
});

describe('events from real work, signed', () => {
  let endpoint: { id: string; secret: string };

  beforeAll(async () => {
    endpoint = await register(['sync.*', 'webhook.*', 'transfer.*', 'delivery.*', 'integration.updated']);
  });

  it('delivers integration, sync, inbound-webhook and transfer events, each verifiable by both schemes', async () => {
    await configureSap(hub, apiKey, sap);
    const sync = await rest(hub.url, 'POST', '/api/v1/integrations/sap-s4hana/sync', { apiKey });
    expect(sync.body).toMatchObject({ success: true, itemsSynced: 120 });
    const hook = await postWebhook(hub, orgId, { outboundDelivery: '80000001' }, { secret: 'whsec_test_secret_123' });
    await settledEvent(hub, hook.body.deliveryId);
    // Events of one transaction are delivered in any order: wait for all of them, then for the queue to drain.
    const expected = ['integration.updated', 'sync.started', 'sync.completed', 'webhook.received', 'transfer.completed', 'delivery.created', 'webhook.processed'];
    await eventually(async () => (expected.every((type) => receiver.types().includes(type)) ? true : undefined));
    await eventually(async () => ((await hub.services.db.eventDelivery.count({ where: { status: 'pending' } })) === 0 ? true : undefined));
    expect(new Set(receiver.types())).toEqual(new Set(expected));
    const verifier = new Webhook(endpoint.secret);
    for (const request of receiver.received) {
      const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)]));
      expect(verifier.verify(request.body, headers)).toEqual(JSON.parse(request.body));
      expect(verifyWebhook(request.body, headers['x-fractal-signature']!, endpoint.secret)).toBe(true);
      const payload = JSON.parse(request.body) as { id: string; event: string; timestamp: string; data: Record<string, unknown> };
      expect(headers['webhook-id']).toBe(payload.id);
      expect(payload).toMatchObject({ id: expect.stringMatching(/^msg_/), timestamp: expect.any(String), data: expect.any(Object) });
    }
    const completed = receiver.received.map((r) => JSON.parse(r.body)).find((p) => p.event === 'sync.completed');
    expect(completed.data).toMatchObject({ connectorType: 'sap-s4hana', status: 'success', itemsSynced: 120 });
    const created = receiver.received.map((r) => JSON.parse(r.body)).find((p) => p.event === 'delivery.created');
    expect(created.data).toMatchObject({ orderId: '80000001', lines: sap.delivery('80000001')!.items.length });
  });

  it("verifies with the README's Python check (hmac.compare_digest over the raw body)", async () => {
    const python = [
      'import hashlib, hmac, sys',
      'raw_body, signature, secret = sys.stdin.buffer.read(), sys.argv[1], sys.argv[2]',
      'expected = "sha256=" + hmac.new(secret.encode(), raw_body, hashlib.sha256).hexdigest()',
      'print(hmac.compare_digest(expected, signature))',
    ].join('\n');
    for (const request of receiver.received.slice(0, 3)) {
      const out = execFileSync('python3', ['-c', python, String(request.headers['x-fractal-signature']), endpoint.secret], { input: request.body, encoding: 'utf8' });
      expect(out.trim()).toBe('True');
    }
  });

  it('sends only the types an endpoint subscribed to (patterns)', async () => {
    // The sync sent no item events and the endpoint did not ask for integration.deleted.
    expect(receiver.types().filter((type) => type.startsWith('item.') || type === 'integration.deleted')).toEqual([]);
  });

  it('logs every attempt with status and latency', async () => {
    const attempts = await rest(hub.url, 'GET', `/api/v1/webhooks/${endpoint.id}/attempts`, { apiKey });
    expect(attempts.body.length).toBe(receiver.received.length);
    expect(attempts.body[0]).toMatchObject({ statusCode: 200, latencyMs: expect.any(Number), responseBody: 'ok', error: null, eventId: expect.stringMatching(/^msg_/) });
  });

  it('sends a test event of a chosen type to one endpoint (seed 001 playground)', async () => {
    const before = receiver.received.length;
    const res = await rest(hub.url, 'POST', `/api/v1/webhooks/${endpoint.id}/test`, { apiKey, body: { eventType: 'item.updated' } });
    expect(res.status).toBe(202);
    await receiver.waitFor(before + 1);
    const test = JSON.parse(receiver.received.at(-1)!.body);
    expect(test).toMatchObject({ id: res.body.eventId, event: 'item.updated', data: { sku: 'TG11', test: true } });
  });

  it("never shows or delivers to another organization's endpoints", async () => {
    const other = await hub.createOrg('Other');
    const res = await rest(hub.url, 'GET', `/api/v1/webhooks/${endpoint.id}`, { apiKey: other.apiKey });
    expect(res.status).toBe(404);
    const secret = await rest(hub.url, 'GET', `/api/v1/webhooks/${endpoint.id}/secret`, { apiKey: other.apiKey });
    expect(secret.status).toBe(404);
    expect(await rest(hub.url, 'POST', `/api/v1/webhooks/${endpoint.id}/test`, { apiKey: other.apiKey, body: {} })).toMatchObject({ status: 404 });
  });

  it('lists the event catalog with an example per type', async () => {
    const res = await rest(hub.url, 'GET', '/api/v1/webhooks/event-types', { apiKey });
    expect(res.body.map((t: { type: string }) => t.type)).toEqual(expect.arrayContaining(['sync.completed', 'webhook.received', 'transfer.failed', 'item.created', 'delivery.updated', 'integration.updated', 'endpoint.disabled']));
    expect(res.body.every((t: { example: unknown }) => typeof t.example === 'object')).toBe(true);
  });
});
