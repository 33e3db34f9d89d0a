/** Bad input on every REST endpoint: a clear JSON error with the right status, nothing stored. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rest } from '../support/http';
import { startTestHub, type TestHub } from '../support/hub';
import { seedConfigureBody } from '../support/seed';

let hub: TestHub;
let apiKey: string;
let orgId: string;
const base = '/api/v1/integrations';

beforeAll(async () => {
  hub = await startTestHub({ HUB_BODY_LIMIT_BYTES: '4096' });
  ({ apiKey, orgId } = await hub.createOrg());
});
afterAll(() => hub?.stop());

function fieldsOf(body: { error: { fields?: { path: string; message: string }[] } }) {
  return Object.fromEntries((body.error.fields ?? []).map((field) => [field.path, field.message]));
}

describe('PUT /integrations/{type} validation', () => {
  it('names the unknown connector type', async () => {
    const res = await rest(hub.url, 'PUT', `${base}/oracle-erp`, { apiKey, body: seedConfigureBody });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(res.body).connectorType).toMatch(/unknown connector type "oracle-erp".*sap-s4hana/);
  });

  it('names each missing required credential field', async () => {
    const res = await rest(hub.url, 'PUT', `${base}/sap-s4hana`, {
      apiKey,
      body: { ...seedConfigureBody, credentials: { clientId: 'abc' } },
    });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toMatchObject({ 'credentials.clientSecret': 'is required', 'credentials.tokenUrl': 'is required' });
  });

  it('rejects malformed URLs, wrong types and unknown fields, all at once', async () => {
    const res = await rest(hub.url, 'PUT', `${base}/sap-s4hana`, {
      apiKey,
      body: {
        tenantUrl: 'not a url',
        enabled: 'yes',
        credentials: { ...seedConfigureBody.credentials, tokenUrl: 'ftp://example.com/token' },
        settings: { webhookSecret: 42 },
        colour: 'blue',
      },
    });
    expect(res.status).toBe(400);
    const fields = fieldsOf(res.body);
    expect(fields.tenantUrl).toMatch(/absolute http\(s\) URL/);
    expect(fields.enabled).toBe('must be true or false');
    expect(fields['settings.webhookSecret']).toMatch(/must be a string/);
    expect(fields.colour).toBe('unknown field');
  });

  it('rejects a URL with embedded credentials', async () => {
    const res = await rest(hub.url, 'PUT', `${base}/sap-s4hana`, {
      apiKey,
      body: { ...seedConfigureBody, tenantUrl: 'https://user:pw@my-sap-instance.s4hana.cloud' },
    });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body).tenantUrl).toMatch(/must not contain a user name or password/);
  });

  it("checks credentials against the connector's fields: unknown names, URL fields", async () => {
    const res = await rest(hub.url, 'PUT', `${base}/sap-s4hana`, {
      apiKey,
      body: { ...seedConfigureBody, credentials: { ...seedConfigureBody.credentials, tokenUrl: 'nope', password: 'x' } },
    });
    expect(res.status).toBe(400);
    const fields = fieldsOf(res.body);
    expect(fields['credentials.password']).toMatch(/unknown credential field; sap-s4hana takes clientId, clientSecret, tokenUrl/);
    expect(fields['credentials.tokenUrl']).toMatch(/absolute http\(s\) URL/);
  });

  it('requires tenantUrl when creating', async () => {
    const { tenantUrl: _omitted, ...body } = seedConfigureBody;
    const res = await rest(hub.url, 'PUT', `${base}/sap-s4hana`, { apiKey, body });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body).tenantUrl).toBe('is required');
  });

  it('validates mapping targets and sources against entity and connector catalog', async () => {
    const res = await rest(hub.url, 'PUT', `${base}/sap-s4hana`, {
      apiKey,
      body: { ...seedConfigureBody, fieldMappings: { itemMappings: { sku: 'MaterialNumber', colour: 'MaterialGroup', weight: 'Weight', length: 'MaterialGroup' } } },
    });
    expect(res.status).toBe(400);
    const fields = fieldsOf(res.body);
    expect(fields['fieldMappings.itemMappings.colour']).toMatch(/unknown target field/);
    expect(fields['fieldMappings.itemMappings.weight']).toMatch(/unknown source field "Weight"/);
    expect(fields['fieldMappings.itemMappings.length']).toMatch(/is a string, target "length" needs a length/);
  });

  it('answers invalid JSON with 400, a non-object with 400, and a huge body with 413', async () => {
    const invalid = await rest(hub.url, 'PUT', `${base}/sap-s4hana`, { apiKey, rawBody: '{"tenantUrl": ' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe('INVALID_JSON');
    const array = await rest(hub.url, 'PUT', `${base}/sap-s4hana`, { apiKey, body: [1, 2] });
    expect(array.status).toBe(400);
    expect(array.body.error.code).toBe('VALIDATION_FAILED');
    const huge = await rest(hub.url, 'PUT', `${base}/sap-s4hana`, { apiKey, body: { ...seedConfigureBody, tenantUrl: `https://x.example/${'a'.repeat(5000)}` } });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    const text = await rest(hub.url, 'PUT', `${base}/sap-s4hana`, { apiKey, rawBody: 'tenantUrl=x', headers: { 'content-type': 'text/plain' } });
    expect(text.status).toBe(415);
  });

  it('stored nothing for any of the rejected requests', async () => {
    expect(await hub.services.integrations.list(orgId)).toEqual([]);
  });
});

describe('mapping endpoints validation', () => {
  beforeAll(async () => {
    expect((await rest(hub.url, 'PUT', `${base}/sap-s4hana`, { apiKey, body: seedConfigureBody })).status).toBe(201);
  });

  it('rejects an empty update, unknown sets, missing required targets and non-string sources', async () => {
    const empty = await rest(hub.url, 'PUT', `${base}/sap-s4hana/mappings`, { apiKey, body: {} });
    expect(empty.status).toBe(400);
    const unknownSet = await rest(hub.url, 'PUT', `${base}/sap-s4hana/mappings`, { apiKey, body: { orderMappings: {} } });
    expect(fieldsOf(unknownSet.body).orderMappings).toBe('unknown field');
    const missing = await rest(hub.url, 'PUT', `${base}/sap-s4hana/mappings`, { apiKey, body: { deliveryMappings: { orderId: 'DeliveryNumber' } } });
    expect(fieldsOf(missing.body)).toMatchObject({ 'deliveryMappings.sku': 'required mapping is missing', 'deliveryMappings.quantity': 'required mapping is missing' });
    const badType = await rest(hub.url, 'PUT', `${base}/sap-s4hana/mappings`, { apiKey, body: { itemMappings: { sku: 7 } } });
    expect(fieldsOf(badType.body)['itemMappings.sku']).toMatch(/must be a source field name/);
    // Nothing of the above changed the stored mappings.
    expect((await rest(hub.url, 'GET', `${base}/sap-s4hana/mappings`, { apiKey })).body.itemMappings).toEqual(seedConfigureBody.fieldMappings.itemMappings);
  });

  it('answers 404 for unknown connector types and unconfigured integrations on every route', async () => {
    for (const [method, path] of [
      ['GET', `${base}/nope`],
      ['DELETE', `${base}/nope`],
      ['GET', `${base}/nope/mappings`],
      ['PUT', `${base}/nope/mappings`],
      ['GET', `${base}/nope/mappings/defaults`],
      ['POST', `${base}/nope/mappings/reset`],
      ['GET', `${base}/nope/sync/status`],
    ] as const) {
      const res = await rest(hub.url, method, path, { apiKey, ...(method === 'PUT' ? { body: { itemMappings: { sku: 'MaterialNumber' } } } : {}) });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
  });

  it('answers 404 with a JSON body for unknown routes', async () => {
    const res = await rest(hub.url, 'GET', '/api/v1/nothing-here', { apiKey });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });
});
