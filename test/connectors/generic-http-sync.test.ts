/**
 * Full and incremental syncs of the generic-http connector against the JSON API simulator,
 * through the hub's REST API (POST …/sync): every paging style with the real count and the
 * requests it took, values stored in canonical units, dotted-path mappings, and a server whose
 * paging loops.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { convert } from '../../src/domain/units';
import { createJsonApiSimulator, type JsonApiSimulator, type PagingStyle } from '../../tools/json-api-simulator';
import { rest } from '../support/http';
import { startTestHub, type TestHub } from '../support/hub';
import { base, orgWithGeneric } from './generic-http-support';

const ITEMS = 237;
const MAX_PAGE = 50;
let hub: TestHub;
let sim: JsonApiSimulator;

beforeAll(async () => {
  [hub, sim] = await Promise.all([startTestHub({ HUB_ALLOW_PRIVATE_TARGETS: 'true' }), createJsonApiSimulator({ items: ITEMS, maxPageSize: MAX_PAGE })]);
});
afterAll(async () => {
  await hub?.stop();
  await sim?.close();
});
beforeEach(() => {
  sim.faults = {};
  sim.resetStats();
});

const sync = (apiKey: string, query = '') => rest(hub.url, 'POST', `${base}/sync${query}`, { apiKey });
const listingRequests = () => sim.stats.log.filter((entry) => entry.url.startsWith('/items')).map((entry) => entry.url);

describe('a full sync in every paging style', () => {
  // The hub asks for 1000 records a page; the simulator serves 50 at most, as real APIs cap.
  const pages = Math.ceil(ITEMS / MAX_PAGE);
  const expected: Record<PagingStyle, { requests: number; first: string; last: string }> = {
    none: { requests: 1, first: '/items', last: '/items' },
    // Page numbers and offsets go on until an empty page.
    page: { requests: pages + 1, first: '/items?page=1&pageSize=1000', last: `/items?page=${pages + 1}&pageSize=1000` },
    offset: { requests: pages + 1, first: '/items?offset=0&limit=1000', last: `/items?offset=${ITEMS}&limit=1000` },
    // A cursor or a next link ends where the server says.
    cursor: { requests: pages, first: '/items?limit=1000', last: expect.stringMatching(/^\/items\?limit=1000&cursor=/) as unknown as string },
    link: { requests: pages, first: '/items?per_page=1000', last: `/items?per_page=50&page=${pages}` },
  };

  for (const style of Object.keys(expected) as PagingStyle[]) {
    it(`${style}: syncs all ${ITEMS} items`, async () => {
      sim.paging = style;
      const { apiKey, orgId } = await orgWithGeneric(hub, sim);
      const res = await sync(apiKey);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ success: true, itemsSynced: ITEMS, errors: [], status: 'success', counts: { removed: 0, failed: 0 } });
      expect(await hub.services.db.item.count({ where: { orgId, source: 'generic-http' } })).toBe(ITEMS);
      const requests = listingRequests();
      expect(requests).toHaveLength(expected[style].requests);
      expect(requests[0]).toBe(expected[style].first);
      expect(requests.at(-1)).toEqual(expected[style].last);
    });
  }
});

describe('what a sync stores', () => {
  let apiKey: string;
  let orgId: string;
  beforeAll(async () => {
    sim.paging = 'page';
    ({ apiKey, orgId } = await orgWithGeneric(hub, sim));
    expect((await sync(apiKey)).body.itemsSynced).toBe(ITEMS);
  });

  it('stores lengths from plain numbers in settings.units and weights from {value, unit} objects', async () => {
    for (const id of sim.itemIds().filter((_, index) => index % 40 === 0)) {
      const source = sim.item(id)!;
      const item = await hub.services.db.item.findUniqueOrThrow({ where: { orgId_sku: { orgId, sku: source.sku } } });
      expect(item).toMatchObject({
        externalId: String(id),
        name: source.name,
        category: source.category,
        lengthMm: source.length,
        widthMm: source.width,
        heightMm: source.height,
        weightKg: convert('weight', source.weight.value, source.weight.unit),
        active: source.active,
      });
      expect(item.sourceChangedAt?.toISOString()).toBe(source.updatedAt);
    }
  });

  it('reads lengths in the configured unit', async () => {
    const cm = await orgWithGeneric(hub, sim, { settings: { units: { length: 'CM', weight: 'KG' } } });
    await sync(cm.apiKey);
    const source = sim.item(sim.itemIds()[3]!)!;
    const item = await hub.services.db.item.findUniqueOrThrow({ where: { orgId_sku: { orgId: cm.orgId, sku: source.sku } } });
    expect(item.lengthMm).toBe(convert('length', source.length, 'CM'));
  });

  it('maps any dotted JSON path', async () => {
    const mapped = await rest(hub.url, 'PUT', `${base}/mappings`, { apiKey, body: { itemMappings: { sku: 'sku', category: 'attributes.group', weight: 'weight.value' } } });
    expect(mapped.status).toBe(200);
    await sync(apiKey);
    const source = sim.item(sim.itemIds()[7]!)!;
    const item = await hub.services.db.item.findUniqueOrThrow({ where: { orgId_sku: { orgId, sku: source.sku } } });
    // weight.value is a plain number, so it is read in settings.units.weight (KG) whatever its own unit says.
    expect(item).toMatchObject({ category: source.attributes.group, weightKg: source.weight.value });
    expect((await rest(hub.url, 'POST', `${base}/mappings/reset`, { apiKey })).body.itemMappings).toMatchObject({ name: 'name', weight: 'weight' });
  });

  it('reads only changed records in an incremental sync', async () => {
    const changed = sim.itemIds().slice(10, 13);
    for (const id of changed) sim.updateItem(id, { name: `Renamed ${id}` });
    sim.resetStats();
    const res = await sync(apiKey, '?mode=incremental');
    expect(res.body).toMatchObject({ success: true, itemsSynced: 3, errors: [], counts: { added: 0, updated: 3, unchanged: 0, removed: 0 } });
    expect(new URL(listingRequests()[0]!, sim.url).searchParams.get('updatedSince')).toMatch(/^\d{4}-\d\d-\d\dT/);
    const names = await hub.services.db.item.findMany({ where: { orgId, externalId: { in: changed.map(String) } }, select: { name: true }, orderBy: { externalId: 'asc' } });
    expect(names.map((item) => item.name)).toEqual(changed.map((id) => `Renamed ${id}`));
  });
});

describe('a server whose paging loops', () => {
  it('ends the sync with the reason instead of running forever', async () => {
    sim.paging = 'page';
    const { apiKey } = await orgWithGeneric(hub, sim);
    sim.faults = { loopPaging: true };
    const res = await sync(apiKey);
    expect(res.body).toMatchObject({
      success: false,
      message: 'the API answered page 2 with the same records as page 1: it seems to ignore the paging parameters; check settings.items.paging',
    });
    expect(listingRequests()).toHaveLength(2);
  });

  it('stops at a cursor it has already followed', async () => {
    sim.paging = 'cursor';
    const { apiKey } = await orgWithGeneric(hub, sim);
    sim.faults = { loopPaging: true };
    const res = await sync(apiKey);
    expect(res.body.success).toBe(false);
    expect(res.body.message).toMatch(/^the API (sent the same next page twice|answered page 2 with the same records as page 1)/);
  });
});
