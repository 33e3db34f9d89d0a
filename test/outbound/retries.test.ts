/**
 * Delivery guarantees with a controllable clock (the hub's clock is real time plus an offset
 * the test moves forward; nothing sleeps through a retry delay): the retry schedule, one request
 * per attempt with a stable webhook-id, 410 disables, Retry-After lengthens, redirects are not
 * followed, an endpoint failing too long is disabled, rate limits defer without spending
 * attempts, resend and recover, secret rotation signs with both secrets.
 */
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { rest } from '../support/http';
import { startTestHub, type TestHub } from '../support/hub';
import { startReceiver, type Receiver } from '../support/receiver';
import { eventually } from '../support/webhooks';

let hub: TestHub;
let receiver: Receiver;
let apiKey: string;
// The hub's clock stands still unless a test moves it: nothing (retry delays, rate-limit refills) depends on how busy the machine is.
const start = Date.now();
let offset = 0;
const clock = () => new Date(start + offset);
const SECOND = 1000;
const MINUTE = 60 * SECOND;

beforeAll(async () => {
  receiver = await startReceiver();
  hub = await startTestHub({ HUB_ALLOW_PRIVATE_TARGETS: 'true', HUB_JOB_POLL_MS: '50', HUB_ENDPOINT_DISABLE_AFTER_HOURS: '48' }, { clock });
  ({ apiKey } = await hub.createOrg());
});
afterAll(async () => {
  await hub?.stop();
  await receiver?.close();
});
beforeEach(async () => {
  // Endpoints of earlier tests go (with their pending retries), so moving the clock wakes only this test's.
  await hub.services.worker.idle();
  await hub.services.db.webhookEndpoint.deleteMany();
  receiver.received.length = 0;
  receiver.respond = () => ({ status: 200, body: 'ok' });
});

/** standardwebhooks checks the timestamp against the wall clock: verify at the hub's time. */
function verifyAt(secret: string, request: { body: string; headers: Record<string, unknown> }) {
  const at = clock();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(at);
  try {
    const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)]));
    return new Webhook(secret).verify(request.body, headers);
  } finally {
    vi.useRealTimers();
  }
}

async function endpoint(path: string, body: Record<string, unknown> = {}) {
  const res = await rest(hub.url, 'POST', '/api/v1/webhooks', { apiKey, body: { url: `${receiver.url}${path}`, eventTypes: ['*'], ...body } });
  expect(res.status).toBe(201);
  return res.body as { id: string; secret: string };
}

async function sendTest(endpointId: string, eventType = 'item.updated'): Promise<string> {
  const res = await rest(hub.url, 'POST', `/api/v1/webhooks/${endpointId}/test`, { apiKey, body: { eventType } });
  expect(res.status).toBe(202);
  return res.body.eventId as string;
}

/** Moves the clock forward once nothing is in flight, and wakes the worker. */
async function advance(ms: number): Promise<void> {
  await hub.services.worker.idle();
  offset += ms;
  hub.services.worker.wake();
}

/** Waits until the event's delivery has this status, and returns it. */
function deliveryIn(eventId: string, status: string) {
  return eventually(async () => {
    const delivery = await hub.services.db.eventDelivery.findFirst({ where: { eventId } });
    return delivery?.status === status ? delivery : undefined;
  }, 10_000, `delivery of ${eventId} to be ${status}`);
}

/** The delivery's state once its latest attempt is recorded: the delay before the next attempt. */
async function afterAttempt(eventId: string, attempts: number) {
  return eventually(async () => {
    // The log first: an attempt's row commits with its delivery's and job's new state, so once the
    // row is seen, the reads after it see that state too (one query with an include is two reads).
    const log = await hub.services.db.deliveryAttempt.findMany({ where: { delivery: { eventId } }, orderBy: { attemptedAt: 'asc' } });
    if (log.length < attempts) return undefined;
    const delivery = await hub.services.db.eventDelivery.findFirstOrThrow({ where: { eventId } });
    const job = await hub.services.db.job.findFirst({ where: { subjectId: delivery.id } });
    const last = log.at(-1)!;
    return { delivery: { ...delivery, attemptLog: log }, job, delayMs: job && job.status === 'queued' ? job.runAt.getTime() - last.attemptedAt.getTime() : null };
  });
}

describe('retries', () => {
  it('follows the schedule (5 s, 5 min, 30 min … ±20 %), one request per attempt, the same webhook-id', async () => {
    const ep = await endpoint('/flaky');
    receiver.respond = (_request, n) => (n < 3 ? { status: 500, body: 'down' } : { status: 200 });
    const eventId = await sendTest(ep.id);
    const expected = [5 * SECOND, 5 * MINUTE, 30 * MINUTE];
    for (const [index, delay] of expected.entries()) {
      const state = await afterAttempt(eventId, index + 1);
      expect(state.delayMs).toBeGreaterThanOrEqual(delay * 0.8);
      expect(state.delayMs).toBeLessThanOrEqual(delay * 1.2);
      expect(state.delivery).toMatchObject({ status: 'pending', attempts: index + 1, lastStatusCode: 500 });
      expect(receiver.received).toHaveLength(index + 1);
      await advance(delay * 1.2 + 10);
    }
    const done = await deliveryIn(eventId, 'succeeded');
    expect(done.attempts).toBe(4);
    expect(receiver.received).toHaveLength(4);
    expect(new Set(receiver.received.map((r) => r.headers['webhook-id']))).toEqual(new Set([eventId]));
    const stamps = receiver.received.map((r) => Number(r.headers['webhook-timestamp']));
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
    expect(stamps[3]! - stamps[0]!).toBeGreaterThanOrEqual(Math.floor((5 * SECOND + 5 * MINUTE + 30 * MINUTE) * 0.8 / 1000));
  });

  it('gives up after the last scheduled attempt (8 in all, ~27.6 h), then disables an endpoint failing for over 48 h', async () => {
    const ep = await endpoint('/down');
    receiver.respond = () => ({ status: 503 });
    const eventId = await sendTest(ep.id);
    const schedule = [5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * 60 * MINUTE, 5 * 60 * MINUTE, 10 * 60 * MINUTE, 10 * 60 * MINUTE];
    for (const [index, delay] of schedule.entries()) {
      await afterAttempt(eventId, index + 1);
      await advance(delay * 1.2 + 10);
    }
    const failed = await deliveryIn(eventId, 'failed');
    expect(failed.attempts).toBe(8);
    expect(receiver.received).toHaveLength(8);
    expect(await hub.services.db.job.findFirst({ where: { subjectId: failed.id } })).toMatchObject({ status: 'dead' });
    expect(await hub.services.db.webhookEndpoint.findUnique({ where: { id: ep.id } })).toMatchObject({ enabled: true, failingSince: expect.any(Date) });

    // Still no success a day later: the next failure is past HUB_ENDPOINT_DISABLE_AFTER_HOURS (48 h).
    await advance(24 * 60 * MINUTE);
    await sendTest(ep.id);
    await eventually(async () => ((await hub.services.db.webhookEndpoint.findUnique({ where: { id: ep.id } }))?.enabled === false ? true : undefined));
    expect(await hub.services.db.webhookEndpoint.findUnique({ where: { id: ep.id } })).toMatchObject({ disabledReason: 'failing' });
  });
});

describe('answers', () => {
  it('410 Gone disables the endpoint at once, and an endpoint.disabled event tells the others', async () => {
    const ops = await endpoint('/ops', { eventTypes: ['endpoint.disabled'] });
    const gone = await endpoint('/gone', { eventTypes: ['item.*'] });
    receiver.respond = (request) => (request.path === '/gone' ? { status: 410 } : { status: 200 });
    await sendTest(gone.id);
    await receiver.waitFor(2);
    const notice = JSON.parse(receiver.received.find((r) => r.path === '/ops')!.body);
    expect(notice).toMatchObject({ event: 'endpoint.disabled', data: { endpointId: gone.id, reason: 'gone' } });
    expect(await hub.services.db.webhookEndpoint.findUnique({ where: { id: gone.id } })).toMatchObject({ enabled: false, disabledReason: 'gone' });
    expect(receiver.received.filter((r) => r.path === '/gone')).toHaveLength(1);
    await rest(hub.url, 'DELETE', `/api/v1/webhooks/${ops.id}`, { apiKey });
  });

  it('429 with Retry-After waits at least that long, though the schedule says 5 s', async () => {
    const ep = await endpoint('/busy');
    receiver.respond = () => ({ status: 429, headers: { 'retry-after': '3600' } });
    const eventId = await sendTest(ep.id);
    const state = await afterAttempt(eventId, 1);
    expect(state.delayMs).toBeGreaterThanOrEqual(3600 * SECOND);
  });

  it('treats a redirect as a failure and does not follow it', async () => {
    const ep = await endpoint('/moved');
    receiver.respond = (request) => (request.path === '/moved' ? { status: 302, headers: { location: `${receiver.url}/elsewhere` } } : { status: 200 });
    const eventId = await sendTest(ep.id);
    const state = await afterAttempt(eventId, 1);
    expect(state.delivery).toMatchObject({ status: 'pending', lastStatusCode: 302, lastError: expect.stringContaining('redirects are not followed') });
    expect(receiver.received.map((r) => r.path)).toEqual(['/moved']);
  });

  it('retries a network error (nothing listening) and logs it', async () => {
    const closed = await startReceiver();
    await closed.close();
    const res = await rest(hub.url, 'POST', '/api/v1/webhooks', { apiKey, body: { url: closed.url, eventTypes: ['item.*'] } });
    const eventId = await sendTest(res.body.id);
    const state = await afterAttempt(eventId, 1);
    expect(state.delivery.attemptLog[0]).toMatchObject({ statusCode: null, error: expect.stringMatching(/refused|ECONNREFUSED|connect/i) });
    expect(state.delayMs).toBeGreaterThanOrEqual(4 * SECOND);
  });
});

describe('rate limit', () => {
  it('sends at most rateLimitPerSecond a second; the rest wait without spending attempts', async () => {
    const ep = await endpoint('/limited', { rateLimitPerSecond: 2 });
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await sendTest(ep.id));
    await receiver.waitFor(2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.received).toHaveLength(2);
    const waiting = await hub.services.db.eventDelivery.findMany({ where: { endpointId: ep.id, status: 'pending' } });
    expect(waiting).toHaveLength(3);
    expect(waiting.every((d) => d.attempts === 0)).toBe(true);
    await advance(1000);
    await receiver.waitFor(4);
    await advance(1000);
    await receiver.waitFor(5);
    expect(new Set(receiver.received.map((r) => r.headers['webhook-id']))).toEqual(new Set(ids));
  });
});

describe('resend, recover and rotation', () => {
  it('recovers a message cancelled while the endpoint was disabled, and resends one on request', async () => {
    const ep = await endpoint('/recover', { eventTypes: ['item.*'] });
    receiver.respond = () => ({ status: 500 });
    const since = clock();
    const eventId = await sendTest(ep.id);
    await afterAttempt(eventId, 1);
    await rest(hub.url, 'PATCH', `/api/v1/webhooks/${ep.id}`, { apiKey, body: { enabled: false } });
    await advance(6 * SECOND);
    await deliveryIn(eventId, 'cancelled');
    expect(receiver.received).toHaveLength(1);

    receiver.respond = () => ({ status: 200 });
    const enabled = await rest(hub.url, 'PATCH', `/api/v1/webhooks/${ep.id}`, { apiKey, body: { enabled: true } });
    expect(enabled.body).toMatchObject({ enabled: true, disabledReason: null, failingSince: null });
    const recovered = await rest(hub.url, 'POST', `/api/v1/webhooks/${ep.id}/recover`, { apiKey, body: { since: since.toISOString() } });
    expect(recovered).toMatchObject({ status: 202, body: { queued: 1 } });
    await receiver.waitFor(2);
    await deliveryIn(eventId, 'succeeded');
    const resent = await rest(hub.url, 'POST', `/api/v1/webhooks/${ep.id}/messages/${eventId}/resend`, { apiKey });
    expect(resent.status).toBe(202);
    await receiver.waitFor(3);
    expect(receiver.received.map((r) => r.headers['webhook-id'])).toEqual([eventId, eventId, eventId]);
    const bad = await rest(hub.url, 'POST', `/api/v1/webhooks/${ep.id}/recover`, { apiKey, body: { since: 'yesterday' } });
    expect(bad.body.error.fields).toEqual([{ path: 'since', message: 'must be an ISO 8601 date-time' }]);
  });

  it('refuses to resend a message while an attempt of it is in flight (409), rather than losing the resend', async () => {
    const ep = await endpoint('/slow', { eventTypes: ['item.*'] });
    receiver.respond = () => ({ status: 200, delayMs: 400 });
    const eventId = await sendTest(ep.id);
    await receiver.waitFor(1);
    const busy = await rest(hub.url, 'POST', `/api/v1/webhooks/${ep.id}/messages/${eventId}/resend`, { apiKey });
    expect(busy.status).toBe(409);
    expect(busy.body.error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('in progress') });
    await deliveryIn(eventId, 'succeeded');
    expect((await rest(hub.url, 'POST', `/api/v1/webhooks/${ep.id}/messages/${eventId}/resend`, { apiKey })).status).toBe(202);
    await receiver.waitFor(2);
  });

  it('signs with both secrets during a rotation overlap, and with the new one only after it', async () => {
    const ep = await endpoint('/rotate', { eventTypes: ['item.*'] });
    const rotated = await rest(hub.url, 'POST', `/api/v1/webhooks/${ep.id}/secret/rotate`, { apiKey });
    const fresh = rotated.body.secret as string;
    expect(fresh).not.toBe(ep.secret);
    await sendTest(ep.id);
    const [during] = await receiver.waitFor(1);
    expect(String(during!.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(verifyAt(fresh, during!)).toBeTruthy();
    expect(verifyAt(ep.secret, during!)).toBeTruthy();

    await advance(25 * 60 * MINUTE); // past the 24 h overlap
    await sendTest(ep.id);
    const [, after] = await receiver.waitFor(2);
    expect(String(after!.headers['webhook-signature']).split(' ')).toHaveLength(1);
    expect(verifyAt(fresh, after!)).toBeTruthy();
    expect(() => verifyAt(ep.secret, after!)).toThrow(/signature/i);
  });
});
