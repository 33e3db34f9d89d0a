/**
 * `secrets reseal` against a live database: every sealed column moves to the active key, and a
 * value that changes between the read and the write (a new webhook secret, a rotated endpoint
 * secret) is never overwritten with the stale one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { SecretResealer, type Reseal } from '../../src/domain/secrets/reseal';
import { sealedColumns, secretKinds, SealedSecrets, type SecretKind } from '../../src/domain/secrets/sealed-secrets';
import { openHub, type Hub } from '../../src/hub';
import { generateKey, keyEntry, Keyring, parseKeys } from '../../src/lib/crypto/keyring';
import { createLogger } from '../../src/lib/logger';
import { createTestDatabase, type TestDatabase } from '../support/database';

const A = keyEntry({ ...generateKey(), id: 'keyA' });
const B = keyEntry({ ...generateKey(), id: 'keyB' });
const C = keyEntry({ ...generateKey(), id: 'keyC' });

let database: TestDatabase;
const hubs: Hub[] = [];
let orgId: string;
let integrationId: string;
let endpointId: string;

async function hubWith(keys: string): Promise<Hub> {
  const hub = await openHub({ ...loadConfig({ NODE_ENV: 'test', HUB_ENCRYPTION_KEYS: keys }), database: database.target }, createLogger('silent'));
  hubs.push(hub);
  return hub;
}

const sapBody = (webhookSecret: string) => ({
  tenantUrl: 'https://my-sap-instance.s4hana.cloud',
  credentials: { clientId: 'client', clientSecret: 'client-secret-1', tokenUrl: 'https://my-sap-instance.s4hana.cloud/oauth/token' },
  settings: { webhookSecret },
});

/** The key id every stored value of a kind is sealed with. */
async function keyIds(hub: Hub, kind: SecretKind): Promise<string[]> {
  const { model, column } = sealedColumns[kind];
  const rows = (await (hub.services.db[model] as unknown as { findMany(): Promise<Record<string, string | null>[]> }).findMany()).filter((row) => row[column] !== null);
  return rows.map((row) => row[column]!.split('.')[1]!);
}

beforeAll(async () => {
  database = await createTestDatabase();
  const old = await hubWith(A);
  ({ orgId } = await old.services.orgs.createOrg('Rotation'));
  await old.services.integrations.configure(orgId, 'sap-s4hana', sapBody('whsec_first'));
  ({ integration: { id: integrationId } } = await old.services.integrations.configure(orgId, 'sap-s4hana', { settings: { webhookSecret: 'whsec_second' } }));
  ({ endpoint: { id: endpointId } } = await old.services.endpoints.create(orgId, { url: 'https://example.com/hook', eventTypes: ['item.*'] }));
  await old.services.endpoints.rotateSecret(orgId, endpointId);
});
afterAll(async () => {
  for (const hub of hubs) await hub.close();
  await database?.drop();
});

describe('secrets reseal', () => {
  it('never writes back a value that changed after it was read', async () => {
    const hub = await hubWith(`${B},${A}`);
    const { resealer, integrations, endpoints } = hub.services;

    const hooks = await resealer.page('integrationWebhookSecret');
    expect(hooks.values.map((value) => value.id)).toEqual([integrationId]);
    const { reseals: hookReseals } = resealer.prepare('integrationWebhookSecret', hooks.values);
    const endpointSecrets = await resealer.page('endpointSecret');
    const { reseals: endpointReseals } = resealer.prepare('endpointSecret', endpointSecrets.values);

    // Between the read and the write, the user sets a new webhook secret and rotates the endpoint's.
    await integrations.configure(orgId, 'sap-s4hana', { settings: { webhookSecret: 'whsec_third' } });
    const { secret: rotated } = await endpoints.rotateSecret(orgId, endpointId);

    expect(await resealer.apply('integrationWebhookSecret', hookReseals)).toEqual({ written: 0, changed: [integrationId] });
    expect(await resealer.apply('endpointSecret', endpointReseals)).toEqual({ written: 0, changed: [endpointId] });
    const integration = await integrations.get(orgId, 'sap-s4hana');
    expect(integrations.webhookSecret(integration)).toBe('whsec_third');
    expect((await endpoints.secret(orgId, endpointId)).secret).toBe(rotated);
  });

  it('reads a value again when a process on the old key changed it meanwhile, and reseals that', async () => {
    // Still sealing with A (B known, not yet first): an instance not yet restarted with the new order.
    const old = await hubWith(`${A},${B}`);
    await old.services.integrations.configure(orgId, 'sap-s4hana', { credentials: { clientSecret: 'client-secret-1b' } });
    const hub = await hubWith(`${B},${A}`);
    let injected = 0;
    // The old process writes between this resealer's read and write, once.
    class Interleaved extends SecretResealer {
      override async apply(kind: SecretKind, reseals: Reseal[]) {
        if (kind === 'integrationCredentials' && injected++ === 0) {
          await old.services.integrations.configure(orgId, 'sap-s4hana', { credentials: { clientSecret: 'client-secret-2' } });
        }
        return super.apply(kind, reseals);
      }
    }
    const report = await new Interleaved(hub.services.db, new SealedSecrets(new Keyring(parseKeys(`${B},${A}`)))).resealAll();
    expect(injected).toBeGreaterThan(1);
    expect(report.kinds.integrationCredentials).toMatchObject({ stored: 1, resealed: 1, conflicts: [], failed: [], remaining: 0 });
    expect(report.remaining).toBe(0);
    const integration = await hub.services.integrations.get(orgId, 'sap-s4hana');
    expect(hub.services.integrations.credentials(integration).clientSecret).toBe('client-secret-2');
    for (const kind of secretKinds) for (const id of await keyIds(hub, kind)) expect(id).toBe('keyB');
  });

  it('reports a value that keeps changing, and one that does not open, as still on an older key', async () => {
    const old = await hubWith(`${A},${B}`);
    const other = await hubWith(C);
    const { endpoint } = await other.services.endpoints.create(orgId, { url: 'https://example.com/other', eventTypes: ['item.*'] });
    await old.services.integrations.configure(orgId, 'sap-s4hana', { settings: { webhookSecret: 'whsec_fourth' } });
    const hub = await hubWith(`${B},${A}`);
    class AlwaysChanged extends SecretResealer {
      override async apply(kind: SecretKind, reseals: Reseal[]) {
        if (kind === 'integrationWebhookSecret') await old.services.integrations.configure(orgId, 'sap-s4hana', { settings: { webhookSecret: `whsec_${Math.random()}` } });
        return super.apply(kind, reseals);
      }
    }
    const report = await new AlwaysChanged(hub.services.db, new SealedSecrets(new Keyring(parseKeys(`${B},${A}`))), { pageSize: 1, attempts: 3 }).resealAll();
    expect(report.kinds.integrationWebhookSecret).toMatchObject({ resealed: 0, conflicts: [integrationId], remaining: 1 });
    expect(report.kinds.endpointSecret.failed).toEqual([{ id: endpoint.id, reason: expect.stringContaining('unknown key "keyC"') }]);
    expect(report.kinds.endpointSecret.remaining).toBe(1);
    expect(report.kinds.endpointSecret.stored).toBe(2);
    // The old process's writes also sealed the row's credentials with the old key again, after they were resealed.
    expect(report.kinds.integrationCredentials.remaining).toBe(1);
    expect(report.remaining).toBe(3);
  });
});
