/**
 * Sync runs as jobs of the job queue, across hub instances on one database: a HUB_WORKER=false
 * instance records the run and its job but never runs it (its REST call answers 202 with the run
 * id when nobody ends the run in time, and waits for a worker instance to end it otherwise); a
 * worker that lost the run's job to another stops calling the host, writes nothing more, and the
 * run ends once, with the counts of one listing.
 */
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { SapSimulator } from '../../tools/sap-simulator';
import { createTestDatabase, testProvider, type TestDatabase } from '../support/database';
import { rest } from '../support/http';
import { startTestHub, type TestHub } from '../support/hub';
import { sapIntegrationBody, startSap } from '../support/sap';
import { eventually, fastJobs } from '../support/webhooks';

const products = 3000;
let sap: SapSimulator;
let database: TestDatabase;
const hubs: TestHub[] = [];

const start = async (env: Record<string, string>, options: Parameters<typeof startTestHub>[1] = {}) => {
  const hub = await startTestHub({ HUB_ALLOW_PRIVATE_TARGETS: 'true', ...fastJobs, ...env }, { shared: database, ...options });
  hubs.push(hub);
  return hub;
};

beforeAll(async () => {
  sap = await startSap({ products });
});
afterAll(async () => {
  await sap?.close();
});
afterEach(async () => {
  for (const hub of hubs.splice(0).reverse()) await hub.stop();
  await database?.drop();
  sap.faults = {};
});

describe(`sync runs as jobs (${testProvider})`, () => {
  it('never runs on a HUB_WORKER=false instance: its call answers 202 while no worker runs, and the result once a worker instance ends the run', async () => {
    database = await createTestDatabase();
    const impatient = await start({ HUB_WORKER: 'false', HUB_SYNC_WAIT_SECONDS: '0' });
    const { orgId, apiKey } = await impatient.createOrg();
    expect((await rest(impatient.url, 'PUT', '/api/v1/integrations/sap-s4hana', { apiKey, body: sapIntegrationBody(sap) })).status).toBe(201);

    sap.resetStats();
    const accepted = await rest(impatient.url, 'POST', '/api/v1/integrations/sap-s4hana/sync', { apiKey });
    expect(accepted.status).toBe(202);
    expect(accepted.body).toEqual({ runId: expect.stringMatching(/^run_/), status: 'running' });
    // Nobody runs it: no worker anywhere yet.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await impatient.services.db.syncRun.findUniqueOrThrow({ where: { id: accepted.body.runId } })).toMatchObject({ status: 'running', pages: 0 });
    expect(sap.stats.log.filter((entry) => entry.url.includes('/A_Product?'))).toEqual([]);
    // A second sync is refused while the first waits for a worker.
    expect((await rest(impatient.url, 'POST', '/api/v1/integrations/sap-s4hana/sync', { apiKey })).status).toBe(409);

    await start({}, { role: 'worker' });
    const first = await eventually(async () => {
      const run = await impatient.services.db.syncRun.findUniqueOrThrow({ where: { id: accepted.body.runId } });
      return run.status === 'running' ? undefined : run;
    }, 30_000, 'the worker instance to run the sync');
    expect(first).toMatchObject({ status: 'success', itemsSynced: products });

    // An API-only instance that waits: answered with the result the worker instance produced.
    const patient = await start({ HUB_WORKER: 'false' });
    const answer = await rest(patient.url, 'POST', '/api/v1/integrations/sap-s4hana/sync', { apiKey });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ success: true, itemsSynced: products, errors: [], runId: expect.stringMatching(/^run_/), status: 'success', counts: expect.objectContaining({ unchanged: products }) });
    expect(await patient.services.db.item.count({ where: { orgId } })).toBe(products);
    const logs = [impatient, patient].flatMap((hub) => hub.logs).join('\n');
    expect(logs).not.toMatch(/sync resumed|"msg":"sync failed"/);
  });

  it('a worker that lost the run to another stops calling the host and writes nothing more; the run ends once', async () => {
    database = await createTestDatabase();
    const LEASE_MS = 2_000;
    const first = await start({ HUB_JOB_LEASE_MS: String(LEASE_MS) });
    const { orgId, apiKey } = await first.createOrg();
    expect((await rest(first.url, 'PUT', '/api/v1/integrations/sap-s4hana', { apiKey, body: sapIntegrationBody(sap) })).status).toBe(201);
    sap.faults.pageDelayMs = 400;
    const run = await first.services.sync.start(orgId, 'sap-s4hana');
    await eventually(async () => ((await first.services.db.syncRun.findUniqueOrThrow({ where: { id: run.id } })).pages >= 1 ? true : undefined), 20_000, 'a first page');

    // The second instance sees the lease as lapsed (its clock is ten minutes ahead) and claims the job.
    await start({ HUB_JOB_LEASE_MS: String(LEASE_MS) }, { clock: () => new Date(Date.now() + 10 * 60_000) });
    const ended = await eventually(async () => {
      const row = await first.services.db.syncRun.findUniqueOrThrow({ where: { id: run.id } });
      return row.status === 'running' ? undefined : row;
    }, 60_000, 'the run to end');

    // One listing's counts: the first instance stored nothing after the takeover, so nothing twice.
    expect(ended).toMatchObject({ status: 'success', itemsSeen: products, itemsSynced: products, errorCount: 0, error: null });
    await first.services.worker.idle();
    const firstLogs = first.logs.join('\n');
    expect(firstLogs).toContain('lease on job');
    expect(firstLogs).not.toMatch(/"msg":"sync failed"|job failed/);
    // Nothing calls the host after the run ended.
    const requests = sap.stats.requests;
    await new Promise((resolve) => setTimeout(resolve, 2 * LEASE_MS));
    expect(sap.stats.requests).toBe(requests);
    expect(await first.services.db.item.count({ where: { orgId } })).toBe(products);
    expect(await first.services.db.syncRun.count({ where: { orgId } })).toBe(1);
    expect(await first.services.db.job.count()).toBe(0);
    expect(await first.services.db.integration.findFirstOrThrow({ where: { orgId } })).toMatchObject({ syncRunId: null, lastSyncStatus: 'success' });
  });
});
