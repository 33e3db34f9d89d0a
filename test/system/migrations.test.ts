/**
 * Migrations run through Prisma's schema engine and are recorded as `prisma migrate deploy` does;
 * on PostgreSQL, migrators started together (instances booting at once, or the release step)
 * take turns under an advisory lock.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDb, createAdapterFactory, type Db } from '../../src/db/connection';
import pg from 'pg';
import { applyMigrations, MIGRATION_LOCK_ID } from '../../src/db/migrate';
import { migrationsDir, modelsFile, modelsSnapshotFile, providerSchema, schemaFile } from '../../src/db/provider-schemas';
import { noSchemaFilter, openSchemaEngine } from '../../src/db/schema-engine';
import { createTestDatabase, testProvider, type TestDatabase } from '../support/database';
import { envFor, runNpm } from '../support/process';

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.drop());

describe(`migrations (${testProvider})`, () => {
  const dirs = readdirSync(migrationsDir(testProvider), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

  it('applies every migration once, then nothing', async () => {
    expect(await applyMigrations(database.target)).toEqual(dirs);
    expect(await applyMigrations(database.target)).toEqual([]);
  });

  it('records each in _prisma_migrations with the checksum of its SQL', async () => {
    db = await connectDb(database.target);
    const rows = await db.$queryRawUnsafe<{ migration_name: string; checksum: string; finished_at: unknown; rolled_back_at: unknown }[]>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(dirs);
    for (const row of rows) {
      const sql = readFileSync(path.join(migrationsDir(testProvider), row.migration_name, 'migration.sql'));
      expect(row.checksum).toBe(createHash('sha256').update(sql).digest('hex'));
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
    }
    await db.$disconnect();
  });

  it('has a migration for every model change (snapshot equals models.prisma)', () => {
    expect(readFileSync(modelsSnapshotFile, 'utf8')).toBe(readFileSync(modelsFile, 'utf8'));
  });

  // The pg adapter cannot describe a live schema (see scripts/migration-create.ts), so this
  // check runs on SQLite; both providers' SQL is generated from the same model diff.
  it.runIf(testProvider === 'sqlite')('leaves a database that is exactly the models: the engine finds nothing to change', async () => {
    const { engine, close } = await openSchemaEngine('sqlite', await createAdapterFactory(database.target));
    try {
      const result = (await engine.diff({
        from: { tag: 'schemaDatasource', files: [{ path: schemaFile('sqlite'), content: providerSchema('sqlite') }], configDir: database.dir },
        to: { tag: 'schemaDatamodel', files: [{ path: schemaFile('sqlite'), content: providerSchema('sqlite') }] },
        script: true,
        exitCode: null,
        filters: noSchemaFilter,
      })) as { stdout?: string };
      expect(result.stdout?.trim()).toBe('-- This is an empty migration.');
    } finally {
      await close();
    }
  });
});

describe.runIf(testProvider === 'postgresql')('migrating one PostgreSQL database from several processes', () => {
  const dirs = readdirSync(migrationsDir('postgresql'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  const migrate = (target: TestDatabase) => runNpm(['run', '--silent', 'db:migrate'], envFor(target));
  const recorded = async (target: TestDatabase) => {
    const client = new pg.Client({ connectionString: target.target.url });
    await client.connect();
    try {
      return (await client.query<{ migration_name: string }>('SELECT migration_name FROM _prisma_migrations ORDER BY migration_name')).rows.map((row) => row.migration_name);
    } catch {
      return []; // no table yet
    } finally {
      await client.end();
    }
  };
  const fresh: TestDatabase[] = [];
  afterAll(() => Promise.allSettled(fresh.map((target) => target.drop())));

  it('two `npm run db:migrate` started together both succeed, and each migration is applied once', async () => {
    const target = await createTestDatabase();
    fresh.push(target);
    const [first, second] = await Promise.all([migrate(target), migrate(target)]);
    expect([first.code, second.code]).toEqual([0, 0]);
    // One applied everything; the other found it done (whichever came second).
    const outputs = [first.stdout, second.stdout];
    expect(outputs.filter((out) => out.includes(`applied: ${dirs.join(', ')}`))).toHaveLength(1);
    expect(outputs.filter((out) => out.includes('database is up to date'))).toHaveLength(1);
    expect(await recorded(target)).toEqual(dirs);
  });

  it('a migrator waits, without a time limit, while another holds the migration lock, then finds its work', async () => {
    const target = await createTestDatabase();
    fresh.push(target);
    const holder = new pg.Client({ connectionString: target.target.url });
    await holder.connect();
    let waiting: ReturnType<typeof migrate> | undefined;
    try {
      await holder.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
      waiting = migrate(target);
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      expect(await recorded(target)).toEqual([]); // nothing applied while the lock is held
    } finally {
      await holder.end(); // ending the session releases the lock
    }
    const result = await waiting;
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('another instance is migrating the database: waiting for it');
    expect(await recorded(target)).toEqual(dirs);
  });
});
