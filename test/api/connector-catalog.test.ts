/**
 * What a configuration form and a mappings editor read from the catalog: each connector's
 * credential fields (required, URL, help), its own settings as JSON Schema, and the hub's
 * mapping targets with their kinds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from '../support/http';
import { startTestHub, type TestHub } from '../support/hub';
import { graphql } from '../gql';

const CatalogQuery = graphql(`
  query ConnectorCatalog {
    connectors {
      connectorType tenantUrlDescription settingsSchema
      credentialFieldSpecs { name required url description }
    }
    mappingTargets {
      itemMappings { name kind required description }
      deliveryMappings { name kind required }
    }
  }
`);

let hub: TestHub;
let apiKey: string;

beforeAll(async () => {
  hub = await startTestHub();
  ({ apiKey } = await hub.createOrg());
});
afterAll(async () => hub?.stop());

describe('the connector catalog for forms', () => {
  it("declares SAP's credential fields with what a form shows, and no settings of its own", async () => {
    const res = await gql(hub.url, apiKey, CatalogQuery);
    const sap = res.data!.connectors.find((c) => c.connectorType === 'sap-s4hana')!;
    expect(sap.credentialFieldSpecs).toEqual([
      { name: 'clientId', required: true, url: false, description: expect.stringContaining('client id') },
      { name: 'clientSecret', required: true, url: false, description: expect.any(String) },
      { name: 'tokenUrl', required: true, url: true, description: expect.stringContaining('/oauth/token') },
    ]);
    expect(sap.tenantUrlDescription).toContain('https://');
    expect(sap.settingsSchema).toBeNull();
  });

  it("gives generic-http's settings as JSON Schema, with their defaults, and says which auth type needs each credential", async () => {
    const res = await gql(hub.url, apiKey, CatalogQuery);
    const generic = res.data!.connectors.find((c) => c.connectorType === 'generic-http')!;
    const schema = generic.settingsSchema as any;
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.properties.auth.properties.type).toMatchObject({ enum: ['none', 'header', 'bearer', 'basic', 'oauth2'], default: 'none' });
    expect(schema.properties.items.properties.path.default).toBe('/items');
    expect(schema.properties.items.properties.paging.oneOf.map((branch: any) => branch.properties.style.const)).toEqual(['none', 'page', 'offset', 'cursor', 'link']);
    expect(schema.additionalProperties).toBe(false);
    expect(generic.credentialFieldSpecs.find((f) => f.name === 'password')).toEqual({
      name: 'password', required: false, url: false, description: 'Required with settings auth.type "basic"',
    });
    expect(generic.credentialFieldSpecs.find((f) => f.name === 'tokenUrl')).toMatchObject({ url: true });
  });

  it('lists the mapping targets with their kinds', async () => {
    const res = await gql(hub.url, apiKey, CatalogQuery);
    const { itemMappings, deliveryMappings } = res.data!.mappingTargets;
    expect(itemMappings.map((f) => [f.name, f.kind, f.required])).toEqual([
      ['sku', 'STRING', true], ['name', 'STRING', false], ['length', 'LENGTH', false], ['width', 'LENGTH', false],
      ['height', 'LENGTH', false], ['weight', 'WEIGHT', false], ['category', 'STRING', false],
    ]);
    expect(deliveryMappings.filter((f) => f.required).map((f) => f.name)).toEqual(['orderId', 'sku', 'quantity']);
  });

  it('answers only with a key', async () => {
    const res = await gql(hub.url, undefined, CatalogQuery);
    expect(res.status).toBe(401);
  });
});
