/**
 * Applies pending migrations of the running provider, recording them in `_prisma_migrations`
 * exactly as `prisma migrate deploy` does (it is the same engine), and tells which migrations a
 * database still lacks.
 *
 * The engine is started (and its WebAssembly loaded) only when something is pending: on SQLite it
 * takes the database in exclusive locking mode, which would stall (and be stalled by) a hub
 * already serving from the same file, e.g. when an admin runs the CLI beside the server.
 *
 * On PostgreSQL several instances may start at once. The engine has an advisory lock of its own,
 * but gives up after 10 seconds, so an instance starting beside one that runs a long migration
 * would fail. Applying therefore happens under the hub's own session-level advisory lock, waited
 * for without a time limit; the pending list is read again once it is held, so the instance that
 * waited finds the work done and leaves the engine alone. A crashed holder's lock ends with its
 * connection.
 */
import { existsSync, readdirSync } from 'node:fs';
import { createAdapterFactory, type DatabaseTarget, type Db } from './connection';
import { migrationsDir, type Provider } from './provider-schemas';

/** The advisory lock id the hub's migrators take on PostgreSQL (any constant; this one is "hubmig" in ASCII). */
export const MIGRATION_LOCK_ID = 0x6875_626d_6967;

const appliedSql = 'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL';

export interface MigrateOptions {
  /** Told when another instance holds the migration lock and this one waits for it. */
  onWait?: () => void;
}

export async function applyMigrations(target: DatabaseTarget, options: MigrateOptions = {}): Promise<string[]> {
  if (target.provider === 'sqlite') return applyPending(target);
  const { default: pg } = await import('pg');
  const lock = new pg.Client({ connectionString: target.url });
  await lock.connect();
  try {
    const { rows } = await lock.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [MIGRATION_LOCK_ID]);
    if (!rows[0]?.locked) {
      options.onWait?.();
      await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    }
    return await applyPending(target);
  } finally {
    // Ending the session releases the lock too; unlocking first keeps the order plain.
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    await lock.end();
  }
}

async function applyPending(target: DatabaseTarget): Promise<string[]> {
  if ((await pendingMigrations(target)).length === 0) return [];
  const { openSchemaEngine, readMigrationList, noSchemaFilter } = await import('./schema-engine');
  const { engine, close } = await openSchemaEngine(target.provider, await createAdapterFactory(target));
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: readMigrationList(target.provider),
      filters: noSchemaFilter,
    });
    return appliedMigrationNames;
  } finally {
    await close();
  }
}

/** Migration folders not yet recorded as finished (all of them on a new database), through a connection of its own. */
export async function pendingMigrations(target: DatabaseTarget): Promise<string[]> {
  const adapter = await (await createAdapterFactory(target)).connect();
  try {
    return await notApplied(target.provider, async () => (await adapter.queryRaw({ sql: appliedSql, args: [], argTypes: [] })).rows.map((row) => String(row[0])));
  } finally {
    await adapter.dispose();
  }
}

/** The same, through an open client (readiness checks of a running hub). */
export function pendingMigrationsOf(db: Db, provider: Provider): Promise<string[]> {
  return notApplied(provider, async () => (await db.$queryRawUnsafe<{ migration_name: string }[]>(appliedSql)).map((row) => row.migration_name));
}

/** This build's migrations that `readApplied` does not list, in order; none are applied while the table is missing. */
async function notApplied(provider: Provider, readApplied: () => Promise<string[]>): Promise<string[]> {
  let applied: string[];
  try {
    applied = await readApplied();
  } catch (error) {
    // A database that never saw a migration has no table; any other failure is the caller's to report.
    if (!isMissingMigrationTable(error)) throw error;
    applied = [];
  }
  const dir = migrationsDir(provider);
  const all = existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name) : [];
  const done = new Set(applied);
  return all.filter((name) => !done.has(name)).sort();
}

/** The driver adapter's error (raised as is, or wrapped by the client) for a missing `_prisma_migrations`. */
function isMissingMigrationTable(error: unknown): boolean {
  type AdapterCause = { kind?: string; table?: string };
  const e = error as { cause?: AdapterCause; meta?: { driverAdapterError?: { cause?: AdapterCause } } };
  const cause = e.cause ?? e.meta?.driverAdapterError?.cause;
  return cause?.kind === 'TableDoesNotExist' && cause.table === '_prisma_migrations';
}
