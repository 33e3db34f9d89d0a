/**
 * `npm run db:migrate` (built: `node dist/cli/migrate.js`): apply pending migrations of the
 * configured database and exit. The release step that goes with HUB_MIGRATE_ON_START=false;
 * instances started at once wait for each other (see db/migrate.ts).
 */
import { loadConfig } from '../config';
import { applyMigrations } from '../db/migrate';

try {
  const config = loadConfig();
  const applied = await applyMigrations(config.database, { onWait: () => console.log('another instance is migrating the database: waiting for it') });
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
} catch (error) {
  console.error(`migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
