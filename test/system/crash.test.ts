/**
 * kill -9 under ingest load: every webhook the hub acknowledged must be stored, and after a
 * restart processed to completion exactly once (one transfer, succeeded, nothing left queued).
 * The server runs as a real process (the built service run by node, not through npm, so the kill hits the server).
 *
 * Requests in flight at the kill may have committed without their answer reaching the sender:
 * those events are stored and processed too, though nobody was told. The restart is therefore
 * done when every stored event has settled, not only the acknowledged ones; only then is the job
 * table empty.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDb, type Db } from '../../src/db/connection';
import type { SapSimulator } from '../../tools/sap-simulator';
import { createTestDatabase, testProvider, type TestDatabase } from '../support/database';
import { rest } from '../support/http';
import { createOrgIn, startServerProcess } from '../support/process';
import { sapIntegrationBody, startSap } from '../support/sap';
import { eventually, seedSignature } from '../support/webhooks';

const secret = 'whsec_crash_test_secret';
const settled = ['processed', 'partial', 'failed', 'skipped', 'dead'];
let database: TestDatabase;
let sap: SapSimulator;
let db: Db;

const startServer = () => startServerProcess(database, { HUB_JOB_LEASE_MS: '2000', HUB_JOB_POLL_MS: '100' });

beforeAll(async () => {
  database = await createTestDatabase();
  sap = await startSap({ products: 50, deliveries: 40 });
});
afterAll(async () => {
  await db?.$disconnect();
  await sap?.close();
  await database?.drop();
});

describe(`kill -9 under ingest load (${testProvider})`, () => {
  it('loses no acknowledged webhook and completes each exactly once after a restart', async () => {
    const first = await startServer();
    const { orgId, apiKey } = await createOrgIn(database, 'Crash Test');
    const put = await rest(first.url, 'PUT', '/api/v1/integrations/sap-s4hana', { apiKey, body: sapIntegrationBody(sap, { settings: { webhookSecret: secret } }) });
    expect(put.status).toBe(201);

    const acknowledged: string[] = [];
    let stop = false;
    const deliveries = sap.deliveryIds();
    const sender = async (lane: number) => {
      for (let n = 0; !stop; n++) {
        const body = JSON.stringify({ outboundDelivery: deliveries[(lane * 7 + n) % deliveries.length], n, lane });
        try {
          const res = await fetch(`${first.url}/api/v1/integrations/webhook/sap-s4hana/${orgId}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-webhook-signature': seedSignature(body, secret) },
            body,
          });
          if (res.status === 200) acknowledged.push(((await res.json()) as { deliveryId: string }).deliveryId);
        } catch {
          return; // the server is gone: what it did not answer, it did not acknowledge
        }
      }
    };
    const lanes = Array.from({ length: 16 }, (_, lane) => sender(lane));
    await eventually(async () => (acknowledged.length >= 400 ? true : undefined), 20_000, '400 acknowledged webhooks');
    first.child.kill('SIGKILL');
    stop = true;
    await Promise.all(lanes);
    const killedAfter = acknowledged.length;

    db = await connectDb(database.target);
    const stored = await db.webhookEvent.count({ where: { id: { in: acknowledged } } });
    expect(stored).toBe(killedAfter);
    // The kill must leave work behind for the restart to finish, or this test proves nothing.
    const backlog = await db.webhookEvent.count({ where: { id: { in: acknowledged }, status: { not: 'processed' } } });
    expect(backlog).toBeGreaterThan(0);

    const second = await startServer();
    try {
      await eventually(
        async () => ((await db.webhookEvent.count({ where: { status: { notIn: settled } } })) === 0 ? true : undefined),
        120_000, // a few hundred transfers; minutes only on a machine under heavy load
        'every stored webhook to settle',
      );
      const events = await db.webhookEvent.findMany({ select: { id: true, status: true } });
      const storedIds = new Set(events.map((event) => event.id));
      expect(acknowledged.filter((id) => !storedIds.has(id))).toEqual([]);
      // Listed, not counted, so a failure shows what was left behind.
      expect(events.filter((event) => event.status !== 'processed')).toEqual([]);
      const transfers = await db.transferRequest.groupBy({ by: ['eventId'], _count: { _all: true } });
      expect(transfers).toHaveLength(events.length);
      expect(transfers.filter((t) => t._count._all !== 1)).toEqual([]);
      expect(await db.transferRequest.findMany({ where: { status: { not: 'succeeded' } }, select: { id: true, status: true, attempts: true, error: true } })).toEqual([]);
      expect(await db.job.findMany({ select: { queue: true, status: true, attempts: true, lastError: true } })).toEqual([]);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  }, 180_000);
});
