/**
 * `npm run bench [-- --scenario sync|ingest|mixed|deliver|publish|startup|all] [--products 100000] [--db sqlite,postgres]
 *    [--connections 32,128] [--seconds 10] [--rate 200] [--events 20000] [--concurrency 64] [--batch 10]
 *    [--runtime tsx,node] [--warm-starts 3] [--idle 10] [--node-flags=…]`
 *
 * ingest: see ingest.ts.
 *
 * mixed: see mixed.ts. --connections (the first), --seconds per load, --jobs no-op jobs and
 * --concurrency for the queue-alone comparison (0 jobs skips it).
 *
 * startup: see startup.ts. --runtime the ways of running the hub to compare (tsx,node), --idle
 * seconds before idle RSS is read, --warm-starts starts on a migrated database.
 *
 * deliver: see deliver.ts. --events per burst, --concurrency (HUB_WORKER_CONCURRENCY and the bare
 * client's connections; a list runs each), --batch events per emitting transaction, --rate for
 * the paced latency run (5 s).
 *
 * publish: see publish.ts. --events deliveries per run (events to one endpoint; events / N to N),
 * --modes single,batch, --endpoints 1,10, --publish-batch events per batch publish, --concurrency
 * (the first of the list) the hub's concurrent deliveries and the bare client's connections,
 * --via http (POST /api/v1/events and /batch, the default) or domain (the outbox in the hub's
 * process), --publishers single,batch publish requests in flight (32,4).
 *
 * sync: a full sync of N simulator products into SQLite and PostgreSQL, against a baseline
 * measured in the same run: reading the same pages from the same simulator through the same
 * connector without storing them. Reports items/s, peak RSS of the syncing process, and the
 * ratio sync time / download time (the cost of mapping, converting and storing), and the same
 * ratio of the measuring process's CPU time (steadier than wall time on a shared machine; the
 * simulator runs in this process, so its work is in neither). A second table
 * splits memory into what the process holds before its first page, what a run keeps (heap after a
 * forced GC per page, in separate untimed runs) and garbage not yet collected (see sync-worker.ts).
 * The measuring process runs the service as built (bundled as `npm run build:server` bundles it,
 * run by node); `--runtime tsx` runs the sources through tsx instead.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs, promisify } from 'node:util';
import { build } from 'esbuild';
import { bundleOptions } from '../scripts/bundle-options';
import { createSapSimulator } from '../tools/sap-simulator';
import { deliverScenario } from './deliver';
import { ingestScenario } from './ingest';
import { publishScenario } from './publish';
import { mixedScenario } from './mixed';
import { startupScenario } from './startup';

const run = promisify(execFile);
const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'sync' },
    products: { type: 'string', default: '100000' },
    db: { type: 'string', default: 'sqlite,postgres' },
    connections: { type: 'string', default: '32,128' },
    seconds: { type: 'string', default: '10' },
    rate: { type: 'string', default: '200' },
    events: { type: 'string', default: '20000' },
    concurrency: { type: 'string', default: '64' },
    modes: { type: 'string', default: 'single,batch' },
    endpoints: { type: 'string', default: '1,10' },
    'publish-batch': { type: 'string', default: '100' },
    via: { type: 'string', default: 'http' },
    publishers: { type: 'string', default: '32,4' },
    batch: { type: 'string', default: '10' },
    runtime: { type: 'string' },
    'warm-starts': { type: 'string', default: '3' },
    idle: { type: 'string', default: '10' },
    'node-flags': { type: 'string', default: '' },
    jobs: { type: 'string', default: '20000' },
  },
});

interface Measurement {
  items: number;
  seconds: number;
  /** User + system CPU of the measuring process over the timed part. */
  cpuSeconds: number;
  maxRssMb: number;
  /** RSS when the first page was requested: what the process held before the measured work. */
  startRssMb: number;
  stored?: number;
  /** Memory probes only (`--memory`): heap in use after a full GC following each page. */
  heapAfterGcMb?: { first: number; max: number; last: number };
}

/** The sync worker as `node` runs the built service (the default), or through tsx (`--runtime tsx`). */
const syncRuntime = values.runtime ?? 'node';
const syncWorker = syncRuntime === 'node' ? ['bench/results/build/sync-worker.js'] : ['--import', 'tsx', 'bench/sync-worker.ts'];
/** Passed to node in the measured processes (sync and startup), e.g. `--node-flags=--max-semi-space-size=4`. */
const nodeFlags = values['node-flags']!.split(' ').filter(Boolean);

async function worker(...args: string[]): Promise<Measurement> {
  const flags = args.includes('--memory') ? ['--expose-gc'] : [];
  const { stdout } = await run(process.execPath, [...flags, ...nodeFlags, ...syncWorker, ...args], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Measurement;
}

async function syncScenario(): Promise<void> {
  const products = Number(values.products);
  if (syncRuntime === 'node') await build(bundleOptions(['bench/sync-worker.ts'], 'bench/results/build', 'bench'));
  const sim = await createSapSimulator({ products });
  console.log(`sync benchmark: ${products} products from the SAP simulator at ${sim.url}, worker run by ${syncRuntime}`);
  try {
    const rows: string[][] = [];
    const downloads: Measurement[] = [];
    const record = (name: string, m: Measurement, baseline?: number, cpuBaseline?: number) => {
      rows.push([
        name, String(m.items), m.seconds.toFixed(2), Math.round(m.items / m.seconds).toString(), String(m.maxRssMb), baseline ? (m.seconds / baseline).toFixed(2) : '1.00',
        m.cpuSeconds.toFixed(2), cpuBaseline ? (m.cpuSeconds / cpuBaseline).toFixed(2) : '1.00',
      ]);
      console.log(`  ${name}: ${m.items} items in ${m.seconds.toFixed(2)} s, peak RSS ${m.maxRssMb} MB`);
    };
    downloads.push(await worker('download', sim.url, sim.tokenUrl));
    record('download only (baseline)', downloads[0]!);
    const results: Record<string, Measurement> = {};
    for (const db of values.db!.split(',')) {
      const m = await worker('sync', db, sim.url, sim.tokenUrl);
      if (m.items !== products || m.stored !== products) throw new Error(`${db}: synced ${m.items}, stored ${m.stored}, expected ${products}`);
      results[db] = m;
    }
    downloads.push(await worker('download', sim.url, sim.tokenUrl));
    const baseline = (downloads[0]!.seconds + downloads[1]!.seconds) / 2;
    const cpuBaseline = (downloads[0]!.cpuSeconds + downloads[1]!.cpuSeconds) / 2;
    for (const [db, m] of Object.entries(results)) record(`full sync, ${db}`, m, baseline, cpuBaseline);
    record('download only (again)', downloads[1]!, baseline, cpuBaseline);

    const table = [
      '| run | items | seconds | items/s | peak RSS (MB) | time ÷ download | CPU s | CPU ÷ download |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...rows.map((r) => `| ${r.join(' | ')} |`),
    ].join('\n');
    console.log(`\n${table}\n\nbaseline = mean of the two download-only runs (${baseline.toFixed(2)} s, ${cpuBaseline.toFixed(2)} CPU s)`);

    // Where the memory goes: the timed runs' RSS before their first page (modules; for a sync
    // also the opened, migrated hub) and peak, then separate untimed probe runs that force a full
    // GC after every page. Heap after GC is what a run really keeps; the gap between the two
    // peaks is garbage V8 had not collected yet.
    const probes: Record<string, Measurement> = { download: await worker('download', sim.url, sim.tokenUrl, '--memory') };
    for (const db of Object.keys(results)) probes[db] = await worker('sync', db, sim.url, sim.tokenUrl, '--memory');
    const memoryRow = (name: string, timed: Measurement, probe: Measurement) => {
      const heap = probe.heapAfterGcMb!;
      return `| ${name} | ${timed.startRssMb} | ${timed.maxRssMb} | ${heap.first} / ${heap.max} / ${heap.last} | ${probe.maxRssMb} |`;
    };
    const memoryTable = [
      '| run | RSS before first page (MB) | peak RSS (MB) | heap after GC per page: first / max / last (MB) | peak RSS, GC after every page (MB) |',
      '| --- | ---: | ---: | ---: | ---: |',
      memoryRow('download only', downloads[0]!, probes.download!),
      ...Object.entries(results).map(([db, m]) => memoryRow(`full sync, ${db}`, m, probes[db]!)),
    ].join('\n');
    console.log(`\n${memoryTable}\n\nlast column: separate runs with node --expose-gc and gc() after every page (not timed)`);
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/sync.json', JSON.stringify({ products, baselineSeconds: baseline, downloads, results, memoryProbes: probes, at: new Date().toISOString() }, null, 2));
  } finally {
    await sim.close();
  }
}

async function ingest(): Promise<void> {
  const options = { connections: values.connections!.split(',').map(Number), seconds: Number(values.seconds), dbs: values.db!.split(','), rate: Number(values.rate) };
  console.log(`ingest benchmark: ${options.seconds} s per load, connections ${options.connections.join(', ')}, latency at ${options.rate}/s`);
  const results = await ingestScenario(options);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/ingest.json', JSON.stringify({ options, results, at: new Date().toISOString() }, null, 2));
}

async function deliver(): Promise<void> {
  const options = { events: Number(values.events), concurrency: values.concurrency!.split(',').map(Number), dbs: values.db!.split(','), batch: Number(values.batch), rate: Number(values.rate), pacedSeconds: 5 };
  console.log(`deliver benchmark: ${options.events} events, worker concurrency ${options.concurrency.join(', ')}, latency at ${options.rate}/s`);
  const results = await deliverScenario(options);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/deliver.json', JSON.stringify({ options, results, at: new Date().toISOString() }, null, 2));
}

async function publish(): Promise<void> {
  const options = {
    events: Number(values.events), dbs: values.db!.split(','), modes: values.modes!.split(','), endpoints: values.endpoints!.split(',').map(Number),
    batch: Number(values['publish-batch']), concurrency: Number(values.concurrency!.split(',')[0]),
    via: values.via === 'domain' ? ('domain' as const) : ('http' as const),
    publishers: { single: Number(values.publishers!.split(',')[0]), batch: Number(values.publishers!.split(',')[1] ?? 4) },
  };
  console.log(`publish benchmark: ${options.events} deliveries per run, ${options.modes.join(' and ')} publish, ${options.endpoints.join(' and ')} endpoint(s), worker concurrency ${options.concurrency}`);
  const results = await publishScenario(options);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/publish.json', JSON.stringify({ options, results, at: new Date().toISOString() }, null, 2));
}

async function startup(): Promise<void> {
  const options = { runtimes: (values.runtime ?? 'tsx,node').split(','), dbs: values.db!.split(','), warmStarts: Number(values['warm-starts']), idleSeconds: Number(values.idle), nodeFlags };
  console.log(`startup benchmark: runtimes ${options.runtimes.join(', ')}, idle RSS after ${options.idleSeconds} s, ${options.warmStarts} starts on a migrated database`);
  const results = await startupScenario(options);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/startup.json', JSON.stringify({ options, results, at: new Date().toISOString() }, null, 2));
}

async function mixed(): Promise<void> {
  const connections = Number(values.connections!.split(',')[0]);
  const options = { connections, seconds: Number(values.seconds), dbs: values.db!.split(','), jobs: Number(values.jobs), concurrency: Number(values.concurrency) };
  console.log(`mixed benchmark: ${options.seconds} s per load at ${connections} connections; queue alone: ${options.jobs} no-op jobs at concurrency ${options.concurrency}`);
  const results = await mixedScenario(options);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/mixed.json', JSON.stringify({ options, results, at: new Date().toISOString() }, null, 2));
}

const scenarios: Record<string, () => Promise<void>> = { sync: syncScenario, ingest, mixed, deliver, publish, startup };
const selected = values.scenario === 'all' ? Object.keys(scenarios) : [values.scenario!];
for (const name of selected) {
  const scenario = scenarios[name];
  if (!scenario) throw new Error(`unknown scenario "${name}"; known: ${Object.keys(scenarios).join(', ')}`);
  await scenario();
}
