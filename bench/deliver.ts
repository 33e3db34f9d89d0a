/**
 * deliver: outbound webhook deliveries per second from the hub to a local receiver, and the
 * latency from an event's creation to its receipt, against a bare HTTP client posting bodies of
 * the same size to the same receiver in the same run.
 *
 * Three kinds of process, so each side has its own event loop: the receiver (deliver-receiver.ts,
 * bare node:http, records each request's webhook-id and arrival time), the hub
 * (deliver-hub.ts: a fresh database, the job worker on, one endpoint at the receiver) and this one,
 * which drives both and runs the bare client (an undici Pool with as many connections as the hub's
 * worker runs jobs at once). All times are epoch ms from performance.timeOrigin, so the hub's
 * creation times and the receiver's arrival times compare.
 *
 * Burst: N events emitted as fast as the hub takes them, `batch` per transaction; the time runs from
 * the first emit (the bare client: the first request) to the last receipt, and latency is event
 * created → received, so it includes the wait behind the backlog (for the bare client: request
 * sent → received). Paced: `rate` events a second, one per transaction, for latency without a
 * backlog. Every event id must arrive; duplicates (at-least-once) are counted.
 *
 * DELIVER_CPU_PROF=<dir> runs the hub children under `node --cpu-prof` (profiles land in <dir>).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { Pool } from 'undici';
import { findEventType } from '../src/domain/events/catalog';
import { bareRequest, postAll } from './bare-client';

export interface DeliverOptions {
  events: number;
  /** Jobs the hub's worker runs at once (HUB_WORKER_CONCURRENCY); the bare client's connections. */
  concurrency: number[];
  dbs: string[];
  /** Events per transaction in the burst. */
  batch: number;
  /** Events per second in the paced latency run, for `pacedSeconds`. */
  rate: number;
  pacedSeconds: number;
}

export const epochMs = () => performance.timeOrigin + performance.now();
type Reply = Record<string, unknown> & { error?: string };

/** A child process spoken to over IPC: {seq, cmd, …} answered by {seq, …}. */
export class Child {
  private seq = 0;
  private readonly waiting = new Map<number, { resolve: (reply: Reply) => void; reject: (error: Error) => void }>();
  private exited: Promise<number | null>;

  private constructor(
    readonly process: ChildProcess,
    readonly hello: Reply,
  ) {
    process.on('message', (message: Reply & { seq?: number }) => {
      const waiter = message.seq === undefined ? undefined : this.waiting.get(message.seq);
      if (!waiter) return;
      this.waiting.delete(message.seq!);
      if (message.error) waiter.reject(new Error(message.error));
      else waiter.resolve(message);
    });
    this.exited = new Promise((resolve) => process.once('exit', (code) => {
      for (const waiter of this.waiting.values()) waiter.reject(new Error(`child exited with ${code}`));
      resolve(code);
    }));
  }

  static async start(file: string, args: string[], env: Record<string, string> = {}, execArgv: string[] = []): Promise<Child> {
    const child = fork(file, args, { execArgv: [...execArgv, '--import', 'tsx'], env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const hello = await new Promise<Reply>((resolve, reject) => {
      child.once('message', resolve);
      child.once('exit', (code) => reject(new Error(`${file} ${args.join(' ')} exited with ${code} before it was ready`)));
    });
    return new Child(child, hello);
  }

  request<T = Reply>(cmd: string, fields: Record<string, unknown> = {}): Promise<T> {
    const seq = ++this.seq;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(seq, { resolve: resolve as (reply: Reply) => void, reject });
      this.process.send({ seq, cmd, ...fields });
    });
  }

  async stop(message?: string): Promise<void> {
    if (message) this.process.send({ seq: ++this.seq, cmd: message });
    else this.process.disconnect();
    await this.exited;
  }
}

export interface Sent {
  ids: string[];
  /** Epoch ms: the event's creation (hub) or the request's start (bare client). */
  created: number[];
}

export interface Received {
  ids: string[];
  times: number[];
}

export interface Measurement {
  deliveries: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  duplicates: number;
  missing: number;
  /** Hub bursts: how long emitting alone took. */
  emitSeconds?: number;
  /** Hub runs: deliveries by status once no job was left, and attempts logged. */
  settled?: { deliveries: Record<string, number>; attempts: number };
}

export function analyse(sent: Sent, received: Received): Measurement {
  const arrived = new Map<string, number>();
  received.ids.forEach((id, i) => {
    if (!arrived.has(id)) arrived.set(id, received.times[i]!);
  });
  const latencies: number[] = [];
  let missing = 0;
  let last = 0;
  for (const [i, id] of sent.ids.entries()) {
    const at = arrived.get(id);
    if (at === undefined) {
      missing++;
      continue;
    }
    latencies.push(at - sent.created[i]!);
    last = Math.max(last, at);
  }
  latencies.sort((a, b) => a - b);
  const pick = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
  const seconds = (last - Math.min(...sent.created)) / 1000;
  return { deliveries: latencies.length, seconds, perSecond: latencies.length / seconds, p50: pick(0.5), p99: pick(0.99), duplicates: received.ids.length - arrived.size, missing };
}

/** Waits until the receiver has seen `count` distinct ids; fails after `stallMs` without progress. */
export async function arrivals(receiver: Child, count: number, stallMs = 30_000): Promise<void> {
  let seen = -1;
  let progressAt = Date.now();
  for (;;) {
    const { unique } = await receiver.request<{ unique: number }>('count');
    if (unique >= count) return;
    if (unique !== seen) [seen, progressAt] = [unique, Date.now()];
    else if (Date.now() - progressAt > stallMs) throw new Error(`the receiver got ${unique} of ${count} deliveries and nothing more for ${stallMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A bare delivery of the hub's `item.updated` body, its data numbered `n` as the hub's are. */
const itemUpdated = (n: number) =>
  bareRequest((id, timestamp) => ({ id, event: 'item.updated', timestamp: timestamp.toISOString(), data: { ...findEventType('item.updated')!.example, sequence: n } }));

/** The bare client: `count` deliveries to the receiver over `connections` keep-alive connections, each timed as it leaves. */
async function bareBurst(receiverUrl: string, count: number, connections: number): Promise<Sent> {
  const url = new URL(receiverUrl);
  const requests = Array.from({ length: count }, (_, n) => itemUpdated(n));
  const created = new Array<number>(count);
  await postAll(url.origin, count, connections, (n) => {
    created[n] = epochMs();
    return { ...requests[n]!, path: url.pathname };
  });
  return { ids: requests.map((request) => request.id), created };
}

/** The bare client at a fixed rate: each request leaves at its time, whatever the others do. */
async function barePaced(receiverUrl: string, rate: number, seconds: number, connections: number): Promise<Sent> {
  const url = new URL(receiverUrl);
  const pool = new Pool(url.origin, { connections, keepAliveTimeout: 60_000 });
  const count = Math.round(rate * seconds);
  const requests = Array.from({ length: count }, (_, n) => itemUpdated(n));
  const created: number[] = [];
  const pending: Promise<unknown>[] = [];
  const started = epochMs() + 20;
  try {
    for (let n = 0; n < count; n++) {
      const wait = started + (n * 1000) / rate - epochMs();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      created.push(epochMs());
      pending.push(pool.request({ path: url.pathname, method: 'POST', headers: requests[n]!.headers, body: requests[n]!.body }).then(({ body }) => body.text()));
    }
    await Promise.all(pending);
  } finally {
    await pool.close();
  }
  return { ids: requests.map((request) => request.id), created };
}

interface HubRun {
  burst: Measurement;
  paced: Measurement;
  /** Hub runs: the same events emitted with the worker stopped, timed from the worker's start. */
  drain?: Measurement;
}

async function hubRun(receiver: Child, db: string, concurrency: number, options: DeliverOptions): Promise<HubRun> {
  const profileDir = process.env.DELIVER_CPU_PROF;
  const execArgv = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const hub = await Child.start('bench/deliver-hub.ts', [db, receiver.hello.url as string], { HUB_WORKER_CONCURRENCY: String(concurrency) }, execArgv);
  try {
    const burst = async (count: number, cmd = 'burst') => {
      const sent = await hub.request<Sent & { emitSeconds: number }>(cmd, { count, batch: options.batch });
      await arrivals(receiver, count);
      const settled = await hub.request<{ deliveries: Record<string, number>; attempts: number }>('settle');
      return { ...analyse(sent, await receiver.request<Received>('take')), emitSeconds: sent.emitSeconds, settled: { deliveries: settled.deliveries, attempts: settled.attempts } };
    };
    await burst(Math.min(2_000, Math.ceil(options.events / 10))); // warm-up: JIT, connections, Prisma's caches
    const measured = await burst(options.events);
    const drain = await burst(options.events, 'drain');
    const sent = await hub.request<Sent>('paced', { rate: options.rate, seconds: options.pacedSeconds });
    await arrivals(receiver, sent.ids.length);
    await hub.request('settle');
    const paced = analyse(sent, await receiver.request<Received>('take'));
    return { burst: measured, paced, drain };
  } finally {
    await hub.stop('stop');
  }
}

async function bareRun(receiver: Child, concurrency: number, options: DeliverOptions): Promise<HubRun> {
  const url = receiver.hello.url as string;
  await bareBurst(url, Math.min(2_000, Math.ceil(options.events / 10)), concurrency);
  await receiver.request('take');
  const burst = analyse(await bareBurst(url, options.events, concurrency), await receiver.request<Received>('take'));
  const paced = analyse(await barePaced(url, options.rate, options.pacedSeconds, concurrency), await receiver.request<Received>('take'));
  return { burst, paced };
}

const ms = (value: number) => value.toFixed(1);

export async function deliverScenario(options: DeliverOptions): Promise<Record<string, unknown>> {
  const receiver = await Child.start('bench/deliver-receiver.ts', []);
  const rows: string[] = [];
  const latencyRows: string[] = [];
  const notes: string[] = [];
  const results: Record<string, unknown> = {};
  try {
    for (const concurrency of options.concurrency) {
      const before = await bareRun(receiver, concurrency, options);
      const hubs: Record<string, HubRun> = {};
      for (const db of options.dbs) {
        hubs[db] = await hubRun(receiver, db, concurrency, options);
        const { burst, paced } = hubs[db];
        console.log(`  hub ${db}, concurrency ${concurrency}: ${Math.round(burst.perSecond)} deliveries/s (emitting took ${burst.emitSeconds!.toFixed(2)} s of it), paced p50 ${ms(paced.p50)} ms`);
      }
      const after = await bareRun(receiver, concurrency, options);
      const baseline = (before.burst.perSecond + after.burst.perSecond) / 2;
      const row = (name: string, m: Measurement, latency = true) =>
        rows.push(`| ${name} | ${m.deliveries} | ${m.seconds.toFixed(2)} | ${Math.round(m.perSecond)} | ${latency ? ms(m.p50) : '–'} | ${latency ? ms(m.p99) : '–'} | ${(m.perSecond / baseline).toFixed(2)} |`);
      row(`bare client, ${concurrency} connections`, before.burst);
      for (const [db, run] of Object.entries(hubs)) {
        row(`hub, ${db}, concurrency ${concurrency}`, run.burst);
        row(`hub, ${db}, concurrency ${concurrency}: from a backlog, delivering only`, run.drain!, false);
      }
      row(`bare client, ${concurrency} connections (again)`, after.burst);
      latencyRows.push(`| bare client, ${concurrency} connections | ${before.paced.deliveries} | ${ms(before.paced.p50)} | ${ms(before.paced.p99)} |`);
      for (const [db, run] of Object.entries(hubs)) {
        latencyRows.push(`| hub, ${db}, concurrency ${concurrency} | ${run.paced.deliveries} | ${ms(run.paced.p50)} | ${ms(run.paced.p99)} |`);
        const b = run.burst;
        notes.push(
          `hub ${db}, concurrency ${concurrency}: emitting ${options.events} events took ${b.emitSeconds!.toFixed(2)} s beside the worker, ` +
            `${run.drain!.emitSeconds!.toFixed(2)} s with the worker stopped (${Math.round(options.events / run.drain!.emitSeconds!)}/s); ` +
            `missing ${b.missing + run.drain!.missing + run.paced.missing}, duplicates ${b.duplicates + run.drain!.duplicates + run.paced.duplicates}; ` +
            `deliveries by status at the end ${JSON.stringify(run.drain!.settled!.deliveries)}, attempts logged ${run.drain!.settled!.attempts}`,
        );
      }
      for (const m of [before, after]) if (m.burst.missing || m.burst.duplicates) notes.push(`bare client: missing ${m.burst.missing}, duplicates ${m.burst.duplicates}`);
      results[`concurrency ${concurrency}`] = { bare: [before, after], baselinePerSecond: baseline, hubs };
    }
  } finally {
    await receiver.stop();
  }
  console.log(
    [
      '',
      `burst: ${options.events} events (${options.batch} per transaction), time from first emit to last receipt`,
      '',
      '| run | deliveries | seconds | deliveries/s | p50 ms | p99 ms | ÷ bare |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...rows,
      '',
      'p50/p99: hub = event created → received by the receiver (includes the wait behind the burst); bare = request sent → received. ÷ bare: deliveries/s over the mean of the two bare runs.',
      '"from a backlog": the same number of events emitted with the worker stopped, timed from the worker\'s start to the last receipt.',
      '',
      `paced: ${options.rate} events/s for ${options.pacedSeconds} s, one per transaction: event created (bare: request sent) → received`,
      '',
      '| run | deliveries | p50 ms | p99 ms |',
      '| --- | ---: | ---: | ---: |',
      ...latencyRows,
      '',
      ...notes,
    ].join('\n'),
  );
  return results;
}
