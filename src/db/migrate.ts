/**
 * Applies pending migrations of the running provider, recording them in `_prisma_migrations`
 * exactly as `prisma migrate deploy` does (it is the same engine).
 *
 * The engine is started only when something is pending: on SQLite it takes the database in
 * exclusive locking mode, which would stall (and be stalled by) a hub already serving from the
 * same file, e.g. when an admin runs the CLI beside the server.
 */
import { readdirSync, existsSync } from 'node:fs';
import { createAdapterFactory, type DatabaseTarget } from './connection';
import { migrationsDir } from './provider-schemas';
import { noSchemaFilter, openSchemaEngine, readMigrationList } from './schema-engine';

export async function applyMigrations(target: DatabaseTarget): Promise<string[]> {
  if ((await pendingMigrations(target)).length === 0) return [];
  const { engine, close } = await openSchemaEngine(target.provider, createAdapterFactory(target));
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

/** Migration folders not yet recorded as finished (all of them on a new database). */
export async function pendingMigrations(target: DatabaseTarget): Promise<string[]> {
  const dir = migrationsDir(target.provider);
  const all = existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name) : [];
  const adapter = await createAdapterFactory(target).connect();
  try {
    const result = await adapter.queryRaw({
      sql: 'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
      args: [],
      argTypes: [],
    });
    const applied = new Set(result.rows.map((row) => String(row[0])));
    return all.filter((name) => !applied.has(name)).sort();
  } catch {
    return all.sort(); // no _prisma_migrations table yet
  } finally {
    await adapter.dispose();
  }
}
