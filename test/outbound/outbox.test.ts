/**
 * The outbox writes many events of several organizations in one transaction (one statement per
 * table), each delivered to exactly the endpoints whose patterns take it; the cached endpoint
 * subscriptions follow every change of an endpoint, in the instance that made it and, through
 * Redis, in another instance on the same database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testProvider } from '../support/database';
import { rest } from '../support/http';
import { startTestHub, type TestHub } from '../support/hub';
import { startReceiver, type Receiver } from '../support/receiver';
import { eventually, fastJobs } from '../support/webhooks';

let hub: TestHub;
let receiver: Receiver;

beforeAll(async () => {
  [hub, receiver] = await Promise.all([startTestHub({ HUB_ALLOW_PRIVATE_TARGETS: 'true', ...fastJobs }), startReceiver()]);
});
afterAll(async () => {
  await Promise.all([hub?.stop(), receiver?.close()]);
});

async function endpoint(target: TestHub, apiKey: string, path: string, events: string[]): Promise<string> {
  const res = await rest(target.url, 'POST', '/api/v1/webhooks', { headers: { authorization: `Bearer ${apiKey}` }, body: { url: `${receiver.url}${path}`, events } });
  expect(res.status).toBe(201);
  return (res.body as { id: string }).id;
}

/** Emits in one transaction through `target`'s outbox; answers what the outbox answered. */
async function emit(target: TestHub, events: { orgId: string; type: string }[]) {
  const { db, outbox } = target.services;
  const emitted = await db.$transaction((tx) => outbox.emitMany(tx, events.map((event, n) => ({ ...event, data: { n } }))));
  outbox.committed();
  return emitted;
}

function arrivals(path: string): string[] {
  return receiver.received.filter((r) => r.path === path).map((r) => r.headers['webhook-id'] as string);
}

describe('emitMany', () => {
  it('writes events of two organizations in one transaction, each to the endpoints that take it, and stores none nobody takes', async () => {
    const a = await hub.createOrg('A');
    const b = await hub.createOrg('B');
    await endpoint(hub, a.apiKey, '/a-items', ['item.*']);
    await endpoint(hub, b.apiKey, '/b-all', ['*']);
    await endpoint(hub, b.apiKey, '/b-sync', ['sync.*']);

    const emitted = await emit(hub, [
      { orgId: a.orgId, type: 'item.updated' },
      { orgId: b.orgId, type: 'item.updated' },
      { orgId: b.orgId, type: 'sync.completed' },
      { orgId: a.orgId, type: 'sync.completed' },
    ]);
    expect(emitted.map((e) => e.deliveries)).toEqual([1, 1, 2, 0]);
    const [aItem, bItem, bSync, aSync] = emitted.map((e) => e.id);
    await eventually(async () => (arrivals('/a-items').length + arrivals('/b-all').length + arrivals('/b-sync').length >= 4 ? true : undefined));
    expect(arrivals('/a-items')).toEqual([aItem]);
    expect(arrivals('/b-all').sort()).toEqual([bItem, bSync].sort());
    expect(arrivals('/b-sync')).toEqual([bSync]);
    const received = receiver.received.find((r) => r.headers['webhook-id'] === bSync)!;
    expect(JSON.parse(received.body)).toMatchObject({ id: bSync, event: 'sync.completed', data: { n: 2 } });
    expect(await hub.services.db.hubEvent.count({ where: { id: aSync } })).toBe(0);
    expect(await hub.services.db.eventDelivery.count({ where: { eventId: { in: [aItem!, bItem!, bSync!] } } })).toBe(4);
  });

  it('follows every change of an endpoint at once: new patterns, disabled, re-enabled, deleted, created', async () => {
    const org = await hub.createOrg('Changes');
    const auth = { authorization: `Bearer ${org.apiKey}` };
    const id = await endpoint(hub, org.apiKey, '/changes', ['item.*']);
    const count = async (type: string) => (await emit(hub, [{ orgId: org.orgId, type }]))[0]!.deliveries;

    expect(await count('item.updated')).toBe(1);
    expect(hub.services.subscriptions.holds(org.orgId)).toBe(true);
    expect((await rest(hub.url, 'PATCH', `/api/v1/webhooks/${id}`, { headers: auth, body: { eventTypes: ['sync.*'] } })).status).toBe(200);
    expect(await count('item.updated')).toBe(0);
    expect(await count('sync.failed')).toBe(1);
    await rest(hub.url, 'PATCH', `/api/v1/webhooks/${id}`, { headers: auth, body: { enabled: false } });
    expect(await count('sync.failed')).toBe(0);
    await rest(hub.url, 'PATCH', `/api/v1/webhooks/${id}`, { headers: auth, body: { enabled: true } });
    expect(await count('sync.failed')).toBe(1);
    expect((await rest(hub.url, 'DELETE', `/api/v1/webhooks/${id}`, { headers: auth })).status).toBe(204);
    expect(await count('sync.failed')).toBe(0);
    await endpoint(hub, org.apiKey, '/changes-new', ['*']);
    expect(await count('item.deleted')).toBe(1);
  });
});

describe('deleting an endpoint', () => {
  it('deletes its queued delivery jobs with its messages, so no other endpoint waits behind them', async () => {
    const org = await hub.createOrg('Deleted backlog');
    const id = await endpoint(hub, org.apiKey, '/deleted', ['*']);
    const { worker, db } = hub.services;
    await worker.stop();
    try {
      const emitted = await emit(hub, Array.from({ length: 5 }, () => ({ orgId: org.orgId, type: 'item.updated' })));
      const deliveries = await db.eventDelivery.findMany({ where: { eventId: { in: emitted.map((e) => e.id) } }, select: { id: true } });
      expect(await db.job.count({ where: { subjectId: { in: deliveries.map((d) => d.id) } } })).toBe(5);
      expect((await rest(hub.url, 'DELETE', `/api/v1/webhooks/${id}`, { headers: { authorization: `Bearer ${org.apiKey}` } })).status).toBe(204);
      expect(await db.job.count({ where: { subjectId: { in: deliveries.map((d) => d.id) } } })).toBe(0);
    } finally {
      worker.start();
    }
  });
});

const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

// Several instances on one database is the PostgreSQL deployment (with Redis as the event bus).
describe.skipIf(testProvider !== 'postgresql')('two instances on one database and Redis', () => {
  let first: TestHub;
  let second: TestHub;

  beforeAll(async () => {
    const env = { HUB_ALLOW_PRIVATE_TARGETS: 'true', REDIS_URL: redisUrl, ...fastJobs };
    first = await startTestHub(env);
    second = await startTestHub(env, { shared: first.db });
  });
  afterAll(async () => {
    await second?.stop();
    await first?.stop();
  });

  it("drops the other instance's cached subscriptions when an endpoint changes", async () => {
    const org = await first.createOrg('Two instances');
    const id = await endpoint(first, org.apiKey, '/two', ['item.*']);
    // The creation's own change notice reaches the second instance through Redis, maybe after it
    // cached the organization's endpoints and then dropping them: emit until the entry stays.
    await eventually(
      async () => ((await emit(second, [{ orgId: org.orgId, type: 'item.updated' }]))[0]!.deliveries === 1 && second.services.subscriptions.holds(org.orgId) ? true : undefined),
      10_000,
      'the second instance to cache the endpoint',
    );

    await rest(first.url, 'PATCH', `/api/v1/webhooks/${id}`, { headers: { authorization: `Bearer ${org.apiKey}` }, body: { eventTypes: ['sync.*'] } });
    await eventually(async () => (second.services.subscriptions.holds(org.orgId) ? undefined : true), 10_000, 'the second instance to drop its entry');
    expect((await emit(second, [{ orgId: org.orgId, type: 'item.updated' }]))[0]!.deliveries).toBe(0);
  });
});
