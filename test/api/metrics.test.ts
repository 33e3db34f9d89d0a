/**
 * GET /metrics after real traffic: requests by route pattern, webhooks by outcome, jobs read from
 * the database and counted by outcome, delivery attempts, sync runs, the process and the pool;
 * the token that guards it; and no label that carries a URL, an organization or a secret.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SapSimulator } from '../../tools/sap-simulator';
import { rest } from '../support/http';
import { startTestHub, type TestHub } from '../support/hub';
import { startReceiver, type Receiver } from '../support/receiver';
import { configureSap, startSap } from '../support/sap';
import { eventually, fastJobs, postWebhook, settledEvent } from '../support/webhooks';

const token = 'metrics-token-0123456789abcdef';
const secret = 'whsec_test_secret_123';
let hub: TestHub;
let sap: SapSimulator;
let receiver: Receiver;
let apiKey: string;
let orgId: string;
let now = Date.parse('2026-05-01T10:00:00Z');

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The Prometheus text format's samples (comments skipped). */
function parse(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`not a sample line: ${line}`);
      const labels: Record<string, string> = {};
      for (const [, key, value] of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[key!] = value!;
      return { name: match[1]!, labels, value: Number(match[3]) };
    });
}

async function scrape(): Promise<Sample[]> {
  const res = await fetch(`${hub.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return parse(await res.text());
}

/** The value of the one series with exactly these labels (0 when it does not exist yet). */
function value(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  const found = samples.filter((s) => s.name === name && Object.keys(labels).length === Object.keys(s.labels).length && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  expect(found.length).toBeLessThanOrEqual(1);
  return found[0]?.value ?? 0;
}

/** Scrapes until the series has the value `check` accepts (database gauges are cached for a second). */
async function until(name: string, labels: Record<string, string>, check: (v: number) => boolean): Promise<number> {
  return eventually(async () => {
    const v = value(await scrape(), name, labels);
    return check(v) ? v : undefined;
  }, 10_000, `${name} ${JSON.stringify(labels)}`);
}

beforeAll(async () => {
  [hub, sap, receiver] = await Promise.all([
    startTestHub(
      // Jobs wait until the test starts the worker, so the job gauges can be seen with work in them.
      { HUB_ALLOW_PRIVATE_TARGETS: 'true', HUB_METRICS_TOKEN: token, HUB_WORKER: 'false', HUB_WEBHOOK_BODY_LIMIT_BYTES: '2048', HUB_DELIVERY_RETRY_SCHEDULE: '10s', ...fastJobs },
      { clock: () => new Date(now) },
    ),
    startSap({ products: 150 }),
    startReceiver(),
  ]);
  ({ apiKey, orgId } = await hub.createOrg());
});
afterAll(async () => {
  await hub?.stop();
  await sap?.close();
  await receiver?.close();
});

describe('the token', () => {
  it('refuses a scrape without it, or with another, in the API error shape', async () => {
    for (const headers of [{}, { authorization: 'Bearer not-the-token-0123456789' }, { authorization: token }] as Record<string, string>[]) {
      const res = await rest(hub.url, 'GET', '/metrics', { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
      expect(res.body).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.stringContaining('HUB_METRICS_TOKEN') } });
      expect(res.text).not.toContain('hub_');
    }
  });

  it('answers in the Prometheus text format with it', async () => {
    const res = await fetch(`${hub.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
  });
});

describe('after real traffic', () => {
  it('counts requests by route pattern and status', async () => {
    const route = { method: 'GET', route: '/api/v1/integrations/:connectorType', status: '404' };
    const unmatched = { method: 'GET', route: 'unmatched', status: '404' };
    const before = await scrape();
    expect((await rest(hub.url, 'GET', '/api/v1/integrations/sap-s4hana', { apiKey })).status).toBe(404);
    expect((await rest(hub.url, 'GET', `/api/v1/integrations/${orgId}`, { apiKey })).status).toBe(404);
    expect((await rest(hub.url, 'GET', `/no/such/${orgId}?secret=${secret}`)).status).toBe(404);
    const after = await scrape();
    const count = 'hub_http_request_duration_seconds_count';
    expect(value(after, count, route) - value(before, count, route)).toBe(2);
    expect(value(after, count, unmatched) - value(before, count, unmatched)).toBe(1);
    expect(value(after, 'hub_http_request_duration_seconds_bucket', { ...route, le: '+Inf' })).toBe(value(after, count, route));
  });

  it('counts webhooks received and rejected by reason', async () => {
    await configureSap(hub, apiKey, sap);
    const before = await scrape();
    expect((await postWebhook(hub, orgId, { outboundDelivery: '80000001' }, { secret: 'whsec_wrong_secret' })).status).toBe(401);
    expect((await postWebhook(hub, orgId, { outboundDelivery: '80000001' }, { secret, connectorType: 'no-such-connector' })).status).toBe(404);
    expect((await postWebhook(hub, orgId, '<delivery/>', { secret, headers: { 'content-type': 'application/xml' } })).status).toBe(415);
    expect((await postWebhook(hub, orgId, { padding: 'x'.repeat(4096) }, { secret })).status).toBe(413);
    const accepted = await postWebhook(hub, orgId, { outboundDelivery: '80000001' }, { secret });
    expect(accepted.status).toBe(200);
    const after = await scrape();
    const delta = (name: string, labels: Record<string, string>) => value(after, name, labels) - value(before, name, labels);
    expect(delta('hub_webhooks_received_total', { connector: 'sap-s4hana' })).toBe(4);
    expect(delta('hub_webhooks_received_total', { connector: 'unknown' })).toBe(1);
    expect(delta('hub_webhooks_rejected_total', { connector: 'sap-s4hana', reason: 'bad_signature' })).toBe(1);
    expect(delta('hub_webhooks_rejected_total', { connector: 'sap-s4hana', reason: 'unsupported_media_type' })).toBe(1);
    expect(delta('hub_webhooks_rejected_total', { connector: 'sap-s4hana', reason: 'payload_too_large' })).toBe(1);
    expect(delta('hub_webhooks_rejected_total', { connector: 'unknown', reason: 'not_found' })).toBe(1);

    // The accepted one waits in the job table (the worker is off): queued, and due for as long as the clock moved.
    expect(await until('hub_jobs', { queue: 'webhook.process', status: 'queued' }, (v) => v === 1)).toBe(1);
    expect(value(after, 'hub_jobs', { queue: 'webhook.deliver', status: 'dead' })).toBe(0);
    now += 42_000;
    expect(value(await scrape(), 'hub_jobs_oldest_due_age_seconds', { queue: 'webhook.process' })).toBe(42);

    hub.services.worker.start();
    await settledEvent(hub, accepted.body.deliveryId);
    await until('hub_jobs', { queue: 'webhook.process', status: 'queued' }, (v) => v === 0);
    expect(value(await scrape(), 'hub_jobs_oldest_due_age_seconds', { queue: 'webhook.process' })).toBe(0);
    // A run is counted when its handler returned, just after its transaction committed.
    expect(await until('hub_job_run_duration_seconds_count', { queue: 'webhook.process', outcome: 'completed' }, (v) => v > 0)).toBe(1);
    expect(await until('hub_job_run_duration_seconds_count', { queue: 'transfer.run', outcome: 'completed' }, (v) => v > 0)).toBe(1);
  });

  it('counts delivery attempts by result, and the failed job run', async () => {
    const res = await rest(hub.url, 'POST', '/api/v1/webhooks', { apiKey, body: { url: receiver.url, eventTypes: ['*'] } });
    expect(res.status).toBe(201);
    receiver.respond = (_request, n) => (n === 0 ? { status: 500 } : { status: 200 });
    const before = await scrape();
    expect((await rest(hub.url, 'POST', `/api/v1/webhooks/${res.body.id}/test`, { apiKey, body: {} })).status).toBe(202);
    await receiver.waitFor(1);
    const failed = await until('hub_job_run_duration_seconds_count', { queue: 'webhook.deliver', outcome: 'retried' }, (v) => v > 0);
    expect(failed).toBe(1);
    const afterFailure = await scrape();
    expect(value(afterFailure, 'hub_delivery_attempt_duration_seconds_count', { result: 'http_error' }) - value(before, 'hub_delivery_attempt_duration_seconds_count', { result: 'http_error' })).toBe(1);

    now += 60_000; // past the retry's due time
    hub.services.worker.wake();
    await receiver.waitFor(2);
    expect(await until('hub_delivery_attempt_duration_seconds_count', { result: 'success' }, (v) => v > 0)).toBe(1);
    expect(await until('hub_job_run_duration_seconds_count', { queue: 'webhook.deliver', outcome: 'completed' }, (v) => v > 0)).toBe(1);
  });

  it('counts sync runs by status and the items they stored', async () => {
    const res = await rest(hub.url, 'POST', '/api/v1/integrations/sap-s4hana/sync', { apiKey });
    expect(res.body).toMatchObject({ success: true, itemsSynced: 150 });
    const samples = await scrape();
    expect(value(samples, 'hub_sync_runs_total', { connector: 'sap-s4hana', mode: 'full', status: 'success' })).toBe(1);
    expect(value(samples, 'hub_sync_items_total', { connector: 'sap-s4hana' })).toBe(150);
    expect(value(samples, 'hub_sync_run_duration_seconds_count', { connector: 'sap-s4hana', mode: 'full' })).toBe(1);
  });

  it('reports the process (event-loop lag, memory) and the database', async () => {
    const samples = await scrape();
    const names = new Set(samples.map((s) => s.name));
    expect(names).toContain('hub_nodejs_eventloop_lag_seconds');
    expect(names).toContain('hub_nodejs_eventloop_lag_p99_seconds');
    expect(value(samples, 'hub_process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(value(samples, 'hub_database_up')).toBe(1);
    if (hub.config.database.provider === 'postgresql') {
      expect(value(samples, 'hub_db_pool_connections')).toBeGreaterThanOrEqual(1);
      expect(value(samples, 'hub_db_pool_max_connections')).toBe(10);
      expect(names).toContain('hub_db_pool_idle_connections');
      expect(names).toContain('hub_db_pool_waiting_queries');
    } else {
      // SQLite has no pool: nothing is reported rather than made-up numbers.
      expect([...names].filter((name) => name.startsWith('hub_db_pool_'))).toEqual([]);
    }
  });

  it('names every series hub_… and never puts a URL, an organization or a secret in a label', async () => {
    const res = await fetch(`${hub.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    const text = await res.text();
    for (const forbidden of [orgId, apiKey, secret, token, '?', '/no/such', 'no-such-connector', receiver.url, sap.url]) expect(text).not.toContain(forbidden);
    const samples = parse(text);
    expect(samples.filter((s) => !s.name.startsWith('hub_')).map((s) => s.name)).toEqual([]);
    const routes = new Set(samples.flatMap((s) => (s.labels.route === undefined ? [] : [s.labels.route])));
    expect([...routes].filter((route) => route !== 'unmatched' && !/^\/[a-z0-9/:_.*-]*$/i.test(route))).toEqual([]);
    expect(routes).toContain('/api/v1/integrations/webhook/:connectorType/:orgId');
  });
});

describe('a worker process (hub worker)', () => {
  it('serves /metrics too, with the token, beside its probes', async () => {
    const worker = await startTestHub({ HUB_METRICS_TOKEN: token }, { shared: hub.db, role: 'worker' });
    try {
      expect((await fetch(`${worker.url}/metrics`)).status).toBe(401);
      const res = await fetch(`${worker.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      const samples = parse(await res.text());
      expect(value(samples, 'hub_database_up')).toBe(1);
      expect(samples.filter((s) => s.name === 'hub_jobs').map((s) => s.labels.queue)).toContain('webhook.deliver');
      expect((await fetch(`${worker.url}/api/v1/openapi.json`)).status).toBe(404);
    } finally {
      await worker.stop();
    }
  });
});
