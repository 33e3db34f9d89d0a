/**
 * What /graphql tells and whom it serves: introspection and "Did you mean …?" hints are on while
 * developing and off in production (HUB_GRAPHQL_INTROSPECTION / HUB_GRAPHQL_SUGGESTIONS), and
 * browsers get CORS headers only for the origins in HUB_CORS_ORIGINS, never with credentials.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gqlText } from '../support/http';
import { startTestHub, type TestHub } from '../support/hub';

function post(hub: TestHub, apiKey: string, query: string, variables?: Record<string, unknown>, origin?: string) {
  return gqlText(hub.url, apiKey, query, { variables, headers: origin ? { origin } : {} });
}

function preflight(hub: TestHub, origin: string): Promise<Response> {
  return fetch(`${hub.url}/graphql`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-api-key' },
  });
}

const corsHeaders = (headers: Headers) =>
  Object.fromEntries([...headers].filter(([name]) => name.startsWith('access-control-')).map(([name, value]) => [name, value]));

const introspection = '{ __schema { queryType { name } } }';
const misspelledField = '{ integrationz { id } }';
const misspelledEnumVariable = 'query ($status: WebhookEventStatus) { webhookEvents(status: $status) { edges { cursor } } }';
const misspelledEnumLiteral = '{ webhookEvents(status: PROCESED) { edges { cursor } } }';

describe('while developing (the defaults outside production)', () => {
  let hub: TestHub;
  let apiKey: string;

  beforeAll(async () => {
    hub = await startTestHub();
    ({ apiKey } = await hub.createOrg());
  });
  afterAll(() => hub?.stop());

  it('answers introspection and suggests names', async () => {
    expect((await post(hub, apiKey, introspection)).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    expect((await post(hub, apiKey, misspelledField)).errors?.[0]?.message).toMatch(/Did you mean "integrations?"/);
    expect((await post(hub, apiKey, misspelledEnumVariable, { status: 'PROCESED' })).errors?.[0]?.message).toMatch(/Did you mean the enum value "PROCESSED"/);
  });

  it('gives no origin CORS headers when none is configured', async () => {
    const answer = await post(hub, apiKey, '{ connectors { connectorType } }', undefined, 'https://evil.example');
    expect(answer.status).toBe(200);
    expect(corsHeaders(answer.headers)).toEqual({});
    expect(corsHeaders((await preflight(hub, 'https://evil.example')).headers)).toEqual({});
  });
});

describe('in production (its defaults), with two allowed origins', () => {
  let hub: TestHub;
  let apiKey: string;

  beforeAll(async () => {
    hub = await startTestHub({
      NODE_ENV: 'production',
      HUB_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
      HUB_CORS_ORIGINS: 'https://app.example.com, https://admin.example.com',
    });
    ({ apiKey } = await hub.createOrg());
  });
  afterAll(() => hub?.stop());

  it('refuses introspection', async () => {
    const answer = await post(hub, apiKey, introspection);
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors?.[0]?.message).toMatch(/introspection has been disabled/);
    expect((await post(hub, apiKey, '{ __type(name: "Integration") { fields { name } } }')).errors?.[0]?.message).toMatch(/introspection has been disabled/);
  });

  it('names the mistake without suggesting the schema', async () => {
    for (const [query, variables] of [[misspelledField], [misspelledEnumLiteral], [misspelledEnumVariable, { status: 'PROCESED' }]] as const) {
      const { errors } = await post(hub, apiKey, query, variables);
      expect(errors?.length, query).toBeGreaterThan(0);
      for (const error of errors!) expect(error.message, query).not.toMatch(/did you mean|integrations|PROCESSED/i);
    }
    expect((await post(hub, apiKey, misspelledField)).errors?.[0]?.message).toBe('Cannot query field "integrationz" on type "Query".');
  });

  it('still answers ordinary queries', async () => {
    expect((await post(hub, apiKey, '{ connectors { connectorType } }')).errors).toBeUndefined();
  });

  it('gives CORS headers to the configured origins only, without credentials', async () => {
    for (const origin of ['https://app.example.com', 'https://admin.example.com']) {
      const allowed = await preflight(hub, origin);
      expect(allowed.status).toBe(204);
      const headers = corsHeaders(allowed.headers);
      expect(headers).toMatchObject({ 'access-control-allow-origin': origin, 'access-control-allow-methods': 'GET, POST' });
      expect(headers['access-control-allow-headers']).toContain('x-api-key');
      expect(headers['access-control-allow-credentials']).toBeUndefined();
      const answer = await post(hub, apiKey, '{ connectors { connectorType } }', undefined, origin);
      expect(corsHeaders(answer.headers)).toMatchObject({ 'access-control-allow-origin': origin });
      expect(answer.headers.get('vary')).toMatch(/origin/i);
    }
    for (const origin of ['https://evil.example', 'https://app.example.com.evil.example', 'null']) {
      expect(corsHeaders((await preflight(hub, origin)).headers), origin).toEqual({});
      expect(corsHeaders((await post(hub, apiKey, '{ connectors { connectorType } }', undefined, origin)).headers), origin).toEqual({});
    }
  });
});
