import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSapSimulator, type SapSimulator } from '../../tools/sap-simulator/index';
import { odataGet, PRODUCTS, requestToken, type Collection } from './helpers';

let sim: SapSimulator;
let token: string;

beforeAll(async () => {
  sim = await createSapSimulator({ products: 500 });
  token = await requestToken(sim);
});

afterAll(async () => {
  await sim.close();
});

beforeEach(() => {
  sim.faults = {};
  sim.resetStats();
});

const get = <T = any>(path: string) => odataGet<T>(sim, path, token);

describe('injected faults', () => {
  it('rateLimitNext answers 429 with Retry-After, then recovers', async () => {
    sim.faults.rateLimitNext = { count: 2, retryAfterSeconds: 7 };
    const first = await get(`${PRODUCTS}/A_Product?$top=1`);
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('7');
    expect((await get(`${PRODUCTS}/A_Product?$top=1`)).status).toBe(429);
    expect((await get(`${PRODUCTS}/A_Product?$top=1`)).status).toBe(200);
    expect(sim.faults.rateLimitNext).toBeUndefined();
    expect(sim.stats.faultsInjected).toBe(2);
  });

  it('failNextRequests answers 5xx for the next requests only', async () => {
    sim.faults.failNextRequests = { count: 1, status: 503 };
    const failed = await get(`${PRODUCTS}/A_Product?$top=1`);
    expect(failed.status).toBe(503);
    expect(failed.headers.get('content-type')).toMatch(/^text\/html/);
    expect((await get(`${PRODUCTS}/A_Product?$top=1`)).status).toBe(200);

    sim.faults.failNextRequests = { count: 1, status: 500 };
    const internal = await get(`${PRODUCTS}/A_Product?$top=1`);
    expect(internal.status).toBe(500);
    expect(internal.json.error.code).toBe('SAP_SIMULATOR/INJECTED_FAULT');
  });

  it('does not spend faults on requests that fail authentication or on the token endpoint', async () => {
    sim.faults.failNextRequests = { count: 1, status: 502 };
    await requestToken(sim);
    expect((await odataGet(sim, `${PRODUCTS}/A_Product`, 'bad')).status).toBe(401);
    expect((await get(`${PRODUCTS}/A_Product?$top=1`)).status).toBe(502);
  });

  it('failPageAtSkip fails one page a number of times, and a retry of that page then works', async () => {
    sim.faults.failPageAtSkip = { skip: 200, times: 2, status: 503 };
    const seen: string[] = [];
    const statuses: number[] = [];
    let next: string | undefined = `${PRODUCTS}/A_Product?$select=Product`;
    while (next) {
      const response: { status: number; json: Collection } = await get<Collection>(next);
      statuses.push(response.status);
      if (response.status !== 200) continue; // retry the same page
      seen.push(...response.json.d.results.map((r) => r.Product as string));
      next = response.json.d.__next;
    }
    expect(statuses).toEqual([200, 200, 503, 503, 200, 200, 200]);
    expect(new Set(seen).size).toBe(500);
  });

  it('pageDelayMs slows collection pages down', async () => {
    sim.faults.pageDelayMs = 150;
    const started = Date.now();
    expect((await get(`${PRODUCTS}/A_Product?$top=1`)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('counts requests per kind and keeps a request log', async () => {
    await get(`${PRODUCTS}/A_Product?$top=1`);
    await get(`${PRODUCTS}/A_Product('TG11')`);
    await get(`${PRODUCTS}/A_Product('TG11')/to_Description`);
    expect(sim.stats.byKind).toMatchObject({ A_Product: 1, 'A_Product(key)': 1, 'A_Product(key)/to_Description': 1 });
    expect(sim.stats.log.map((e) => e.status)).toEqual([200, 200, 200]);
    expect(sim.stats.log[1]?.url).toBe(`${PRODUCTS}/A_Product('TG11')`);
  });
});
