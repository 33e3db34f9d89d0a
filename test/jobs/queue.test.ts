/**
 * The job queue's guarantees, one test each, on the real database (two separate connections
 * stand in for two server processes): exclusive claims, lease expiry and reclaim, fencing of a
 * worker that lost its lease (its writes, and the run itself, which is aborted), heartbeats,
 * backoff, dead-lettering and requeueing.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connectDb, type Db } from '../../src/db/connection';
import { JobStore, LeaseLostError, type ClaimedJob } from '../../src/db/job-store';
import { applyMigrations } from '../../src/db/migrate';
import { JobWorker, PermanentJobError, type JobHandler } from '../../src/jobs/worker';
import { createLogger } from '../../src/lib/logger';
import { createTestDatabase, testProvider, type TestDatabase } from '../support/database';
import { eventually } from '../support/webhooks';

let database: TestDatabase;
let dbA: Db;
let dbB: Db;
let storeA: JobStore;
let storeB: JobStore;
const logger = createLogger('silent');
const queue = 'test.queue';

beforeAll(async () => {
  database = await createTestDatabase();
  await applyMigrations(database.target);
  [dbA, dbB] = await Promise.all([connectDb(database.target), connectDb(database.target)]);
  storeA = new JobStore(dbA, testProvider);
  storeB = new JobStore(dbB, testProvider);
});
afterAll(async () => {
  await Promise.all([dbA?.$disconnect(), dbB?.$disconnect()]);
  await database?.drop();
});
beforeEach(async () => {
  await dbA.job.deleteMany();
});

async function enqueue(count: number, maxAttempts = 3): Promise<void> {
  const jobs = Array.from({ length: count }, (_, i) => ({ queue, subjectId: `subject_${i}`, orgId: 'org_test', maxAttempts }));
  await dbA.$transaction((tx) => storeA.enqueue(tx, jobs, new Date()));
}

describe(`job queue (${testProvider})`, () => {
  it('never hands one job to two claimers, whatever the interleaving', async () => {
    await enqueue(200);
    const claimed: string[] = [];
    await Promise.all(
      [storeA, storeB, storeA, storeB].map(async (store, index) => {
        for (;;) {
          const jobs = await store.claim([queue], `owner_${index}`, 7, 60_000, new Date());
          if (jobs.length === 0) return;
          claimed.push(...jobs.map((job) => job.id));
        }
      }),
    );
    expect(claimed).toHaveLength(200);
    expect(new Set(claimed).size).toBe(200);
  });

  it('does not hand out a job before its time, or a running job whose lease holds', async () => {
    await dbA.$transaction((tx) => storeA.enqueue(tx, [{ queue, subjectId: 'later', orgId: 'org_test', maxAttempts: 3, runAt: new Date(Date.now() + 60_000) }], new Date()));
    await enqueue(1);
    const [job] = await storeA.claim([queue], 'a', 10, 60_000, new Date());
    expect(job?.subjectId).toBe('subject_0');
    expect(await storeB.claim([queue], 'b', 10, 60_000, new Date())).toEqual([]);
  });

  it('reclaims a job whose lease lapsed (its worker died), counting the attempt', async () => {
    await enqueue(1);
    const [first] = await storeA.claim([queue], 'dead-worker', 1, 50, new Date());
    expect(first?.attempts).toBe(1);
    const [again] = await storeB.claim([queue], 'live-worker', 1, 60_000, new Date(Date.now() + 100));
    expect(again).toMatchObject({ id: first!.id, attempts: 2, leaseOwner: 'live-worker' });
  });

  it('fences a worker that lost its lease: it can neither complete nor reschedule the job', async () => {
    await enqueue(1);
    const [stale] = await storeA.claim([queue], 'slow-worker', 1, 50, new Date());
    const [fresh] = await storeB.claim([queue], 'new-worker', 1, 60_000, new Date(Date.now() + 100));
    await expect(dbA.$transaction((tx) => storeA.complete(tx, stale!))).rejects.toBeInstanceOf(LeaseLostError);
    await expect(dbA.$transaction((tx) => storeA.reschedule(tx, stale!, new Date(), 'x', new Date()))).rejects.toBeInstanceOf(LeaseLostError);
    await dbB.$transaction((tx) => storeB.complete(tx, fresh!));
    expect(await dbA.job.count()).toBe(0);
  });

  it('keeps the lease of a long job alive with heartbeats', async () => {
    await enqueue(1);
    let finish!: () => void;
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const handler: JobHandler = {
      queue,
      run: async () => {
        started();
        await new Promise<void>((done) => (finish = done));
      },
      recordFailure: async () => {},
    };
    const worker = new JobWorker(dbA, storeA, [handler], logger, { concurrency: 1, leaseMs: 300, pollMs: 20, retryDelayMs: () => 0 });
    worker.start();
    await running;
    await sleep(900); // three leases long
    expect(await storeB.claim([queue], 'thief', 1, 60_000, new Date())).toEqual([]);
    finish();
    await eventually(async () => ((await dbA.job.count()) === 0 ? true : undefined));
    await worker.stop();
  });

  describe('a worker that lost its lease', () => {
    /** A worker running one job whose handler waits for its signal; resolves with the signal's reason. */
    async function startAbortable(leaseMs: number) {
      await enqueue(1);
      const failures: number[] = [];
      let started!: (signal: AbortSignal) => void;
      const running = new Promise<AbortSignal>((resolve) => (started = resolve));
      const handler: JobHandler = {
        queue,
        run: (_job, ctx) =>
          new Promise<void>((_, reject) => {
            ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason as Error), { once: true });
            started(ctx.signal);
          }),
        recordFailure: async (_tx, job) => void failures.push(job.attempts),
      };
      const logs: string[] = [];
      const worker = new JobWorker(dbA, storeA, [handler], createLogger('warn', { write: (line: string) => void logs.push(line) }), { concurrency: 1, leaseMs, pollMs: 20, retryDelayMs: () => 0 });
      worker.start();
      const signal = await running;
      const aborted = new Promise<number>((resolve) => signal.addEventListener('abort', () => resolve(Date.now()), { once: true }));
      return { worker, signal, aborted, failures, logs };
    }

    it('aborts the run when a heartbeat finds the job claimed by another worker, and records nothing', async () => {
      const { worker, signal, aborted, failures, logs } = await startAbortable(1_200);
      // Another process whose view of the lease has lapsed (its clock is ahead of this one's heartbeats).
      const [taken] = await storeB.claim([queue], 'new-owner', 1, 60_000, new Date(Date.now() + 10 * 60_000));
      const claimedAt = Date.now();
      expect(taken?.attempts).toBe(2);
      const abortedAt = await Promise.race([aborted, sleep(4_000).then(() => null)]);
      expect(abortedAt, 'the signal was not aborted').not.toBeNull();
      expect(abortedAt! - claimedAt).toBeLessThan(1_500); // at the next heartbeat (every lease / 3), with room for a loaded machine
      expect(signal.reason).toBeInstanceOf(LeaseLostError);
      await worker.idle();
      await worker.stop();
      expect(failures).toEqual([]);
      // The new owner's claim is untouched: not rescheduled, not buried, not completed by the old run.
      expect(await dbA.job.findUnique({ where: { id: taken!.id } })).toMatchObject({ status: 'running', leaseOwner: 'new-owner', attempts: 2, lastError: null });
      expect(logs.join('\n')).toMatch(/lease on job .* was lost/);
    });

    it('aborts the run when its job row is gone', async () => {
      const { worker, signal, aborted, failures } = await startAbortable(1_200);
      await dbB.job.deleteMany();
      expect(await Promise.race([aborted, sleep(4_000).then(() => null)]), 'the signal was not aborted').not.toBeNull();
      expect(signal.reason).toBeInstanceOf(LeaseLostError);
      await worker.idle();
      await worker.stop();
      expect(failures).toEqual([]);
    });

    it("treats another job's lost lease reaching this run (through a shared call) as an ordinary failure", async () => {
      await enqueue(1);
      const failures: string[] = [];
      const handler: JobHandler = {
        queue,
        run: async () => {
          throw new LeaseLostError('job_someone_else');
        },
        recordFailure: async (_tx, _job, attempt) => void failures.push(attempt.error),
      };
      const worker = new JobWorker(dbA, storeA, [handler], logger, { concurrency: 1, leaseMs: 60_000, pollMs: 20, retryDelayMs: () => 60_000 });
      worker.start();
      await eventually(async () => (failures.length === 1 ? true : undefined));
      await worker.stop();
      expect(failures[0]).toMatch(/job_someone_else/);
      expect(await dbA.job.findFirst()).toMatchObject({ status: 'queued', attempts: 1 });
    });

    it('cannot commit the result of a run that ignored its signal: the whole transaction rolls back', async () => {
      await enqueue(1);
      let lose!: () => void;
      const lost = new Promise<void>((resolve) => (lose = resolve));
      const outcome: unknown[] = [];
      const handler: JobHandler = {
        queue,
        run: async (job, ctx) => {
          await lost; // the host answers only after the lease is gone, and the handler does not look at its signal
          try {
            await dbA.$transaction(async (tx) => {
              // The "result", written before the completion as handlers do.
              await storeA.enqueue(tx, [{ queue: 'result.marker', subjectId: job.subjectId, orgId: 'org_test', maxAttempts: 1 }], new Date());
              await ctx.complete(tx);
            });
            outcome.push('committed');
          } catch (error) {
            outcome.push(error);
            throw error;
          }
        },
        recordFailure: async () => void outcome.push('recordFailure'),
      };
      const worker = new JobWorker(dbA, storeA, [handler], logger, { concurrency: 1, leaseMs: 60_000, pollMs: 20, retryDelayMs: () => 0 });
      worker.start();
      await eventually(async () => ((await dbA.job.findFirst())?.status === 'running' ? true : undefined));
      const [taken] = await storeB.claim([queue], 'new-owner', 1, 60_000, new Date(Date.now() + 10 * 60_000));
      lose();
      await eventually(async () => (outcome.length > 0 ? true : undefined));
      await worker.idle();
      await worker.stop();
      expect(outcome).toHaveLength(1);
      expect(outcome[0]).toBeInstanceOf(LeaseLostError);
      expect(await dbA.job.findMany({ select: { id: true, queue: true, leaseOwner: true } })).toEqual([{ id: taken!.id, queue, leaseOwner: 'new-owner' }]);
    });
  });

  it('retries a failing job with backoff, then buries it as dead after maxAttempts', async () => {
    await enqueue(1, 3);
    const failures: { attempt: number; final: boolean; retryAt: Date | null }[] = [];
    const handler: JobHandler = {
      queue,
      run: async () => {
        throw new Error('host said 503');
      },
      recordFailure: async (_tx, job, attempt) => {
        failures.push({ attempt: job.attempts, final: attempt.final, retryAt: attempt.retryAt });
      },
    };
    const delays: number[] = [];
    const worker = new JobWorker(dbA, storeA, [handler], logger, {
      concurrency: 1, leaseMs: 60_000, pollMs: 20,
      retryDelayMs: (failed) => {
        delays.push(failed);
        return 100 * 2 ** (failed - 1);
      },
    });
    const before = Date.now();
    worker.start();
    await eventually(async () => (failures.length === 3 ? true : undefined));
    await worker.stop();
    expect(failures.map((f) => [f.attempt, f.final])).toEqual([[1, false], [2, false], [3, true]]);
    expect(delays).toEqual([1, 2]);
    expect(failures[0]!.retryAt!.getTime() - before).toBeGreaterThanOrEqual(100);
    expect(failures[1]!.retryAt!.getTime() - failures[0]!.retryAt!.getTime()).toBeGreaterThanOrEqual(200);
    expect(await dbA.job.findFirst()).toMatchObject({ status: 'dead', attempts: 3, lastError: 'host said 503' });
  });

  it('buries a job at once on a permanent error, and requeue brings a dead job back with fresh attempts', async () => {
    await enqueue(1, 5);
    const seen: ClaimedJob[] = [];
    let fail = true;
    const handler: JobHandler = {
      queue,
      run: async (job) => {
        seen.push(job);
        if (fail) throw new PermanentJobError('no such record');
      },
      recordFailure: async () => {},
    };
    const worker = new JobWorker(dbA, storeA, [handler], logger, { concurrency: 1, leaseMs: 60_000, pollMs: 20, retryDelayMs: () => 0 });
    worker.start();
    await eventually(async () => ((await dbA.job.findFirst())?.status === 'dead' ? true : undefined));
    expect(seen).toHaveLength(1);

    fail = false;
    await dbA.$transaction((tx) => storeA.requeue(tx, queue, [{ subjectId: 'subject_0', orgId: 'org_test' }], 5, new Date()));
    worker.wake();
    await eventually(async () => ((await dbA.job.count()) === 0 ? true : undefined));
    await worker.stop();
    expect(seen.map((job) => job.attempts)).toEqual([1, 1]);
  });
});
