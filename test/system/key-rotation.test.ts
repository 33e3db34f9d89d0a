/**
 * The key rotation procedure of the README, end to end with real processes: a hub on key A with
 * an integration (credentials, current and previous webhook secret) and an outbound endpoint
 * (current and previous secret); add key B first, `hub -- secrets reseal`, drop A, restart.
 * Then every secret still works: the connection test reaches the SAP simulator, inbound webhooks
 * verify with both webhook secrets, outbound deliveries carry signatures a receiver verifies.
 */
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SapSimulator } from '../../tools/sap-simulator';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { rest } from '../support/http';
import { envFor, runNpm, startServerProcess } from '../support/process';
import { startReceiver, type Receiver } from '../support/receiver';
import { sapIntegrationBody, startSap } from '../support/sap';
import { seedSignature } from '../support/webhooks';

let database: TestDatabase;
let sap: SapSimulator;
let receiver: Receiver;
const servers: Awaited<ReturnType<typeof startServerProcess>>[] = [];

const withKeys = (keys: string) => ({ HUB_ENCRYPTION_KEYS: keys, HUB_KEY_FILE: undefined });
const hubCli = (keys: string, ...args: string[]) => runNpm(['run', '--silent', 'hub', '--', ...args], envFor(database, withKeys(keys)));

async function start(keys: string) {
  const server = await startServerProcess(database, withKeys(keys));
  servers.push(server);
  return server;
}

async function stop(server: Awaited<ReturnType<typeof startServerProcess>>) {
  server.child.kill('SIGTERM');
  await server.exited;
}

beforeAll(async () => {
  [database, sap, receiver] = await Promise.all([createTestDatabase(), startSap({ products: 10 }), startReceiver()]);
});
afterAll(async () => {
  for (const server of servers) if (server.child.exitCode === null) await stop(server);
  await sap?.close();
  await receiver?.close();
  await database?.drop();
});

describe('rotating the encryption key', () => {
  it('moves every secret to the new key, so the hub works with the old key dropped', async () => {
    const [a, b] = await Promise.all([hubCli('', 'keys', 'generate'), hubCli('', 'keys', 'generate')]);
    const [keyA, keyB] = [a.stdout.trim(), b.stdout.trim()];

    // On key A: an organization, an integration with two webhook secrets, an endpoint with two secrets.
    const first = await start(keyA);
    const org = await hubCli(keyA, 'org', 'create', 'Rotation', '--json');
    expect(org.code, org.stderr).toBe(0);
    const { orgId, apiKey } = JSON.parse(org.stdout) as { orgId: string; apiKey: string };
    const put = (body: unknown) => rest(first.url, 'PUT', '/api/v1/integrations/sap-s4hana', { apiKey, body });
    expect((await put(sapIntegrationBody(sap, { settings: { webhookSecret: 'whsec_first_secret' } }))).status).toBe(201);
    expect((await put({ settings: { webhookSecret: 'whsec_second_secret' } })).status).toBe(200);
    const created = await rest(first.url, 'POST', '/api/v1/webhooks', { apiKey, body: { url: receiver.url, events: ['webhook.received'] } });
    expect(created.status).toBe(201);
    const endpointId = created.body.id as string;
    const rotated = await rest(first.url, 'POST', `/api/v1/webhooks/${endpointId}/secret/rotate`, { apiKey });
    const endpointSecrets = { current: rotated.body.secret as string, previous: created.body.secret as string };
    await stop(first);

    // Key B first, A kept after it: reseal.
    const resealed = await hubCli(`${keyB},${keyA}`, 'secrets', 'reseal', '--json');
    expect(resealed.code, resealed.stderr).toBe(0);
    const report = JSON.parse(resealed.stdout);
    expect(report.activeKeyId).toBe(keyB.split(':')[0]);
    expect(report.remaining).toBe(0);
    for (const kind of ['integrationCredentials', 'integrationWebhookSecret', 'integrationPreviousWebhookSecret', 'endpointSecret', 'endpointPreviousSecret']) {
      expect(report.kinds[kind], kind).toEqual({ stored: 1, resealed: 1, conflicts: [], failed: [], remaining: 0 });
    }
    const again = await hubCli(`${keyB},${keyA}`, 'secrets', 'reseal');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('endpointSecret: 1 stored, 0 resealed, 0 still on an older key');
    expect(again.stdout).toMatch(/older keys can be removed from HUB_ENCRYPTION_KEYS$/m);

    // Key A dropped, restarted.
    const second = await start(keyB);
    const test = await rest(second.url, 'POST', '/api/v1/integrations/sap-s4hana/test', { apiKey });
    expect(test.body).toEqual({ success: true, message: 'Connection successful' });

    const hook = (secret: string) => {
      const body = JSON.stringify({ outboundDelivery: '80000001' });
      return rest(second.url, 'POST', `/api/v1/integrations/webhook/sap-s4hana/${orgId}`, { rawBody: body, headers: { 'content-type': 'application/json', 'x-webhook-signature': seedSignature(body, secret) } });
    };
    expect((await hook('whsec_second_secret')).status).toBe(200);
    expect((await hook('whsec_first_secret')).status).toBe(200); // the previous secret, within its overlap
    expect((await hook('whsec_wrong')).status).toBe(401);

    const [delivery] = await receiver.waitFor(1, 20_000);
    const headers = delivery!.headers as Record<string, string>;
    expect(JSON.parse(delivery!.body)).toMatchObject({ event: 'webhook.received' });
    expect(() => new Webhook(endpointSecrets.current).verify(delivery!.body, headers)).not.toThrow();
    expect(() => new Webhook(endpointSecrets.previous).verify(delivery!.body, headers)).not.toThrow();
    expect(headers['x-fractal-signature']).toBe(seedSignature(delivery!.body, endpointSecrets.current));

    const read = await rest(second.url, 'GET', `/api/v1/webhooks/${endpointId}/secret`, { apiKey });
    expect(read.body).toMatchObject({ secret: endpointSecrets.current, previousSecret: endpointSecrets.previous });
  }, 180_000);
});
