/** The admin CLI as documented: `npm run --silent hub -- org create <name> --json`, keys. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { openHub, type Hub } from '../../src/hub';
import { createLogger } from '../../src/lib/logger';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { rest } from '../support/http';
import { envFor, runNpm, startServerProcess } from '../support/process';

let database: TestDatabase;
let hub: Hub | undefined;
const hubCli = (...args: string[]) => runNpm(['run', '--silent', 'hub', '--', ...args], envFor(database));

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await hub?.close();
  await database?.drop();
});

async function services() {
  hub ??= await openHub({ ...loadConfig(envFor(database)), database: database.target }, createLogger('silent'));
  return hub.services;
}

describe('hub CLI', () => {
  let created: { orgId: string; apiKey: string };

  it('creates an organization and prints exactly {orgId, apiKey}', async () => {
    const result = await hubCli('org', 'create', 'Acme Corp', '--json');
    expect(result.code, result.stderr).toBe(0);
    created = JSON.parse(result.stdout);
    expect(Object.keys(created)).toEqual(['orgId', 'apiKey']);
    expect(created.orgId).toMatch(/^org_[a-z0-9]{20}$/);
    expect(created.apiKey).toMatch(/^fpk_test_[A-Za-z0-9]{32}$/);
    expect(await (await services()).orgs.authenticate(created.apiKey)).toMatchObject({ orgId: created.orgId });
  });

  it('creates, lists and revokes API keys', async () => {
    const made = await hubCli('apikey', 'create', created.orgId, '--live', '--label', 'ci', '--json');
    expect(made.code, made.stderr).toBe(0);
    const { keyId, apiKey } = JSON.parse(made.stdout);
    expect(apiKey).toMatch(/^fpk_live_/);
    const listed = await hubCli('apikey', 'list', created.orgId, '--json');
    const keys = JSON.parse(listed.stdout) as { id: string; prefix: string; keyHash?: string }[];
    expect(keys.map((k) => k.id)).toContain(keyId);
    expect(listed.stdout).not.toContain(apiKey);
    expect(keys.every((k) => k.keyHash === undefined)).toBe(true);
    const revoked = await hubCli('apikey', 'revoke', keyId);
    expect(revoked.code).toBe(0);
    expect(await (await services()).orgs.authenticate(apiKey)).toBeNull();
  });

  it('creates, lists and revokes platform keys; a server takes the key until it is revoked', async () => {
    const made = await hubCli('platformkey', 'create', '--label', 'backend', '--json');
    expect(made.code, made.stderr).toBe(0);
    const { apiKey, keyId } = JSON.parse(made.stdout) as { apiKey: string; keyId: string };
    expect(apiKey).toMatch(/^fpk_platform_[A-Za-z0-9]{32}$/);
    expect(await (await services()).orgs.authenticate(apiKey)).toEqual({ kind: 'platform', keyId });
    const rows = await (await services()).db.platformKey.findMany();
    expect(rows.map((row) => row.keyHash)).not.toContain(apiKey);

    const listed = await hubCli('platformkey', 'list', '--json');
    const keys = JSON.parse(listed.stdout) as { id: string; prefix: string; label: string; revokedAt: string | null; keyHash?: string }[];
    expect(keys).toContainEqual(expect.objectContaining({ id: keyId, prefix: apiKey.slice(0, 17), label: 'backend', revokedAt: null }));
    expect(listed.stdout).not.toContain(apiKey);
    expect(keys.every((k) => k.keyHash === undefined)).toBe(true);
    const text = await hubCli('platformkey', 'list');
    expect(text.stdout).toContain(`${keyId}  ${apiKey.slice(0, 17)}…  active  backend`);

    // The key at work against a server on the same database, and refused there once revoked.
    const server = await startServerProcess(database);
    try {
      const provisioned = await rest(server.url, 'POST', '/api/v1/orgs', { apiKey, body: { name: 'Provisioned' } });
      expect(provisioned.status).toBe(201);
      expect(provisioned.body.apiKey).toMatch(/^fpk_test_/);
      const revoked = await hubCli('platformkey', 'revoke', keyId, '--json');
      expect(revoked.code).toBe(0);
      expect(JSON.parse(revoked.stdout)).toEqual({ revoked: keyId });
      expect((await rest(server.url, 'GET', '/api/v1/orgs', { apiKey })).status).toBe(401);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    expect(await (await services()).orgs.authenticate(apiKey)).toBeNull();
    expect((await hubCli('platformkey', 'list')).stdout).toContain(`${keyId}  ${apiKey.slice(0, 17)}…  revoked`);
    const again = await hubCli('platformkey', 'revoke', keyId);
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toBe(`no active platform key ${keyId}`);
  });

  it('disables and enables an organization', async () => {
    const disabled = await hubCli('org', 'disable', created.orgId, '--json');
    expect(JSON.parse(disabled.stdout)).toEqual({ orgId: created.orgId, status: 'disabled' });
    expect(await (await services()).orgs.authenticate(created.apiKey)).toBeNull();
    expect((await hubCli('org', 'list')).stdout).toContain(`${created.orgId}  Acme Corp  disabled`);
    const enabled = await hubCli('org', 'enable', created.orgId);
    expect(enabled.stdout.trim()).toBe(`organization ${created.orgId} is active`);
    expect(await (await services()).orgs.authenticate(created.apiKey)).toMatchObject({ orgId: created.orgId });
  });

  it('explains bad usage and unknown ids without a stack trace', async () => {
    const usage = await hubCli('org', 'explode');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/unknown command "org explode"\nusage:/);
    const missing = await hubCli('apikey', 'revoke', 'key_doesnotexist');
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe('no active API key key_doesnotexist');
    const noOrg = await hubCli('apikey', 'create', 'org_nope');
    expect(noOrg.stderr.trim()).toBe('organization org_nope does not exist');
    for (const output of [usage.stderr, missing.stderr, noOrg.stderr]) expect(output).not.toMatch(/\n\s+at /);
  });

  it('with HUB_MIGRATE_ON_START=false refuses to work on a database that lacks migrations, and says what to run', async () => {
    const fresh = await createTestDatabase();
    try {
      const result = await runNpm(['run', '--silent', 'hub', '--', 'org', 'list'], envFor(fresh, { HUB_MIGRATE_ON_START: 'false' }));
      expect(result.code).toBe(1);
      expect(result.stderr.trim()).toMatch(/^error: the database schema is not current \(\d+ migration\(s\) not applied\): run npm run db:migrate first$/);
    } finally {
      await fresh.drop();
    }
  });
});
