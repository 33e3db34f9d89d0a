/** Live integration changes over graphql-ws and SSE, authenticated and scoped to the org. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rest } from '../support/http';
import { startTestHub, type TestHub } from '../support/hub';
import { seedConfigureBody } from '../support/seed';
import { subscribeSse, subscribeWs, wsClient } from '../support/subscriptions';
import { IntegrationChangedSubscription } from './graphql-documents';

let hub: TestHub;
let a: { orgId: string; apiKey: string };
let b: { orgId: string; apiKey: string };

beforeAll(async () => {
  hub = await startTestHub();
  a = await hub.createOrg('A');
  b = await hub.createOrg('B');
});
afterAll(() => hub?.stop());

describe('integrationChanged subscription', () => {
  it('streams changes over graphql-ws to the own org only', async () => {
    const clientA = wsClient(hub.url, a.apiKey);
    const clientB = wsClient(hub.url, b.apiKey);
    const subA = await subscribeWs(clientA, IntegrationChangedSubscription, {});
    const subB = await subscribeWs(clientB, IntegrationChangedSubscription, {});

    expect((await rest(hub.url, 'PUT', '/api/v1/integrations/sap-s4hana', { apiKey: a.apiKey, body: seedConfigureBody })).status).toBe(201);
    expect((await rest(hub.url, 'POST', '/api/v1/integrations/sap-s4hana/mappings/reset', { apiKey: a.apiKey })).status).toBe(200);
    const events = await subA.waitFor(2);
    expect(events.map((e) => e.integrationChanged.action)).toEqual(['CONFIGURED', 'MAPPINGS_UPDATED']);
    expect(events[0]!.integrationChanged.integration).toEqual({ tenantUrl: seedConfigureBody.tenantUrl, credentialFields: ['clientId', 'clientSecret', 'tokenUrl'] });
    expect(JSON.stringify(events)).not.toContain('your-client-secret');

    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(subB.events).toEqual([]);
    subA.close();
    subB.close();
    await clientA.dispose();
    await clientB.dispose();
  });

  it('streams over SSE, filtered by connector type', async () => {
    const sse = await subscribeSse(hub.url, a.apiKey, IntegrationChangedSubscription, { connectorType: 'sap-s4hana' });
    expect(sse.status).toBe(200);
    expect((await rest(hub.url, 'DELETE', '/api/v1/integrations/sap-s4hana', { apiKey: a.apiKey })).status).toBe(204);
    const [event] = await sse.waitFor(1);
    expect(event!.integrationChanged).toMatchObject({ action: 'DELETED', connectorType: 'sap-s4hana', integration: null });
    sse.close();
  });

  it('refuses a WebSocket connection without a valid key (close code 4403)', async () => {
    for (const key of [undefined, 'fpk_test_invalidinvalidinvalidinvalidinv']) {
      const client = wsClient(hub.url, key);
      const closed = new Promise<number>((resolve) => client.on('closed', (event) => resolve((event as { code: number }).code)));
      const dispose = client.subscribe({ query: 'subscription { integrationChanged { action } }' }, { next: () => {}, error: () => {}, complete: () => {} });
      expect(await closed).toBe(4403);
      dispose();
      await client.dispose();
    }
  });

  it('refuses an SSE subscription without a key (401)', async () => {
    const res = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: 'subscription { integrationChanged { action } }' }),
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ errors: [{ message: 'a valid API key is required in the X-Api-Key header', extensions: { code: 'UNAUTHENTICATED' } }] });
  });
});
