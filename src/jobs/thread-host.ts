/**
 * Runs an API process's job worker in a worker thread (worker-thread.ts) and talks to it: wakes
 * it when this thread committed new jobs (a webhook stored, an event emitted), replays the
 * metrics and subscription events it sends, and stops it on shutdown. A thread that dies is
 * started again: the jobs it held are leased, and their leases lapse and are claimed again.
 *
 * Why a thread: the acknowledgement of a webhook waits only for its own commit, but on one event
 * loop it also waits behind whatever job work is queued there; on SQLite every commit blocks the
 * loop until the disk synced (better-sqlite3 is synchronous), so a busy worker starved the acks.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Config } from '../config';
import { freeAbandonedLock } from '../db/write-lock';
import type { EventBus } from '../lib/events';
import type { Logger } from '../lib/logger';
import { metrics } from '../lib/metrics';
import { fromPackageRoot } from '../lib/package-root';

export type ToThread =
  | { kind: 'wake' }
  | { kind: 'stop' }
  /** An organization's endpoints changed (here or on another instance): the thread's subscription cache drops it. */
  | { kind: 'endpoint-subscriptions'; orgId: string };
export type FromThread =
  | { kind: 'started' }
  | { kind: 'stopped' }
  | { kind: 'metric'; name: string; args: unknown[] }
  | { kind: 'event'; args: unknown[] };

/**
 * The built thread beside the built service; otherwise (development, tests) the sources, through
 * tsx registered in the thread itself (a worker's `--import` flag does not load hooks on Node 20).
 */
function newThread(workerData: unknown): Worker {
  const built = fromPackageRoot('dist', 'jobs', 'worker-thread.js');
  if (import.meta.url.includes('/dist/') && existsSync(built)) return new Worker(built, { workerData });
  const tsxRoot = path.dirname(createRequire(fromPackageRoot('package.json')).resolve('tsx/package.json'));
  const tsx = pathToFileURL(path.join(tsxRoot, 'dist', 'esm', 'api', 'index.mjs')).href;
  const source = pathToFileURL(fromPackageRoot('src', 'jobs', 'worker-thread.ts')).href;
  const code = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(code, { eval: true, workerData });
}

const restartDelayMs = 1_000;

export class JobThread {
  private worker: Worker | null = null;
  private stopping = false;
  private restart: NodeJS.Timeout | null = null;
  private forwarding: AsyncIterator<unknown> | null = null;

  constructor(
    private readonly options: {
      config: Config;
      publicUrl: string;
      events: EventBus;
      logger: Logger;
      /** The memory of the process's write lock (see db/write-lock.ts), which the thread's connection takes or gives way to. */
      writeLock: Int32Array | null;
    },
  ) {}

  /** Resolves once the thread's worker runs. */
  async start(): Promise<void> {
    const worker = newThread({ config: this.options.config, publicUrl: this.options.publicUrl, writeLock: this.options.writeLock });
    this.worker = worker;
    const started = new Promise<void>((resolve, reject) => {
      worker.on('message', (message: FromThread) => {
        if (message.kind === 'started') resolve();
        else if (message.kind === 'metric') (metrics as unknown as Record<string, (...args: unknown[]) => void>)[message.name]?.(...message.args);
        else if (message.kind === 'event') (this.options.events.publish as (...args: unknown[]) => void)(...message.args);
      });
      worker.once('error', (error) => {
        this.options.logger.error({ err: error }, 'the job thread failed');
        reject(error);
      });
      worker.once('exit', (code) => {
        if (this.worker === worker) this.worker = null;
        if (this.options.writeLock) freeAbandonedLock(this.options.writeLock, 'jobs');
        reject(new Error(`the job thread exited with code ${code} before it started`));
        if (this.stopping) return;
        this.options.logger.error({ code }, 'the job thread exited; starting it again');
        this.restart = setTimeout(() => void this.start().catch(() => undefined), restartDelayMs);
      });
    });
    await started;
    this.forwardEndpointChanges();
  }

  /** The thread emits events too, so its cache of endpoint subscriptions must hear of every change. */
  private forwardEndpointChanges(): void {
    if (this.forwarding) return;
    const iterator = this.options.events.subscribe('endpoint-subscriptions')[Symbol.asyncIterator]();
    this.forwarding = iterator;
    void (async () => {
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        this.worker?.postMessage({ kind: 'endpoint-subscriptions', orgId: (next.value as { orgId: string }).orgId } satisfies ToThread);
      }
    })();
  }

  /** New jobs were committed: look for them now rather than at the next poll. */
  wake(): void {
    this.worker?.postMessage({ kind: 'wake' } satisfies ToThread);
  }

  /** Stops claiming, lets running jobs settle as the in-process worker's stop() does, and ends the thread. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.restart) clearTimeout(this.restart);
    await this.forwarding?.return?.();
    this.forwarding = null;
    const worker = this.worker;
    if (!worker) return;
    await new Promise<void>((resolve) => {
      worker.on('message', (message: FromThread) => message.kind === 'stopped' && resolve());
      worker.once('exit', () => resolve());
      worker.postMessage({ kind: 'stop' } satisfies ToThread);
    });
    await worker.terminate();
    this.worker = null;
  }
}
