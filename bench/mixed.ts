/**
 * mixed: acknowledging webhooks while they are processed. autocannon posts distinct signed bodies
 * `{"outboundDelivery":"8000xxxx","seq":n}` (each a transfer that reads a delivery from the SAP
 * simulator and stores it) to, in one run: the hub with its worker on, the hub with the worker off
 * (ingest only), the minimal durable-ingest server (measured again just before each database's
 * rows) and a bare node:http server. For the hub with
 * workers on, the time for the backlog to drain once the load stops, and the count of transfers
 * that succeeded (must equal the events accepted). Then the queue alone on PostgreSQL: the hub's
 * job queue and graphile-worker, the same number of no-op jobs, jobs/s enqueued and completed.
 * BENCH_SERVER_FLAGS passes node flags to the servers (e.g. `--cpu-prof --cpu-prof-dir=bench/results/profiles`).
 */
import { createHmac } from 'node:crypto';
import autocannon from 'autocannon';
import { startIngestServer, stopIngestServer, type IngestServer as Server } from './ingest-server-process';
import { connectDb } from '../src/db/connection';
import { JobStore } from '../src/db/job-store';
import { applyMigrations } from '../src/db/migrate';
import { JobWorker } from '../src/jobs/worker';
import { createLogger } from '../src/lib/logger';
import { withDatabase } from './databases';

export interface MixedOptions {
  connections: number;
  seconds: number;
  dbs: string[];
  /** No-op jobs for the queue-alone comparison. */
  jobs: number;
  /** Worker concurrency of both queues in the queue-alone comparison. */
  concurrency: number;
}


interface Load {
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  failed: number;
}

interface Drained {
  events: number;
  transfers: number;
  succeeded: number;
  dead: number;
  drainSeconds: number;
}



function drain(server: Server): Promise<Drained> {
  return new Promise((resolve) => {
    server.child.once('message', (message) => resolve(message as Drained));
    server.child.send({ drain: true });
  });
}

let seq = 0;

/** Distinct bodies, each over one of `deliveries` outbound deliveries, signed with the server's secret. */
async function load(server: Server, connections: number, seconds: number, deliveries: number): Promise<Load> {
  const path = server.orgId ? `/api/v1/integrations/webhook/sap-s4hana/${server.orgId}` : '/webhook';
  const secret = server.secret ?? 'bare';
  const result = await autocannon({
    url: `${server.url}${path}`,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const n = seq++;
          const body = `{"outboundDelivery":"${80000001 + (n % deliveries)}","seq":${n}}`;
          const signature = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
          return { ...request, body, headers: { 'content-type': 'application/json', 'x-webhook-signature': signature } };
        },
      },
    ],
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, ok: result['2xx'], failed: result.non2xx + result.errors + result.timeouts };
}

/** The hub's job queue, then graphile-worker, on fresh PostgreSQL databases: `jobs` no-op jobs enqueued in batches of 500, then run. */
async function queueAlone(jobs: number, concurrency: number) {
  const batches = Array.from({ length: Math.ceil(jobs / 500) }, (_, i) => Math.min(500, jobs - i * 500));
  const hub = await withDatabase('postgres', async (target) => {
    await applyMigrations(target);
    const db = await connectDb(target);
    const store = new JobStore(db, 'postgresql');
    const org = await db.organization.create({ data: { id: 'org_bench', name: 'Bench' } });
    let started = performance.now();
    for (const size of batches) {
      await db.$transaction((tx) => store.enqueue(tx, Array.from({ length: size }, (_, i) => ({ queue: 'bench.noop', subjectId: `s${i}`, orgId: org.id, maxAttempts: 3 })), new Date()));
    }
    const enqueueSeconds = (performance.now() - started) / 1000;
    const worker = new JobWorker(db, store, [{ queue: 'bench.noop', run: async () => undefined, recordFailure: async () => undefined }], createLogger('warn'), {
      concurrency, leaseMs: 30_000, pollMs: 50, retryDelayMs: () => 1000,
    });
    started = performance.now();
    worker.start();
    while ((await db.job.count()) > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    const runSeconds = (performance.now() - started) / 1000;
    await worker.stop();
    await db.$disconnect();
    return { enqueuePerSecond: jobs / enqueueSeconds, completePerSecond: jobs / runSeconds };
  });
  const graphile = await withDatabase('postgres', async (target) => {
    const { Logger, makeWorkerUtils, run } = await import('graphile-worker');
    const { default: pg } = await import('pg');
    const silent = new Logger(() => () => undefined);
    const pgPool = new pg.Pool({ connectionString: target.url, max: concurrency + 2 });
    pgPool.on('error', () => undefined);
    const utils = await makeWorkerUtils({ pgPool, logger: silent });
    await utils.migrate();
    let started = performance.now();
    for (const size of batches) await utils.addJobs(Array.from({ length: size }, (_, i) => ({ identifier: 'noop', payload: { subjectId: `s${i}` } })));
    const enqueueSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    const runner = await run({ pgPool, concurrency, pollInterval: 50, noHandleSignals: true, taskList: { noop: async () => undefined }, logger: silent });
    while (Number((await pgPool.query('SELECT count(*) AS n FROM graphile_worker.jobs')).rows[0].n) > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    const runSeconds = (performance.now() - started) / 1000;
    await runner.stop();
    await utils.release();
    await pgPool.end();
    return { enqueuePerSecond: jobs / enqueueSeconds, completePerSecond: jobs / runSeconds };
  });
  return { hub, graphile };
}

export async function mixedScenario(options: MixedOptions): Promise<Record<string, unknown>> {
  const deliveries = 1000;
  const warmup = Math.min(2, options.seconds);
  const rows: string[] = [];
  const results: Record<string, unknown> = {};
  const row = (name: string, l: Load, note = '') => {
    rows.push(`| ${name} | ${Math.round(l.rps)} | ${l.p50} | ${l.p99} | ${l.ok} | ${l.failed || ''} | ${note} |`);
    console.log(`  ${rows.at(-1)}`);
  };
  const measure = async (server: Server) => {
    await load(server, options.connections, warmup, deliveries);
    return load(server, options.connections, options.seconds, deliveries);
  };

  const sap = await startIngestServer(['sap', String(deliveries)]);
  // The minimal server is measured again just before each database's hub: the machine's speed
  // drifts over the minutes a run takes (a drain alone takes several), and a ratio is only as
  // good as its two rows are close in time.
  const minimalNow = async (label: string) => {
    const minimal = await startIngestServer(['minimal']);
    const measured = await measure(minimal);
    await stopIngestServer(minimal);
    row(`minimal durable-ingest server (SQLite), ${label}`, measured, '1.00 × minimal');
    return measured;
  };
  try {
    const bare = await startIngestServer(['bare']);
    results.bare = await measure(bare);
    await stopIngestServer(bare);
    row('bare node:http, answers at once', results.bare as Load);
    const sapTarget = JSON.stringify({ url: sap.url, ...(sap as unknown as { tokenUrl: string; clientId: string; clientSecret: string }) });
    for (const db of options.dbs) {
      const minimal = await minimalNow(`before the ${db} rows`);
      const ingestOnly = await startIngestServer(['hub', db, sapTarget]);
      const off = await measure(ingestOnly);
      await stopIngestServer(ingestOnly);
      const full = await startIngestServer(['hub', db, sapTarget, 'worker']);
      const on = await measure(full);
      console.log(`  ${db}, workers on: ${Math.round(on.rps)} req/s, p99 ${on.p99} ms; draining the backlog`);
      const drained = await drain(full);
      await stopIngestServer(full);
      results[db] = { minimal, workersOff: off, workersOn: on, drained };
      row(`hub, ${db}, HUB_WORKER=false (ingest only)`, off, `${(off.rps / minimal.rps).toFixed(2)} × minimal`);
      row(
        `hub, ${db}, workers on`,
        on,
        `${(on.rps / off.rps).toFixed(2)} × ingest-only; drained in ${drained.drainSeconds.toFixed(1)} s; ${drained.succeeded} of ${drained.events} events' transfers succeeded (${drained.transfers} transfers, ${drained.dead} dead jobs)`,
      );
    }
  } finally {
    await stopIngestServer(sap);
  }
  console.log(
    [
      '',
      `| server (${options.connections} connections, ${options.seconds} s) | accepted req/s | p50 ms | p99 ms | 2xx | failed | note |`,
      '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
      ...rows,
    ].join('\n'),
  );

  if (options.jobs > 0) {
    const queues = await queueAlone(options.jobs, options.concurrency);
    results.queue = queues;
    console.log(
      [
        '',
        `| queue alone, PostgreSQL, ${options.jobs} no-op jobs, concurrency ${options.concurrency} | enqueued jobs/s (batches of 500) | completed jobs/s |`,
        '| --- | ---: | ---: |',
        `| the hub's job queue | ${Math.round(queues.hub.enqueuePerSecond)} | ${Math.round(queues.hub.completePerSecond)} |`,
        `| graphile-worker | ${Math.round(queues.graphile.enqueuePerSecond)} | ${Math.round(queues.graphile.completePerSecond)} |`,
      ].join('\n'),
    );
  }
  return results;
}
