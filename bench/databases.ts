/** A throw-away database for one benchmark measurement: a SQLite file, or a new PostgreSQL database. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { DatabaseTarget } from '../src/db/connection';
import { randomToken } from '../src/lib/ids';

const postgresServer = process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export async function withDatabase<T>(kind: string, run: (target: DatabaseTarget, dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), 'hub-bench-'));
  if (kind === 'sqlite') {
    try {
      return await run({ provider: 'sqlite', url: path.join(dir, 'hub.db') }, dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const name = `hub_bench_${randomToken(10)}`;
  const admin = new pg.Client({ connectionString: postgresServer });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(postgresServer);
    url.pathname = `/${name}`;
    return await run({ provider: 'postgresql', url: url.toString() }, dir);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
}
