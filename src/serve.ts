/**
 * A hub process that runs until SIGTERM or SIGINT: `npm start` (the API, role `api`) and
 * `hub worker` (jobs only, role `worker`). On a signal it turns not-ready, keeps serving for
 * HUB_SHUTDOWN_DELAY_MS, then finishes in-flight work and closes. Resolves with the exit code.
 */
import type { Config } from './config';
import { startHub, type HubOptions } from './hub';
import { createLogger } from './lib/logger';

export async function serve(config: Config, role: NonNullable<HubOptions['role']>): Promise<number> {
  const logger = createLogger(config.logLevel);
  const hub = await startHub(config, logger, { role });
  const where = config.database.provider === 'sqlite' ? `SQLite ${config.database.url}` : 'PostgreSQL';
  logger.info(
    role === 'api'
      ? `Integration Hub listening on ${hub.url} (${where}); console at ${hub.url}/console, GraphQL at ${hub.url}/graphql${config.graphql.graphiql ? ' with GraphiQL' : ''}`
      : `Integration Hub worker listening on ${hub.url} (${where}); health probes only`,
  );

  return new Promise((resolve) => {
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal, delayMs: config.shutdownDelayMs }, 'shutting down: not ready any more, finishing in-flight requests');
      const limitMs = config.shutdownDelayMs + 10_000;
      const timer = setTimeout(() => {
        logger.error(`shutdown took longer than ${limitMs / 1000} s; exiting`);
        resolve(1);
      }, limitMs);
      timer.unref();
      await hub.close();
      clearTimeout(timer);
      logger.info('stopped');
      resolve(0);
    };
    process.on('SIGTERM', () => void stop('SIGTERM'));
    process.on('SIGINT', () => void stop('SIGINT'));
  });
}
