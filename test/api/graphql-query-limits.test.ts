/**
 * Query limits that hold before anything executes, for queries and subscriptions alike: list
 * arguments count in the cost (`nodes` takes at most 100 ids), huge documents stop in the parser,
 * `__typename`-only selections count toward the breadth, a subscription is measured when it
 * subscribes, and one key holds a limited number of live subscriptions.
 */
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, gqlText, rest } from '../support/http';
import { startTestHub, type TestHub } from '../support/hub';
import { seedConfigureBody } from '../support/seed';
import { subscribeSse, subscribeWs, wsClient } from '../support/subscriptions';
import { IntegrationChangedSubscription, IntegrationsQuery } from './graphql-documents';

let hub: TestHub;
let apiKey: string;
let orgId: string;

beforeAll(async () => {
  // A body limit above the documents under test: the GraphQL limits must hold on their own.
  hub = await startTestHub({ HUB_MAX_SUBSCRIPTIONS_PER_KEY: '3', HUB_BODY_LIMIT_BYTES: String(4 * 1024 * 1024) });
  ({ apiKey, orgId } = await hub.createOrg());
});
afterAll(() => hub?.stop());

type Answer = Awaited<ReturnType<typeof gqlText>>;

const post = (query: string, variables?: Record<string, unknown>) => gqlText(hub.url, apiKey, query, { variables });

/** The request under test and a health check sent while it is being handled. */
async function withHealthCheck(request: Promise<Answer>): Promise<Answer> {
  const [answer, health] = await Promise.all([request, rest(hub.url, 'GET', '/healthz')]);
  expect(health.status).toBe(200);
  expect(health.body).toEqual({ status: 'ok' });
  return answer;
}

function refused(answer: Answer, code: string, message: RegExp): void {
  expect(answer.data ?? null).toBeNull();
  expect(answer.errors?.map((error) => [error.extensions?.code, error.message])).toEqual([[code, expect.stringMatching(message)]]);
  expect(answer.errors?.[0]?.message).toMatch(message);
}

// base64("Item:1"): well-formed global ids, short enough that 40,000 of them fit in the body limit.
const itemId = Buffer.from('Item:1').toString('base64');

describe('list arguments and nodes(ids:)', () => {
  it('refuses nodes(ids:) with 40,000 ids given as a variable before loading any', async () => {
    const ids = Array.from({ length: 40_000 }, () => itemId);
    const answer = await withHealthCheck(post('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids }));
    refused(answer, 'BAD_USER_INPUT', /nodes takes at most 100 ids \(got 40000\)/);
  });

  it('refuses 40,000 ids written into the document in the parser', async () => {
    const literal = Array.from({ length: 40_000 }, () => JSON.stringify(itemId)).join(',');
    const answer = await withHealthCheck(post(`{ nodes(ids: [${literal}]) { id } }`));
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors?.[0]?.message).toMatch(/Syntax Error: Document contains more th[a-z]+ 5000 tokens/);
  });

  it('takes 100 ids and refuses 101', async () => {
    const ok = await post('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: Array.from({ length: 100 }, () => itemId) });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.nodes).toHaveLength(100);
    refused(await post('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: Array.from({ length: 101 }, () => itemId) }), 'BAD_USER_INPUT', /at most 100 ids/);
  });

  it('counts the items of any list argument in the cost', async () => {
    const transferIds = Array.from({ length: 2_500 }, (_, i) => `trq_${i}`);
    const answer = await post('mutation ($ids: [String!]!) { retryTransferRequests(transferIds: $ids) { __typename } }', { ids: transferIds });
    refused(answer, 'QUERY_COMPLEXITY', /Query exceeds maximum complexity \(complexity: \d+, max: 2000\)/);
  });
});

describe('breadth', () => {
  const aliases = (count: number) => Array.from({ length: count }, (_, i) => `a${i}: __typename`).join(' ');

  it('refuses 65,000 __typename aliases in the parser', async () => {
    const answer = await withHealthCheck(post(`{ ${aliases(65_000)} }`));
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors?.[0]?.message).toMatch(/more th[a-z]+ 5000 tokens/);
  });

  it('counts __typename aliases toward the breadth limit', async () => {
    refused(await post(`{ ${aliases(1_500)} }`), 'QUERY_BREADTH', /Query exceeds maximum breadth \(breadth: 1500, max: 200\)/);
  });
});

describe('subscriptions', () => {
  // 52 levels: webhookEvents { transfers { event { transfers { … deliveryId } } } }
  const deep = `subscription { webhookEvents { ${'transfers { event { '.repeat(25)}deliveryId${' } }'.repeat(25)} } }`;

  it('refuses a subscription deeper than the limit when it subscribes over graphql-ws', async () => {
    const client = wsClient(hub.url, apiKey);
    const outcome = await new Promise<unknown>((resolve) => {
      client.subscribe({ query: deep }, { next: (value) => resolve({ next: value }), error: (error) => resolve({ error }), complete: () => resolve('complete') });
      setTimeout(() => resolve('still subscribed'), 3000);
    });
    expect(outcome).toMatchObject({ error: expect.arrayContaining([expect.objectContaining({ message: 'Query exceeds maximum depth (depth: 52, max: 10)' })]) });
    await client.dispose();
  });

  it('refuses it over SSE too', async () => {
    const res = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', 'x-api-key': apiKey },
      body: JSON.stringify({ query: deep }),
      signal: AbortSignal.timeout(5000),
    });
    const text = await res.text(); // the stream ends at once: nothing was subscribed
    expect(text).toContain('Query exceeds maximum depth (depth: 52, max: 10)');
  });

  it('caps the live subscriptions of one key across sockets and SSE, and frees a slot when one ends', async () => {
    const first = wsClient(hub.url, apiKey);
    const second = wsClient(hub.url, apiKey);
    const subscriptions = [
      await subscribeWs(first, IntegrationChangedSubscription, {}),
      await subscribeWs(first, IntegrationChangedSubscription, {}),
      await subscribeWs(second, IntegrationChangedSubscription, {}),
    ];
    for (const subscription of subscriptions) expect(subscription.errors).toEqual([]);

    const over = await subscribeWs(second, IntegrationChangedSubscription, {});
    await expect.poll(() => over.errors).toHaveLength(1);
    expect(over.errors[0]).toEqual([expect.objectContaining({ message: expect.stringMatching(/already has 3 subscriptions open/), extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' } })]);
    const overSse = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', 'x-api-key': apiKey },
      body: JSON.stringify({ query: print(IntegrationChangedSubscription) }),
    });
    expect(await overSse.text()).toContain('TOO_MANY_SUBSCRIPTIONS');

    // Another key of the same organization has slots of its own.
    const other = await hub.services.orgs.createApiKey(orgId);
    const otherSse = await subscribeSse(hub.url, other.apiKey, IntegrationChangedSubscription, {});
    expect(otherSse.status).toBe(200);

    subscriptions[0]!.close();
    await expect
      .poll(async () => {
        const again = await subscribeWs(second, IntegrationChangedSubscription, {});
        again.close();
        return again.errors;
      })
      .toEqual([]);
    // The ones still open keep working.
    expect((await rest(hub.url, 'PUT', '/api/v1/integrations/sap-s4hana', { apiKey, body: seedConfigureBody })).status).toBe(201);
    await subscriptions[1]!.waitFor(1);
    await otherSse.waitFor(1);
    otherSse.close();
    await first.dispose();
    await second.dispose();
  });

  it('still runs ordinary operations', async () => {
    const answer = await gql(hub.url, apiKey, IntegrationsQuery);
    expect(answer.errors).toBeUndefined();
  });
});
