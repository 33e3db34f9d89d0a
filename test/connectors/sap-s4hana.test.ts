// The SAP S/4HANA connector against the SAP simulator (tools/sap-simulator) through the real
// outbound HTTP client: paging, incremental listing, token refresh, retries, single reads and
// the connection test with each way it can fail. Waits between retries are recorded, not slept.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { sapS4hana } from '../../src/connectors/sap-s4hana/definition';
import { ConnectorError, type ConnectorClient, type Measure, type SourceRecord } from '../../src/connectors/types';
import { createOutboundHttp, type OutboundHttpClient, type OutboundHttpOptions } from '../../src/lib/http/outbound';
import { createLogger } from '../../src/lib/logger';
import { SecretRedactor } from '../../src/lib/redaction';
import { createSapSimulator, type ProductRecord, type SapSimulator } from '../../tools/sap-simulator/index';

const logger = createLogger('silent');
let sim: SapSimulator;
let delays: number[] = [];
const clients: OutboundHttpClient[] = [];

function http(options: Partial<OutboundHttpOptions> = {}): OutboundHttpClient {
  const client = createOutboundHttp({
    allowPrivateTargets: true,
    sleep: async (ms) => {
      delays.push(ms);
    },
    ...options,
  });
  clients.push(client);
  return client;
}

function connect(
  overrides: { tenantUrl?: string; credentials?: Record<string, string>; http?: OutboundHttpClient; target?: SapSimulator } = {},
): ConnectorClient {
  const target = overrides.target ?? sim;
  return sapS4hana.connect({
    tenantUrl: overrides.tenantUrl ?? target.url,
    credentials: { clientId: target.clientId, clientSecret: target.clientSecret, tokenUrl: target.tokenUrl, ...overrides.credentials },
    settings: {},
    http: overrides.http ?? http(),
    logger,
    redactor: new SecretRedactor([]),
  });
}

async function listAll(client: ConnectorClient, options: Parameters<ConnectorClient['listItems']>[0] = {}): Promise<{ records: SourceRecord[]; pages: number[]; totals: Array<number | undefined> }> {
  const records: SourceRecord[] = [];
  const pages: number[] = [];
  const totals: Array<number | undefined> = [];
  for await (const page of client.listItems(options)) {
    records.push(...page.records);
    pages.push(page.records.length);
    totals.push(page.total);
  }
  return { records, pages, totals };
}

/** Collection requests for A_Product as the simulator logged them, decoded. */
function productListRequests(): URLSearchParams[] {
  return sim.stats.log.filter((entry) => entry.kind === 'A_Product').map((entry) => new URL(entry.url, 'http://x').searchParams);
}

async function rejection(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => expect.unreachable('expected a rejection'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

/** What the connector should make of a simulator product, from the simulator's own data. */
function expectMapped(record: SourceRecord, product: ProductRecord): void {
  const h = product.header;
  const base = product.unitsOfMeasure.find((u) => u.AlternativeUnit === h.BaseUnit)!;
  const dimension = (value: string): Measure | null => (base.ProductMeasurementUnit === '' || Number(value) === 0 ? null : { value, unit: base.ProductMeasurementUnit });
  const description = (product.descriptions.find((d) => d.Language === 'EN') ?? product.descriptions[0])?.ProductDescription ?? null;
  expect(record).toEqual({
    externalId: h.Product,
    fields: {
      MaterialNumber: h.Product,
      MaterialDescription: description,
      MaterialGroup: h.ProductGroup,
      MaterialType: h.ProductType,
      BaseUnit: h.BaseUnit,
      GrossLength: dimension(base.UnitSpecificProductLength),
      GrossWidth: dimension(base.UnitSpecificProductWidth),
      GrossHeight: dimension(base.UnitSpecificProductHeight),
      GrossWeight: { value: h.GrossWeight, unit: h.WeightUnit },
      NetWeight: { value: h.NetWeight, unit: h.WeightUnit },
      GTIN: h.ProductStandardID === '' ? null : h.ProductStandardID,
    },
    changedAt: new Date(h.LastChangeDateTime),
    deleted: h.IsMarkedForDeletion,
  });
}

beforeAll(async () => {
  sim = await createSapSimulator({ products: 1200, deliveries: 5 });
});

beforeEach(() => {
  sim.faults = {};
  sim.resetStats();
  delays = [];
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});

afterAll(async () => {
  await sim.close();
});

describe('listItems', () => {
  it('lists all 1,200 products once each, in a stable order, with mapped fields', async () => {
    const { records, pages, totals } = await listAll(connect());
    const ids = records.map((r) => r.externalId);
    expect(ids).toHaveLength(1200);
    expect(new Set(ids).size).toBe(1200);
    expect([...ids].sort()).toEqual(sim.productIds().sort());
    expect(totals.every((t) => t === 1200)).toBe(true);
    // Ordered by LastChangeDateTime, then Product.
    for (let i = 1; i < records.length; i++) {
      const [a, b] = [records[i - 1]!, records[i]!];
      expect(a.changedAt!.getTime() < b.changedAt!.getTime() || (a.changedAt!.getTime() === b.changedAt!.getTime() && a.externalId < b.externalId)).toBe(true);
    }
    // Default page size 1000: one full slice, then the rest (starting 50 rows early).
    expect(pages).toEqual([1000, 200]);
    const requests = productListRequests();
    expect(requests.map((q) => [q.get('$top'), q.get('$skip')])).toEqual([
      ['1000', null],
      ['1000', '950'],
    ]);
    expect(requests[0]!.get('$orderby')).toBe('LastChangeDateTime asc,Product asc');
    expect(requests[0]!.get('$expand')).toBe('to_Description,to_ProductUnitsOfMeasure');
    expect(requests[0]!.get('$inlinecount')).toBe('allpages');
    expect(requests[1]!.get('$inlinecount')).toBeNull();

    const byId = new Map(records.map((r) => [r.externalId, r]));
    for (const index of [0, 1, 7, 599, 1199]) {
      const product = sim.product(index)!;
      expectMapped(byId.get(product.header.Product)!, product);
    }
  });

  it('maps dimensions that are not maintained to null and keeps SAP units', async () => {
    const { records } = await listAll(connect());
    const withoutDimensions = records.filter((r) => r.fields.GrossLength === null);
    const withDimensions = records.filter((r) => r.fields.GrossLength !== null);
    expect(withoutDimensions.length).toBeGreaterThan(0);
    expect(new Set(withDimensions.map((r) => (r.fields.GrossLength as Measure).unit))).toEqual(new Set(['MM', 'CM', 'M', 'IN']));
    expect(new Set(records.map((r) => (r.fields.GrossWeight as Measure).unit))).toEqual(new Set(['KG', 'G', 'LB']));
    for (const record of withoutDimensions.slice(0, 5)) expectMapped(record, sim.product(record.externalId)!);
  });

  it('honours pageSize, capped at 5000', async () => {
    const { records, pages } = await listAll(connect(), { pageSize: 250 });
    expect(new Set(records.map((r) => r.externalId)).size).toBe(1200);
    expect(pages).toEqual([250, 225, 225, 225, 225, 50]);
    expect(productListRequests().map((q) => q.get('$skip'))).toEqual([null, '225', '450', '675', '900', '1125']);

    sim.resetStats();
    await listAll(connect(), { pageSize: 100_000 });
    expect(productListRequests().map((q) => q.get('$top'))).toEqual(['5000']);
  });

  it('lists only products changed since a point in time', async () => {
    const since = new Date(Date.UTC(2024, 0, 1, 12, 30, 15, 789));
    const expected = sim
      .productIds()
      .filter((id) => sim.product(id)!.header.LastChangeDateTime >= Date.UTC(2024, 0, 1, 12, 30, 15))
      .sort();
    expect(expected.length).toBeGreaterThan(10);
    const { records, totals } = await listAll(connect(), { changedSince: since });
    expect(records.map((r) => r.externalId).sort()).toEqual(expected);
    expect(totals[0]).toBe(expected.length);
    expect(productListRequests()[0]!.get('$filter')).toBe("LastChangeDateTime ge datetimeoffset'2024-01-01T12:30:15Z'");
  });

  it('yields one empty page with total 0 when nothing changed', async () => {
    const pages = [];
    for await (const page of connect().listItems({ changedSince: new Date(Date.UTC(2030, 0, 1)) })) pages.push(page);
    expect(pages).toEqual([{ records: [], total: 0, resume: { position: 0, recent: [] } }]);
  });

  it('resumes after any page from the position it gave, yielding what the uninterrupted listing yields after it', async () => {
    const whole = [];
    for await (const page of connect().listItems({ pageSize: 250 })) whole.push(page);
    expect(whole.length).toBeGreaterThan(3);
    for (const at of [0, 2, whole.length - 1]) {
      const rest = [];
      for await (const page of connect().listItems({ pageSize: 250, resumeFrom: whole[at]!.resume })) rest.push(page);
      // No total again (the caller stored it with the first page); otherwise the same pages.
      expect(rest.map((page) => page.records)).toEqual(whole.slice(at + 1).map((page) => page.records));
    }
    // A position this listing did not write: listed from the start.
    const fresh = [];
    for await (const page of connect().listItems({ pageSize: 250, resumeFrom: { cursor: 'x' } })) fresh.push(page);
    expect(fresh.map((page) => page.records)).toEqual(whole.map((page) => page.records));
  });

  it('loses no product when products change while the listing runs', async () => {
    const target = await createSapSimulator({ products: 300, seed: 7 });
    try {
      const seen: string[] = [];
      let changed: string[] = [];
      for await (const page of connect({ target }).listItems({ pageSize: 100 })) {
        if (seen.length === 0) {
          // Products already listed move to the end of the order, shifting the rest up.
          changed = page.records.slice(10, 15).map((r) => r.externalId);
          for (const id of changed) target.setProductChanged(id);
        }
        seen.push(...page.records.map((r) => r.externalId));
      }
      expect(new Set(seen)).toEqual(new Set(target.productIds()));
      // The changed ones show up again in their new place; nothing else twice.
      expect(seen).toHaveLength(300 + changed.length);
      expect(seen.slice(-changed.length).sort()).toEqual([...changed].sort());
    } finally {
      await target.close();
    }
  });

  it('fetches a new token when the current one expires mid-listing', async () => {
    const client = connect();
    let pages = 0;
    const ids = new Set<string>();
    for await (const page of client.listItems({ pageSize: 400 })) {
      if (pages++ === 0) sim.expireAllTokens();
      for (const r of page.records) ids.add(r.externalId);
    }
    expect(ids.size).toBe(1200);
    expect(sim.stats.tokensIssued).toBe(2);
    expect(sim.stats.rejected401).toBe(1);
  });

  it('keeps going when every token is rejected after a few requests', async () => {
    sim.faults.rejectTokensAfterRequests = 2;
    const { records } = await listAll(connect(), { pageSize: 200 });
    expect(new Set(records.map((r) => r.externalId)).size).toBe(1200);
    expect(sim.stats.tokensIssued).toBeGreaterThanOrEqual(3);
  });

  it('fails with kind auth when SAP rejects a freshly fetched token too', async () => {
    sim.faults.rejectTokensAfterRequests = 0;
    const error = await rejection(listAll(connect()));
    expect(error.kind).toBe('auth');
    expect(error.status).toBe(401);
    expect(error.message).toBe(
      'SAP refused a new access token (HTTP 401) for A_Product (API_PRODUCT_SRV): check that the OAuth client belongs to a communication arrangement for this service',
    );
    expect(sim.stats.tokensIssued).toBe(2);
  });

  it('retries a failing page', async () => {
    sim.faults.failPageAtSkip = { skip: 450, times: 1, status: 503 };
    const { records } = await listAll(connect(), { pageSize: 500 });
    expect(new Set(records.map((r) => r.externalId)).size).toBe(1200);
    expect(sim.stats.faultsInjected).toBe(1);
    expect(delays).toHaveLength(1);
  });

  it('waits at least as long as Retry-After says on 429', async () => {
    sim.faults.rateLimitNext = { count: 1, retryAfterSeconds: 3 };
    const { records } = await listAll(connect());
    expect(records).toHaveLength(1200);
    expect(delays).toHaveLength(1);
    expect(delays[0]).toBeGreaterThanOrEqual(3000);
  });

  it('gives up with kind server when SAP keeps failing', async () => {
    sim.faults.failNextRequests = { count: 10, status: 503 };
    const error = await rejection(listAll(connect()));
    expect(error.kind).toBe('server');
    expect(error.status).toBe(503);
    expect(error.message).toBe('SAP answered HTTP 503 for A_Product (API_PRODUCT_SRV)');
    expect(delays).toHaveLength(3);
  });

  it('reports SAP error codes and texts', async () => {
    sim.faults.failNextRequests = { count: 10, status: 500 };
    const error = await rejection(listAll(connect()));
    expect(error.message).toBe('SAP answered HTTP 500 for A_Product (API_PRODUCT_SRV): SAP_SIMULATOR/INJECTED_FAULT: Injected fault: internal server error');
  });
});

describe('server-driven paging', () => {
  /**
   * A Gateway that cuts every response at 40 rows and sends `__next`, alternately relative and
   * absolute with its internal host name (as behind a reverse proxy). Its token answer has
   * expires_in as a string, as some token servers send it.
   */
  async function cuttingGateway(rows: number): Promise<{ url: string; requests: string[]; close(): Promise<void> }> {
    const requests: string[] = [];
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      requests.push(`${url.pathname}${url.search}`);
      res.setHeader('content-type', 'application/json');
      if (url.pathname === '/oauth/token') {
        res.end(JSON.stringify({ access_token: 'token-1', token_type: 'bearer', expires_in: '43199' }));
        return;
      }
      const q = url.searchParams;
      const start = Number(q.get('$skiptoken') ?? q.get('$skip') ?? 0);
      const wanted = Number(q.get('$top') ?? rows);
      const end = Math.min(rows, start + Math.min(40, wanted));
      const results = Array.from({ length: end - start }, (_, k) => ({ Product: `P${String(start + k).padStart(4, '0')}`, BaseUnit: 'PC' }));
      const d: Record<string, unknown> = { results };
      if (q.get('$inlinecount') === 'allpages') d.__count = String(rows);
      const remaining = wanted - (end - start);
      if (end < rows && remaining > 0) {
        const rest = `$top=${remaining}&$skiptoken=${end}`;
        d.__next = requests.length % 2 === 0 ? `A_Product?${rest}` : `http://gateway.internal:8000/sap/opu/odata/sap/API_PRODUCT_SRV/A_Product?${rest}`;
      }
      res.end(JSON.stringify({ d }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return {
      url,
      requests,
      close: () => new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
    };
  }

  it('follows relative and absolute __next links within each slice, on the tenant host', async () => {
    const gateway = await cuttingGateway(230);
    try {
      const client = sapS4hana.connect({
        tenantUrl: `${gateway.url}/`,
        credentials: { clientId: 'c', clientSecret: 's', tokenUrl: `${gateway.url}/oauth/token` },
        settings: {},
        http: http(),
        logger,
        redactor: new SecretRedactor([]),
      });
      const { records, pages, totals } = await listAll(client, { pageSize: 100 });
      expect(records.map((r) => r.externalId)).toEqual(Array.from({ length: 230 }, (_, i) => `P${String(i).padStart(4, '0')}`));
      expect(totals[0]).toBe(230);
      // Slices of 100 starting 10 rows early, each cut into responses of at most 40 rows.
      expect(pages).toEqual([40, 40, 20, 30, 40, 20, 30, 10]);
      expect(gateway.requests.filter((r) => r === '/oauth/token')).toHaveLength(1);
      expect(gateway.requests.filter((r) => r.includes('$skip=')).map((r) => new URLSearchParams(r.split('?')[1]).get('$skip'))).toEqual(['90', '180']);
    } finally {
      await gateway.close();
    }
  });
});

describe('fetchItem and fetchDelivery', () => {
  it('reads one product, or null when SAP has none', async () => {
    const client = connect();
    const product = sim.product(42)!;
    expectMapped((await client.fetchItem(product.header.Product))!, product);
    expect(await client.fetchItem('NO-SUCH-PRODUCT')).toBeNull();
  });

  it("escapes quotes in keys (OData doubles them)", async () => {
    const target = await createSapSimulator({ products: 3 });
    try {
      target.addProduct({ Product: "O'NEIL 1" });
      const record = await connect({ target }).fetchItem("O'NEIL 1");
      expect(record?.externalId).toBe("O'NEIL 1");
      expect(await connect({ target }).fetchDelivery("8'1")).toBeNull();
    } finally {
      await target.close();
    }
  });

  it('reads a delivery with one line per item, or null when SAP has none', async () => {
    const client = connect();
    const expected = sim.delivery('80000002')!;
    const delivery = await client.fetchDelivery('80000002');
    expect(delivery?.externalId).toBe('80000002');
    expect(delivery!.lines).toEqual(
      expected.items.map((item) => ({
        externalId: `80000002/${item.DeliveryDocumentItem}`,
        fields: {
          DeliveryNumber: '80000002',
          DeliveryItem: item.DeliveryDocumentItem,
          MaterialNumber: item.Material,
          DeliveryQuantity: item.ActualDeliveryQuantity,
          DeliveryQuantityUnit: item.DeliveryQuantityUnit,
          ShipToParty: expected.header.ShipToParty,
          PlannedGoodsIssueDate: new Date(expected.header.PlannedGoodsIssueDate!),
        },
      })),
    );
    expect(await client.fetchDelivery('89999999')).toBeNull();
  });

  it('reuses the cached token', async () => {
    const client = connect();
    await client.fetchItem(sim.productIds()[0]!);
    await client.fetchItem(sim.productIds()[1]!);
    await client.fetchDelivery('80000001');
    expect(sim.stats.tokensIssued).toBe(1);
  });
});

describe('access tokens', () => {
  it('renews a token a minute before it expires', async () => {
    sim.faults.tokenTtlSeconds = 120;
    const client = connect();
    await client.fetchItem(sim.productIds()[0]!);
    await client.fetchItem(sim.productIds()[1]!);
    expect(sim.stats.tokensIssued).toBe(1);

    const realNow = Date.now.bind(Date);
    const later = vi.spyOn(Date, 'now').mockImplementation(() => realNow() + 61_000);
    try {
      await client.fetchItem(sim.productIds()[2]!);
    } finally {
      later.mockRestore();
    }
    expect(sim.stats.tokensIssued).toBe(2);
    expect(sim.stats.rejected401).toBe(0);
  });

  it('retries the token request when the token endpoint is briefly unavailable', async () => {
    let calls = 0;
    const server = createServer((_req, res) => {
      calls++;
      res.writeHead(calls === 1 ? 503 : 200, { 'content-type': 'application/json' });
      res.end(calls === 1 ? '{}' : JSON.stringify({ access_token: 'token', expires_in: 43199 }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const tokenUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/oauth/token`;
      // The simulator does not know this token, so the product read fails with 401 twice: the
      // point here is that the token request itself was retried and succeeded.
      const error = await rejection(connect({ credentials: { tokenUrl } }).fetchItem('TG11'));
      expect(error.kind).toBe('auth');
      // 503, the token, and a second token after SAP's 401.
      expect(calls).toBe(3);
      expect(delays).toHaveLength(1);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('testConnection', () => {
  type Answer = (req: IncomingMessage, res: ServerResponse) => void;

  /** A tiny server that is not SAP (a login page, a proxy): every request gets `answer`. */
  async function withServer(answer: Answer, run: (url: string) => Promise<void>): Promise<void> {
    const server = createServer(answer);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  async function closedPort(): Promise<number> {
    let port = 0;
    await withServer(() => undefined, async (url) => {
      port = Number(new URL(url).port);
    });
    return port;
  }

  const html: Answer = (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<html><body>Sign in</body></html>');
  };

  async function expectFailure(client: ConnectorClient, message: string | RegExp): Promise<void> {
    const result = await client.testConnection();
    expect(result.success).toBe(false);
    if (typeof message === 'string') expect(result.message).toBe(message);
    else expect(result.message).toMatch(message);
    expect(result.message).not.toContain(sim.clientSecret);
  }

  it('succeeds against the simulator', async () => {
    expect(await connect().testConnection()).toEqual({ success: true, message: 'Connection successful' });
    expect(sim.stats.byKind).toMatchObject({ token: 1, A_Product: 1 });
  });

  it('explains a wrong client secret', async () => {
    await expectFailure(
      connect({ credentials: { clientSecret: 'wrong' } }),
      'SAP rejected the client credentials (invalid_client): check clientId and clientSecret',
    );
  });

  it('explains an unreachable token URL', async () => {
    const port = await closedPort();
    await expectFailure(
      connect({ credentials: { tokenUrl: `http://127.0.0.1:${port}/oauth/token` }, http: http({ maxAttempts: 1 }) }),
      `SAP token endpoint: cannot reach http://127.0.0.1:${port}: connection refused (ECONNREFUSED)`,
    );
  });

  it('explains an unreachable tenant', async () => {
    const port = await closedPort();
    await expectFailure(
      connect({ tenantUrl: `http://127.0.0.1:${port}`, http: http({ maxAttempts: 1 }) }),
      `SAP API: cannot reach http://127.0.0.1:${port}: connection refused (ECONNREFUSED)`,
    );
    await expectFailure(connect({ tenantUrl: 'http://no-such-tenant.invalid', http: http({ maxAttempts: 1 }) }), /^SAP API: cannot reach http:\/\/no-such-tenant\.invalid: /);
  });

  it('explains a TLS failure', async () => {
    const tokenUrl = sim.tokenUrl.replace('http:', 'https:');
    await expectFailure(
      connect({ credentials: { tokenUrl } }),
      `SAP token endpoint: TLS connection to ${new URL(tokenUrl).origin} failed: wrong version number (ERR_SSL_WRONG_VERSION_NUMBER)`,
    );
  });

  it('explains a tenant that does not answer in time', async () => {
    sim.faults.pageDelayMs = 500;
    await expectFailure(connect({ http: http({ defaultTimeoutMs: 150, maxAttempts: 1 }) }), `SAP API: ${sim.url} did not answer within 150 ms`);
  });

  it('explains an HTML answer instead of OData', async () => {
    await withServer(html, async (url) => {
      await expectFailure(
        connect({ tenantUrl: url }),
        'SAP sent text/html instead of JSON (HTTP 200) for A_Product (API_PRODUCT_SRV): check that the tenant URL is the API host, e.g. https://my000000-api.s4hana.cloud.sap',
      );
    });
  });

  it('explains a tenant without the product service', async () => {
    const notFound: Answer = (_req, res) => {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<h1>Not Found</h1>');
    };
    await withServer(notFound, async (url) => {
      await expectFailure(connect({ tenantUrl: url }), 'SAP answered HTTP 404 for A_Product (API_PRODUCT_SRV)');
    });
  });

  it('explains a token URL that is not a token endpoint', async () => {
    await withServer(html, async (url) => {
      await expectFailure(connect({ credentials: { tokenUrl: `${url}/oauth/token` } }), 'SAP sent text/html instead of JSON (HTTP 200) for the token request: check tokenUrl');
    });
  });

  it('explains a private target refused by the SSRF guard', async () => {
    await expectFailure(
      connect({ http: http({ allowPrivateTargets: false }) }),
      'SAP token endpoint: refusing to connect to 127.0.0.1 (loopback): set HUB_ALLOW_PRIVATE_TARGETS=true for on-premise hosts and simulators',
    );
    expect(sim.stats.requests).toBe(0);
  });

  it('explains missing credentials without calling SAP', async () => {
    await expectFailure(connect({ credentials: { clientSecret: '' } }), 'credential clientSecret is not set');
    expect(sim.stats.requests).toBe(0);
  });
});
