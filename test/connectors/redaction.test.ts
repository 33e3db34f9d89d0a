/**
 * A host system's error text reaches users (connection test, sync and transfer errors,
 * lastError), but never the integration's secrets: a token endpoint that answers 400 with the
 * request it received, Basic header included, and an API that quotes the key it refused.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sapS4hana } from '../../src/connectors/sap-s4hana/definition';
import { createOutboundHttp } from '../../src/lib/http/outbound';
import { createLogger } from '../../src/lib/logger';
import { SecretRedactor } from '../../src/lib/redaction';
import type { SapSimulator } from '../../tools/sap-simulator';
import { gql, rest } from '../support/http';
import { startTestHub, type TestHub } from '../support/hub';
import { startSap } from '../support/sap';
import { fastJobs, postWebhook, settledEvent } from '../support/webhooks';
import { SyncRunsQuery } from '../sync/sync-documents';

const clientId = 'hub!client|7';
const clientSecret = 'Sec!ret|with spaces+and/slashes=42';
const apiKeyValue = 'key-Zq8-very-secret';
const webhookSecret = 'whsec_redaction_test';
const formEncode = (value: string) => new URLSearchParams([['', value]]).toString().slice(1);
/** Every way the secrets could appear in what the hosts echo. */
const leaks = [
  clientSecret,
  formEncode(clientSecret),
  encodeURIComponent(clientSecret),
  Buffer.from(`${formEncode(clientId)}:${formEncode(clientSecret)}`).toString('base64'),
  Buffer.from(`${clientId}:${clientSecret}`).toString('base64'),
  apiKeyValue,
];

let hub: TestHub;
let sap: SapSimulator;
let echo: Server;
let echoUrl: string;

/** Answers every request with 400 (token endpoint) or 401 (API), quoting the request in full. */
function startEcho(): Promise<Server> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const authorization = req.headers.authorization ?? '';
      const basic = Buffer.from(authorization.replace(/^Basic /, ''), 'base64').toString('utf8');
      const quoted = `${req.method} ${req.url} authorization: ${authorization} (${basic}, ${decodeURIComponent(basic.replace(/\+/g, ' '))}) x-api-key: ${req.headers['x-api-key'] ?? ''} body: ${Buffer.concat(chunks).toString('utf8')}`;
      const token = req.url?.startsWith('/oauth/token');
      res.writeHead(token ? 400 : 401, { 'content-type': 'application/json' });
      res.end(JSON.stringify(token ? { error: 'invalid_request', error_description: `cannot handle ${quoted}` } : { error: 'unauthorized', message: `refused ${quoted}` }));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

beforeAll(async () => {
  [hub, sap, echo] = await Promise.all([startTestHub({ HUB_ALLOW_PRIVATE_TARGETS: 'true', ...fastJobs }), startSap({ products: 10 }), startEcho()]);
  echoUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await Promise.all([hub?.stop(), sap?.close(), new Promise((resolve) => echo?.close(resolve))]);
});

function expectNoSecret(text: string) {
  for (const leak of leaks) expect(text).not.toContain(leak);
  expect(text).not.toMatch(/Basic [A-Za-z0-9+/=]{4,}/);
}

describe('a token endpoint that echoes the request', () => {
  let apiKey: string;
  let orgId: string;
  beforeAll(async () => {
    ({ apiKey, orgId } = await hub.createOrg());
    const res = await rest(hub.url, 'PUT', '/api/v1/integrations/sap-s4hana', {
      apiKey,
      body: { tenantUrl: sap.url, credentials: { clientId, clientSecret, tokenUrl: `${echoUrl}/oauth/token` }, settings: { webhookSecret } },
    });
    expect(res.status).toBe(201);
  });

  it('leaves the secrets out of the connection test message, and keeps the rest', async () => {
    const res = await rest(hub.url, 'POST', '/api/v1/integrations/sap-s4hana/test', { apiKey });
    expect(res.body.success).toBe(false);
    expect(res.body.message).toMatch(/^SAP token endpoint refused the request \(invalid_request: cannot handle POST \/oauth\/token authorization: Basic \[redacted\] \(hub%21client%7C7:\[redacted\], hub!client\|7:\[redacted\]\)/);
    expect(res.body.message).toContain('body: grant_type=client_credentials');
    expectNoSecret(res.text);
  });

  it('leaves them out of a sync error, its run and lastError', async () => {
    const res = await rest(hub.url, 'POST', '/api/v1/integrations/sap-s4hana/sync', { apiKey });
    expect(res.body).toMatchObject({ success: false, message: expect.stringContaining('[redacted]') });
    expectNoSecret(res.text);
    const runs = await gql(hub.url, apiKey, SyncRunsQuery, { first: 5 });
    expect(runs.data?.syncRuns.edges[0]?.node.error).toContain('[redacted]');
    expectNoSecret(runs.text);
    const status = await rest(hub.url, 'GET', '/api/v1/integrations/sap-s4hana/sync/status', { apiKey });
    expect(status.body.lastError).toContain('[redacted]');
    expectNoSecret(status.text);
  });

  it('leaves them out of a transfer error, its event and lastError', async () => {
    const res = await postWebhook(hub, orgId, { outboundDelivery: '80000001' }, { secret: webhookSecret });
    const event = await settledEvent(hub, res.body.deliveryId);
    expect(event.transfers[0]!.error).toContain('[redacted]');
    expectNoSecret(JSON.stringify(event));
    const status = await rest(hub.url, 'GET', '/api/v1/integrations/sap-s4hana/sync/status', { apiKey });
    expectNoSecret(status.text);
  });

  it('leaves them out of the log', () => {
    for (const line of hub.logs) expectNoSecret(line);
  });
});

describe('an API that quotes the key it refused', () => {
  it('leaves the key out of the connection test message', async () => {
    const { apiKey } = await hub.createOrg();
    const configured = await rest(hub.url, 'PUT', '/api/v1/integrations/generic-http', {
      apiKey,
      body: { tenantUrl: echoUrl, credentials: { apiKey: apiKeyValue }, settings: { auth: { type: 'header' }, webhook: { eventTypePath: 'type', idsPath: 'ids' } } },
    });
    expect(configured.status).toBe(201);
    const res = await rest(hub.url, 'POST', '/api/v1/integrations/generic-http/test', { apiKey });
    expect(res.body.message).toMatch(/^the API refused the credentials \(HTTP 401\) for GET \/items: unauthorized: refused GET \/items.* x-api-key: \[redacted\]/);
    expectNoSecret(res.text);
  });
});

describe('an echo longer than a message quotes', () => {
  it('is redacted before it is clipped, so no piece of a secret is left at the cut', async () => {
    const http = createOutboundHttp({ allowPrivateTargets: true, maxAttempts: 1 });
    const pieces = [clientSecret, formEncode(clientSecret)].flatMap((form) => Array.from({ length: form.length - 5 }, (_, i) => form.slice(i, i + 6)));
    try {
      // Longer token URLs move the echoed Basic header and secret across the 300-character cut.
      for (let pad = 170; pad <= 290; pad += 6) {
        const client = sapS4hana.connect({
          tenantUrl: sap.url,
          credentials: { clientId, clientSecret, tokenUrl: `${echoUrl}/oauth/token?${'p'.repeat(pad)}` },
          settings: {},
          http,
          logger: createLogger('silent'),
          redactor: new SecretRedactor([clientSecret]),
        });
        const { message } = await client.testConnection();
        expect(message).toContain('…');
        expectNoSecret(message);
        for (const piece of pieces) expect(message, `pad ${pad}`).not.toContain(piece);
      }
    } finally {
      await http.close();
    }
  });
});
