/**
 * The product's own events: event types with JSON Schemas (loaded from the Fractal catalog at
 * start), publishing with validation and idempotency keys, batches, fan-out by pattern, test
 * events with custom data, and isolation between organizations.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gqlText, rest } from '../support/http';
import { startTestHub, type TestHub } from '../support/hub';
import { startReceiver, type Receiver } from '../support/receiver';
import { eventually, fastJobs } from '../support/webhooks';

const catalog = path.resolve('examples/catalogs/fractal.json');
const offering = { offering_id: 'off_abc123', previous_status: 'pending_review', new_status: 'open' };

let hub: TestHub;
let receiver: Receiver;
let a: { orgId: string; apiKey: string };
let b: { orgId: string; apiKey: string };
/** A platform key: acts for the product, defines event types, publishes for any organization it names. */
let platform: string;

async function register(apiKey: string, eventTypes: string[], url = receiver.url) {
  const res = await rest(hub.url, 'POST', '/api/v1/webhooks', { apiKey, body: { url, eventTypes } });
  expect(res.status, res.text).toBe(201);
  return res.body as { id: string; secret: string };
}

function publish(apiKey: string, body: unknown) {
  return rest(hub.url, 'POST', '/api/v1/events', { apiKey, body });
}

function deliveriesOf(eventId: string) {
  return hub.services.db.eventDelivery.findMany({ where: { eventId } });
}

beforeAll(async () => {
  [hub, receiver] = await Promise.all([startTestHub({ HUB_ALLOW_PRIVATE_TARGETS: 'true', HUB_EVENT_CATALOG: catalog, ...fastJobs }), startReceiver()]);
  [a, b] = await Promise.all([hub.createOrg('A'), hub.createOrg('B')]);
  ({ apiKey: platform } = await hub.services.orgs.createPlatformKey('product backend'));
});
const ownReceivers: Receiver[] = [];
afterAll(async () => {
  await Promise.all([hub?.stop(), receiver?.close(), ...ownReceivers.map((r) => r.close())]);
});

/** A receiver of the test's own: what it gets is that test's deliveries only, whatever else is still being delivered. */
async function ownReceiver(): Promise<Receiver> {
  const own = await startReceiver();
  ownReceivers.push(own);
  return own;
}

describe('event types', () => {
  it("lists the hub's types and the catalog's together, each with its origin", async () => {
    const res = await rest(hub.url, 'GET', '/api/v1/webhooks/event-types', { apiKey: a.apiKey });
    expect(res.status).toBe(200);
    const product = res.body.filter((t: { origin: string }) => t.origin === 'product').map((t: { type: string }) => t.type);
    expect(product).toEqual(['distribution.completed', 'investor.kyc.updated', 'offering.status.changed', 'subscription.status.changed']);
    expect(res.body.find((t: { type: string }) => t.type === 'sync.completed')).toMatchObject({ origin: 'hub', schema: null, archived: false });
    const one = await rest(hub.url, 'GET', '/api/v1/webhooks/event-types/offering.status.changed', { apiKey: b.apiKey });
    expect(one.body).toMatchObject({ type: 'offering.status.changed', origin: 'product', example: offering, archived: false, schema: expect.objectContaining({ required: ['offering_id', 'previous_status', 'new_status'] }) });
    expect((await rest(hub.url, 'GET', '/api/v1/webhooks/event-types/no.such.type', { apiKey: a.apiKey })).status).toBe(404);
  });

  it('are deployment-wide: an organization key may read them but not change them (REST and GraphQL)', async () => {
    const body = { description: 'x', schema: { type: 'object' }, example: {} };
    const put = await rest(hub.url, 'PUT', '/api/v1/webhooks/event-types/offering.created', { apiKey: a.apiKey, body });
    expect(put.status).toBe(403);
    expect(put.body.error.code).toBe('FORBIDDEN');
    const archive = await rest(hub.url, 'DELETE', '/api/v1/webhooks/event-types/offering.status.changed', { apiKey: a.apiKey });
    expect(archive.status).toBe(403);
    const gql = await gqlText(hub.url, a.apiKey, 'mutation { putEventType(type: "offering.created", input: {description: "x", schema: {type: "object"}, example: {}}) { __typename } }');
    expect(gql.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await hub.services.db.productEventType.count({ where: { name: 'offering.created' } })).toBe(0);
    expect((await hub.services.eventTypes.get('offering.status.changed')).archived).toBe(false);
  });

  it('are defined, changed, archived and restored with a platform key, over REST and GraphQL', async () => {
    const body = { description: 'An offering was created', schema: { type: 'object', properties: { offering_id: { type: 'string' } }, required: ['offering_id'] }, example: { offering_id: 'off_new1' } };
    const created = await rest(hub.url, 'PUT', '/api/v1/webhooks/event-types/offering.created', { apiKey: platform, body });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toEqual({ type: 'offering.created', origin: 'product', archived: false, ...body });
    const changed = await rest(hub.url, 'PUT', '/api/v1/webhooks/event-types/offering.created', { apiKey: platform, body: { ...body, description: 'Created' } });
    expect(changed.status).toBe(200);
    const bad = await rest(hub.url, 'PUT', '/api/v1/webhooks/event-types/offering.created', { apiKey: platform, body: { ...body, example: { offering_id: 7 } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual([{ path: 'example.offering_id', message: 'must be string' }]);
    const reserved = await rest(hub.url, 'PUT', '/api/v1/webhooks/event-types/sync.completed', { apiKey: platform, body });
    expect(reserved.status).toBe(409);
    expect((await rest(hub.url, 'DELETE', '/api/v1/webhooks/event-types/sync.completed', { apiKey: platform })).status).toBe(409);
    const archived = await rest(hub.url, 'DELETE', '/api/v1/webhooks/event-types/offering.created', { apiKey: platform });
    expect(archived.body).toMatchObject({ type: 'offering.created', archived: true });
    // The platform key reads the catalog without naming an organization.
    const listed = await rest(hub.url, 'GET', '/api/v1/webhooks/event-types', { apiKey: platform });
    expect(listed.body.find((t: { type: string }) => t.type === 'offering.created')).toMatchObject({ archived: true });
    const gql = await gqlText(hub.url, platform, 'mutation($input: EventTypeInput!) { putEventType(type: "offering.created", input: $input) { __typename ... on MutationPutEventTypeSuccess { data { type archived origin } } } }', { variables: { input: body } });
    expect((gql.data as any).putEventType.data).toEqual({ type: 'offering.created', archived: false, origin: 'product' });
    const read = await gqlText(hub.url, platform, '{ eventType(type: "offering.created") { description exampleData schema } eventTypes { type } }');
    expect((read.data as any).eventType).toEqual({ description: body.description, exampleData: body.example, schema: body.schema });
    expect((read.data as any).eventTypes.length).toBeGreaterThan(20);
    const archive = await gqlText(hub.url, platform, 'mutation { archiveEventType(type: "offering.created") { __typename ... on MutationArchiveEventTypeSuccess { data { archived } } } }');
    expect((archive.data as any).archiveEventType.data).toEqual({ archived: true });
  });

  it('check names, schemas and examples; the hub\'s own types are reserved', async () => {
    const types = hub.services.eventTypes;
    await expect(types.put('Offering.Created', { description: 'x', schema: { type: 'object' }, example: {} })).rejects.toMatchObject({ fields: [{ path: 'type', message: expect.stringContaining('lowercase dotted') }] });
    await expect(types.put('sync.completed', { description: 'x', schema: { type: 'object' }, example: {} })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(types.put('a.b', { description: 'x', schema: { type: 'objekt' }, example: {} })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', fields: [expect.objectContaining({ path: expect.stringMatching(/^schema/) })] });
    await expect(types.put('a.b', { description: 'x', schema: { type: 'object', required: ['n'], properties: { n: { type: 'integer' } } }, example: { n: 'one' } })).rejects.toMatchObject({ fields: [{ path: 'example.n', message: 'must be integer' }] });
    const { created } = await types.put('a.b', { description: 'x', schema: { $id: 'https://example.com/a.b', type: 'object', properties: { at: { type: 'string', format: 'date-time' } } }, example: { at: '2026-02-15T12:00:00Z' } });
    expect(created).toBe(true);
    // Same $id again (a change of the type): compiles again without clashing.
    expect((await types.put('a.b', { description: 'y', schema: { $id: 'https://example.com/a.b', type: 'object' }, example: {} })).created).toBe(false);
  });
});

describe('publishing', () => {
  it('delivers to the endpoints whose patterns take the type, with "type" beside "event"', async () => {
    const offeringEndpoint = await register(a.apiKey, ['offering.*']);
    const all = await register(a.apiKey, ['*']);
    const other = await register(a.apiKey, ['investor.kyc.updated']);
    const res = await publish(a.apiKey, { event: 'offering.status.changed', data: offering });
    expect(res.status, res.text).toBe(202);
    expect(res.body).toEqual({ id: expect.stringMatching(/^msg_/) });
    const deliveries = await deliveriesOf(res.body.id);
    expect(deliveries.map((d) => d.endpointId).sort()).toEqual([offeringEndpoint.id, all.id].sort());
    expect(deliveries.map((d) => d.endpointId)).not.toContain(other.id);
    const received = await receiver.waitFor(2);
    const body = JSON.parse(received[0]!.body);
    expect(body).toEqual({ id: res.body.id, event: 'offering.status.changed', type: 'offering.status.changed', timestamp: expect.any(String), data: offering });
    expect(Object.keys(body)).toEqual(['id', 'event', 'type', 'timestamp', 'data']);
    for (const endpoint of [offeringEndpoint, all, other]) await rest(hub.url, 'DELETE', `/api/v1/webhooks/${endpoint.id}`, { apiKey: a.apiKey });
  });

  it('signs a body that survives JSON.parse and JSON.stringify byte for byte', async () => {
    await hub.services.eventTypes.put('tricky.data', { description: 'anything', schema: { type: 'object' }, example: {} });
    const own = await ownReceiver();
    const endpoint = await register(a.apiKey, ['tricky.data'], own.url);
    // Integer-like keys (which JavaScript orders first), unicode, escapes, floats, nesting.
    const raw = '{"event":"tricky.data","data":{"b":1,"10":2,"2":3,"text":"Ünïcødé \\u2028 \\"q\\" 🚀","n":1.50,"e":1e21,"nested":{"z":[1,{"y":null}],"a":true}}}';
    const res = await rest(hub.url, 'POST', '/api/v1/events', { apiKey: a.apiKey, rawBody: raw, headers: { 'content-type': 'application/json' } });
    expect(res.status, res.text).toBe(202);
    const [delivery] = await own.waitFor(1, 30_000);
    expect(JSON.stringify(JSON.parse(delivery!.body))).toBe(delivery!.body);
    await rest(hub.url, 'DELETE', `/api/v1/webhooks/${endpoint.id}`, { apiKey: a.apiKey });
  });

  it('refuses data that violates the schema, naming each failing path, and stores nothing', async () => {
    const endpoint = await register(a.apiKey, ['*']);
    const events = await hub.services.db.hubEvent.count();
    const res = await publish(a.apiKey, { event: 'distribution.completed', data: { distribution_id: 'dist_001', gross_amount: 10000, net_amount: '9000.00', extra: true } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.fields).toEqual(expect.arrayContaining([
      { path: 'data.gross_amount', message: 'must be string' },
      { path: 'data.wht_deducted', message: 'is required' },
      { path: 'data.extra', message: 'unknown field' },
    ]));
    expect(res.body.error.fields).toHaveLength(3);
    const unknown = await publish(a.apiKey, { event: 'offering.deleted', data: {} });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toEqual([{ path: 'event', message: expect.stringContaining('unknown event type') }]);
    const hubType = await publish(a.apiKey, { event: 'sync.completed', data: {} });
    expect(hubType.body.error.fields).toEqual([{ path: 'event', message: expect.stringContaining("hub's own") }]);
    const shape = await publish(a.apiKey, { event: 'offering.status.changed', data: [], extra: 1 });
    expect(shape.body.error.fields).toEqual(expect.arrayContaining([{ path: 'data', message: 'must be a JSON object' }, { path: 'extra', message: 'unknown field' }]));
    expect(await hub.services.db.hubEvent.count()).toBe(events);
    await rest(hub.url, 'DELETE', `/api/v1/webhooks/${endpoint.id}`, { apiKey: a.apiKey });
  });

  it('refuses an archived type, keeping what was published', async () => {
    await hub.services.eventTypes.put('archive.me', { description: 'soon gone', schema: { type: 'object' }, example: {} });
    const endpoint = await register(a.apiKey, ['archive.me']);
    const first = await publish(a.apiKey, { event: 'archive.me', data: {} });
    expect(first.status).toBe(202);
    expect((await hub.services.eventTypes.archive('archive.me')).archived).toBe(true);
    const refused = await publish(a.apiKey, { event: 'archive.me', data: {} });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toEqual([{ path: 'event', message: 'event type "archive.me" is archived and takes no new events' }]);
    expect(await deliveriesOf(first.body.id)).toHaveLength(1);
    const listed = await rest(hub.url, 'GET', '/api/v1/webhooks/event-types/archive.me', { apiKey: a.apiKey });
    expect(listed.body.archived).toBe(true);
    await rest(hub.url, 'DELETE', `/api/v1/webhooks/${endpoint.id}`, { apiKey: a.apiKey });
  });

  it('answers a repeated idempotency key with the first id and sends nothing new, also when the repeats arrive at once', async () => {
    const endpoint = await register(a.apiKey, ['subscription.*']);
    const body = { event: 'subscription.status.changed', data: { subscription_id: 'sub_xyz789', previous_status: 'payment_pending', new_status: 'paid' }, idempotencyKey: 'sub_xyz789-paid' };
    const first = await publish(a.apiKey, body);
    const again = await publish(a.apiKey, body);
    expect(again.body.id).toBe(first.body.id);
    const racing = await Promise.all(Array.from({ length: 10 }, () => publish(a.apiKey, { ...body, idempotencyKey: 'raced' })));
    expect(racing.map((r) => r.status)).toEqual(Array(10).fill(202));
    expect(new Set(racing.map((r) => r.body.id)).size).toBe(1);
    const delivered = await hub.services.db.eventDelivery.findMany({ where: { endpointId: endpoint.id } });
    expect(delivered.map((d) => d.eventId).sort()).toEqual([first.body.id, racing[0]!.body.id].sort());
    // Per organization: B's same key is B's own message.
    const forB = await publish(b.apiKey, body);
    expect(forB.body.id).not.toBe(first.body.id);
    // After 24 hours the key is free again.
    await hub.services.db.publishIdempotencyKey.updateMany({ where: { orgId: a.orgId, key: body.idempotencyKey }, data: { createdAt: new Date(Date.now() - 25 * 3_600_000) } });
    const later = await publish(a.apiKey, body);
    expect(later.body.id).not.toBe(first.body.id);
    await rest(hub.url, 'DELETE', `/api/v1/webhooks/${endpoint.id}`, { apiKey: a.apiKey });
  });

  it('answers one id for a key repeated at two instances at once', async () => {
    const second = await startTestHub({ HUB_ALLOW_PRIVATE_TARGETS: 'true', HUB_WORKER: 'false' }, { shared: hub.db });
    try {
      const endpoint = await register(a.apiKey, ['offering.*']);
      const body = { event: 'offering.status.changed', data: offering, idempotencyKey: 'two-instances' };
      const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => rest(i % 2 ? second.url : hub.url, 'POST', '/api/v1/events', { apiKey: a.apiKey, body })));
      expect(answers.map((r) => r.status)).toEqual(Array(8).fill(202));
      expect(new Set(answers.map((r) => r.body.id)).size).toBe(1);
      expect(await hub.services.db.eventDelivery.count({ where: { endpointId: endpoint.id } })).toBe(1);
      await rest(hub.url, 'DELETE', `/api/v1/webhooks/${endpoint.id}`, { apiKey: a.apiKey });
    } finally {
      await second.stop();
    }
  });

  it('publishes a batch in one transaction with a result per event', async () => {
    const endpoint = await register(a.apiKey, ['investor.*']);
    const kyc = (id: string) => ({ event: 'investor.kyc.updated', data: { investor_id: id, previous_status: 'pending', new_status: 'approved' } });
    const res = await rest(hub.url, 'POST', '/api/v1/events/batch', {
      apiKey: a.apiKey,
      body: { events: [kyc('inv_1'), { ...kyc('inv_2'), idempotencyKey: 'k2' }, { event: 'investor.kyc.updated', data: { investor_id: 42 } }, { ...kyc('inv_2b'), idempotencyKey: 'k2' }] },
    });
    expect(res.status, res.text).toBe(202);
    const [one, two, bad, repeat] = res.body.results;
    expect(one).toEqual({ id: expect.stringMatching(/^msg_/), duplicate: false });
    expect(two).toEqual({ id: expect.stringMatching(/^msg_/), duplicate: false });
    expect(bad.error.fields).toEqual(expect.arrayContaining([{ path: 'data.investor_id', message: 'must be string' }, { path: 'data.new_status', message: 'is required' }]));
    expect(repeat).toEqual({ id: two.id, duplicate: true });
    expect(await hub.services.db.eventDelivery.count({ where: { endpointId: endpoint.id } })).toBe(2);
    const tooMany = await rest(hub.url, 'POST', '/api/v1/events/batch', { apiKey: a.apiKey, body: { events: Array(1001).fill(kyc('inv_3')) } });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.fields).toEqual([{ path: 'events', message: 'must be at most 1000 events' }]);
    await rest(hub.url, 'DELETE', `/api/v1/webhooks/${endpoint.id}`, { apiKey: a.apiKey });
    // The limit itself, for B (whose endpoints take none of them: the fan-out's cost is the benchmark's subject).
    const thousand = await rest(hub.url, 'POST', '/api/v1/events/batch', { apiKey: b.apiKey, body: { events: Array.from({ length: 1000 }, (_, i) => ({ ...kyc(`inv_${i}`), idempotencyKey: `batch-${i}` })) } });
    expect(thousand.status).toBe(202);
    expect(new Set(thousand.body.results.map((r: { id: string }) => r.id)).size).toBe(1000);
    expect(await hub.services.db.publishIdempotencyKey.count({ where: { orgId: b.orgId, key: { startsWith: 'batch-' } } })).toBe(1000);
  }, 90_000);

  it('publishes through GraphQL too', async () => {
    const endpoint = await register(a.apiKey, ['offering.status.changed']);
    const mutation = 'mutation($input: PublishEventInput!) { publishEvent(input: $input) { __typename ... on MutationPublishEventSuccess { data { id duplicate } } ... on ValidationError { fields { path message } } } }';
    const ok = await gqlText(hub.url, a.apiKey, mutation, { variables: { input: { event: 'offering.status.changed', data: offering, idempotencyKey: 'gql-1' } } });
    const published = (ok.data as any).publishEvent;
    expect(published.data).toEqual({ id: expect.stringMatching(/^msg_/), duplicate: false });
    const again = await gqlText(hub.url, a.apiKey, mutation, { variables: { input: { event: 'offering.status.changed', data: offering, idempotencyKey: 'gql-1' } } });
    expect((again.data as any).publishEvent.data).toEqual({ id: published.data.id, duplicate: true });
    const bad = await gqlText(hub.url, a.apiKey, mutation, { variables: { input: { event: 'offering.status.changed', data: { ...offering, offering_id: 'nope' } } } });
    expect((bad.data as any).publishEvent.fields).toEqual([{ path: 'data.offering_id', message: 'must match pattern "^off_[A-Za-z0-9]+$"' }]);
    expect(await deliveriesOf(published.data.id)).toHaveLength(1);
    await rest(hub.url, 'DELETE', `/api/v1/webhooks/${endpoint.id}`, { apiKey: a.apiKey });
  });
});

describe('publishing with a platform key', () => {
  it('publishes for the organization each event names, and only with one', async () => {
    const endpointOfB = await register(b.apiKey, ['offering.*']);
    const res = await publish(platform, { event: 'offering.status.changed', data: offering, orgId: b.orgId });
    expect(res.status, res.text).toBe(202);
    expect((await deliveriesOf(res.body.id)).map((d) => d.endpointId)).toEqual([endpointOfB.id]);
    const unnamed = await publish(platform, { event: 'offering.status.changed', data: offering });
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.error.fields).toEqual([{ path: 'orgId', message: expect.stringContaining('required with a platform key') }]);
    const unknown = await publish(platform, { event: 'offering.status.changed', data: offering, orgId: 'org_doesnotexist' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toEqual([{ path: 'orgId', message: expect.stringContaining('does not exist') }]);
    const batch = await rest(hub.url, 'POST', '/api/v1/events/batch', {
      apiKey: platform,
      body: { events: [{ event: 'offering.status.changed', data: offering, orgId: a.orgId }, { event: 'offering.status.changed', data: offering, orgId: b.orgId }, { event: 'offering.status.changed', data: offering, orgId: 'org_doesnotexist' }] },
    });
    expect(batch.status).toBe(202);
    const [forA, forB, nowhere] = batch.body.results;
    expect(await deliveriesOf(forA.id)).toEqual([]);
    expect((await deliveriesOf(forB.id)).map((d) => d.endpointId)).toEqual([endpointOfB.id]);
    expect(nowhere.error.fields).toEqual([{ path: 'orgId', message: expect.stringContaining('does not exist') }]);
    // GraphQL: X-Org-Id is not needed, orgId in the input names the organization.
    const gql = await gqlText(hub.url, platform, 'mutation($input: PublishEventInput!) { publishEvent(input: $input) { __typename ... on MutationPublishEventSuccess { data { id } } } }', { variables: { input: { event: 'offering.status.changed', data: offering, orgId: b.orgId } } });
    const id = (gql.data as any).publishEvent.data.id;
    expect((await deliveriesOf(id)).map((d) => d.endpointId)).toEqual([endpointOfB.id]);
    // Idempotency keys are per organization whoever publishes: the platform key's repeat for B is B's first message.
    const first = await publish(b.apiKey, { event: 'offering.status.changed', data: offering, idempotencyKey: 'shared-key' });
    const again = await publish(platform, { event: 'offering.status.changed', data: offering, idempotencyKey: 'shared-key', orgId: b.orgId });
    expect(again.body.id).toBe(first.body.id);
    await rest(hub.url, 'DELETE', `/api/v1/webhooks/${endpointOfB.id}`, { apiKey: b.apiKey });
  });
});

describe('isolation', () => {
  it("an organization's events reach its own endpoints only, and its key cannot publish for another", async () => {
    const endpointOfB = await register(b.apiKey, ['*']);
    const fromA = await publish(a.apiKey, { event: 'offering.status.changed', data: offering });
    expect(fromA.status).toBe(202);
    expect(await deliveriesOf(fromA.body.id)).toEqual([]);
    const forged = await publish(a.apiKey, { event: 'offering.status.changed', data: offering, orgId: b.orgId });
    expect(forged.status).toBe(403);
    expect(forged.body.error.code).toBe('FORBIDDEN');
    const forgedBatch = await rest(hub.url, 'POST', '/api/v1/events/batch', { apiKey: a.apiKey, body: { events: [{ event: 'offering.status.changed', data: offering, orgId: b.orgId }] } });
    expect(forgedBatch.status).toBe(403);
    const gql = await gqlText(hub.url, a.apiKey, 'mutation($input: PublishEventInput!) { publishEvent(input: $input) { __typename } }', { variables: { input: { event: 'offering.status.changed', data: offering, orgId: b.orgId } } });
    expect((gql.data as any).publishEvent.__typename).toBe('ForbiddenError');
    expect(await hub.services.db.eventDelivery.count({ where: { endpointId: endpointOfB.id } })).toBe(0);
    // Naming its own organization is allowed.
    expect((await publish(a.apiKey, { event: 'offering.status.changed', data: offering, orgId: a.orgId })).status).toBe(202);
    // B cannot see A's messages or test A's endpoints.
    const endpointOfA = await register(a.apiKey, ['offering.*']);
    expect((await rest(hub.url, 'POST', `/api/v1/webhooks/${endpointOfA.id}/test`, { apiKey: b.apiKey, body: { eventType: 'offering.status.changed' } })).status).toBe(404);
    expect((await rest(hub.url, 'GET', `/api/v1/webhooks/${endpointOfA.id}/messages`, { apiKey: b.apiKey })).status).toBe(404);
    await rest(hub.url, 'DELETE', `/api/v1/webhooks/${endpointOfA.id}`, { apiKey: a.apiKey });
    await rest(hub.url, 'DELETE', `/api/v1/webhooks/${endpointOfB.id}`, { apiKey: b.apiKey });
  });
});

describe('test events', () => {
  it("send the type's example, or custom data validated against its schema", async () => {
    const own = await ownReceiver();
    const endpoint = await register(a.apiKey, ['offering.*'], own.url);
    const example = await rest(hub.url, 'POST', `/api/v1/webhooks/${endpoint.id}/test`, { apiKey: a.apiKey, body: { eventType: 'distribution.completed' } });
    expect(example.status, example.text).toBe(202);
    const custom = { offering_id: 'off_custom1', previous_status: 'open', new_status: 'closed' };
    const customised = await rest(hub.url, 'POST', `/api/v1/webhooks/${endpoint.id}/test`, { apiKey: a.apiKey, body: { eventType: 'offering.status.changed', data: custom } });
    expect(customised.status).toBe(202);
    const received = (await own.waitFor(2, 30_000)).map((r) => JSON.parse(r.body));
    expect(received.find((r) => r.id === example.body.eventId).data).toEqual({ distribution_id: 'dist_001', gross_amount: '10000.00', wht_deducted: '1000.00', net_amount: '9000.00' });
    expect(received.find((r) => r.id === customised.body.eventId).data).toEqual(custom);
    const bad = await rest(hub.url, 'POST', `/api/v1/webhooks/${endpoint.id}/test`, { apiKey: a.apiKey, body: { eventType: 'offering.status.changed', data: { offering_id: 'off_1' } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual([{ path: 'data.previous_status', message: 'is required' }, { path: 'data.new_status', message: 'is required' }]);
    const gql = await gqlText(hub.url, a.apiKey, 'mutation($id: String!, $data: JSONObject) { sendTestEvent(endpointId: $id, eventType: "offering.status.changed", data: $data) { __typename } }', { variables: { id: endpoint.id, data: custom } });
    expect((gql.data as any).sendTestEvent.__typename).toBe('MutationSendTestEventSuccess');
    await eventually(async () => ((await hub.services.db.eventDelivery.count({ where: { endpointId: endpoint.id, status: 'succeeded' } })) === 3 ? true : undefined), 30_000);
    await rest(hub.url, 'DELETE', `/api/v1/webhooks/${endpoint.id}`, { apiKey: a.apiKey });
  });
});
