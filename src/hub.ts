/**
 * Assembles a running hub from its configuration: keys, database (migrated), event bus,
 * services, HTTP server. Used by main.ts, the CLI and the tests, so all three run the same thing.
 */
import type { Config } from './config';
import type { Clock } from './lib/clock';
import { connectDb } from './db/connection';
import { applyMigrations } from './db/migrate';
import { loadKeyring } from './lib/crypto/keyring';
import { createEventBus } from './lib/events';
import { createLogger, type Logger } from './lib/logger';
import { createServer, type HubServer } from './server';
import { createServices, type Services } from './services';

export interface Hub {
  services: Services;
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
}

export async function openHub(config: Config, logger: Logger = createLogger(config.logLevel), options: HubOptions = {}): Promise<Hub> {
  const keyring = loadKeyring(config.encryptionKeys, config.keyFile);
  const applied = await applyMigrations(config.database);
  if (applied.length) logger.info({ migrations: applied }, 'applied database migrations');
  const db = await connectDb(config.database);
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
    clock: options.clock,
  });
  return {
    services,
    async close() {
      services.scheduler.stop();
      services.retention.stop();
      await services.webhooks.drain();
      await services.worker.stop();
      await services.sync.stopAll();
      await events.close();
      await db.$disconnect();
    },
  };
}

export async function startHub(config: Config, logger?: Logger, options: HubOptions = {}): Promise<RunningHub> {
  const hub = await openHub(config, logger, options);
  const server = await createServer({
    services: hub.services,
    bodyLimitBytes: config.bodyLimitBytes,
    graphql: config.graphql,
    webhookBodyLimitBytes: config.webhookBodyLimitBytes,
  });
  const address = await server.app.listen({ port: config.port, host: config.host });
  hub.services.scheduler.start();
  if (config.jobs.worker) {
    hub.services.worker.start();
    hub.services.retention.start();
  }
  const url = address.replace('[::1]', 'localhost');
  if (!config.publicUrl) hub.services.publicUrl = url;
  return {
    ...hub,
    server,
    url,
    async close() {
      await server.app.close();
      await hub.close();
    },
  };
}
