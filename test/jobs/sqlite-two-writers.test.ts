/**
 * SQLite has one writer. An API process with its job thread opens the database twice, and a
 * transaction that reads before it writes must not fail because the other connection committed
 * in between (SQLITE_BUSY_SNAPSHOT: a deferred transaction cannot upgrade a stale snapshot, and
 * SQLite answers at once instead of waiting). Every SQLite transaction of the hub therefore takes
 * the write lock when it begins (BEGIN IMMEDIATE) and waits for it, as the busy timeout allows.
 */
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDb, type Db } from '../../src/db/connection';
import { applyMigrations } from '../../src/db/migrate';
import { createTestDatabase, testProvider, type TestDatabase } from '../support/database';

/** Another thread writing short transactions as fast as it can (the job thread's part). */
const writerThread = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require('better-sqlite3');
const db = new Database(workerData.file, { timeout: 10000 });
const insert = db.prepare('INSERT INTO "Organization" ("id", "name", "createdAt") VALUES (?, ?, ?)');
const pause = new Int32Array(new SharedArrayBuffer(4));
let n = 0;
const until = Date.now() + workerData.ms;
while (Date.now() < until) {
  db.prepare('BEGIN IMMEDIATE').run();
  insert.run('org_writer' + n++, 'writer', Date.now());
  db.prepare('COMMIT').run();
  Atomics.wait(pause, 0, 0, 1);
}
db.close();
parentPort.postMessage(n);
`;

describe.skipIf(testProvider !== 'sqlite')('SQLite with a second writer (the job thread)', () => {
  let database: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    database = await createTestDatabase();
    await applyMigrations(database.target);
    db = await connectDb(database.target);
  });

  afterAll(async () => {
    await db.$disconnect();
    await database.drop();
  });

  it('runs read-then-write transactions without SQLITE_BUSY while the other connection commits', async () => {
    const writer = new Worker(writerThread, { eval: true, workerData: { file: database.target.url, ms: 3000 } });
    const written = new Promise<number>((resolve, reject) => {
      writer.once('message', resolve);
      writer.once('error', reject);
    });
    const failures: unknown[] = [];
    let done = 0;
    const started = Date.now();
    while (Date.now() - started < 2500) {
      await db
        .$transaction(async (tx) => {
          const count = await tx.organization.count();
          // The other thread commits meanwhile: this transaction's snapshot is stale when it writes.
          await new Promise((resolve) => setTimeout(resolve, 2));
          await tx.organization.create({ data: { id: `org_api${done}`, name: `after ${count}` } });
        })
        .then(() => done++)
        .catch((error: unknown) => failures.push(error));
    }
    expect(await written).toBeGreaterThan(100);
    expect(failures).toEqual([]);
    expect(done).toBeGreaterThan(20);
  });
});
