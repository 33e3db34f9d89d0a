/** The GraphQL twins of seed 000's configuration API, with typed errors and query limits. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, rest } from '../support/http';
import { startTestHub, type TestHub } from '../support/hub';
import { seedConfigureBody, seedMappingsBody } from '../support/seed';
import {
  ConfigureIntegrationMutation,
  ConnectorsQuery,
  DeleteIntegrationMutation,
  FieldMappingsQuery,
  IntegrationQuery,
  IntegrationsQuery,
  ResetMappingsMutation,
  UpdateFieldMappingsMutation,
} from './graphql-documents';

let hub: TestHub;
let apiKey: string;
let orgId: string;

beforeAll(async () => {
  hub = await startTestHub({ HUB_MAX_QUERY_COMPLEXITY: '1000', HUB_MAX_QUERY_DEPTH: '6' });
  ({ apiKey, orgId } = await hub.createOrg());
});
afterAll(() => hub?.stop());

const pairs = (map: Record<string, string>) => Object.entries(map).map(([target, source]) => ({ target, source }));
const seedInput = {
  connectorType: 'sap-s4hana',
  tenantUrl: seedConfigureBody.tenantUrl,
  enabled: true,
  credentials: pairs(seedConfigureBody.credentials).map(({ target, source }) => ({ field: target, value: source })),
  webhookSecret: seedConfigureBody.settings.webhookSecret,
  fieldMappings: { itemMappings: pairs(seedConfigureBody.fieldMappings.itemMappings) },
};

describe('GraphQL configuration API', () => {
  it('lists connectors with their catalog and defaults', async () => {
    const res = await gql(hub.url, apiKey, ConnectorsQuery);
    expect(res.errors).toBeUndefined();
    const [sap] = res.data!.connectors;
    expect(sap).toMatchObject({ connectorType: 'sap-s4hana', displayName: 'SAP S/4HANA', requiredCredentialFields: ['clientId', 'clientSecret', 'tokenUrl'] });
    expect(sap!.itemSourceFields).toContainEqual({ name: 'GrossLength', kind: 'LENGTH', units: ['MM', 'CM', 'M', 'IN', 'FT'] });
    expect(sap!.defaultFieldMappings.deliveryMappings).toEqual(pairs(seedMappingsBody.deliveryMappings));
  });

  it('configures an integration (created, then updated) and never exposes secrets', async () => {
    const created = await gql(hub.url, apiKey, ConfigureIntegrationMutation, { input: seedInput });
    const result = created.data!.configureIntegration;
    expect(result.__typename).toBe('MutationConfigureIntegrationSuccess');
    if (result.__typename !== 'MutationConfigureIntegrationSuccess') return;
    expect(result.data.created).toBe(true);
    expect(result.data.integration).toMatchObject({
      connectorType: 'sap-s4hana',
      tenantUrl: seedConfigureBody.tenantUrl,
      credentialFields: ['clientId', 'clientSecret', 'tokenUrl'],
      webhookSecretConfigured: true,
      webhookUrl: `${hub.url}/api/v1/integrations/webhook/sap-s4hana/${orgId}`,
      syncStatus: { lastSyncAt: null, lastSyncStatus: null, lastError: null },
    });
    expect(created.text).not.toContain('your-client-secret');

    const updated = await gql(hub.url, apiKey, ConfigureIntegrationMutation, { input: { connectorType: 'sap-s4hana', enabled: false, webhookSecret: null } });
    const second = updated.data!.configureIntegration;
    if (second.__typename !== 'MutationConfigureIntegrationSuccess') throw new Error(second.__typename);
    expect(second.data).toMatchObject({ created: false, integration: { enabled: false, webhookSecretConfigured: false, credentialFields: ['clientId', 'clientSecret', 'tokenUrl'] } });
  });

  it('returns ValidationError with field paths for bad input', async () => {
    const res = await gql(hub.url, apiKey, ConfigureIntegrationMutation, {
      input: { connectorType: 'sap-s4hana', tenantUrl: 'htp:/broken', credentials: [{ field: 'clientSecret', value: '' }] },
    });
    const result = res.data!.configureIntegration;
    expect(result.__typename).toBe('ValidationError');
    if (result.__typename !== 'ValidationError') return;
    expect(result.code).toBe('VALIDATION_FAILED');
    expect(result.fields.map((f) => f.path)).toEqual(expect.arrayContaining(['tenantUrl', 'credentials.clientSecret']));
    const unknown = await gql(hub.url, apiKey, ConfigureIntegrationMutation, { input: { ...seedInput, connectorType: 'nope' } });
    expect(unknown.data!.configureIntegration).toMatchObject({ __typename: 'ValidationError', fields: [{ path: 'connectorType' }] });
    const duplicate = await gql(hub.url, apiKey, UpdateFieldMappingsMutation, {
      connectorType: 'sap-s4hana',
      input: { itemMappings: [{ target: 'sku', source: 'MaterialNumber' }, { target: 'sku', source: 'MaterialGroup' }] },
    });
    expect(duplicate.data!.updateFieldMappings).toMatchObject({ __typename: 'ValidationError', fields: [{ path: 'itemMappings.sku' }] });
  });

  it('reads integrations, one integration, and null for an unconfigured one', async () => {
    const list = await gql(hub.url, apiKey, IntegrationsQuery);
    expect(list.data!.integrations.map((i) => i.connectorType)).toEqual(['sap-s4hana']);
    const one = await gql(hub.url, apiKey, IntegrationQuery, { connectorType: 'sap-s4hana' });
    expect(one.data!.integration).toEqual(list.data!.integrations[0]);
    const restView = await rest(hub.url, 'GET', '/api/v1/integrations/sap-s4hana', { apiKey });
    expect(one.data!.integration!.id).toBe(restView.body.id);
    expect((await gql(hub.url, apiKey, IntegrationQuery, { connectorType: 'other' })).data!.integration).toBeNull();
  });

  it('gets, updates, and resets field mappings', async () => {
    const before = await gql(hub.url, apiKey, FieldMappingsQuery, { connectorType: 'sap-s4hana' });
    expect(before.data!.fieldMappings).toMatchObject({ data: { itemMappings: pairs(seedConfigureBody.fieldMappings.itemMappings) } });
    const updated = await gql(hub.url, apiKey, UpdateFieldMappingsMutation, {
      connectorType: 'sap-s4hana',
      input: { itemMappings: pairs(seedMappingsBody.itemMappings), deliveryMappings: pairs(seedMappingsBody.deliveryMappings) },
    });
    expect(updated.data!.updateFieldMappings).toEqual({
      __typename: 'MutationUpdateFieldMappingsSuccess',
      data: { itemMappings: pairs(seedMappingsBody.itemMappings), deliveryMappings: pairs(seedMappingsBody.deliveryMappings) },
    });
    const reset = await gql(hub.url, apiKey, ResetMappingsMutation, { connectorType: 'sap-s4hana' });
    const defaults = before.data!.defaultFieldMappings;
    if (defaults.__typename !== 'QueryDefaultFieldMappingsSuccess' || reset.data!.resetMappings.__typename !== 'MutationResetMappingsSuccess') throw new Error('unexpected result');
    expect(reset.data!.resetMappings.data.itemMappings).toEqual(defaults.data.itemMappings);
  });

  it('deletes, then reports NotFoundError', async () => {
    expect((await gql(hub.url, apiKey, DeleteIntegrationMutation, { connectorType: 'sap-s4hana' })).data!.deleteIntegration).toEqual({
      __typename: 'MutationDeleteIntegrationSuccess',
      data: true,
    });
    expect((await gql(hub.url, apiKey, DeleteIntegrationMutation, { connectorType: 'sap-s4hana' })).data!.deleteIntegration.__typename).toBe('NotFoundError');
    expect((await gql(hub.url, apiKey, FieldMappingsQuery, { connectorType: 'sap-s4hana' })).data!.fieldMappings.__typename).toBe('NotFoundError');
  });
});

describe('query limits', () => {
  async function post(query: string) {
    const res = await fetch(`${hub.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': apiKey }, body: JSON.stringify({ query }) });
    return (await res.json()) as { data?: unknown; errors?: { message: string }[] };
  }

  it('rejects a query above the complexity limit before running it', async () => {
    const fields = 'itemSourceFields { name units } deliverySourceFields { name units } defaultFieldMappings { itemMappings { target source } }';
    const aliases = Array.from({ length: 8 }, (_, i) => `c${i}: connectors { ${fields} }`).join('\n');
    const res = await post(`{ ${aliases} }`);
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0]?.message).toMatch(/exceeds maximum complexity \(complexity: \d+, max: 1000\)/);
  });

  it('rejects an operation deeper than the depth limit without running it', async () => {
    const res = await post(
      'mutation { configureIntegration(input: {connectorType: "sap-s4hana", tenantUrl: "https://deep.example"}) { ... on MutationConfigureIntegrationSuccess { data { integration { connector { defaultFieldMappings { itemMappings { target } } } } } } } }',
    );
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0]?.message).toMatch(/exceeds maximum depth \(depth: 7, max: 6\)/);
    expect((await hub.services.integrations.list(orgId)).map((i) => i.tenantUrl)).not.toContain('https://deep.example');
  });

  it('still runs an ordinary query', async () => {
    const res = await post('{ connectors { connectorType } }');
    expect(res.errors).toBeUndefined();
  });
});
