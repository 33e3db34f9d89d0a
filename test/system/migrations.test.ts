/** Migrations run through Prisma's schema engine and are recorded as `prisma migrate deploy` does. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDb, createAdapterFactory, type Db } from '../../src/db/connection';
import { applyMigrations } from '../../src/db/migrate';
import { migrationsDir, modelsFile, modelsSnapshotFile, providerSchema, schemaFile } from '../../src/db/provider-schemas';
import { noSchemaFilter, openSchemaEngine } from '../../src/db/schema-engine';
import { createTestDatabase, testProvider, type TestDatabase } from '../support/database';

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
