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
import { findEventType } from '../src/domain/events/catalog';
import { withDatabase } from './databases';
import { emitInTransactions, epochMs, serveCommands, settledDeliveries, startBenchHub } from './hub-process';

const [kind, receiverUrl, endpointCount] = process.argv.slice(2);
const benchEventType = 'item.updated';
const example = findEventType(benchEventType)!.example;

type Command = { seq: number } & ({ cmd: 'emit'; count: number; batch: number } | { cmd: 'settle' });

await withDatabase(kind!, async (database) => {
  const hub = await startBenchHub(database, { HUB_WORKER_CONCURRENCY: process.env.HUB_WORKER_CONCURRENCY ?? '64', HUB_AUTH_FAILURE_LIMIT: '0' });
  const { db, outbox, orgs, endpoints, eventTypes } = hub.services;
  // The product's catalog of the webhook tutorial (offering.status.changed, …), as a deployment loads it.
  await eventTypes.loadFile('examples/catalogs/fractal.json');
  const { orgId, apiKey } = await orgs.createOrg('Bench');
  for (let n = 0; n < Number(endpointCount); n++) await endpoints.create(orgId, { url: `${receiverUrl}/e${n}`, eventTypes: ['*'] });
  let sequence = 0;

  /** One EventOutbox.emit per transaction for `batch` 1, else emitMany; a transaction's events share its time. */
  async function emit(count: number, batch: number) {
    const { seconds, ...sent } = await emitInTransactions(outbox, count, batch, async (_first, size) => {
      const at = epochMs();
      const events = Array.from({ length: size }, () => ({ orgId, type: benchEventType, data: { ...example, sequence: sequence++ }, now: new Date(at) }));
      const emitted = await db.$transaction((tx) => (size === 1 ? outbox.emit(tx, orgId, benchEventType, events[0]!.data, { now: events[0]!.now }).then((id) => [{ id }]) : outbox.emitMany(tx, events)));
      return emitted.map(({ id }) => ({ id, at }));
    });
    return { ...sent, publishSeconds: seconds };
  }

  await serveCommands<Command>({ ready: true, url: hub.url, apiKey, orgId }, async (message) => {
    switch (message.cmd) {
      case 'emit':
        return emit(message.count, message.batch);
      case 'settle':
        return { deliveries: await settledDeliveries(db) };
    }
  });
  await hub.close();
});
process.exit(0);
