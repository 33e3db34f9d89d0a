/**
 * The message log: an organization's outbound messages by type, status and time range, each
 * with its deliveries per endpoint, over REST and GraphQL, paged by cursor and held to the
 * caller's organization (its cursors and global ids included); each filter's page is read
 * through an index in order, as the database's query plan shows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testProvider } from '../support/database';
import { gql, rest } from '../support/http';
import { startTestHub, type TestHub } from '../support/hub';
import { startReceiver, type Receiver } from '../support/receiver';
import { eventually, fastJobs } from '../support/webhooks';
import { MessageLogQuery, OutboundMessageNodeQuery } from './endpoint-documents';

let hub: TestHub;
let receiver: Receiver;
let a: { orgId: string; apiKey: string };
let b: { orgId: string; apiKey: string };
let okId: string;
let badId: string;
/** Org A's message ids, oldest first: item.updated ×3 (one endpoint), sync.completed ×2 (two endpoints). */
let ids: string[];
const t0 = Date.parse('2026-04-03T14:00:00.000Z');
const minute = 60_000;

async function endpoint(apiKey: string, path: string, events: string[]): Promise<string> {
  const res = await rest(hub.url, 'POST', '/api/v1/webhooks', { apiKey, body: { url: `${receiver.url}${path}`, events } });
  expect(res.status).toBe(201);
  return (res.body as { id: string }).id;
}

async function log(apiKey: string, query: Record<string, string | number | undefined> = {}) {
  const qs = new URLSearchParams(Object.entries(query).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]]))).toString();
  return rest(hub.url, 'GET', `/api/v1/webhooks/messages${qs ? `?${qs}` : ''}`, { apiKey });
}

beforeAll(async () => {
  [hub, receiver] = await Promise.all([startTestHub({ HUB_ALLOW_PRIVATE_TARGETS: 'true', ...fastJobs }), startReceiver()]);
  // The second endpoint refuses everything with a 400: its deliveries stay pending, retried later.
  receiver.respond = (request) => (request.path === '/log-bad' ? { status: 400, body: 'no' } : { status: 200, body: 'ok' });
  a = await hub.createOrg('Log A');
  b = await hub.createOrg('Log B');
  okId = await endpoint(a.apiKey, '/log-ok', ['*']);
  badId = await endpoint(a.apiKey, '/log-bad', ['sync.*']);
  await endpoint(b.apiKey, '/log-b', ['*']);
  const types = ['item.updated', 'item.updated', 'item.updated', 'sync.completed', 'sync.completed'];
  const { db, outbox } = hub.services;
  const emitted = await db.$transaction((tx) =>
    outbox.emitMany(tx, [
      ...types.map((type, n) => ({ orgId: a.orgId, type, data: { n }, now: new Date(t0 + n * minute) })),
      ...[0, 1].map((n) => ({ orgId: b.orgId, type: 'item.updated', data: { n }, now: new Date(t0 + n * minute) })),
    ]),
  );
  outbox.committed();
  ids = emitted.slice(0, 5).map((e) => e.id);
  // 5 successes at /log-ok, 2 at /log-b, and the first 400 of each of the 2 pending at /log-bad.
  await eventually(async () => {
    const settled = await db.eventDelivery.count({ where: { OR: [{ status: 'succeeded' }, { status: 'pending', attempts: 1 }] } });
    return settled === 9 ? true : undefined;
  });
});
afterAll(async () => {
  await Promise.all([hub?.stop(), receiver?.close()]);
});

describe('REST GET /api/v1/webhooks/messages', () => {
  it("lists the org's messages newest first, each with its delivery to each endpoint", async () => {
    const res = await log(a.apiKey);
    expect(res.status).toBe(200);
    expect(res.body.messages.map((m: { id: string }) => m.id)).toEqual([...ids].reverse());
    expect(res.body.nextCursor).toBeNull();
    const sync = res.body.messages[0];
    expect(sync).toMatchObject({ id: ids[4], type: 'sync.completed', createdAt: new Date(t0 + 4 * minute).toISOString() });
    expect(JSON.parse(sync.payload)).toMatchObject({ id: ids[4], event: 'sync.completed', data: { n: 4 } });
    const byEndpoint = Object.fromEntries(sync.deliveries.map((d: { endpointId: string }) => [d.endpointId, d]));
    expect(byEndpoint[okId]).toMatchObject({ status: 'succeeded', attempts: 1, lastStatusCode: 200, endpointUrl: `${receiver.url}/log-ok` });
    expect(byEndpoint[badId]).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 400, completedAt: null });
    expect(byEndpoint[badId].nextAttemptAt).not.toBeNull();
    expect(res.body.messages[4].deliveries).toHaveLength(1);
  });

  it('filters by type, status and time range', async () => {
    expect((await log(a.apiKey, { type: 'item.updated' })).body.messages.map((m: { id: string }) => m.id)).toEqual([ids[2], ids[1], ids[0]]);
    expect((await log(a.apiKey, { status: 'pending' })).body.messages.map((m: { id: string }) => m.id)).toEqual([ids[4], ids[3]]);
    expect((await log(a.apiKey, { status: 'succeeded', type: 'sync.completed' })).body.messages.map((m: { id: string }) => m.id)).toEqual([ids[4], ids[3]]);
    expect((await log(a.apiKey, { status: 'failed' })).body.messages).toEqual([]);
    const range = { since: new Date(t0 + minute).toISOString(), until: new Date(t0 + 3 * minute).toISOString() };
    expect((await log(a.apiKey, range)).body.messages.map((m: { id: string }) => m.id)).toEqual([ids[2], ids[1]]);
    expect((await log(a.apiKey, { ...range, status: 'succeeded' })).body.messages.map((m: { id: string }) => m.id)).toEqual([ids[2], ids[1]]);
  });

  it('pages with nextCursor, without gaps or repeats, with and without a filter', async () => {
    for (const filter of [{}, { status: 'succeeded' }, { type: 'item.updated' }]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await log(a.apiKey, { ...filter, limit: 2, ...(cursor ? { cursor } : {}) });
        expect(res.status).toBe(200);
        seen.push(...res.body.messages.map((m: { id: string }) => m.id));
        cursor = res.body.nextCursor;
      } while (cursor);
      const all = (await log(a.apiKey, filter)).body.messages.map((m: { id: string }) => m.id);
      expect(seen).toEqual(all);
    }
  });

  it("shows another organization nothing of this one's, not even through this one's cursor", async () => {
    expect((await log(b.apiKey)).body.messages.map((m: { type: string; deliveries: unknown[] }) => [m.type, m.deliveries.length])).toEqual([['item.updated', 1], ['item.updated', 1]]);
    const cursor = (await log(a.apiKey, { limit: 1 })).body.nextCursor as string;
    const foreign = await log(b.apiKey, { cursor });
    expect(foreign.status).toBe(200);
    expect(foreign.body).toEqual({ messages: [], nextCursor: null });
  });

  it('answers 400 naming the field for a bad status, time, limit or cursor', async () => {
    for (const [query, field] of [[{ status: 'done' }, 'status'], [{ since: 'yesterday' }, 'since'], [{ limit: 0 }, 'limit'], [{ cursor: 'not-a-cursor' }, 'cursor'], [{ orgId: a.orgId }, '']] as const) {
      const res = await log(a.apiKey, query);
      expect(res.status).toBe(400);
      expect(res.text).not.toMatch(/at .*\.ts/);
      if (field) expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(field);
    }
  });
});

describe('GraphQL messageLog', () => {
  it('pages the same log by cursor, with each delivery per endpoint, filtered by status', async () => {
    const first = await gql(hub.url, a.apiKey, MessageLogQuery, { first: 3 });
    expect(first.data!.messageLog.edges.map((e) => e.node.messageId)).toEqual([ids[4], ids[3], ids[2]]);
    expect(first.data!.messageLog.pageInfo.hasNextPage).toBe(true);
    expect(first.data!.messageLog.edges[0]!.node.deliveries.map((d) => [d.endpointId, d.status]).sort()).toEqual([[okId, 'succeeded'], [badId, 'pending']].sort());
    const rest2 = await gql(hub.url, a.apiKey, MessageLogQuery, { first: 3, after: first.data!.messageLog.pageInfo.endCursor });
    expect(rest2.data!.messageLog.edges.map((e) => e.node.messageId)).toEqual([ids[1], ids[0]]);
    expect(rest2.data!.messageLog.pageInfo.hasNextPage).toBe(false);
    const pending = await gql(hub.url, a.apiKey, MessageLogQuery, { status: 'PENDING', eventType: 'sync.completed', since: new Date(t0 + 4 * minute).toISOString() });
    expect(pending.data!.messageLog.edges.map((e) => e.node.messageId)).toEqual([ids[4]]);
  });

  it("isolates organizations: another org's cursor pages nothing and its global ids load as null", async () => {
    const page = await gql(hub.url, a.apiKey, MessageLogQuery, { first: 1 });
    const { node, cursor } = page.data!.messageLog.edges[0]!;
    expect((await gql(hub.url, a.apiKey, OutboundMessageNodeQuery, { id: node.id })).data!.node).toEqual({ __typename: 'OutboundMessage', messageId: ids[4] });
    expect((await gql(hub.url, b.apiKey, OutboundMessageNodeQuery, { id: node.id })).data!.node).toBeNull();
    const foreign = await gql(hub.url, b.apiKey, MessageLogQuery, { first: 5, after: cursor });
    expect(foreign.data!.messageLog.edges).toEqual([]);
    const own = await gql(hub.url, b.apiKey, MessageLogQuery, { first: 5 });
    expect(own.data!.messageLog.edges).toHaveLength(2);
    const bad = await gql(hub.url, a.apiKey, MessageLogQuery, { first: 5, after: 'garbage' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('query plans', () => {
  // Each filter's page is a range of one index read in order: no scan of the table, no sort.
  const cases = [
    { filter: {}, index: 'HubEvent_orgId_createdAt_id_idx' },
    { filter: { type: 'item.updated' }, index: 'HubEvent_orgId_type_createdAt_id_idx' },
    { filter: { since: new Date(t0), until: new Date(t0 + minute) }, index: 'HubEvent_orgId_createdAt_id_idx' },
    { filter: { status: 'pending' as const }, index: 'EventDelivery_orgId_status_createdAt_eventId_idx' },
    { filter: { status: 'failed' as const, type: 'sync.completed', since: new Date(t0) }, index: 'EventDelivery_orgId_status_createdAt_eventId_idx' },
  ];
  const after = { createdAt: new Date(t0 + 2 * minute), id: 'msg_zzzz' };

  it.each(cases)('reads $index for $filter', async ({ filter, index }) => {
    const { messageLog, db } = hub.services;
    if (testProvider === 'sqlite') {
      for (const plan of [await messageLog.plan(a.orgId, filter), await messageLog.plan(a.orgId, filter, { after })]) {
        const text = plan.join('\n');
        expect(text).toMatch(new RegExp(`USING (COVERING )?INDEX ${index}\\b`));
        expect(text).not.toMatch(/TEMP B-TREE FOR ORDER BY|SCAN HubEvent\b(?! USING)|SCAN d\b(?! USING)/);
      }
      return;
    }
    // A test table is tiny, and PostgreSQL would rather read a tiny table whole: with sequential
    // scans priced out, the plan shows which index the query can take and that no sort is needed.
    const plan = await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
      return messageLog.plan(a.orgId, filter, { after, client: tx });
    });
    const text = plan.join('\n');
    expect(text).toContain(index);
    expect(text).not.toMatch(/\bSort\b/);
  });
});
