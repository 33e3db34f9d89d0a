import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSapSimulator, type SapSimulator } from '../../tools/sap-simulator/index';
import { odataGet, PRODUCTS, requestToken, type Collection } from './helpers';

let sim: SapSimulator;
let token: string;

beforeAll(async () => {
  sim = await createSapSimulator({ products: 1000, seed: 7 });
  token = await requestToken(sim);
});

afterAll(async () => {
  await sim.close();
});

const get = <T = any>(path: string) => odataGet<T>(sim, path, token);
const dateMs = (wire: string): number => Number(/^\/Date\((-?\d+)(?:\+0000)?\)\/$/.exec(wire)?.[1]);

/** Follows `__next` from `first` and returns every row and the number of requests made. */
async function collectAll(first: string): Promise<{ rows: Record<string, unknown>[]; pages: number; sizes: number[] }> {
  const rows: Record<string, unknown>[] = [];
  const sizes: number[] = [];
  let next: string | undefined = first;
  while (next) {
    const response: { status: number; json: Collection } = await get<Collection>(next);
    expect(response.status).toBe(200);
    rows.push(...response.json.d.results);
    sizes.push(response.json.d.results.length);
    next = response.json.d.__next;
  }
  return { rows, pages: sizes.length, sizes };
}

describe('server-driven paging', () => {
  it('pages by 100 with __next/$skiptoken and covers every product exactly once', async () => {
    const { rows, sizes } = await collectAll(
      `${PRODUCTS}/A_Product?$select=Product,LastChangeDateTime&$orderby=LastChangeDateTime asc,Product asc&$inlinecount=allpages`,
    );
    expect(sizes).toEqual(Array(10).fill(100));
    const ids = rows.map((r) => r.Product as string);
    expect(new Set(ids).size).toBe(1000);
    expect([...ids].sort()).toEqual([...sim.productIds()].sort());
    // The order is the one asked for, with Product breaking ties.
    for (let k = 1; k < rows.length; k++) {
      const [a, b] = [rows[k - 1]!, rows[k]!];
      const order = dateMs(a.LastChangeDateTime as string) - dateMs(b.LastChangeDateTime as string) || ((a.Product as string) < (b.Product as string) ? -1 : 1);
      expect(order).toBeLessThan(0);
    }
  });

  it('builds __next as an absolute URL that keeps the other query options', async () => {
    const { json } = await get<Collection>(`${PRODUCTS}/A_Product?$filter=ProductType eq 'FERT'&$select=Product&$format=json`);
    const next = new URL(json.d.__next ?? '');
    expect(`${next.origin}${next.pathname}`).toBe(`${sim.url}${PRODUCTS}/A_Product`);
    expect(next.searchParams.get('$skiptoken')).toBe('100');
    expect(next.searchParams.get('$filter')).toBe("ProductType eq 'FERT'");
    expect(next.searchParams.get('$select')).toBe('Product');
    expect(next.searchParams.get('$format')).toBe('json');
  });

  it('returns exactly $top rows from $skip, without __next', async () => {
    const { json } = await get<Collection>(`${PRODUCTS}/A_Product?$top=250&$skip=900&$orderby=Product asc`);
    expect(json.d.results).toHaveLength(100);
    expect(json.d.__next).toBeUndefined();
    const slice = await get<Collection>(`${PRODUCTS}/A_Product?$top=3&$skip=10&$orderby=Product asc`);
    const sorted = [...sim.productIds()].sort();
    expect(slice.json.d.results.map((r) => r.Product)).toEqual(sorted.slice(10, 13));
    expect(slice.json.d.__next).toBeUndefined();
  });

  it('$top/$skip pages of 1000 also cover every product exactly once', async () => {
    const ids: string[] = [];
    for (let skip = 0; skip < 1000; skip += 300) {
      const { json } = await get<Collection>(`${PRODUCTS}/A_Product?$top=300&$skip=${skip}&$orderby=Product asc&$select=Product`);
      ids.push(...json.d.results.map((r) => r.Product as string));
    }
    expect(ids).toHaveLength(1000);
    expect(new Set(ids).size).toBe(1000);
  });

  it('adds __count as a string with $inlinecount=allpages only', async () => {
    const counted = await get<Collection>(`${PRODUCTS}/A_Product?$top=1&$inlinecount=allpages`);
    expect(counted.json.d.__count).toBe('1000');
    const plain = await get<Collection>(`${PRODUCTS}/A_Product?$top=1`);
    expect(plain.json.d.__count).toBeUndefined();
    const none = await get<Collection>(`${PRODUCTS}/A_Product?$top=1&$inlinecount=none`);
    expect(none.json.d.__count).toBeUndefined();
  });

  it('answers /$count as plain text', async () => {
    const response = await get(`${PRODUCTS}/A_Product/$count?$filter=ProductType eq 'HAWA'`);
    const hawa = sim.productIds().filter((id) => sim.product(id)?.header.ProductType === 'HAWA').length;
    expect(response.text).toBe(String(hawa));
  });

  it('rejects a malformed $top or $skiptoken with 400', async () => {
    expect((await get(`${PRODUCTS}/A_Product?$top=-1`)).status).toBe(400);
    expect((await get(`${PRODUCTS}/A_Product?$skiptoken=abc`)).status).toBe(400);
  });
});

describe('$filter', () => {
  it('filters on LastChangeDateTime with a datetimeoffset literal (gt and ge)', async () => {
    const all = sim.productIds().map((id) => sim.product(id)!.header);
    const cutoff = [...all.map((h) => h.LastChangeDateTime)].sort((a, b) => a - b)[700]!;
    const iso = new Date(cutoff).toISOString().replace('.000Z', 'Z');
    const gt = await collectAll(`${PRODUCTS}/A_Product?$filter=LastChangeDateTime gt datetimeoffset'${iso}'&$select=Product&$top=5000`);
    expect(gt.rows.map((r) => r.Product).sort()).toEqual(all.filter((h) => h.LastChangeDateTime > cutoff).map((h) => h.Product).sort());
    const ge = await collectAll(`${PRODUCTS}/A_Product?$filter=LastChangeDateTime ge datetimeoffset'${iso}'&$select=Product&$top=5000`);
    expect(ge.rows).toHaveLength(all.filter((h) => h.LastChangeDateTime >= cutoff).length);
    expect(ge.rows.length).toBeGreaterThan(gt.rows.length);
  });

  it('accepts an offset in the datetimeoffset literal', async () => {
    const a = await get<Collection>(`${PRODUCTS}/A_Product/$count?$filter=LastChangeDateTime gt datetimeoffset'2022-01-01T02:00:00%2B02:00'`);
    const b = await get<Collection>(`${PRODUCTS}/A_Product/$count?$filter=LastChangeDateTime gt datetimeoffset'2022-01-01T00:00:00Z'`);
    expect(a.text).toBe(b.text);
  });

  it('combines conditions with and, and finds a product by key', async () => {
    const { json } = await get<Collection>(`${PRODUCTS}/A_Product?$filter=Product eq 'TG11' and LastChangeDateTime gt datetimeoffset'2000-01-01T00:00:00Z'`);
    expect(json.d.results.map((r) => r.Product)).toEqual(['TG11']);
    const none = await get<Collection>(`${PRODUCTS}/A_Product?$filter=Product eq 'TG11' and LastChangeDateTime gt datetimeoffset'2999-01-01T00:00:00Z'`);
    expect(none.json.d.results).toEqual([]);
  });

  it('rejects a datetime literal on an Edm.DateTimeOffset property with 400, as Gateway does', async () => {
    const response = await get(`${PRODUCTS}/A_Product?$filter=LastChangeDateTime gt datetime'2024-01-01T00:00:00'`);
    expect(response.status).toBe(400);
    expect(response.json.error.message.value).toContain("Invalid parametertype used at function 'gt'");
  });

  it('rejects unknown properties and syntax errors with an OData 400', async () => {
    for (const filter of ["Nope eq 'x'", "Product eq 'TG11", 'Product eq', "Product eq 'a' and", 'LastChangeDate gt datetime\'2024-13-01T00:00:00\'']) {
      const response = await get(`${PRODUCTS}/A_Product?$filter=${encodeURIComponent(filter)}`);
      expect(response.status, filter).toBe(400);
      expect(typeof response.json.error.code).toBe('string');
      expect(typeof response.json.error.message.value).toBe('string');
    }
  });

  it('supports or, not, startswith and substringof', async () => {
    const { json } = await get<Collection>(`${PRODUCTS}/A_Product?$filter=startswith(Product,'TG') and not (ProductType eq 'FERT')&$select=Product,ProductType&$top=5000`);
    expect(json.d.results.length).toBeGreaterThan(0);
    expect(json.d.results.every((r) => (r.Product as string).startsWith('TG') && r.ProductType === 'HAWA')).toBe(true);
    const either = await get<Collection>(`${PRODUCTS}/A_Product?$filter=Product eq 'TG11' or substringof('-100002',Product)&$select=Product`);
    expect(either.json.d.results.length).toBeGreaterThanOrEqual(1);
  });
});

describe('entities, $select and $expand', () => {
  it('returns navigation properties as __deferred and __metadata on every entity', async () => {
    const { json } = await get<Collection>(`${PRODUCTS}/A_Product?$top=1`);
    const p = json.d.results[0]!;
    expect(p.__metadata).toEqual({
      id: `${sim.url}${PRODUCTS}/A_Product('${p.Product}')`,
      uri: `${sim.url}${PRODUCTS}/A_Product('${p.Product}')`,
      type: 'API_PRODUCT_SRV.A_ProductType',
    });
    expect(p.to_Description).toEqual({ __deferred: { uri: `${sim.url}${PRODUCTS}/A_Product('${p.Product}')/to_Description` } });
    expect(p.to_ProductUnitsOfMeasure).toHaveProperty('__deferred');
    expect(typeof p.GrossWeight).toBe('string');
    expect(p.GrossWeight).toMatch(/^\d+\.\d{3}$/);
    expect(p.LastChangeDateTime).toMatch(/^\/Date\(\d+\+0000\)\/$/);
    expect(p.CreationDate).toMatch(/^\/Date\(\d+\)\/$/);
    expect(typeof p.IsMarkedForDeletion).toBe('boolean');
  });

  it('expands to_Description and to_ProductUnitsOfMeasure with a base-unit row', async () => {
    const { json } = await get<Collection<any>>(
      `${PRODUCTS}/A_Product?$top=50&$expand=to_Description,to_ProductUnitsOfMeasure&$select=Product,BaseUnit,GrossWeight,WeightUnit,to_Description,to_ProductUnitsOfMeasure`,
    );
    for (const p of json.d.results) {
      expect(Object.keys(p).sort()).toEqual(['BaseUnit', 'GrossWeight', 'Product', 'WeightUnit', '__metadata', 'to_Description', 'to_ProductUnitsOfMeasure']);
      expect(p.to_Description.results.some((d: any) => d.Language === 'EN' && d.ProductDescription.length > 0)).toBe(true);
      const base = p.to_ProductUnitsOfMeasure.results.find((u: any) => u.AlternativeUnit === p.BaseUnit);
      expect(base).toBeDefined();
      expect(base.__metadata.type).toBe('API_PRODUCT_SRV.A_ProductUnitsOfMeasureType');
      expect(base.GrossWeight).toBe(p.GrossWeight);
      expect(base.WeightUnit).toBe(p.WeightUnit);
      expect(base).toHaveProperty('UnitSpecificProductLength');
      expect(base).toHaveProperty('ProductMeasurementUnit');
      expect(base.to_InternationalArticleNumber).toHaveProperty('__deferred');
    }
  });

  it('drops an expanded navigation property that $select does not list', async () => {
    const { json } = await get<Collection>(`${PRODUCTS}/A_Product?$top=1&$expand=to_Description&$select=Product`);
    expect(Object.keys(json.d.results[0]!).sort()).toEqual(['Product', '__metadata']);
  });

  it('generates the documented mix of units', () => {
    const units = sim.productIds().flatMap((id) => sim.product(id)!.unitsOfMeasure);
    const dimensionUnits = new Set(units.map((u) => u.ProductMeasurementUnit));
    const weightUnits = new Set(units.map((u) => u.WeightUnit));
    for (const u of ['MM', 'CM', 'M', 'IN']) expect(dimensionUnits).toContain(u);
    for (const u of ['KG', 'G', 'LB']) expect(weightUnits).toContain(u);
    const alternative = new Set(units.map((u) => u.AlternativeUnit));
    for (const u of ['PC', 'EA', 'CS', 'CAR']) expect(alternative).toContain(u);
    const headers = sim.productIds().map((id) => sim.product(id)!.header);
    expect(new Set(headers.map((h) => h.ProductType))).toEqual(new Set(['FERT', 'HAWA']));
    expect(headers.some((h) => h.IsMarkedForDeletion)).toBe(true);
    expect(sim.productIds().some((id) => sim.product(id)!.descriptions.some((d) => d.Language === 'DE'))).toBe(true);
  });

  it('reads a single product by positional and named key, with $expand', async () => {
    const a = await get(`${PRODUCTS}/A_Product('TG11')?$expand=to_Description`);
    const b = await get(`${PRODUCTS}/A_Product(Product='TG11')?$expand=to_Description`);
    expect(a.status).toBe(200);
    expect(a.json.d.Product).toBe('TG11');
    expect(a.json.d.to_Description.results[0].Product).toBe('TG11');
    expect(b.json.d).toEqual(a.json.d);
  });

  it('answers 404 with the Gateway error body for an unknown key', async () => {
    const response = await get(`${PRODUCTS}/A_Product('DOES-NOT-EXIST')`);
    expect(response.status).toBe(404);
    expect(response.json.error.code).toBe('/IWBEP/CM_MGW_RT/020');
    expect(response.json.error.message).toEqual({ lang: 'en', value: "Resource not found for segment 'A_ProductType'" });
    expect(response.json.error.innererror.application.service_id).toBe('API_PRODUCT_SRV');
  });

  it('navigates to to_Description and to_ProductUnitsOfMeasure', async () => {
    const d = await get<Collection>(`${PRODUCTS}/A_Product('TG11')/to_Description`);
    expect(d.json.d.results.map((r) => r.Language)).toEqual(sim.product('TG11')!.descriptions.map((x) => x.Language));
    const u = await get<Collection>(`${PRODUCTS}/A_Product('TG11')/to_ProductUnitsOfMeasure`);
    expect(u.json.d.results.map((r) => r.AlternativeUnit)).toEqual(sim.product('TG11')!.unitsOfMeasure.map((x) => x.AlternativeUnit));
    expect((await get(`${PRODUCTS}/A_Product('NOPE')/to_Description`)).status).toBe(404);
    expect((await get(`${PRODUCTS}/A_Product('TG11')/to_Plant`)).status).toBe(501);
  });

  it('serves A_ProductDescription and A_ProductUnitsOfMeasure with $filter and composite keys', async () => {
    const d = await get<Collection>(`${PRODUCTS}/A_ProductDescription?$filter=Product eq 'TG11' and Language eq 'EN'`);
    expect(d.json.d.results).toHaveLength(sim.product('TG11')!.descriptions.some((x) => x.Language === 'EN') ? 1 : 0);
    const base = sim.product('TG11')!.header.BaseUnit;
    const u = await get(`${PRODUCTS}/A_ProductUnitsOfMeasure(Product='TG11',AlternativeUnit='${base}')`);
    expect(u.status).toBe(200);
    expect(u.json.d.__metadata.uri).toBe(`${sim.url}${PRODUCTS}/A_ProductUnitsOfMeasure(Product='TG11',AlternativeUnit='${base}')`);
    const all = await get<Collection>(`${PRODUCTS}/A_ProductUnitsOfMeasure?$filter=Product eq 'TG11'`);
    expect(all.json.d.results).toHaveLength(sim.product('TG11')!.unitsOfMeasure.length);
    expect((await get(`${PRODUCTS}/A_ProductUnitsOfMeasure('TG11')`)).status).toBe(400);
  });

  it('requires JSON to be asked for, as SAP would otherwise answer Atom XML', async () => {
    const response = await odataGet(sim, `${PRODUCTS}/A_Product?$top=1`, token, { accept: '*/*' });
    expect(response.status).toBe(406);
    const withFormat = await odataGet(sim, `${PRODUCTS}/A_Product?$top=1&$format=json`, token, { accept: '*/*' });
    expect(withFormat.status).toBe(200);
  });
});

describe('data control for tests', () => {
  it('is deterministic for a seed', async () => {
    const again = await createSapSimulator({ products: 1000, seed: 7 });
    const other = await createSapSimulator({ products: 1000, seed: 8 });
    try {
      expect(again.productIds()).toEqual(sim.productIds());
      expect(again.product(123)).toEqual(sim.product(123));
      expect(other.product(123)).not.toEqual(sim.product(123));
    } finally {
      await again.close();
      await other.close();
    }
  });

  it('setProductChanged moves a product into the next incremental sync', async () => {
    const since = '2030-01-01T00:00:00Z';
    const before = await get<Collection>(`${PRODUCTS}/A_Product?$filter=LastChangeDateTime gt datetimeoffset'${since}'`);
    expect(before.json.d.results).toHaveLength(0);
    sim.setProductChanged('TG11', new Date('2030-06-01T12:00:00Z'));
    const after = await get<Collection>(`${PRODUCTS}/A_Product?$filter=LastChangeDateTime gt datetimeoffset'${since}'`);
    expect(after.json.d.results.map((r) => r.Product)).toEqual(['TG11']);
    expect(after.json.d.results[0]!.LastChangeDateTime).toBe(`/Date(${Date.parse('2030-06-01T12:00:00Z')}+0000)/`);
  });

  it('updateProduct injects malformed values exactly as given', async () => {
    const id = sim.productIds()[5]!;
    const base = sim.product(id)!.header.BaseUnit;
    sim.updateProduct(id, {
      header: { GrossWeight: 'abc', WeightUnit: 'XYZ' },
      descriptions: [{ Language: 'EN', ProductDescription: '' }],
      unitsOfMeasure: [{ AlternativeUnit: base, UnitSpecificProductLength: '12,5', ProductMeasurementUnit: 'XYZ' }],
    });
    const { json } = await get(`${PRODUCTS}/A_Product('${id}')?$expand=to_Description,to_ProductUnitsOfMeasure`);
    expect(json.d.GrossWeight).toBe('abc');
    expect(json.d.WeightUnit).toBe('XYZ');
    expect(json.d.to_Description.results).toEqual([expect.objectContaining({ Language: 'EN', ProductDescription: '' })]);
    expect(json.d.to_ProductUnitsOfMeasure.results).toHaveLength(1);
    expect(json.d.to_ProductUnitsOfMeasure.results[0]).toMatchObject({ UnitSpecificProductLength: '12,5', ProductMeasurementUnit: 'XYZ', GrossWeight: '0.000' });
    // The change moved LastChangeDateTime to now, so an incremental sync picks it up.
    expect(Date.now() - dateMs(json.d.LastChangeDateTime)).toBeLessThan(60_000);
  });

  it('addProduct adds a record that paging and key access both see', async () => {
    sim.addProduct({ Product: 'ZZ-NEW-1', header: { ProductGroup: 'L001' } });
    const single = await get(`${PRODUCTS}/A_Product('ZZ-NEW-1')?$expand=to_ProductUnitsOfMeasure`);
    expect(single.json.d).toMatchObject({ Product: 'ZZ-NEW-1', ProductGroup: 'L001' });
    expect(single.json.d.to_ProductUnitsOfMeasure.results.every((u: any) => u.Product === 'ZZ-NEW-1')).toBe(true);
    const count = await get(`${PRODUCTS}/A_Product/$count`);
    expect(count.text).toBe('1001');
    const last = await get<Collection>(`${PRODUCTS}/A_Product?$orderby=Product desc&$top=1`);
    expect(last.json.d.results[0]!.Product).toBe('ZZ-NEW-1');
    expect(() => sim.addProduct({ Product: 'ZZ-NEW-1' })).toThrow();
  });
});
