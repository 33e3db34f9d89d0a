/**
 * One clock for the whole hub: a hub whose clock is two days behind the wall clock stamps, queues,
 * runs, verifies and schedules everything by its own clock. A time read from the wall clock
 * anywhere in the domain shows up here as a timestamp two days off, or as a job queued two days
 * in the future of the worker's clock, which then never runs.
 */
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SapSimulator } from '../../tools/sap-simulator';
import { testProvider } from '../support/database';
import { rest } from '../support/http';
import { startTestHub, type TestHub } from '../support/hub';
import { startReceiver, type Receiver } from '../support/receiver';
import { configureSap, startSap } from '../support/sap';
import { eventually, fastJobs, postWebhook, settledEvent } from '../support/webhooks';

const HOUR = 60 * 60_000;
const secret = 'whsec_clock_test_secret';
let offsetMs = -48 * HOUR;
const clock = () => new Date(Date.now() + offsetMs);

let hub: TestHub;
let sap: SapSimulator;
let receiver: Receiver;
let apiKey: string;
let orgId: string;

/** A time the hub took from its clock (within a minute of it), not from the wall clock. */
function expectHubTime(value: Date | string | null | undefined, shiftMs = 0): void {
  expect(value, 'no time recorded').toBeTruthy();
  const at = new Date(value!).getTime();
  expect(Math.abs(at - (clock().getTime() + shiftMs)), `${new Date(at).toISOString()} is not the hub's time ${clock().toISOString()}`).toBeLessThan(60_000);
}

beforeAll(async () => {
  [hub, sap, receiver] = await Promise.all([startTestHub({ HUB_ALLOW_PRIVATE_TARGETS: 'true', ...fastJobs }, { clock }), startSap({ products: 30, deliveries: 5 }), startReceiver()]);
  ({ apiKey, orgId } = await hub.createOrg('Clock'));
  await configureSap(hub, apiKey, sap, { settings: { webhookSecret: secret } });
  const endpoint = await rest(hub.url, 'POST', '/api/v1/webhooks', { apiKey, body: { url: receiver.url, events: ['webhook.*', 'transfer.*', 'sync.*'] } });
  expect(endpoint.status).toBe(201);
});
afterAll(async () => {
  await hub?.stop();
  await sap?.close();
  await receiver?.close();
});

const sent = (type: string) => receiver.received.map((r) => JSON.parse(r.body) as { event: string; timestamp: string }).filter((event) => event.event === type);

describe(`the hub's clock (${testProvider})`, () => {
  it('stamps an inbound webhook, its processing, its transfer and their events with the hub time', async () => {
    const post = await postWebhook(hub, orgId, { outboundDelivery: sap.deliveryIds()[0] }, { secret });
    expect(post.status).toBe(200);
    const event = await settledEvent(hub, post.body.deliveryId as string);
    expect(event.status).toBe('processed');
    expectHubTime(event.receivedAt);
    expectHubTime(event.processedAt);
    expectHubTime(event.transfers[0]!.completedAt);
    await eventually(async () => (sent('webhook.processed').length === 1 ? true : undefined), 10_000, 'webhook.processed to be delivered');
    for (const type of ['webhook.received', 'transfer.completed', 'webhook.processed']) expectHubTime(sent(type)[0]?.timestamp);
  });

  it('replays an event at the hub time', async () => {
    const post = await postWebhook(hub, orgId, { outboundDelivery: sap.deliveryIds()[1] }, { secret });
    await settledEvent(hub, post.body.deliveryId as string);
    expect(await hub.services.webhookEvents.replay(orgId, { eventIds: [post.body.deliveryId as string] })).toEqual([post.body.deliveryId]);
    const processed = await eventually(
      async () => {
        const event = await hub.services.db.webhookEvent.findUniqueOrThrow({ where: { id: post.body.deliveryId as string } });
        return event.status === 'processed' && event.processedAt ? event : undefined;
      },
      10_000,
      'the replayed event to be processed again',
    );
    expectHubTime(processed.processedAt);
  });

  it('judges a Standard Webhooks timestamp by the hub time', async () => {
    const { apiKey: key, orgId: org } = await hub.createOrg('Standard clock');
    const standardSecret = `whsec_${Buffer.from('a standard webhooks key of 32 b').toString('base64')}`;
    await configureSap(hub, key, sap, { settings: { webhookSecret: standardSecret } });
    const body = JSON.stringify({ outboundDelivery: sap.deliveryIds()[2] });
    const signed = (id: string, at: Date) => ({ 'webhook-id': id, 'webhook-timestamp': String(Math.floor(at.getTime() / 1000)), 'webhook-signature': new Webhook(standardSecret).sign(id, at, body) });
    expect((await postWebhook(hub, org, body, { headers: signed('msg_hub_time', clock()) })).status).toBe(200);
    const wall = await postWebhook(hub, org, body, { headers: signed('msg_wall_time', new Date()) });
    expect(wall.status).toBe(401);
    expect(wall.body.error.message).toMatch(/5 minutes/);
  });

  it('times sync runs, the sync schedule and their events by the hub time', async () => {
    const sync = await rest(hub.url, 'POST', '/api/v1/integrations/sap-s4hana/sync', { apiKey });
    expect(sync.body).toMatchObject({ success: true });
    const run = await hub.services.db.syncRun.findFirstOrThrow({ where: { orgId }, orderBy: { startedAt: 'desc' } });
    expectHubTime(run.startedAt);
    expectHubTime(run.finishedAt);
    const status = await rest(hub.url, 'GET', '/api/v1/integrations/sap-s4hana/sync/status', { apiKey });
    expectHubTime(status.body.lastSyncAt);
    await eventually(async () => (sent('sync.completed').length === 1 ? true : undefined), 10_000, 'sync.completed to be delivered');
    expectHubTime(sent('sync.started')[0]?.timestamp);
    expectHubTime(sent('sync.completed')[0]?.timestamp);

    await configureSap(hub, apiKey, sap, { settings: { syncIntervalMinutes: 5 } });
    const integration = await hub.services.db.integration.findFirstOrThrow({ where: { orgId, connectorType: 'sap-s4hana' } });
    expectHubTime(integration.nextSyncAt, 5 * 60_000);
    offsetMs += 6 * 60_000; // the schedule is due by the hub's clock (and two days early by the wall's)
    await hub.services.scheduler.tick();
    const scheduled = await hub.services.db.syncRun.findFirstOrThrow({ where: { orgId, trigger: 'schedule' } });
    await hub.services.sync.whenDone(scheduled.id);
    expectHubTime(scheduled.startedAt);
  });

  it('stamps API key use and revocation with the hub time', async () => {
    const { apiKey: key, orgId: org } = await hub.createOrg('Keys');
    expect((await rest(hub.url, 'GET', '/api/v1/integrations', { apiKey: key })).status).toBe(200);
    const [stored] = await hub.services.orgs.listApiKeys(org);
    expectHubTime(stored!.lastUsedAt);
    await hub.services.orgs.revokeApiKey(stored!.id);
    const [revoked] = await hub.services.orgs.listApiKeys(org);
    expectHubTime(revoked!.revokedAt);
  });

  it("runs a replaced webhook secret's overlap on the hub clock", async () => {
    await configureSap(hub, apiKey, sap, { settings: { webhookSecret: 'whsec_clock_test_secret_2' } });
    const integration = await rest(hub.url, 'GET', '/api/v1/integrations/sap-s4hana', { apiKey });
    expectHubTime(integration.body.settings.previousWebhookSecretValidUntil, 24 * HOUR);
    const body = { outboundDelivery: sap.deliveryIds()[3] };
    expect((await postWebhook(hub, orgId, body, { secret })).status).toBe(200);
    offsetMs += 25 * HOUR; // past the overlap by the hub's clock (still a day before it by the wall's)
    expect((await postWebhook(hub, orgId, body, { secret })).status).toBe(401);
    expect((await postWebhook(hub, orgId, body, { secret: 'whsec_clock_test_secret_2' })).status).toBe(200);
  });
});
