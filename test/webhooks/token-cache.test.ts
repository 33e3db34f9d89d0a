/**
 * One connector client, and so one OAuth token, per integration across jobs and requests: the
 * SAP simulator counts the token requests. A change of the integration's configuration starts a
 * new client; a token the host refuses is replaced once, as before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SapSimulator } from '../../tools/sap-simulator';
import { rest } from '../support/http';
import { startTestHub, type TestHub } from '../support/hub';
import { configureSap, startSap } from '../support/sap';
import { fastJobs, postWebhook, settledEvent } from '../support/webhooks';

const secret = 'whsec_test_secret_123';
const path = '/api/v1/integrations/sap-s4hana';
let hub: TestHub;
let sap: SapSimulator;
let apiKey: string;
let orgId: string;

beforeAll(async () => {
  [hub, sap] = await Promise.all([startTestHub({ HUB_ALLOW_PRIVATE_TARGETS: 'true', ...fastJobs }), startSap({ products: 50, deliveries: 25 })]);
  ({ apiKey, orgId } = await hub.createOrg());
  await configureSap(hub, apiKey, sap);
});
afterAll(async () => {
  await hub?.stop();
  await sap?.close();
});

async function transfer(delivery: string) {
  const res = await postWebhook(hub, orgId, { outboundDelivery: delivery }, { secret });
  expect(res.status).toBe(200);
  return settledEvent(hub, res.body.deliveryId);
}

describe('the OAuth token of an integration', () => {
  it('is fetched once for 20 webhook transfers, and reused by a sync', async () => {
    sap.resetStats();
    const deliveries = sap.deliveryIds().slice(0, 20);
    const events = await Promise.all(deliveries.map(transfer));
    expect(events.map((event) => event.status)).toEqual(deliveries.map(() => 'processed'));
    expect(sap.stats.tokensIssued).toBe(1);

    const sync = await rest(hub.url, 'POST', `${path}/sync`, { apiKey });
    expect(sync.body).toMatchObject({ success: true, itemsSynced: 50 });
    expect(sap.stats.tokensIssued).toBe(1);
  });

  it('is fetched again once after the host refuses it (401)', async () => {
    sap.resetStats();
    sap.expireAllTokens();
    const event = await transfer(sap.deliveryIds()[20]!);
    expect(event.transfers).toMatchObject([{ status: 'succeeded', attempts: 1 }]);
    expect(sap.stats.rejected401).toBe(1);
    expect(sap.stats.tokensIssued).toBe(1);
    await transfer(sap.deliveryIds()[21]!);
    expect(sap.stats.tokensIssued).toBe(1);
  });

  it('is fetched again after the integration changes, not after its status does', async () => {
    sap.resetStats();
    await rest(hub.url, 'PUT', path, { apiKey, body: { credentials: { clientSecret: sap.clientSecret } } });
    await transfer(sap.deliveryIds()[22]!);
    expect(sap.stats.tokensIssued).toBe(1);
    // The transfer updated the integration's webhook status: that is no change of configuration.
    await transfer(sap.deliveryIds()[23]!);
    expect(sap.stats.tokensIssued).toBe(1);
  });

  it('is not shared with a connection test, which checks the credentials themselves', async () => {
    sap.resetStats();
    expect((await rest(hub.url, 'POST', `${path}/test`, { apiKey })).body).toEqual({ success: true, message: 'Connection successful' });
    expect(sap.stats.tokensIssued).toBe(1);
    await transfer(sap.deliveryIds()[24]!);
    expect(sap.stats.tokensIssued).toBe(1);
  });
});
