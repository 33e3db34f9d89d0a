/**
 * GET /api/v1/openapi.json: a valid OpenAPI 3.1 document listing every route Fastify registered
 * under /api/v1 (read from Fastify's own route tree, not a hand list) and every route of the
 * integrations guide with its examples; every example validates against its schema; real
 * answers of a running hub to every operation validate too (the contract cannot drift from the
 * code); and the reference page renders it in a browser offline, under its strict CSP.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SapSimulator } from '../../tools/sap-simulator';
import { consoleContentSecurityPolicy } from '../../src/console/routes';
import { launchBrowser } from '../support/browser';
import { rest, type JsonResponse } from '../support/http';
import { startTestHub, type TestHub } from '../support/hub';
import { startReceiver, type Receiver } from '../support/receiver';
import { sapIntegrationBody, startSap } from '../support/sap';
import { seedConfigureBody, seedMappingsBody } from '../support/seed';
import { eventually, postWebhook } from '../support/webhooks';

type Json = Record<string, any>;

let hub: TestHub;
let sap: SapSimulator;
let receiver: Receiver;
let apiKey: string;
let orgId: string;
let doc: Json;
let ajv: InstanceType<typeof Ajv2020>;

beforeAll(async () => {
  [hub, sap, receiver] = await Promise.all([startTestHub({ HUB_ALLOW_PRIVATE_TARGETS: 'true' }), startSap({ products: 40 }), startReceiver()]);
  ({ apiKey, orgId } = await hub.createOrg());
  const res = await rest(hub.url, 'GET', '/api/v1/openapi.json');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
  doc = res.body;
  ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(doc, 'openapi');
});
afterAll(async () => {
  await hub?.stop();
  await sap?.close();
  await receiver?.close();
});

const methods = ['get', 'put', 'post', 'delete', 'patch', 'options'];

/** Every operation of the document: [method, path, operation]. */
function operations(): [string, string, Json][] {
  return Object.entries(doc.paths as Json).flatMap(([path, item]) => methods.filter((m) => item[m]).map((m): [string, string, Json] => [m, path, item[m]]));
}

/** A schema of the document (a $ref into its components, or an inline one), compiled against it. */
function validatorOf(schema: Json) {
  return ajv.compile(schema.$ref ? { $ref: `openapi${schema.$ref}` } : schema);
}

function expectValid(schema: Json, value: unknown, what: string) {
  const validate = validatorOf(schema);
  expect(validate(value), `${what}: ${JSON.stringify(validate.errors)}`).toBe(true);
}

/** The routes Fastify registered, read from its printed route tree: [METHOD, /path/{param}]. */
function fastifyRoutes(): [string, string][] {
  const tree = hub.server.app.printRoutes({ commonPrefix: false });
  const stack: string[] = [];
  const routes: [string, string][] = [];
  for (const line of tree.split('\n')) {
    const match = /^((?:│ {3}| {4})*)(?:├── |└── )(.*?)(?: \(([^)]*)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    stack.length = depth;
    const full = (stack[depth - 1] ?? '') + match[2]!;
    stack.push(full);
    const path = full.length > 1 ? full.replace(/\/$/, '') : full;
    for (const method of (match[3] ?? '').split(', ').filter(Boolean)) routes.push([method, path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')]);
  }
  return routes;
}

describe('the document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(structuredClone(doc));
    expect(result.errors ?? [], JSON.stringify(result.errors, null, 1)).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('lists every route Fastify registered under /api/v1, each with its contract', () => {
    const registered = fastifyRoutes().filter(([method, path]) => path.startsWith('/api/v1') && method !== 'HEAD');
    expect(registered.length).toBeGreaterThan(30);
    for (const [method, path] of registered) {
      const op = doc.paths[path]?.[method.toLowerCase()];
      expect(op, `${method} ${path} is not in the document`).toBeDefined();
      expect(op['x-undocumented'], `${method} ${path} has no contract`).toBeUndefined();
    }
    // …and nothing that is not a route.
    for (const [method, path] of operations()) {
      expect(hub.server.app.hasRoute({ method: method.toUpperCase() as 'GET', url: path.replace(/\{([^}]+)\}/g, ':$1') }), `${method} ${path}`).toBe(true);
    }
    expect(new Set(operations().map(([, , op]) => op.operationId)).size).toBe(operations().length);
  });

  it("has every route of the integrations guide, with the guide's bodies as examples", () => {
    const base = '/api/v1/integrations';
    const guide: [string, string][] = [
      ['get', `${base}/connectors`], ['put', `${base}/{connectorType}`], ['get', base], ['get', `${base}/{connectorType}`], ['delete', `${base}/{connectorType}`],
      ['get', `${base}/{connectorType}/mappings`], ['put', `${base}/{connectorType}/mappings`], ['get', `${base}/{connectorType}/mappings/defaults`],
      ['post', `${base}/{connectorType}/mappings/reset`], ['post', `${base}/{connectorType}/test`], ['post', `${base}/{connectorType}/sync`],
      ['get', `${base}/{connectorType}/sync/status`], ['post', `${base}/webhook/{connectorType}/{orgId}`],
    ];
    for (const [method, path] of guide) expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    const json = (method: string, path: string) => doc.paths[path][method];
    expect(json('put', `${base}/{connectorType}`).requestBody.content['application/json'].example).toEqual(seedConfigureBody);
    expect(json('put', `${base}/{connectorType}/mappings`).requestBody.content['application/json'].example).toEqual(seedMappingsBody);
    expect(json('post', `${base}/{connectorType}/test`).responses[200].content['application/json'].example).toEqual({ success: true, message: 'Connection successful' });
    expect(json('post', `${base}/{connectorType}/sync`).responses[200].content['application/json'].example).toEqual({ success: true, itemsSynced: 1247, errors: [] });
    expect(json('get', `${base}/{connectorType}/sync/status`).responses[200].content['application/json'].example).toMatchObject({ lastSyncAt: '2026-04-03T14:30:00Z', lastSyncStatus: 'success', lastSyncItemCount: 1247, lastError: null });
    const webhook = json('post', `${base}/webhook/{connectorType}/{orgId}`);
    expect(webhook.requestBody.content['application/json'].example).toEqual({ outboundDelivery: '80000001' });
    expect(webhook.responses[200].content['application/json'].example).toEqual({ success: true, deliveryId: 'evt_abc123' });
    // The guide's troubleshooting table.
    expect(Object.keys(webhook.responses)).toEqual(expect.arrayContaining(['400', '401', '404', '500']));
    expect(webhook.security).toEqual([{ webhookSignature: [] }, { standardWebhooks: [] }]);
    expect(doc.components.securitySchemes.webhookSignature).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-Webhook-Signature' });
  });

  it('says which error answers each route can give, in the one error shape', () => {
    for (const [method, path, op] of operations()) {
      const statuses = Object.keys(op.responses).map(Number);
      expect(statuses, `${method} ${path}`).toContain(500);
      if (op.security.some((s: Json) => 'apiKey' in s)) expect(statuses, `${method} ${path}`).toEqual(expect.arrayContaining([401, 429]));
      if (op.requestBody && method !== 'options') expect(statuses, `${method} ${path}`).toEqual(expect.arrayContaining([400, 413, 415]));
      // An unknown connector type or id is a 404, except where it is input to create (a 400).
      if (path.includes('{') && op.operationId !== 'configureIntegration' && op.operationId !== 'putEventType') expect(statuses, `${method} ${path}`).toContain(404);
      for (const status of statuses.filter((s) => s >= 400)) expect(op.responses[status].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
    }
    const sync = doc.paths['/api/v1/integrations/{connectorType}/sync'].post;
    expect(Object.keys(sync.responses)).toEqual(['200', '400', '401', '403', '404', '409', '413', '415', '429', '500', '503']);
    expect(sync.parameters).toContainEqual(expect.objectContaining({ name: 'X-Org-Id', in: 'header', required: false }));
    expect(sync.parameters).toContainEqual(expect.objectContaining({ name: 'mode', in: 'query', schema: expect.objectContaining({ enum: ['full', 'incremental'] }) }));
  });

  it('has request schemas generated from the zod schemas that validate the requests', () => {
    const input = doc.components.schemas.IntegrationInput;
    expect(input.additionalProperties).toBe(false);
    expect(input.properties.settings.properties.syncIntervalMinutes.anyOf).toContainEqual(expect.objectContaining({ type: 'integer', minimum: 5, maximum: 10080 }));
    expect(input.properties.fieldMappings).toEqual({ $ref: '#/components/schemas/FieldMappingsInput' });
  });

  it('has examples that validate against their schemas', () => {
    let checked = 0;
    for (const [method, path, op] of operations()) {
      const media = [
        ...(op.requestBody ? [['request', op.requestBody.content['application/json']]] : []),
        ...Object.entries(op.responses as Json).flatMap(([status, response]) => Object.values(response.content ?? {}).map((m) => [status, m])),
      ] as [string, Json][];
      for (const [where, { schema, example }] of media) {
        if (example === undefined) continue;
        expectValid(schema, example, `${method} ${path} ${where}`);
        checked += 1;
      }
      for (const parameter of op.parameters) {
        if (parameter.example === undefined) continue;
        expectValid(parameter.schema, parameter.example, `${method} ${path} parameter ${parameter.name}`);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(60);
  });

  it('checks an example against its schema for real (a wrong one fails)', () => {
    const schema = doc.paths['/api/v1/integrations/{connectorType}'].put.requestBody.content['application/json'].schema;
    expect(validatorOf(schema)({ ...seedConfigureBody, tenantUrl: 42 })).toBe(false);
    expect(validatorOf(schema)({ ...seedConfigureBody, unknownField: true })).toBe(false);
  });
});

describe("a running hub's answers", () => {
  const answered = new Set<string>();

  /** Calls the operation and checks the answer against the document: its status is listed, and its body fits the schema. */
  async function call(method: string, template: string, params: Record<string, string>, options: Parameters<typeof rest>[3] = {}): Promise<JsonResponse> {
    const path = template.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(params[name]!));
    const res = await rest(hub.url, method, path, { apiKey, ...options });
    const op = doc.paths[template.split('?')[0]!][method.toLowerCase()];
    const response = op.responses[res.status];
    expect(response, `${method} ${template} answered ${res.status}, which the document does not list: ${res.text}`).toBeDefined();
    const media = response.content?.['application/json'];
    if (media) expectValid(media.schema, res.body, `${method} ${template} ${res.status}`);
    else if (!response.content) expect(res.text).toBe('');
    if (res.status < 300) answered.add(`${method.toLowerCase()} ${template.split('?')[0]}`);
    return res;
  }

  const integration = '/api/v1/integrations/{connectorType}';
  const sapType = { connectorType: 'sap-s4hana' };

  it('fit the document for every integrations route', async () => {
    expect((await call('GET', '/api/v1/integrations/connectors', {})).status).toBe(200);
    expect((await call('GET', integration, sapType)).status).toBe(404);
    expect((await call('GET', '/api/v1/integrations', {}, { apiKey: 'fpk_test_not-a-key' })).status).toBe(401);
    expect((await call('PUT', integration, sapType, { body: seedConfigureBody })).status).toBe(201);
    expect((await call('PUT', integration, sapType, { body: { tenantUrl: 'not a url' } })).status).toBe(400);
    expect((await call('PUT', integration, sapType, { rawBody: '{"enabled":', headers: { 'content-type': 'application/json' } })).status).toBe(400);
    expect((await call('PUT', integration, sapType, { body: sapIntegrationBody(sap) })).status).toBe(200);
    expect((await call('GET', '/api/v1/integrations', {})).status).toBe(200);
    expect((await call('GET', integration, sapType)).status).toBe(200);
    expect((await call('GET', `${integration}/mappings`, sapType)).status).toBe(200);
    expect((await call('PUT', `${integration}/mappings`, sapType, { body: seedMappingsBody })).status).toBe(200);
    expect((await call('GET', `${integration}/mappings/defaults`, sapType)).status).toBe(200);
    expect((await call('POST', `${integration}/mappings/reset`, sapType)).status).toBe(200);
    expect((await call('POST', `${integration}/test`, sapType)).body).toMatchObject({ success: true });
    expect((await call('POST', `${integration}/sync`, sapType)).body).toMatchObject({ success: true, itemsSynced: 40 });
    const bad = await call('POST', `${integration}/sync?mode=sometimes`, sapType);
    expect(bad.body.error.fields).toEqual([{ path: 'mode', message: 'must be "full" or "incremental"' }]);
    expect((await call('GET', `${integration}/sync/status`, sapType)).body).toMatchObject({ lastSyncStatus: 'success', lastSyncItemCount: 40 });

    const hook = '/api/v1/integrations/webhook/{connectorType}/{orgId}';
    const target = { ...sapType, orgId };
    const signed = await postWebhook(hub, orgId, { outboundDelivery: '80000001' }, { secret: 'whsec_test_secret_123' });
    expect(signed.status).toBe(200);
    expectValid(doc.paths[hook].post.responses[200].content['application/json'].schema, signed.body, 'webhook ack');
    answered.add(`post ${hook}`);
    expect((await call('POST', hook, target, { apiKey: undefined, body: { outboundDelivery: '80000001' }, headers: { 'x-webhook-signature': 'sha256=00' } })).status).toBe(401);
    expect((await call('OPTIONS', hook, target, { apiKey: undefined })).status).toBe(200);
  });

  it('fit the document for every webhook endpoint route', async () => {
    const endpoints = '/api/v1/webhooks';
    const one = `${endpoints}/{id}`;
    expect((await call('GET', `${endpoints}/event-types`, {})).status).toBe(200);
    // A type no other work of this file emits: the receiver gets the test event only.
    const created = await call('POST', endpoints, {}, { body: { url: receiver.url, eventTypes: ['endpoint.disabled'] } });
    expect(created.status).toBe(201);
    const id = { id: created.body.id as string };
    expect((await call('POST', endpoints, {}, { body: { url: receiver.url, eventTypes: ['no.such.event'] } })).status).toBe(400);
    expect((await call('GET', endpoints, {})).status).toBe(200);
    expect((await call('GET', one, id)).status).toBe(200);
    expect((await call('PATCH', one, id, { body: { description: 'the receiver' } })).status).toBe(200);
    expect((await call('GET', `${one}/secret`, id)).status).toBe(200);
    expect((await call('POST', `${one}/secret/rotate`, id)).status).toBe(200);
    const test = await call('POST', `${one}/test`, id, { body: { eventType: 'endpoint.disabled' } });
    expect(test.status).toBe(202);
    await receiver.waitFor(1);
    const messages = await eventually(async () => {
      const res = await call('GET', `${one}/messages`, id);
      return res.body.some((m: Json) => m.status === 'succeeded') ? res : undefined;
    });
    expect(messages.body[0]).toMatchObject({ eventId: test.body.eventId, status: 'succeeded' });
    expect((await call('GET', `${one}/messages?status=succeeded&limit=5`, id)).body).toHaveLength(1);
    const log = await call('GET', `${endpoints}/messages?type=endpoint.disabled&status=succeeded&limit=5`, {});
    expect(log.body.messages.map((m: Json) => m.id)).toEqual([test.body.eventId]);
    expect((await call('GET', `${endpoints}/messages?status=done`, {})).status).toBe(400);
    const badLimit = await call('GET', `${one}/attempts?limit=0`, id);
    expect(badLimit.body.error.fields).toEqual([{ path: 'limit', message: 'must be a whole number from 1 to 500' }]);
    expect((await call('GET', `${one}/attempts`, id)).body).toHaveLength(1);
    expect((await call('POST', `${one}/messages/{eventId}/resend`, { ...id, eventId: test.body.eventId })).status).toBe(202);
    expect((await call('POST', `${one}/recover`, id, { body: { since: 'yesterday' } })).status).toBe(400);
    expect((await call('POST', `${one}/recover`, id, { body: { since: '2026-01-01T00:00:00Z' } })).status).toBe(202);
    expect((await call('DELETE', one, id)).status).toBe(204);
    expect((await call('GET', one, id)).status).toBe(404);
    expect((await call('DELETE', integration, sapType)).status).toBe(204);
  });

  it('fit the document for every organization route (platform keys)', async () => {
    const { apiKey: platformKey } = await hub.services.orgs.createPlatformKey();
    const as = { apiKey: platformKey };
    const orgs = '/api/v1/orgs';
    const one = `${orgs}/{orgId}`;
    const created = await call('POST', orgs, {}, { ...as, body: { name: 'Acme' } });
    expect(created.status).toBe(201);
    const target = { orgId: created.body.orgId as string };
    expect((await call('POST', orgs, {}, { ...as, body: { name: '' } })).status).toBe(400);
    expect((await call('GET', orgs, {}, as)).status).toBe(200);
    expect((await call('GET', orgs, {})).status).toBe(403); // an organization's key
    expect((await call('GET', one, target, as)).status).toBe(200);
    expect((await call('GET', one, { orgId: 'org_nope' }, as)).status).toBe(404);
    expect((await call('POST', `${one}/disable`, target, as)).status).toBe(200);
    expect((await call('POST', `${one}/enable`, target, as)).status).toBe(200);
    const key = await call('POST', `${one}/api-keys`, target, { ...as, body: { label: 'ci' } });
    expect(key.status).toBe(201);
    expect((await call('GET', `${one}/api-keys`, target, as)).body).toHaveLength(2);
    expect((await call('DELETE', `${one}/api-keys/{keyId}`, { ...target, keyId: key.body.keyId }, as)).status).toBe(204);
    expect((await call('DELETE', `${one}/api-keys/{keyId}`, { ...target, keyId: key.body.keyId }, as)).status).toBe(404);
    // X-Org-Id on an organization's route: acting for the new organization, a missing one, another one.
    expect((await call('GET', '/api/v1/integrations', {}, { ...as, headers: { 'x-org-id': target.orgId } })).status).toBe(200);
    expect((await call('GET', '/api/v1/integrations', {}, as)).status).toBe(400);
    expect((await call('GET', '/api/v1/integrations', {}, { headers: { 'x-org-id': target.orgId } })).status).toBe(403);
    expect((await call('GET', '/api/v1/integrations', {}, { ...as, headers: { 'x-org-id': 'org_nope' } })).status).toBe(404);
  });

  it("fit the document for the product's event types and publishing", async () => {
    const { apiKey: platformKey } = await hub.services.orgs.createPlatformKey();
    const as = { apiKey: platformKey };
    const one = '/api/v1/webhooks/event-types/{type}';
    const type = { type: 'offering.status.changed' };
    const definition = doc.paths[one].put.requestBody.content['application/json'].example;
    expect((await call('PUT', one, type, { body: definition })).status).toBe(403); // an organization's key
    expect((await call('PUT', one, type, { ...as, body: definition })).status).toBe(201);
    expect((await call('PUT', one, type, { ...as, body: definition })).status).toBe(200);
    expect((await call('PUT', one, type, { ...as, body: { ...definition, example: {} } })).status).toBe(400);
    expect((await call('PUT', one, { type: 'sync.completed' }, { ...as, body: definition })).status).toBe(409);
    expect((await call('GET', one, type)).status).toBe(200);
    expect((await call('GET', one, { type: 'no.such' })).status).toBe(404);
    expect((await call('GET', '/api/v1/webhooks/event-types', {}, as)).status).toBe(200);
    const publish = doc.paths['/api/v1/events'].post.requestBody.content['application/json'].example;
    expect((await call('POST', '/api/v1/events', {}, { body: publish })).status).toBe(202);
    expect((await call('POST', '/api/v1/events', {}, { body: { ...publish, data: {} } })).status).toBe(400);
    expect((await call('POST', '/api/v1/events', {}, { body: { ...publish, orgId: 'org_other' } })).status).toBe(403);
    const batch = await call('POST', '/api/v1/events/batch', {}, { body: { events: [publish, { ...publish, data: {} }] } });
    expect(batch.body.results).toEqual([{ id: expect.any(String), duplicate: true }, expect.objectContaining({ error: expect.anything() })]);
    expect((await call('POST', '/api/v1/events/batch', {}, { body: { events: [] } })).status).toBe(400);
    expect((await call('POST', `/api/v1/webhooks/{id}/test`, { id: 'ep_nope' }, { body: { eventType: 'offering.status.changed' } })).status).toBe(404);
    expect((await call('DELETE', one, type, { ...as })).status).toBe(200);
    expect((await call('DELETE', one, { type: 'no.such' }, { ...as })).status).toBe(404);
    expect((await call('POST', '/api/v1/events', {}, { body: publish })).status).toBe(400);
  });

  it('fit the document for the reference routes', async () => {
    expect((await call('GET', '/api/v1/openapi.json', {}, { apiKey: undefined })).status).toBe(200);
    const page = await rest(hub.url, 'GET', '/api/v1/docs');
    expect(page.status).toBe(200);
    answered.add('get /api/v1/docs');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(consoleContentSecurityPolicy);
    expect(page.text).not.toMatch(/https?:\/\/|<script(?![^>]*\bsrc=)[^>]*>|<style|style="/);
    for (const [, reference] of page.text.matchAll(/(?:src|href)="([^"]+)"/g)) {
      const file = await fetch(new URL(reference!, `${hub.url}/api/v1/docs`));
      expect(file.status, reference).toBe(200);
    }
    answered.add('get /api/v1/docs/{file}');
    expect((await call('GET', '/api/v1/docs/{file}', { file: 'package.json' }, { apiKey: undefined })).status).toBe(404);
    expect((await call('GET', '/api/v1/docs/{file}', { file: '..%2Fpackage.json' }, { apiKey: undefined })).status).toBe(404);
  });

  it('ask for an API key exactly where the document says so', async () => {
    for (const [method, path, op] of operations()) {
      const url = path.replace(/\{([^}]+)\}/g, (_, name: string) => (name === 'orgId' ? orgId : name === 'connectorType' ? 'sap-s4hana' : 'x1'));
      const res = await rest(hub.url, method.toUpperCase(), url);
      const keyed = op.security.some((s: Json) => 'apiKey' in s);
      if (keyed) expect(res.body?.error?.code, `${method} ${path}`).toBe('UNAUTHENTICATED');
      else expect(res.body?.error?.code, `${method} ${path}`).not.toBe('UNAUTHENTICATED');
    }
  });

  it('were seen for every operation of the document', () => {
    const missing = operations().map(([method, path]) => `${method} ${path}`).filter((key) => !answered.has(key));
    expect(missing).toEqual([]);
  });
});

describe('the reference page in a browser', () => {
  it('lists every operation, loading nothing from another host and breaking no rule of its CSP', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      const origin = new URL(hub.url).origin;
      page.on('console', (message) => {
        if (message.type() === 'error' || message.text().includes('Content Security Policy')) problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('request', (request) => {
        if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) problems.push(`request to another host: ${request.url()}`);
      });
      await page.goto(`${hub.url}/api/v1/docs`);
      await page.locator('.opblock').first().waitFor({ timeout: 15_000 });
      expect(await page.locator('.opblock').count()).toBe(operations().length);
      expect(await page.locator('.opblock-summary-path').allTextContents()).toContain('/api/v1/integrations/{connectorType}/sync');
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
