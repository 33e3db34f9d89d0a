/**
 * Assembles a running hub from its configuration: keys, database (migrated), event bus,
 * services, HTTP server. Used by main.ts, the CLI and the tests, so all three run the same thing.
 */
import type { Config } from './config';
import type { Clock } from './lib/clock';
import { connectDb } from './db/connection';
import { applyMigrations } from './db/migrate';
import { Keyring, loadKeyFile, parseKeys } from './lib/crypto/keyring';
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
  const keyring = openKeyring(config, logger);
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
    authFailures: config.authFailures,
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
  const hub = await openHub(config, logger, options);
  const server = await createServer({
    services: hub.services,
    bodyLimitBytes: config.bodyLimitBytes,
    graphql: config.graphql,
    webhookBodyLimitBytes: config.webhookBodyLimitBytes,
    trustProxy: config.trustProxy,
    metricsToken: config.metricsToken,
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
