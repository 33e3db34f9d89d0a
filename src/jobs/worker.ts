/**
 * Runs jobs from the job table: claims due jobs under a lease, runs each with its queue's
 * handler, keeps the leases alive while they run (heartbeat), and on failure reschedules with
 * backoff or, when attempts are used up, buries the job as dead. Any number of workers, in any
 * number of processes, may share one database: the claim is exclusive (see JobStore).
 *
 * Handlers finish a job in the same transaction that records its result (`ctx.complete(tx)`), so
 * a crash leaves either the result and no job, or the job and no result; never a result whose
 * job runs again unfenced.
 *
 * A worker can lose a lease it still works under: its process stalled or its heartbeats did not
 * reach the database for a whole lease, and another worker claimed the job. The next heartbeat
 * that finds the job gone from this worker aborts the run's signal, so the handler's calls to the
 * host stop, and the run ends without writing anything: every write of a job's outcome is fenced
 * on its claim (JobStore), so a run that ignores its signal cannot commit a result either.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/connection';
import { LeaseLostError, type ClaimedJob, type DbTx, type JobStore } from '../db/job-store';
import { systemClock, type Clock } from '../lib/clock';
import { failureClassOf, isRetryable, type FailureClass } from '../lib/failures';
import type { Logger } from '../lib/logger';
import { metrics, type JobOutcome } from '../lib/metrics';

export interface JobContext {
  /** Aborted when the worker stops, or (with a LeaseLostError as its reason) when the lease is lost. */
  signal: AbortSignal;
  /** Deletes the job inside the caller's transaction; throws LeaseLostError if another worker took it over. */
  complete(tx: DbTx): Promise<void>;
  /**
   * Throws LeaseLostError inside the caller's transaction if another worker took the job over: a
   * handler that commits partial results (a sync's pages) calls it in each of those transactions,
   * so a run that lost its lease cannot write beside the run that took over.
   */
  fence(tx: DbTx): Promise<void>;
}

export interface FailedAttempt {
  error: string;
  /** What the handler threw. */
  cause: unknown;
  /** Whose fault it is; only transient failures are attempted again. */
  failureClass: FailureClass;
  /** No attempt is left, or another cannot help: the job is buried. */
  final: boolean;
  /** When the next attempt runs (null when final). */
  retryAt: Date | null;
}

export interface JobHandler {
  queue: string;
  /** Does the work, and calls ctx.complete(tx) in the transaction that stores the result. */
  run(job: ClaimedJob, ctx: JobContext): Promise<void>;
  /**
   * Records a failed attempt on the job's subject, in the transaction that reschedules or buries
   * the job; may return what to do once that transaction committed (e.g. publish the change).
   */
  // biome-ignore lint/suspicious/noConfusingVoidType: a handler with nothing to publish simply returns
  recordFailure(tx: DbTx, job: ClaimedJob, attempt: FailedAttempt): Promise<(() => void) | void>;
  /** Delay before the next attempt after `failedAttempts` failures (default: WorkerOptions.retryDelayMs). */
  retryDelayMs?(failedAttempts: number, error: unknown): number;
}

/** A job this worker runs. */
interface Run {
  job: ClaimedJob;
  abort: AbortController;
  done: Promise<void>;
  /** Its completion was written (not necessarily committed yet): its job row is going away. */
  completed: boolean;
}

/** What completeJobs needs of a context the worker handed out. */
const running = new WeakMap<JobContext, { job: ClaimedJob; store: JobStore; completed(): void }>();

/**
 * Completes the jobs of several running contexts with one statement inside `tx`, for a handler
 * that writes the results of many jobs in one transaction (a group commit); each job is fenced
 * as in ctx.complete(). Returns the contexts whose lease was lost: their jobs were not completed,
 * and their results must not be written in `tx` (their runs should throw LeaseLostError).
 */
export async function completeJobs(tx: DbTx, contexts: readonly JobContext[]): Promise<Set<JobContext>> {
  const lost = new Set<JobContext>();
  const byStore = new Map<JobStore, { ctx: JobContext; job: ClaimedJob; completed(): void }[]>();
  for (const ctx of contexts) {
    const entry = running.get(ctx);
    if (!entry) throw new Error('completeJobs takes the contexts a JobWorker handed to its handlers');
    byStore.set(entry.store, [...(byStore.get(entry.store) ?? []), { ctx, ...entry }]);
  }
  for (const [store, entries] of byStore) {
    const deleted = await store.completeMany(tx, entries.map((entry) => entry.job));
    for (const entry of entries) {
      if (deleted.has(entry.job.id)) entry.completed();
      else lost.add(entry.ctx);
    }
  }
  return lost;
}

/** Not now, and not a failure (e.g. a rate limit): run again after `delayMs` without spending an attempt. */
export class DeferJobError extends Error {
  constructor(readonly delayMs: number) {
    super(`deferred by ${delayMs} ms`);
  }
}

export interface WorkerOptions {
  /** Jobs run at the same time in this worker. */
  concurrency: number;
  /** How long a claim holds without a heartbeat; heartbeats run every third of it. */
  leaseMs: number;
  /** How often an idle worker looks for due jobs (it is also woken at once by local enqueues). */
  pollMs: number;
  retryDelayMs(failedAttempts: number): number;
  clock?: Clock;
}

export class JobWorker {
  readonly owner = `wrk_${randomUUID()}`;
  private readonly handlers: Map<string, JobHandler>;
  private readonly inFlight = new Map<string, Run>();
  private running = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  /** A wake() came while the loop was not asleep (e.g. during a claim): look again instead of sleeping. */
  private woken = false;
  private heartbeat: NodeJS.Timeout | null = null;
  private readonly now: Clock;
  /** When this worker last claimed (performance.now()). */
  private lastClaimAt = 0;

  constructor(
    private readonly db: Db,
    private readonly store: JobStore,
    handlers: readonly JobHandler[],
    private readonly logger: Logger,
    private readonly options: WorkerOptions,
  ) {
    this.handlers = new Map(handlers.map((handler) => [handler.queue, handler]));
    this.now = options.clock ?? systemClock;
  }

  /** The queues this worker runs jobs of. */
  get queues(): string[] {
    return [...this.handlers.keys()];
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.heartbeat = setInterval(() => void this.extendLeases(), Math.max(50, Math.floor(this.options.leaseMs / 3)));
    this.loop = this.pollLoop();
  }

  /** Looks for work now instead of at the next poll (called after a local enqueue commits). */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /** Stops claiming, aborts running jobs and waits for them to settle (their jobs stay leased and are reclaimed later). */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.wake();
    for (const entry of this.inFlight.values()) entry.abort.abort(new Error('the worker is stopping'));
    await this.loop;
    await Promise.allSettled([...this.inFlight.values()].map((entry) => entry.done));
  }

  /** Resolves when no job of this worker is running (jobs still queued or not yet due are not waited for). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight.values()].map((entry) => entry.done));
  }

  /**
   * While jobs run, claim only once this many slots are free: a job finishing frees one slot and
   * wakes the loop, and claiming for each slot alone costs a claim statement (and on SQLite a
   * commit) per job. An idle worker claims at once, whatever is free, and so does one that has
   * not claimed for a poll interval.
   */
  private get claimBatch(): number {
    return Math.max(1, Math.floor(this.options.concurrency / 4));
  }

  private async pollLoop(): Promise<void> {
    while (this.running) {
      let claimed = 0;
      this.woken = false;
      try {
        claimed = await this.claimAndRun();
      } catch (error) {
        this.logger.error({ err: error }, 'job claim failed');
      }
      // Jobs came and slots are free: more may be waiting, claim again at once. Otherwise sleep
      // until woken or the poll interval; woken during the claim (the job that woke us may have
      // committed after the claim looked), look again after the event loop's pending I/O.
      if (claimed > 0 && this.options.concurrency - this.inFlight.size >= this.claimBatch) continue;
      await new Promise<void>((resolve) => {
        if (this.woken) return void setImmediate(resolve);
        const timer = setTimeout(resolve, this.options.pollMs);
        this.wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wakeUp = null;
    }
  }

  private async claimAndRun(): Promise<number> {
    const free = this.options.concurrency - this.inFlight.size;
    // Fewer slots than a batch are claimed too once a poll interval passed without a claim:
    // otherwise they would stay idle for as long as the running jobs take (a host that hangs).
    const overdue = performance.now() - this.lastClaimAt >= this.options.pollMs;
    if (free <= 0 || (this.inFlight.size > 0 && free < this.claimBatch && !overdue)) return 0;
    this.lastClaimAt = performance.now();
    const jobs = await this.store.claim([...this.handlers.keys()], this.owner, free, this.options.leaseMs, this.now());
    for (const job of jobs) {
      // This worker's own earlier run of the job lost its lease (its heartbeats failed) before this claim.
      this.inFlight.get(job.id)?.abort.abort(new LeaseLostError(job.id));
      const run: Run = { job, abort: new AbortController(), done: Promise.resolve(), completed: false };
      const started = performance.now();
      run.done = this.runOne(run).then((outcome) => metrics.jobRun(job.queue, outcome, (performance.now() - started) / 1000)).finally(() => {
        if (this.inFlight.get(job.id) === run) this.inFlight.delete(job.id);
        // A slot is free again: look for the next job without waiting for the poll.
        this.wake();
      });
      this.inFlight.set(job.id, run);
    }
    return jobs.length;
  }

  private async runOne(run: Run): Promise<JobOutcome> {
    const { job, abort: { signal } } = run;
    const handler = this.handlers.get(job.queue)!;
    const ctx: JobContext = {
      signal,
      complete: async (tx) => {
        await this.store.complete(tx, job);
        run.completed = true;
      },
      fence: (tx) => this.store.assertHeld(tx, job, this.now()),
    };
    running.set(ctx, { job, store: this.store, completed: () => void (run.completed = true) });
    try {
      await handler.run(job, ctx);
      if (!run.completed) await this.db.$transaction(async (tx) => ctx.complete(tx));
      return 'completed';
    } catch (error) {
      // Lost to another worker (or gone): whatever this run did is not its to record. Only this
      // job's loss counts: another job's LeaseLostError can reach this run through a shared call
      // (a token request both waited for), and is then an ordinary failure.
      const lost = [error, signal.reason].find((cause): cause is LeaseLostError => cause instanceof LeaseLostError && cause.jobId === job.id);
      if (lost) {
        this.logger.warn({ jobId: job.id, queue: job.queue, attempt: job.attempts }, lost.message);
        return 'lease_lost';
      }
      if (signal.aborted && !this.running) return 'stopped'; // shutting down: the lease lapses and another run picks it up
      if (error instanceof DeferJobError) {
        await this.defer(job, error.delayMs);
        return 'deferred';
      }
      return this.recordFailure(handler, job, error);
    }
  }

  /** Reschedules or buries the job: retried or dead (or lease_lost, when it was not this run's to record). */
  private async recordFailure(handler: JobHandler, job: ClaimedJob, error: unknown): Promise<JobOutcome> {
    const message = error instanceof Error ? error.message : String(error);
    // A configuration or data failure fails the same way next time: bury it at once.
    const failureClass = failureClassOf(error);
    const final = !isRetryable(failureClass) || job.attempts >= job.maxAttempts;
    const now = this.now();
    const delay = final ? 0 : (handler.retryDelayMs?.(job.attempts, error) ?? this.options.retryDelayMs(job.attempts));
    const retryAt = final ? null : new Date(now.getTime() + delay);
    try {
      const afterCommit = await this.db.$transaction(async (tx) => {
        if (retryAt) await this.store.reschedule(tx, job, retryAt, message, now);
        else await this.store.bury(tx, job, message, now);
        return handler.recordFailure(tx, job, { error: message, cause: error, failureClass, final, retryAt });
      });
      afterCommit?.();
      this.logger.info({ jobId: job.id, queue: job.queue, attempt: job.attempts, final, retryAt, failureClass, reason: message }, final ? 'job failed for good' : 'job failed; will retry');
    } catch (writeError) {
      if (writeError instanceof LeaseLostError) return 'lease_lost';
      // The lease lapses and the job is claimed again: the attempt is not lost, only its record.
      this.logger.error({ err: writeError, jobId: job.id }, 'could not record a failed job attempt');
    }
    return final ? 'dead' : 'retried';
  }

  private async defer(job: ClaimedJob, delayMs: number): Promise<void> {
    const now = this.now();
    try {
      await this.db.$transaction((tx) => this.store.reschedule(tx, job, new Date(now.getTime() + delayMs), null, now, { refundAttempt: true }));
    } catch (error) {
      if (!(error instanceof LeaseLostError)) this.logger.error({ err: error, jobId: job.id }, 'could not defer a job');
    }
  }

  /** The heartbeat: renews the leases of running jobs, and aborts the runs whose lease is gone. */
  private async extendLeases(): Promise<void> {
    const runs = [...this.inFlight.values()].filter((run) => !run.completed);
    if (runs.length === 0) return;
    let held: Set<string>;
    try {
      held = await this.store.extend(runs.map((run) => run.job), this.owner, new Date(this.now().getTime() + this.options.leaseMs));
    } catch (error) {
      this.logger.warn({ err: error }, 'job lease heartbeat failed');
      return;
    }
    // A run that completed meanwhile deleted its own job: that is no loss.
    for (const run of runs) if (!held.has(run.job.id) && !run.completed) run.abort.abort(new LeaseLostError(run.job.id));
  }
}
