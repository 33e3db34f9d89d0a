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
import { extendSqliteAdapter, type SqliteDirect } from './sqlite-connection';
import type { WriteLock } from './write-lock';

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
const directs = new WeakMap<Db, SqliteDirect>();

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
   * The database opened by two threads of one process (the job thread's and the request
   * thread's connections). SQLite: every write of this connection holds this lock, awaited, so
   * neither thread sleeps in SQLite's busy handler behind the other. PostgreSQL: the job side
   * gives way before each statement while webhooks wait for their commit (see write-lock.ts).
   */
  writeLock?: WriteLock;
}

export async function connectDb(target: DatabaseTarget, options: ConnectOptions = {}): Promise<Db> {
  if (target.provider === 'sqlite') {
    const adapter = await createAdapterFactory(target);
    const direct = extendSqliteAdapter(adapter as PrismaBetterSqlite3, options.writeLock);
    const { PrismaClient: SqliteClient } = await import('../generated/sqlite/client');
    const db = new SqliteClient({ adapter });
    directs.set(db, direct);
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
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  if (options.writeLock?.side === 'jobs') giveWayBeforeStatements(adapter, options.writeLock);
  const db = new PostgresClient({ adapter }) as unknown as Db;
  pools.set(db, pool);
  return db;
}

/** Wraps what `factory` connects so that each transaction and each statement outside one first gives way to the request side. */
function giveWayBeforeStatements(factory: PrismaPg, lock: WriteLock): void {
  type Connection = Record<'startTransaction' | 'queryRaw' | 'executeRaw', (...args: unknown[]) => Promise<unknown>>;
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const connection = await connect();
    const methods = connection as unknown as Connection;
    for (const name of ['startTransaction', 'queryRaw', 'executeRaw'] as const) {
      const original = methods[name].bind(connection);
      methods[name] = async (...args) => {
        await lock.giveWay();
        return original(...args);
      };
    }
    return connection;
  };
}

/** The pool under a PostgreSQL client from connectDb, for statements that need none of Prisma's machinery; null for SQLite. */
export function postgresPoolOf(db: Db): Pool | null {
  return pools.get(db) ?? null;
}

/** The direct write path into a SQLite client from connectDb (see sqlite-connection.ts); null for PostgreSQL. */
export function sqliteDirectOf(db: Db): SqliteDirect | null {
  return directs.get(db) ?? null;
}

/** The connection pool's counts of a PostgreSQL client from connectDb; null for SQLite. */
export function poolStatsOf(db: Db): (() => PoolStats) | null {
  const pool = pools.get(db);
  if (!pool) return null;
  return () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: POSTGRES_POOL_MAX });
}
