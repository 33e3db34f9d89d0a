/** `npm start`: validate configuration, migrate (unless the release does), serve; stop cleanly on SIGTERM/SIGINT. */
import { ConfigError, loadConfig, type Config } from './config';
import { serve } from './serve';

async function main(): Promise<number> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 78; // EX_CONFIG
    }
    throw error;
  }
  return serve(config, 'api');
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Integration Hub failed to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
