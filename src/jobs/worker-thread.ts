/**
 * The job worker of an API process, in a worker thread (HUB_WORKER_THREAD, see thread-host.ts):
 * its own event loop, its own database connection and services, so that processing (claims,
 * transfers, their commits; on SQLite each commit blocks its thread until the disk synced) never
 * runs on the event loop that acknowledges webhooks. What it publishes (subscription events,
 * metrics) goes to the main thread, which owns the subscribers and /metrics.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../config';
import { connectDb } from '../db/connection';
import { Keyring, loadKeyFile, parseKeys } from '../lib/crypto/keyring';
import { createPubSub } from '@graphql-yoga/subscription';
import type { EventBus, HubTopics } from '../lib/events';
import { createLogger } from '../lib/logger';
import { metrics } from '../lib/metrics';
import { createServices } from '../services';
import type { FromThread, ToThread } from './thread-host';

const { config, publicUrl, ingestGate } = workerData as { config: Config; publicUrl: string; ingestGate: Int32Array | null };
const port = parentPort!;
const post = (message: FromThread) => port.postMessage(message);

// This thread's metrics would sit in its own registry, which nobody scrapes: each call goes to the main thread's.
for (const name of Object.keys(metrics) as (keyof typeof metrics)[]) {
  (metrics as Record<string, unknown>)[name] = (...args: unknown[]) => post({ kind: 'metric', name, args });
}
// Subscribers live in the main thread: publishing here hands the event over. The one topic this
// thread listens to is the main thread's forwarding of endpoint changes (see JobThread), which its
// cache of endpoint subscriptions drops, as every instance's cache does.
const endpointChanges = createPubSub<Pick<HubTopics, 'endpoint-subscriptions'>>();
const events = {
  publish: (...args: unknown[]) => post({ kind: 'event', args }),
  subscribe: (topic: keyof HubTopics) => {
    if (topic !== 'endpoint-subscriptions') throw new Error(`the job thread serves no subscription to ${topic}; the main thread does`);
    return endpointChanges.subscribe('endpoint-subscriptions');
  },
} as unknown as EventBus;

/** Longest a statement of this thread waits for webhook commits, so that jobs still move under a steady stream of webhooks. */
const maxGiveWayMs = 100;

/**
 * SQLite has one writer, and a connection that waits for it blocks its thread (better-sqlite3 is
 * synchronous): while the request thread has webhooks waiting for their commit (ingestGate[0] is
 * 1), this thread starts no statement, so an acknowledgement waits for at most the one job
 * statement already running, never for a queue of them.
 */
// Node 20 has it; the TypeScript lib this project targets does not declare it yet.
const waitAsync = (Atomics as unknown as { waitAsync(array: Int32Array, index: number, value: number, timeoutMs: number): { async: boolean; value: Promise<string> | string } }).waitAsync;

async function giveWay(gate: Int32Array): Promise<void> {
  const started = performance.now();
  while (Atomics.load(gate, 0) !== 0) {
    const remaining = maxGiveWayMs - (performance.now() - started);
    if (remaining <= 0) return;
    const wait = waitAsync(gate, 0, 1, remaining);
    if (wait.async) await wait.value;
  }
}

const logger = createLogger(config.logLevel).child({ thread: 'jobs' });
const keyring = config.encryptionKeys ? new Keyring(parseKeys(config.encryptionKeys)) : loadKeyFile(config.keyFile).keyring;
const db = await connectDb(config.database, ingestGate ? { beforeStatement: () => giveWay(ingestGate) } : {});
// SQLite: what this thread commits is job state and results, each fenced and safe to redo; in WAL
// mode NORMAL keeps every commit through a crash of the process (kill -9) and only leaves the last
// ones to a power loss, after which their jobs run again. It shortens each commit, and with it the
// time the one write lock is held from the request thread's webhook commits, which stay FULL:
// what the hub acknowledged survives a power loss too.
if (config.database.provider === 'sqlite') await db.$executeRawUnsafe('PRAGMA synchronous = NORMAL');
const services = createServices({
  db,
  provider: config.database.provider,
  keyring,
  events,
  logger,
  publicUrl,
  allowPrivateTargets: config.allowPrivateTargets,
  jobs: config.jobs,
  outbound: config.outbound,
  authFailures: config.authFailures,
});
services.worker.start();
services.retention.start();

port.on('message', async (message: ToThread) => {
  if (message.kind === 'wake') services.worker.wake();
  else if (message.kind === 'endpoint-subscriptions') endpointChanges.publish('endpoint-subscriptions', { orgId: message.orgId });
  else if (message.kind === 'stop') {
    services.retention.stop();
    await services.worker.stop();
    await db.$disconnect();
    post({ kind: 'stopped' });
  }
});
post({ kind: 'started' });
