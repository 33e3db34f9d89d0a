/**
 * Webhooks through GraphQL: live streams over graphql-ws and SSE (own organization only), the
 * stored events, transfers and deliveries, scope settings, replay and retry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SapSimulator } from '../../tools/sap-simulator';
import { gql } from '../support/http';
import { startTestHub, type TestHub } from '../support/hub';
import { configureSap, startSap } from '../support/sap';
import { subscribeSse, subscribeWs, wsClient } from '../support/subscriptions';
import { fastJobs, postWebhook, settledEvent } from '../support/webhooks';
import {
  ConfigureScopesMutation,
  DeliveriesQuery,
  ReplayMutation,
  RequireTimestampedSignaturesMutation,
  RetryTransfersMutation,
  TransferRequestsQuery,
  TransferRequestUpdatedSubscription,
  WebhookEventQuery,
  WebhookEventsQuery,
  WebhookEventsSubscription,
  WebhookSettingsQuery,
} from './webhook-documents';

const secret = 'whsec_test_secret_123';
let hub: TestHub;
let sap: SapSimulator;
let apiKey: string;
let orgId: string;
let other: { apiKey: string; orgId: string };

beforeAll(async () => {
  [hub, sap] = await Promise.all([startTestHub({ HUB_ALLOW_PRIVATE_TARGETS: 'true', ...fastJobs }), startSap({ products: 100 })]);
  ({ apiKey, orgId } = await hub.createOrg());
  other = await hub.createOrg('Other');
  await configureSap(hub, apiKey, sap);
  await configureSap(hub, other.apiKey, sap, { settings: { webhookSecret: 'other-org-secret' } });
});
afterAll(async () => {
  await hub?.stop();
  await sap?.close();
});

describe('live webhook streams', () => {
  it('streams a received webhook over graphql-ws, then its status changes, to its own organization only', async () => {
    const mine = wsClient(hub.url, apiKey);
    const theirs = wsClient(hub.url, other.apiKey);
    const stream = await subscribeWs(mine, WebhookEventsSubscription, { connectorType: 'sap-s4hana' });
    const foreign = await subscribeWs(theirs, WebhookEventsSubscription, {});
    const res = await postWebhook(hub, orgId, { outboundDelivery: '80000001' }, { secret });
    const events = await stream.waitFor(3);
    expect(events.map((e) => [e.webhookEvents.deliveryId, e.webhookEvents.status])).toEqual([
      [res.body.deliveryId, 'RECEIVED'],
      [res.body.deliveryId, 'DISPATCHED'],
      [res.body.deliveryId, 'PROCESSED'],
    ]);
    expect(foreign.events).toEqual([]);
    stream.close();
    foreign.close();
    await Promise.all([mine.dispose(), theirs.dispose()]);
  });

  it('streams transfer request status changes over SSE', async () => {
    const stream = await subscribeSse(hub.url, apiKey, TransferRequestUpdatedSubscription, {});
    expect(stream.status).toBe(200);
    await postWebhook(hub, orgId, { outboundDelivery: ['80000002', '80000003'] }, { secret });
    const events = await stream.waitFor(6);
    const byId = new Map<string, string[]>();
    for (const { transferRequestUpdated: t } of events) byId.set(t.externalId, [...(byId.get(t.externalId) ?? []), t.status]);
    expect(Object.fromEntries(byId)).toEqual({ '80000002': ['QUEUED', 'RUNNING', 'SUCCEEDED'], '80000003': ['QUEUED', 'RUNNING', 'SUCCEEDED'] });
    stream.close();
  });
});

describe('stored webhooks, transfers and deliveries', () => {
  it('shows an event with its raw body and transfers, and the delivery it stored', async () => {
    const body = '{"outboundDelivery":  "80000004"}';
    const res = await postWebhook(hub, orgId, body, { secret });
    await settledEvent(hub, res.body.deliveryId);
    const event = await gql(hub.url, apiKey, WebhookEventQuery, { deliveryId: res.body.deliveryId });
    expect(event.data?.webhookEvent).toEqual({
      deliveryId: res.body.deliveryId, status: 'PROCESSED', body, signatureScheme: 'x-webhook-signature', transferCount: 1, error: null,
      transfers: [{ scope: 'delivery/updated', externalId: '80000004', status: 'SUCCEEDED', outcome: 'upserted', attempts: 1, error: null }],
    });
    const deliveries = await gql(hub.url, apiKey, DeliveriesQuery, { orderId: '80000004' });
    const [delivery] = deliveries.data!.deliveries.edges.map((edge) => edge.node);
    expect(delivery!.lines.length).toBe(sap.delivery('80000004')!.items.length);
    const transfers = await gql(hub.url, apiKey, TransferRequestsQuery, { externalId: '80000004' });
    expect(transfers.data!.transferRequests.edges[0]!.node.event.deliveryId).toBe(res.body.deliveryId);
  });

  it("never shows another organization's events", async () => {
    const res = await postWebhook(hub, other.orgId, { outboundDelivery: '80000005' }, { secret: 'other-org-secret' });
    await settledEvent(hub, res.body.deliveryId);
    const event = await gql(hub.url, apiKey, WebhookEventQuery, { deliveryId: res.body.deliveryId });
    expect(event.data?.webhookEvent).toBeNull();
    const list = await gql(hub.url, apiKey, WebhookEventsQuery, { status: null });
    expect(list.data!.webhookEvents.edges.map((e) => e.node.deliveryId)).not.toContain(res.body.deliveryId);
    const replay = await gql(hub.url, apiKey, ReplayMutation, { input: { eventIds: [res.body.deliveryId] } });
    expect(replay.data?.replayWebhookEvents).toEqual({ __typename: 'MutationReplayWebhookEventsSuccess', data: { queued: [] } });
  });
});

describe('scope settings', () => {
  it('lists the connector scopes and the enabled ones (deletes off by default), and changes them', async () => {
    const before = await gql(hub.url, apiKey, WebhookSettingsQuery);
    expect(before.data!.connector!.webhookScopes.map((s) => s.name)).toEqual(['item/created', 'item/updated', 'item/deleted', 'delivery/created', 'delivery/updated', 'delivery/deleted']);
    expect(before.data!.integration).toMatchObject({ webhookScopes: ['item/created', 'item/updated', 'delivery/created', 'delivery/updated'], deleteHandling: 'deactivate', webhookSecretConfigured: true });
    const changed = await gql(hub.url, apiKey, ConfigureScopesMutation, { scopes: ['delivery/updated', 'delivery/deleted'], deleteHandling: 'delete' });
    expect(changed.data?.configureIntegration).toMatchObject({ data: { integration: { webhookScopes: ['delivery/updated', 'delivery/deleted'], deleteHandling: 'delete' } } });
    const bad = await gql(hub.url, apiKey, ConfigureScopesMutation, { scopes: ['nope/created'], deleteHandling: 'shred' });
    expect(bad.data?.configureIntegration).toMatchObject({ __typename: 'ValidationError', fields: [{ path: 'settings.deleteHandling' }] });
    const reset = await gql(hub.url, apiKey, ConfigureScopesMutation, { scopes: null, deleteHandling: 'deactivate' });
    expect(reset.data?.configureIntegration).toMatchObject({ data: { integration: { webhookScopes: ['item/created', 'item/updated', 'delivery/created', 'delivery/updated'] } } });
  });

  it('requires timestamped signatures when asked, and reads the setting back', async () => {
    expect((await gql(hub.url, apiKey, WebhookSettingsQuery)).data!.integration!.requireTimestampedSignatures).toBe(false);
    const on = await gql(hub.url, apiKey, RequireTimestampedSignaturesMutation, { required: true });
    expect(on.data?.configureIntegration).toEqual({ __typename: 'MutationConfigureIntegrationSuccess', data: { integration: { requireTimestampedSignatures: true, webhookSecretConfigured: true } } });
    expect((await postWebhook(hub, orgId, { outboundDelivery: '80000001' }, { secret })).status).toBe(401);
    const off = await gql(hub.url, apiKey, RequireTimestampedSignaturesMutation, { required: false });
    expect(off.data?.configureIntegration).toMatchObject({ data: { integration: { requireTimestampedSignatures: false } } });
    expect((await gql(hub.url, apiKey, WebhookSettingsQuery)).data!.integration!.requireTimestampedSignatures).toBe(false);
  });

  it("reports the latest webhook's outcome in syncStatus", async () => {
    const res = await postWebhook(hub, orgId, { outboundDelivery: '89999999' }, { secret });
    await settledEvent(hub, res.body.deliveryId);
    const status = await gql(hub.url, apiKey, WebhookSettingsQuery);
    expect(status.data!.integration!.syncStatus).toMatchObject({ lastWebhookStatus: 'FAILED', lastError: expect.stringContaining('89999999') });
  });
});

describe('replay and retry', () => {
  it('replays events by status, and retries failed transfers', async () => {
    const res = await postWebhook(hub, orgId, { outboundDelivery: '89999998' }, { secret });
    const failed = await settledEvent(hub, res.body.deliveryId);
    expect(failed.status).toBe('failed');
    sap.addDelivery({ items: [{ Material: sap.productIds()[0]!, quantity: 3 }] });
    const replay = await gql(hub.url, apiKey, ReplayMutation, { input: { statuses: ['FAILED'] } });
    expect(replay.data?.replayWebhookEvents).toMatchObject({ data: { queued: expect.arrayContaining([res.body.deliveryId]) } });
    const again = await settledEvent(hub, res.body.deliveryId);
    expect(again.status).toBe('failed'); // still no such delivery in SAP
    const retried = await gql(hub.url, apiKey, RetryTransfersMutation, { ids: [again.transfers[0]!.id] });
    expect(retried.data?.retryTransferRequests).toEqual({ __typename: 'MutationRetryTransferRequestsSuccess', data: [again.transfers[0]!.id] });
    await settledEvent(hub, res.body.deliveryId);
    const empty = await gql(hub.url, apiKey, ReplayMutation, { input: {} });
    expect(empty.data?.replayWebhookEvents).toMatchObject({ __typename: 'ValidationError' });
  });
});
