import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSapSimulator, type SapSimulator } from '../../tools/sap-simulator/index';
import { odataGet, PRODUCTS, requestToken, type Collection } from './helpers';

// 100k products are generated on demand from their index (how fast is the sync benchmark's
// business: its "download only" baseline reads these same pages).
let sim: SapSimulator;
let token: string;

beforeAll(async () => {
  sim = await createSapSimulator({ products: 100_000 });
  token = await requestToken(sim);
}, 30_000);

afterAll(async () => {
  await sim.close();
});

describe('100k products', () => {
  it('knows every product', () => {
    const ids = sim.productIds();
    expect(ids).toHaveLength(100_000);
    expect(new Set(ids).size).toBe(100_000);
  });

  it('serves 5000-row pages with expand and the incremental-sync ordering', async () => {
    const query = '$top=5000&$orderby=LastChangeDateTime asc,Product asc&$expand=to_Description,to_ProductUnitsOfMeasure&$inlinecount=allpages';
    const seen = new Set<string>();
    for (const skip of [0, 5000, 95_000]) {
      const { status, json } = await odataGet<Collection>(sim, `${PRODUCTS}/A_Product?${query}&$skip=${skip}`, token);
      expect(status).toBe(200);
      expect(json.d.__count).toBe('100000');
      expect(json.d.results).toHaveLength(5000);
      expect(json.d.__next).toBeUndefined();
      for (const r of json.d.results) seen.add(r.Product as string);
    }
    expect(seen.size).toBe(15_000);
  }, 60_000);

  it('continues a $top above 5000 with __next', async () => {
    const first = await odataGet<Collection>(sim, `${PRODUCTS}/A_Product?$top=7000&$select=Product`, token);
    expect(first.json.d.results).toHaveLength(5000);
    const next = new URL(first.json.d.__next ?? '');
    expect(next.searchParams.get('$skiptoken')).toBe('5000');
    expect(next.searchParams.get('$top')).toBe('2000');
    const second = await odataGet<Collection>(sim, first.json.d.__next ?? '', token);
    expect(second.json.d.results).toHaveLength(2000);
    expect(second.json.d.__next).toBeUndefined();
  }, 30_000);
});
