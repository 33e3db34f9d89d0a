/**
 * Turns the one model source (prisma/models.prisma) into a complete schema per provider and
 * generates a Prisma client for each. One Prisma schema can name only one provider, so
 * SQLite and PostgreSQL each get their own schema file, client and migrations folder.
 *
 * `prisma generate` does not run the schema engine, but the CLI insists on finding one before it
 * starts; pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file keeps it from downloading.
 */
import { execFileSync } from 'node:child_process';
import { providers, writeProviderSchemas } from '../src/db/provider-schemas';

const schemaFiles = writeProviderSchemas();
for (const provider of providers) {
  execFileSync(process.execPath, [require_resolve('prisma/build/index.js'), 'generate', '--schema', schemaFiles[provider]], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: schemaFiles[provider], PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  });
}
console.log(`prisma clients generated for ${providers.join(', ')}`);

function require_resolve(specifier: string): string {
  return new URL(import.meta.resolve(specifier)).pathname;
}
