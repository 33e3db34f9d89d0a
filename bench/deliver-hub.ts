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
import { loadConfig } from '../src/config';
import { findEventType } from '../src/domain/events/catalog';
import { DELIVER_QUEUE } from '../src/domain/events/outbox';
import { startHub } from '../src/hub';
import { generateKey, keyEntry } from '../src/lib/crypto/keyring';
import { createLogger } from '../src/lib/logger';
import { withDatabase } from './databases';

const [kind, receiverUrl] = process.argv.slice(2);
const epochMs = () => performance.timeOrigin + performance.now();
const example = findEventType('item.updated')!.example;

type Command = { seq: number } & ({ cmd: 'burst' | 'drain'; count: number; batch: number } | { cmd: 'paced'; rate: number; seconds: number } | { cmd: 'settle' } | { cmd: 'stop' });

await withDatabase(kind!, async (database) => {
  const env = {
    PORT: '0',
    HUB_ENCRYPTION_KEYS: keyEntry(generateKey()),
    HUB_WORKER: 'true',
    HUB_WORKER_CONCURRENCY: process.env.HUB_WORKER_CONCURRENCY ?? '32',
    HUB_ALLOW_PRIVATE_TARGETS: 'true',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
  };
  const hub = await startHub({ ...loadConfig(env), database }, createLogger('warn'));
  const { db, outbox, orgs, endpoints, worker } = hub.services;
  const { orgId } = await orgs.createOrg('Bench');
  await endpoints.create(orgId, { url: receiverUrl, eventTypes: ['item.updated'] });
  let sequence = 0;

  async function emit(count: number, perTransaction: number, startAt: (n: number) => number | undefined) {
    const ids: string[] = [];
    const created: number[] = [];
    const started = epochMs();
    for (let n = 0; n < count; n += perTransaction) {
      const wait = startAt(n);
      if (wait !== undefined && wait > epochMs()) await new Promise((resolve) => setTimeout(resolve, wait - epochMs()));
      await db.$transaction(async (tx) => {
        for (let k = n; k < Math.min(count, n + perTransaction); k++) {
          const at = epochMs();
          ids.push(await outbox.emit(tx, orgId, 'item.updated', { ...example, sequence: sequence++ }, { now: new Date(at) }));
          created.push(at);
        }
      });
      outbox.committed();
      // A real change arrives as I/O (a request, a job); this loop would not: with SQLite every
      // await here settles as a microtask, and without a turn of the event loop the worker's HTTP
      // answers and timers are not seen until the whole burst is written (deliveries then time out
      // and are sent again).
      await new Promise((resolve) => setImmediate(resolve));
    }
    return { ids, created, emitSeconds: (epochMs() - started) / 1000 };
  }

  const stopped = new Promise<void>((resolve) => {
    process.on('message', (message: Command) => {
      const answer = (result: Promise<object>) =>
        result.then(
          (value) => process.send!({ seq: message.seq, ...value }),
          (error: unknown) => process.send!({ seq: message.seq, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
        );
      switch (message.cmd) {
        case 'burst':
          return void answer(emit(message.count, message.batch, () => undefined));
        case 'drain':
          return void answer(
            (async () => {
              await worker.stop();
              const sent = await emit(message.count, message.batch, () => undefined);
              const started = epochMs();
              worker.start();
              return { ...sent, created: sent.created.map(() => started) };
            })(),
          );
        case 'paced': {
          const started = epochMs() + 20;
          return void answer(emit(Math.round(message.rate * message.seconds), 1, (n) => started + (n * 1000) / message.rate));
        }
        case 'settle':
          return void answer(
            (async () => {
              while ((await db.job.count({ where: { queue: DELIVER_QUEUE } })) > 0) await new Promise((r) => setTimeout(r, 50));
              const byStatus = await db.eventDelivery.groupBy({ by: ['status'], _count: { _all: true } });
              return { deliveries: Object.fromEntries(byStatus.map((row) => [row.status, row._count._all])), attempts: await db.deliveryAttempt.count() };
            })(),
          );
        case 'stop':
          return resolve();
      }
    });
  });
  process.send!({ ready: true });
  await stopped;
  await hub.close();
});
process.exit(0);
