/** `npm run db:migrate`: apply pending migrations of the configured database and exit. */
import { loadConfig } from '../config';
import { applyMigrations } from '../db/migrate';

try {
  const config = loadConfig();
  const applied = await applyMigrations(config.database);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
} catch (error) {
  console.error(`migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
