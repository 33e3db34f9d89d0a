/**
 * The job table's SQL. A job is claimed by setting a lease (owner + expiry) on it; the claim
 * counts as an attempt, so a job whose worker keeps crashing still runs out of attempts. Every
 * later write is fenced on (id, leaseOwner, attempts): a worker whose lease lapsed and was
 * reclaimed by another cannot complete, reschedule or bury the job any more.
 *
 * PostgreSQL claims with `FOR UPDATE SKIP LOCKED`, so concurrent workers in several processes
 * never take the same row; SQLite has one writer at a time, so its single UPDATE … RETURNING is
 * already exclusive.
 */
import type { Db } from './connection';
import type { Provider } from './provider-schemas';
import { chunksOf, insertRows, Params } from './sql';
import { newId } from '../lib/ids';

/** A Prisma client or the transaction client handed to `$transaction(async (tx) => …)`. */
export type DbTx = Omit<Db, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

export interface NewJob {
  queue: string;
  subjectId: string;
  orgId: string;
  maxAttempts: number;
  runAt?: Date;
}

export interface ClaimedJob {
  id: string;
  queue: string;
  subjectId: string;
  orgId: string;
  /** This attempt's number, from 1. */
  attempts: number;
  maxAttempts: number;
  leaseOwner: string;
}

export const jobStatuses = ['queued', 'running', 'dead'] as const;
/** queued (waiting for its runAt), running (leased by a worker), dead (attempts used up; replayable). */
export type JobStatus = (typeof jobStatuses)[number];

/** The jobs of one queue in one status, and the earliest `runAt` among them. */
export interface JobCount {
  queue: string;
  status: JobStatus;
  count: number;
  earliestRunAt: Date | null;
}

const jobColumns = ['id', 'queue', 'subjectId', 'orgId', 'status', 'attempts', 'maxAttempts', 'runAt', 'createdAt', 'updatedAt'] as const;

/** Lease lost: the job was reclaimed by another worker (or finished, or deleted) while this one held it. */
export class LeaseLostError extends Error {
  constructor(readonly jobId: string) {
    super(`lease on job ${jobId} was lost (another worker claimed it, or it is gone); this run stops and records nothing`);
  }
}

export class JobStore {
  constructor(
    private readonly db: Db,
    private readonly provider: Provider,
  ) {}

  /** Adds jobs inside the caller's transaction, so they exist exactly when the work they carry does. */
  async enqueue(tx: DbTx, jobs: readonly NewJob[], now: Date): Promise<void> {
    if (jobs.length === 0) return;
    const rows = jobs.map((job) => [newId('job'), job.queue, job.subjectId, job.orgId, 'queued', 0, job.maxAttempts, job.runAt ?? now, now, now]);
    for (const chunk of chunksOf(rows, jobColumns.length)) {
      const { sql, params } = insertRows(this.provider, 'Job', jobColumns, chunk);
      await tx.$executeRawUnsafe(sql, ...params);
    }
  }

  /** Leases up to `limit` due jobs of the given queues: queued ones whose time has come, and running ones whose lease lapsed. */
  async claim(queues: readonly string[], owner: string, limit: number, leaseMs: number, now: Date): Promise<ClaimedJob[]> {
    if (queues.length === 0 || limit <= 0) return [];
    const p = new Params(this.provider);
    const set = `"status" = 'running', "leaseOwner" = ${p.add(owner)}, "leaseUntil" = ${p.add(new Date(now.getTime() + leaseMs))}, "attempts" = "attempts" + 1, "updatedAt" = ${p.add(now)}`;
    // The due jobs are found per queue and state, each search a range of the (queue, status, runAt)
    // index read in order and stopped at `limit`: one search over all of them (IN, OR) would read
    // and sort the whole backlog on every claim. Each use gets its own placeholder: SQLite's `?`
    // cannot be referenced twice.
    const lock = this.provider === 'postgresql' ? ' FOR UPDATE SKIP LOCKED' : '';
    const search = (queue: string, status: 'queued' | 'running') => {
      const where = `"queue" = ${p.add(queue)} AND "status" = '${status}' AND ${status === 'queued' ? '"runAt" <=' : '"leaseUntil" <'} ${p.add(now)}`;
      return `SELECT "id", "runAt" FROM (SELECT "id", "runAt" FROM "Job" WHERE ${where} ORDER BY "runAt" LIMIT ${p.add(limit)}${lock}) AS "q"`;
    };
    const searches = queues.flatMap((queue) => [search(queue, 'queued'), search(queue, 'running')]);
    const sql =
      `UPDATE "Job" SET ${set} WHERE "id" IN (SELECT "id" FROM (${searches.join(' UNION ALL ')}) AS "due" ORDER BY "runAt" LIMIT ${p.add(limit)}) ` +
      `RETURNING "id", "queue", "subjectId", "orgId", "attempts", "maxAttempts"`;
    const rows = await this.db.$queryRawUnsafe<Omit<ClaimedJob, 'leaseOwner'>[]>(sql, ...p.values);
    return rows.map((row) => ({ ...row, attempts: Number(row.attempts), maxAttempts: Number(row.maxAttempts), leaseOwner: owner }));
  }

  /**
   * Extends the leases of the jobs this worker still holds, each fenced as in complete(); returns
   * the ids it extended. A job missing from the answer was lost: another worker claimed it after
   * its lease lapsed (or claimed it and finished), or the row is gone.
   */
  async extend(jobs: readonly ClaimedJob[], owner: string, leaseUntil: Date): Promise<Set<string>> {
    const held = new Set<string>();
    for (const chunk of chunksOf(jobs, 2)) {
      const p = new Params(this.provider);
      const set = `"leaseUntil" = ${p.add(leaseUntil)}`;
      const ids = p.list(chunk.map((job) => job.id));
      const sql = `UPDATE "Job" SET ${set} WHERE "id" IN (${ids}) AND "leaseOwner" = ${p.add(owner)} AND "status" = 'running' RETURNING "id", "attempts"`;
      const attempts = new Map(chunk.map((job) => [job.id, job.attempts]));
      // The same owner with other attempts is this worker's later claim of the job, not this run's.
      for (const row of await this.db.$queryRawUnsafe<{ id: string; attempts: number | bigint }[]>(sql, ...p.values)) {
        if (attempts.get(row.id) === Number(row.attempts)) held.add(row.id);
      }
    }
    return held;
  }

  /**
   * Throws LeaseLostError inside the caller's transaction unless this claim still holds the job:
   * for handlers that commit part of their work as they go (a sync stores each page). The write
   * also locks the job row until the transaction ends, so no other worker claims the job while a
   * part commits.
   */
  async assertHeld(tx: DbTx, job: ClaimedJob, now: Date): Promise<void> {
    const { count } = await tx.job.updateMany({ where: fenced(job), data: { updatedAt: now } });
    if (count === 0) throw new LeaseLostError(job.id);
  }

  /** Deletes the finished job in the caller's transaction; throws LeaseLostError when it no longer holds it. */
  async complete(tx: DbTx, job: ClaimedJob): Promise<void> {
    const { count } = await tx.job.deleteMany({ where: fenced(job) });
    if (count === 0) throw new LeaseLostError(job.id);
  }

  /**
   * Deletes several finished jobs in one statement in the caller's transaction, each fenced as in
   * complete(); returns the ids it deleted. A job missing from the answer was lost (another worker
   * holds it, or it is gone): it was not completed, and nothing else is thrown, so the jobs that
   * were held can still commit together.
   */
  async completeMany(tx: DbTx, jobs: readonly ClaimedJob[]): Promise<Set<string>> {
    const deleted = new Set<string>();
    for (const chunk of chunksOf(jobs, 4)) {
      const p = new Params(this.provider);
      const ids = p.list(chunk.map((job) => job.id));
      const fences = chunk.map((job) => `("id" = ${p.add(job.id)} AND "leaseOwner" = ${p.add(job.leaseOwner)} AND "attempts" = ${p.add(job.attempts)})`).join(' OR ');
      const sql = `DELETE FROM "Job" WHERE "id" IN (${ids}) AND "status" = 'running' AND (${fences}) RETURNING "id"`;
      for (const row of await tx.$queryRawUnsafe<{ id: string }[]>(sql, ...p.values)) deleted.add(row.id);
    }
    return deleted;
  }

  /** Puts the job back for another attempt at `runAt`; a refunded attempt (a deferral) does not count. */
  async reschedule(tx: DbTx, job: ClaimedJob, runAt: Date, error: string | null, now: Date, options: { refundAttempt?: boolean } = {}): Promise<void> {
    const { count } = await tx.job.updateMany({
      where: fenced(job),
      data: {
        status: 'queued', runAt, leaseOwner: null, leaseUntil: null, updatedAt: now,
        ...(error === null ? {} : { lastError: error }),
        ...(options.refundAttempt ? { attempts: job.attempts - 1 } : {}),
      },
    });
    if (count === 0) throw new LeaseLostError(job.id);
  }

  /** No attempts left: the job stays as "dead" until someone replays it. */
  async bury(tx: DbTx, job: ClaimedJob, error: string, now: Date): Promise<void> {
    const { count } = await tx.job.updateMany({
      where: fenced(job),
      data: { status: 'dead', leaseOwner: null, leaseUntil: null, lastError: error, updatedAt: now },
    });
    if (count === 0) throw new LeaseLostError(job.id);
  }

  /**
   * How many jobs each queue holds per status: all organizations' (the metrics' gauges, one pass
   * over the (queue, status, runAt) index), or one organization's (its backlog in GraphQL; the job
   * table holds only unfinished jobs, so this reads at most the backlog).
   */
  async counts(orgId?: string): Promise<JobCount[]> {
    const groups = await this.db.job.groupBy({ by: ['queue', 'status'], ...(orgId === undefined ? {} : { where: { orgId } }), _count: { _all: true }, _min: { runAt: true } });
    return groups.map((group) => ({ queue: group.queue, status: group.status as JobStatus, count: group._count._all, earliestRunAt: group._min.runAt }));
  }

  /**
   * Makes the jobs of these subjects due now with fresh attempts: dead ones come back, queued
   * ones waiting for a retry run at once, and subjects without a job get one. Running jobs are
   * left to finish. Returns the subjects that were (re)queued.
   */
  async requeue(tx: DbTx, queue: string, subjects: readonly { subjectId: string; orgId: string }[], maxAttempts: number, now: Date): Promise<string[]> {
    if (subjects.length === 0) return [];
    const ids = subjects.map((subject) => subject.subjectId);
    const existing = await tx.job.findMany({ where: { queue, subjectId: { in: ids } }, select: { subjectId: true, status: true } });
    await tx.job.updateMany({
      where: { queue, subjectId: { in: ids }, status: { in: ['queued', 'dead'] } },
      data: { status: 'queued', runAt: now, attempts: 0, maxAttempts, lastError: null, updatedAt: now },
    });
    const withJob = new Set(existing.map((job) => job.subjectId));
    await this.enqueue(tx, subjects.filter((subject) => !withJob.has(subject.subjectId)).map((subject) => ({ queue, ...subject, maxAttempts })), now);
    const running = new Set(existing.filter((job) => job.status === 'running').map((job) => job.subjectId));
    return ids.filter((id) => !running.has(id));
  }
}

function fenced(job: ClaimedJob) {
  return { id: job.id, leaseOwner: job.leaseOwner, attempts: job.attempts, status: 'running' };
}
