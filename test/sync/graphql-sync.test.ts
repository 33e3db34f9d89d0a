/**
 * Sync over GraphQL: startSync returns at once, progress streams over graphql-ws and SSE, runs
 * and items are queryable; scheduled syncs; a crashed run's lease is taken over.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SapSimulator } from '../../tools/sap-simulator';
import { gql } from '../support/http';
import { startTestHub, type TestHub } from '../support/hub';
import { configureSap, startSap } from '../support/sap';
import { subscribeSse, subscribeWs, wsClient } from '../support/subscriptions';
import { ItemsQuery, StartSyncMutation, SyncProgressSubscription, SyncRunsQuery, SyncStatusQuery, TestConnectionMutation } from './sync-documents';

let hub: TestHub;
let sap: SapSimulator;
let apiKey: string;
let orgId: string;

beforeAll(async () => {
  [hub, sap] = await Promise.all([startTestHub({ HUB_ALLOW_PRIVATE_TARGETS: 'true' }), startSap({ products: 1200 })]);
  ({ apiKey, orgId } = await hub.createOrg());
  await configureSap(hub, apiKey, sap);
});
afterAll(async () => {
  await hub?.stop();
  await sap?.close();
});

async function startSync(mode?: 'FULL' | 'INCREMENTAL') {
  const res = await gql(hub.url, apiKey, StartSyncMutation, { connectorType: 'sap-s4hana', mode });
  const result = res.data!.startSync;
  if (result.__typename !== 'MutationStartSyncSuccess') throw new Error(`${result.__typename}: ${JSON.stringify(result)}`);
  return result.data;
}

describe('GraphQL sync', () => {
  it('tests the connection', async () => {
    const res = await gql(hub.url, apiKey, TestConnectionMutation, { connectorType: 'sap-s4hana' });
    expect(res.data!.testConnection).toEqual({ __typename: 'MutationTestConnectionSuccess', data: { success: true, message: 'Connection successful' } });
  });

  it('returns the run at once and streams its progress over graphql-ws until it ends', async () => {
    sap.faults = { pageDelayMs: 150 };
    const client = wsClient(hub.url, apiKey);
    const sub = await subscribeWs(client, SyncProgressSubscription, {});
    const run = await startSync();
    expect(run).toMatchObject({ status: 'RUNNING', mode: 'FULL', trigger: 'manual', itemsSynced: 0, finishedAt: null });
    const events = await sub.waitFor(3, 15_000).then(async () => {
      while (!sub.events.some((e) => e.syncProgress.status !== 'RUNNING')) await new Promise((r) => setTimeout(r, 50));
      return sub.events.map((e) => e.syncProgress).filter((p) => p.runId === run.runId);
    });
    const last = events.at(-1)!;
    expect(last).toMatchObject({ status: 'SUCCESS', itemsSynced: 1200, pages: 2, itemsTotal: 1200 });
    // The host's count arrives with the first page, so progress can be shown as a share of it.
    expect(events.find((e) => e.pages === 1)).toMatchObject({ status: 'RUNNING', itemsTotal: 1200, itemsSynced: 1000 });
    // Progress is monotonic: pages and items only grow.
    const synced = events.map((e) => e.itemsSynced);
    expect([...synced].sort((a, b) => a - b)).toEqual(synced);
    expect(events.some((e) => e.status === 'RUNNING' && e.pages === 1)).toBe(true);
    sub.close();
    await client.dispose();
    sap.faults = {};
  });

  it('streams progress over SSE, filtered by run', async () => {
    const run = await startSync('INCREMENTAL');
    const sse = await subscribeSse(hub.url, apiKey, SyncProgressSubscription, { runId: run.runId });
    await hub.services.sync.whenDone(run.runId);
    const res = await gql(hub.url, apiKey, SyncRunsQuery, { first: 1 });
    expect(res.data!.syncRuns.edges[0]!.node).toMatchObject({ runId: run.runId, mode: 'INCREMENTAL', status: 'SUCCESS' });
    sse.close();
  });

  it('answers a second startSync with ConflictError while one runs', async () => {
    sap.faults = { pageDelayMs: 300 };
    const run = await startSync();
    const second = await gql(hub.url, apiKey, StartSyncMutation, { connectorType: 'sap-s4hana' });
    expect(second.data!.startSync).toMatchObject({ __typename: 'ConflictError', message: expect.stringContaining(run.runId) });
    await hub.services.sync.whenDone(run.runId);
    sap.faults = {};
  });

  it('lists runs newest first with cursor pagination', async () => {
    const first = await gql(hub.url, apiKey, SyncRunsQuery, { first: 2 });
    expect(first.data!.syncRuns.edges).toHaveLength(2);
    expect(first.data!.syncRuns.pageInfo.hasNextPage).toBe(true);
    const next = await gql(hub.url, apiKey, SyncRunsQuery, { first: 10, after: first.data!.syncRuns.pageInfo.endCursor });
    const all = [...first.data!.syncRuns.edges, ...next.data!.syncRuns.edges].map((e) => e.node);
    expect(all.length).toBe(await hub.services.db.syncRun.count({ where: { orgId } }));
    const starts = all.map((r) => Date.parse(r.startedAt));
    expect([...starts].sort((a, b) => b - a)).toEqual(starts);
  });

  it('pages through items and filters them by SKU', async () => {
    const sku = sap.productIds()[10]!;
    const one = await gql(hub.url, apiKey, ItemsQuery, { sku });
    expect(one.data!.items.edges.map((e) => e.node.sku)).toEqual([sku]);
    expect(one.data!.items.edges[0]!.node).toMatchObject({ source: 'sap-s4hana', externalId: sku, active: expect.any(Boolean) });

    const seen: string[] = [];
    let after: string | null | undefined;
    do {
      const page = await gql(hub.url, apiKey, ItemsQuery, { first: 100, after });
      seen.push(...page.data!.items.edges.map((e) => e.node.sku));
      after = page.data!.items.pageInfo.hasNextPage ? page.data!.items.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(1200);
    expect(new Set(seen).size).toBe(1200);
    expect([...seen].sort()).toEqual(seen);

    const prefix = sku.slice(0, 3);
    const byPrefix = await gql(hub.url, apiKey, ItemsQuery, { skuPrefix: prefix, first: 100 });
    expect(byPrefix.data!.items.edges.every((e) => e.node.sku.startsWith(prefix))).toBe(true);
  });

  it('shows no item or run to another organization', async () => {
    const other = await hub.createOrg('Other');
    expect((await gql(hub.url, other.apiKey, ItemsQuery, { first: 5 })).data!.items.edges).toEqual([]);
    expect((await gql(hub.url, other.apiKey, SyncRunsQuery, { first: 5 })).data!.syncRuns.edges).toEqual([]);
  });
});

describe('scheduled and interrupted syncs', () => {
  it('runs an incremental sync when the interval is due, once across ticks', async () => {
    await configureSap(hub, apiKey, sap, { settings: { syncIntervalMinutes: 15 } });
    const status = await gql(hub.url, apiKey, SyncStatusQuery, { connectorType: 'sap-s4hana' });
    const nextSyncAt = Date.parse(status.data!.integration!.nextSyncAt!);
    expect(nextSyncAt - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(await hub.services.scheduler.tick(new Date())).toEqual([]); // not due yet
    const due = new Date(nextSyncAt + 1000);
    const [runId, ...rest] = await hub.services.scheduler.tick(due);
    expect(rest).toEqual([]);
    expect(await hub.services.scheduler.tick(due)).toEqual([]); // claimed already
    const run = await hub.services.sync.whenDone(runId!);
    expect(run).toMatchObject({ mode: 'incremental', trigger: 'schedule', status: 'success' });
  });

  it("takes over the lease of a run whose process died, closing that run as failed", async () => {
    const integration = await hub.services.integrations.get(orgId, 'sap-s4hana');
    await hub.services.db.syncRun.create({
      data: { id: 'run_crashed', orgId, integrationId: integration.id, connectorType: 'sap-s4hana', mode: 'full', trigger: 'manual', status: 'running', errors: [] },
    });
    await hub.services.db.integration.update({ where: { id: integration.id }, data: { syncRunId: 'run_crashed', syncLeaseUntil: new Date(Date.now() + 60_000) } });
    const blocked = await gql(hub.url, apiKey, StartSyncMutation, { connectorType: 'sap-s4hana' });
    expect(blocked.data!.startSync.__typename).toBe('ConflictError');

    await hub.services.db.integration.update({ where: { id: integration.id }, data: { syncLeaseUntil: new Date(Date.now() - 1) } });
    const run = await startSync();
    await hub.services.sync.whenDone(run.runId);
    const crashed = await hub.services.db.syncRun.findUniqueOrThrow({ where: { id: 'run_crashed' } });
    expect(crashed).toMatchObject({ status: 'failed', error: 'interrupted: its process stopped before it finished' });
    expect(crashed.finishedAt).not.toBeNull();
  });
});
