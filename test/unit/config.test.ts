import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config';

describe('configuration', () => {
  it('defaults to SQLite under ./data on port 4000', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.database).toEqual({ provider: 'sqlite', url: 'data/hub.db' });
    expect(config.graphiql).toBe(true);
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

  it('reads PostgreSQL and SQLite URLs', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://u@h:5432/db' }).database.provider).toBe('postgresql');
    expect(loadConfig({ DATABASE_URL: 'file:/tmp/x.db' }).database).toEqual({ provider: 'sqlite', url: '/tmp/x.db' });
    expect(loadConfig({ NODE_ENV: 'production' }).graphiql).toBe(false);
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
});
