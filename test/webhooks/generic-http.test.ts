/**
 * Hooks of an in-house system through the generic-http connector (seed 002), end to end: signed
 * POST, stored event, transfer requests, records read from the JSON API simulator and stored.
 * One hook naming several ids, a child hook turned into its parent, prefixed ids resolved in the
 * prerequisite step, unmapped event types, unknown records and repeated deliveries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJsonApiSimulator, itemHook, orderLineHook, prefixedHook, type JsonApiSimulator } from '../../tools/json-api-simulator';
import { genericBody, putGeneric, webhookSecret } from '../connectors/generic-http-support';
import { startTestHub, type TestHub } from '../support/hub';
import { fastJobs, postWebhook, settledEvent } from '../support/webhooks';

let hub: TestHub;
let sim: JsonApiSimulator;
let orgId: string;

beforeAll(async () => {
  [hub, sim] = await Promise.all([startTestHub({ HUB_ALLOW_PRIVATE_TARGETS: 'true', ...fastJobs }), createJsonApiSimulator({ items: 60, orders: 10 })]);
  const org = await hub.createOrg();
  orgId = org.orgId;
  const res = await putGeneric(hub, org.apiKey, genericBody(sim));
  expect(res.status).toBe(201);
});
afterAll(async () => {
  await hub?.stop();
  await sim?.close();
});

async function post(body: unknown) {
  const res = await postWebhook(hub, orgId, body, { secret: webhookSecret, connectorType: 'generic-http' });
  expect(res.status).toBe(200);
  return res.body.deliveryId as string;
}

async function send(body: unknown) {
  return settledEvent(hub, await post(body));
}

const storedItem = (sku: string) => hub.services.db.item.findUnique({ where: { orgId_sku: { orgId, sku } } });

describe('one hook, several records', () => {
  it('turns a hook naming three ids into three transfers, each stored as an item', async () => {
    const ids = sim.itemIds().slice(0, 3);
    const event = await send(itemHook('updated', ids));
    expect(event.status).toBe('processed');
    expect(event.transfers.map((t) => ({ scope: t.scope, externalId: t.externalId, status: t.status, outcome: t.outcome }))).toEqual(
      ids.map((id) => ({ scope: 'item/updated', externalId: String(id), status: 'succeeded', outcome: 'upserted' })),
    );
    for (const id of ids) {
      const source = sim.item(id)!;
      expect(await storedItem(source.sku)).toMatchObject({ externalId: String(id), name: source.name, lengthMm: source.length, source: 'generic-http' });
    }
  });

  it('fails the transfer of an id the API does not have (404)', async () => {
    const event = await send(itemHook('created', 999_999));
    expect(event.status).toBe('failed');
    expect(event.transfers).toMatchObject([{ scope: 'item/created', status: 'failed', error: 'generic-http has no item "999999"', attempts: 1 }]);
  });
});

describe('a child record becomes its parent', () => {
  it('turns an order line hook into one transfer of the order, stored with all its lines', async () => {
    const order = sim.order(sim.orderIds()[2]!)!;
    const line = order.lines.at(-1)!;
    const event = await send(orderLineHook(order.id, line.lineId));
    expect(event.status).toBe('processed');
    expect(event.transfers).toMatchObject([{ scope: 'delivery/updated', externalId: String(order.id), receivedScope: null, status: 'succeeded' }]);
    const stored = await hub.services.db.delivery.findUniqueOrThrow({
      where: { orgId_orderId: { orgId, orderId: order.orderId } },
      include: { lines: { orderBy: { lineNumber: 'asc' } } },
    });
    expect(stored.lines.map((l) => ({ lineNumber: l.lineNumber, sku: l.sku, quantity: l.quantity }))).toEqual(
      order.lines.map((l) => ({ lineNumber: String(l.lineNumber), sku: l.sku, quantity: l.quantity })),
    );
  });
});

describe('prefixed ids (prefix presets)', () => {
  it('resolves Car:<id> to an item transfer with the bare id, received as message/created', async () => {
    const id = sim.itemIds()[20]!;
    const event = await send(prefixedHook(`Car:${id}`));
    expect(event.status).toBe('processed');
    expect(event.transfers).toMatchObject([{ scope: 'item/updated', receivedScope: 'message/created', externalId: String(id), status: 'succeeded' }]);
    expect(await storedItem(sim.item(id)!.sku)).toMatchObject({ externalId: String(id) });
  });

  it('resolves Order:<id> to a delivery transfer', async () => {
    const order = sim.order(sim.orderIds()[4]!)!;
    const event = await send(prefixedHook(`Order:${order.id}`));
    expect(event.transfers).toMatchObject([{ scope: 'delivery/updated', receivedScope: 'message/created', externalId: String(order.id), status: 'succeeded' }]);
    expect(await hub.services.db.delivery.count({ where: { orgId, orderId: order.orderId } })).toBe(1);
  });

  it('skips an id with an unknown prefix, with the reason, next to the ones it resolves', async () => {
    const id = sim.itemIds()[21]!;
    const event = await send(prefixedHook([`Boat:${id}`, `Car:${id}`]));
    expect(event.status).toBe('processed');
    // Ordered by externalId: the resolved "1022" before the unresolved "Boat:1022".
    expect(event.transfers).toMatchObject([
      { scope: 'item/updated', receivedScope: 'message/created', externalId: String(id), status: 'succeeded' },
      { scope: 'message/created', receivedScope: null, externalId: `Boat:${id}`, status: 'skipped', error: `unknown id prefix "Boat" in "Boat:${id}"; settings.webhook.prefixPresets has Car, Order` },
    ]);

    const alone = await send(prefixedHook('Boat:7'));
    expect(alone).toMatchObject({ status: 'skipped', transferCount: 1, error: 'unknown id prefix "Boat" in "Boat:7"; settings.webhook.prefixPresets has Car, Order' });
  });
});

describe('event types', () => {
  it('records an unmapped event type as a skipped event, with the reason', async () => {
    const event = await send({ id: 'evt_invoice_1', type: 'invoice.paid', data: { ids: [1] } });
    expect(event).toMatchObject({ status: 'skipped', transferCount: 0, error: 'event type invoice.paid is not mapped in settings.webhook.eventTypes' });
    expect(event.transfers).toEqual([]);
  });
});

describe('idempotency', () => {
  it('answers a repeated hook (same event id) with the first delivery and processes it once', async () => {
    const id = sim.itemIds()[30]!;
    const first = await post(itemHook('updated', id, 'evt_repeated_42'));
    const again = await post(itemHook('updated', [id, sim.itemIds()[31]!], 'evt_repeated_42'));
    expect(again).toBe(first);
    const events = await hub.services.db.webhookEvent.findMany({ where: { orgId, dedupKey: 'payload:evt_repeated_42' } });
    expect(events.map((e) => e.id)).toEqual([first]);
    const settled = await settledEvent(hub, first);
    expect(settled.transfers.map((t) => t.externalId)).toEqual([String(id)]);
  });
});
