import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config';

describe('configuration', () => {
  it('defaults to SQLite under ./data on port 4000', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.database).toEqual({ provider: 'sqlite', url: 'data/hub.db' });
    expect(config.graphql.graphiql).toBe(true);
  });

  it('reads PostgreSQL and SQLite URLs', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://u@h:5432/db' }).database.provider).toBe('postgresql');
    expect(loadConfig({ DATABASE_URL: 'file:/tmp/x.db' }).database).toEqual({ provider: 'sqlite', url: '/tmp/x.db' });
    expect(loadConfig({ NODE_ENV: 'production' }).graphql.graphiql).toBe(false);
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
