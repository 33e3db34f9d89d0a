/**
 * A server under test for the ingest and mixed benchmarks, in its own process (the load generator
 * runs in the parent, so each gets its own core):
 *   bare                 a node:http server that reads the body and answers like the hub does
 *   minimal              the minimal durable-ingest server (see minimal-ingest.ts)
 *   hub <sqlite|postgres> [sap-url] [worker] the hub on a fresh database, one org with a signed
 *                        sap-s4hana integration (pointed at the SAP simulator at sap-url when
 *                        given); `worker` runs the job worker (default: none, HUB_WORKER=false)
 *   sap <deliveries>     the SAP simulator
 * Prints one JSON line {url, orgId?, apiKey?, secret?} once listening; runs until SIGTERM. Over
 * the IPC channel (when spawned with one), `{drain: true}` waits until no job is left and answers
 * with the counts of events and transfers.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../src/config';
import { startHub } from '../src/hub';
import { generateKey, keyEntry } from '../src/lib/crypto/keyring';
import { createLogger } from '../src/lib/logger';
import { createSapSimulator } from '../tools/sap-simulator';
import { withDatabase } from './databases';
import { startMinimalServer } from './minimal-ingest';

const [mode, kind, sapUrl, workerFlag] = process.argv.slice(2);
const secret = 'whsec_bench_secret_0123456789';
const stopped = new Promise<void>((resolve) => process.once('SIGTERM', () => resolve()));

if (mode === 'bare') {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"success":true,"deliveryId":"evt_00000000000000000000"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  console.log(JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
  await stopped;
  server.close();
} else if (mode === 'minimal') {
  await withDatabase('sqlite', async (_target, dir) => {
    const server = await startMinimalServer({ dir, secret });
    console.log(JSON.stringify({ url: server.url, secret }));
    process.on('message', (message: { drain?: boolean }) => {
      if (message.drain) process.send!({ events: server.count(), transfers: 0, succeeded: 0, drainSeconds: 0 });
    });
    await stopped;
    await server.close();
  });
} else if (mode === 'sap') {
  const sim = await createSapSimulator({ products: 10, deliveries: Number(kind ?? 1000) });
  console.log(JSON.stringify({ url: sim.url, tokenUrl: sim.tokenUrl, clientId: sim.clientId, clientSecret: sim.clientSecret }));
  await stopped;
  await sim.close();
} else {
  await withDatabase(kind!, async (database) => {
    const worker = workerFlag === 'worker';
    const env = {
      PORT: '0', HUB_ENCRYPTION_KEYS: keyEntry(generateKey()), HUB_WORKER: String(worker), HUB_WORKER_THREAD: process.env.HUB_WORKER_THREAD ?? 'true', LOG_LEVEL: 'warn', NODE_ENV: 'production',
      HUB_ALLOW_PRIVATE_TARGETS: 'true', ...(process.env.BENCH_HUB_ENV ? (JSON.parse(process.env.BENCH_HUB_ENV) as Record<string, string>) : {}),
    };
    const hub = await startHub({ ...loadConfig(env), database }, createLogger('warn'));
    const { orgId, apiKey } = await hub.services.orgs.createOrg('Bench');
    const sap = sapUrl ? (JSON.parse(sapUrl) as { url: string; tokenUrl: string; clientId: string; clientSecret: string }) : null;
    await hub.services.integrations.configure(orgId, 'sap-s4hana', {
      tenantUrl: sap?.url ?? 'https://my-sap-instance.s4hana.cloud',
      credentials: { clientId: sap?.clientId ?? 'c', clientSecret: sap?.clientSecret ?? 's', tokenUrl: sap?.tokenUrl ?? 'https://my-sap-instance.s4hana.cloud/oauth/token' },
      settings: { webhookSecret: secret },
    });
    const db = hub.services.db;
    process.on('message', async (message: { drain?: boolean }) => {
      if (!message.drain) return;
      const started = performance.now();
      // Drained: no job of any queue left (a succeeded transfer deletes its job; a dead one stays and is counted below).
      while ((await db.job.count({ where: { status: { not: 'dead' } } })) > 0) await new Promise((resolve) => setTimeout(resolve, 100));
      const drainSeconds = (performance.now() - started) / 1000;
      const [events, transfers, succeeded, dead] = await Promise.all([
        db.webhookEvent.count(),
        db.transferRequest.count(),
        db.transferRequest.count({ where: { status: 'succeeded' } }),
        db.job.count({ where: { status: 'dead' } }),
      ]);
      process.send!({ events, transfers, succeeded, dead, drainSeconds });
    });
    console.log(JSON.stringify({ url: hub.url, orgId, apiKey, secret }));
    await stopped;
    const stored = await db.webhookEvent.count();
    console.error(JSON.stringify({ stored }));
    await hub.close();
  });
}
process.exit(0);
