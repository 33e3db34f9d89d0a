/**
 * Waiting for a sync run's end, wherever it runs. The run's own events (`sync-progress`, published
 * after each commit) wake the waiter at once when the run ran in this process, or in another one
 * with a shared event bus (REDIS_URL); without one, the waiter finds the end by re-reading the
 * run every `pollMs`. Both only trigger a read of the run's row: what is committed is the answer.
 */
import type { Db } from '../../db/connection';
import type { SyncRun } from '../../generated/sqlite/client';
import type { EventBus } from '../../lib/events';

export interface RunWaitOptions {
  /** Give up after this long and answer the run as it is (still running). */
  timeoutMs: number;
  pollMs: number;
}

/** The run once it is no longer running, or as it is at the timeout; undefined when it does not exist. */
export async function awaitRunEnd(deps: { db: Db; events: EventBus }, runId: string, { timeoutMs, pollMs }: RunWaitOptions): Promise<SyncRun | undefined> {
  const first = await deps.db.syncRun.findUnique({ where: { id: runId } });
  if (first?.status !== 'running') return first ?? undefined;
  const deadline = performance.now() + timeoutMs;
  let wake = () => {};
  // Subscribed before the run is read again, so an end committed in between is seen either way.
  const updates = deps.events.subscribe('sync-progress', first.orgId)[Symbol.asyncIterator]();
  const listening = (async () => {
    for (;;) {
      const next = await updates.next();
      if (next.done) return;
      if (next.value.runId === runId && next.value.status !== 'running') wake();
    }
  })();
  try {
    for (;;) {
      const run = await deps.db.syncRun.findUnique({ where: { id: runId } });
      if (run?.status !== 'running') return run ?? undefined;
      const left = deadline - performance.now();
      if (left <= 0) return run;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(pollMs, left));
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = () => {};
    }
  } finally {
    await updates.return?.();
    await listening;
  }
}
