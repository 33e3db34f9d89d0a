/**
 * Deletions found by full syncs against the SAP simulator: products deleted in the tenant are
 * deactivated (or deleted) after a complete full run, come back active, and a run that would
 * remove too many (or found nothing) holds its removals until they are confirmed or discarded.
 * Failed and incremental runs never remove anything; the counts say what each run did.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SapSimulator } from '../../tools/sap-simulator';
import { gql, rest } from '../support/http';
import { startTestHub, type TestHub } from '../support/hub';
import { startReceiver, type Receiver } from '../support/receiver';
import { configureSap, startSap } from '../support/sap';
import { subscribeWs, wsClient } from '../support/subscriptions';
import { ConfirmSyncDeletionsMutation, DeletionStatusQuery, DiscardSyncDeletionsMutation, HeldRunProgressSubscription } from './deletion-documents';
import { StartSyncMutation } from './sync-documents';

let hub: TestHub;
let sap: SapSimulator;
let receiver: Receiver;
let apiKey: string;
let orgId: string;
const base = '/api/v1/integrations/sap-s4hana';
const products = 2000;
const sync = async (query = '') => {
  const res = await rest(hub.url, 'POST', `${base}/sync${query}`, { apiKey });
  expect(res.status).toBe(200);
  return res.body;
};
const status = async () => (await rest(hub.url, 'GET', `${base}/sync/status`, { apiKey })).body;
const activeCount = () => hub.services.db.item.count({ where: { orgId, source: 'sap-s4hana', active: true } });
/** How many of these skus have an active item (read whole: a list of thousands exceeds SQLite's bound parameters). */
async function activeOf(skus: string[]): Promise<number> {
  const active = new Set((await hub.services.db.item.findMany({ where: { orgId, active: true }, select: { sku: true } })).map((item) => item.sku));
  return skus.filter((sku) => active.has(sku)).length;
}
/** Every nth of the products whose items are active now, so each removal is a real one. */
async function pickActive(every: number): Promise<string[]> {
  const items = await hub.services.db.item.findMany({ where: { orgId, active: true }, select: { sku: true }, orderBy: { sku: 'asc' } });
  return items.map((item) => item.sku).filter((_, i) => i % every === 0);
}
/** SKUs of the change feed's rows with this op (written after position `since`, when given). */
const feedChanges = async (op: string, since = 0) =>
  (await hub.services.db.recordChange.findMany({ where: { orgId, kind: 'item', op, seq: { gt: since } }, select: { key: true } })).map((change) => change.key);
const lastFeedPosition = async () => (await hub.services.db.recordChange.aggregate({ where: { orgId }, _max: { seq: true } }))._max.seq ?? 0;
const events = async (type: string) =>
  (await hub.services.db.hubEvent.findMany({ where: { orgId, type }, orderBy: { createdAt: 'asc' } })).map((event) => JSON.parse(event.payload).data);

beforeAll(async () => {
  [hub, sap, receiver] = await Promise.all([startTestHub({ HUB_ALLOW_PRIVATE_TARGETS: 'true' }), startSap({ products }), startReceiver()]);
  ({ apiKey, orgId } = await hub.createOrg());
  await configureSap(hub, apiKey, sap);
  // An endpoint taking sync events, so they are stored (the outbox keeps only events someone takes).
  const endpoint = await rest(hub.url, 'POST', '/api/v1/webhooks', { apiKey, body: { url: receiver.url, eventTypes: ['sync.*', 'items.changed'] } });
  expect(endpoint.status).toBe(201);
});
afterAll(async () => {
  await hub?.stop();
  await sap?.close();
  await receiver?.close();
});
beforeEach(() => {
  sap.faults = {};
  sap.restoreProducts(removed);
  removed = [];
});

let removed: string[] = [];
function removeFromHost(skus: string[]) {
  sap.removeProducts(skus);
  removed.push(...skus);
}

describe('run counts', () => {
  it('counts every record as added on the first run, and as unchanged when nothing changed', async () => {
    const first = await sync();
    expect(first).toMatchObject({ success: true, itemsSynced: products, status: 'success', counts: { added: products, updated: 0, unchanged: 0, removed: 0, failed: 0 } });
    const second = await sync();
    expect(second).toMatchObject({ success: true, itemsSynced: products, status: 'success', counts: { added: 0, updated: 0, unchanged: products, removed: 0, failed: 0 } });
    const changed = sap.productIds().slice(0, 3);
    for (const id of changed) sap.updateProduct(id, { header: { ProductGroup: 'CHG1' } });
    sap.addProduct({ Product: 'NEW-1' });
    sap.addProduct({ Product: 'BAD-1', header: { GrossWeight: 'abc', WeightUnit: 'KG' } });
    const third = await sync();
    expect(third).toMatchObject({ status: 'partial', counts: { added: 1, updated: 3, unchanged: products - 3, removed: 0, failed: 1 } });
    // The guide's sync status keeps its fields and adds the counts of that run.
    expect(await status()).toMatchObject({
      lastSyncStatus: 'partial', lastSyncItemCount: products + 1, lastSyncRunId: third.runId,
      lastSyncCounts: { added: 1, updated: 3, unchanged: products - 3, removed: 0, failed: 1 }, heldDeletions: null,
    });
    expect((await events('sync.completed')).at(-1)).toMatchObject({ runId: third.runId, status: 'partial', counts: third.counts });
    // Fixed in the host: stored with the next run, which has no failure left.
    sap.updateProduct('BAD-1', { header: { GrossWeight: '1.000', WeightUnit: 'KG' } });
    expect(await sync()).toMatchObject({ status: 'success', counts: { added: 1, updated: 0, unchanged: products + 1, removed: 0, failed: 0 } });
  });
});

describe('deletions after a complete full run', () => {
  let lost: string[] = [];

  it('deactivates the items of products the host lost (10%), and says so in the counts', async () => {
    const before = await activeCount();
    lost = await pickActive(10);
    removeFromHost(lost);
    const res = await sync();
    expect(res).toMatchObject({ success: true, status: 'success', counts: { removed: lost.length, added: 0, updated: 0 } });
    expect(lost.length).toBeGreaterThan(150);
    expect(await activeOf(lost)).toBe(0);
    expect(await activeCount()).toBe(before - lost.length);
    // Deactivated, not deleted (deleteHandling "deactivate" is the default).
    expect(await hub.services.db.item.count({ where: { orgId, sku: { in: lost } } })).toBe(lost.length);
    expect(await status()).toMatchObject({ lastSyncCounts: { removed: lost.length } });
    expect((await events('sync.completed')).at(-1)).toMatchObject({ runId: res.runId, counts: { removed: lost.length } });
    // The change feed has each one, and one items.changed says so for the run.
    expect((await feedChanges('deactivated')).sort()).toEqual([...lost].sort());
    expect((await events('items.changed')).at(-1)).toMatchObject({ runId: res.runId, page: null, deactivated: lost.length, itemIds: expect.any(Array) });
  });

  it('makes them active again when they come back', async () => {
    // beforeEach gave the host its products back.
    expect(await activeOf(lost)).toBe(0);
    const res = await sync();
    expect(res).toMatchObject({ status: 'success', counts: { removed: 0, updated: lost.length, added: 0 } });
    expect(await activeOf(lost)).toBe(lost.length);
  });

  it('removes nothing when the host fails in the middle of a full run', async () => {
    const before = await activeCount();
    removeFromHost(await pickActive(10));
    // The second slice (from row 950) keeps failing: retries run out, the run fails.
    sap.faults = { failPageAtSkip: { skip: 950, times: 50, status: 503 } };
    const res = await sync();
    expect(res).toMatchObject({ success: false, status: 'failed', counts: { removed: 0 } });
    expect(await activeCount()).toBe(before);
  });

  it('never infers deletions from an incremental run', async () => {
    const before = await activeCount();
    removeFromHost(await pickActive(10));
    const res = await sync('?mode=incremental');
    expect(res).toMatchObject({ success: true, counts: { removed: 0 } });
    expect(await activeCount()).toBe(before);
  });

  it('deletes them when the integration asks for real deletes', async () => {
    await configureSap(hub, apiKey, sap, { settings: { deleteHandling: 'delete' } });
    try {
      const lost = await pickActive(20);
      removeFromHost(lost);
      const res = await sync();
      expect(res).toMatchObject({ counts: { removed: lost.length } });
      expect(await hub.services.db.item.count({ where: { orgId, sku: { in: lost } } })).toBe(0);
      expect((await feedChanges('deleted')).sort()).toEqual([...lost].sort());
      // Back in the host: added again.
      sap.restoreProducts(lost);
      removed = [];
      expect(await sync()).toMatchObject({ counts: { added: lost.length, removed: 0 } });
    } finally {
      await configureSap(hub, apiKey, sap, { settings: { deleteHandling: 'deactivate' } });
    }
  });
});

describe('mass-deletion guard', () => {
  it('holds the removals when the host loses 80%: needs_confirmation with the count and a sample; streamed and sent', { timeout: 60_000 }, async () => {
    const before = await activeCount();
    const lost = await pickActive(1).then((skus) => skus.filter((_, i) => i % 5 !== 0));
    removeFromHost(lost);
    const client = wsClient(hub.url, apiKey);
    const sub = await subscribeWs(client, HeldRunProgressSubscription, { connectorType: 'sap-s4hana' });
    try {
      // The subscription is live once it hears of an earlier run (the server may still be setting it up).
      const earlier = await hub.services.db.syncRun.findFirstOrThrow({ where: { orgId }, orderBy: { startedAt: 'desc' } });
      for (let i = 0; i < 600 && sub.events.length === 0; i++) {
        hub.services.events.publish('sync-progress', orgId, { orgId, runId: earlier.id, integrationId: earlier.integrationId, connectorType: earlier.connectorType, status: earlier.status });
        await new Promise((r) => setTimeout(r, 50));
      }
      const res = await sync();
      expect(res).toMatchObject({ success: true, status: 'needs_confirmation', counts: { removed: 0 }, heldDeletions: { count: lost.length } });
      expect(res.heldDeletions.sampleIds).toHaveLength(10);
      for (const id of res.heldDeletions.sampleIds) expect(lost).toContain(id);
      expect(await activeCount()).toBe(before);
      expect(await status()).toMatchObject({ lastSyncStatus: 'needs_confirmation', lastSyncRunId: res.runId, heldDeletions: { count: lost.length } });
      const gqlStatus = await gql(hub.url, apiKey, DeletionStatusQuery, { connectorType: 'sap-s4hana' });
      expect(gqlStatus.data!.integration!.syncStatus).toMatchObject({ lastSyncStatus: 'NEEDS_CONFIRMATION', lastSyncRunId: res.runId, heldDeletions: { count: lost.length } });
      expect((await events('sync.deletions_held')).at(-1)).toMatchObject({ runId: res.runId, status: 'needs_confirmation', heldDeletions: { count: lost.length } });
      // The syncProgress subscription ends the run on its held state.
      for (let i = 0; i < 600 && !sub.events.some((e) => e.syncProgress.runId === res.runId && e.syncProgress.status === 'NEEDS_CONFIRMATION'); i++) await new Promise((r) => setTimeout(r, 50));
      expect(sub.events.find((e) => e.syncProgress.runId === res.runId && e.syncProgress.status === 'NEEDS_CONFIRMATION')?.syncProgress).toMatchObject({ heldDeletions: { count: lost.length } });
    } finally {
      sub.close();
      await client.dispose();
    }
  });

  it('refuses another organization its run (not found), over REST and GraphQL', async () => {
    const { lastSyncRunId: runId } = await status();
    const other = await hub.createOrg('Other');
    await configureSap(hub, other.apiKey, sap);
    for (const action of ['confirm', 'discard']) {
      const res = await rest(hub.url, 'POST', `${base}/sync/${runId}/${action}`, { apiKey: other.apiKey });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
    const confirm = await gql(hub.url, other.apiKey, ConfirmSyncDeletionsMutation, { runId });
    expect(confirm.data!.confirmSyncDeletions.__typename).toBe('NotFoundError');
    const discard = await gql(hub.url, other.apiKey, DiscardSyncDeletionsMutation, { runId });
    expect(discard.data!.discardSyncDeletions.__typename).toBe('NotFoundError');
    // Under another connector type of the right organization, the run is not found either.
    expect((await rest(hub.url, 'POST', `/api/v1/integrations/generic-http/sync/${runId}/confirm`, { apiKey })).status).toBe(404);
    expect(await hub.services.db.syncRun.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({ status: 'needs_confirmation', deletionDecision: null });
  });

  it('discard drops the held removals: the items stay active, the run is decided', async () => {
    const { lastSyncRunId: runId, heldDeletions } = await status();
    const before = await activeCount();
    const res = await rest(hub.url, 'POST', `${base}/sync/${runId}/discard`, { apiKey });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ runId, status: 'success', deletionDecision: 'discarded', counts: { removed: 0 } });
    expect(heldDeletions.count).toBeGreaterThan(1000);
    expect(await activeCount()).toBe(before);
    expect(await status()).toMatchObject({ lastSyncStatus: 'success', heldDeletions: null });
    expect((await events('sync.completed')).at(-1)).toMatchObject({ runId, deletions: 'discarded' });
    const again = await rest(hub.url, 'POST', `${base}/sync/${runId}/confirm`, { apiKey });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/holds no deletions/);
  });

  it('confirm applies them (GraphQL); the items come back active with the next full run', async () => {
    const before = await activeCount();
    const lost = await pickActive(1).then((skus) => skus.filter((_, i) => i % 5 !== 0));
    removeFromHost(lost);
    const held = await sync();
    expect(held).toMatchObject({ status: 'needs_confirmation', heldDeletions: { count: lost.length } });
    const since = await lastFeedPosition();
    const res = await gql(hub.url, apiKey, ConfirmSyncDeletionsMutation, { runId: held.runId });
    const result = res.data!.confirmSyncDeletions;
    if (result.__typename !== 'MutationConfirmSyncDeletionsSuccess') throw new Error(JSON.stringify(result));
    expect(result.data).toMatchObject({ runId: held.runId, status: 'SUCCESS', deletionDecision: 'CONFIRMED', counts: { removed: lost.length }, heldDeletions: { count: lost.length } });
    expect(await activeCount()).toBe(before - lost.length);
    expect(await activeOf(lost)).toBe(0);
    expect(await status()).toMatchObject({ lastSyncStatus: 'success', lastSyncCounts: { removed: lost.length }, heldDeletions: null });
    expect((await feedChanges('deactivated', since)).sort()).toEqual([...lost].sort());
    // They come back: active again.
    sap.restoreProducts(lost);
    removed = [];
    expect(await sync()).toMatchObject({ counts: { removed: 0, updated: lost.length } });
    expect(await activeCount()).toBe(before);
  });

  it('holds everything when the host returns no record at all', async () => {
    const before = await activeCount();
    removeFromHost(sap.productIds());
    const res = await sync();
    expect(res).toMatchObject({ success: true, itemsSynced: 0, status: 'needs_confirmation', heldDeletions: { count: before } });
    expect(await activeCount()).toBe(before);
    const discarded = await rest(hub.url, 'POST', `${base}/sync/${res.runId}/discard`, { apiKey });
    expect(discarded.body).toMatchObject({ deletionDecision: 'discarded' });
    expect(await activeCount()).toBe(before);
  });

  it('follows settings.maxDeletePercent, and a later full run replaces a held one', async () => {
    const bad = await rest(hub.url, 'PUT', base, { apiKey, body: { settings: { maxDeletePercent: 150 } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual(expect.arrayContaining([{ path: 'settings.maxDeletePercent', message: 'must be at most 100' }]));
    const lost = await pickActive(4); // 25%
    removeFromHost(lost);
    const held = await sync();
    expect(held, JSON.stringify(held)).toMatchObject({ status: 'needs_confirmation' });
    await configureSap(hub, apiKey, sap, { settings: { maxDeletePercent: 30 } });
    const gqlStatus = await gql(hub.url, apiKey, DeletionStatusQuery, { connectorType: 'sap-s4hana' });
    expect(gqlStatus.data!.integration).toMatchObject({ maxDeletePercent: 30, deleteHandling: 'deactivate' });
    try {
      const applied = await sync();
      expect(applied).toMatchObject({ counts: { removed: lost.length } });
      expect(applied.status).not.toBe('needs_confirmation');
      // The held run was replaced by the complete run that followed it.
      expect(await hub.services.db.syncRun.findUniqueOrThrow({ where: { id: held.runId } })).toMatchObject({ deletionDecision: 'superseded' });
      expect((await rest(hub.url, 'POST', `${base}/sync/${held.runId}/confirm`, { apiKey })).status).toBe(409);
    } finally {
      await configureSap(hub, apiKey, sap, { settings: { maxDeletePercent: null } });
    }
  });

  it('keeps a held run waiting through incremental runs; confirm still applies it, sparing items written since', async () => {
    expect(await sync()).toMatchObject({ status: 'success' }); // everything active again
    const before = await activeCount();
    const lost = await pickActive(2);
    removeFromHost(lost);
    const held = await sync();
    expect(held).toMatchObject({ status: 'needs_confirmation', heldDeletions: { count: lost.length } });
    // A record the host changed since (as a webhook transfer or an incremental run would store it) is spared.
    const [changed] = lost;
    sap.restoreProducts([changed!]);
    sap.updateProduct(changed!, { header: { ProductGroup: 'BACK' } });
    const incremental = await sync('?mode=incremental');
    expect(incremental).toMatchObject({ status: 'success', counts: { removed: 0 } });
    expect(await status()).toMatchObject({ lastSyncStatus: 'needs_confirmation', lastSyncRunId: held.runId, heldDeletions: { count: lost.length } });
    const confirmed = await rest(hub.url, 'POST', `${base}/sync/${held.runId}/confirm`, { apiKey });
    expect(confirmed.body).toMatchObject({ deletionDecision: 'confirmed', counts: { removed: lost.length - 1 } });
    expect(await activeCount()).toBe(before - lost.length + 1);
    expect(await activeOf([changed!])).toBe(1);
    expect(await status()).toMatchObject({ lastSyncStatus: 'success', heldDeletions: null });
  });

  it('starts GraphQL syncs the same way (startSync ends held too)', async () => {
    removeFromHost(sap.productIds().slice(0, 1500));
    const res = await gql(hub.url, apiKey, StartSyncMutation, { connectorType: 'sap-s4hana' });
    if (res.data!.startSync.__typename !== 'MutationStartSyncSuccess') throw new Error(JSON.stringify(res.data));
    const runId = res.data!.startSync.data.runId;
    const run = await hub.services.sync.whenDone(runId);
    expect(run?.status).toBe('needs_confirmation');
    expect((await rest(hub.url, 'POST', `${base}/sync/${runId}/discard`, { apiKey })).status).toBe(200);
  });
});
