/**
 * Platform keys: the product's backend provisions organizations and their keys (REST and
 * GraphQL) and acts for any organization it names (X-Org-Id on REST and GraphQL over HTTP,
 * `orgId` in graphql-ws connection params). Organizations' keys keep acting for their own
 * organization only: they cannot list or provision organizations, nor act for another one on
 * any operation. A revoked platform key stops working, on an open socket too.
 */
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { gqlText, rest } from '../support/http';
import { startTestHub, type TestHub } from '../support/hub';
import { seedConfigureBody, seedMappingsBody } from '../support/seed';

let hub: TestHub;
let platform: { keyId: string; apiKey: string };
let a: { orgId: string; apiKey: string };
let b: { orgId: string; apiKey: string };
const base = '/api/v1/integrations';
const xOrg = (orgId: string) => ({ 'x-org-id': orgId });

/** Every org-scoped REST route, with a body where it needs one (the event catalog is deployment-wide: any key reads it). */
const orgRoutes: [string, string, unknown?][] = [
  ['GET', `${base}/connectors`],
  ['GET', base],
  ['GET', `${base}/sap-s4hana`],
  ['PUT', `${base}/sap-s4hana`, seedConfigureBody],
  ['DELETE', `${base}/sap-s4hana`],
  ['GET', `${base}/sap-s4hana/mappings`],
  ['PUT', `${base}/sap-s4hana/mappings`, seedMappingsBody],
  ['GET', `${base}/sap-s4hana/mappings/defaults`],
  ['POST', `${base}/sap-s4hana/mappings/reset`],
  ['POST', `${base}/sap-s4hana/test`],
  ['POST', `${base}/sap-s4hana/sync`],
  ['GET', `${base}/sap-s4hana/sync/status`],
  ['POST', `${base}/sap-s4hana/sync/run_x/confirm`],
  ['POST', `${base}/sap-s4hana/sync/run_x/discard`],
  ['GET', '/api/v1/items/changes'],
  ['GET', '/api/v1/deliveries/changes'],
  ['GET', '/api/v1/webhooks/messages'],
  ['GET', '/api/v1/webhooks'],
  ['POST', '/api/v1/webhooks', { url: 'https://example.com/hook', eventTypes: ['*'] }],
  ['GET', '/api/v1/webhooks/ep_x'],
  ['PATCH', '/api/v1/webhooks/ep_x', { enabled: false }],
  ['DELETE', '/api/v1/webhooks/ep_x'],
  ['GET', '/api/v1/webhooks/ep_x/secret'],
  ['POST', '/api/v1/webhooks/ep_x/secret/rotate'],
  ['POST', '/api/v1/webhooks/ep_x/test', {}],
  ['GET', '/api/v1/webhooks/ep_x/messages'],
  ['GET', '/api/v1/webhooks/ep_x/attempts'],
  ['POST', '/api/v1/webhooks/ep_x/messages/evt_x/resend'],
  ['POST', '/api/v1/webhooks/ep_x/recover', { since: '2026-01-01T00:00:00Z' }],
];

/** Every provisioning REST route. */
const provisioningRoutes = (orgId: string, keyId: string): [string, string, unknown?][] => [
  ['POST', '/api/v1/orgs', { name: 'Mallory' }],
  ['GET', '/api/v1/orgs'],
  ['GET', `/api/v1/orgs/${orgId}`],
  ['POST', `/api/v1/orgs/${orgId}/disable`],
  ['POST', `/api/v1/orgs/${orgId}/enable`],
  ['POST', `/api/v1/orgs/${orgId}/api-keys`, {}],
  ['GET', `/api/v1/orgs/${orgId}/api-keys`],
  ['DELETE', `/api/v1/orgs/${orgId}/api-keys/${keyId}`],
];

function ws(apiKey: string, params: Record<string, unknown> = {}): Client {
  return createClient({
    url: `${hub.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { 'X-Api-Key': apiKey, ...params },
    retryAttempts: 0,
    lazy: true,
  });
}

/** Runs one operation over the socket: its first result, or the error the client reports (a close event or errors). */
function wsRun(client: Client, query: string, variables?: Record<string, unknown>): Promise<{ next?: any; error?: any }> {
  return new Promise((resolve) => {
    client.subscribe({ query, variables }, { next: (value) => resolve({ next: value }), error: (error) => resolve({ error }), complete: () => undefined });
  });
}

/** How the client's socket closed: code and reason, or 'open' if still open after `timeoutMs`. */
function closed(client: Client, timeoutMs = 5000): Promise<{ code: number; reason: string } | 'open'> {
  return new Promise((resolve) => {
    client.on('closed', (event) => resolve({ code: (event as { code: number }).code, reason: (event as { reason: string }).reason }));
    setTimeout(() => resolve('open'), timeoutMs);
  });
}

async function integrationOf(orgId: string) {
  return hub.services.db.integration.findMany({ where: { orgId }, select: { id: true, tenantUrl: true, updatedAt: true } });
}

beforeAll(async () => {
  hub = await startTestHub({ HUB_AUTH_RECHECK_MS: '200' });
  platform = await hub.services.orgs.createPlatformKey('backend');
  a = await hub.createOrg('A');
  b = await hub.createOrg('B');
});
afterAll(() => hub?.stop());

describe('platform keys', () => {
  it('look like fpk_platform_…, are stored only as a hash, and authenticate as a platform principal', async () => {
    expect(platform.apiKey).toMatch(/^fpk_platform_[A-Za-z0-9]{32}$/);
    const rows = await hub.services.db.platformKey.findMany();
    expect(rows.map((row) => row.keyHash)).not.toContain(platform.apiKey);
    for (const row of rows) expect(row.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await hub.services.orgs.authenticate(platform.apiKey)).toEqual({ kind: 'platform', keyId: platform.keyId });
    expect(await hub.services.orgs.authenticate(a.apiKey)).toMatchObject({ kind: 'org', orgId: a.orgId });
  });
});

describe('provisioning over REST', () => {
  it('creates an organization with its first key, lists, gets, disables and enables it', async () => {
    const created = await rest(hub.url, 'POST', '/api/v1/orgs', { apiKey: platform.apiKey, body: { name: 'Acme' } });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ orgId: expect.stringMatching(/^org_[a-z0-9]{20}$/), apiKey: expect.stringMatching(/^fpk_test_[A-Za-z0-9]{32}$/), keyId: expect.stringMatching(/^key_/) });
    const { orgId, apiKey } = created.body;
    expect((await rest(hub.url, 'GET', base, { apiKey })).body).toEqual([]);

    const list = await rest(hub.url, 'GET', '/api/v1/orgs', { apiKey: platform.apiKey });
    expect(list.status).toBe(200);
    expect(list.body.map((org: { orgId: string }) => org.orgId)).toEqual(expect.arrayContaining([a.orgId, b.orgId, orgId]));
    const one = await rest(hub.url, 'GET', `/api/v1/orgs/${orgId}`, { apiKey: platform.apiKey });
    expect(one.body).toEqual({ orgId, name: 'Acme', status: 'active', createdAt: expect.any(String), disabledAt: null });

    const disabled = await rest(hub.url, 'POST', `/api/v1/orgs/${orgId}/disable`, { apiKey: platform.apiKey });
    expect(disabled.body).toMatchObject({ status: 'disabled', disabledAt: expect.any(String) });
    expect((await rest(hub.url, 'GET', base, { apiKey })).status).toBe(401);
    const forDisabled = await rest(hub.url, 'GET', base, { apiKey: platform.apiKey, headers: xOrg(orgId) });
    expect(forDisabled.status).toBe(403);
    expect(forDisabled.body.error).toEqual({ code: 'FORBIDDEN', message: `organization ${orgId} (X-Org-Id) is disabled` });

    expect((await rest(hub.url, 'POST', `/api/v1/orgs/${orgId}/enable`, { apiKey: platform.apiKey })).body).toMatchObject({ status: 'active', disabledAt: null });
    expect((await rest(hub.url, 'GET', base, { apiKey })).status).toBe(200);
  });

  it("creates, lists and revokes an organization's keys, never showing a stored key", async () => {
    const made = await rest(hub.url, 'POST', `/api/v1/orgs/${a.orgId}/api-keys`, { apiKey: platform.apiKey, body: { mode: 'live', label: 'ci' } });
    expect(made.status).toBe(201);
    expect(made.body.apiKey).toMatch(/^fpk_live_[A-Za-z0-9]{32}$/);
    expect((await rest(hub.url, 'GET', base, { apiKey: made.body.apiKey })).status).toBe(200);
    // Without a body: a test key.
    const plain = await rest(hub.url, 'POST', `/api/v1/orgs/${a.orgId}/api-keys`, { apiKey: platform.apiKey });
    expect(plain.status).toBe(201);
    expect(plain.body.apiKey).toMatch(/^fpk_test_/);

    const listed = await rest(hub.url, 'GET', `/api/v1/orgs/${a.orgId}/api-keys`, { apiKey: platform.apiKey });
    expect(listed.body).toContainEqual(expect.objectContaining({ keyId: made.body.keyId, mode: 'live', label: 'ci', revokedAt: null }));
    expect(listed.text).not.toContain(made.body.apiKey);
    expect(listed.text).not.toContain('keyHash');

    // A key of A named under B is not found, and stays valid.
    expect((await rest(hub.url, 'DELETE', `/api/v1/orgs/${b.orgId}/api-keys/${made.body.keyId}`, { apiKey: platform.apiKey })).status).toBe(404);
    expect((await rest(hub.url, 'GET', base, { apiKey: made.body.apiKey })).status).toBe(200);
    expect((await rest(hub.url, 'DELETE', `/api/v1/orgs/${a.orgId}/api-keys/${made.body.keyId}`, { apiKey: platform.apiKey })).status).toBe(204);
    expect((await rest(hub.url, 'GET', base, { apiKey: made.body.apiKey })).status).toBe(401);
    expect((await rest(hub.url, 'DELETE', `/api/v1/orgs/${a.orgId}/api-keys/${made.body.keyId}`, { apiKey: platform.apiKey })).status).toBe(404);
  });

  it('answers bad input with 400 naming the field, and unknown organizations with 404', async () => {
    const noName = await rest(hub.url, 'POST', '/api/v1/orgs', { apiKey: platform.apiKey, body: { name: '  ', extra: 1 } });
    expect(noName.status).toBe(400);
    expect(noName.body.error.fields).toEqual([
      { path: 'name', message: 'must be 1 to 200 characters' },
      { path: 'extra', message: 'unknown field' },
    ]);
    const badMode = await rest(hub.url, 'POST', `/api/v1/orgs/${a.orgId}/api-keys`, { apiKey: platform.apiKey, body: { mode: 'prod' } });
    expect(badMode.body.error.fields).toEqual([{ path: 'mode', message: 'must be "test" or "live"' }]);
    for (const [method, path] of [['GET', '/api/v1/orgs/org_nope'], ['POST', '/api/v1/orgs/org_nope/disable'], ['POST', '/api/v1/orgs/org_nope/api-keys'], ['GET', '/api/v1/orgs/org_nope/api-keys']] as const) {
      const res = await rest(hub.url, method, path, { apiKey: platform.apiKey });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body.error).toEqual({ code: 'NOT_FOUND', message: 'organization org_nope does not exist' });
    }
  });
});

describe('acting for an organization over REST (X-Org-Id)', () => {
  it('acts for the organization a platform key names', async () => {
    const put = await rest(hub.url, 'PUT', `${base}/sap-s4hana`, { apiKey: platform.apiKey, headers: xOrg(a.orgId), body: seedConfigureBody });
    expect(put.status).toBe(201);
    expect(put.body.webhookUrl).toContain(a.orgId);
    expect((await rest(hub.url, 'GET', `${base}/sap-s4hana`, { apiKey: a.apiKey })).body.id).toBe(put.body.id);
    expect((await rest(hub.url, 'GET', base, { apiKey: platform.apiKey, headers: xOrg(b.orgId) })).body).toEqual([]);
    expect((await integrationOf(b.orgId))).toEqual([]);
  });

  it('answers a platform key without X-Org-Id with 400 naming X-Org-Id, on every organization route', async () => {
    for (const [method, path, body] of orgRoutes) {
      const res = await rest(hub.url, method, path, { apiKey: platform.apiKey, body });
      expect(res.status, `${method} ${path}`).toBe(400);
      expect(res.body.error).toEqual({
        code: 'VALIDATION_FAILED',
        message: 'X-Org-Id: required with a platform key: the id of the organization to act for (org_…)',
        fields: [{ path: 'X-Org-Id', message: 'required with a platform key: the id of the organization to act for (org_…)' }],
      });
    }
  });

  it('answers an unknown organization with 404 and a malformed one with 400', async () => {
    const unknown = await rest(hub.url, 'GET', base, { apiKey: platform.apiKey, headers: xOrg('org_doesnotexist') });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toEqual({ code: 'NOT_FOUND', message: 'organization org_doesnotexist (X-Org-Id) does not exist' });
    const malformed = await rest(hub.url, 'GET', base, { apiKey: platform.apiKey, headers: xOrg('acme') });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.fields).toEqual([{ path: 'X-Org-Id', message: 'must be an organization id (org_…)' }]);
  });

  it("lets an organization's key name its own organization, as if it had named none", async () => {
    const res = await rest(hub.url, 'GET', `${base}/sap-s4hana`, { apiKey: a.apiKey, headers: xOrg(a.orgId) });
    expect(res.status).toBe(200);
  });
});

describe('provisioning and acting over GraphQL', () => {
  const create = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) {
    __typename
    ... on MutationCreateOrganizationSuccess { data { orgId apiKey keyId organization { name status } } }
    ... on ValidationError { fields { path message } } } }`;

  it('creates an organization and its keys, lists, disables and enables', async () => {
    const created = await gqlText(hub.url, platform.apiKey, create, { variables: { input: { name: 'Globex', mode: 'LIVE' } } });
    const data = (created.data as any).createOrganization.data;
    expect(data).toMatchObject({ orgId: expect.stringMatching(/^org_/), apiKey: expect.stringMatching(/^fpk_live_/), organization: { name: 'Globex', status: 'ACTIVE' } });
    const bad = await gqlText(hub.url, platform.apiKey, create, { variables: { input: { name: '' } } });
    expect((bad.data as any).createOrganization).toEqual({ __typename: 'ValidationError', fields: [{ path: 'input.name', message: 'must be 1 to 200 characters' }] });

    const list = await gqlText(hub.url, platform.apiKey, '{ organizations { orgId name status apiKeys { keyId prefix mode revokedAt } } }');
    expect(list.status).toBe(200);
    const globex = (list.data as any).organizations.find((org: { orgId: string }) => org.orgId === data.orgId);
    expect(globex.apiKeys).toEqual([{ keyId: data.keyId, prefix: data.apiKey.slice(0, 13), mode: 'LIVE', revokedAt: null }]);

    const key = await gqlText(hub.url, platform.apiKey, 'mutation($orgId: String!) { createOrganizationApiKey(orgId: $orgId, input: { label: "ci" }) { ... on MutationCreateOrganizationApiKeySuccess { data { keyId apiKey } } } }', { variables: { orgId: data.orgId } });
    const made = (key.data as any).createOrganizationApiKey.data;
    expect(made.apiKey).toMatch(/^fpk_test_/);
    const revoke = 'mutation($orgId: String!, $keyId: String!) { revokeOrganizationApiKey(orgId: $orgId, keyId: $keyId) { __typename ... on MutationRevokeOrganizationApiKeySuccess { data } } }';
    expect((await gqlText(hub.url, platform.apiKey, revoke, { variables: { orgId: data.orgId, keyId: made.keyId } })).data).toEqual({ revokeOrganizationApiKey: { __typename: 'MutationRevokeOrganizationApiKeySuccess', data: true } });
    expect((await rest(hub.url, 'GET', base, { apiKey: made.apiKey })).status).toBe(401);
    expect(((await gqlText(hub.url, platform.apiKey, revoke, { variables: { orgId: data.orgId, keyId: made.keyId } })).data as any).revokeOrganizationApiKey.__typename).toBe('NotFoundError');

    const disable = await gqlText(hub.url, platform.apiKey, 'mutation($orgId: String!) { disableOrganization(orgId: $orgId) { ... on MutationDisableOrganizationSuccess { data { status } } } }', { variables: { orgId: data.orgId } });
    expect((disable.data as any).disableOrganization.data.status).toBe('DISABLED');
    expect((await rest(hub.url, 'GET', base, { apiKey: data.apiKey })).status).toBe(401);
    const enable = await gqlText(hub.url, platform.apiKey, 'mutation($orgId: String!) { enableOrganization(orgId: $orgId) { ... on MutationEnableOrganizationSuccess { data { status } } } }', { variables: { orgId: data.orgId } });
    expect((enable.data as any).enableOrganization.data.status).toBe('ACTIVE');
  });

  it('acts for the organization named in X-Org-Id', async () => {
    const res = await gqlText(hub.url, platform.apiKey, '{ integrations { connectorType webhookUrl } }', { headers: xOrg(a.orgId) });
    expect(res.status).toBe(200);
    expect((res.data as any).integrations).toEqual([{ connectorType: 'sap-s4hana', webhookUrl: expect.stringContaining(a.orgId) }]);
    expect(((await gqlText(hub.url, platform.apiKey, '{ integrations { id } }', { headers: xOrg(b.orgId) })).data as any).integrations).toEqual([]);
  });

  it('answers an organization field without X-Org-Id with 400 naming X-Org-Id, and runs nothing', async () => {
    const res = await gqlText(hub.url, platform.apiKey, 'mutation { deleteIntegration(connectorType: "sap-s4hana") { __typename } }');
    expect(res.status).toBe(400);
    expect(res.errors).toEqual([
      expect.objectContaining({
        message: 'X-Org-Id: required with a platform key: name the organization to act for in the X-Org-Id header (graphql-ws: "orgId" in the connection params)',
        extensions: { code: 'BAD_USER_INPUT', field: 'X-Org-Id' },
      }),
    ]);
    expect(await integrationOf(a.orgId)).toHaveLength(1);
  });

  it('answers an unknown or malformed X-Org-Id before running anything', async () => {
    const unknown = await gqlText(hub.url, platform.apiKey, '{ integrations { id } }', { headers: xOrg('org_doesnotexist') });
    expect(unknown.status).toBe(404);
    expect(unknown.errors).toEqual([{ message: 'organization org_doesnotexist (X-Org-Id) does not exist', extensions: { code: 'NOT_FOUND' } }]);
    const malformed = await gqlText(hub.url, platform.apiKey, '{ integrations { id } }', { headers: xOrg('1') });
    expect(malformed.status).toBe(400);
    expect(malformed.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });
});

describe('acting for an organization over graphql-ws', () => {
  it('acts for the organization named in the connection params, live', async () => {
    for (const params of [{ orgId: a.orgId }, { 'X-Org-Id': a.orgId }]) {
      const client = ws(platform.apiKey, params);
      expect(await wsRun(client, '{ integrations { webhookUrl } }')).toEqual({ next: { data: { integrations: [{ webhookUrl: expect.stringContaining(a.orgId) }] } } });
      await client.dispose();
    }
    const client = ws(platform.apiKey, { orgId: a.orgId });
    const events: unknown[] = [];
    const arrived = new Promise<void>((resolve) => {
      client.subscribe(
        { query: 'subscription { integrationChanged { integration { tenantUrl } } }' },
        {
          next: (value) => {
            events.push(value.data);
            resolve();
          },
          error: () => undefined,
          complete: () => undefined,
        },
      );
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await rest(hub.url, 'PUT', `${base}/sap-s4hana`, { apiKey: b.apiKey, body: { ...seedConfigureBody, tenantUrl: 'https://b.example' } });
    await rest(hub.url, 'PUT', `${base}/sap-s4hana`, { apiKey: a.apiKey, body: { ...seedConfigureBody, tenantUrl: 'https://a.example' } });
    await arrived;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(events).toEqual([{ integrationChanged: { integration: { tenantUrl: 'https://a.example' } } }]);
    await client.dispose();
  });

  it('refuses organization fields without an orgId, naming X-Org-Id, and keeps the socket', async () => {
    const client = ws(platform.apiKey);
    const result = await wsRun(client, '{ integrations { id } }');
    expect(result.next.errors[0]).toMatchObject({ message: expect.stringContaining('X-Org-Id: required with a platform key'), extensions: { code: 'BAD_USER_INPUT' } });
    expect((await wsRun(client, '{ organizations { orgId } }')).next.data.organizations.length).toBeGreaterThanOrEqual(2);
    await client.dispose();
  });

  it('closes the socket of an unknown or malformed organization, saying why', async () => {
    const client = ws(platform.apiKey, { orgId: 'org_doesnotexist' });
    const close = closed(client);
    await wsRun(client, '{ integrations { id } }');
    expect(await close).toEqual({ code: 4403, reason: 'organization org_doesnotexist (orgId) does not exist' });
    const malformed = ws(platform.apiKey, { orgId: 42 });
    const closeMalformed = closed(malformed);
    await wsRun(malformed, '{ integrations { id } }');
    expect(await closeMalformed).toEqual({ code: 4400, reason: 'orgId: must be an organization id (org_…)' });
  });

  it('acts for the organization named in X-Org-Id over SSE too', async () => {
    const abort = new AbortController();
    const response = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', 'x-api-key': platform.apiKey, ...xOrg(a.orgId) },
      body: JSON.stringify({ query: 'subscription { integrationChanged { integration { tenantUrl } } }' }),
      signal: abort.signal,
    });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    let text = '';
    const arrived = (async () => {
      while (!text.includes('sse.example')) {
        const { value, done } = await reader.read();
        if (done) return;
        text += new TextDecoder().decode(value);
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await rest(hub.url, 'PUT', `${base}/sap-s4hana`, { apiKey: a.apiKey, body: { ...seedConfigureBody, tenantUrl: 'https://sse.example' } });
    await arrived;
    expect(text).toContain('"tenantUrl":"https://sse.example"');
    abort.abort();
  });
});

describe("an organization's key (isolation)", () => {
  it('cannot list or provision organizations over REST (403), and changes nothing', async () => {
    const before = await hub.services.orgs.listOrgs();
    const keyOfB = (await hub.services.orgs.listApiKeys(b.orgId))[0]!.id;
    for (const [method, path, body] of [...provisioningRoutes(b.orgId, keyOfB), ...provisioningRoutes(a.orgId, 'key_x')]) {
      const res = await rest(hub.url, method, path, { apiKey: a.apiKey, body });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.error).toEqual({ code: 'FORBIDDEN', message: "only a platform key (fpk_platform_…) may do this; an organization's API key acts for its own organization only" });
    }
    expect(await hub.services.orgs.listOrgs()).toEqual(before);
    expect((await rest(hub.url, 'GET', base, { apiKey: b.apiKey })).status).toBe(200);
  });

  it('cannot list or provision organizations over GraphQL (FORBIDDEN)', async () => {
    const before = await hub.services.orgs.listOrgs();
    for (const query of [
      '{ organizations { orgId } }',
      `{ organization(orgId: "${b.orgId}") { orgId } }`,
      'mutation { createOrganization(input: { name: "Mallory" }) { __typename } }',
      `mutation { disableOrganization(orgId: "${b.orgId}") { __typename } }`,
      `mutation { enableOrganization(orgId: "${b.orgId}") { __typename } }`,
      `mutation { createOrganizationApiKey(orgId: "${b.orgId}") { __typename } }`,
      `mutation { revokeOrganizationApiKey(orgId: "${b.orgId}", keyId: "key_x") { __typename } }`,
    ]) {
      const res = await gqlText(hub.url, a.apiKey, query);
      expect(res.status, query).toBe(403);
      expect(res.errors, query).toEqual([expect.objectContaining({ message: "only a platform key (fpk_platform_…) may do this; an organization's API key acts for its own organization only", extensions: { code: 'FORBIDDEN' } })]);
      expect(Object.values(res.data ?? {}).every((value) => value === null), query).toBe(true);
    }
    expect(await hub.services.orgs.listOrgs()).toEqual(before);
  });

  it('cannot act for another organization on any REST route (403), and changes nothing of it', async () => {
    const before = await integrationOf(b.orgId);
    const endpointsBefore = await hub.services.db.webhookEndpoint.count({ where: { orgId: b.orgId } });
    for (const [method, path, body] of orgRoutes) {
      const res = await rest(hub.url, method, path, { apiKey: a.apiKey, headers: xOrg(b.orgId), body });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
      expect(res.body.error.message).toMatch(/^an organization's API key acts only for its own organization; X-Org-Id names another one/);
    }
    expect(await integrationOf(b.orgId)).toEqual(before);
    expect(await hub.services.db.webhookEndpoint.count({ where: { orgId: b.orgId } })).toBe(endpointsBefore);
  });

  it('cannot act for another organization over GraphQL or graphql-ws', async () => {
    const before = await integrationOf(b.orgId);
    for (const query of ['{ integrations { id } }', 'mutation { deleteIntegration(connectorType: "sap-s4hana") { __typename } }', 'subscription { integrationChanged { action } }']) {
      const res = await gqlText(hub.url, a.apiKey, query, { headers: xOrg(b.orgId) });
      expect(res.status, query).toBe(403);
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const client = ws(a.apiKey, { orgId: b.orgId });
    const close = closed(client);
    await wsRun(client, 'mutation { deleteIntegration(connectorType: "sap-s4hana") { __typename } }');
    expect(await close).toMatchObject({ code: 4403, reason: expect.stringContaining("acts only for its own organization") });
    expect(await integrationOf(b.orgId)).toEqual(before);
    // Its own organization named over the socket is fine.
    const own = ws(a.apiKey, { orgId: a.orgId });
    expect((await wsRun(own, '{ integrations { connectorType } }')).next.data.integrations).toEqual([{ connectorType: 'sap-s4hana' }]);
    await own.dispose();
  });
});

describe('a revoked platform key', () => {
  it('stops working on REST, GraphQL and an open socket; a disabled organization ends the sockets acting for it', async () => {
    const key = await hub.services.orgs.createPlatformKey();
    const socket = ws(key.apiKey, { orgId: a.orgId });
    // An open subscription keeps the (lazy) client on this one socket.
    const subscription = wsRun(socket, 'subscription { integrationChanged { action } }');
    expect((await wsRun(socket, '{ integrations { id } }')).next.data.integrations).toEqual(expect.any(Array));
    const close = closed(socket);

    const listed = await rest(hub.url, 'GET', '/api/v1/orgs', { apiKey: key.apiKey });
    expect(listed.status).toBe(200);
    await hub.services.orgs.revokePlatformKey(key.keyId);
    expect(await close).toEqual({ code: 4403, reason: 'API key no longer valid' });
    await subscription;
    expect((await rest(hub.url, 'GET', '/api/v1/orgs', { apiKey: key.apiKey })).status).toBe(401);
    expect((await rest(hub.url, 'GET', base, { apiKey: key.apiKey, headers: xOrg(a.orgId) })).status).toBe(401);
    expect((await gqlText(hub.url, key.apiKey, '{ organizations { orgId } }')).status).toBe(401);
    expect((await hub.services.orgs.listPlatformKeys()).find((k) => k.id === key.keyId)?.revokedAt).toBeInstanceOf(Date);

    // The other platform key's socket for an organization that gets disabled closes too.
    const extra = await hub.createOrg('Short-lived');
    const other = ws(platform.apiKey, { orgId: extra.orgId });
    void wsRun(other, 'subscription { integrationChanged { action } }');
    expect((await wsRun(other, '{ integrations { id } }')).next.data.integrations).toEqual([]);
    const otherClosed = closed(other);
    await hub.services.orgs.setOrgStatus(extra.orgId, 'disabled');
    expect(await otherClosed).toEqual({ code: 4403, reason: 'API key no longer valid' });
    expect((await rest(hub.url, 'GET', '/api/v1/orgs', { apiKey: platform.apiKey })).status).toBe(200);
  });
});
