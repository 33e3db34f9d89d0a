/**
 * A sync run as a job of the job queue: the worker that claims the job runs the run, or resumes
 * it after its last stored page when an earlier attempt's process died (checkpoint.ts). So a run
 * survives a crash, runs on whichever instance runs workers (never on a HUB_WORKER=false one),
 * and the worker's lease machinery stops an attempt that lost its job: the heartbeat aborts its
 * signal (no more calls to the host) and every page's transaction is fenced on the claim (no
 * more writes), so one run is never executed twice at the same time.
 *
 * A host failure or a bad record ends the run with its reason as before (the job completes with
 * it); only what went wrong around the run (its database, its process) makes the job try again,
 * from the checkpoint. A job out of attempts fails its run.
 */
import type { ClaimedJob, DbTx } from '../../db/job-store';
import type { FailedAttempt, JobContext, JobHandler } from '../../jobs/worker';
import { SYNC_QUEUE, type SyncService } from './sync-service';

export class SyncJob implements JobHandler {
  readonly queue = SYNC_QUEUE;

  constructor(private readonly sync: SyncService) {}

  async run(job: ClaimedJob, ctx: JobContext): Promise<void> {
    await this.sync.runJob(job.subjectId, ctx);
  }

  async recordFailure(tx: DbTx, job: ClaimedJob, attempt: FailedAttempt): Promise<(() => void) | undefined> {
    // Not final: the run stays running and the next attempt resumes it from its checkpoint.
    return attempt.final ? this.sync.failJobRun(tx, job.subjectId, attempt.error) : undefined;
  }
}
