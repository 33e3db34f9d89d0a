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
import type { EventBus } from '../lib/events';
import { createLogger } from '../lib/logger';
import { metrics } from '../lib/metrics';
import { createServices } from '../services';
import type { FromThread, ToThread } from './thread-host';

const { config, publicUrl } = workerData as { config: Config; publicUrl: string };
const port = parentPort!;
const post = (message: FromThread) => port.postMessage(message);

// This thread's metrics would sit in its own registry, which nobody scrapes: each call goes to the main thread's.
for (const name of Object.keys(metrics) as (keyof typeof metrics)[]) {
  (metrics as Record<string, unknown>)[name] = (...args: unknown[]) => post({ kind: 'metric', name, args });
}
// Subscribers live in the main thread: publishing here hands the event over (the jobs only publish).
const events = {
  publish: (...args: unknown[]) => post({ kind: 'event', args }),
  subscribe: () => {
    throw new Error('the job thread publishes events; subscriptions are served by the main thread');
  },
} as unknown as EventBus;

const logger = createLogger(config.logLevel).child({ thread: 'jobs' });
const keyring = config.encryptionKeys ? new Keyring(parseKeys(config.encryptionKeys)) : loadKeyFile(config.keyFile).keyring;
const db = await connectDb(config.database);
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
  else if (message.kind === 'stop') {
    services.retention.stop();
    await services.worker.stop();
    await db.$disconnect();
    post({ kind: 'stopped' });
  }
});
post({ kind: 'started' });
