/**
 * Everything that depends on which database we run on lives here: parsing DATABASE_URL,
 * creating the driver adapter and the Prisma client of that provider.
 *
 * The driver, its adapter and the generated client are imported when a database of that provider
 * is opened, not at start: a process holds the code of one provider only (each generated client
 * with its query compiler is several megabytes).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import type { PrismaPg } from '@prisma/adapter-pg';
import type { PrismaClient as SqliteClient } from '../generated/sqlite/client';
import type { Pool } from 'pg';
import type { Provider } from './provider-schemas';
import { fromPackageRoot } from '../lib/package-root';
import type { SqliteWriteLock } from './sqlite-write-lock';

/**
 * Both generated clients have the same models and the same API for the subset we use, so the
 * application is typed against one of them.
 */
export type Db = SqliteClient;

export interface DatabaseTarget {
  provider: Provider;
  /** A file path for SQLite, a connection string for PostgreSQL. */
  url: string;
}

export interface PoolStats {
  /** Connections open, busy or idle. */
  total: number;
  idle: number;
  /** Queries waiting for a connection. */
  waiting: number;
  max: number;
}

const POSTGRES_POOL_MAX = 10;
const pools = new WeakMap<Db, Pool>();

export const defaultSqliteFile = path.join('data', 'hub.db');

/**
 * Where the development key file lives when HUB_KEY_FILE is unset: beside the SQLite database (the
 * two belong together: a database without its key is unreadable), or for PostgreSQL in the hub's
 * own data folder. Never relative to the working directory, which changes with how the hub is started.
 */
export function defaultKeyFile(target: DatabaseTarget): string {
  const folder = target.provider === 'sqlite' && target.url !== ':memory:' ? path.dirname(path.resolve(target.url)) : fromPackageRoot('data');
  return path.join(folder, 'encryption-keys.json');
}

export function parseDatabaseUrl(raw: string | undefined): DatabaseTarget {
  if (!raw) return { provider: 'sqlite', url: defaultSqliteFile };
  if (/^postgres(ql)?:\/\//.test(raw)) return { provider: 'postgresql', url: raw };
  if (raw.startsWith('file:')) return { provider: 'sqlite', url: raw.slice('file:'.length) };
  throw new Error(`DATABASE_URL must start with "file:" (SQLite) or "postgresql://" (PostgreSQL), got "${raw.split(':')[0]}:…"`);
}

export async function createAdapterFactory(target: DatabaseTarget): Promise<PrismaBetterSqlite3 | PrismaPg> {
  if (target.provider === 'sqlite') {
    if (target.url !== ':memory:') mkdirSync(path.dirname(path.resolve(target.url)), { recursive: true });
    const { PrismaBetterSqlite3 } = await import('@prisma/adapter-better-sqlite3');
    return new PrismaBetterSqlite3({ url: target.url, timeout: 10_000 });
  }
  const { PrismaPg } = await import('@prisma/adapter-pg');
  return new PrismaPg({ connectionString: target.url, max: POSTGRES_POOL_MAX });
}

export interface ConnectOptions {
  /**
   * SQLite opened by two threads of one process (the job thread's and the request thread's
   * connections): every write of this connection holds this lock, awaited, so neither thread
   * sleeps in SQLite's busy handler behind the other (see sqlite-write-lock.ts).
   */
  writeLock?: SqliteWriteLock;
}

export async function connectDb(target: DatabaseTarget, options: ConnectOptions = {}): Promise<Db> {
  if (target.provider === 'sqlite') {
    const adapter = await createAdapterFactory(target);
    beginImmediate(adapter as PrismaBetterSqlite3);
    if (options.writeLock) holdLockForWrites(adapter as PrismaBetterSqlite3, options.writeLock);
    const { PrismaClient: SqliteClient } = await import('../generated/sqlite/client');
    const db = new SqliteClient({ adapter });
    // WAL lets readers run beside the one writer. FULL syncs the WAL at every commit, so what the
    // hub acknowledged (a webhook, a finished sync) survives a power loss too, not only a process
    // crash; webhooks are group-committed, so this costs one fsync per batch, not per request.
    await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
    await db.$executeRawUnsafe('PRAGMA synchronous = FULL');
    await db.$executeRawUnsafe('PRAGMA foreign_keys = ON');
    return db;
  }
  // The pool is made here rather than by the adapter, so its use can be watched (poolStatsOf).
  const [{ PrismaPg }, { default: pg }, { PrismaClient: PostgresClient }] = await Promise.all([
    import('@prisma/adapter-pg'),
    import('pg'),
    import('../generated/postgresql/client'),
  ]);
  const pool = new pg.Pool({ connectionString: target.url, max: POSTGRES_POOL_MAX });
  const db = new PostgresClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) }) as unknown as Db;
  pools.set(db, pool);
  return db;
}

/**
 * Every transaction takes SQLite's write lock when it begins (`BEGIN IMMEDIATE`; the adapter says
 * `BEGIN`, which defers the lock to the first write). With a second connection writing (the job
 * thread), a deferred transaction that read first cannot write once the other committed: SQLite
 * answers SQLITE_BUSY_SNAPSHOT at once, without waiting. An immediate one waits for the lock (the
 * busy timeout) and then reads and writes one current snapshot. Nearly every transaction of the
 * hub writes, so nothing that could have run beside a writer waits for one.
 */
function beginImmediate(factory: PrismaBetterSqlite3): void {
  type Statement = { run(): unknown };
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const connection = await connect();
    // The adapter's better-sqlite3 handle: its startTransaction prepares "BEGIN" on it.
    const client = (connection as unknown as { client: { prepare(sql: string): Statement } }).client;
    const prepare = client.prepare.bind(client);
    client.prepare = (sql) => prepare(sql === 'BEGIN' ? 'BEGIN IMMEDIATE' : sql);
    return connection;
  };
}

type Query = { sql: string };
type Transaction = Record<'commit' | 'rollback', () => Promise<void>>;
type Connection = {
  startTransaction(...args: unknown[]): Promise<Transaction>;
  queryRaw(query: Query): Promise<unknown>;
  executeRaw(query: Query): Promise<unknown>;
};

/** Statements outside a transaction that only read (Prisma's reads) run beside the other thread's writes (WAL). */
const readOnly = /^\s*SELECT\b/i;

/**
 * Wraps the adapter the factory connects: a transaction holds `lock` from before BEGIN until
 * after its COMMIT or ROLLBACK (Prisma sends that statement, then calls commit() or rollback()),
 * and each writing statement outside a transaction holds it while it runs. Transactions take
 * their turn here, before the lock: queued in the adapter instead (it runs one at a time), a
 * queue of them would hold the lock as one, and the other thread would wait for all of them.
 */
function holdLockForWrites(factory: PrismaBetterSqlite3, lock: SqliteWriteLock): void {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const connection = await connect();
    const methods = connection as unknown as Connection;
    const startTransaction = methods.startTransaction.bind(connection);
    const nextTurn = turns();
    methods.startTransaction = async (...args) => {
      const done = await nextTurn();
      await lock.acquire();
      const end = () => {
        lock.release();
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
    for (const name of ['queryRaw', 'executeRaw'] as const) {
      const original = methods[name].bind(connection);
      methods[name] = (query) => (readOnly.test(query.sql) ? original(query) : lock.around(() => original(query)));
    }
    return connection;
  };
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

/** The connection pool's counts of a PostgreSQL client from connectDb; null for SQLite. */
export function poolStatsOf(db: Db): (() => PoolStats) | null {
  const pool = pools.get(db);
  if (!pool) return null;
  return () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: POSTGRES_POOL_MAX });
}
