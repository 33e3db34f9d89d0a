/**
 * A real hub for a test file: real HTTP server on a loopback port, real database, log lines
 * captured so tests can check what was (not) logged.
 */
import path from 'node:path';
import { loadConfig, type Config } from '../../src/config';
import { startHub, type RunningHub } from '../../src/hub';
import { createLogger } from '../../src/lib/logger';
import { createTestDatabase, type TestDatabase } from './database';

export interface TestHub extends RunningHub {
  db: TestDatabase;
  config: Config;
  /** Every log line the hub wrote, as raw JSON text. */
  logs: string[];
  createOrg(name?: string): Promise<{ orgId: string; apiKey: string }>;
  stop(): Promise<void>;
}

export interface TestHubOptions {
  /** Run on this database (a second instance, as several server processes would); the caller drops it. */
  shared?: TestDatabase;
  /** The hub's clock, for tests of retry timing. */
  clock?: () => Date;
  /** `worker`: the jobs only, as `hub worker` runs them (probes, no API). */
  role?: 'api' | 'worker';
}

export async function startTestHub(env: Record<string, string> = {}, { shared, clock, role }: TestHubOptions = {}): Promise<TestHub> {
  const db = shared ?? (await createTestDatabase());
  const config = {
    // The jobs run on the test's own event loop (HUB_WORKER_THREAD=false): tests wait for them
    // (services.worker.idle()) and move their clock; test/webhooks/fast-acks.test.ts runs the thread.
    // Tests send bad keys on purpose, many at once: the limit on failed authentications is the
    // subject of its own test (test/api/auth-limits.test.ts), which sets it.
    ...loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'debug', HUB_KEY_FILE: path.join(db.dir, 'keys.json'), HUB_AUTH_FAILURE_LIMIT: '0', HUB_WORKER_THREAD: 'false', ...env }),
    database: db.target,
  };
  const logs: string[] = [];
  const logger = createLogger(config.logLevel, { write: (line: string) => void logs.push(line) });
  const hub = await startHub(config, logger, { clock, role });
  return {
    ...hub,
    db,
    config,
    logs,
    createOrg: async (name = 'Test Org') => {
      const { orgId, apiKey } = await hub.services.orgs.createOrg(name);
      return { orgId, apiKey };
    },
    stop: async () => {
      await hub.close();
      if (!shared) await db.drop();
    },
  };
}
