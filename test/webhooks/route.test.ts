/**
 * Seed 000's webhook route: the documented success answer, every row of its troubleshooting
 * table, the limits around it, signatures as the seed's own snippets and the Standard Webhooks
 * library compute them, requiring timestamped signatures, repeated deliveries, secret rotation and
 * the Event Mesh handshake.
 */
import { execFileSync } from 'node:child_process';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rest } from '../support/http';
import { startTestHub, type TestHub } from '../support/hub';
import { seedConfigureBody } from '../support/seed';
import { postWebhook, seedSignature } from '../support/webhooks';

const secret = 'whsec_abc123...';
let hub: TestHub;
let apiKey: string;
let orgId: string;
const count = () => hub.services.db.webhookEvent.count({ where: { orgId } });

beforeAll(async () => {
  // No worker: these tests are about receiving; nothing should call the (fake) SAP tenant.
  hub = await startTestHub({ HUB_WEBHOOK_BODY_LIMIT_BYTES: '4096', HUB_WORKER: 'false' });
  ({ apiKey, orgId } = await hub.createOrg());
  const res = await rest(hub.url, 'PUT', '/api/v1/integrations/sap-s4hana', { apiKey, body: seedConfigureBody });
  expect(res.status).toBe(201);
});
afterAll(() => hub?.stop());

describe('the documented webhook call', () => {
  it('answers {success, deliveryId} and stores the raw body before answering', async () => {
    const body = '{"outboundDelivery": "80000001"}';
    const res = await postWebhook(hub, orgId, body, { secret });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, deliveryId: expect.stringMatching(/^evt_[a-z0-9]{20}$/) });
    const stored = await hub.services.db.webhookEvent.findUniqueOrThrow({ where: { id: res.body.deliveryId } });
    expect(stored).toMatchObject({ orgId, connectorType: 'sap-s4hana', body, signatureScheme: 'x-webhook-signature', status: 'received' });
    expect(await hub.services.db.job.count({ where: { subjectId: stored.id, queue: 'webhook.process' } })).toBe(1);
  });

  it("accepts signatures made by the seed's Python and JavaScript snippets", async () => {
    const body = JSON.stringify({ outboundDelivery: '80000002', note: 'Grüße ✓' });
    const python = [
      'import hmac, hashlib, sys',
      'def compute_signature(body: str, secret: str) -> str:',
      '    mac = hmac.new(secret.encode(), body.encode(), hashlib.sha256)',
      '    return f"sha256={mac.hexdigest()}"',
      'print(compute_signature(sys.argv[1], sys.argv[2]))',
    ].join('\n');
    const fromPython = execFileSync('python3', ['-c', python, body, secret], { encoding: 'utf8' }).trim();
    // The seed's JavaScript, verbatim apart from `require` becoming an import.
    const crypto = await import('node:crypto');
    function computeSignature(b: string, s: string) {
      const mac = crypto.createHmac('sha256', s).update(b).digest('hex');
      return `sha256=${mac}`;
    }
    for (const signature of [fromPython, computeSignature(body, secret)]) {
      const res = await postWebhook(hub, orgId, body, { headers: { 'x-webhook-signature': signature } });
      expect(res.status).toBe(200);
    }
  });
});

describe("seed 000's troubleshooting table", () => {
  it('401: missing or wrong signature, with a JSON error', async () => {
    const before = await count();
    const missing = await postWebhook(hub, orgId, { outboundDelivery: '1' });
    expect(missing.status).toBe(401);
    expect(missing.body.error).toMatchObject({ code: 'INVALID_SIGNATURE', message: expect.stringContaining('missing signature') });
    for (const signature of ['sha256=00', seedSignature('{"other": 1}', secret), seedSignature('{"outboundDelivery":"1"}', 'wrong-secret'), 'sha1=abc', '']) {
      const res = await postWebhook(hub, orgId, '{"outboundDelivery":"1"}', { headers: { 'x-webhook-signature': signature } });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('INVALID_SIGNATURE');
    }
    expect(await count()).toBe(before);
  });

  it('404: integration not configured (unknown org, other connector type, malformed org id)', async () => {
    const other = await hub.createOrg('Other');
    for (const [type, org] of [['sap-s4hana', other.orgId], ['sap-s4hana', 'org_doesnotexist'], ['no-such-connector', orgId], ['sap-s4hana', "org_'; DROP TABLE"]]) {
      const res = await postWebhook(hub, org!, { outboundDelivery: '1' }, { secret, connectorType: type });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
  });

  it('400: invalid JSON, when the signature is right', async () => {
    for (const body of ['{"outboundDelivery": ', 'not json', '', `${'\uFEFF{}'.slice(1)}}`]) {
      const res = await postWebhook(hub, orgId, body, { secret });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('INVALID_JSON');
    }
  });

  it('500: webhook secret not configured, saying so in a JSON body', async () => {
    const { apiKey: key, orgId: org } = await hub.createOrg('No secret');
    await rest(hub.url, 'PUT', '/api/v1/integrations/sap-s4hana', { apiKey: key, body: { ...seedConfigureBody, settings: {} } });
    const res = await postWebhook(hub, org, { outboundDelivery: '1' }, { secret });
    expect(res.status).toBe(500);
    expect(res.body.error).toEqual({ code: 'WEBHOOK_SECRET_NOT_CONFIGURED', message: expect.stringContaining('settings.webhookSecret') });
  });
});

describe('limits and refusals beyond the table', () => {
  it('413 for a body over HUB_WEBHOOK_BODY_LIMIT_BYTES, nothing stored', async () => {
    const before = await count();
    const body = JSON.stringify({ outboundDelivery: '1', padding: 'x'.repeat(5000) });
    const res = await postWebhook(hub, orgId, body, { secret });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await count()).toBe(before);
  });

  it('415 for a body that is not sent as JSON', async () => {
    const body = '{"outboundDelivery":"1"}';
    const res = await postWebhook(hub, orgId, body, { secret, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('accepts CloudEvents structured mode (application/cloudevents+json)', async () => {
    const res = await postWebhook(hub, orgId, { specversion: '1.0', type: 'x', id: 'ce-1', source: '/s' }, { secret, headers: { 'content-type': 'application/cloudevents+json; charset=utf-8' } });
    expect(res.status).toBe(200);
  });

  it('403 for a disabled integration, nothing stored', async () => {
    const { apiKey: key, orgId: org } = await hub.createOrg('Disabled');
    await rest(hub.url, 'PUT', '/api/v1/integrations/sap-s4hana', { apiKey: key, body: { ...seedConfigureBody, enabled: false } });
    const res = await postWebhook(hub, org, { outboundDelivery: '1' }, { secret });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('INTEGRATION_DISABLED');
    expect(await hub.services.db.webhookEvent.count({ where: { orgId: org } })).toBe(0);
  });
});

describe('Standard Webhooks headers', () => {
  const standardSecret = `whsec_${Buffer.from('a standard webhooks key of 32 b').toString('base64')}`;
  let org: { apiKey: string; orgId: string };

  beforeAll(async () => {
    org = await hub.createOrg('Standard');
    await rest(hub.url, 'PUT', '/api/v1/integrations/sap-s4hana', { apiKey: org.apiKey, body: { ...seedConfigureBody, settings: { webhookSecret: standardSecret } } });
  });

  const signed = (id: string, body: string, at = new Date()) => {
    const signature = new Webhook(standardSecret).sign(id, at, body);
    return { 'webhook-id': id, 'webhook-timestamp': String(Math.floor(at.getTime() / 1000)), 'webhook-signature': signature };
  };

  it('accepts what the standardwebhooks library signs', async () => {
    const body = '{"outboundDelivery":"80000003"}';
    const res = await postWebhook(hub, org.orgId, body, { headers: signed('msg_1', body) });
    expect(res.status).toBe(200);
    const stored = await hub.services.db.webhookEvent.findUniqueOrThrow({ where: { id: res.body.deliveryId } });
    expect(stored.signatureScheme).toBe('standard-webhooks');
  });

  it('rejects a timestamp outside five minutes, and a signature over other bytes', async () => {
    const body = '{"outboundDelivery":"80000003"}';
    const old = await postWebhook(hub, org.orgId, body, { headers: signed('msg_2', body, new Date(Date.now() - 6 * 60_000)) });
    expect(old.status).toBe(401);
    expect(old.body.error.message).toMatch(/5 minutes/);
    const tampered = await postWebhook(hub, org.orgId, `${body} `, { headers: signed('msg_3', body) });
    expect(tampered.status).toBe(401);
  });

  it('answers a repeated webhook-id with the first deliveryId and stores it once', async () => {
    const body = '{"outboundDelivery":"80000004"}';
    const first = await postWebhook(hub, org.orgId, body, { headers: signed('msg_repeat', body) });
    const again = await postWebhook(hub, org.orgId, body, { headers: signed('msg_repeat', body) });
    expect(again.body.deliveryId).toBe(first.body.deliveryId);
    expect(await hub.services.db.webhookEvent.count({ where: { orgId: org.orgId, dedupKey: 'webhook-id:msg_repeat' } })).toBe(1);
  });
});

describe('settings.requireTimestampedSignatures', () => {
  const standardSecret = `whsec_${Buffer.from('another standard key of 32 byte').toString('base64')}`;
  let org: { apiKey: string; orgId: string };
  const put = (settings: Record<string, unknown>) => rest(hub.url, 'PUT', '/api/v1/integrations/sap-s4hana', { apiKey: org.apiKey, body: { settings } });
  const stored = () => hub.services.db.webhookEvent.count({ where: { orgId: org.orgId } });
  const signed = (id: string, body: string, at = new Date()) => ({
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(standardSecret).sign(id, at, body),
  });

  beforeAll(async () => {
    org = await hub.createOrg('Timestamped');
    const res = await rest(hub.url, 'PUT', '/api/v1/integrations/sap-s4hana', { apiKey: org.apiKey, body: { ...seedConfigureBody, settings: { webhookSecret: standardSecret } } });
    expect(res.status).toBe(201);
    expect(res.body.settings.requireTimestampedSignatures).toBe(false);
  });

  it('is off by default: the integrations guide\'s X-Webhook-Signature is accepted', async () => {
    expect((await postWebhook(hub, org.orgId, '{"outboundDelivery":"80000010"}', { secret: standardSecret })).status).toBe(200);
  });

  it('when on, refuses X-Webhook-Signature (correctly signed) and unsigned requests with 401 and says why, storing nothing', async () => {
    const on = await put({ requireTimestampedSignatures: true });
    expect(on.status).toBe(200);
    expect(on.body.settings).toMatchObject({ requireTimestampedSignatures: true, webhookSecretConfigured: true });
    const before = await stored();
    const hex = await postWebhook(hub, org.orgId, '{"outboundDelivery":"80000011"}', { secret: standardSecret });
    expect(hex.status).toBe(401);
    expect(hex.body.error).toEqual({
      code: 'INVALID_SIGNATURE',
      message: 'this integration accepts only Standard Webhooks signatures (settings.requireTimestampedSignatures): send webhook-id, webhook-timestamp and webhook-signature; X-Webhook-Signature has no timestamp and is refused',
    });
    const unsigned = await postWebhook(hub, org.orgId, '{"outboundDelivery":"80000011"}');
    expect(unsigned.status).toBe(401);
    expect(unsigned.body.error.message).toMatch(/accepts only Standard Webhooks signatures/);
    expect(await stored()).toBe(before);
  });

  it('when on, accepts Standard Webhooks; the same request replayed is a duplicate, and one signed over five minutes ago is refused', async () => {
    const body = '{"outboundDelivery":"80000012"}';
    const headers = signed('msg_timestamped_1', body);
    const first = await postWebhook(hub, org.orgId, body, { headers });
    expect(first.status).toBe(200);
    // Both headers: the timestamped one decides.
    const both = await postWebhook(hub, org.orgId, body, { headers: { ...headers, 'x-webhook-signature': seedSignature(body, 'not the secret') } });
    expect(both.status).toBe(200);
    expect(both.body.deliveryId).toBe(first.body.deliveryId);
    const replayed = await postWebhook(hub, org.orgId, body, { headers });
    expect(replayed.body.deliveryId).toBe(first.body.deliveryId);
    expect(await hub.services.db.webhookEvent.findUniqueOrThrow({ where: { id: first.body.deliveryId } })).toMatchObject({ signatureScheme: 'standard-webhooks' });
    expect(await hub.services.db.webhookEvent.count({ where: { orgId: org.orgId, dedupKey: 'webhook-id:msg_timestamped_1' } })).toBe(1);
    const captured = await postWebhook(hub, org.orgId, body, { headers: signed('msg_timestamped_2', body, new Date(Date.now() - 6 * 60_000)) });
    expect(captured.status).toBe(401);
    expect(captured.body.error.message).toMatch(/5 minutes/);
  });

  it('turned off again, accepts X-Webhook-Signature; a value that is not a boolean is refused', async () => {
    expect((await put({ requireTimestampedSignatures: false })).body.settings.requireTimestampedSignatures).toBe(false);
    expect((await postWebhook(hub, org.orgId, '{"outboundDelivery":"80000013"}', { secret: standardSecret })).status).toBe(200);
    const bad = await put({ requireTimestampedSignatures: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual([{ path: 'settings.requireTimestampedSignatures', message: 'must be true (Standard Webhooks signatures only) or false' }]);
  });
});

describe('repeated deliveries', () => {
  it('answers a repeated CloudEvent id with the first deliveryId, also when both arrive at once', async () => {
    const event = { specversion: '1.0', type: 'sap.s4.beh.product.v1.Product.Changed.v1', source: '/default/sap.s4.beh/X', id: 'same-id', data: { Product: 'TG11' } };
    const answers = await Promise.all(Array.from({ length: 5 }, () => postWebhook(hub, orgId, event, { secret })));
    const ids = new Set(answers.map((res) => res.body.deliveryId));
    expect(answers.every((res) => res.status === 200)).toBe(true);
    expect(ids.size).toBe(1);
    const later = await postWebhook(hub, orgId, event, { secret });
    expect(later.body.deliveryId).toBe([...ids][0]);
    expect(await hub.services.db.webhookEvent.count({ where: { orgId, dedupKey: 'ce:/default/sap.s4.beh/X:same-id' } })).toBe(1);
    expect(await hub.services.db.job.count({ where: { subjectId: [...ids][0] } })).toBe(1);
  });
});

describe('secret rotation', () => {
  it('keeps the previous secret valid during the overlap, and not after it', async () => {
    const { apiKey: key, orgId: org } = await hub.createOrg('Rotation');
    const put = (settings: Record<string, unknown>) => rest(hub.url, 'PUT', '/api/v1/integrations/sap-s4hana', { apiKey: key, body: { ...seedConfigureBody, settings } });
    await put({ webhookSecret: 'first-secret-1' });
    await put({ webhookSecret: 'second-secret-2' });
    expect((await postWebhook(hub, org, { outboundDelivery: '1' }, { secret: 'second-secret-2' })).status).toBe(200);
    expect((await postWebhook(hub, org, { outboundDelivery: '1' }, { secret: 'first-secret-1' })).status).toBe(200);
    await put({ previousWebhookSecretValidUntil: new Date(Date.now() - 1000).toISOString() });
    expect((await postWebhook(hub, org, { outboundDelivery: '1' }, { secret: 'first-secret-1' })).status).toBe(401);
    expect((await postWebhook(hub, org, { outboundDelivery: '1' }, { secret: 'second-secret-2' })).status).toBe(200);
  });
});

describe('SAP Event Mesh handshake', () => {
  const handshake = (org: string, origin?: string) =>
    fetch(`${hub.url}/api/v1/integrations/webhook/sap-s4hana/${org}`, { method: 'OPTIONS', headers: origin === undefined ? {} : { 'WebHook-Request-Origin': origin } });

  it('consents only to an origin the integration lists, answering with the listed name, never echoing one that asks', async () => {
    // Not listed yet: no consent for anyone, including the sender about to be configured.
    for (const origin of ['eventmesh.example', 'evil.example']) {
      const refused = await handshake(orgId, origin);
      expect(refused.status).toBe(403);
      expect(refused.headers.get('webhook-allowed-origin')).toBeNull();
      expect(refused.headers.get('webhook-allowed-rate')).toBeNull();
      expect(await refused.json()).toEqual({ error: { code: 'ORIGIN_NOT_ALLOWED', message: expect.stringContaining('settings.webhookAllowedOrigins') } });
    }
    const put = await rest(hub.url, 'PUT', '/api/v1/integrations/sap-s4hana', { apiKey, body: { settings: { webhookAllowedOrigins: ['EventMesh.Example'] } } });
    expect(put.status).toBe(200);
    expect(put.body.settings.webhookAllowedOrigins).toEqual(['eventmesh.example']);

    const ok = await handshake(orgId, 'eventmesh.EXAMPLE');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('webhook-allowed-origin')).toBe('eventmesh.example');
    expect(ok.headers.get('webhook-allowed-rate')).toBe('*');
    expect(ok.headers.get('allow')).toBe('POST, OPTIONS');
    for (const origin of ['evil.example', 'eventmesh.example.evil.example', '*']) {
      const refused = await handshake(orgId, origin);
      expect(refused.status, origin).toBe(403);
      expect(refused.headers.get('webhook-allowed-origin')).toBeNull();
      expect(await refused.text()).not.toContain(origin === '*' ? '"*"' : origin);
    }
    // A plain OPTIONS says what the URL takes, and consents to nothing.
    const plain = await handshake(orgId);
    expect(plain.status).toBe(200);
    expect(plain.headers.get('allow')).toBe('POST, OPTIONS');
    expect(plain.headers.get('webhook-allowed-origin')).toBeNull();
    expect((await handshake('org_nope', 'eventmesh.example')).status).toBe(404);
  });

  it('validates the listed origins and removes them with null', async () => {
    const bad = await rest(hub.url, 'PUT', '/api/v1/integrations/sap-s4hana', { apiKey, body: { settings: { webhookAllowedOrigins: ['https://x.example/path', '*'] } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['settings.webhookAllowedOrigins.0', 'settings.webhookAllowedOrigins.1']);
    const cleared = await rest(hub.url, 'PUT', '/api/v1/integrations/sap-s4hana', { apiKey, body: { settings: { webhookAllowedOrigins: null } } });
    expect(cleared.body.settings.webhookAllowedOrigins).toEqual([]);
    expect((await handshake(orgId, 'eventmesh.example')).status).toBe(403);
  });
});
