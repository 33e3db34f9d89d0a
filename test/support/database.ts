/**
 * A fresh, empty database for one test file: a new SQLite file, or (TEST_DB=postgres) a new
 * PostgreSQL database on the local server, dropped afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { DatabaseTarget } from '../../src/db/connection';
import { randomToken } from '../../src/lib/ids';

export const testProvider = process.env.TEST_DB === 'postgres' ? 'postgresql' : 'sqlite';
const postgresServer = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  target: DatabaseTarget;
  /** Folder for files of this test (SQLite database, key file). */
  dir: string;
  drop(): Promise<void>;
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresServer });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(path.join(tmpdir(), 'hub-test-'));
  if (testProvider === 'sqlite') {
    return { target: { provider: 'sqlite', url: path.join(dir, 'hub.db') }, dir, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `hub_test_${randomToken(12)}`;
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(postgresServer);
  url.pathname = `/${name}`;
  return {
    target: { provider: 'postgresql', url: url.toString() },
    dir,
    drop: async () => {
      await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
