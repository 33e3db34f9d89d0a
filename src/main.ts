/** `npm start`: validate configuration, migrate, serve; stop cleanly on SIGTERM/SIGINT. */
import { ConfigError, loadConfig } from './config';
import { startHub } from './hub';
import { createLogger } from './lib/logger';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const hub = await startHub(config, logger);
  const where = config.database.provider === 'sqlite' ? `SQLite ${config.database.url}` : 'PostgreSQL';
  logger.info(`Integration Hub listening on ${hub.url} (${where}); console at ${hub.url}/console, GraphQL at ${hub.url}/graphql${config.graphql.graphiql ? ' with GraphiQL' : ''}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    const timer = setTimeout(() => {
      logger.error('shutdown took longer than 10 s; exiting');
      process.exit(1);
    }, 10_000);
    timer.unref();
    await hub.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(`Integration Hub failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
