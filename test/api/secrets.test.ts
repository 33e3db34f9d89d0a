/**
 * Credentials and webhook secrets: encrypted at rest, never in a response, an error or a log line.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, rest } from '../support/http';
import { startTestHub, type TestHub } from '../support/hub';
import { testProvider } from '../support/database';
import { seedConfigureBody, seedSecrets } from '../support/seed';
import { ConfigureIntegrationMutation, IntegrationsQuery } from './graphql-documents';

let hub: TestHub;
let apiKey: string;
const responses: string[] = [];
const base = '/api/v1/integrations';
const extraSecret = 'second-secret-value-Zq8';

beforeAll(async () => {
  hub = await startTestHub();
  ({ apiKey } = await hub.createOrg());
  const calls: [string, string, unknown?][] = [
    ['PUT', `${base}/sap-s4hana`, seedConfigureBody],
    ['PUT', `${base}/sap-s4hana`, { credentials: { clientSecret: extraSecret } }],
    // Invalid updates that carry secrets: the error must not echo them.
    ['PUT', `${base}/sap-s4hana`, { credentials: { clientSecret: extraSecret, bogus: extraSecret }, tenantUrl: 'x' }],
    ['PUT', `${base}/sap-s4hana`, { credentials: { clientSecret: 42 }, settings: { webhookSecret: extraSecret, other: extraSecret } }],
    ['PUT', `${base}/sap-s4hana`, { settings: { webhookSecret: 'short' } }],
    ['GET', base],
    ['GET', `${base}/sap-s4hana`],
    ['GET', `${base}/sap-s4hana/mappings`],
    ['GET', `${base}/sap-s4hana/sync/status`],
  ];
  for (const [method, url, body] of calls) responses.push((await rest(hub.url, method, url, { apiKey, body })).text);
  responses.push((await gql(hub.url, apiKey, IntegrationsQuery)).text);
  responses.push(
    (
      await gql(hub.url, apiKey, ConfigureIntegrationMutation, {
        input: { connectorType: 'sap-s4hana', credentials: [{ field: 'clientSecret', value: extraSecret }, { field: 'nope', value: extraSecret }] },
      })
    ).text,
  );
});
afterAll(() => hub?.stop());

const secrets = [...seedSecrets, extraSecret];

describe('secrets', () => {
  it('appear in no API response, including validation errors', () => {
    expect(responses.length).toBe(11);
    for (const text of responses) for (const secret of secrets) expect(text).not.toContain(secret);
  });

  it('appear in no log line', () => {
    expect(hub.logs.length).toBeGreaterThan(10);
    for (const line of hub.logs) for (const secret of secrets) expect(line).not.toContain(secret);
  });

  it('are stored encrypted: the database holds no plaintext secret', async () => {
    let stored: string;
    if (testProvider === 'sqlite') {
      // The database file and its WAL: every byte SQLite has written.
      const dir = path.dirname(hub.config.database.url);
      stored = readdirSync(dir)
        .filter((file) => file.startsWith('hub.db'))
        .map((file) => readFileSync(path.join(dir, file)).toString('latin1'))
        .join('');
    } else {
      const rows = await hub.services.db.$queryRawUnsafe<{ row: string }[]>('SELECT t::text AS row FROM "Integration" t');
      stored = rows.map((r) => r.row).join('\n');
    }
    expect(stored).toContain('my-sap-instance.s4hana.cloud'); // the check can see row data at all
    for (const secret of secrets) expect(stored).not.toContain(secret);
    const row = await hub.services.db.integration.findFirstOrThrow();
    expect(row.credentialsSealed).toMatch(/^v1\.[A-Za-z0-9_-]+\./);
    expect(hub.services.integrations.credentials(row).clientSecret).toBe(extraSecret);
  });
});
