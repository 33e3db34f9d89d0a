/**
 * End to end, as a product adopting the hub would do it: from a fresh start with its catalog
 * loaded (HUB_EVENT_CATALOG), an organization provisioned, endpoints registered with the webhook
 * tutorial's call and events published with curl, the webhook guides' own receiver code
 * (test/fixtures/, copied verbatim) accepts every delivery:
 *
 * - the Fractal webhook reference's four payload examples, verified by its `verifyWebhook` over
 *   the raw body and `X-Fractal-Signature: sha256=<hex>` (the default settings);
 * - the Fractio tutorial's two events, verified by its handler over `JSON.stringify(req.body)`
 *   and `X-Fractio-Signature: <hex>` (HUB_SIGNATURE_HEADER=X-Fractio-Signature,
 *   HUB_SIGNATURE_FORMAT=hex), its event switch reading `event.type`.
 *
 * Standard Webhooks headers come with every delivery and verify with the reference library.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../support/hub';
import { startFractalReceiver, startFractioReceiver, type TutorialReceiver } from '../support/tutorial-receivers';
import { fastJobs } from '../support/webhooks';

/** The Fractal webhook reference's payload examples, as printed there. */
const fractalExamples = [
  { event: 'offering.status.changed', timestamp: '2026-02-15T12:00:00Z', data: { offering_id: 'off_abc123', previous_status: 'pending_review', new_status: 'open' } },
  { event: 'subscription.status.changed', timestamp: '2026-02-15T12:05:00Z', data: { subscription_id: 'sub_xyz789', previous_status: 'payment_pending', new_status: 'paid' } },
  { event: 'distribution.completed', timestamp: '2026-02-15T12:08:00Z', data: { distribution_id: 'dist_001', gross_amount: '10000.00', wht_deducted: '1000.00', net_amount: '9000.00' } },
  { event: 'investor.kyc.updated', timestamp: '2026-02-15T12:12:00Z', data: { investor_id: 'inv_def456', previous_status: 'pending', new_status: 'approved' } },
];

const run = promisify(execFile);

/** `curl -X … -H … -d …`, as a user would type it (the hub runs in this process: never a sync child). */
async function curl(method: string, url: string, apiKey: string, body?: unknown): Promise<{ status: number; body: any }> {
  const args = ['-s', '-X', method, url, '-H', `Authorization: Bearer ${apiKey}`, '-w', '\n%{http_code}'];
  if (body !== undefined) args.push('-H', 'Content-Type: application/json', '-d', JSON.stringify(body));
  const { stdout: out } = await run('curl', args, { encoding: 'utf8' });
  const cut = out.lastIndexOf('\n');
  const text = out.slice(0, cut);
  return { status: Number(out.slice(cut + 1)), body: text ? JSON.parse(text) : null };
}

/** A new organization, provisioned as the product's backend does it: a platform key and `POST /api/v1/orgs`. */
async function provision(hub: TestHub, name: string): Promise<{ apiKey: string; orgId: string }> {
  const { apiKey: platformKey } = await hub.services.orgs.createPlatformKey('product backend');
  const created = await curl('POST', `${hub.url}/api/v1/orgs`, platformKey, { name });
  expect(created.status).toBe(201);
  return created.body;
}

function standardWebhooksAccept(secret: string, delivery: { body: string; headers: Record<string, unknown> }): boolean {
  new Webhook(secret).verify(delivery.body, delivery.headers as Record<string, string>);
  return true;
}

describe('the Fractal webhook reference: default settings', () => {
  let hub: TestHub;
  let receiver: TutorialReceiver & { secrets: Record<string, string> };

  beforeAll(async () => {
    hub = await startTestHub({ HUB_ALLOW_PRIVATE_TARGETS: 'true', HUB_EVENT_CATALOG: path.resolve('examples/catalogs/fractal.json'), ...fastJobs });
    receiver = await startFractalReceiver({});
  });
  afterAll(async () => {
    await Promise.all([hub?.stop(), receiver?.close()]);
  });

  it("accepts every delivery of the reference's four payload examples with its verifyWebhook as written", async () => {
    const { apiKey } = await provision(hub, 'Fractal investor app');
    // The tutorial's registration call; one endpoint for offering.*, one for everything.
    const offering = await curl('POST', `${hub.url}/api/v1/webhooks`, apiKey, { url: `${receiver.url}/offering`, events: ['offering.*'] });
    expect(offering.status).toBe(201);
    const all = await curl('POST', `${hub.url}/api/v1/webhooks`, apiKey, { url: `${receiver.url}/all`, events: ['*'] });
    receiver.secrets['/offering'] = offering.body.secret;
    receiver.secrets['/all'] = all.body.secret;

    const ids: string[] = [];
    for (const example of fractalExamples) {
      const published = await curl('POST', `${hub.url}/api/v1/events`, apiKey, { event: example.event, data: example.data, idempotencyKey: `${example.event}-1` });
      expect(published.status).toBe(202);
      ids.push(published.body.id);
    }
    const verdicts = await receiver.waitFor(5);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(verdicts).toHaveLength(5);
    expect(verdicts.map((v) => v.status)).toEqual([200, 200, 200, 200, 200]);

    const toOffering = verdicts.filter((v) => v.path === '/offering').map((v) => JSON.parse(v.body));
    expect(toOffering.map((b) => b.event)).toEqual(['offering.status.changed']);
    const toAll = verdicts.filter((v) => v.path === '/all');
    expect(toAll.map((v) => JSON.parse(v.body).event).sort()).toEqual(fractalExamples.map((e) => e.event).sort());
    for (const verdict of toAll) {
      const body = JSON.parse(verdict.body);
      const example = fractalExamples.find((e) => e.event === body.event)!;
      // The reference's payload shape, plus the message id and "type".
      expect(body).toEqual({ id: ids[fractalExamples.indexOf(example)], event: example.event, type: example.event, timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/), data: example.data });
      expect(verdict.headers['x-fractal-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
      expect(standardWebhooksAccept(all.body.secret, verdict)).toBe(true);
    }
  });
});

describe('the Fractio webhook tutorial: X-Fractio-Signature in hex', () => {
  let hub: TestHub;
  let receiver: TutorialReceiver;
  let secret = '';

  beforeAll(async () => {
    hub = await startTestHub({
      HUB_ALLOW_PRIVATE_TARGETS: 'true', HUB_EVENT_CATALOG: path.resolve('examples/catalogs/fractio.json'),
      HUB_SIGNATURE_HEADER: 'X-Fractio-Signature', HUB_SIGNATURE_FORMAT: 'hex', ...fastJobs,
    });
    receiver = await startFractioReceiver(() => secret);
  });
  afterAll(async () => {
    await Promise.all([hub?.stop(), receiver?.close()]);
  });

  it("is accepted by the tutorial's handler as written, which switches on event.type", async () => {
    const { apiKey } = await provision(hub, 'Fractio investor app');
    // The tutorial's step 2, as written (but for the URL).
    const registered = await curl('POST', `${hub.url}/api/v1/webhooks`, apiKey, { url: `${receiver.url}/webhook`, events: ['property.updated', 'investment.created'] });
    expect(registered.status).toBe(201);
    secret = registered.body.secret;

    const property = await curl('POST', `${hub.url}/api/v1/events`, apiKey, { event: 'property.updated', data: { property_id: 'prop_7h2k9m', name: 'Lekki Gardens, Block C', valuation: { amount: '1250000.00', currency: 'NGN' } } });
    const investment = await curl('POST', `${hub.url}/api/v1/events`, apiKey, { event: 'investment.created', data: { investment_id: 'invst_4q8x1v', units: 12, unit_price: 104.5 } });
    expect([property.status, investment.status]).toEqual([202, 202]);
    const verdicts = await receiver.waitFor(2);
    expect(verdicts.map((v) => v.status)).toEqual([200, 200]);
    for (const verdict of verdicts) {
      expect(verdict.headers['x-fractio-signature']).toMatch(/^[0-9a-f]{64}$/);
      expect(verdict.headers['x-fractal-signature']).toBeUndefined();
      expect(standardWebhooksAccept(secret, verdict)).toBe(true);
    }
    expect(receiver.logs).toEqual(expect.arrayContaining(['Property updated: prop_7h2k9m', 'New investment: invst_4q8x1v']));
    expect(receiver.logs.filter((line) => line.startsWith('Verified webhook:'))).toHaveLength(2);
    expect(receiver.logs.some((line) => line.startsWith('Unhandled event type'))).toBe(false);

    // A test event from the playground ("select an event type, customise the payload") is accepted the same way.
    const test = await curl('POST', `${hub.url}/api/v1/webhooks/${registered.body.id}/test`, apiKey, { eventType: 'property.updated', data: { property_id: 'prop_playground' } });
    expect(test.status).toBe(202);
    const [, , third] = await receiver.waitFor(3);
    expect(third!.status).toBe(200);
    expect(receiver.logs).toContain('Property updated: prop_playground');
  });

  it('is refused by the handler when the signature is wrong (the check is real)', async () => {
    const before = receiver.verdicts.length;
    const previous = secret;
    secret = 'whsec_not_the_endpoint_secret';
    try {
      const { apiKey } = await provision(hub, 'Other');
      const registered = await curl('POST', `${hub.url}/api/v1/webhooks`, apiKey, { url: `${receiver.url}/webhook`, events: ['property.updated'] });
      expect(registered.status).toBe(201);
      await curl('POST', `${hub.url}/api/v1/events`, apiKey, { event: 'property.updated', data: { property_id: 'prop_forged' } });
      const verdicts = await receiver.waitFor(before + 1);
      expect(verdicts[before]!.status).toBe(403);
      expect(receiver.logs).not.toContain('Property updated: prop_forged');
    } finally {
      secret = previous;
    }
  });
});
