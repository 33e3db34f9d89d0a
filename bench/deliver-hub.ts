/**
 * The hub of the deliver benchmark, in its own process: `deliver-hub.ts <sqlite|postgres> <receiverUrl>`.
 * Starts the hub on a fresh database with its job worker on (HUB_WORKER_CONCURRENCY from the
 * environment), creates one organization with one endpoint at the receiver subscribed to
 * `item.updated`, sends {ready: true} over IPC, then answers the parent:
 *   {seq, cmd: 'burst', count, batch}  emits `count` events through EventOutbox.emit, `batch` per
 *       transaction (outbox.committed() after each, as the hub's own changes do), as fast as it
 *       can; answers {ids, created, emitSeconds} at once, while the worker still delivers.
 *   {seq, cmd: 'drain', count, batch}  the same with the worker stopped; then starts the worker and
 *       answers with every `created` set to that moment: the delivery path alone, from a backlog.
 *   {seq, cmd: 'paced', rate, seconds}  one event per transaction at `rate` a second.
 *   {seq, cmd: 'settle'}  waits until no delivery job is left; answers the deliveries by status
 *       and the number of attempts logged.
 *   {seq, cmd: 'stop'}  closes the hub and drops the database.
 * `created` is each event's creation time in epoch ms (performance.timeOrigin-based, like the
 * receiver's arrival times), taken just before its emit; the event's createdAt is that instant.
 */
import { findEventType } from '../src/domain/events/catalog';
import { withDatabase } from './databases';
import { type Emitted, emitInTransactions, epochMs, serveCommands, settledDeliveries, startBenchHub } from './hub-process';

const [kind, receiverUrl] = process.argv.slice(2);
const example = findEventType('item.updated')!.example;

type Command = { seq: number } & ({ cmd: 'burst' | 'drain'; count: number; batch: number } | { cmd: 'paced'; rate: number; seconds: number } | { cmd: 'settle' });

await withDatabase(kind!, async (database) => {
  const hub = await startBenchHub(database, { HUB_WORKER_CONCURRENCY: process.env.HUB_WORKER_CONCURRENCY ?? '32' });
  const { db, outbox, orgs, endpoints, worker } = hub.services;
  const { orgId } = await orgs.createOrg('Bench');
  await endpoints.create(orgId, { url: receiverUrl, eventTypes: ['item.updated'] });
  let sequence = 0;

  /** One EventOutbox.emit per event, each timed on its own; `startAt(n)` paces the transaction of event n. */
  async function emit(count: number, perTransaction: number, startAt: (n: number) => number | undefined) {
    const { seconds, ...sent } = await emitInTransactions(outbox, count, perTransaction, async (first, size) => {
      const wait = startAt(first);
      if (wait !== undefined && wait > epochMs()) await new Promise((resolve) => setTimeout(resolve, wait - epochMs()));
      const emitted: Emitted[] = [];
      await db.$transaction(async (tx) => {
        for (let k = first; k < first + size; k++) {
          const at = epochMs();
          emitted.push({ id: await outbox.emit(tx, orgId, 'item.updated', { ...example, sequence: sequence++ }, { now: new Date(at) }), at });
        }
      });
      return emitted;
    });
    return { ...sent, emitSeconds: seconds };
  }

  await serveCommands<Command>({ ready: true }, async (message) => {
    switch (message.cmd) {
      case 'burst':
        return emit(message.count, message.batch, () => undefined);
      case 'drain': {
        await worker.stop();
        const sent = await emit(message.count, message.batch, () => undefined);
        const started = epochMs();
        worker.start();
        return { ...sent, created: sent.created.map(() => started) };
      }
      case 'paced': {
        const started = epochMs() + 20;
        return emit(Math.round(message.rate * message.seconds), 1, (n) => started + (n * 1000) / message.rate);
      }
      case 'settle':
        return { deliveries: await settledDeliveries(db), attempts: await db.deliveryAttempt.count() };
    }
  });
  await hub.close();
});
process.exit(0);
