/**
 * API keys and organization isolation: no key, a bad key or a revoked key gets a 401 JSON body;
 * a second organization's key sees and changes nothing of the first, for every operation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, rest } from '../support/http';
import { startTestHub, type TestHub } from '../support/hub';
import { seedConfigureBody, seedMappingsBody } from '../support/seed';
import {
  ConfigureIntegrationMutation,
  DeleteIntegrationMutation,
  FieldMappingsQuery,
  IntegrationQuery,
  IntegrationsQuery,
  ResetMappingsMutation,
  UpdateFieldMappingsMutation,
} from './graphql-documents';

let hub: TestHub;
let a: { orgId: string; apiKey: string };
let b: { orgId: string; apiKey: string };
const base = '/api/v1/integrations';

const routes = [
  ['GET', `${base}/connectors`],
  ['GET', base],
  ['GET', `${base}/sap-s4hana`],
  ['PUT', `${base}/sap-s4hana`],
  ['DELETE', `${base}/sap-s4hana`],
  ['GET', `${base}/sap-s4hana/mappings`],
  ['PUT', `${base}/sap-s4hana/mappings`],
  ['GET', `${base}/sap-s4hana/mappings/defaults`],
  ['POST', `${base}/sap-s4hana/mappings/reset`],
  ['GET', `${base}/sap-s4hana/sync/status`],
] as const;

beforeAll(async () => {
  hub = await startTestHub();
  a = await hub.createOrg('A');
  b = await hub.createOrg('B');
  expect((await rest(hub.url, 'PUT', `${base}/sap-s4hana`, { apiKey: a.apiKey, body: seedConfigureBody })).status).toBe(201);
});
afterAll(() => hub?.stop());

describe('authentication', () => {
  it('answers 401 with a JSON error on every REST route for a missing, malformed or unknown key', async () => {
    for (const apiKey of [undefined, 'hello', 'fpk_test_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA']) {
      for (const [method, path] of routes) {
        const res = await rest(hub.url, method, path, { apiKey, ...(method === 'PUT' ? { body: seedConfigureBody } : {}) });
        expect(res.status, `${method} ${path} with ${apiKey}`).toBe(401);
        expect(res.body).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'a valid API key is required in the X-Api-Key header' } });
      }
    }
  });

  it('accepts the key as a Bearer token too', async () => {
    const res = await rest(hub.url, 'GET', base, { headers: { authorization: `Bearer ${a.apiKey}` } });
    expect(res.status).toBe(200);
  });

  it('stops accepting a key once it is revoked, while other keys keep working', async () => {
    const extra = await hub.services.orgs.createApiKey(a.orgId, 'live', 'ci');
    expect(extra.apiKey).toMatch(/^fpk_live_[A-Za-z0-9]{32}$/);
    expect((await rest(hub.url, 'GET', base, { apiKey: extra.apiKey })).status).toBe(200);
    await hub.services.orgs.revokeApiKey(extra.keyId);
    expect((await rest(hub.url, 'GET', base, { apiKey: extra.apiKey })).status).toBe(401);
    expect((await gql(hub.url, extra.apiKey, IntegrationsQuery)).status).toBe(401);
    expect((await rest(hub.url, 'GET', base, { apiKey: a.apiKey })).status).toBe(200);
  });

  it('answers GraphQL without a key with 401 and runs nothing', async () => {
    const res = await gql(hub.url, undefined, ConfigureIntegrationMutation, { input: { connectorType: 'sap-s4hana', tenantUrl: 'https://evil.example' } });
    expect(res.status).toBe(401);
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await hub.services.integrations.get(a.orgId, 'sap-s4hana')).tenantUrl).toBe(seedConfigureBody.tenantUrl);
  });

  it('stores only a hash of each key', async () => {
    const rows = await hub.services.db.apiKey.findMany();
    for (const row of rows) {
      expect(row.keyHash).toMatch(/^[0-9a-f]{64}$/);
      expect(row.keyHash).not.toContain(a.apiKey);
    }
  });
});

describe('organization isolation', () => {
  async function snapshotOfA() {
    return (await rest(hub.url, 'GET', `${base}/sap-s4hana`, { apiKey: a.apiKey })).body;
  }

  it("gives B no view of A's integration over REST", async () => {
    const before = await snapshotOfA();
    expect((await rest(hub.url, 'GET', base, { apiKey: b.apiKey })).body).toEqual([]);
    for (const [method, path] of routes.filter(([, path]) => path.includes('sap-s4hana') && !path.endsWith('defaults'))) {
      if (method === 'PUT' && path.endsWith('/sap-s4hana')) continue; // B's PUT creates B's own; checked below
      const res = await rest(hub.url, method, path, { apiKey: b.apiKey, ...(method === 'PUT' ? { body: seedMappingsBody } : {}) });
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    expect(await snapshotOfA()).toEqual(before);
  });

  it("gives B no view of A's integration over GraphQL", async () => {
    const before = await snapshotOfA();
    expect((await gql(hub.url, b.apiKey, IntegrationsQuery)).data!.integrations).toEqual([]);
    expect((await gql(hub.url, b.apiKey, IntegrationQuery, { connectorType: 'sap-s4hana' })).data!.integration).toBeNull();
    expect((await gql(hub.url, b.apiKey, FieldMappingsQuery, { connectorType: 'sap-s4hana' })).data!.fieldMappings.__typename).toBe('NotFoundError');
    const update = await gql(hub.url, b.apiKey, UpdateFieldMappingsMutation, { connectorType: 'sap-s4hana', input: { itemMappings: [{ target: 'sku', source: 'MaterialGroup' }] } });
    expect(update.data!.updateFieldMappings.__typename).toBe('NotFoundError');
    expect((await gql(hub.url, b.apiKey, ResetMappingsMutation, { connectorType: 'sap-s4hana' })).data!.resetMappings.__typename).toBe('NotFoundError');
    expect((await gql(hub.url, b.apiKey, DeleteIntegrationMutation, { connectorType: 'sap-s4hana' })).data!.deleteIntegration.__typename).toBe('NotFoundError');
    expect(await snapshotOfA()).toEqual(before);
  });

  it("lets B configure the same connector type as its own row, leaving A's untouched", async () => {
    const before = await snapshotOfA();
    const body = { ...seedConfigureBody, tenantUrl: 'https://b.example', credentials: { clientId: 'b', clientSecret: 'b-secret', tokenUrl: 'https://b.example/token' } };
    const res = await rest(hub.url, 'PUT', `${base}/sap-s4hana`, { apiKey: b.apiKey, body });
    expect(res.status).toBe(201);
    expect(res.body.id).not.toBe(before.id);
    expect(res.body.webhookUrl).toContain(b.orgId);
    expect(await snapshotOfA()).toEqual(before);
    const aRow = await hub.services.integrations.get(a.orgId, 'sap-s4hana');
    expect(hub.services.integrations.credentials(aRow).clientSecret).toBe('your-client-secret');
  });
});
