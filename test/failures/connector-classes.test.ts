/**
 * Every way a connector call fails, and the class it gets: a real connector (generic-http, the
 * SAP connector shares the same shared pieces) against a loopback server answering each status,
 * and against hosts that cannot be reached, refused or timed out.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { genericHttp } from '../../src/connectors/generic-http/definition';
import { sapS4hana } from '../../src/connectors/sap-s4hana/definition';
import type { ConnectorClient } from '../../src/connectors/types';
import { createOutboundHttp, type OutboundHttpClient } from '../../src/lib/http/outbound';
import { failureClassOf, type FailureClass } from '../../src/lib/failures';
import { createLogger } from '../../src/lib/logger';
import { SecretRedactor } from '../../src/lib/redaction';

let server: Server;
let url: string;
/** What the server answers next: a status, and a JSON body unless it says otherwise. */
let answer: { status: number; body?: string; headers?: Record<string, string> } = { status: 200 };
const clients: OutboundHttpClient[] = [];

beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
    res.end(answer.body ?? JSON.stringify({ error: 'something', message: 'as the host put it' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await new Promise((resolve) => server.close(resolve));
});

function generic(options: { tenantUrl?: string; allowPrivateTargets?: boolean; timeoutMs?: number } = {}): ConnectorClient {
  const http = createOutboundHttp({ allowPrivateTargets: options.allowPrivateTargets ?? true, maxAttempts: 1, defaultTimeoutMs: options.timeoutMs });
  clients.push(http);
  return genericHttp.connect({
    tenantUrl: options.tenantUrl ?? url,
    credentials: { apiKey: 'k-123456' },
    settings: genericHttp.settingsSchema!.parse({ auth: { type: 'header' } }),
    http,
    logger: createLogger('silent'),
    redactor: new SecretRedactor(['k-123456']),
  });
}

async function classOf(call: () => Promise<unknown>): Promise<FailureClass> {
  try {
    await call();
  } catch (error) {
    return failureClassOf(error);
  }
  throw new Error('the call did not fail');
}

async function listing(client: ConnectorClient) {
  for await (const page of client.listItems({ pageSize: 10 })) void page;
}

describe('answers of the host', () => {
  const cases: Array<[string, typeof answer, FailureClass]> = [
    ['401', { status: 401 }, 'configuration'],
    ['403', { status: 403 }, 'configuration'],
    ['404 for a whole listing (a wrong path)', { status: 404 }, 'configuration'],
    ['400', { status: 400 }, 'configuration'],
    ['a redirect', { status: 302, headers: { location: 'https://login.example/' } }, 'configuration'],
    ['HTML instead of JSON', { status: 200, body: '<html>login</html>', headers: { 'content-type': 'text/html' } }, 'configuration'],
    ['408', { status: 408 }, 'transient'],
    ['429', { status: 429 }, 'transient'],
    ['500', { status: 500 }, 'transient'],
    ['503', { status: 503 }, 'transient'],
  ];
  for (const [what, given, expected] of cases) {
    it(`${what} is ${expected}`, async () => {
      answer = given;
      expect(await classOf(() => listing(generic()))).toBe(expected);
    });
  }

  it('a 400 for one record (an id the host does not take) is data', async () => {
    answer = { status: 400 };
    expect(await classOf(() => generic().fetchItem('bad id'))).toBe('data');
  });
});

describe('hosts that do not answer', () => {
  it('a refused connection is transient', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await classOf(() => listing(generic({ tenantUrl: `http://127.0.0.1:${port}` })))).toBe('transient');
  });

  it('a timeout is transient', async () => {
    const slow = createServer(() => undefined);
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    try {
      expect(await classOf(() => listing(generic({ tenantUrl: `http://127.0.0.1:${(slow.address() as AddressInfo).port}`, timeoutMs: 100 })))).toBe('transient');
    } finally {
      slow.closeAllConnections();
      await new Promise((resolve) => slow.close(resolve));
    }
  });

  it('a private address the SSRF guard refuses is configuration', async () => {
    expect(await classOf(() => listing(generic({ allowPrivateTargets: false })))).toBe('configuration');
  });

  it('a TLS failure is configuration', async () => {
    expect(await classOf(() => listing(generic({ tenantUrl: url.replace('http:', 'https:') })))).toBe('configuration');
  });

  it('a token endpoint refusing the client is configuration (SAP)', async () => {
    answer = { status: 401, body: JSON.stringify({ error: 'invalid_client' }) };
    const http = createOutboundHttp({ allowPrivateTargets: true, maxAttempts: 1 });
    clients.push(http);
    const sap = sapS4hana.connect({
      tenantUrl: url,
      credentials: { clientId: 'c', clientSecret: 's-123456', tokenUrl: `${url}/oauth/token` },
      settings: {},
      http,
      logger: createLogger('silent'),
      redactor: new SecretRedactor(['s-123456']),
    });
    expect(await classOf(() => sap.fetchDelivery('80000001'))).toBe('configuration');
    expect(await sap.testConnection()).toMatchObject({ success: false, failureClass: 'configuration' });
  });
});
