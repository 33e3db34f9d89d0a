/**
 * Organization isolation through Relay global ids and pagination cursors: another
 * organization's `node(id:)` / `nodes(ids:)` is null (never an internal error, never an error log
 * line), and its cursors position none of the caller's lists.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/lib/ids';
import { gql, rest } from '../support/http';
import { startTestHub, type TestHub } from '../support/hub';
import { seedConfigureBody } from '../support/seed';
import { NodeQuery, NodesQuery, PagesQuery } from './node-documents';

let hub: TestHub;
let a: Org;
let b: Org;

interface Org {
  orgId: string;
  apiKey: string;
  integrationId: string;
  endpointId: string;
}

const lists = ['items', 'deliveries', 'syncRuns', 'webhookEvents', 'transferRequests', 'webhookMessages', 'deliveryAttempts'] as const;
type ListName = (typeof lists)[number];
/** Lists sorted ascending (by SKU, by order id); the others are newest first. */
const ascending = new Set<ListName>(['items', 'deliveries']);
const base = Date.now() - 3_600_000;
const at = (step: number) => new Date(base + step * 1000);

async function setUpOrg(name: string): Promise<Org> {
  const { orgId, apiKey } = await hub.createOrg(name);
  const created = await rest(hub.url, 'PUT', '/api/v1/integrations/sap-s4hana', { apiKey, body: seedConfigureBody });
  expect(created.status).toBe(201);
  const endpointId = newId('ep');
  await hub.services.db.webhookEndpoint.create({
    data: { id: endpointId, orgId, url: `https://${name}.example/hook`, eventTypes: '["*"]', secretSealed: 'not-read-here' },
  });
  return { orgId, apiKey, integrationId: created.body.id, endpointId };
}

/** One row of every kind for the org, sorting at `step` in time and at `key` by name. */
async function seedRow(org: Org, step: number, key: string): Promise<void> {
  const db = hub.services.db;
  const { orgId, integrationId } = org;
  const time = at(step);
  const secret = `private-${orgId}-${key}`;
  await db.item.create({ data: { id: newId('itm'), orgId, sku: key, name: secret } });
  await db.delivery.create({
    data: { id: newId('dlv'), orgId, orderId: key, lines: { create: [{ id: newId('dln'), lineNumber: '10', sku: key, quantity: 1 }] } },
  });
  await db.syncRun.create({
    data: { id: newId('run'), orgId, integrationId, connectorType: 'sap-s4hana', mode: 'full', trigger: 'manual', status: 'success', errors: [], startedAt: time },
  });
  const eventId = newId('evt');
  await db.webhookEvent.create({
    data: {
      id: eventId, orgId, integrationId, connectorType: 'sap-s4hana', receivedAt: time, body: JSON.stringify({ secret }),
      headers: '{}', signatureScheme: 'x-webhook-signature', status: 'processed',
    },
  });
  await db.transferRequest.create({
    data: { id: newId('trq'), orgId, integrationId, eventId, connectorType: 'sap-s4hana', scope: 'item/updated', externalId: key, status: 'succeeded', createdAt: time },
  });
  const hubEventId = newId('msg');
  await db.hubEvent.create({ data: { id: hubEventId, orgId, type: 'item.updated', payload: JSON.stringify({ secret }), createdAt: time } });
  const deliveryId = newId('odl');
  await db.eventDelivery.create({
    data: { id: deliveryId, orgId, eventId: hubEventId, endpointId: org.endpointId, status: 'succeeded', createdAt: time, updatedAt: time },
  });
  await db.deliveryAttempt.create({
    data: { id: newId('att'), orgId, deliveryId, endpointId: org.endpointId, attemptedAt: time, statusCode: 200, latencyMs: 5, responseBody: secret },
  });
}

type Pages = NonNullable<Awaited<ReturnType<typeof pages>>['data']>;

function pages(org: Org, cursors: Partial<Record<ListName, string>> = {}) {
  return gql(hub.url, org.apiKey, PagesQuery, { endpointId: org.endpointId, ...cursors });
}

function edgesOf(page: Pages, list: ListName): { cursor: string; id: string }[] {
  return page[list].edges.map((edge) => ({ cursor: edge.cursor, id: 'id' in edge.node ? edge.node.id : edge.node.attemptId }));
}

function errorLogLines(): string[] {
  return hub.logs.filter((line) => (JSON.parse(line) as { level: number }).level >= 50);
}

/** A well-formed global id of a type, for a row that does not exist. */
function globalId(typename: string, id: string): string {
  return Buffer.from(`${typename}:${id}`).toString('base64');
}

let aPage: Pages;
let aNodeIds: string[];

beforeAll(async () => {
  hub = await startTestHub();
  a = await setUpOrg('a');
  b = await setUpOrg('b');
  // A's row M-1 at step 2 sorts before two of B's rows in every list (Y-0 and Z-1 by name; steps 1
  // and 0 newest first), so a cursor that positioned B's list would leave one row after skipping.
  await seedRow(a, 2, 'M-1');
  await seedRow(a, 4, 'N-2');
  await seedRow(b, 0, 'Y-0');
  await seedRow(b, 1, 'Z-1');
  await seedRow(b, 3, 'A-3');
  const answer = await pages(a);
  expect(answer.errors).toBeUndefined();
  aPage = answer.data!;
  aNodeIds = [...lists.filter((list) => list !== 'deliveryAttempts').map((list) => edgesOf(aPage, list)[0]!.id), aPage.webhookEndpoints[0]!.id];
});
afterAll(() => hub?.stop());

describe('node(id:) and nodes(ids:)', () => {
  it("loads each of the organization's own nodes, nested relations included", async () => {
    const typenames = new Set<string>();
    for (const id of aNodeIds) {
      const answer = await gql(hub.url, a.apiKey, NodeQuery, { id });
      expect(answer.errors, id).toBeUndefined();
      expect(answer.data!.node).toMatchObject({ id });
      typenames.add(answer.data!.node!.__typename);
    }
    expect([...typenames].sort()).toEqual(['Delivery', 'Item', 'SyncRun', 'TransferRequest', 'WebhookEndpoint', 'WebhookEvent', 'WebhookMessage']);
    const all = await gql(hub.url, a.apiKey, NodesQuery, { ids: aNodeIds });
    expect(all.errors).toBeUndefined();
    expect(all.data!.nodes.map((node) => node?.id)).toEqual(aNodeIds);
  });

  it("answers null for every type of another organization's node, with no error and no error log line", async () => {
    const logged = errorLogLines().length;
    for (const id of aNodeIds) {
      const answer = await gql(hub.url, b.apiKey, NodeQuery, { id });
      expect(answer.errors, id).toBeUndefined();
      expect(answer.data!.node, id).toBeNull();
    }
    const all = await gql(hub.url, b.apiKey, NodesQuery, { ids: aNodeIds });
    expect(all.errors).toBeUndefined();
    expect(all.data!.nodes).toEqual(aNodeIds.map(() => null));
    expect(all.text).not.toContain(`private-${a.orgId}`);
    expect(errorLogLines().slice(logged)).toEqual([]);
  });

  it('answers null for ids of rows that do not exist and for types that are not nodes, with no error log line', async () => {
    const logged = errorLogLines().length;
    const unknown = [
      ...['WebhookEvent', 'TransferRequest', 'SyncRun', 'Item', 'Delivery', 'WebhookEndpoint', 'WebhookMessage'].map((type) => globalId(type, 'nope_0000')),
      globalId('Integration', a.integrationId),
      globalId('NoSuchType', '1'),
    ];
    for (const id of unknown) {
      const answer = await gql(hub.url, a.apiKey, NodeQuery, { id });
      expect(answer.errors, id).toBeUndefined();
      expect(answer.data!.node, id).toBeNull();
    }
    const all = await gql(hub.url, a.apiKey, NodesQuery, { ids: [...unknown, aNodeIds[0]!] });
    expect(all.errors).toBeUndefined();
    expect(all.data!.nodes.map((node) => node?.id ?? null)).toEqual([...unknown.map(() => null), aNodeIds[0]]);
    expect(errorLogLines().slice(logged)).toEqual([]);
  });

  it('refuses a malformed global id as bad input, not as an internal error', async () => {
    const logged = errorLogLines().length;
    const answer = await gql(hub.url, a.apiKey, NodeQuery, { id: '%%% not an id' });
    expect(answer.errors?.[0]?.message).toMatch(/invalid global id/i);
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errorLogLines().slice(logged)).toEqual([]);
  });
});

describe('pagination cursors', () => {
  it("paginate the organization's own lists", async () => {
    for (const list of lists) {
      const own = edgesOf(aPage, list);
      expect(own, list).toHaveLength(2);
      const next = await pages(a, { [list]: own[0]!.cursor });
      expect(edgesOf(next.data!, list).map((edge) => edge.id), list).toEqual([own[1]!.id]);
    }
  });

  it("position none of another organization's lists: a foreign cursor is treated like one of a row that is gone", async () => {
    const full = (await pages(b)).data!;
    for (const list of lists) expect(edgesOf(full, list), list).toHaveLength(3);
    // The A row that sorts between B's two rows, in each list's order.
    const foreign = Object.fromEntries(lists.map((list) => [list, edgesOf(aPage, list)[ascending.has(list) ? 0 : 1]!.cursor]));
    const answer = await pages(b, foreign);
    expect(answer.errors).toBeUndefined();
    const counts = (page: Pages) => Object.fromEntries(lists.map((list) => [list, edgesOf(page, list).length]));
    expect(counts(answer.data!)).toEqual(Object.fromEntries(lists.map((list) => [list, 0])));
    // Exactly what a cursor of a deleted row answers: nothing tells B whether A's row exists.
    const goneId = newId('itm');
    const gone = Object.fromEntries(lists.map((list) => [list, Buffer.from(`GPC:S:${goneId}`).toString('base64')]));
    expect(counts((await pages(b, gone)).data!)).toEqual(counts(answer.data!));
  });

  it('refuses a malformed cursor as bad input, not as an internal error', async () => {
    const logged = errorLogLines().length;
    const answer = await pages(a, { items: 'not a cursor' });
    expect(answer.errors?.[0]?.message).toMatch(/invalid cursor/i);
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errorLogLines().slice(logged)).toEqual([]);
  });
});
