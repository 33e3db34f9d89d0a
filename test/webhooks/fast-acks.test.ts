/**
 * Acknowledging webhooks does not wait for processing: with the jobs in their own thread (the
 * default of a process that serves the API and runs jobs) and every worker slot held by a
 * transfer whose host never answers, more webhooks are still acknowledged and stored, none
 * waiting for a slot (the host answers nothing, so nothing could have finished). The backlog this leaves is what `jobQueues` shows, to its own
 * organization only.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gqlText, rest } from '../support/http';
import { startTestHub, type TestHub } from '../support/hub';
import { eventually, postWebhook } from '../support/webhooks';

const secret = 'whsec_fast_acks_secret';
const slots = 100;

/** An SAP-like host that issues tokens and then never answers a read (until the test ends). */
function hangingHost() {
  const open = new Set<ServerResponse>();
  let reads = 0;
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    if (request.url?.startsWith('/oauth/token')) {
      response.writeHead(200, { 'content-type': 'application/json' });
      return void response.end(JSON.stringify({ access_token: 'token', token_type: 'bearer', expires_in: 3600 }));
    }
    reads++;
    open.add(response);
    response.on('close', () => open.delete(response));
  });
  return {
    server,
    open: () => open.size,
    reads: () => reads,
    url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
  };
}

let hub: TestHub;
const host = hangingHost();

beforeAll(async () => {
  await new Promise<void>((resolve) => host.server.listen(0, '127.0.0.1', resolve));
  hub = await startTestHub({ HUB_WORKER_THREAD: 'true', HUB_WORKER_CONCURRENCY: String(slots), HUB_ALLOW_PRIVATE_TARGETS: 'true', HUB_JOB_POLL_MS: '50' });
});
afterAll(async () => {
  await hub?.stop();
  host.server.closeAllConnections();
  await new Promise((resolve) => host.server.close(resolve));
});

const queuesOf = async (apiKey: string) => {
  const res = await gqlText(hub.url, apiKey, '{ jobQueues { queue queued running dead oldestQueuedAgeSeconds } }');
  expect(res.errors).toBeUndefined();
  const rows = (res.data as { jobQueues: { queue: string; queued: number; running: number; dead: number; oldestQueuedAgeSeconds: number }[] }).jobQueues;
  return Object.fromEntries(rows.map((row) => [row.queue, row]));
};

describe('webhooks are acknowledged while every worker slot hangs on a host', () => {
  it('acknowledges 100 more webhooks, each stored with its job, while 100 transfers hang', async () => {
    const { orgId, apiKey } = await hub.createOrg('Busy');
    const other = await hub.createOrg('Other');
    const put = await rest(hub.url, 'PUT', '/api/v1/integrations/sap-s4hana', {
      apiKey,
      body: { tenantUrl: host.url(), enabled: true, credentials: { clientId: 'c', clientSecret: 's', tokenUrl: `${host.url()}/oauth/token` }, settings: { webhookSecret: secret } },
    });
    expect(put.status).toBeLessThan(300);
    const post = (n: number) => postWebhook(hub, orgId, { outboundDelivery: String(80000001 + n), seq: n }, { secret });

    // Fill every slot: 100 transfers reading from the host, which holds every read open.
    const first = await Promise.all(Array.from({ length: slots }, (_, n) => post(n)));
    expect(first.map((res) => res.status)).toEqual(Array(slots).fill(200));
    await eventually(async () => (host.open() >= slots ? true : undefined), 60_000, `${slots} reads hanging at the host`);

    // Every slot is taken: 100 more webhooks, all at once, are acknowledged all the same.
    const more = await Promise.all(Array.from({ length: 100 }, (_, n) => post(slots + n)));
    expect(more.map((res) => res.status)).toEqual(Array(100).fill(200));
    const ids = more.map((res) => (res.body as { deliveryId: string }).deliveryId);
    expect(new Set(ids).size).toBe(100);

    // None of them waited for a transfer: the host has answered no read, and each is stored.
    const db = hub.services.db;
    expect(await db.transferRequest.count({ where: { status: 'succeeded' } })).toBe(0);
    expect(await db.webhookEvent.count({ where: { id: { in: ids } } })).toBe(100);

    // The backlog, as the organization sees it: transfers held by the host, webhooks behind them.
    const queues = await queuesOf(apiKey);
    const unfinished = Object.values(queues).reduce((sum, row) => sum + row.queued + row.running, 0);
    expect(unfinished).toBeGreaterThanOrEqual(slots);
    expect(queues['transfer.run']!.running + queues['transfer.run']!.queued).toBeGreaterThan(0);

    // Another organization sees none of it.
    const others = await queuesOf(other.apiKey);
    for (const row of Object.values(others)) expect({ queue: row.queue, queued: row.queued, running: row.running, dead: row.dead }).toEqual({ queue: row.queue, queued: 0, running: 0, dead: 0 });
  }, 120_000);
});
