/**
 * An organization's job backlog: per queue, how many of its jobs wait, run or are dead, and how
 * long the oldest waiting one that is due has waited. Org data (the job table carries each job's
 * org), so GraphQL shows each org its own; the operator's view of all orgs is in /metrics
 * (hub_jobs, hub_jobs_oldest_due_age_seconds), from the same JobStore.counts().
 */
import type { JobStore } from '../../db/job-store';
import type { Clock } from '../../lib/clock';

export interface QueueBacklog {
  queue: string;
  queued: number;
  running: number;
  dead: number;
  /** Seconds the oldest queued job that is due has waited for a worker (0: none waits; a retry scheduled later is not waiting). */
  oldestQueuedAgeSeconds: number;
}

export class JobBacklog {
  constructor(
    private readonly jobs: JobStore,
    private readonly options: { queues: readonly string[]; clock: Clock },
  ) {}

  async forOrg(orgId: string): Promise<QueueBacklog[]> {
    const now = this.options.clock().getTime();
    const byQueue = new Map<string, QueueBacklog>(this.options.queues.map((queue) => [queue, { queue, queued: 0, running: 0, dead: 0, oldestQueuedAgeSeconds: 0 }]));
    for (const row of await this.jobs.counts(orgId)) {
      const entry = byQueue.get(row.queue) ?? { queue: row.queue, queued: 0, running: 0, dead: 0, oldestQueuedAgeSeconds: 0 };
      byQueue.set(row.queue, entry);
      entry[row.status] = row.count;
      if (row.status === 'queued' && row.earliestRunAt) entry.oldestQueuedAgeSeconds = Math.max(0, (now - row.earliestRunAt.getTime()) / 1000);
    }
    return [...byQueue.values()].sort((a, b) => a.queue.localeCompare(b.queue));
  }
}
