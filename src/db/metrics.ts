/**
 * Metrics read from the database when Prometheus scrapes: the job table by queue and status, and
 * the PostgreSQL connection pool. One hub, one registry (a process may hold several hubs, as the
 * tests do); the process-wide counters are in lib/metrics.ts. The job counts are read at most once
 * per `cacheMs`, however many scrapers ask.
 *
 * SQLite has no pool (one connection, one writer): no pool series are reported for it.
 */
import { Gauge, Registry } from 'prom-client';
import type { Clock } from '../lib/clock';
import type { PoolStats } from './connection';
import { jobStatuses, type JobCount, type JobStore } from './job-store';

export interface DatabaseMetricsOptions {
  jobs: JobStore;
  /** The queues this hub's worker serves: reported (as 0) even while the table holds none of their jobs. */
  queues: readonly string[];
  /** The pool's counts, or null when the database has no pool (SQLite). */
  pool: (() => PoolStats) | null;
  clock: Clock;
  cacheMs?: number;
  /** A read that takes longer counts as no answer, so a scrape never hangs on the database. */
  timeoutMs?: number;
}

/** The value, or null when it failed or took longer than `ms`. */
function withinTime<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  return Promise.race([promise.catch(() => null), late]).finally(() => clearTimeout(timer));
}

export function databaseMetrics({ jobs, queues, pool, clock, cacheMs = 1_000, timeoutMs = 2_000 }: DatabaseMetricsOptions): Registry {
  const registry = new Registry();
  /** The job counts, or null when the database did not answer (its gauges then report nothing, and hub_database_up 0). */
  let cached: { at: number; counts: Promise<JobCount[] | null> } | null = null;
  const counts = () => {
    const now = Date.now();
    if (!cached || now - cached.at >= cacheMs) cached = { at: now, counts: withinTime(jobs.counts(), timeoutMs) };
    return cached.counts;
  };

  new Gauge({
    name: 'hub_database_up',
    help: 'Whether the database answered the last read of the job table (1) or not (0)',
    registers: [registry],
    async collect() {
      this.set((await counts()) ? 1 : 0);
    },
  });

  new Gauge({
    name: 'hub_jobs',
    help: 'Jobs in the job table by queue and status (queued, running, dead), all processes together',
    labelNames: ['queue', 'status'] as const,
    registers: [registry],
    async collect() {
      const rows = await counts();
      this.reset();
      if (!rows) return;
      for (const queue of queues) for (const status of jobStatuses) this.set({ queue, status }, 0);
      for (const row of rows) this.set({ queue: row.queue, status: row.status }, row.count);
    },
  });

  new Gauge({
    name: 'hub_jobs_oldest_due_age_seconds',
    help: 'How long the oldest queued job that is due has waited for a worker, by queue (0: none is waiting)',
    labelNames: ['queue'] as const,
    registers: [registry],
    async collect() {
      const rows = await counts();
      const now = clock().getTime();
      this.reset();
      if (!rows) return;
      for (const queue of queues) this.set({ queue }, 0);
      for (const row of rows) {
        if (row.status !== 'queued' || !row.earliestRunAt) continue;
        this.set({ queue: row.queue }, Math.max(0, (now - row.earliestRunAt.getTime()) / 1000));
      }
    },
  });

  if (pool) {
    const poolGauge = (name: string, help: string, read: (stats: PoolStats) => number) =>
      new Gauge({
        name,
        help,
        registers: [registry],
        collect() {
          this.set(read(pool()));
        },
      });
    poolGauge('hub_db_pool_connections', 'PostgreSQL connections the pool holds open, busy or idle', (stats) => stats.total);
    poolGauge('hub_db_pool_idle_connections', 'PostgreSQL connections open and idle', (stats) => stats.idle);
    poolGauge('hub_db_pool_waiting_queries', 'Queries waiting for a PostgreSQL connection (the pool is exhausted while this is above 0)', (stats) => stats.waiting);
    poolGauge('hub_db_pool_max_connections', 'The most connections the pool opens', (stats) => stats.max);
  }
  return registry;
}
