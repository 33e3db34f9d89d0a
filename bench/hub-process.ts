/**
 * What the hub processes of the deliver and publish benchmarks (deliver-hub.ts, publish-hub.ts)
 * share: the hub they start, the loop that emits events the way the hub's own changes do, the
 * wait for the worker to finish, and the IPC loop that answers the parent (deliver.ts `Child`).
 */
import { loadConfig } from '../src/config';
import type { DatabaseTarget } from '../src/db/connection';
import { DELIVER_QUEUE } from '../src/domain/events/outbox';
import { startHub } from '../src/hub';
import { generateKey, keyEntry } from '../src/lib/crypto/keyring';
import { createLogger } from '../src/lib/logger';
import type { Services } from '../src/services';

/** Epoch ms from performance.timeOrigin, so times compare with the receiver's and the parent's. */
export const epochMs = () => performance.timeOrigin + performance.now();

/**
 * The hub in production mode with its job worker on, on any port, allowed to deliver to the local
 * receiver; `env` adds to or overrides that configuration.
 */
export function startBenchHub(database: DatabaseTarget, env: Record<string, string>) {
  const config = {
    PORT: '0',
    HUB_ENCRYPTION_KEYS: keyEntry(generateKey()),
    HUB_WORKER: 'true',
    HUB_ALLOW_PRIVATE_TARGETS: 'true',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    ...env,
  };
  return startHub({ ...loadConfig(config), database }, createLogger('warn'));
}

/** One emitted event: its id and its creation time in epoch ms. */
export interface Emitted {
  id: string;
  at: number;
}

/**
 * Emits `count` events, `batch` per transaction, as fast as `write` goes: `write(first, size)`
 * commits one transaction of events `first` to `first + size - 1` and returns them. Answers every
 * id and creation time in order, and the seconds the whole took.
 */
export async function emitInTransactions(outbox: Services['outbox'], count: number, batch: number, write: (first: number, size: number) => Promise<Emitted[]>) {
  const ids: string[] = [];
  const created: number[] = [];
  const started = epochMs();
  for (let n = 0; n < count; n += batch) {
    for (const { id, at } of await write(n, Math.min(batch, count - n))) {
      ids.push(id);
      created.push(at);
    }
    outbox.committed();
    // A real change arrives as I/O (a request, a job); this loop would not: with SQLite every
    // await here settles as a microtask, and without a turn of the event loop the worker's HTTP
    // answers and timers are not seen until the whole burst is written (deliveries then time out
    // and are sent again).
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { ids, created, seconds: (epochMs() - started) / 1000 };
}

/** Waits until no delivery job is left; answers the deliveries by status. */
export async function settledDeliveries(db: Services['db']): Promise<Record<string, number>> {
  while ((await db.job.count({ where: { queue: DELIVER_QUEUE } })) > 0) await new Promise((r) => setTimeout(r, 50));
  const byStatus = await db.eventDelivery.groupBy({ by: ['status'], _count: { _all: true } });
  return Object.fromEntries(byStatus.map((row) => [row.status, row._count._all]));
}

/**
 * Sends `ready` to the parent, then answers each command {seq, cmd, …} with {seq, …what `handle`
 * resolves to} or {seq, error}, until {seq, cmd: 'stop'}: resolves then, for the caller to close
 * the hub.
 */
export function serveCommands<Command extends { seq: number; cmd: string }>(ready: object, handle: (command: Command) => Promise<object>): Promise<void> {
  const stopped = new Promise<void>((resolve) => {
    process.on('message', (message: Command | { seq: number; cmd: 'stop' }) => {
      if (message.cmd === 'stop') return resolve();
      // TypeScript does not narrow a union with a type parameter by its `cmd`.
      handle(message as Command).then(
        (value) => process.send!({ seq: message.seq, ...value }),
        (error: unknown) => process.send!({ seq: message.seq, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
      );
    });
  });
  process.send!(ready);
  return stopped;
}
