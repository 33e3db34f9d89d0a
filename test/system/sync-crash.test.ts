/**
 * kill -9 in the middle of a full sync: the run is a job, so after a restart a worker claims it
 * again and resumes it from its checkpoint (the listing position stored with its last page), not
 * from the first page; it ends as the same run, with the same items as an uninterrupted run of
 * the same catalog. The server runs as a real process (the built service run by node).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDb, type Db } from '../../src/db/connection';
import type { SapSimulator } from '../../tools/sap-simulator';
import { createTestDatabase, testProvider, type TestDatabase } from '../support/database';
import { rest } from '../support/http';
import { createOrgIn, startServerProcess } from '../support/process';
import { sapIntegrationBody, startSap } from '../support/sap';
import { eventually } from '../support/webhooks';

const products = 8000;
/** The sync's page size (SyncTuning.pageSize). */
const pageSize = 1000;
/** Rows each SAP slice re-reads before its start (products.ts). */
const overlap = 50;
let database: TestDatabase;
let sap: SapSimulator;
let db: Db;

const startServer = () => startServerProcess(database, { HUB_JOB_LEASE_MS: '2000', HUB_JOB_POLL_MS: '100' });

beforeAll(async () => {
  database = await createTestDatabase();
  sap = await startSap({ products });
});
afterAll(async () => {
  await db?.$disconnect();
  await sap?.close();
  await database?.drop();
});

/** What an item is, without the ids and times of its own row. */
async function itemsOf(orgId: string) {
  return db.item.findMany({
    where: { orgId },
    select: { sku: true, name: true, category: true, lengthMm: true, widthMm: true, heightMm: true, weightKg: true, active: true, externalId: true, sourceChangedAt: true },
    orderBy: { sku: 'asc' },
  });
}

describe(`kill -9 in the middle of a sync (${testProvider})`, () => {
  it('resumes the run from its checkpoint after a restart and ends with the same items as an uninterrupted run', async () => {
    const first = await startServer();
    const crashed = await createOrgIn(database, 'Crashed Sync');
    const uninterrupted = await createOrgIn(database, 'Uninterrupted Sync');
    for (const org of [crashed, uninterrupted]) {
      const put = await rest(first.url, 'PUT', '/api/v1/integrations/sap-s4hana', { apiKey: org.apiKey, body: sapIntegrationBody(sap) });
      expect(put.status).toBe(201);
    }
    db = await connectDb(database.target);

    // Slow pages, so the kill lands between two of them.
    sap.faults.pageDelayMs = 150;
    // The REST call waits for the run's end; the kill cuts it off.
    const call = rest(first.url, 'POST', '/api/v1/integrations/sap-s4hana/sync', { apiKey: crashed.apiKey }).catch(() => undefined);
    const atKill = await eventually(
      async () => {
        const run = await db.syncRun.findFirst({ where: { orgId: crashed.orgId } });
        return run && run.pages >= 2 ? run : undefined;
      },
      30_000,
      'two pages stored',
    );
    first.child.kill('SIGKILL');
    await first.exited;
    await call;

    const interrupted = await db.syncRun.findUniqueOrThrow({ where: { id: atKill.id } });
    expect(interrupted.status).toBe('running');
    expect(interrupted.pages).toBeLessThan(products / pageSize);
    expect(interrupted.checkpoint).not.toBeNull();
    expect(await db.item.count({ where: { orgId: crashed.orgId } })).toBe(interrupted.itemsSynced);
    expect(await db.job.count({ where: { queue: 'sync.run', subjectId: interrupted.id } })).toBe(1);

    sap.faults.pageDelayMs = 0;
    sap.resetStats();
    const second = await startServer();
    try {
      const resumed = await eventually(
        async () => {
          const run = await db.syncRun.findUniqueOrThrow({ where: { id: interrupted.id } });
          return run.status === 'running' ? undefined : run;
        },
        60_000,
        'the interrupted run to end',
      );
      expect(resumed).toMatchObject({ status: 'success', itemsSeen: products, itemsSynced: products, errorCount: 0, error: null });
      // Resumed, not restarted: the listing went on from the stored position (less the overlap
      // of a slice) and never asked for the first slice again.
      const listings = sap.stats.log.filter((entry) => entry.url.includes('/A_Product?'));
      const skips = listings.map((entry) => Number(new URL(entry.url, sap.url).searchParams.get('$skip') ?? 0));
      expect(Math.min(...skips)).toBe(interrupted.itemsSeen - overlap);

      const answer = await rest(second.url, 'POST', '/api/v1/integrations/sap-s4hana/sync', { apiKey: uninterrupted.apiKey });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ success: true, itemsSynced: products, errors: [] });
      const reference = await db.syncRun.findFirstOrThrow({ where: { orgId: uninterrupted.orgId } });
      expect(resumed.pages).toBe(reference.pages);

      const crashedItems = await itemsOf(crashed.orgId);
      expect(crashedItems).toHaveLength(products);
      expect(crashedItems).toEqual(await itemsOf(uninterrupted.orgId));
      const status = await rest(second.url, 'GET', '/api/v1/integrations/sap-s4hana/sync/status', { apiKey: crashed.apiKey });
      expect(status.body).toMatchObject({ lastSyncStatus: 'success', lastSyncItemCount: products });
      expect(await db.job.findMany({ select: { queue: true, status: true, lastError: true } })).toEqual([]);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  }, 180_000);
});
