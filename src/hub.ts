/**
 * Assembles a running hub from its configuration: keys, database (migrated, unless the release
 * migrates as a step of its own), event bus, services, HTTP server. Used by main.ts, the CLI and
 * the tests, so all three run the same thing.
 */
import { ConfigError, type Config } from './config';
import { ValidationError } from './domain/errors';
import type { Clock } from './lib/clock';
import { connectDb } from './db/connection';
import { newWriteLockMemory, WriteLock } from './db/write-lock';
import { applyMigrations } from './db/migrate';
import { Health } from './health';
import { Keyring, loadKeyFile, parseKeys } from './lib/crypto/keyring';
import { createEventBus } from './lib/events';
import { createLogger, type Logger } from './lib/logger';
import { createServer, type HubServer } from './server';
import { createServices, type Services } from './services';
import { JobThread } from './jobs/thread-host';
import { setTimeout as sleep } from 'node:timers/promises';

export interface Hub {
  services: Services;
  health: Health;
  close(): Promise<void>;
}

export interface RunningHub extends Hub {
  server: HubServer;
  /** http://host:port the server listens on. */
  url: string;
}

export interface HubOptions {
  /** Replaces the wall clock everywhere the hub reads the time (tests move time instead of waiting). */
  clock?: Clock;
  /**
   * `api` (the default) serves GraphQL and REST, and runs jobs unless HUB_WORKER=false;
   * `worker` runs jobs, schedules and retention and serves only the health probes.
   */
  role?: 'api' | 'worker';
}

/** How often a hub that did not migrate looks whether the release's migration step has run. */
const schemaPollMs = 2_000;

/**
 * `writeLock`: this thread's side of SQLite's write lock shared with a job thread (startHub makes
 * it when it starts one); this thread's connection takes it for every write.
 */
export async function openHub(config: Config, logger: Logger = createLogger(config.logLevel), options: HubOptions = {}, writeLock: WriteLock | null = null): Promise<Hub> {
  const keyring = openKeyring(config, logger);
  if (config.migrateOnStart) {
    const applied = await applyMigrations(config.database, { onWait: () => logger.info('another instance is migrating the database: waiting for it') });
    if (applied.length) logger.info({ migrations: applied }, 'applied database migrations');
  }
  const db = await connectDb(config.database, writeLock ? { writeLock } : {});
  const events = await createEventBus(config.redisUrl);
  const publicUrl = config.publicUrl ?? `http://localhost:${config.port}`;
  const services = createServices({
    db,
    provider: config.database.provider,
    keyring,
    events: events.bus,
    logger,
    publicUrl,
    allowPrivateTargets: config.allowPrivateTargets,
    jobs: config.jobs,
    outbound: config.outbound,
    authFailures: config.authFailures,
    clock: options.clock,
  });
  if (config.eventCatalog) await loadEventCatalog(services, config.eventCatalog, logger, db);
  return {
    services,
    health: new Health(db, config.database.provider),
    async close() {
      services.scheduler.stop();
      services.retention.stop();
      await services.webhooks.drain();
      // Stopping the worker stops its sync runs too: their jobs resume from their checkpoints
      // on the next worker that claims them (here after a restart, or on another instance).
      await services.worker.stop();
      await services.subscriptions.close();
      await events.close();
      await db.$disconnect();
    },
  };
}

/**
 * HUB_EVENT_CATALOG: the product's event types, put at every start (a type of the file replaces
 * the stored one; types not in the file stay). A bad file stops the start, naming its problems.
 */
async function loadEventCatalog(services: Services, file: string, logger: Logger, db: { $disconnect(): Promise<void> }): Promise<void> {
  try {
    const types = await services.eventTypes.loadFile(file);
    logger.info({ file, eventTypes: types.length }, 'loaded the event catalog');
  } catch (error) {
    await db.$disconnect();
    const detail = error instanceof ValidationError ? error.fields.map((field) => `${field.path}: ${field.message}`) : [(error as Error).message];
    throw new ConfigError(detail.map((line) => `HUB_EVENT_CATALOG (${file}): ${line}`));
  }
}

/** The configured keys, or (development) the key file, saying where it is: that file and the database belong together. */
function openKeyring(config: Config, logger: Logger): Keyring {
  if (config.encryptionKeys) return new Keyring(parseKeys(config.encryptionKeys));
  const { keyring, created } = loadKeyFile(config.keyFile);
  const advice = 'HUB_ENCRYPTION_KEYS is unset; production requires it (`npm run --silent hub -- keys generate`)';
  if (created) logger.warn({ keyFile: config.keyFile }, `created a development encryption key in ${config.keyFile}: keep it with the database. ${advice}`);
  else logger.info({ keyFile: config.keyFile }, `using the development encryption key in ${config.keyFile}. ${advice}`);
  return keyring;
}

export async function startHub(config: Config, logger?: Logger, options: HubOptions = {}): Promise<RunningHub> {
  const role = options.role ?? 'api';
  // An API process that runs jobs runs them in a thread of its own (HUB_WORKER_THREAD), unless a
  // test hands in a clock: a clock cannot cross threads.
  const jobs = role === 'worker' || config.jobs.worker ? (role === 'api' && config.jobs.thread && !options.clock ? 'thread' : 'inline') : 'none';
  // The job thread's statements give way to the request thread's (see db/write-lock.ts): on SQLite
  // the two connections write in turn, and accepted webhooks waiting for their commit hold the
  // job thread's statements back at once, on both databases.
  const writeLock = jobs === 'thread' ? newWriteLockMemory() : null;
  const requestSide = writeLock ? new WriteLock(writeLock, 'request') : null;
  const hub = await openHub(config, logger, options, config.database.provider === 'sqlite' ? requestSide : null);
  if (requestSide) hub.services.webhooks.onWriting((busy) => requestSide.announce(busy));
  const server = await createServer({
    services: hub.services,
    health: hub.health,
    api: role === 'api',
    bodyLimitBytes: config.bodyLimitBytes,
    graphql: config.graphql,
    webhookBodyLimitBytes: config.webhookBodyLimitBytes,
    trustProxy: config.trustProxy,
    metricsToken: config.metricsToken,
  });
  const address = await server.app.listen({ port: config.port, host: config.host });
  const url = address.replace('[::1]', 'localhost');
  if (!config.publicUrl) hub.services.publicUrl = url;
  const background = await startBackgroundWork(hub, jobs, () => new JobThread({ config, publicUrl: hub.services.publicUrl, events: hub.services.events, logger: hub.services.logger, writeLock }));
  return {
    ...hub,
    server,
    url,
    async close() {
      hub.health.beginShutdown();
      if (config.shutdownDelayMs) await sleep(config.shutdownDelayMs);
      background.abort();
      await server.app.close();
      await background.thread?.stop();
      await hub.close();
    },
  };
}

/**
 * With `worker`, the job worker (sync runs among its jobs), the sync schedule and retention, once
 * the schema is current: at once after migrating at start, otherwise when the release's migration
 * step has run (until then the tables they poll may not exist).
 */
async function startBackgroundWork(hub: Hub, jobs: 'inline' | 'thread' | 'none', newThread: () => JobThread): Promise<{ abort(): void; thread: JobThread | null }> {
  const { services, health } = hub;
  const stop = new AbortController();
  const background = { abort: () => stop.abort(), thread: null as JobThread | null };
  const start = async () => {
    // Scheduled syncs start where jobs run: a HUB_WORKER=false process runs no sync at all.
    if (jobs !== 'none') services.scheduler.start();
    if (jobs === 'inline') {
      services.worker.start();
      services.retention.start();
    } else if (jobs === 'thread') {
      const thread = newThread();
      background.thread = thread;
      services.jobWakeups.add(() => thread.wake());
      await thread.start();
    }
  };
  const pending = await health.pendingMigrations();
  if (pending.length === 0) {
    await start();
    return background;
  }
  services.logger.warn({ pending }, 'database schema is not current: jobs wait for `npm run db:migrate`; /readyz answers 503 until then');
  void health.untilSchemaCurrent(schemaPollMs, stop.signal).then((current) => {
    if (!current || stop.signal.aborted) return;
    services.logger.info('database schema is current: starting jobs');
    void start().catch((error: unknown) => services.logger.error({ err: error }, 'could not start the jobs'));
  });
  return background;
}
