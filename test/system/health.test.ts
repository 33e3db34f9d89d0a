/**
 * The probes orchestrators use: /healthz (the process answers) and /readyz (the database answers,
 * every migration of this build is applied, the process is not shutting down), each not-ready
 * answer a 503 that says why.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../src/db/migrate';
import { createTestDatabase, testProvider, type TestDatabase } from '../support/database';
import { startTestHub, type TestHub } from '../support/hub';
import { eventually } from '../support/webhooks';

const probe = async (hub: TestHub, path: '/healthz' | '/readyz') => {
  const res = await fetch(`${hub.url}${path}`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe(`health probes (${testProvider})`, () => {
  const hubs: TestHub[] = [];
  const databases: TestDatabase[] = [];
  afterEach(async () => {
    await Promise.allSettled(hubs.splice(0).map((hub) => hub.stop()));
  });
  afterAll(async () => {
    await Promise.allSettled(databases.map((database) => database.drop()));
  });

  it('answers 200 on both once started and migrated', async () => {
    const hub = await startTestHub();
    hubs.push(hub);
    expect(await probe(hub, '/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await probe(hub, '/readyz')).toEqual({ status: 200, body: { status: 'ready' } });
  });

  it('is not ready while shutting down, but still alive and serving, for HUB_SHUTDOWN_DELAY_MS', async () => {
    const hub = await startTestHub({ HUB_SHUTDOWN_DELAY_MS: '1500' });
    const closing = hub.stop();
    const readiness = await probe(hub, '/readyz');
    expect(readiness).toEqual({ status: 503, body: { error: { code: 'NOT_READY', message: 'shutting down' } } });
    expect(await probe(hub, '/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
    // Requests in flight or arriving during the delay are still served.
    expect((await fetch(`${hub.url}/api/v1/integrations/connectors`)).status).toBe(401);
    await closing;
    await expect(fetch(`${hub.url}/healthz`)).rejects.toThrow();
  });

  it('with HUB_MIGRATE_ON_START=false on a database without the migrations: alive, not ready, and no jobs', async () => {
    const database = await createTestDatabase();
    databases.push(database);
    const hub = await startTestHub({ HUB_MIGRATE_ON_START: 'false' }, { shared: database });
    hubs.push(hub);
    expect(await probe(hub, '/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
    const readiness = await probe(hub, '/readyz');
    expect(readiness.status).toBe(503);
    expect(readiness.body).toEqual({ error: { code: 'NOT_READY', message: expect.stringMatching(/^database schema is not current: \d+ migration\(s\) not applied; run npm run db:migrate$/) } });
    expect(hub.logs.some((line) => line.includes('jobs wait for `npm run db:migrate`'))).toBe(true);
  });

  // Migrating beside a running hub is the PostgreSQL release flow: SQLite's migrator needs the
  // file to itself (the embedded default migrates at start, or before the hub is started).
  it.runIf(testProvider === 'postgresql')('becomes ready, and starts its jobs, once the release step has applied the migrations', async () => {
    const database = await createTestDatabase();
    databases.push(database);
    const hub = await startTestHub({ HUB_MIGRATE_ON_START: 'false' }, { shared: database });
    hubs.push(hub);
    const jobsStarted = () => hub.logs.some((line) => line.includes('database schema is current: starting jobs'));
    expect((await probe(hub, '/readyz')).status).toBe(503);
    expect(jobsStarted()).toBe(false);

    await applyMigrations(database.target);
    expect(await probe(hub, '/readyz')).toEqual({ status: 200, body: { status: 'ready' } });
    // Background work starts at the hub's next look (every 2 s).
    await eventually(async () => (jobsStarted() ? true : undefined), 5_000, 'the jobs to start');
  });
});
