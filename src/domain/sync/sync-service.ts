/**
 * Master-data sync: one run at a time per integration, in the background, page by page.
 *
 * A run is a job of the job queue (sync-job.ts): starting one records the run and enqueues its
 * job in one transaction, and whichever hub process runs workers executes it. Each page's items,
 * the run's counts and its checkpoint commit together, fenced on the job's lease, so a run whose
 * process died is resumed after its last stored page by the next worker that claims the job
 * (checkpoint.ts), and a worker that lost its lease can neither write nor go on calling the host.
 *
 * The one-at-a-time rule is the integration row's syncRunId (compare-and-set), held while the
 * run's job exists, so it holds across server processes sharing a database. Records are mapped
 * and upserted a page at a time, so memory stays flat whatever the catalog size; a bad record is
 * reported and skipped, a failing host system ends the run with its reason.
 */
import type { ConnectorClient, ConnectionTestResult } from '../../connectors/types';
import { ConnectorError } from '../../connectors/types';
import type { Db } from '../../db/connection';
import { LeaseLostError, type DbTx, type JobStore } from '../../db/job-store';
import type { Provider } from '../../db/provider-schemas';
import type { SyncRun } from '../../generated/sqlite/client';
import type { Clock } from '../../lib/clock';
import type { EventBus } from '../../lib/events';
import { failureClassOf, isRetryable, type FailureClass } from '../../lib/failures';
import { newId } from '../../lib/ids';
import type { Logger } from '../../lib/logger';
import { metrics } from '../../lib/metrics';
import { announceChanges } from '../changes/change-feed';
import { storeSyncPage } from '../changes/sync-page';
import type { Connections } from '../connections';
import { testWithin } from '../connection-test';
import type { EventOutbox } from '../events/outbox';
import { ConflictError, NotFoundError } from '../errors';
import type { CallOutcome, IntegrationHealth } from '../integrations/health';
import { storedMappings, type Integration, type IntegrationService } from '../integrations/integration-service';
import { mapItem, type MappedItem, type RecordError } from '../mapping/map-item';
import { deletionPolicy, lastSyncCounts, settleDeletions, supersedeHeld, type DeletionOutcome, type HeldDeletions } from './deletions';
import { runCounts, type RunCounts as ItemCounts } from './run-counts';
import { outcomeOf, storedStatuses, type SyncRunStatus } from './run-status';
import { checkpointAfter, startOf } from './checkpoint';
import { readAhead } from './read-ahead';
import { awaitRunEnd } from './run-waiter';

export type { SyncRun };
export type SyncMode = 'full' | 'incremental';

export interface SyncOptions {
  mode?: SyncMode;
  trigger?: 'manual' | 'schedule';
}

/** The sync jobs' queue. */
export const SYNC_QUEUE = 'sync.run';

/** A run still going when the caller stopped waiting (the REST call answers 202 with it). */
export interface SyncStillRunning {
  runId: string;
  status: 'running';
}

export interface SyncResult {
  success: boolean;
  itemsSynced: number;
  errors: RecordError[];
  runId: string;
  status: SyncRunStatus;
  counts: ItemCounts;
  /** Removals held back by the mass-deletion guard (status needs_confirmation). */
  heldDeletions?: HeldDeletions;
  message?: string;
  /** Whose fault the failure is, and whether running again may help (with message). */
  errorClass?: FailureClass;
  retryable?: boolean;
}

/** Why a run failed as a whole. */
interface RunFailure {
  message: string;
  failureClass: FailureClass;
}

export interface SyncTuning {
  /** How long a run holds the integration without renewing. */
  leaseMs: number;
  /** Incremental runs re-read this much before the last successful start (clock skew, late commits). */
  overlapMs: number;
  /** Records requested per page from the host system. */
  pageSize: number;
  /** Per-record errors kept on the run (all are counted). */
  keptErrors: number;
  /**
   * The longest a caller waits for a connection test, whatever the connector does. Connectors
   * bound their own tests more tightly (the shared frame gives them 10 s, retries included, and
   * names the step that ran out of time), so this fires only for a connector that does not keep
   * to its own deadline or ignores its signal.
   */
  connectionTestMs: number;
  /** How often someone waiting for a run's end re-reads it, besides being woken by its events (which may not cross processes). */
  waitPollMs: number;
}

export const defaultTuning: SyncTuning = { leaseMs: 120_000, overlapMs: 5 * 60_000, pageSize: 1000, keptErrors: 100, connectionTestMs: 15_000, waitPollMs: 1_000 };

export interface SyncServiceOptions {
  clock: Clock;
  tuning?: SyncTuning;
  /** The job queue that runs the runs. */
  jobs: JobStore;
  /** Attempts of a run's job (a crash of its process costs one) before the run is failed for good. */
  maxAttempts: number;
  /** How long `runToCompletion` waits for the run's end before answering that it still runs. */
  waitMs: number;
}

/** What the page loop needs of the job attempt that runs it (the worker's JobContext). */
export interface RunControl {
  /** Aborted when the worker stops or loses the job's lease: the run stops calling the host. */
  signal: AbortSignal;
  /** In each page's transaction: throws LeaseLostError when this attempt no longer holds the job. */
  fence(tx: DbTx): Promise<void>;
  /** In the run's last transaction: removes the job. */
  complete(tx: DbTx): Promise<void>;
}

/**
 * A page's transaction: waits longer than Prisma's 2 s default for SQLite's one writer (webhook
 * batches share it), and may take longer than the 5 s default on a slow database; a page of
 * 1000 items normally commits in tens of milliseconds.
 */
const pageTransaction = { maxWait: 10_000, timeout: 60_000 };

export class SyncService {
  private readonly clock: Clock;
  private readonly tuning: SyncTuning;
  private readonly jobs: JobStore;
  private readonly maxAttempts: number;
  private readonly waitMs: number;

  constructor(
    private readonly db: Db,
    private readonly provider: Provider,
    private readonly integrations: IntegrationService,
    private readonly connections: Connections,
    private readonly events: EventBus,
    private readonly outbox: EventOutbox,
    private readonly health: IntegrationHealth,
    private readonly logger: Logger,
    options: SyncServiceOptions,
  ) {
    this.clock = options.clock;
    this.tuning = options.tuning ?? defaultTuning;
    this.jobs = options.jobs;
    this.maxAttempts = options.maxAttempts;
    this.waitMs = options.waitMs;
  }

  /** Tests the connection; its outcome counts for the integration's health like any other call. */
  async testConnection(orgId: string, connectorType: string): Promise<ConnectionTestResult> {
    const integration = await this.integrations.get(orgId, connectorType);
    // A fresh client: a connection test checks the credentials as stored now, not a cached token.
    const client = this.connections.newClientFor(integration);
    const { success, message, failureClass = 'transient' } = await testWithin(client, this.tuning.connectionTestMs, this.logger.child({ integrationId: integration.id }));
    const outcome: CallOutcome = success ? { ok: true } : { ok: false, failureClass, reason: message };
    const healthChanged = await this.db.$transaction((tx) => this.health.record(tx, integration, outcome, this.clock()));
    healthChanged();
    return { success, message };
  }

  /** Starts a run in the background (a job any worker may run) and returns it at once. */
  async start(orgId: string, connectorType: string, options: SyncOptions = {}): Promise<SyncRun> {
    const integration = await this.integrations.get(orgId, connectorType);
    if (!integration.enabled) throw new ConflictError(`the ${connectorType} integration is disabled; enable it to sync`);
    const mode = options.mode ?? 'full';
    const changedSince = mode === 'incremental' ? await this.incrementalStart(integration.id) : null;
    const run = await this.acquire(integration, {
      id: newId('run'),
      orgId,
      integrationId: integration.id,
      connectorType,
      mode,
      trigger: options.trigger ?? 'manual',
      status: 'running',
      changedSince,
      errors: [],
    });
    // Wakes this process's worker, if it runs one; others find the job at their next poll.
    this.outbox.committed();
    this.publish(run);
    return run;
  }

  /**
   * Starts a run and waits for its end (the REST `POST …/sync` answers with the result). A run
   * still going after `waitMs` (SyncServiceOptions) is answered as still running; it goes on.
   */
  async runToCompletion(orgId: string, connectorType: string, options: SyncOptions = {}): Promise<SyncResult | SyncStillRunning> {
    const run = await this.start(orgId, connectorType, options);
    const ended = await this.whenDone(run.id, this.waitMs);
    if (!ended) throw new NotFoundError(`the ${connectorType} integration was removed while it synced`);
    return ended.status === 'running' ? { runId: ended.id, status: 'running' } : resultOf(ended);
  }

  /**
   * The run once it has ended, wherever it ran; or as it is when `timeoutMs` ran out first;
   * undefined when there is no such run (its integration was removed).
   */
  async whenDone(runId: string, timeoutMs = Number.POSITIVE_INFINITY): Promise<SyncRun | undefined> {
    return awaitRunEnd({ db: this.db, events: this.events }, runId, { timeoutMs, pollMs: this.tuning.waitPollMs });
  }

  /**
   * Runs (or resumes, after its last stored page) the run of a claimed sync job; a run already
   * ended, or gone with its integration, only completes the job.
   */
  async runJob(runId: string, control: RunControl): Promise<void> {
    const run = await this.db.syncRun.findUnique({ where: { id: runId } });
    const integration = run?.status === 'running' ? await this.db.integration.findUnique({ where: { id: run.integrationId } }) : null;
    if (!run || !integration || run.status !== 'running') {
      await this.db.$transaction((tx) => control.complete(tx));
      return;
    }
    await this.execute(run, integration, control);
  }

  /**
   * Ends a run whose job failed for good (its attempts are used up), in the transaction that
   * buries the job; returns what to do once that committed.
   */
  async failJobRun(tx: DbTx, runId: string, message: string): Promise<() => void> {
    const run = await tx.syncRun.findUnique({ where: { id: runId } });
    const integration = run?.status === 'running' ? await tx.integration.findUnique({ where: { id: run.integrationId } }) : null;
    if (!run || !integration) return () => {};
    const { pages, itemsSeen, itemsSynced, errorCount, itemsAdded, itemsUpdated, itemsUnchanged } = run;
    const counts: RunCounts = { pages, itemsSeen, itemsSynced, errorCount, itemsAdded, itemsUpdated, itemsUnchanged };
    const failure: RunFailure = { message: `internal error during sync; see the hub log (${message})`, failureClass: 'transient' };
    const [finished, healthChanged] = await this.finishIn(tx, run, integration, counts, run.errors as unknown as RecordError[], failure, this.clock());
    return () => this.afterFinish(finished, healthChanged);
  }

  private async incrementalStart(integrationId: string): Promise<Date | null> {
    const last = await this.db.syncRun.findFirst({
      where: { integrationId, status: { in: [...storedStatuses] } },
      orderBy: { startedAt: 'desc' },
      select: { startedAt: true },
    });
    return last ? new Date(last.startedAt.getTime() - this.tuning.overlapMs) : null;
  }

  /**
   * Takes the integration for a run, records the run and enqueues its job, or says which run
   * holds it. A run holds its integration while its job exists, even when no worker runs it right
   * now (it resumes when one does); a holder without a job whose lease lapsed is taken over.
   */
  private async acquire(integration: Integration, run: Parameters<Db['syncRun']['create']>[0]['data'] & { id: string }): Promise<SyncRun> {
    const now = this.clock();
    return this.db.$transaction(async (tx) => {
      const busy = (holder: string | null | undefined) =>
        new ConflictError(`a sync of ${integration.connectorType} is already running (${holder ?? 'unknown run'}); wait for it to finish`);
      const current = await tx.integration.findUnique({ where: { id: integration.id }, select: { syncRunId: true, syncLeaseUntil: true } });
      const holder = current?.syncRunId ?? null;
      if (holder !== null) {
        const leased = current?.syncLeaseUntil != null && current.syncLeaseUntil >= now;
        if (leased || (await tx.job.count({ where: { queue: SYNC_QUEUE, subjectId: holder } })) > 0) throw busy(holder);
      }
      // Compare-and-set on the holder read above: of two processes starting at once, one wins.
      const { count } = await tx.integration.updateMany({
        where: { id: integration.id, syncRunId: holder },
        data: { syncRunId: run.id, syncLeaseUntil: new Date(now.getTime() + this.tuning.leaseMs) },
      });
      if (count === 0) {
        const taken = await tx.integration.findUnique({ where: { id: integration.id }, select: { syncRunId: true } });
        throw busy(taken?.syncRunId);
      }
      // A run whose lease lapsed (its process died) is closed as failed, not left "running".
      await tx.syncRun.updateMany({
        where: { integrationId: integration.id, status: 'running' },
        data: { status: 'failed', error: 'interrupted: its process stopped before it finished', errorClass: 'transient', finishedAt: now },
      });
      const created = await tx.syncRun.create({ data: { ...run, startedAt: now } });
      await this.jobs.enqueue(tx, [{ queue: SYNC_QUEUE, subjectId: created.id, orgId: created.orgId, maxAttempts: this.maxAttempts }], now);
      await this.outbox.emit(tx, created.orgId, 'sync.started', { ...runData(created), startedAt: created.startedAt.toISOString() }, { now });
      return created;
    });
  }

  private async execute(run: SyncRun, integration: Integration, control: RunControl): Promise<SyncRun> {
    const { signal } = control;
    // A resumed run carries on from its checkpoint: counts, kept errors and listing position.
    const start = startOf(run, { pages: 0, itemsSeen: 0, itemsSynced: 0, errorCount: 0, itemsAdded: 0, itemsUpdated: 0, itemsUnchanged: 0 } satisfies RunCounts);
    if (start.resumed) this.logger.info({ runId: run.id, integrationId: integration.id, pages: start.counts.pages, fromCheckpoint: start.resumeFrom !== undefined }, 'sync resumed');
    const errors = start.errors;
    const counts = start.counts;
    /** What the host system reported for the whole listing, so progress can be shown as a share. */
    let itemsTotal = start.itemsTotal;
    let failure: RunFailure | null = null;
    try {
      const client: ConnectorClient = this.connections.clientFor(integration);
      const { itemMappings } = storedMappings(integration);
      const pages = client.listItems({ changedSince: run.changedSince ?? undefined, pageSize: this.tuning.pageSize, signal, resumeFrom: start.resumeFrom });
      for await (const page of readAhead(pages)) {
        signal.throwIfAborted();
        itemsTotal ??= page.total ?? null;
        const items: MappedItem[] = [];
        const keptBefore = errors.length;
        for (const record of page.records) {
          const mapped = mapItem(record, itemMappings);
          if ('item' in mapped) items.push(mapped.item);
          else {
            counts.errorCount += 1;
            if (errors.length < this.tuning.keptErrors) errors.push(...mapped.errors.slice(0, this.tuning.keptErrors - errors.length));
          }
        }
        let next = { ...counts, pages: counts.pages + 1, itemsSeen: counts.itemsSeen + page.records.length, itemsSynced: counts.itemsSynced + items.length };
        // The page's items, the run's progress and its checkpoint commit together: one commit
        // per page (SQLite syncs its WAL at every commit, PostgreSQL flushes its WAL), the counts
        // on the run never run ahead of or behind what is stored, and a resumed run starts right
        // after this page. The fence first: an attempt that lost the job writes nothing.
        const [updated, stored] = await this.db.$transaction(async (tx) => {
          await control.fence(tx);
          // A full run marks what it read: deletion detection looks for what it did not.
          const stored = await storeSyncPage(tx, { provider: this.provider, outbox: this.outbox }, { run, page: next.pages, items, seenBy: run.mode === 'full' ? run.id : null });
          const { created, updated } = stored.recorded.counts;
          next = { ...next, itemsAdded: counts.itemsAdded + created, itemsUpdated: counts.itemsUpdated + updated, itemsUnchanged: counts.itemsUnchanged + stored.unchanged };
          const progress = { ...next, itemsTotal, ...checkpointAfter(page), ...(errors.length > keptBefore ? { errors } : {}) };
          return [await this.heartbeat(tx, run, integration.id, progress), stored] as const;
        }, pageTransaction);
        Object.assign(counts, next);
        this.outbox.committed();
        announceChanges(this.events, stored.recorded);
        this.publish(updated);
      }
    } catch (error) {
      // Lost to another worker, or this worker stops: the job runs again (here or elsewhere)
      // from the checkpoint; nothing about the run is this attempt's to record.
      if (interrupted(error, signal)) throw error;
      failure = { message: describeFailure(error, signal), failureClass: failureClassOf(error) };
      const unexpected = !(error instanceof ConnectorError) && !signal.aborted;
      this.logger.warn({ runId: run.id, integrationId: integration.id, reason: failure.message, failureClass: failure.failureClass, ...(unexpected ? { err: error } : {}) }, 'sync failed');
    }
    return this.finish(run, integration, counts, errors, failure, control);
  }

  /** Records progress and renews the lease, inside the page's transaction. */
  private async heartbeat(tx: DbTx, run: SyncRun, integrationId: string, progress: Parameters<Db['syncRun']['update']>[0]['data']): Promise<SyncRun> {
    const updated = await tx.syncRun.update({ where: { id: run.id }, data: progress });
    await tx.integration.updateMany({
      where: { id: integrationId, syncRunId: run.id },
      data: { syncLeaseUntil: new Date(this.clock().getTime() + this.tuning.leaseMs) },
    });
    return updated;
  }

  private async finish(
    run: SyncRun,
    integration: Integration,
    counts: RunCounts,
    errors: RecordError[],
    failure: RunFailure | null,
    control: RunControl,
  ): Promise<SyncRun> {
    const finishedAt = this.clock();
    // The run's end and its job's removal commit together (the fence of the last page).
    const [finished, healthChanged] = await this.db.$transaction(async (tx) => {
      await control.complete(tx);
      return this.finishIn(tx, run, integration, counts, errors, failure, finishedAt);
    }, pageTransaction); // removing a share of a big catalog is one statement, but may take seconds
    this.afterFinish(finished, healthChanged);
    return finished;
  }

  private afterFinish(finished: SyncRun, healthChanged: () => void): void {
    this.outbox.committed();
    metrics.syncRun(finished);
    this.publish(finished);
    healthChanged();
  }

  /** Ends the run inside `tx`: its row, the integration's sync status, its event and health. */
  private async finishIn(
    tx: DbTx,
    run: SyncRun,
    integration: Integration,
    counts: RunCounts,
    errors: RecordError[],
    failure: RunFailure | null,
    finishedAt: Date,
  ): Promise<readonly [SyncRun, () => void]> {
    const lastError = failure?.message ?? (errors[0] ? `${counts.errorCount} record(s) failed; first: ${errors[0].externalId}: ${errors[0].message}` : null);
    const outcome: CallOutcome = failure ? { ok: false, failureClass: failure.failureClass, reason: failure.message } : { ok: true };
    // Only a complete full run tells what the host no longer has.
    const deletions: DeletionOutcome = !failure && run.mode === 'full'
      ? await settleDeletions(tx, run, { itemsSeen: counts.itemsSeen, policy: deletionPolicy(integration), deps: { provider: this.provider, outbox: this.outbox, now: finishedAt } })
      : { removed: 0, held: null, recorded: null };
    const status: SyncRunStatus = failure ? 'failed' : deletions.held ? 'needs_confirmation' : outcomeOf(counts.errorCount);
    const row = await tx.syncRun.update({
      where: { id: run.id },
      data: {
        ...counts, status, errors, error: failure?.message ?? null, errorClass: failure?.failureClass ?? null, finishedAt,
        itemsRemoved: deletions.removed, heldDeletions: deletions.held?.count ?? null, heldSampleIds: deletions.held?.sampleIds,
      },
    });
    // Held removals of an earlier run: replaced by a complete full run, still waiting otherwise.
    const waiting = failure ? null : await supersedeHeld(tx, row);
    await tx.integration.updateMany({
      where: { id: integration.id, syncRunId: run.id },
      data: {
        syncRunId: null,
        syncLeaseUntil: null,
        lastSyncAt: finishedAt,
        lastSyncStatus: waiting?.status ?? status,
        lastSyncItemCount: counts.itemsSynced,
        lastSyncError: lastError,
        lastSyncRunId: waiting?.id ?? row.id,
        lastSyncCounts: waiting?.counts ?? lastSyncCounts(row, deletions.held),
      },
    });
    const data = { ...runData(row), itemsSynced: row.itemsSynced, counts: runCounts(row) };
    if (failure) {
      const { message: error, failureClass: errorClass } = failure;
      await this.outbox.emit(tx, row.orgId, 'sync.failed', { ...data, error, errorClass, retryable: isRetryable(errorClass) }, { now: finishedAt });
    } else if (deletions.held) {
      // sync.completed follows when someone confirms or discards the held removals.
      await this.outbox.emit(tx, row.orgId, 'sync.deletions_held', { ...data, status, errorCount: row.errorCount, heldDeletions: deletions.held, finishedAt: finishedAt.toISOString() }, { now: finishedAt });
    } else {
      await this.outbox.emit(tx, row.orgId, 'sync.completed', { ...data, status, errorCount: row.errorCount, finishedAt: finishedAt.toISOString() }, { now: finishedAt });
    }
    const healthChanged = await this.health.record(tx, integration, outcome, finishedAt);
    const { recorded } = deletions;
    return [row, () => {
      if (recorded) announceChanges(this.events, recorded);
      healthChanged();
    }] as const;
  }

  private publish(run: SyncRun): void {
    this.events.publish('sync-progress', run.orgId, {
      orgId: run.orgId,
      runId: run.id,
      integrationId: run.integrationId,
      connectorType: run.connectorType,
      status: run.status,
    });
  }
}

type RunCounts = Record<'pages' | 'itemsSeen' | 'itemsSynced' | 'errorCount' | 'itemsAdded' | 'itemsUpdated' | 'itemsUnchanged', number>;

/**
 * The attempt was stopped from outside, not failed by the host or the data: its lease was lost,
 * or its worker stops (the only two things that abort a run's signal). Whatever the connector
 * threw once the signal fired is that interruption.
 */
function interrupted(error: unknown, signal: AbortSignal): boolean {
  return error instanceof LeaseLostError || signal.aborted;
}

/** What every sync event says about its run. */
function runData(run: SyncRun) {
  return { connectorType: run.connectorType, integrationId: run.integrationId, runId: run.id, mode: run.mode, trigger: run.trigger };
}

export function resultOf(run: SyncRun): SyncResult {
  const errorClass = run.errorClass as FailureClass | null;
  return {
    success: run.status !== 'failed',
    itemsSynced: run.itemsSynced,
    errors: run.errors as unknown as RecordError[],
    runId: run.id,
    status: run.status as SyncRunStatus,
    counts: runCounts(run),
    ...(run.status === 'needs_confirmation' ? { heldDeletions: { count: run.heldDeletions ?? 0, sampleIds: (run.heldSampleIds ?? []) as string[] } } : {}),
    ...(run.error ? { message: run.error } : {}),
    ...(errorClass ? { errorClass, retryable: isRetryable(errorClass) } : {}),
  };
}

function describeFailure(error: unknown, signal: AbortSignal): string {
  if (signal.aborted) return `stopped: ${signal.reason instanceof Error ? signal.reason.message : 'aborted'}`;
  if (error instanceof ConnectorError) return error.message;
  return 'internal error during sync; see the hub log';
}
