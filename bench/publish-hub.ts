/**
 * The hub of the publish benchmark, in its own process: `publish-hub.ts <sqlite|postgres> <receiverUrl> <endpoints>`.
 * Starts the hub (HTTP server and job worker, HUB_WORKER_CONCURRENCY from the environment) on a
 * fresh database, creates one organization with `endpoints` endpoints at the receiver
 * (`<receiverUrl>/e0`, `/e1`, …) subscribed to every event, loads examples/catalogs/fractal.json
 * (the product's event types), and sends {ready, url, apiKey, orgId} (an organization key: the
 * parent publishes over HTTP with it).
 * Then answers the parent:
 *   {seq, cmd: 'emit', count, batch}  publishes `count` events through the outbox itself (the
 *       domain path, without HTTP): `batch` 1 is one emit per transaction, more is EventOutbox
 *       .emitMany of `batch` events per transaction; answers {ids, created, publishSeconds} at
 *       once, while the worker still delivers. `created` is each event's time in epoch ms.
 *   {seq, cmd: 'settle'}  waits until no delivery job is left; answers deliveries by status.
 *   {seq, cmd: 'stop'}  closes the hub and drops the database.
 */
import { loadConfig } from '../src/config';
import { findEventType } from '../src/domain/events/catalog';
import { DELIVER_QUEUE } from '../src/domain/events/outbox';
import { startHub } from '../src/hub';
import { generateKey, keyEntry } from '../src/lib/crypto/keyring';
import { createLogger } from '../src/lib/logger';
import { withDatabase } from './databases';

const [kind, receiverUrl, endpointCount] = process.argv.slice(2);
const epochMs = () => performance.timeOrigin + performance.now();
export const benchEventType = 'item.updated';
const example = findEventType(benchEventType)!.example;

type Command = { seq: number } & ({ cmd: 'emit'; count: number; batch: number } | { cmd: 'settle' } | { cmd: 'stop' });

await withDatabase(kind!, async (database) => {
  const env = {
    PORT: '0',
    HUB_ENCRYPTION_KEYS: keyEntry(generateKey()),
    HUB_WORKER: 'true',
    HUB_WORKER_CONCURRENCY: process.env.HUB_WORKER_CONCURRENCY ?? '64',
    HUB_ALLOW_PRIVATE_TARGETS: 'true',
    HUB_AUTH_FAILURE_LIMIT: '0',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
  };
  const hub = await startHub({ ...loadConfig(env), database }, createLogger('warn'));
  const { db, outbox, orgs, endpoints, eventTypes } = hub.services;
  // The product's catalog of the webhook tutorial (offering.status.changed, …), as a deployment loads it.
  await eventTypes.loadFile('examples/catalogs/fractal.json');
  const { orgId, apiKey } = await orgs.createOrg('Bench');
  for (let n = 0; n < Number(endpointCount); n++) await endpoints.create(orgId, { url: `${receiverUrl}/e${n}`, eventTypes: ['*'] });
  let sequence = 0;

  async function emit(count: number, batch: number) {
    const ids: string[] = [];
    const created: number[] = [];
    const started = epochMs();
    for (let n = 0; n < count; n += batch) {
      const size = Math.min(batch, count - n);
      const at = epochMs();
      const events = Array.from({ length: size }, () => ({ orgId, type: benchEventType, data: { ...example, sequence: sequence++ }, now: new Date(at) }));
      const emitted = await db.$transaction((tx) => (size === 1 ? outbox.emit(tx, orgId, benchEventType, events[0]!.data, { now: events[0]!.now }).then((id) => [{ id }]) : outbox.emitMany(tx, events)));
      for (const { id } of emitted) {
        ids.push(id);
        created.push(at);
      }
      outbox.committed();
      // A publish arrives as I/O; without a turn of the event loop here the worker's HTTP answers
      // and timers would wait for the whole burst (SQLite's awaits settle as microtasks).
      await new Promise((resolve) => setImmediate(resolve));
    }
    return { ids, created, publishSeconds: (epochMs() - started) / 1000 };
  }

  const stopped = new Promise<void>((resolve) => {
    process.on('message', (message: Command) => {
      const answer = (result: Promise<object>) =>
        result.then(
          (value) => process.send!({ seq: message.seq, ...value }),
          (error: unknown) => process.send!({ seq: message.seq, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
        );
      switch (message.cmd) {
        case 'emit':
          return void answer(emit(message.count, message.batch));
        case 'settle':
          return void answer(
            (async () => {
              while ((await db.job.count({ where: { queue: DELIVER_QUEUE } })) > 0) await new Promise((r) => setTimeout(r, 50));
              const byStatus = await db.eventDelivery.groupBy({ by: ['status'], _count: { _all: true } });
              return { deliveries: Object.fromEntries(byStatus.map((row) => [row.status, row._count._all])) };
            })(),
          );
        case 'stop':
          return resolve();
      }
    });
  });
  process.send!({ ready: true, url: hub.url, apiKey, orgId });
  await stopped;
  await hub.close();
});
process.exit(0);
