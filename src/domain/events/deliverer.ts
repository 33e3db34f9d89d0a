/**
 * The job that sends one event to one endpoint. Every attempt is signed twice over the exact
 * body: the product's own header (by default the webhook reference's `X-Fractal-Signature:
 * sha256=<hex>`; its name and format are settings) and Standard Webhooks (`webhook-id` = the
 * event id, the same on every retry; `webhook-timestamp` of this attempt; `webhook-signature` with
 * one `v1,` entry per valid secret, two during a rotation). Every attempt is logged.
 *
 * Answers: 2xx is success; 410 Gone disables the endpoint; anything else (3xx included: redirects
 * are not followed) and network errors are retried on the schedule, 429/503 no sooner than their
 * Retry-After. An endpoint that has failed without a single success for too long is disabled,
 * and an `endpoint.disabled` event says so.
 */
import type { Db } from '../../db/connection';
import { markSucceeded } from '../../db/delivery-store';
import { LeaseLostError, type ClaimedJob, type DbTx } from '../../db/job-store';
import type { Clock } from '../../lib/clock';
import type { EventBus } from '../../lib/events';
import { GroupCommit } from '../../lib/group-commit';
import type { OutboundHttp } from '../../lib/http/outbound';
import { retryAfterMs } from '../../lib/http/retry-policy';
import { newId } from '../../lib/ids';
import type { Logger } from '../../lib/logger';
import { metrics } from '../../lib/metrics';
import type { RateLimiter } from '../../lib/rate-limiter';
import { productSignature, standardSignature } from '../../lib/webhook-signatures';
import type { SignatureSettings } from '../../config';
import { completeJobs, DeferJobError, type FailedAttempt, type JobContext, type JobHandler } from '../../jobs/worker';
import type { EndpointService } from './endpoints';
import { DELIVER_QUEUE, type EventOutbox } from './outbox';
import type { RetrySchedule } from './retry-schedule';
import type { SubscriptionCache } from './subscriptions';

export interface DelivererOptions {
  timeoutMs: number;
  /** An endpoint failing without success for this long is disabled. */
  disableAfterMs: number;
  schedule: RetrySchedule;
  clock: Clock;
  /** The product's own signature header (HUB_SIGNATURE_HEADER, HUB_SIGNATURE_FORMAT). */
  signature: SignatureSettings;
}

/** Kept of each answer in the attempt log. */
const LOGGED_RESPONSE_BYTES = 1024;
const USER_AGENT = 'IntegrationHub-Webhooks/0.1 (+https://www.standardwebhooks.com)';

interface AttemptRecord {
  attemptedAt: Date;
  statusCode: number | null;
  latencyMs: number;
  responseBody: string | null;
  error: string | null;
}

/** A failed attempt, with what the log needs. */
class DeliveryFailedError extends Error {
  constructor(
    readonly record: AttemptRecord,
    readonly retryAfterMs?: number,
  ) {
    super(record.error ?? `HTTP ${record.statusCode}`);
  }
}

type Loaded = Awaited<ReturnType<Deliverer['fetch']>>[number];
/** What the attempt log and the live view need of a delivery. */
type DeliveryRef = Pick<Loaded, 'id' | 'orgId' | 'endpointId' | 'eventId'>;

/** A 2xx answer waiting to be recorded together with others (one transaction for all). */
interface Success {
  delivery: Loaded;
  job: ClaimedJob;
  record: AttemptRecord;
  ctx: JobContext;
  attemptId: string;
}

export class Deliverer implements JobHandler {
  readonly queue = DELIVER_QUEUE;
  /** Deliveries asked for in the same turn (the worker starts a claimed batch at once), read together. */
  private loading: Array<{ id: string; resolve: (delivery: Loaded | null) => void; reject: (error: unknown) => void }> | null = null;
  /**
   * Successes are recorded by group commit: those that arrive while a transaction is being
   * written share the next one, each with its job's completion, so a busy endpoint costs one
   * commit per batch instead of one per delivery.
   */
  private readonly successes = new GroupCommit<Success, { error?: unknown }>({ flush: (batch) => this.recordSuccesses(batch) });

  constructor(
    private readonly db: Db,
    private readonly http: OutboundHttp,
    private readonly endpoints: EndpointService,
    private readonly outbox: EventOutbox,
    private readonly events: EventBus,
    private readonly subscriptions: SubscriptionCache,
    private readonly limiter: RateLimiter,
    private readonly logger: Logger,
    private readonly options: DelivererOptions,
  ) {}

  private fetch(ids: string[]) {
    return this.db.eventDelivery.findMany({ where: { id: { in: ids } }, include: { event: true, endpoint: true } });
  }

  /** The delivery with its event and endpoint, read in one query with the others asked for in this turn. */
  private load(id: string): Promise<Loaded | null> {
    return new Promise((resolve, reject) => {
      if (!this.loading) {
        this.loading = [];
        queueMicrotask(() => void this.loadBatch());
      }
      this.loading.push({ id, resolve, reject });
    });
  }

  private async loadBatch(): Promise<void> {
    const batch = this.loading ?? [];
    this.loading = null;
    try {
      const rows = new Map((await this.fetch([...new Set(batch.map((entry) => entry.id))])).map((row) => [row.id, row]));
      for (const entry of batch) entry.resolve(rows.get(entry.id) ?? null);
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    }
  }

  async run(job: ClaimedJob, ctx: JobContext): Promise<void> {
    const delivery = await this.load(job.subjectId);
    if (delivery?.status !== 'pending') return;
    const { endpoint } = delivery;
    if (!endpoint.enabled) return this.cancel(delivery, ctx);
    if (endpoint.rateLimitPerSecond) {
      const wait = this.limiter.take(endpoint.id, endpoint.rateLimitPerSecond);
      if (wait > 0) throw new DeferJobError(wait);
    }

    const { record, retryAfter } = await this.send(delivery, ctx.signal);
    const status = record.statusCode ?? 0;
    if (status >= 200 && status < 300) return this.succeed(delivery, job, record, ctx);
    if (status === 410) return this.gone(delivery, job, record, ctx);
    if (status >= 300 && status < 400) record.error = `HTTP ${status}: redirects are not followed; use the final URL`;
    throw new DeliveryFailedError(record, status === 429 || status === 503 ? retryAfter : undefined);
  }

  retryDelayMs(failedAttempts: number, error: unknown): number {
    return this.options.schedule.delayAfter(failedAttempts, error instanceof DeliveryFailedError ? error.retryAfterMs : undefined);
  }

  async recordFailure(tx: DbTx, job: ClaimedJob, attempt: FailedAttempt): Promise<() => void> {
    const now = this.options.clock();
    const record: AttemptRecord =
      attempt.cause instanceof DeliveryFailedError ? attempt.cause.record : { attemptedAt: now, statusCode: null, latencyMs: 0, responseBody: null, error: 'internal error; see the hub log' };
    const delivery = await tx.eventDelivery.update({
      where: { id: job.subjectId },
      data: {
        status: attempt.final ? 'failed' : 'pending',
        attempts: job.attempts,
        lastStatusCode: record.statusCode,
        lastError: record.error ?? `HTTP ${record.statusCode}`,
        nextAttemptAt: attempt.retryAt,
        completedAt: attempt.final ? now : null,
        updatedAt: now,
      },
      include: { endpoint: true },
    });
    const attemptId = await this.log(tx, delivery, record);
    const { endpoint } = delivery;
    let disabled = false;
    if (!endpoint.failingSince) {
      await tx.webhookEndpoint.update({ where: { id: endpoint.id }, data: { failingSince: record.attemptedAt } });
    } else if (now.getTime() - endpoint.failingSince.getTime() >= this.options.disableAfterMs) {
      await this.disable(tx, endpoint, 'failing', now);
      disabled = true;
    }
    return () => {
      this.announce(delivery, attemptId, record);
      if (disabled) this.endpointChanged(endpoint.orgId, endpoint.id);
    };
  }

  /** One signed POST; a network failure throws, any answer returns with its Retry-After. */
  private async send(delivery: Loaded, signal: AbortSignal): Promise<{ record: AttemptRecord; retryAfter: number | undefined }> {
    const { endpoint, event } = delivery;
    const attemptedAt = this.options.clock();
    const timestamp = Math.floor(attemptedAt.getTime() / 1000);
    const secrets = this.endpoints.signingSecrets(endpoint, attemptedAt);
    const headers = {
      'content-type': 'application/json',
      'user-agent': USER_AGENT,
      [this.options.signature.header.toLowerCase()]: productSignature(secrets[0]!, event.payload, this.options.signature.format),
      'webhook-id': event.id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': secrets.map((secret) => standardSignature(secret, event.id, timestamp, event.payload)).join(' '),
    };
    const started = performance.now();
    try {
      const response = await this.http.request({
        method: 'POST', url: endpoint.url, headers, body: event.payload, timeoutMs: this.options.timeoutMs, retry: false, maxResponseBytes: 64 * 1024, signal,
      });
      const elapsedMs = performance.now() - started;
      metrics.deliveryAttempt(response.status, elapsedMs / 1000);
      return {
        record: { attemptedAt, statusCode: response.status, latencyMs: Math.round(elapsedMs), responseBody: response.text.slice(0, LOGGED_RESPONSE_BYTES), error: null },
        retryAfter: retryAfterMs(response.headers.get('retry-after'), attemptedAt.getTime()),
      };
    } catch (error) {
      // The outbound client's errors say what happened (refused target, timeout, DNS) without internals.
      const message = error instanceof Error ? error.message : String(error);
      const elapsedMs = performance.now() - started;
      metrics.deliveryAttempt(null, elapsedMs / 1000);
      throw new DeliveryFailedError({ attemptedAt, statusCode: null, latencyMs: Math.round(elapsedMs), responseBody: null, error: message });
    }
  }

  private async succeed(delivery: Loaded, job: ClaimedJob, record: AttemptRecord, ctx: JobContext): Promise<void> {
    const attemptId = newId('att');
    const { error } = await this.successes.submit({ delivery, job, record, ctx, attemptId });
    if (error) throw error;
    this.announce(delivery, attemptId, record);
  }

  /**
   * Records successes in one transaction: each delivery succeeded, its attempt logged and its job
   * completed (a job whose lease was lost records nothing and its run throws LeaseLostError). If
   * the transaction fails, each success is tried again in a transaction of its own, so one bad
   * row does not fail the others.
   */
  private async recordSuccesses(batch: Success[]): Promise<{ error?: unknown }[]> {
    try {
      return await this.db.$transaction(async (tx) => {
        const lost = await completeJobs(tx, batch.map((success) => success.ctx));
        const done = batch.filter((success) => !lost.has(success.ctx));
        if (done.length) {
          await tx.deliveryAttempt.createMany({
            data: done.map(({ delivery, record, attemptId }) => ({ id: attemptId, orgId: delivery.orgId, deliveryId: delivery.id, endpointId: delivery.endpointId, ...record })),
          });
        }
        // One UPDATE per (attempt number, status code), usually one for the whole batch; each
        // delivery's completedAt is its own attempt's time, read from the attempt row just written.
        const groups = new Map<string, Success[]>();
        for (const success of done) {
          const key = `${success.job.attempts}:${success.record.statusCode}`;
          groups.set(key, [...(groups.get(key) ?? []), success]);
        }
        for (const group of groups.values()) {
          const updated = await markSucceeded(tx, group.map((success) => success.delivery.id), group.map((success) => success.attemptId), group[0]!.job.attempts, group[0]!.record.statusCode);
          if (updated !== group.length) throw new Error(`recorded ${updated} of ${group.length} successful deliveries; some are gone`);
        }
        const recovered = [...new Set(done.filter((success) => success.delivery.endpoint.failingSince).map((success) => success.delivery.endpointId))];
        if (recovered.length) await tx.webhookEndpoint.updateMany({ where: { id: { in: recovered } }, data: { failingSince: null } });
        return batch.map((success) => (lost.has(success.ctx) ? { error: new LeaseLostError(success.job.id) } : {}));
      });
    } catch (error) {
      if (batch.length === 1) return [{ error }];
      const results: { error?: unknown }[] = [];
      for (const success of batch) results.push(...(await this.recordSuccesses([success])));
      return results;
    }
  }

  /** 410 Gone: the receiver says the endpoint no longer exists. */
  private async gone(delivery: Loaded, job: ClaimedJob, record: AttemptRecord, ctx: JobContext): Promise<void> {
    record.error = 'HTTP 410 Gone: the endpoint was disabled';
    const attemptId = await this.db.$transaction(async (tx) => {
      await tx.eventDelivery.update({
        where: { id: delivery.id },
        data: { status: 'failed', attempts: job.attempts, lastStatusCode: 410, lastError: record.error, nextAttemptAt: null, completedAt: record.attemptedAt, updatedAt: record.attemptedAt },
      });
      await this.disable(tx, delivery.endpoint, 'gone', record.attemptedAt);
      await ctx.complete(tx);
      return this.log(tx, delivery, record);
    });
    this.announce(delivery, attemptId, record);
    this.endpointChanged(delivery.orgId, delivery.endpointId);
  }

  private async cancel(delivery: Loaded, ctx: JobContext): Promise<void> {
    const now = this.options.clock();
    await this.db.$transaction(async (tx) => {
      await tx.eventDelivery.update({
        where: { id: delivery.id },
        data: { status: 'cancelled', lastError: `the endpoint is disabled (${delivery.endpoint.disabledReason ?? 'manual'})`, nextAttemptAt: null, completedAt: now, updatedAt: now },
      });
      await ctx.complete(tx);
    });
  }

  private async disable(tx: DbTx, endpoint: Loaded['endpoint'], reason: 'gone' | 'failing', now: Date): Promise<void> {
    await tx.webhookEndpoint.update({ where: { id: endpoint.id }, data: { enabled: false, disabledReason: reason } });
    await this.outbox.emit(tx, endpoint.orgId, 'endpoint.disabled', { endpointId: endpoint.id, url: endpoint.url, reason, failingSince: endpoint.failingSince?.toISOString() ?? null }, { now });
    this.logger.warn({ endpointId: endpoint.id, reason }, 'webhook endpoint disabled');
  }

  private async log(tx: DbTx, delivery: DeliveryRef, record: AttemptRecord): Promise<string> {
    const id = newId('att');
    await tx.deliveryAttempt.create({ data: { id, orgId: delivery.orgId, deliveryId: delivery.id, endpointId: delivery.endpointId, ...record } });
    return id;
  }

  private announce(delivery: DeliveryRef, attemptId: string, record: AttemptRecord): void {
    const { orgId, endpointId, eventId } = delivery;
    const succeeded = record.statusCode !== null && record.statusCode >= 200 && record.statusCode < 300;
    this.events.publish('delivery-attempt', orgId, { orgId, attemptId, deliveryId: delivery.id, endpointId, eventId, succeeded });
    this.outbox.committed();
  }

  private endpointChanged(orgId: string, endpointId: string): void {
    this.subscriptions.changed(orgId);
    this.events.publish('endpoint-changed', orgId, { orgId, endpointId, action: 'DISABLED' });
  }
}
