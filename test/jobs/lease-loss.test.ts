/**
 * A worker that lost its lease stops calling the host and writes nothing, end to end: a transfer
 * hangs on a real host (the JSON API simulator holding the request open), a second hub on the same
 * database claims the job once the lease has lapsed from its point of view (its clock is ahead)
 * and finishes the transfer; the first hub's next heartbeat finds the job gone and aborts the
 * hung request, and its run records nothing over the new owner's result.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJsonApiSimulator, itemHook, type JsonApiSimulator } from '../../tools/json-api-simulator';
import { genericBody, putGeneric, webhookSecret } from '../connectors/generic-http-support';
import { testProvider } from '../support/database';
import { startTestHub, type TestHub } from '../support/hub';
import { eventually, fastJobs, postWebhook, settledEvent } from '../support/webhooks';

/** Short, so the test is quick; long enough that the first hub's own heartbeats keep it on a loaded machine. */
const LEASE_MS = 2_000;
let first: TestHub;
let second: TestHub | undefined;
let sim: JsonApiSimulator;
let orgId: string;

beforeAll(async () => {
  [first, sim] = await Promise.all([
    startTestHub({ HUB_ALLOW_PRIVATE_TARGETS: 'true', ...fastJobs, HUB_JOB_LEASE_MS: String(LEASE_MS) }),
    createJsonApiSimulator({ items: 5, orders: 1 }),
  ]);
  const org = await first.createOrg();
  orgId = org.orgId;
  expect((await putGeneric(first, org.apiKey, genericBody(sim))).status).toBe(201);
});
afterAll(async () => {
  await second?.stop();
  await first?.stop();
  await sim?.close();
});

describe(`a worker that lost its lease (${testProvider})`, () => {
  it('aborts its hung call to the host within a heartbeat and never records over the new owner', async () => {
    const [itemId] = sim.itemIds();
    sim.faults.hangNext = { count: 1 };
    const post = await postWebhook(first, orgId, itemHook('updated', itemId!), { secret: webhookSecret, connectorType: 'generic-http' });
    expect(post.status).toBe(200);
    await eventually(async () => (sim.stats.hung === 1 ? true : undefined), 10_000, 'the transfer to reach the hung host');
    const transfer = await first.services.db.transferRequest.findFirstOrThrow({ where: { eventId: post.body.deliveryId as string } });

    // The second instance sees the lease as lapsed (its clock is ten minutes ahead) and claims the job.
    second = await startTestHub({ HUB_ALLOW_PRIVATE_TARGETS: 'true', ...fastJobs }, { shared: first.db, clock: () => new Date(Date.now() + 10 * 60_000) });
    const secondRunning = Date.now(); // its worker claims within a poll (50 ms)

    // The first instance gives up its hung request at its next heartbeat (every lease / 3), not at its 15 s timeout.
    const abandonedAt = await eventually(async () => (sim.stats.abandoned === 1 ? Date.now() : undefined), 8_000, 'the hung request to be abandoned');
    expect(abandonedAt - secondRunning).toBeLessThan(LEASE_MS + 2_000);

    const event = await settledEvent(first, post.body.deliveryId as string);
    expect(event.status).toBe('processed');
    expect(event.transfers).toMatchObject([{ id: transfer.id, status: 'succeeded', error: null }]);
    expect(event.transfers[0]!.attempts).toBeGreaterThanOrEqual(2);
    expect(await first.services.db.item.findUnique({ where: { orgId_sku: { orgId, sku: sim.item(itemId!)!.sku } } })).toMatchObject({ externalId: String(itemId) });

    // The first instance's run ended quietly: it said why, and recorded no failed attempt.
    await first.services.worker.idle();
    const logs = first.logs.join('\n');
    expect(logs).toContain(`lease on job`);
    expect(logs).not.toMatch(/job failed/);
    expect(await first.services.db.transferRequest.findUniqueOrThrow({ where: { id: transfer.id } })).toMatchObject({ status: 'succeeded', error: null });
    expect(await first.services.db.job.count()).toBe(0);
  });
});
