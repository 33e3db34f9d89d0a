/**
 * What happens after a webhook is acknowledged: the hook becomes transfer requests (seed 002),
 * each transfer reads its record from the SAP simulator and stores it, failures are retried and
 * dead-lettered, and the integration's webhook status follows (seed 000).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SapSimulator } from '../../tools/sap-simulator';
import { rest } from '../support/http';
import { startTestHub, type TestHub } from '../support/hub';
import { configureSap, sapIntegrationBody, startSap } from '../support/sap';
import { fastJobs, postWebhook, settledEvent } from '../support/webhooks';

const secret = 'whsec_test_secret_123';
let hub: TestHub;
let sap: SapSimulator;
let apiKey: string;
let orgId: string;

beforeAll(async () => {
  [hub, sap] = await Promise.all([startTestHub({ HUB_ALLOW_PRIVATE_TARGETS: 'true', ...fastJobs }), startSap({ products: 300 })]);
  ({ apiKey, orgId } = await hub.createOrg());
  await configureSap(hub, apiKey, sap);
});
afterAll(async () => {
  await hub?.stop();
  await sap?.close();
});
beforeEach(() => {
  sap.faults = {};
});

async function send(body: unknown) {
  const res = await postWebhook(hub, orgId, body, { secret });
  expect(res.status).toBe(200);
  return settledEvent(hub, res.body.deliveryId);
}

describe("seed 000's webhook body", () => {
  it('fetches the outbound delivery it names from SAP and stores it with its lines', async () => {
    const event = await send({ outboundDelivery: '80000001' });
    expect(event.status).toBe('processed');
    expect(event.transfers).toMatchObject([{ scope: 'delivery/updated', externalId: '80000001', status: 'succeeded', outcome: 'upserted', attempts: 1 }]);
    const source = sap.delivery('80000001')!;
    const stored = await hub.services.db.delivery.findUniqueOrThrow({ where: { orgId_orderId: { orgId, orderId: '80000001' } }, include: { lines: { orderBy: { lineNumber: 'asc' } } } });
    expect(stored.lines.map((line) => ({ sku: line.sku, quantity: line.quantity }))).toEqual(
      source.items.map((item) => ({ sku: item.Material, quantity: Number(item.ActualDeliveryQuantity) })),
    );
    const status = await rest(hub.url, 'GET', '/api/v1/integrations/sap-s4hana/sync/status', { apiKey });
    expect(status.body).toMatchObject({ lastWebhookStatus: 'success', lastWebhookAt: event.receivedAt.toISOString(), lastError: null });
    // The organization has no webhook endpoints: the outbound events of this work are not stored.
    expect(await hub.services.db.hubEvent.count({ where: { orgId } })).toBe(0);
  });

  it('turns one hook naming several deliveries into one transfer each', async () => {
    const event = await send({ outboundDelivery: ['80000002', '80000003', '80000002'] });
    expect(event.status).toBe('processed');
    expect(event.transfers.map((t) => t.externalId)).toEqual(['80000002', '80000003']);
    expect(await hub.services.db.delivery.count({ where: { orgId, orderId: { in: ['80000002', '80000003'] } } })).toBe(2);
  });
});

describe('SAP business events (CloudEvents from Event Mesh)', () => {
  it('Product.Changed updates the item from API_PRODUCT_SRV', async () => {
    const id = sap.productIds()[5]!;
    sap.updateProduct(id, { header: { ProductGroup: 'CHANGED1' } });
    const event = await send(sap.productEvent(id, 'Changed'));
    expect(event.transfers).toMatchObject([{ scope: 'item/updated', externalId: id, status: 'succeeded' }]);
    expect(await hub.services.db.item.findUnique({ where: { orgId_sku: { orgId, sku: id } } })).toMatchObject({ category: 'CHANGED1', active: true, source: 'sap-s4hana' });
  });

  it('OutboundDelivery.Created stores the delivery', async () => {
    const event = await send(sap.deliveryEvent('80000004', 'Created'));
    expect(event.transfers).toMatchObject([{ scope: 'delivery/created', status: 'succeeded' }]);
  });

  it('records an event type it does not process as skipped, with the reason', async () => {
    const event = await send({ specversion: '1.0', type: 'sap.s4.beh.businesspartner.v1.BusinessPartner.Changed.v1', source: '/x', id: 'bp-1', data: { BusinessPartner: '1000667' } });
    expect(event).toMatchObject({ status: 'skipped', transferCount: 0, error: expect.stringContaining('BusinessPartner.Changed') });
  });
});

describe('scopes: deletes are off until enabled', () => {
  it('records a delete hook as a skipped transfer by default and leaves the item alone', async () => {
    const id = sap.productIds()[7]!;
    await send(sap.productEvent(id, 'Changed'));
    const event = await send(sap.productEvent(id, 'Deleted'));
    expect(event.status).toBe('skipped');
    expect(event.transfers).toMatchObject([{ scope: 'item/deleted', status: 'skipped', error: expect.stringContaining('not enabled') }]);
    expect((await hub.services.db.item.findUniqueOrThrow({ where: { orgId_sku: { orgId, sku: id } } })).active).toBe(true);
  });

  it('handles an enabled delete as a delete-triggered update (marked inactive), or as a real delete', async () => {
    const { apiKey: key, orgId: org } = await hub.createOrg('Deletes');
    await configureSap(hub, key, sap, { settings: { webhookSecret: secret, webhookScopes: ['item/created', 'item/updated', 'item/deleted'] } });
    const [first, second] = sap.productIds().slice(10, 12) as [string, string];
    const sendFor = async (body: unknown) => settledEvent(hub, (await postWebhook(hub, org, body, { secret })).body.deliveryId);
    // The items must exist before their deletes arrive: wait for each create to settle.
    for (const id of [first, second]) expect((await sendFor(sap.productEvent(id, 'Created'))).status).toBe('processed');

    const deactivated = await sendFor(sap.productEvent(first, 'Deleted'));
    expect(deactivated.transfers).toMatchObject([{ status: 'succeeded', outcome: 'deactivated' }]);
    expect((await hub.services.db.item.findUniqueOrThrow({ where: { orgId_sku: { orgId: org, sku: first } } })).active).toBe(false);

    await rest(hub.url, 'PUT', '/api/v1/integrations/sap-s4hana', { apiKey: key, body: { settings: { deleteHandling: 'delete' } } });
    const deleted = await sendFor(sap.productEvent(second, 'Deleted'));
    expect(deleted.transfers).toMatchObject([{ status: 'succeeded', outcome: 'deleted' }]);
    expect(await hub.services.db.item.findUnique({ where: { orgId_sku: { orgId: org, sku: second } } })).toBeNull();
  });

  it('rejects unknown scope names when configuring', async () => {
    const res = await rest(hub.url, 'PUT', '/api/v1/integrations/sap-s4hana', { apiKey, body: { settings: { webhookScopes: ['item/created', 'car/exploded'] } } });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([{ path: 'settings.webhookScopes.1', message: expect.stringContaining('unknown scope "car/exploded"') }]);
  });
});

describe('failures', () => {
  it('retries a transfer while SAP answers 503, then completes', async () => {
    sap.faults = { failNextRequests: { count: 5, status: 503 } };
    const event = await send({ outboundDelivery: '80000005' });
    expect(event.status).toBe('processed');
    // The HTTP client's own 4 tries absorb 4 failures; the job's second attempt gets through.
    expect(event.transfers[0]!.attempts).toBe(2);
    expect(sap.faults.failNextRequests).toBeUndefined();
  });

  it('fails a transfer whose record SAP does not have, and says so in the webhook status', async () => {
    const event = await send({ outboundDelivery: '89999999' });
    expect(event.status).toBe('failed');
    expect(event.transfers).toMatchObject([{ status: 'failed', error: 'sap-s4hana has no delivery "89999999"', attempts: 1 }]);
    const status = await rest(hub.url, 'GET', '/api/v1/integrations/sap-s4hana/sync/status', { apiKey });
    expect(status.body).toMatchObject({ lastWebhookStatus: 'failed', lastError: expect.stringContaining('89999999') });
  });

  it('dead-letters a transfer after HUB_JOB_MAX_ATTEMPTS failed attempts, and a replay brings it through', async () => {
    sap.faults = { failNextRequests: { count: 1000, status: 500 } };
    const res = await postWebhook(hub, orgId, { outboundDelivery: '80000006' }, { secret });
    const event = await settledEvent(hub, res.body.deliveryId, 20_000);
    expect(event.transfers).toMatchObject([{ status: 'failed', attempts: 3, error: expect.stringMatching(/500/) }]);
    expect(await hub.services.db.job.findFirst({ where: { subjectId: event.transfers[0]!.id } })).toMatchObject({ status: 'dead', attempts: 3 });

    sap.faults = {};
    await hub.services.webhookEvents.replay(orgId, { eventIds: [event.id] });
    const replayed = await settledEvent(hub, event.id);
    expect(replayed).toMatchObject({ status: 'processed', transfers: [{ status: 'succeeded', attempts: 1 }] });
    expect(await hub.services.db.job.count({ where: { subjectId: event.transfers[0]!.id } })).toBe(0);
  }, 30_000);
});

describe('organization isolation', () => {
  it('stores records only in the organization whose URL received the hook', async () => {
    const other = await hub.createOrg('Other');
    await configureSap(hub, other.apiKey, sap, sapIntegrationBody(sap, { settings: { webhookSecret: 'another-secret-42' } }));
    const wrongSecret = await postWebhook(hub, other.orgId, { outboundDelivery: '80000007' }, { secret });
    expect(wrongSecret.status).toBe(401);
    const res = await postWebhook(hub, other.orgId, { outboundDelivery: '80000007' }, { secret: 'another-secret-42' });
    await settledEvent(hub, res.body.deliveryId);
    expect(await hub.services.db.delivery.count({ where: { orgId: other.orgId, orderId: '80000007' } })).toBe(1);
    expect(await hub.services.db.delivery.count({ where: { orgId, orderId: '80000007' } })).toBe(0);
  });
});
