/**
 * Long-lived GraphQL sessions follow their API key: once it is revoked, a graphql-ws socket is
 * closed (4403), its subscriptions stop, a new operation on it is refused, and an SSE
 * subscription ends; also when the key is revoked through another instance on the same database.
 */
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testProvider, type TestDatabase } from '../support/database';
import { rest } from '../support/http';
import { startTestHub, type TestHub } from '../support/hub';
import { seedConfigureBody } from '../support/seed';
import { subscribeSse, subscribeWs, wsClient } from '../support/subscriptions';
import { IntegrationChangedSubscription } from './graphql-documents';

const recheck = { HUB_AUTH_RECHECK_MS: '200' };

/** The close code of the client's socket, or 'open' if it is still open after `timeoutMs`. */
function closeCode(client: Client, timeoutMs = 5000): Promise<number | 'open'> {
  return new Promise((resolve) => {
    client.on('closed', (event) => resolve((event as { code: number }).code));
    setTimeout(() => resolve('open'), timeoutMs);
  });
}

/** Runs one query over the socket: its result, or the error the client reports. */
function wsQuery(client: Client, query: string): Promise<unknown> {
  return new Promise((resolve) => {
    client.subscribe({ query }, { next: (value) => resolve({ next: value }), error: (error) => resolve({ error }), complete: () => undefined });
  });
}

async function change(hub: TestHub, apiKey: string, tenantUrl: string): Promise<void> {
  const res = await rest(hub.url, 'PUT', '/api/v1/integrations/sap-s4hana', { apiKey, body: { ...seedConfigureBody, tenantUrl } });
  expect(res.status).toBeLessThan(300);
}

describe('one instance', () => {
  let hub: TestHub;
  let owner: { orgId: string; apiKey: string };

  beforeAll(async () => {
    hub = await startTestHub(recheck);
    owner = await hub.createOrg();
  });
  afterAll(() => hub?.stop());

  it('closes the socket of a revoked key and stops its subscriptions', async () => {
    const key = await hub.services.orgs.createApiKey(owner.orgId);
    const client = wsClient(hub.url, key.apiKey);
    const subscription = await subscribeWs(client, IntegrationChangedSubscription, {});
    await change(hub, owner.apiKey, 'https://one.example');
    await subscription.waitFor(1);

    const closed = closeCode(client);
    await hub.services.orgs.revokeApiKey(key.keyId);
    expect(await closed).toBe(4403);
    await change(hub, owner.apiKey, 'https://two.example');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(subscription.events).toHaveLength(1);
    await client.dispose();
  });

  it('ends an SSE subscription of a revoked key', async () => {
    const key = await hub.services.orgs.createApiKey(owner.orgId);
    const stream = await subscribeSse(hub.url, key.apiKey, IntegrationChangedSubscription, {});
    expect(stream.status).toBe(200);
    await hub.services.orgs.revokeApiKey(key.keyId);
    const ended = await Promise.race([stream.ended.then(() => 'ended'), new Promise((resolve) => setTimeout(() => resolve('still streaming'), 5000))]);
    expect(ended).toBe('ended');
    stream.close();
  });

  it('keeps the sessions of keys that are still valid', async () => {
    const client = wsClient(hub.url, owner.apiKey);
    const subscription = await subscribeWs(client, IntegrationChangedSubscription, {});
    await new Promise((resolve) => setTimeout(resolve, 600)); // several re-checks
    await change(hub, owner.apiKey, 'https://three.example');
    await subscription.waitFor(1);
    subscription.close();
    await client.dispose();
  });
});

describe('a new operation on the socket', () => {
  let hub: TestHub;
  let owner: { orgId: string; apiKey: string };

  // No periodic re-check within the test: only the check before each operation can refuse it.
  beforeAll(async () => {
    hub = await startTestHub({ HUB_AUTH_RECHECK_MS: '600000' });
    owner = await hub.createOrg();
  });
  afterAll(() => hub?.stop());

  it('is refused as soon as the key is revoked, and the socket closes', async () => {
    const key = await hub.services.orgs.createApiKey(owner.orgId);
    const client = wsClient(hub.url, key.apiKey);
    // An open subscription keeps the (lazy) client on this one socket.
    const subscription = await subscribeWs(client, IntegrationChangedSubscription, {});
    expect(await wsQuery(client, '{ integrations { id } }')).toEqual({ next: { data: { integrations: [] } } });

    const closed = closeCode(client);
    await hub.services.orgs.revokeApiKey(key.keyId);
    expect(await wsQuery(client, 'mutation { deleteIntegration(connectorType: "sap-s4hana") { __typename } }')).toMatchObject({
      error: [{ message: 'this API key is no longer valid (revoked)', extensions: { code: 'UNAUTHENTICATED' } }],
    });
    expect(await closed).toBe(4403);
    subscription.close();
    await client.dispose();
  });
});

// Several processes on one database is the PostgreSQL deployment; the embedded SQLite default is one process.
describe.skipIf(testProvider !== 'postgresql')('two instances on one PostgreSQL', () => {
  let database: TestDatabase;
  let first: TestHub;
  let second: TestHub;

  beforeAll(async () => {
    database = await createTestDatabase();
    first = await startTestHub(recheck, { shared: database });
    second = await startTestHub(recheck, { shared: database });
  });
  afterAll(async () => {
    await Promise.allSettled([first?.stop(), second?.stop()]);
    await database?.drop();
  });

  it('closes a socket on one instance when the key is revoked through the other', async () => {
    const { orgId } = await first.createOrg();
    const key = await first.services.orgs.createApiKey(orgId);
    const client = wsClient(second.url, key.apiKey);
    const subscription = await subscribeWs(client, IntegrationChangedSubscription, {});
    expect(subscription.errors).toEqual([]);
    const closed = closeCode(client);
    await first.services.orgs.revokeApiKey(key.keyId);
    expect(await closed).toBe(4403);
    await client.dispose();
  });
});
