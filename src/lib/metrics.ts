/**
 * The hub's Prometheus metrics: one registry per process, and one typed helper per fact, called
 * at the choke point where that fact happens (the HTTP server's onResponse hook, the webhook
 * ingest, the job worker's outcome, the deliverer's attempt, a sync run's end). Facts that live in
 * the database (queued jobs, pool use) are read at scrape time by collectors of their own
 * (db/metrics.ts) instead of being counted here.
 *
 * Every name starts with `hub_`. Label values come from short fixed vocabularies (route patterns,
 * queue names, connector types, reasons), never from a raw URL, an id or anything a caller sent,
 * so the number of series stays bounded whatever the traffic.
 */
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

export const metricsRegistry = new Registry();
export const METRICS_PREFIX = 'hub_';

let defaultsStarted = false;

/**
 * Process metrics (CPU, memory, event-loop lag, GC, handles) with the hub's prefix. Started by a
 * process that serves /metrics, not at import: the CLI never monitors its event loop.
 */
export function startProcessMetrics(): void {
  if (defaultsStarted) return;
  defaultsStarted = true;
  collectDefaultMetrics({ register: metricsRegistry, prefix: METRICS_PREFIX });
}

const seconds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

const httpDuration = new Histogram({
  name: 'hub_http_request_duration_seconds',
  help: 'HTTP requests answered, by method, route pattern and status code, with their duration (the _count is the number of requests)',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: seconds,
  registers: [metricsRegistry],
});

const webhooksReceived = new Counter({
  name: 'hub_webhooks_received_total',
  help: 'Inbound webhook requests received, accepted or not, by connector type',
  labelNames: ['connector'] as const,
  registers: [metricsRegistry],
});

const webhooksRejected = new Counter({
  name: 'hub_webhooks_rejected_total',
  help: 'Inbound webhook requests refused, by connector type and reason',
  labelNames: ['connector', 'reason'] as const,
  registers: [metricsRegistry],
});

const jobRuns = new Histogram({
  name: 'hub_job_run_duration_seconds',
  help: 'Job runs of this process by queue and outcome (completed, retried, dead, deferred, lease_lost, stopped), with their duration',
  labelNames: ['queue', 'outcome'] as const,
  buckets: seconds,
  registers: [metricsRegistry],
});

const deliveryAttempts = new Histogram({
  name: 'hub_delivery_attempt_duration_seconds',
  help: 'Outbound webhook delivery attempts by result (success, http_error, network_error), with their duration',
  labelNames: ['result'] as const,
  buckets: seconds,
  registers: [metricsRegistry],
});

const syncRuns = new Counter({
  name: 'hub_sync_runs_total',
  help: 'Sync runs ended in this process, by connector type, mode and final status',
  labelNames: ['connector', 'mode', 'status'] as const,
  registers: [metricsRegistry],
});

const syncDuration = new Histogram({
  name: 'hub_sync_run_duration_seconds',
  help: 'Duration of the sync runs ended in this process, by connector type and mode',
  labelNames: ['connector', 'mode'] as const,
  buckets: [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200],
  registers: [metricsRegistry],
});

const syncItems = new Counter({
  name: 'hub_sync_items_total',
  help: 'Items stored by sync runs ended in this process, by connector type (rate() of it is items per second)',
  labelNames: ['connector'] as const,
  registers: [metricsRegistry],
});

/** How a job run ended. */
export type JobOutcome = 'completed' | 'retried' | 'dead' | 'deferred' | 'lease_lost' | 'stopped';


export interface FinishedSyncRun {
  connectorType: string;
  mode: string;
  status: string;
  itemsSynced: number;
  startedAt: Date;
  finishedAt: Date | null;
}

export const metrics = {
  /** An answered HTTP request; `route` is the matched route's pattern (never the URL), or null when none matched. */
  httpResponse(method: string, route: string | null, status: number, durationSeconds: number): void {
    httpDuration.observe({ method, route: route ?? 'unmatched', status: String(status) }, durationSeconds);
  },

  /**
   * An inbound webhook request: accepted (`refusal` null) or refused, and why (the ingest's
   * WebhookRefusal). `connector` must be a registered connector type or "unknown".
   */
  webhook(connector: string, refusal: string | null): void {
    webhooksReceived.inc({ connector });
    if (refusal) webhooksRejected.inc({ connector, reason: refusal });
  },

  jobRun(queue: string, outcome: JobOutcome, durationSeconds: number): void {
    jobRuns.observe({ queue, outcome }, durationSeconds);
  },

  /** One delivery attempt: the status code answered, or null when no answer came (network error, timeout). */
  deliveryAttempt(statusCode: number | null, durationSeconds: number): void {
    const result = statusCode === null ? 'network_error' : statusCode >= 200 && statusCode < 300 ? 'success' : 'http_error';
    deliveryAttempts.observe({ result }, durationSeconds);
  },

  syncRun(run: FinishedSyncRun): void {
    const { connectorType: connector, mode, status } = run;
    syncRuns.inc({ connector, mode, status });
    syncItems.inc({ connector }, run.itemsSynced);
    const ended = run.finishedAt ?? run.startedAt;
    syncDuration.observe({ connector, mode }, Math.max(0, (ended.getTime() - run.startedAt.getTime()) / 1000));
  },
};
