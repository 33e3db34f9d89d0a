/**
 * Seed 000's connection test, manual sync and sync status against the SAP S/4HANA simulator:
 * real counts, canonical units, per-record errors, host-system faults and concurrency.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SapSimulator } from '../../tools/sap-simulator';
import { convert } from '../../src/domain/units';
import { rest } from '../support/http';
import { startTestHub, type TestHub } from '../support/hub';
import { configureSap, startSap } from '../support/sap';

let hub: TestHub;
let sap: SapSimulator;
let apiKey: string;
let orgId: string;
const base = '/api/v1/integrations/sap-s4hana';
const sync = (query = '') => rest(hub.url, 'POST', `${base}/sync${query}`, { apiKey });

beforeAll(async () => {
  [hub, sap] = await Promise.all([startTestHub({ HUB_ALLOW_PRIVATE_TARGETS: 'true' }), startSap()]);
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

describe('connection test (POST …/test)', () => {
  it('answers the documented success shape', async () => {
    const res = await rest(hub.url, 'POST', `${base}/test`, { apiKey });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, message: 'Connection successful' });
  });
});

describe('manual full sync (POST …/sync)', () => {
  it('syncs every product, answering the documented shape with the real count', async () => {
    const res = await sync();
    expect(res.status).toBe(200);
    // The guide's three fields, as they are, and the run's counts beside them.
    expect(res.body).toEqual({
      success: true, itemsSynced: 2500, errors: [],
      runId: expect.stringMatching(/^run_/), status: 'success', counts: { added: 2500, updated: 0, unchanged: 0, removed: 0, failed: 0 },
    });
    expect(await hub.services.db.item.count({ where: { orgId } })).toBe(2500);
  });

  it('reports the run in sync status', async () => {
    const res = await rest(hub.url, 'GET', `${base}/sync/status`, { apiKey });
    expect(res.body).toMatchObject({ lastSyncStatus: 'success', lastSyncItemCount: 2500, lastError: null });
    expect(Date.now() - Date.parse(res.body.lastSyncAt)).toBeLessThan(60_000);
  });

  it('stores items in millimetres and kilograms, converted from SAP units', async () => {
    for (const index of [0, 7, 42, 1999]) {
      const product = sap.product(index)!;
      const baseRow = product.unitsOfMeasure.find((u) => u.AlternativeUnit === product.header.BaseUnit)!;
      const item = await hub.services.db.item.findUniqueOrThrow({ where: { orgId_sku: { orgId, sku: product.header.Product } } });
      // About one product in twenty has no maintained dimensions (zeros, no unit): stored as null.
      const unit = baseRow.ProductMeasurementUnit;
      expect(item.lengthMm).toBe(unit ? convert('length', baseRow.UnitSpecificProductLength, unit) : null);
      expect(item.heightMm).toBe(unit ? convert('length', baseRow.UnitSpecificProductHeight, unit) : null);
      expect(item.weightKg).toBe(convert('weight', product.header.GrossWeight, product.header.WeightUnit));
      expect(item.category).toBe(product.header.ProductGroup);
      expect(item.name).toBe(product.descriptions.find((d) => d.Language === 'EN')?.ProductDescription);
      expect(item.source).toBe('sap-s4hana');
    }
  });

  it('keeps going past malformed records and lists them', async () => {
    sap.addProduct({ Product: 'BAD-UNIT', unitsOfMeasure: [{ AlternativeUnit: 'PC', UnitSpecificProductLength: '10.000', ProductMeasurementUnit: 'XYZ' }], header: { BaseUnit: 'PC' } });
    sap.addProduct({ Product: 'BAD-NUMBER', header: { GrossWeight: 'abc', WeightUnit: 'KG' } });
    const res = await sync();
    expect(res.body.success).toBe(true);
    expect(res.body.itemsSynced).toBe(2500);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { externalId: 'BAD-UNIT', field: 'length', message: expect.stringMatching(/^GrossLength: unknown length unit "XYZ"/) },
        { externalId: 'BAD-NUMBER', field: 'weight', message: 'GrossWeight: "abc" is not a number' },
      ]),
    );
    const status = await rest(hub.url, 'GET', `${base}/sync/status`, { apiKey });
    expect(status.body).toMatchObject({ lastSyncStatus: 'partial', lastSyncItemCount: 2500 });
    expect(status.body.lastError).toMatch(/^2 record\(s\) failed; first: BAD-/);
  });

  it('survives a token that expires mid-sync (refresh, then continue)', async () => {
    const issued = sap.stats.tokensIssued;
    sap.faults = { rejectTokensAfterRequests: 1 };
    const res = await sync();
    expect(res.body).toMatchObject({ success: true, itemsSynced: 2500 });
    expect(sap.stats.tokensIssued - issued).toBeGreaterThanOrEqual(3);
  });

  it('retries a failing page and completes', async () => {
    // Slices are 1000 rows and each later one starts 50 rows early (see products.ts), so the
    // second slice is requested at $skip=950.
    sap.faults = { failPageAtSkip: { skip: 950, times: 2, status: 503 } };
    const res = await sync();
    expect(res.body).toMatchObject({ success: true, itemsSynced: 2500 });
    expect(sap.faults.failPageAtSkip).toBeUndefined();
  });

  it('waits out a 429 for as long as Retry-After says', async () => {
    sap.faults = { rateLimitNext: { count: 1, retryAfterSeconds: 1 } };
    const started = Date.now();
    const res = await sync();
    expect(res.body).toMatchObject({ success: true, itemsSynced: 2500 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it('gives a second concurrent sync a clear 409 while the first runs', async () => {
    sap.faults = { pageDelayMs: 300 };
    const [first, second] = await Promise.all([sync(), new Promise((r) => setTimeout(r, 100)).then(() => sync())]);
    expect(first.status).toBe(200);
    expect(second.status).toBe(409);
    expect(second.body.error).toEqual({ code: 'CONFLICT', message: expect.stringMatching(/^a sync of sap-s4hana is already running \(run_[a-z0-9]+\)/) });
    expect((await sync()).status).toBe(200); // the lock is released afterwards
  });
});

describe('incremental sync', () => {
  it('reads only records changed since the last successful run', async () => {
    const id = sap.productIds()[3]!;
    sap.updateProduct(id, { header: { ProductGroup: 'NEWGRP' } });
    const res = await sync('?mode=incremental');
    expect(res.body.success).toBe(true);
    expect(res.body.itemsSynced).toBeLessThan(10);
    expect(res.body.itemsSynced).toBeGreaterThanOrEqual(1);
    const item = await hub.services.db.item.findUniqueOrThrow({ where: { orgId_sku: { orgId, sku: id } } });
    expect(item.category).toBe('NEWGRP');
    const run = await hub.services.db.syncRun.findFirstOrThrow({ where: { orgId, mode: 'incremental' }, orderBy: { startedAt: 'desc' } });
    expect(run.changedSince).not.toBeNull();
  });

  it('rejects an unknown mode', async () => {
    const res = await sync('?mode=sometimes');
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([{ path: 'mode', message: 'must be "full" or "incremental"' }]);
  });
});

describe('failures of the host system', () => {
  it('explains bad credentials in the connection test and fails the sync with the reason', async () => {
    const other = await hub.createOrg('Other');
    await configureSap(hub, other.apiKey, sap, { credentials: { clientId: sap.clientId, clientSecret: 'wrong', tokenUrl: sap.tokenUrl } });
    const test = await rest(hub.url, 'POST', `${base}/test`, { apiKey: other.apiKey });
    expect(test.body.success).toBe(false);
    expect(test.body.message).toMatch(/credentials/i);
    expect(test.text).not.toContain('wrong');
    const res = await rest(hub.url, 'POST', `${base}/sync`, { apiKey: other.apiKey });
    expect(res.body).toMatchObject({ success: false, itemsSynced: 0, errors: [] });
    expect(res.body.message).toMatch(/credentials/i);
    const status = await rest(hub.url, 'GET', `${base}/sync/status`, { apiKey: other.apiKey });
    expect(status.body).toMatchObject({ lastSyncStatus: 'failed', lastSyncItemCount: 0, lastError: res.body.message });
  });

  it('refuses to sync a disabled integration', async () => {
    const other = await hub.createOrg('Disabled');
    await configureSap(hub, other.apiKey, sap, { enabled: false });
    const res = await rest(hub.url, 'POST', `${base}/sync`, { apiKey: other.apiKey });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/disabled/);
  });
});
