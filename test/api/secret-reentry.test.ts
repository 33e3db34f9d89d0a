/**
 * Write-only secrets cannot be redirected: changing where a connector sends its secrets (the
 * tenant URL, a token URL, the auth type that decides which secret goes to the tenant URL)
 * requires the secrets to be given again in the same request, over REST and GraphQL. Otherwise
 * anyone holding an API key could point the stored client secret at a server of their own.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SapSimulator } from '../../tools/sap-simulator';
import { createJsonApiSimulator, type JsonApiSimulator } from '../../tools/json-api-simulator';
import { genericBody, putGeneric } from '../connectors/generic-http-support';
import { gql, rest } from '../support/http';
import { startTestHub, type TestHub } from '../support/hub';
import { startReceiver, type Receiver } from '../support/receiver';
import { configureSap, startSap } from '../support/sap';
import { ConfigureIntegrationMutation } from './graphql-documents';

let hub: TestHub;
let sap: SapSimulator;
let sim: JsonApiSimulator;
let receiver: Receiver;
const sapPath = '/api/v1/integrations/sap-s4hana';
const genericPath = '/api/v1/integrations/generic-http';

beforeAll(async () => {
  [hub, sap, sim, receiver] = await Promise.all([
    startTestHub({ HUB_ALLOW_PRIVATE_TARGETS: 'true' }),
    startSap({ products: 20 }),
    createJsonApiSimulator({ items: 5 }),
    startReceiver(),
  ]);
  receiver.respond = () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"access_token":"stolen","expires_in":3600}' });
});
afterAll(async () => {
  await Promise.all([hub?.stop(), sap?.close(), sim?.close(), receiver?.close()]);
});
beforeEach(() => {
  receiver.received.length = 0;
});

const reentry = (field: string, because: string) => ({ path: `credentials.${field}`, message: `must be given again: ${because} changes where it is sent` });

describe('SAP S/4HANA', () => {
  it('refuses a new tokenUrl without the client secret, so the stored secret never reaches it', async () => {
    const { apiKey } = await hub.createOrg();
    await configureSap(hub, apiKey, sap);
    const res = await rest(hub.url, 'PUT', sapPath, { apiKey, body: { credentials: { tokenUrl: `${receiver.url}/oauth/token` } } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [reentry('clientSecret', 'credentials.tokenUrl')] });

    // The stored configuration is unchanged: the test still goes to the simulator only.
    const test = await rest(hub.url, 'POST', `${sapPath}/test`, { apiKey });
    expect(test.body).toEqual({ success: true, message: 'Connection successful' });
    expect(receiver.received).toEqual([]);
  });

  it('refuses a new tenantUrl without the client secret (it receives tokens made from it)', async () => {
    const { apiKey } = await hub.createOrg();
    await configureSap(hub, apiKey, sap);
    const res = await rest(hub.url, 'PUT', sapPath, { apiKey, body: { tenantUrl: receiver.url } });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([reentry('clientSecret', 'tenantUrl')]);
    expect(res.body.error.message).toBe('credentials.clientSecret: must be given again: tenantUrl changes where it is sent');
  });

  it('takes a new destination together with the secret, and the same destination without it', async () => {
    const { apiKey } = await hub.createOrg();
    await configureSap(hub, apiKey, sap);
    // Sending the stored values again changes nothing, so no secret is needed.
    const same = await rest(hub.url, 'PUT', sapPath, { apiKey, body: { tenantUrl: sap.url, credentials: { tokenUrl: sap.tokenUrl }, enabled: true } });
    expect(same.status).toBe(200);
    const moved = await rest(hub.url, 'PUT', sapPath, {
      apiKey,
      body: { tenantUrl: `${sap.url}/`, credentials: { tokenUrl: sap.tokenUrl.replace('127.0.0.1', 'localhost'), clientSecret: sap.clientSecret } },
    });
    expect(moved.status).toBe(200);
    expect((await rest(hub.url, 'POST', `${sapPath}/test`, { apiKey })).body).toEqual({ success: true, message: 'Connection successful' });
  });

  it('applies the same rule to the GraphQL configureIntegration mutation', async () => {
    const { apiKey } = await hub.createOrg();
    await configureSap(hub, apiKey, sap);
    const res = await gql(hub.url, apiKey, ConfigureIntegrationMutation, {
      input: { connectorType: 'sap-s4hana', tenantUrl: receiver.url, credentials: [{ field: 'tokenUrl', value: `${receiver.url}/oauth/token` }] },
    });
    expect(res.data?.configureIntegration).toEqual({
      __typename: 'ValidationError',
      code: 'VALIDATION_FAILED',
      message: 'credentials.clientSecret: must be given again: tenantUrl and credentials.tokenUrl change where it is sent',
      fields: [{ path: 'credentials.clientSecret', message: 'must be given again: tenantUrl and credentials.tokenUrl change where it is sent' }],
    });
    expect((await rest(hub.url, 'POST', `${sapPath}/test`, { apiKey })).body.success).toBe(true);
    expect(receiver.received).toEqual([]);
  });
});

describe('generic-http', () => {
  async function orgWith(mode: 'header' | 'oauth2') {
    sim.auth = mode;
    const org = await hub.createOrg();
    const res = await putGeneric(hub, org.apiKey, genericBody(sim));
    expect(res.status).toBe(201);
    return org.apiKey;
  }

  it('header auth: a new tenantUrl needs the API key again', async () => {
    const apiKey = await orgWith('header');
    const res = await rest(hub.url, 'PUT', genericPath, { apiKey, body: { tenantUrl: receiver.url } });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([reentry('apiKey', 'tenantUrl')]);
    await rest(hub.url, 'POST', `${genericPath}/test`, { apiKey });
    expect(receiver.received).toEqual([]);
  });

  it('oauth2: a new tokenUrl or tenantUrl needs the client secret again', async () => {
    const apiKey = await orgWith('oauth2');
    const token = await rest(hub.url, 'PUT', genericPath, { apiKey, body: { credentials: { tokenUrl: `${receiver.url}/token` } } });
    expect(token.body.error.fields).toEqual([reentry('clientSecret', 'credentials.tokenUrl')]);
    const tenant = await rest(hub.url, 'PUT', genericPath, { apiKey, body: { tenantUrl: receiver.url } });
    expect(tenant.body.error.fields).toEqual([reentry('clientSecret', 'tenantUrl')]);
    const given = await rest(hub.url, 'PUT', genericPath, { apiKey, body: { credentials: { tokenUrl: sim.tokenUrl.replace('127.0.0.1', 'localhost'), clientSecret: sim.credentials.clientSecret } } });
    expect(given.status).toBe(200);
  });

  it('a new auth type needs the secrets it starts sending, not the ones it stops using', async () => {
    const apiKey = await orgWith('header');
    sim.auth = 'oauth2';
    const toOauth = await rest(hub.url, 'PUT', genericPath, { apiKey, body: { credentials: sim.integrationCredentials(), settings: { auth: { type: 'oauth2' } } } });
    expect(toOauth.status).toBe(200);
    // The API key is still stored; switching back would send it to the tenant URL, possibly
    // changed meanwhile together with the OAuth client secret: it has to be given again.
    const back = await rest(hub.url, 'PUT', genericPath, { apiKey, body: { settings: { auth: { type: 'header' } } } });
    expect(back.status).toBe(400);
    expect(back.body.error.fields).toEqual([reentry('apiKey', 'settings.auth.type')]);
  });
});
