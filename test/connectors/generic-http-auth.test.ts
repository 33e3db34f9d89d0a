/**
 * The generic-http connector's authentication and connection test against the JSON API
 * simulator, through the hub's REST API (POST …/test): every auth type with the right and a
 * wrong credential, OAuth2 token caching and renewal, and the ways a connection fails.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { genericHttp } from '../../src/connectors/generic-http/definition';
import { createOutboundHttp, type OutboundHttpClient } from '../../src/lib/http/outbound';
import { createLogger } from '../../src/lib/logger';
import { SecretRedactor } from '../../src/lib/redaction';
import { createJsonApiSimulator, type AuthMode, type JsonApiSimulator } from '../../tools/json-api-simulator';
import { rest } from '../support/http';
import { startTestHub, type TestHub } from '../support/hub';
import { base, orgWithGeneric } from './generic-http-support';

let hub: TestHub;
let sim: JsonApiSimulator;

beforeAll(async () => {
  [hub, sim] = await Promise.all([startTestHub({ HUB_ALLOW_PRIVATE_TARGETS: 'true' }), createJsonApiSimulator({ items: 30 })]);
});
afterAll(async () => {
  await hub?.stop();
  await sim?.close();
});
beforeEach(() => {
  sim.auth = 'header';
  sim.paging = 'page';
  sim.faults = {};
  sim.resetStats();
});

async function connectionTest(overrides: Parameters<typeof orgWithGeneric>[2] = {}) {
  const { apiKey } = await orgWithGeneric(hub, sim, overrides);
  const res = await rest(hub.url, 'POST', `${base}/test`, { apiKey });
  expect(res.status).toBe(200);
  return res.body as { success: boolean; message: string };
}

const refused = (reason: string, check: string) => `the API refused the credentials (HTTP 401) for GET /items: unauthorized: ${reason}; check ${check}`;

describe('every auth type against the simulator', () => {
  const cases: Array<{ mode: AuthMode; wrong: Record<string, string>; message: string }> = [
    { mode: 'header', wrong: { apiKey: 'not-the-key' }, message: refused('invalid API key', 'credentials.apiKey (sent as header X-Api-Key)') },
    { mode: 'bearer', wrong: { token: 'not-the-token' }, message: refused('invalid bearer token', 'credentials.token (sent as Authorization: Bearer)') },
    { mode: 'basic', wrong: { password: 'wrong' }, message: refused('invalid user name or password', 'credentials.username and credentials.password (sent as HTTP Basic)') },
    { mode: 'oauth2', wrong: { clientSecret: 'wrong' }, message: 'API rejected the client credentials (invalid_client): check clientId and clientSecret' },
  ];

  for (const { mode, wrong, message } of cases) {
    it(`${mode}: connects with the right credentials and reads one record`, async () => {
      sim.auth = mode;
      expect(await connectionTest()).toEqual({ success: true, message: 'Connection successful' });
      const listing = sim.stats.log.filter((entry) => entry.url.startsWith('/items'));
      expect(listing).toEqual([{ method: 'GET', url: '/items?page=1&pageSize=1', status: 200 }]);
      expect(sim.stats.rejected401).toBe(0);
    });

    it(`${mode}: says precisely why a wrong credential fails`, async () => {
      sim.auth = mode;
      expect(await connectionTest({ credentials: wrong })).toEqual({ success: false, message });
    });
  }

  it('none: connects to an open API, and says which setting is wrong when the API wants a key', async () => {
    sim.auth = 'none';
    expect(await connectionTest()).toEqual({ success: true, message: 'Connection successful' });
    sim.auth = 'header';
    expect(await connectionTest({ settings: { auth: { type: 'none' } } })).toEqual({
      success: false,
      message: refused('missing API key: send it in the X-Api-Key header', 'settings.auth: the API wants credentials, but auth type is "none"'),
    });
  });

  it('header: sends the key in the configured header', async () => {
    const other = await createJsonApiSimulator({ items: 3, apiKeyHeader: 'X-Token' });
    try {
      const { apiKey } = await orgWithGeneric(hub, other);
      expect((await rest(hub.url, 'POST', `${base}/test`, { apiKey })).body).toEqual({ success: true, message: 'Connection successful' });
      const wrongHeader = await orgWithGeneric(hub, other, { settings: { auth: { type: 'header' } } });
      expect((await rest(hub.url, 'POST', `${base}/test`, { apiKey: wrongHeader.apiKey })).body.message).toBe(
        refused('missing API key: send it in the X-Token header', 'credentials.apiKey (sent as header X-Api-Key)'),
      );
    } finally {
      await other.close();
    }
  });
});

describe('OAuth2 tokens', () => {
  const clients: OutboundHttpClient[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
  });

  function oauthClient() {
    const http = createOutboundHttp({ allowPrivateTargets: true });
    clients.push(http);
    sim.auth = 'oauth2';
    const settings = genericHttp.settingsSchema!.parse(sim.connectorSettings());
    return genericHttp.connect({ tenantUrl: sim.url, credentials: sim.integrationCredentials(), settings, http, logger: createLogger('silent'), redactor: new SecretRedactor([]) });
  }

  it('keeps the token for later requests, and fetches a new one once after a 401', async () => {
    const client = oauthClient();
    const [first] = sim.itemIds();
    expect((await client.fetchItem(String(first)))?.fields.sku).toBe(sim.item(first!)!.sku);
    expect((await client.fetchItem(String(first)))?.externalId).toBe(String(first));
    expect(sim.stats.tokensIssued).toBe(1);

    sim.expireAllTokens();
    expect((await client.fetchItem(String(first)))?.fields.sku).toBe(sim.item(first!)!.sku);
    expect(sim.stats.tokensIssued).toBe(2);
    expect(sim.stats.rejected401).toBe(1);
  });
});

describe('connection failures', () => {
  it('explains an unreachable host', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    expect(await connectionTest({ tenantUrl: `http://127.0.0.1:${port}` })).toEqual({
      success: false,
      message: `API: cannot reach http://127.0.0.1:${port}: connection refused (ECONNREFUSED)`,
    });
  });

  it('explains a TLS failure', async () => {
    const tenantUrl = sim.url.replace('http:', 'https:');
    expect(await connectionTest({ tenantUrl })).toEqual({
      success: false,
      message: `API: TLS connection to ${tenantUrl} failed: wrong version number (ERR_SSL_WRONG_VERSION_NUMBER)`,
    });
  });

  it('explains an answer that is not JSON', async () => {
    const { items } = sim.connectorSettings() as { items: Record<string, unknown> };
    expect(await connectionTest({ settings: { items: { ...items, path: '/' } } })).toEqual({
      success: false,
      message: 'the API sent text/html instead of JSON (HTTP 200) for GET /: check the tenant URL (the API base URL) and settings.items.path',
    });
  });

  it('explains a resultsPath that is not in the answer', async () => {
    const { items } = sim.connectorSettings() as { items: Record<string, unknown> };
    expect(await connectionTest({ settings: { items: { ...items, resultsPath: 'results' } } })).toEqual({
      success: false,
      message: 'the API\'s answer to GET /items has no array at "results" (settings.items.resultsPath); its top-level keys are data, meta',
    });
  });

  it('explains a wrong items path with what the API said', async () => {
    const { items } = sim.connectorSettings() as { items: Record<string, unknown> };
    expect(await connectionTest({ settings: { items: { ...items, path: '/products' } } })).toEqual({
      success: false,
      message: 'the API answered HTTP 404 for GET /products: not_found: no route GET /products: check the tenant URL (the API base URL) and settings.items.path',
    });
  });
});
