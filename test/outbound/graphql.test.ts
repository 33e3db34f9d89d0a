/**
 * Outbound webhooks through GraphQL (create, secret, test event, messages, the live attempt
 * stream), the SSRF guard on delivery, and retention.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, rest } from '../support/http';
import { startTestHub, type TestHub } from '../support/hub';
import { startReceiver, type Receiver } from '../support/receiver';
import { subscribeWs, wsClient } from '../support/subscriptions';
import { eventually } from '../support/webhooks';
import { CreateEndpointMutation, DeliveryAttemptsSubscription, EndpointSecretQuery, MessagesQuery, SendTestEventMutation } from './endpoint-documents';

let hub: TestHub;
let guarded: TestHub;
let receiver: Receiver;
let apiKey: string;

beforeAll(async () => {
  [hub, guarded, receiver] = await Promise.all([
    startTestHub({ HUB_ALLOW_PRIVATE_TARGETS: 'true', HUB_JOB_POLL_MS: '50', HUB_RETENTION_DAYS: '1' }),
    startTestHub({ HUB_JOB_POLL_MS: '50' }),
    startReceiver(),
  ]);
  ({ apiKey } = await hub.createOrg());
});
afterAll(async () => {
  await Promise.all([hub?.stop(), guarded?.stop(), receiver?.close()]);
});

describe('GraphQL', () => {
  it('creates an endpoint, reads its secret on request, sends a test event and streams the attempt live', async () => {
    const created = await gql(hub.url, apiKey, CreateEndpointMutation, { input: { url: `${receiver.url}/gql`, eventTypes: ['item.*'] } });
    const result = created.data!.createWebhookEndpoint;
    if (result.__typename !== 'MutationCreateWebhookEndpointSuccess') throw new Error(`create failed: ${JSON.stringify(result)}`);
    const { endpoint, secret } = result.data;
    expect(secret).toMatch(/^whsec_/);
    const readBack = await gql(hub.url, apiKey, EndpointSecretQuery, { endpointId: endpoint.endpointId });
    expect(readBack.data!.webhookEndpointSecret).toEqual({ __typename: 'QueryWebhookEndpointSecretSuccess', data: { secret, previousSecret: null } });

    const client = wsClient(hub.url, apiKey);
    const stream = await subscribeWs(client, DeliveryAttemptsSubscription, { endpointId: endpoint.endpointId });
    const sent = await gql(hub.url, apiKey, SendTestEventMutation, { endpointId: endpoint.endpointId, eventType: 'delivery.updated' });
    const eventId = sent.data!.sendTestEvent.__typename === 'MutationSendTestEventSuccess' ? sent.data!.sendTestEvent.data : '';
    const [attempt] = await stream.waitFor(1);
    expect(attempt!.deliveryAttempts).toMatchObject({ endpointId: endpoint.endpointId, eventId, statusCode: 200, error: null });
    stream.close();
    await client.dispose();

    const messages = await gql(hub.url, apiKey, MessagesQuery, { endpointId: endpoint.endpointId });
    expect(messages.data!.webhookMessages.edges[0]!.node).toMatchObject({ eventId, eventType: 'delivery.updated', status: 'succeeded', attempts: 1, attemptLog: [{ statusCode: 200 }] });
    expect(JSON.parse(messages.data!.webhookMessages.edges[0]!.node.payload)).toMatchObject({ id: eventId, event: 'delivery.updated', data: { test: true } });
    expect(messages.data!.eventTypes.find((t) => t.type === 'sync.completed')!.exampleData).toMatchObject({ itemsSynced: 1247 });
  });

  it("does not reveal another organization's secret, nor send to its endpoint", async () => {
    const created = await gql(hub.url, apiKey, CreateEndpointMutation, { input: { url: `${receiver.url}/private`, eventTypes: ['*'] } });
    const id = created.data!.createWebhookEndpoint.__typename === 'MutationCreateWebhookEndpointSuccess' ? created.data!.createWebhookEndpoint.data.endpoint.endpointId : '';
    const other = await hub.createOrg('Other');
    expect((await gql(hub.url, other.apiKey, EndpointSecretQuery, { endpointId: id })).data!.webhookEndpointSecret.__typename).toBe('NotFoundError');
    expect((await gql(hub.url, other.apiKey, SendTestEventMutation, { endpointId: id })).data!.sendTestEvent.__typename).toBe('NotFoundError');
  });
});

describe('SSRF guard (HUB_ALLOW_PRIVATE_TARGETS unset)', () => {
  it('refuses http:// endpoints when registering', async () => {
    const { apiKey: key } = await guarded.createOrg();
    const res = await rest(guarded.url, 'POST', '/api/v1/webhooks', { apiKey: key, body: { url: receiver.url, eventTypes: ['*'] } });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([{ path: 'url', message: expect.stringContaining('https://') }]);
  });

  it('refuses to connect to loopback, private, link-local, CGNAT and mapped addresses, and logs why', async () => {
    const { apiKey: key } = await guarded.createOrg();
    const targets = ['https://127.0.0.1:9/x', 'https://localhost:9/x', 'https://10.0.0.1/x', 'https://169.254.169.254/latest/meta-data', 'https://100.64.0.1/x', 'https://[::ffff:127.0.0.1]/x', 'https://[fd00::1]/x'];
    for (const url of targets) {
      const created = await rest(guarded.url, 'POST', '/api/v1/webhooks', { apiKey: key, body: { url, eventTypes: ['*'] } });
      expect(created.status).toBe(201);
      await rest(guarded.url, 'POST', `/api/v1/webhooks/${created.body.id}/test`, { apiKey: key, body: {} });
      const [attempt] = await eventually(async () => {
        const rows = await rest(guarded.url, 'GET', `/api/v1/webhooks/${created.body.id}/attempts`, { apiKey: key });
        return rows.body.length ? rows.body : undefined;
      });
      expect(attempt, url).toMatchObject({ statusCode: null, error: expect.stringMatching(/not allowed|private|loopback|link-local|blocked|refus/i) });
    }
    expect(receiver.received.filter((r) => r.path === '/x')).toEqual([]);
  });
});

describe('retention', () => {
  it('deletes events, their deliveries and attempt logs, and inbound webhooks older than HUB_RETENTION_DAYS', async () => {
    const before = await hub.services.db.hubEvent.count();
    expect(before).toBeGreaterThan(0);
    const attempts = await hub.services.db.deliveryAttempt.count();
    expect(attempts).toBeGreaterThan(0);
    // Nothing is old yet.
    expect(await hub.services.retention.run()).toEqual({ events: 0, attempts: 0, webhooks: 0, jobs: 0, idempotencyKeys: 0 });
    // Age everything by two days.
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
    await hub.services.db.hubEvent.updateMany({ data: { createdAt: twoDaysAgo } });
    await hub.services.db.deliveryAttempt.updateMany({ data: { attemptedAt: twoDaysAgo } });
    const result = await hub.services.retention.run();
    expect(result.events).toBe(before);
    expect(await hub.services.db.hubEvent.count()).toBe(0);
    expect(await hub.services.db.eventDelivery.count()).toBe(0);
    expect(await hub.services.db.deliveryAttempt.count()).toBe(0);
  });
});
