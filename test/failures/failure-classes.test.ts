/**
 * Errors that say whose fault they are, end to end against the SAP simulator: a wrong client
 * secret is a configuration failure (not retried; the integration needs attention, says why,
 * and announces it), a 503 is transient (retried), an unknown record is a data failure (not
 * retried, the integration stays healthy). Runs, transfers and events carry the class and a
 * retryable flag; health is in GraphQL, REST, the integrationChanged subscription and events.
 */
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SapSimulator } from '../../tools/sap-simulator';
import { gql, rest } from '../support/http';
import { startTestHub, type TestHub } from '../support/hub';
import { startReceiver, type Receiver } from '../support/receiver';
import { configureSap, startSap } from '../support/sap';
import { subscribeWs, wsClient, type Collected } from '../support/subscriptions';
import { eventually, fastJobs, postWebhook, settledEvent } from '../support/webhooks';
import { EventFailureQuery, HealthChangedSubscription, IntegrationHealthQuery, SyncRunFailureQuery } from './failure-documents';
import type { HealthChangedSubscription as HealthChanged } from '../gql/graphql';

const secret = 'whsec_test_secret_123';
const path = '/api/v1/integrations/sap-s4hana';
let hub: TestHub;
let sap: SapSimulator;
let receiver: Receiver;

beforeAll(async () => {
  [hub, sap, receiver] = await Promise.all([startTestHub({ HUB_ALLOW_PRIVATE_TARGETS: 'true', ...fastJobs }), startSap({ products: 30 }), startReceiver()]);
});
afterAll(async () => {
  await Promise.all([hub?.stop(), sap?.close(), receiver?.close()]);
});

async function orgWithSap(overrides: Record<string, unknown> = {}) {
  const org = await hub.createOrg();
  await configureSap(hub, org.apiKey, sap, overrides);
  return org;
}

async function transfer(org: { orgId: string; apiKey: string }, delivery: string) {
  const res = await postWebhook(hub, org.orgId, { outboundDelivery: delivery }, { secret });
  expect(res.status).toBe(200);
  await settledEvent(hub, res.body.deliveryId, 20_000);
  const { data } = await gql(hub.url, org.apiKey, EventFailureQuery, { deliveryId: res.body.deliveryId });
  return data!.webhookEvent!;
}

async function health(apiKey: string) {
  return (await gql(hub.url, apiKey, IntegrationHealthQuery, { connectorType: 'sap-s4hana' })).data!.integration!;
}

describe('configuration: a wrong client secret', () => {
  let org: { orgId: string; apiKey: string };
  let ws: Client;
  let changes: Collected<HealthChanged>;
  const announced = () => receiver.received.map((r) => JSON.parse(r.body) as { event: string; data: Record<string, unknown> });
  /** The subscription's health changes (it streams configuration changes too). */
  const healthChanges = (count: number) =>
    eventually(async () => {
      const health = changes.events.map((e) => e.integrationChanged).filter((e) => e.action === 'HEALTH_CHANGED');
      return health.length >= count ? health : undefined;
    }, 5000, `${count} health changes`);

  beforeAll(async () => {
    org = await hub.createOrg();
    const endpoint = await rest(hub.url, 'POST', '/api/v1/webhooks', { apiKey: org.apiKey, body: { url: receiver.url, events: ['integration.unhealthy', 'integration.healthy'] } });
    expect(endpoint.status).toBe(201);
    ws = wsClient(hub.url, org.apiKey);
    changes = await subscribeWs(ws, HealthChangedSubscription, {});
    await configureSap(hub, org.apiKey, sap, { credentials: { clientId: sap.clientId, clientSecret: 'wrong-secret', tokenUrl: sap.tokenUrl } });
  });
  afterAll(async () => {
    changes?.close();
    await ws?.dispose();
  });

  it('fails a transfer at once, as a configuration failure that is not retryable', async () => {
    sap.resetStats();
    const event = await transfer(org, '80000001');
    expect(event).toMatchObject({ status: 'FAILED', errorClass: 'CONFIGURATION', retryable: false });
    expect(event.transfers).toEqual([{
      status: 'FAILED', attempts: 1, errorClass: 'CONFIGURATION', retryable: false,
      error: 'SAP rejected the client credentials (invalid_client): check clientId and clientSecret',
    }]);
    expect(sap.stats.tokenRequestsRejected).toBe(1);
  });

  it('marks the integration as needing attention, with the reason, in GraphQL and REST', async () => {
    const reason = 'SAP rejected the client credentials (invalid_client): check clientId and clientSecret';
    expect(await health(org.apiKey)).toMatchObject({
      health: { status: 'NEEDS_ATTENTION', reason, since: expect.any(String) },
      syncStatus: { health: { status: 'NEEDS_ATTENTION', reason } },
    });
    const integration = await rest(hub.url, 'GET', path, { apiKey: org.apiKey });
    expect(integration.body.health).toEqual({ status: 'needs_attention', reason, since: expect.any(String) });
    const status = await rest(hub.url, 'GET', `${path}/sync/status`, { apiKey: org.apiKey });
    // The seed's fields stay as they are; the last run's id and counts, held deletions and health are added.
    expect(Object.keys(status.body)).toEqual(['lastSyncAt', 'lastSyncStatus', 'lastSyncItemCount', 'lastSyncRunId', 'lastSyncCounts', 'heldDeletions', 'lastWebhookAt', 'lastWebhookStatus', 'lastError', 'health']);
    expect(status.body.health).toEqual(integration.body.health);
  });

  it('announces it once: an integration.unhealthy event and an integrationChanged message', async () => {
    await receiver.waitFor(1);
    expect(announced()).toEqual([{ id: expect.any(String), event: 'integration.unhealthy', type: 'integration.unhealthy', timestamp: expect.any(String), data: {
      connectorType: 'sap-s4hana', integrationId: expect.stringMatching(/^int_/), errorClass: 'configuration',
      reason: 'SAP rejected the client credentials (invalid_client): check clientId and clientSecret', since: expect.any(String),
    } }]);
    const [change] = await healthChanges(1);
    expect(change).toEqual({ action: 'HEALTH_CHANGED', integration: { health: { status: 'NEEDS_ATTENTION', reason: expect.stringContaining('rejected the client credentials') } } });
  });

  it('fails a sync the same way, without announcing the known state again', async () => {
    const res = await rest(hub.url, 'POST', `${path}/sync`, { apiKey: org.apiKey });
    expect(res.body).toMatchObject({ success: false, errorClass: 'configuration', retryable: false, message: expect.stringContaining('rejected the client credentials') });
    const runs = await hub.services.db.syncRun.findMany({ where: { orgId: org.orgId } });
    const run = (await gql(hub.url, org.apiKey, SyncRunFailureQuery, { runId: runs[0]!.id })).data!.syncRun;
    expect(run).toMatchObject({ status: 'FAILED', errorClass: 'CONFIGURATION', retryable: false });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(announced().map((e) => e.event)).toEqual(['integration.unhealthy']);
  });

  it('is healthy again after the next success, and says so', async () => {
    const fixed = await rest(hub.url, 'PUT', path, { apiKey: org.apiKey, body: { credentials: { clientSecret: sap.clientSecret } } });
    expect(fixed.status).toBe(200);
    // Fixing the configuration is not proof yet: the next call that succeeds is.
    expect((await health(org.apiKey)).health.status).toBe('NEEDS_ATTENTION');
    const event = await transfer(org, '80000002');
    expect(event).toMatchObject({ status: 'PROCESSED', errorClass: null, retryable: null });
    expect(await health(org.apiKey)).toMatchObject({ health: { status: 'HEALTHY', reason: null } });
    await receiver.waitFor(2);
    expect(announced()[1]).toMatchObject({ event: 'integration.healthy', data: { connectorType: 'sap-s4hana', since: expect.any(String) } });
    const all = await healthChanges(2);
    expect(all[1]).toEqual({ action: 'HEALTH_CHANGED', integration: { health: { status: 'HEALTHY', reason: null } } });
  });
});

describe('a connection test counts like any other call', () => {
  it('puts the integration in needs_attention when the credentials are refused, and back after a good test', async () => {
    const org = await orgWithSap({ credentials: { clientId: sap.clientId, clientSecret: 'wrong-secret', tokenUrl: sap.tokenUrl } });
    const failed = await rest(hub.url, 'POST', `${path}/test`, { apiKey: org.apiKey });
    expect(failed.body).toEqual({ success: false, message: 'SAP rejected the client credentials (invalid_client): check clientId and clientSecret' });
    expect((await health(org.apiKey)).health).toMatchObject({ status: 'NEEDS_ATTENTION', reason: failed.body.message });
    await rest(hub.url, 'PUT', path, { apiKey: org.apiKey, body: { credentials: { clientSecret: sap.clientSecret } } });
    expect((await rest(hub.url, 'POST', `${path}/test`, { apiKey: org.apiKey })).body.success).toBe(true);
    expect((await health(org.apiKey)).health).toMatchObject({ status: 'HEALTHY', reason: null });
  });
});

describe('transient: the host answers 503', () => {
  it('retries a transfer up to the maximum attempts, and leaves the integration healthy', async () => {
    const org = await orgWithSap();
    sap.faults = { failNextRequests: { count: 1000, status: 503 } };
    try {
      const event = await transfer(org, '80000003');
      expect(event).toMatchObject({ status: 'FAILED', errorClass: 'TRANSIENT', retryable: true });
      expect(event.transfers).toMatchObject([{ status: 'FAILED', attempts: 3, errorClass: 'TRANSIENT', retryable: true, error: expect.stringContaining('HTTP 503') }]);
      const res = await rest(hub.url, 'POST', `${path}/sync`, { apiKey: org.apiKey });
      expect(res.body).toMatchObject({ success: false, errorClass: 'transient', retryable: true });
    } finally {
      sap.faults = {};
    }
    expect((await health(org.apiKey)).health).toEqual({ status: 'HEALTHY', reason: null, since: null });
  }, 40_000);

  it('retries and succeeds when the host recovers', async () => {
    const org = await orgWithSap();
    sap.faults = { failNextRequests: { count: 5, status: 503 } };
    const event = await transfer(org, '80000004');
    expect(event).toMatchObject({ status: 'PROCESSED', transfers: [{ status: 'SUCCEEDED', attempts: 2, errorClass: null }] });
  });
});

describe('data: a record the host does not have', () => {
  it('fails the transfer at once, and leaves the integration healthy', async () => {
    const org = await orgWithSap();
    const event = await transfer(org, '89999999');
    expect(event).toMatchObject({ status: 'FAILED', errorClass: 'DATA', retryable: false });
    expect(event.transfers).toEqual([{ status: 'FAILED', attempts: 1, errorClass: 'DATA', retryable: false, error: 'sap-s4hana has no delivery "89999999"' }]);
    expect((await health(org.apiKey)).health.status).toBe('HEALTHY');
  });
});
