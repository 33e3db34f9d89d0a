/** Every configuration example of seed 000, as written, over REST: status codes and shapes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rest } from '../support/http';
import { startTestHub, type TestHub } from '../support/hub';
import { seedConfigureBody, seedMappingsBody } from '../support/seed';

let hub: TestHub;
let apiKey: string;
let orgId: string;
const base = '/api/v1/integrations';

beforeAll(async () => {
  hub = await startTestHub();
  ({ apiKey, orgId } = await hub.createOrg());
});
afterAll(() => hub?.stop());

describe('seed 000 REST examples', () => {
  it('lists connectors with exactly the documented shape', async () => {
    const res = await rest(hub.url, 'GET', `${base}/connectors`, { apiKey });
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      {
        connectorType: 'sap-s4hana',
        displayName: 'SAP S/4HANA',
        description: 'Sync materials and deliveries from SAP S/4HANA',
        requiredCredentialFields: ['clientId', 'clientSecret', 'tokenUrl'],
      },
      {
        // Its credential fields depend on settings.auth.type, so none is required up front.
        connectorType: 'generic-http',
        displayName: 'Generic HTTP (JSON API)',
        description: 'Sync items and orders from an in-house system with a JSON API',
        requiredCredentialFields: [],
      },
    ]);
  });

  it('creates the integration from the documented PUT body (201), without echoing secrets', async () => {
    const res = await rest(hub.url, 'PUT', `${base}/sap-s4hana`, { apiKey, body: seedConfigureBody });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      connectorType: 'sap-s4hana',
      tenantUrl: 'https://my-sap-instance.s4hana.cloud',
      enabled: true,
      credentialFields: ['clientId', 'clientSecret', 'tokenUrl'],
      settings: { webhookSecretConfigured: true },
      fieldMappings: { itemMappings: seedConfigureBody.fieldMappings.itemMappings },
      webhookUrl: `${hub.url}/api/v1/integrations/webhook/sap-s4hana/${orgId}`,
    });
    expect(res.body.credentials).toBeUndefined();
    // Delivery mappings were not given, so the connector defaults apply.
    expect(res.body.fieldMappings.deliveryMappings).toEqual(seedMappingsBody.deliveryMappings);
  });

  it('updates with the same PUT (200) and keeps stored credentials when they are omitted', async () => {
    const res = await rest(hub.url, 'PUT', `${base}/sap-s4hana`, { apiKey, body: { enabled: false } });
    expect(res.status).toBe(200);
    expect(res.body.enabled).toBe(false);
    expect(res.body.credentialFields).toEqual(['clientId', 'clientSecret', 'tokenUrl']);
    const integration = await hub.services.integrations.get(orgId, 'sap-s4hana');
    expect(hub.services.integrations.credentials(integration)).toEqual(seedConfigureBody.credentials);
    expect(hub.services.integrations.webhookSecret(integration)).toBe('whsec_abc123...');
  });

  it('replaces one credential field without losing the others', async () => {
    const res = await rest(hub.url, 'PUT', `${base}/sap-s4hana`, { apiKey, body: { credentials: { clientSecret: 'rotated-secret' } } });
    expect(res.status).toBe(200);
    const integration = await hub.services.integrations.get(orgId, 'sap-s4hana');
    expect(hub.services.integrations.credentials(integration)).toEqual({ ...seedConfigureBody.credentials, clientSecret: 'rotated-secret' });
  });

  it('lists integrations and gets one', async () => {
    const list = await rest(hub.url, 'GET', base, { apiKey });
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(1);
    expect(list.body[0].connectorType).toBe('sap-s4hana');
    const one = await rest(hub.url, 'GET', `${base}/sap-s4hana`, { apiKey });
    expect(one.status).toBe(200);
    expect(one.body).toEqual(list.body[0]);
  });

  it('gets, updates, shows defaults and resets mappings', async () => {
    const current = await rest(hub.url, 'GET', `${base}/sap-s4hana/mappings`, { apiKey });
    expect(current.status).toBe(200);
    expect(current.body.itemMappings).toEqual(seedConfigureBody.fieldMappings.itemMappings);

    const updated = await rest(hub.url, 'PUT', `${base}/sap-s4hana/mappings`, { apiKey, body: seedMappingsBody });
    expect(updated.status).toBe(200);
    expect(updated.body).toEqual(seedMappingsBody);
    expect((await rest(hub.url, 'GET', `${base}/sap-s4hana/mappings`, { apiKey })).body).toEqual(seedMappingsBody);

    const defaults = await rest(hub.url, 'GET', `${base}/sap-s4hana/mappings/defaults`, { apiKey });
    expect(defaults.status).toBe(200);
    expect(defaults.body.itemMappings).toMatchObject({ sku: 'MaterialNumber', length: 'GrossLength', weight: 'GrossWeight' });
    expect(defaults.body.deliveryMappings).toEqual({ orderId: 'DeliveryNumber', sku: 'MaterialNumber', quantity: 'DeliveryQuantity' });

    const customized = await rest(hub.url, 'PUT', `${base}/sap-s4hana/mappings`, { apiKey, body: { itemMappings: { sku: 'MaterialNumber' } } });
    expect(customized.body.itemMappings).toEqual({ sku: 'MaterialNumber' });
    expect(customized.body.deliveryMappings).toEqual(seedMappingsBody.deliveryMappings);

    const reset = await rest(hub.url, 'POST', `${base}/sap-s4hana/mappings/reset`, { apiKey });
    expect(reset.status).toBe(200);
    expect(reset.body).toEqual(defaults.body);
  });

  it('reports sync status in the documented shape before any sync, with the health added', async () => {
    const res = await rest(hub.url, 'GET', `${base}/sap-s4hana/sync/status`, { apiKey });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      lastSyncAt: null,
      lastSyncStatus: null,
      lastSyncItemCount: null,
      lastSyncRunId: null,
      lastSyncCounts: null,
      heldDeletions: null,
      lastWebhookAt: null,
      lastWebhookStatus: null,
      lastError: null,
      health: { status: 'healthy', reason: null, since: null },
    });
  });

  it('deletes with 204 No Content, after which the integration is gone', async () => {
    const res = await rest(hub.url, 'DELETE', `${base}/sap-s4hana`, { apiKey });
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect((await rest(hub.url, 'GET', `${base}/sap-s4hana`, { apiKey })).status).toBe(404);
    expect((await rest(hub.url, 'DELETE', `${base}/sap-s4hana`, { apiKey })).status).toBe(404);
  });
});
