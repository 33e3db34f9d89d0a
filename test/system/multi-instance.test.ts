/**
 * Several hub instances on one PostgreSQL and one Redis, as a deployment that outgrew one
 * machine runs: a subscriber on one instance sees webhooks received by another, and their
 * workers share the queue without ever processing a transfer twice; API instances without jobs
 * hand their work to a worker process (the topology of compose.yaml).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SapSimulator } from '../../tools/sap-simulator';
import { createTestDatabase, testProvider, type TestDatabase } from '../support/database';
import { startTestHub, type TestHub } from '../support/hub';
import { configureSap, startSap } from '../support/sap';
import { subscribeWs, wsClient } from '../support/subscriptions';
import { eventually, fastJobs, postWebhook, settledEvent } from '../support/webhooks';
import { WebhookEventsSubscription } from '../webhooks/webhook-documents';

const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const secret = 'whsec_test_secret_123';

// Several processes on one database is the PostgreSQL deployment; the embedded SQLite default is one process.
describe.skipIf(testProvider !== 'postgresql')('two hub instances on one PostgreSQL and Redis', () => {
  let database: TestDatabase;
  let sap: SapSimulator;
  let a: TestHub;
  let b: TestHub;
  let apiKey: string;
  let orgId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    sap = await startSap({ products: 50, deliveries: 150 });
    // Topics are per organization, and every test org id is new: parallel test files share Redis safely.
    const env = { HUB_ALLOW_PRIVATE_TARGETS: 'true', REDIS_URL: redisUrl, HUB_WORKER_CONCURRENCY: '4', ...fastJobs };
    a = await startTestHub(env, { shared: database });
    b = await startTestHub(env, { shared: database });
    ({ apiKey, orgId } = await a.createOrg());
    await configureSap(a, apiKey, sap);
  });
  afterAll(async () => {
    await Promise.allSettled([a?.stop(), b?.stop()]);
    await sap?.close();
    await database?.drop();
  });

  it('streams a webhook received by one instance to a subscriber on the other, through Redis', async () => {
    const client = wsClient(b.url, apiKey);
    const stream = await subscribeWs(client, WebhookEventsSubscription, {});
    const res = await postWebhook(a, orgId, { outboundDelivery: '80000001' }, { secret });
    const [first] = await stream.waitFor(1);
    expect(first!.webhookEvents).toMatchObject({ deliveryId: res.body.deliveryId, status: 'RECEIVED' });
    stream.close();
    await client.dispose();
  });

  it('processes every transfer exactly once while both instances work the queue', async () => {
    await eventually(async () => ((await a.services.db.job.count()) === 0 ? true : undefined));
    sap.resetStats();
    const ids = sap.deliveryIds().slice(10, 130);
    const answers = await Promise.all(ids.map((id, i) => postWebhook(i % 2 ? a : b, orgId, { outboundDelivery: id }, { secret })));
    expect(answers.every((res) => res.status === 200)).toBe(true);
    await eventually(async () => ((await a.services.db.transferRequest.count({ where: { externalId: { in: ids }, status: 'succeeded' } })) === ids.length ? true : undefined), 30_000);
    // Each transfer reads its delivery from SAP once: a second claim of the same job would read it twice.
    expect(sap.stats.byKind['A_OutbDeliveryHeader(key)']).toBe(ids.length);
    const attempts = await a.services.db.transferRequest.findMany({ where: { externalId: { in: ids } }, select: { attempts: true } });
    expect(attempts.every((t) => t.attempts === 1)).toBe(true);
  }, 60_000);
});

describe.skipIf(testProvider !== 'postgresql')('an API instance without jobs and a worker process', () => {
  let database: TestDatabase;
  let sap: SapSimulator;
  let api: TestHub;
  let worker: TestHub;

  beforeAll(async () => {
    database = await createTestDatabase();
    sap = await startSap({ products: 5, deliveries: 5 });
    const env = { HUB_ALLOW_PRIVATE_TARGETS: 'true', REDIS_URL: redisUrl, ...fastJobs };
    api = await startTestHub({ ...env, HUB_WORKER: 'false' }, { shared: database });
    worker = await startTestHub(env, { shared: database, role: 'worker' });
  });
  afterAll(async () => {
    await Promise.allSettled([api?.stop(), worker?.stop()]);
    await sap?.close();
    await database?.drop();
  });

  it('the API instance stores the webhook, the worker processes it; the worker serves no API', async () => {
    const { apiKey, orgId } = await api.createOrg();
    await configureSap(api, apiKey, sap);
    const res = await postWebhook(api, orgId, { outboundDelivery: sap.deliveryIds()[0] }, { secret });
    expect(res.status).toBe(200);
    // Only the worker runs jobs: the API instance has HUB_WORKER=false.
    const event = await settledEvent(api, res.body.deliveryId as string);
    expect(event.status).toBe('processed');

    expect((await fetch(`${worker.url}/readyz`)).status).toBe(200);
    expect((await fetch(`${worker.url}/api/v1/integrations/connectors`, { headers: { 'x-api-key': apiKey } })).status).toBe(404);
  });
});
