/**
 * What the hub adds to the connection of Prisma's better-sqlite3 adapter:
 * - every transaction begins IMMEDIATE (see beginImmediate);
 * - transactions take their turn here, one at a time, and with a job thread's second connection
 *   hold the write lock the two threads share (see write-lock.ts);
 * - a direct path into the same connection for the webhook inbox: one synchronous better-sqlite3
 *   transaction of prepared statements, in turn with Prisma's (see SqliteDirect).
 */
import type { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import type BetterSqlite3 from 'better-sqlite3';
import type { WriteLock } from './write-lock';

export interface SqliteDirect {
  /**
   * Runs `write` as one `BEGIN IMMEDIATE` transaction on the connection Prisma uses: after every
   * Prisma transaction already started has ended (so it can never end up inside one), holding the
   * write lock when there is one. The statements are better-sqlite3's own, prepared once: none of
   * Prisma's per-query machinery, for the hub's hottest write.
   */
  transaction<T>(write: (raw: BetterSqlite3.Database) => T): Promise<T>;
}

/** A DateTime as the adapter writes it (its default `timestampFormat`, ISO 8601), so Prisma reads it back. */
export function sqliteTimestamp(date: Date): string {
  return date.toISOString().replace('Z', '+00:00');
}

type Query = { sql: string };
type Transaction = Record<'commit' | 'rollback', () => Promise<void>>;
type Connection = {
  client: BetterSqlite3.Database;
  startTransaction(...args: unknown[]): Promise<Transaction>;
  queryRaw(query: Query): Promise<unknown>;
  executeRaw(query: Query): Promise<unknown>;
};

/** Statements outside a transaction that only read (Prisma's reads) run beside the other thread's writes (WAL). */
const readOnly = /^\s*SELECT\b/i;

/** Wraps what `factory` connects as described above; call before the Prisma client is made. */
export function extendSqliteAdapter(factory: PrismaBetterSqlite3, lock: WriteLock | undefined): SqliteDirect {
  const nextTurn = turns();
  const hold = <T>(write: () => Promise<T>): Promise<T> => (lock ? lock.around(write) : write());
  let client: BetterSqlite3.Database | null = null;
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const connection = (await connect()) as unknown as Connection;
    client = connection.client;
    beginImmediate(connection.client);
    const startTransaction = connection.startTransaction.bind(connection);
    // A transaction holds its turn and the lock from before BEGIN until after its COMMIT or
    // ROLLBACK (Prisma sends that statement, then calls commit() or rollback()). Taking turns
    // here, before the lock, matters: queued in the adapter instead (it runs one at a time), a
    // queue of transactions would hold the lock as one, and the other thread would wait for all.
    connection.startTransaction = async (...args) => {
      const done = await nextTurn();
      await lock?.acquire();
      const end = () => {
        lock?.release();
        done();
      };
      try {
        const transaction = await startTransaction(...args);
        for (const name of ['commit', 'rollback'] as const) {
          const original = transaction[name].bind(transaction);
          transaction[name] = () => original().finally(end);
        }
        return transaction;
      } catch (error) {
        end();
        throw error;
      }
    };
    if (lock) {
      for (const name of ['queryRaw', 'executeRaw'] as const) {
        const original = connection[name].bind(connection);
        connection[name] = (query) => (readOnly.test(query.sql) ? original(query) : lock.around(() => original(query)));
      }
    }
    return connection as unknown as Awaited<ReturnType<PrismaBetterSqlite3['connect']>>;
  };
  return {
    async transaction(write) {
      if (!client) throw new Error('the SQLite connection is not open yet');
      const raw = client;
      const done = await nextTurn();
      try {
        return await hold(async () => raw.transaction(write).immediate(raw));
      } finally {
        done();
      }
    },
  };
}

/**
 * Every transaction takes SQLite's write lock when it begins (`BEGIN IMMEDIATE`; the adapter says
 * `BEGIN`, which defers the lock to the first write). With a second connection writing (the job
 * thread), a deferred transaction that read first cannot write once the other committed: SQLite
 * answers SQLITE_BUSY_SNAPSHOT at once, without waiting. An immediate one waits for the lock (the
 * busy timeout) and then reads and writes one current snapshot. Nearly every transaction of the
 * hub writes, so nothing that could have run beside a writer waits for one.
 */
function beginImmediate(client: BetterSqlite3.Database): void {
  // The adapter's startTransaction prepares "BEGIN" on its better-sqlite3 handle.
  const prepare = client.prepare.bind(client);
  client.prepare = ((sql: string) => prepare(sql === 'BEGIN' ? 'BEGIN IMMEDIATE' : sql)) as typeof client.prepare;
}

/** First come, first served: each call resolves, in order, once the one before called its `done`. */
function turns(): () => Promise<() => void> {
  let last: Promise<void> = Promise.resolve();
  return () => {
    let done!: () => void;
    const previous = last;
    last = new Promise((resolve) => {
      done = resolve;
    });
    return previous.then(() => done);
  };
}
