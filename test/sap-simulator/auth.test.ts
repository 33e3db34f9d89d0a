import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSapSimulator, type SapSimulator } from '../../tools/sap-simulator/index';
import { basicHeader, odataGet, PRODUCTS, requestToken } from './helpers';

let sim: SapSimulator;

beforeAll(async () => {
  sim = await createSapSimulator({ products: 20, clientId: 'sb-hub!b1234|xsuaa!b120', clientSecret: 'se%cr:et' });
});

afterAll(async () => {
  await sim.close();
});

async function postToken(body: string, headers: Record<string, string> = {}): Promise<{ status: number; json: any }> {
  const response = await fetch(sim.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body,
  });
  return { status: response.status, json: await response.json() };
}

describe('OAuth token endpoint', () => {
  it('issues a bearer token for client credentials in HTTP Basic (URL-encoded as XSUAA expects)', async () => {
    const { status, json } = await postToken('grant_type=client_credentials', { authorization: basicHeader(sim.clientId, sim.clientSecret) });
    expect(status).toBe(200);
    expect(json).toMatchObject({ token_type: 'bearer', expires_in: 43199, scope: 'uaa.resource' });
    expect(typeof json.access_token).toBe('string');
    expect(json.jti).toMatch(/^[0-9a-f]{32}$/);
    expect(Object.keys(json).sort()).toEqual(['access_token', 'expires_in', 'jti', 'scope', 'token_type']);
  });

  it('issues a token for client_id/client_secret form fields', async () => {
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: sim.clientId, client_secret: sim.clientSecret });
    const { status, json } = await postToken(form.toString());
    expect(status).toBe(200);
    expect(json.token_type).toBe('bearer');
  });

  it('rejects bad credentials with 401 invalid_client', async () => {
    const basic = await postToken('grant_type=client_credentials', { authorization: basicHeader(sim.clientId, 'wrong') });
    expect(basic).toEqual({ status: 401, json: { error: 'invalid_client', error_description: 'Bad credentials' } });
    const form = await postToken(`grant_type=client_credentials&client_id=${encodeURIComponent(sim.clientId)}&client_secret=nope`);
    expect(form).toEqual({ status: 401, json: { error: 'invalid_client', error_description: 'Bad credentials' } });
    const none = await postToken('grant_type=client_credentials');
    expect(none.status).toBe(401);
  });

  it('rejects other grant types with 400', async () => {
    const { status, json } = await postToken('grant_type=password', { authorization: basicHeader(sim.clientId, sim.clientSecret) });
    expect(status).toBe(400);
    expect(json.error).toBe('unsupported_grant_type');
  });

  it('counts issued and rejected tokens', async () => {
    const before = { ...sim.stats };
    await requestToken(sim);
    await postToken('grant_type=client_credentials');
    expect(sim.stats.tokensIssued).toBe(before.tokensIssued + 1);
    expect(sim.stats.tokenRequestsRejected).toBe(before.tokenRequestsRejected + 1);
  });
});

describe('authentication of OData requests', () => {
  it('answers 401 with a plain-text body without credentials', async () => {
    const response = await fetch(`${sim.url}${PRODUCTS}/A_Product?$format=json`);
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const body = await response.text();
    expect(() => JSON.parse(body)).toThrow();
  });

  it('answers 401 for an unknown token', async () => {
    const response = await odataGet(sim, `${PRODUCTS}/A_Product`, 'not-a-token');
    expect(response.status).toBe(401);
    expect(response.json).toBeUndefined();
  });

  it('accepts a valid token and rejects it after expireAllTokens()', async () => {
    const token = await requestToken(sim);
    expect((await odataGet(sim, `${PRODUCTS}/A_Product?$top=1`, token)).status).toBe(200);
    sim.expireAllTokens();
    const expired = await odataGet(sim, `${PRODUCTS}/A_Product?$top=1`, token);
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toContain('invalid_token');
    expect((await odataGet(sim, `${PRODUCTS}/A_Product?$top=1`, await requestToken(sim))).status).toBe(200);
  });

  it('lets tokens expire after faults.tokenTtlSeconds', async () => {
    sim.faults.tokenTtlSeconds = 1;
    const response = await fetch(sim.tokenUrl, {
      method: 'POST',
      headers: { authorization: basicHeader(sim.clientId, sim.clientSecret) },
      body: 'grant_type=client_credentials',
    });
    delete sim.faults.tokenTtlSeconds;
    const { access_token, expires_in } = (await response.json()) as { access_token: string; expires_in: number };
    expect(expires_in).toBe(1);
    expect((await odataGet(sim, `${PRODUCTS}/A_Product?$top=1`, access_token)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await odataGet(sim, `${PRODUCTS}/A_Product?$top=1`, access_token)).status).toBe(401);
  });

  it('expires a token mid-sync with faults.rejectTokensAfterRequests', async () => {
    sim.faults.rejectTokensAfterRequests = 2;
    const token = await requestToken(sim);
    const statuses = [];
    for (let k = 0; k < 3; k++) statuses.push((await odataGet(sim, `${PRODUCTS}/A_Product?$top=1`, token)).status);
    const fresh = await requestToken(sim);
    statuses.push((await odataGet(sim, `${PRODUCTS}/A_Product?$top=1`, fresh)).status);
    delete sim.faults.rejectTokensAfterRequests;
    expect(statuses).toEqual([200, 200, 401, 200]);
  });

  it('accepts Basic auth with the client credentials, as for a communication user', async () => {
    const ok = await fetch(`${sim.url}${PRODUCTS}/A_Product?$top=1&$format=json`, { headers: { authorization: basicHeader(sim.clientId, sim.clientSecret) } });
    expect(ok.status).toBe(200);
    const bad = await fetch(`${sim.url}${PRODUCTS}/A_Product?$top=1&$format=json`, { headers: { authorization: basicHeader(sim.clientId, 'x') } });
    expect(bad.status).toBe(401);
  });

  it('counts 401 responses', async () => {
    const before = sim.stats.rejected401;
    await fetch(`${sim.url}${PRODUCTS}/A_Product`);
    expect(sim.stats.rejected401).toBe(before + 1);
  });
});

describe('CSRF', () => {
  it('hands out a token on x-csrf-token: Fetch and requires it for modifying requests', async () => {
    const token = await requestToken(sim);
    const auth = { authorization: `Bearer ${token}` };

    const withoutToken = await fetch(`${sim.url}${PRODUCTS}/A_Product`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{}' });
    expect(withoutToken.status).toBe(403);
    expect(withoutToken.headers.get('x-csrf-token')).toBe('Required');

    const fetched = await fetch(`${sim.url}${PRODUCTS}/`, { method: 'HEAD', headers: { ...auth, 'x-csrf-token': 'Fetch' } });
    expect(fetched.status).toBe(200);
    const csrf = fetched.headers.get('x-csrf-token');
    expect(csrf).toBeTruthy();
    expect(csrf).not.toBe('Required');

    const wrong = await fetch(`${sim.url}${PRODUCTS}/A_Product('TG11')`, { method: 'PATCH', headers: { ...auth, 'x-csrf-token': 'forged' }, body: '{}' });
    expect(wrong.status).toBe(403);

    // With a valid token the request passes CSRF; writes are not simulated.
    const write = await fetch(`${sim.url}${PRODUCTS}/A_Product`, { method: 'POST', headers: { ...auth, 'x-csrf-token': csrf ?? '' }, body: '{}' });
    expect(write.status).toBe(501);
    expect(((await write.json()) as any).error.code).toBe('SAP_SIMULATOR/NOT_SIMULATED');
  });

  it('does not require a CSRF token for GET', async () => {
    const response = await odataGet(sim, `${PRODUCTS}/A_Product?$top=1`, await requestToken(sim));
    expect(response.status).toBe(200);
    expect(response.headers.get('x-csrf-token')).toBeNull();
  });
});
