import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';
import { generateKey, keyEntry } from '../../src/lib/crypto/keyring';
import { repoRoot } from '../support/process';

const productionKey = keyEntry(generateKey());

describe('configuration', () => {
  it('defaults to SQLite under ./data on port 4000', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.database).toEqual({ provider: 'sqlite', url: 'data/hub.db' });
    expect(config.graphql.graphiql).toBe(true);
    expect(config.migrateOnStart).toBe(true);
    expect(config.shutdownDelayMs).toBe(0);
  });

  it('reads the release settings: migrating at start, the shutdown delay', () => {
    const config = loadConfig({ HUB_MIGRATE_ON_START: 'false', HUB_SHUTDOWN_DELAY_MS: '5000' });
    expect(config.migrateOnStart).toBe(false);
    expect(config.shutdownDelayMs).toBe(5000);
    expect(() => loadConfig({ HUB_MIGRATE_ON_START: 'later' })).toThrow(/HUB_MIGRATE_ON_START: must be "true" or "false"/);
    expect(() => loadConfig({ HUB_SHUTDOWN_DELAY_MS: '-1' })).toThrow(/HUB_SHUTDOWN_DELAY_MS/);
  });

  it("reads the product's signature header and the event catalog path", () => {
    expect(loadConfig({}).outbound.signature).toEqual({ header: 'X-Fractal-Signature', format: 'sha256=hex' });
    expect(loadConfig({ HUB_SIGNATURE_HEADER: 'X-Fractio-Signature', HUB_SIGNATURE_FORMAT: 'hex' }).outbound.signature).toEqual({ header: 'X-Fractio-Signature', format: 'hex' });
    expect(() => loadConfig({ HUB_SIGNATURE_FORMAT: 'base64' })).toThrow(/HUB_SIGNATURE_FORMAT: must be "sha256=hex" or "hex"/);
    expect(() => loadConfig({ HUB_SIGNATURE_HEADER: 'webhook-signature' })).toThrow(/HUB_SIGNATURE_HEADER: must not be a Standard Webhooks header/);
    expect(() => loadConfig({ HUB_SIGNATURE_HEADER: 'X Bad: header' })).toThrow(/HUB_SIGNATURE_HEADER: must be an HTTP header name/);
    expect(loadConfig({ HUB_EVENT_CATALOG: 'examples/catalogs/fractal.json' }).eventCatalog).toBe(path.resolve('examples/catalogs/fractal.json'));
  });

  it('reads PostgreSQL and SQLite URLs', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://u@h:5432/db' }).database.provider).toBe('postgresql');
    expect(loadConfig({ DATABASE_URL: 'file:/tmp/x.db' }).database).toEqual({ provider: 'sqlite', url: '/tmp/x.db' });
    expect(loadConfig({ NODE_ENV: 'production', HUB_ENCRYPTION_KEYS: productionKey }).graphql.graphiql).toBe(false);
  });

  it('refuses production without HUB_ENCRYPTION_KEYS, in one line that says how to make a key', () => {
    for (const keys of [undefined, '', ' ']) {
      expect(() => loadConfig({ NODE_ENV: 'production', ...(keys === undefined ? {} : { HUB_ENCRYPTION_KEYS: keys }) })).toThrow(
        /^Invalid configuration: HUB_ENCRYPTION_KEYS: is required when NODE_ENV=production; create a key with `npm run --silent hub -- keys generate`[^\n]*$/,
      );
    }
    expect(() => loadConfig({ NODE_ENV: 'production', HUB_ENCRYPTION_KEYS: 'k1:c2hvcnQ=' })).toThrow(/HUB_ENCRYPTION_KEYS: key "k1" must be 32 bytes/);
    expect(loadConfig({ HUB_ENCRYPTION_KEYS: productionKey }).encryptionKeys).toBe(productionKey);
  });

  it('keeps the development key file beside the SQLite database, or in the hub\'s data folder for PostgreSQL', () => {
    expect(loadConfig({ DATABASE_URL: 'file:/srv/hub/hub.db' }).keyFile).toBe('/srv/hub/encryption-keys.json');
    expect(loadConfig({}).keyFile).toBe(path.resolve('data', 'encryption-keys.json'));
    expect(loadConfig({ DATABASE_URL: 'postgresql://u@h:5432/db' }).keyFile).toBe(path.join(repoRoot, 'data', 'encryption-keys.json'));
    expect(loadConfig({ HUB_KEY_FILE: 'keys/dev.json' }).keyFile).toBe(path.resolve('keys/dev.json'));
  });

  it('reports every problem by name, without a stack trace', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', HUB_ALLOW_PRIVATE_TARGETS: 'maybe' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/PORT: must be a port number/);
      expect(problems).toMatch(/HUB_ALLOW_PRIVATE_TARGETS: must be "true" or "false"/);
    }
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: .*"file:".*"postgresql:\/\/"/);
  });

  it('turns introspection and suggestions off in production unless told otherwise', () => {
    expect(loadConfig({}).graphql).toMatchObject({ introspection: true, suggestions: true, corsOrigins: [] });
    expect(loadConfig({ NODE_ENV: 'production', HUB_ENCRYPTION_KEYS: productionKey }).graphql).toMatchObject({ introspection: false, suggestions: false, graphiql: false });
    expect(loadConfig({ NODE_ENV: 'production', HUB_ENCRYPTION_KEYS: productionKey, HUB_GRAPHQL_INTROSPECTION: 'true', HUB_GRAPHQL_SUGGESTIONS: 'true' }).graphql).toMatchObject({ introspection: true, suggestions: true });
    expect(loadConfig({ HUB_GRAPHQL_INTROSPECTION: 'false' }).graphql.introspection).toBe(false);
  });

  it('reads the query limits and takes CORS origins as exact origins', () => {
    expect(loadConfig({}).graphql.limits).toEqual({ complexity: 2000, depth: 10, breadth: 200, tokens: 5000 });
    expect(loadConfig({ HUB_CORS_ORIGINS: 'https://app.example.com, http://localhost:5173' }).graphql.corsOrigins).toEqual(['https://app.example.com', 'http://localhost:5173']);
    expect(() => loadConfig({ HUB_CORS_ORIGINS: 'https://app.example.com/, *, app.example.com' })).toThrow(
      /"https:\/\/app.example.com\/" is not an origin[\s\S]*"\*" is not an origin[\s\S]*"app.example.com" is not an origin/,
    );
  });
});
