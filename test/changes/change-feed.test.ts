/**
 * The change feed against a real hub, the SAP simulator and a real database: a sync's changes and
 * a webhook transfer's in order, each change once across pages, nothing for a record stored again
 * unchanged, one `items.changed` event per sync page, cursors held to their organization and feed,
 * the `itemsChanged` subscription, and (PostgreSQL) no change skipped when a later position
 * commits before an earlier one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SapSimulator } from '../../tools/sap-simulator';
import { connectDb, type Db } from '../../src/db/connection';
import { changesHeldBack } from '../../src/domain/changes/change-feed';
import { upsertItemsRecordingChanges } from '../../src/domain/changes/item-changes';
import type { MappedItem } from '../../src/domain/mapping/map-item';
import { testProvider } from '../support/database';
import { gql, rest } from '../support/http';
import { startTestHub, type TestHub } from '../support/hub';
import { configureSap, startSap } from '../support/sap';
import { subscribeWs, wsClient } from '../support/subscriptions';
import { eventually, fastJobs, postWebhook, settledEvent } from '../support/webhooks';
import { DeliveryChangesQuery, ItemChangesQuery, ItemsChangedSubscription } from './change-documents';

const secret = 'whsec_test_secret_123';
let hub: TestHub;
let sap: SapSimulator;
let apiKey: string;
let orgId: string;

beforeAll(async () => {
  [hub, sap] = await Promise.all([startTestHub({ HUB_ALLOW_PRIVATE_TARGETS: 'true', ...fastJobs }), startSap({ products: 2200 })]);
  ({ apiKey, orgId } = await hub.createOrg());
  await configureSap(hub, apiKey, sap, { settings: { webhookSecret: secret, webhookScopes: ['item/created', 'item/updated', 'item/deleted', 'delivery/created', 'delivery/updated'] } });
});
afterAll(async () => {
  await hub?.stop();
  await sap?.close();
});

type Feed = 'items' | 'deliveries';

/** Reads a feed page by page from `after` until it has no more, as a consumer would. */
async function readAll(feed: Feed, after: string | undefined, limit: number, key = apiKey, { settle = true } = {}) {
  // On PostgreSQL a change becomes readable once every transaction that began writing before it
  // has ended (the hub's worker runs its own beside the test): wait for that, as a consumer polling
  // again later would.
  if (settle) await eventually(async () => ((await changesHeldBack(hub.services.db, testProvider, { orgId, kind: feed === 'items' ? 'item' : 'delivery' })) ? undefined : true));
  const changes: any[] = [];
  let cursor = after;
  for (;;) {
    const query = new URLSearchParams({ limit: String(limit), ...(cursor ? { after: cursor } : {}) });
    const res = await rest(hub.url, 'GET', `/api/v1/${feed}/changes?${query}`, { apiKey: key });
    expect(res.status, res.text).toBe(200);
    changes.push(...res.body.changes);
    cursor = res.body.cursor;
    if (!res.body.hasMore) return { changes, cursor: cursor! };
  }
}

async function sync() {
  const res = await rest(hub.url, 'POST', '/api/v1/integrations/sap-s4hana/sync', { apiKey });
  expect(res.body).toMatchObject({ success: true });
}

async function webhook(body: unknown) {
  const res = await postWebhook(hub, orgId, body, { secret });
  expect(res.status).toBe(200);
  const event = await settledEvent(hub, res.body.deliveryId);
  expect(event.status).toBe('processed');
}

let cursor: string;

describe('changes from syncs and webhook transfers', () => {
  it('starts empty, with a cursor to keep', async () => {
    const first = await readAll('items', undefined, 10);
    expect(first.changes).toEqual([]);
    cursor = first.cursor;
  });

  it("lists a full sync's items once each across pages, and sends one items.changed event per page", async () => {
    const endpoint = await rest(hub.url, 'POST', '/api/v1/webhooks', { apiKey, body: { url: 'http://127.0.0.1:9/never', eventTypes: ['items.changed'] } });
    expect(endpoint.status).toBe(201);
    await sync();
    const read = await readAll('items', cursor, 333);
    expect(read.changes).toHaveLength(2200);
    expect(new Set(read.changes.map((c) => c.cursor)).size).toBe(2200);
    expect(new Set(read.changes.map((c) => c.id)).size).toBe(2200);
    const stored = await hub.services.db.item.findMany({ where: { orgId }, select: { id: true } });
    expect(new Set(read.changes.map((c) => c.id))).toEqual(new Set(stored.map((item) => item.id)));
    expect(read.changes.every((c) => c.op === 'created' && c.source === 'sap-s4hana' && c.item?.id === c.id && c.item.sku === c.sku)).toBe(true);
    cursor = read.cursor;

    const events = await hub.services.db.hubEvent.findMany({ where: { orgId, type: 'items.changed' }, orderBy: { createdAt: 'asc' } });
    const data = events.map((event) => JSON.parse(event.payload).data);
    expect(data.map((d) => d.page).sort()).toEqual([1, 2, 3]);
    expect(data.reduce((sum, d) => sum + d.created, 0)).toBe(2200);
    expect(data.flatMap((d) => d.itemIds).sort()).toEqual(read.changes.map((c) => c.id).sort());
    await rest(hub.url, 'DELETE', `/api/v1/webhooks/${endpoint.body.id}`, { apiKey });
  });

  it('records nothing when a sync stores every record again as it was', async () => {
    await sync();
    const read = await readAll('items', cursor, 100);
    expect(read.changes).toEqual([]);
    expect(read.cursor).toBe(cursor);
  });

  it("puts a webhook transfer's change and a later sync's changes after it, in commit order", async () => {
    const [a, b, c] = sap.productIds().slice(3, 6) as [string, string, string];
    sap.updateProduct(a, { header: { ProductGroup: 'HOOKED' } });
    await webhook(sap.productEvent(a, 'Changed'));
    sap.updateProduct(b, { header: { ProductGroup: 'SYNCED' } });
    sap.updateProduct(c, { header: { ProductGroup: 'SYNCED' } });
    await sync();
    const read = await readAll('items', cursor, 1);
    const [hooked, ...synced] = read.changes.map((change) => [change.op, change.sku, change.item.category]);
    expect(hooked).toEqual(['updated', a, 'HOOKED']);
    // Within one page, the host's order (SAP: by last change, then product).
    expect(synced.sort()).toEqual([['updated', b, 'SYNCED'], ['updated', c, 'SYNCED']].sort());
    cursor = read.cursor;
  });

  it('lists a deactivation and a deletion, with the record as it is now', async () => {
    const [gone, removed] = sap.productIds().slice(7, 9) as [string, string];
    await webhook(sap.productEvent(gone, 'Deleted'));
    await rest(hub.url, 'PUT', '/api/v1/integrations/sap-s4hana', { apiKey, body: { settings: { deleteHandling: 'delete' } } });
    await webhook(sap.productEvent(removed, 'Deleted'));
    await rest(hub.url, 'PUT', '/api/v1/integrations/sap-s4hana', { apiKey, body: { settings: { deleteHandling: 'deactivate' } } });
    const read = await readAll('items', cursor, 100);
    expect(read.changes.map((change) => [change.op, change.sku])).toEqual([
      ['deactivated', gone],
      ['deleted', removed],
    ]);
    expect(read.changes[0].item).toMatchObject({ sku: gone, active: false });
    expect(read.changes[1].item).toBeNull();
    cursor = read.cursor;
  });

  it('lists deliveries brought over by webhooks: created, then updated', async () => {
    await webhook({ outboundDelivery: '80000001' });
    await webhook({ outboundDelivery: '80000001' });
    const read = await readAll('deliveries', undefined, 1);
    expect(read.changes.map((change) => [change.op, change.orderId])).toEqual([
      ['created', '80000001'],
      ['updated', '80000001'],
    ]);
    expect(read.changes[1].delivery).toMatchObject({ orderId: '80000001', active: true });
    expect(read.changes[1].delivery.lines.length).toBeGreaterThan(0);
  });

  it('pages the same feed over GraphQL, with the same cursors', async () => {
    const rest1 = await readAll('items', undefined, 1000);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res = await gql(hub.url, apiKey, ItemChangesQuery, { after, first: 500 });
      expect(res.errors).toBeUndefined();
      const page: { cursor: string; hasMore: boolean; changes: { cursor: string }[] } = res.data!.itemChanges;
      seen.push(...page.changes.map((change) => change.cursor));
      after = page.cursor;
      if (!page.hasMore) break;
    }
    expect(seen).toEqual(rest1.changes.map((c) => c.cursor));
    const deliveries = await gql(hub.url, apiKey, DeliveryChangesQuery, { first: 10 });
    expect(deliveries.data!.deliveryChanges.changes.map((change) => change.operation)).toEqual(['CREATED', 'UPDATED']);
  });
});

describe('cursors and isolation', () => {
  it("does not show one organization's changes to another, nor let its cursor position another's feed", async () => {
    const other = await hub.createOrg('Other');
    const empty = await readAll('items', undefined, 100, other.apiKey);
    expect(empty.changes).toEqual([]);
    const foreign = await rest(hub.url, 'GET', `/api/v1/items/changes?after=${cursor}`, { apiKey: other.apiKey });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'after', message: "is not a cursor of your organization's item changes" }] });
    const viaGraphql = await gql(hub.url, other.apiKey, ItemChangesQuery, { after: cursor });
    expect(viaGraphql.errors?.[0]).toMatchObject({ message: "after: is not a cursor of your organization's item changes", extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('refuses an items cursor for the deliveries feed, a made-up cursor and a bad limit, naming the field', async () => {
    const wrongFeed = await rest(hub.url, 'GET', `/api/v1/deliveries/changes?after=${cursor}`, { apiKey });
    expect(wrongFeed.body.error.fields).toEqual([{ path: 'after', message: "is not a cursor of your organization's delivery changes" }]);
    const madeUp = await rest(hub.url, 'GET', '/api/v1/items/changes?after=abc', { apiKey });
    expect(madeUp.body.error.fields).toEqual([{ path: 'after', message: 'is not a change feed cursor' }]);
    const limit = await rest(hub.url, 'GET', '/api/v1/items/changes?limit=5000', { apiKey });
    expect(limit.body.error.fields).toEqual([{ path: 'limit', message: 'must be a whole number from 1 to 1000' }]);
  });
});

describe('the itemsChanged subscription', () => {
  it("delivers a sync page's changes as one batch, with a cursor to resume from", async () => {
    const client = wsClient(hub.url, apiKey);
    const sub = await subscribeWs(client, ItemsChangedSubscription, { connectorType: 'sap-s4hana' });
    const ids = sap.productIds().slice(20, 25);
    for (const id of ids) sap.updateProduct(id, { header: { ProductGroup: 'LIVE' } });
    await sync();
    // The sync brings back what the webhooks above removed (in its first page) and the five
    // changed products (in its last page): one batch per page that changed something.
    const [gone, removed] = sap.productIds().slice(7, 9) as [string, string];
    const batches = await eventually(async () => {
      const seen = sub.events.flatMap((event) => event.itemsChanged.changes);
      return seen.length >= ids.length + 2 ? sub.events.map((event) => event.itemsChanged) : undefined;
    });
    expect(sub.errors).toEqual([]);
    // Two batches, or one when both pages had committed before the stream read on.
    expect(batches.length === 1 || batches.length === 2).toBe(true);
    const changes = batches.flatMap((batch) => batch.changes.map((change) => [change.operation, change.sku]));
    expect(changes.sort()).toEqual([['CREATED', removed], ['UPDATED', gone], ...ids.map((id) => ['UPDATED', id])].sort());
    expect(batches.flatMap((batch) => batch.changes).filter((change) => ids.includes(change.sku)).every((change) => change.item?.category === 'LIVE')).toBe(true);
    const last = batches.at(-1)!;
    expect(last.cursor).toBe(last.changes.at(-1)!.cursor);
    expect((await readAll('items', last.cursor, 100)).changes).toEqual([]);
    sub.close();
    await client.dispose();
  });

  it('catches up from a cursor before streaming', async () => {
    const start = (await readAll('items', undefined, 1000)).changes.at(-3)!.cursor;
    const client = wsClient(hub.url, apiKey);
    const sub = await subscribeWs(client, ItemsChangedSubscription, { after: start });
    const [batch] = await sub.waitFor(1, 10_000);
    expect(batch!.itemsChanged.changes).toHaveLength(2);
    sub.close();
    await client.dispose();
  });
});

describe.runIf(testProvider === 'postgresql')('two writers committing out of order (PostgreSQL, two connections as two instances)', () => {
  let second: Db;
  beforeAll(async () => {
    second = await connectDb(hub.db.target);
  });
  afterAll(async () => {
    await second?.$disconnect();
  });

  const item = (sku: string): MappedItem => ({
    sku, name: sku, category: 'RACE', lengthMm: null, widthMm: null, heightMm: null, weightKg: null, active: true, externalId: sku, sourceChangedAt: null,
  });

  it('never skips the change of the transaction that took the earlier position but committed later', async () => {
    const { cursor: start } = await readAll('items', undefined, 1000);
    let inserted!: () => void;
    let release!: () => void;
    const insertedEarlier = new Promise<void>((resolve) => (inserted = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    // The "webhook transfer" on one instance takes its position first and stays open...
    const earlier = hub.services.db.$transaction(
      async (tx) => {
        await upsertItemsRecordingChanges(tx, 'postgresql', { orgId, source: 'sap-s4hana', items: [item('RACE-EARLY')] });
        inserted();
        await gate;
      },
      { timeout: 30_000 },
    );
    await insertedEarlier;
    // ...while the other instance's write takes a later position and commits first.
    await second.$transaction((tx) => upsertItemsRecordingChanges(tx, 'postgresql', { orgId, source: 'sap-s4hana', items: [item('RACE-LATE')] }));
    const positions = await hub.services.db.recordChange.findMany({ where: { orgId, key: { in: ['RACE-EARLY', 'RACE-LATE'] } }, select: { key: true, seq: true } });
    expect(positions).toHaveLength(1); // the earlier one is not committed yet
    expect(positions[0]!.key).toBe('RACE-LATE');

    // A reader now must not move its cursor past the early change's position: it sees nothing yet.
    const during = await readAll('items', start, 100, apiKey, { settle: false });
    expect(during.changes).toEqual([]);
    release();
    await earlier;
    const after = await readAll('items', during.cursor, 100);
    expect(after.changes.map((change) => change.sku)).toEqual(['RACE-EARLY', 'RACE-LATE']);
    const seqs = await hub.services.db.recordChange.findMany({ where: { orgId, key: { in: ['RACE-EARLY', 'RACE-LATE'] } }, orderBy: { seq: 'asc' }, select: { key: true } });
    // The ids alone would have put the early change first, after a reader had already passed it.
    expect(seqs.map((row) => row.key)).toEqual(['RACE-EARLY', 'RACE-LATE']);
  });
});
