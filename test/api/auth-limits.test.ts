/**
 * The limit on failed authentications per client address, over real connections from distinct
 * loopback addresses (127.0.0.x): REST, GraphQL over HTTP and WebSocket connects answer 429
 * with Retry-After once an address is over it; valid keys are never held back and never count.
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../support/hub';

let hub: TestHub;
let apiKey: string;

/** A request whose connection comes from `from`, a loopback address of its own. */
function call(from: string, method: string, path: string, headers: Record<string, string> = {}, body?: string, target = hub) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; json: any }>((resolve, reject) => {
    const req = httpRequest(`${target.url}${path}`, { method, headers, localAddress: from, agent: false }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, json: text ? JSON.parse(text) : undefined }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const query = JSON.stringify({ query: '{ integrations { connectorType } }' });
const graphql = (from: string, key: string) => call(from, 'POST', '/graphql', { 'content-type': 'application/json', 'x-api-key': key }, query);
const restCall = (from: string, key: string, headers: Record<string, string> = {}, target = hub) => call(from, 'GET', '/api/v1/integrations', { 'x-api-key': key, ...headers }, undefined, target);

type Connect = { closed: number } | { refused: { status: number; retryAfter: string | undefined; body: unknown } } | { acknowledged: true };

/** A graphql-ws connection attempt from `from`: acknowledged, closed with a code, or refused at the upgrade. */
function connect(from: string, key: string): Promise<Connect> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`${hub.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws', { localAddress: from });
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { 'X-Api-Key': key } })));
    socket.on('message', (data) => {
      if (JSON.parse(data.toString()).type === 'connection_ack') {
        socket.close();
        resolve({ acknowledged: true });
      }
    });
    socket.on('close', (code) => resolve({ closed: code }));
    socket.on('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ refused: { status: response.statusCode!, retryAfter: response.headers['retry-after'], body: JSON.parse(body) } }));
    });
    socket.on('error', () => undefined);
  });
}

const badKey = 'fpk_test_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

beforeAll(async () => {
  // Three failures at once, then one every ten seconds.
  hub = await startTestHub({ HUB_AUTH_FAILURE_LIMIT: '3', HUB_AUTH_FAILURE_WINDOW_SECONDS: '30' });
  ({ apiKey } = await hub.createOrg());
});
afterAll(async () => {
  await hub?.stop();
});

describe('failed authentications per address', () => {
  it('REST: 401 up to the limit, then 429 with Retry-After; valid keys neither wait nor count', async () => {
    const from = '127.0.0.2';
    for (let i = 0; i < 10; i += 1) expect((await restCall(from, apiKey)).status).toBe(200);
    for (const key of [badKey, 'hello', '']) expect((await restCall(from, key)).status).toBe(401);
    const limited = await restCall(from, badKey);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(10);
    expect(limited.json).toEqual({ error: { code: 'RATE_LIMITED', message: expect.stringMatching(/^too many failed authentication attempts from this address; retry in \d+ s$/) } });
    expect((await restCall(from, apiKey)).status).toBe(200);
    expect((await call(from, 'PATCH', '/api/v1/webhooks/ep_x', { 'content-type': 'application/json' }, '{}')).status).toBe(429);
    // Another address is not affected; a forged X-Forwarded-For does not make another address.
    expect((await restCall('127.0.0.3', badKey)).status).toBe(401);
    expect((await restCall(from, badKey, { 'x-forwarded-for': '203.0.113.9' })).status).toBe(429);
  });

  it('GraphQL over HTTP: the same, in GraphQL\'s error shape', async () => {
    const from = '127.0.0.4';
    for (let i = 0; i < 3; i += 1) {
      const refused = await graphql(from, badKey);
      expect(refused.status).toBe(401);
      expect(refused.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    const limited = await graphql(from, badKey);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(limited.json).toEqual({ errors: [{ message: expect.stringMatching(/^too many failed authentication attempts/), extensions: { code: 'RATE_LIMITED' } }] });
    const ok = await graphql(from, apiKey);
    expect(ok.status).toBe(200);
    expect(ok.json).toEqual({ data: { integrations: [] } });
  });

  it('WebSocket: bad keys close with 4403 up to the limit, then the upgrade is answered 429 with Retry-After', async () => {
    const from = '127.0.0.5';
    expect(await connect(from, apiKey)).toEqual({ acknowledged: true });
    for (let i = 0; i < 3; i += 1) expect(await connect(from, badKey)).toEqual({ closed: 4403 });
    const refused = await connect(from, badKey);
    expect(refused).toEqual({ refused: { status: 429, retryAfter: expect.stringMatching(/^\d+$/), body: { error: { code: 'RATE_LIMITED', message: expect.any(String) } } } });
    expect(await connect('127.0.0.6', apiKey)).toEqual({ acknowledged: true });
  });

  it('counts failures of one address across transports', async () => {
    const from = '127.0.0.7';
    await restCall(from, badKey);
    await graphql(from, badKey);
    expect(await connect(from, badKey)).toEqual({ closed: 4403 });
    expect((await restCall(from, badKey)).status).toBe(429);
  });
});

describe('behind a trusted proxy (HUB_TRUST_PROXY)', () => {
  let proxied: TestHub;
  beforeAll(async () => {
    proxied = await startTestHub({ HUB_AUTH_FAILURE_LIMIT: '2', HUB_TRUST_PROXY: '127.0.0.8' });
  });
  afterAll(() => proxied?.stop());

  it("limits the client X-Forwarded-For names when the request comes from the proxy, and only then", async () => {
    const viaProxy = (client: string) => restCall('127.0.0.8', badKey, { 'x-forwarded-for': client }, proxied);
    expect((await viaProxy('203.0.113.1')).status).toBe(401);
    expect((await viaProxy('203.0.113.1')).status).toBe(401);
    expect((await viaProxy('203.0.113.1')).status).toBe(429);
    expect((await viaProxy('203.0.113.2')).status).toBe(401);
    // Not from the proxy: its X-Forwarded-For is ignored, the peer address counts.
    const direct = (client: string) => restCall('127.0.0.9', badKey, { 'x-forwarded-for': client }, proxied);
    expect((await direct('203.0.113.3')).status).toBe(401);
    expect((await direct('203.0.113.4')).status).toBe(401);
    expect((await direct('203.0.113.5')).status).toBe(429);
  });
});
