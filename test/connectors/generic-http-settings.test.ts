/**
 * Configuring a generic-http integration through REST: the connector's settings schema and its
 * cross-field check answer with field paths and messages; dotted-path mappings are accepted for
 * this connector only; defaults fill what is left out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rest } from '../support/http';
import { startTestHub, type TestHub } from '../support/hub';
import { seedConfigureBody } from '../support/seed';
import { base, putGeneric } from './generic-http-support';

let hub: TestHub;
let apiKey: string;

beforeAll(async () => {
  hub = await startTestHub();
  ({ apiKey } = await hub.createOrg());
});
afterAll(() => hub?.stop());

const tenantUrl = 'https://erp.example.com/api/v2';

/** The field problems of a PUT that must fail, and nothing may have been stored. */
async function problems(body: Record<string, unknown>) {
  const res = await putGeneric(hub, apiKey, { tenantUrl, ...body });
  expect(res.status).toBe(400);
  expect(res.body.error.code).toBe('VALIDATION_FAILED');
  return res.body.error.fields as Array<{ path: string; message: string }>;
}

describe('credentials by auth type', () => {
  it('names the credential fields an auth type needs', async () => {
    expect(await problems({ settings: { auth: { type: 'header' } } })).toEqual([{ path: 'credentials.apiKey', message: 'is required for auth type "header"' }]);
    expect(await problems({ settings: { auth: { type: 'basic' } }, credentials: { username: 'u' } })).toEqual([
      { path: 'credentials.password', message: 'is required for auth type "basic"' },
    ]);
    expect(await problems({ settings: { auth: { type: 'oauth2' } } })).toEqual(
      ['clientId', 'clientSecret', 'tokenUrl'].map((field) => ({ path: `credentials.${field}`, message: 'is required for auth type "oauth2"' })),
    );
  });

  it('checks tokenUrl as a URL and refuses unknown credential fields', async () => {
    const fields = await problems({ settings: { auth: { type: 'oauth2' } }, credentials: { clientId: 'c', clientSecret: 's', tokenUrl: 'not a url', secretKey: 'x' } });
    expect(fields).toEqual([
      { path: 'credentials.secretKey', message: 'unknown credential field; generic-http takes apiKey, token, username, password, clientId, clientSecret, tokenUrl' },
      { path: 'credentials.tokenUrl', message: 'must be an absolute http(s) URL, e.g. https://my-sap-instance.s4hana.cloud' },
    ]);
  });
});

describe('settings schema', () => {
  it('reports each problem at its path', async () => {
    const fields = await problems({
      credentials: { token: 't' },
      settings: {
        auth: { type: 'bearer', headerName: 'X-Key' },
        items: { path: 'items', itemPath: '/items/:id', resultsPath: 'data..list', paging: { style: 'page', pageSize: 0, cursorParam: 'c' } },
        units: { length: 'furlong', weight: 'KG' },
        colour: 'blue',
      },
    });
    expect(fields).toEqual(
      expect.arrayContaining([
        { path: 'settings.auth.headerName', message: 'only applies to auth type "header"' },
        { path: 'settings.items.path', message: 'must start with "/" and have no query string, e.g. "/items"' },
        { path: 'settings.items.itemPath', message: 'must contain "{id}" where the record\'s id goes, e.g. "/items/{id}"' },
        { path: 'settings.items.resultsPath', message: 'must be a dotted path such as "data" (no spaces, no empty segments)' },
        { path: 'settings.items.paging.cursorParam', message: 'unknown field' },
        { path: 'settings.items.paging.pageSize', message: 'must be at least 1' },
        { path: 'settings.units.length', message: 'must be a length unit code the hub converts, e.g. MM, CM, M, IN, FT' },
        { path: 'settings.colour', message: 'unknown field' },
      ]),
    );
    expect(fields).toHaveLength(8);
  });

  it('names the paging styles and the auth types', async () => {
    expect(await problems({ settings: { auth: { type: 'apikey' }, items: { paging: { style: 'scroll' } } } })).toEqual([
      { path: 'settings.auth.type', message: 'must be one of "none", "header", "bearer", "basic", "oauth2"' },
      { path: 'settings.items.paging.style', message: 'must have "style": one of "none", "page", "offset", "cursor", "link"' },
    ]);
  });

  it('checks the webhook rules', async () => {
    expect(
      await problems({
        settings: {
          webhook: {
            eventTypes: { 'product.updated': 'car/updated', 'message.created': 'message/created', 'order.line.updated': { scope: 'delivery/updated' } },
          },
        },
      }),
    ).toEqual(
      expect.arrayContaining([
        { path: 'settings.webhook.eventTypes.product.updated', message: 'must be a scope name, or { "scope": …, "idPath": … } for a child record\'s parent' },
        { path: 'settings.webhook.eventTypes.order.line.updated', message: 'must be a scope name, or { "scope": …, "idPath": … } for a child record\'s parent' },
      ]),
    );
    expect(await problems({ settings: { webhook: { eventTypePath: 'type', eventTypes: { 'message.created': 'message/created' } } } })).toEqual([
      { path: 'settings.webhook.idsPath', message: 'is required: the dotted path to the id (or list of ids) a hook names, e.g. "data.ids"' },
      { path: 'settings.webhook.eventTypes.message.created', message: 'maps to message/created, whose ids need settings.webhook.prefixPresets to be resolved' },
    ]);
    expect(await problems({ settings: { webhook: { idsPath: 'data.ids', prefixPresets: { Car: 'item', Boat: 'vessel' } } } })).toEqual([
      { path: 'settings.webhook.prefixPresets.Boat', message: 'must be "item" or "delivery"' },
    ]);
    expect(await problems({ settings: { webhook: { idsPath: 'data.ids', prefixPresets: { 'Car:': 'item' } } } })).toEqual([
      { path: 'settings.webhook.prefixPresets.Car:', message: 'must be a prefix without ":" or spaces, e.g. "Car"' },
    ]);
    expect(await problems({ settings: { webhook: { idsPath: 'data.ids' } } })).toEqual([
      { path: 'settings.webhook.eventTypePath', message: 'is required unless prefixPresets is set (then every hook carries prefixed ids like "Car:1234")' },
    ]);
  });

  it('stores the defaults for what is left out, and keeps them on a later update', async () => {
    const created = await putGeneric(hub, apiKey, { tenantUrl });
    expect(created.status).toBe(201);
    expect(created.body.settings).toMatchObject({
      auth: { type: 'none' },
      items: { path: '/items', resultsPath: 'data', idField: 'id', itemPath: '/items/{id}', itemResultPath: '', paging: { style: 'none' } },
      deliveries: { path: '/orders/{id}', resultPath: '', linesPath: 'lines' },
      units: { length: 'MM', weight: 'KG' },
    });
    const updated = await putGeneric(hub, apiKey, { settings: { items: { paging: { style: 'cursor' } } } });
    expect(updated.status).toBe(200);
    expect(updated.body.settings.items).toMatchObject({ path: '/items', paging: { style: 'cursor', cursorParam: 'cursor', nextCursorPath: 'nextCursor', sizeParam: 'limit' } });
    expect(updated.body.settings.units).toEqual({ length: 'MM', weight: 'KG' });
  });
});

describe('mappings as dotted JSON paths', () => {
  it('offers the documented defaults', async () => {
    const res = await rest(hub.url, 'GET', `${base}/mappings/defaults`, { apiKey });
    expect(res.body).toEqual({
      itemMappings: { sku: 'sku', name: 'name', length: 'length', width: 'width', height: 'height', weight: 'weight', category: 'category' },
      deliveryMappings: { orderId: 'orderId', sku: 'sku', quantity: 'quantity' },
    });
  });

  it('accepts any dotted path for generic-http, and refuses malformed ones', async () => {
    const ok = await rest(hub.url, 'PUT', `${base}/mappings`, { apiKey, body: { itemMappings: { sku: 'article.number', length: 'dimensions.length.value', weight: 'w' } } });
    expect(ok.status).toBe(200);
    expect(ok.body.itemMappings).toEqual({ sku: 'article.number', length: 'dimensions.length.value', weight: 'w' });
    const bad = await rest(hub.url, 'PUT', `${base}/mappings`, { apiKey, body: { itemMappings: { sku: 'article..number', name: 'display name', colour: 'c' } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual([
      { path: 'itemMappings.sku', message: 'source field "article..number" is not a dotted JSON path such as "dimensions.length" (no spaces, no empty segments)' },
      { path: 'itemMappings.name', message: 'source field "display name" is not a dotted JSON path such as "dimensions.length" (no spaces, no empty segments)' },
      { path: 'itemMappings.colour', message: 'unknown target field; item fields are sku, name, length, width, height, weight, category' },
    ]);
  });

  it('keeps SAP to its catalog', async () => {
    const res = await rest(hub.url, 'PUT', '/api/v1/integrations/sap-s4hana', {
      apiKey,
      body: { ...seedConfigureBody, fieldMappings: { itemMappings: { ...seedConfigureBody.fieldMappings.itemMappings, name: 'Product.Description' } } },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([{ path: 'fieldMappings.itemMappings.name', message: expect.stringMatching(/^unknown source field "Product.Description" for sap-s4hana; available: MaterialNumber, /) }]);
  });
});
