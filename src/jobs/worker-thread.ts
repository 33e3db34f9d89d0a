/**
 * The job worker of an API process, in a worker thread (HUB_WORKER_THREAD, see thread-host.ts):
 * its own event loop, its own database connection and services, so that processing (claims,
 * transfers, their commits; on SQLite each commit blocks its thread until the disk synced) never
 * runs on the event loop that acknowledges webhooks. What it publishes (subscription events,
 * metrics) goes to the main thread, which owns the subscribers and /metrics.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../config';
import { connectDb } from '../db/connection';
import { WriteLock } from '../db/write-lock';
import { Keyring, loadKeyFile, parseKeys } from '../lib/crypto/keyring';
import { createPubSub } from '@graphql-yoga/subscription';
import type { EventBus, HubTopics } from '../lib/events';
import { createLogger } from '../lib/logger';
import { metrics } from '../lib/metrics';
import { createServices } from '../services';
import type { FromThread, ToThread } from './thread-host';

const { config, publicUrl, writeLock } = workerData as { config: Config; publicUrl: string; writeLock: Int32Array | null };
const port = parentPort!;
const jobThreadNice = 10;
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

const logger = createLogger(config.logLevel).child({ thread: 'jobs' });
lowerThisThreadsPriority();
const keyring = config.encryptionKeys ? new Keyring(parseKeys(config.encryptionKeys)) : loadKeyFile(config.keyFile).keyring;
// The request thread's writes (webhook commits first of all) come before this thread's (see db/write-lock.ts).
const db = await connectDb(config.database, writeLock ? { writeLock: new WriteLock(writeLock, 'jobs') } : {});
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

/**
 * When the cores are busy, acknowledging webhooks comes first: this thread runs at nice 10 (the
 * request thread stays at the process's priority), so the scheduler gives it what the request
 * thread leaves. The backlog grows under a burst and drains after it; nothing is starved on an
 * idle core. Measured in the mixed benchmark (SQLite, jobs on, 32 connections): 2,150 → 2,600
 * accepted req/s, p99 35 → 26 ms. Linux names a thread's id in /proc/thread-self; elsewhere the
 * thread keeps the process's priority.
 */
function lowerThisThreadsPriority(): void {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    setPriority(threadId, jobThreadNice);
  } catch (error) {
    logger.debug({ err: error }, 'the job thread runs at the process priority');
  }
}

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
