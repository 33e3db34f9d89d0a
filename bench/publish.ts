/**
 * publish: the product's events from publish to receipt at a local receiver, events/s and the
 * latency of each delivery (p50/p99), single and batch publish, to one endpoint and to ten,
 * on each database, against a bare HTTP client posting the same bodies to the same receiver (to
 * the same paths, as many times) in the same run.
 *
 * Processes as in the deliver benchmark: the receiver (deliver-receiver.ts --by-path: a delivery
 * is a webhook-id at a path), the hub (publish-hub.ts: HTTP server and job worker on a fresh
 * database, N endpoints at the receiver) and this one. Publishing goes through the outbox in the
 * hub process (`emit` per event, or `emitMany` per batch, each in its own transaction): the path
 * a publish request takes once it is validated.
 *
 * Each run publishes `events` events to one endpoint, `events / endpoints` to several (the same
 * number of deliveries), as fast as the hub takes them; the time runs from the first publish to
 * the last receipt. An event is received when every endpoint has it; events/s counts events,
 * deliveries/s requests. Latency: an event's publish → its receipt at each endpoint, so it
 * includes the wait behind the burst. Every delivery must arrive; duplicates are counted.
 *
 * PUBLISH_CPU_PROF=<dir> runs the hub children under `node --cpu-prof` (profiles land in <dir>).
 */
import { readFileSync } from 'node:fs';
import { Pool } from 'undici';
import { bareRequest, postAll } from './bare-client';
import { analyse, arrivals, Child, epochMs, type Measurement, type Received, type Sent } from './deliver';

/** What the benchmark publishes: the first type of the product catalog the hub loads, with its example data. */
const catalog = JSON.parse(readFileSync('examples/catalogs/fractal.json', 'utf8')) as { eventTypes: { type: string; example: Record<string, unknown> }[] };
const published = catalog.eventTypes[0]!;

export interface PublishOptions {
  /** http: POST /api/v1/events (single) and /api/v1/events/batch (batch) with an organization key; domain: the outbox in the hub's process. */
  via: 'http' | 'domain';
  /** Publish requests in flight at once over HTTP: single publish, and batch publish. */
  publishers: { single: number; batch: number };
  events: number;
  dbs: string[];
  /** single: one event per publish; batch: `batch` events per publish. */
  modes: string[];
  endpoints: number[];
  batch: number;
  /** The hub worker's concurrent deliveries (HUB_WORKER_CONCURRENCY) and the bare client's connections. */
  concurrency: number;
}

interface Run extends Measurement {
  events: number;
  eventsPerSecond: number;
  publishSeconds?: number;
  byStatus?: Record<string, number>;
}

const paths = (receiverUrl: string, endpoints: number) => Array.from({ length: endpoints }, (_, n) => `${new URL(receiverUrl).pathname}/e${n}`);

/** Every (event, endpoint) pair as the receiver records it, with the event's publish time. */
function expand(sent: Sent, endpointPaths: string[]): Sent {
  const ids: string[] = [];
  const created: number[] = [];
  sent.ids.forEach((id, i) => {
    for (const path of endpointPaths) {
      ids.push(`${id} ${path}`);
      created.push(sent.created[i]!);
    }
  });
  return { ids, created };
}

function toRun(m: Measurement, events: number, endpoints: number): Run {
  return { ...m, events, eventsPerSecond: m.deliveries / endpoints / m.seconds };
}

/** The bare client: the same bodies and headers, each to every path, over `connections` keep-alive connections. */
async function bareBurst(receiverUrl: string, events: number, endpointPaths: string[], connections: number): Promise<Sent> {
  const requests = Array.from({ length: events }, () =>
    bareRequest((id, timestamp) => ({ id, event: published.type, type: published.type, timestamp: timestamp.toISOString(), data: published.example })),
  );
  const created = new Array<number>(events);
  // Request n is event n ÷ paths to path n mod paths: an event's time is that of its first request.
  await postAll(new URL(receiverUrl).origin, events * endpointPaths.length, connections, (n) => {
    const event = Math.floor(n / endpointPaths.length);
    if (n % endpointPaths.length === 0) created[event] = epochMs();
    return { ...requests[event]!, path: endpointPaths[n % endpointPaths.length]! };
  });
  return { ids: requests.map((request) => request.id), created };
}

async function bareRun(receiver: Child, events: number, endpoints: number, options: PublishOptions): Promise<Run> {
  const url = receiver.hello.url as string;
  const endpointPaths = paths(url, endpoints);
  await bareBurst(url, Math.min(1_000, events), endpointPaths, options.concurrency);
  await receiver.request('take');
  const sent = await bareBurst(url, events, endpointPaths, options.concurrency);
  return toRun(analyse(expand(sent, endpointPaths), await receiver.request<Received>('take')), events, endpoints);
}

async function hubRun(receiver: Child, db: string, mode: string, events: number, endpoints: number, options: PublishOptions): Promise<Run> {
  const url = receiver.hello.url as string;
  const endpointPaths = paths(url, endpoints);
  const profileDir = process.env.PUBLISH_CPU_PROF;
  const execArgv = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const hub = await Child.start('bench/publish-hub.ts', [db, url, String(endpoints)], { HUB_WORKER_CONCURRENCY: String(options.concurrency) }, execArgv);
  const batch = mode === 'batch' ? options.batch : 1;
  try {
    const burst = async (count: number) => {
      const sent =
        options.via === 'http'
          ? await publishOverHttp(hub.hello.url as string, hub.hello.apiKey as string, count, batch, batch === 1 ? options.publishers.single : options.publishers.batch)
          : await hub.request<Sent & { publishSeconds: number }>('emit', { count, batch });
      const expanded = expand(sent, endpointPaths);
      await arrivals(receiver, expanded.ids.length);
      const settled = await hub.request<{ deliveries: Record<string, number> }>('settle');
      return { ...toRun(analyse(expanded, await receiver.request<Received>('take')), count, endpoints), publishSeconds: sent.publishSeconds, byStatus: settled.deliveries };
    };
    await burst(Math.min(1_000, events)); // warm-up: JIT, connections, Prisma's caches
    return await burst(events);
  } finally {
    await hub.stop('stop');
  }
}

/**
 * Publishes `count` events over HTTP with `publishers` requests in flight: one event per
 * `POST /api/v1/events`, or `batch` per `POST /api/v1/events/batch`. An event's publish time is
 * its request's start.
 */
async function publishOverHttp(hubUrl: string, apiKey: string, count: number, batch: number, publishers: number): Promise<Sent & { publishSeconds: number }> {
  const pool = new Pool(new URL(hubUrl).origin, { connections: publishers, keepAliveTimeout: 60_000 });
  const headers = { 'content-type': 'application/json', 'x-api-key': apiKey };
  const event = { event: published.type, data: published.example };
  const ids = new Array<string>(count);
  const created = new Array<number>(count);
  let next = 0;
  const started = epochMs();
  try {
    await Promise.all(
      Array.from({ length: publishers }, async () => {
        while (next < count) {
          const first = next;
          const size = Math.min(batch, count - first);
          next += size;
          const at = epochMs();
          const single = batch === 1;
          const { statusCode, body } = await pool.request({
            path: single ? '/api/v1/events' : '/api/v1/events/batch', method: 'POST', headers,
            body: JSON.stringify(single ? event : { events: Array.from({ length: size }, () => event) }),
          });
          const answer = (await body.json()) as { id?: string; results?: { id?: string }[] };
          if (statusCode !== 202) throw new Error(`the hub answered ${statusCode}: ${JSON.stringify(answer)}`);
          const answered = single ? [answer.id] : answer.results!.map((result) => result.id);
          answered.forEach((id, k) => {
            if (!id) throw new Error(`event ${first + k} was refused: ${JSON.stringify(answer)}`);
            ids[first + k] = id;
            created[first + k] = at;
          });
        }
      }),
    );
  } finally {
    await pool.close();
  }
  return { ids, created, publishSeconds: (epochMs() - started) / 1000 };
}

const ms = (value: number) => value.toFixed(1);

export async function publishScenario(options: PublishOptions): Promise<Record<string, unknown>> {
  const receiver = await Child.start('bench/deliver-receiver.ts', ['--by-path']);
  const rows: string[] = [];
  const notes: string[] = [];
  const results: Record<string, unknown> = {};
  try {
    for (const endpoints of options.endpoints) {
      const events = Math.ceil(options.events / endpoints);
      const before = await bareRun(receiver, events, endpoints, options);
      const hubs: Record<string, Run> = {};
      for (const db of options.dbs) {
        for (const mode of options.modes) {
          const run = await hubRun(receiver, db, mode, events, endpoints, options);
          hubs[`${db}, ${mode}`] = run;
          console.log(`  ${db}, ${mode} publish, ${endpoints} endpoint(s): ${Math.round(run.eventsPerSecond)} events/s, ${Math.round(run.perSecond)} deliveries/s (publishing took ${run.publishSeconds!.toFixed(2)} s of ${run.seconds.toFixed(2)} s)`);
          notes.push(`${db}, ${mode}, ${endpoints} endpoint(s): missing ${run.missing}, duplicates ${run.duplicates}, deliveries by status at the end ${JSON.stringify(run.byStatus)}`);
        }
      }
      const after = await bareRun(receiver, events, endpoints, options);
      const baseline = (before.perSecond + after.perSecond) / 2;
      const row = (name: string, m: Run) =>
        rows.push(`| ${name} | ${endpoints} | ${m.events} | ${m.deliveries} | ${m.seconds.toFixed(2)} | ${Math.round(m.eventsPerSecond)} | ${Math.round(m.perSecond)} | ${ms(m.p50)} | ${ms(m.p99)} | ${(m.perSecond / baseline).toFixed(2)} |`);
      row('bare client', before);
      for (const [name, run] of Object.entries(hubs)) row(`hub, ${name} publish`, run);
      row('bare client (again)', after);
      for (const m of [before, after]) if (m.missing || m.duplicates) notes.push(`bare client, ${endpoints} endpoint(s): missing ${m.missing}, duplicates ${m.duplicates}`);
      results[`${endpoints} endpoint(s)`] = { bare: [before, after], baselinePerSecond: baseline, hubs };
    }
  } finally {
    await receiver.stop();
  }
  console.log(
    [
      '',
      `publish → receipt (${options.via === 'http' ? `POST /api/v1/events with ${options.publishers.single} requests in flight, /api/v1/events/batch with ${options.publishers.batch}` : 'the outbox in the hub process, one transaction per publish'}): ` +
        `${options.events} deliveries per run; batch publish = ${options.batch} events per publish; hub worker concurrency and bare connections ${options.concurrency}`,
      '',
      '| run | endpoints | events | deliveries | seconds | events/s | deliveries/s | p50 ms | p99 ms | ÷ bare |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...rows,
      '',
      'events/s: events received by every endpoint, first publish → last receipt. p50/p99: publish → receipt of each delivery (includes the wait behind the burst); bare: request sent → received. ÷ bare: deliveries/s over the mean of the two bare runs.',
      '',
      ...notes,
    ].join('\n'),
  );
  return results;
}
