/**
 * Master-data sync: one run at a time per integration, in the background, page by page.
 *
 * The one-at-a-time rule is a lease on the integration row (compare-and-set on syncRunId /
 * syncLeaseUntil), so it holds across server processes sharing a database, and a run whose
 * process died frees the integration when its lease runs out. Records are mapped and upserted a
 * page at a time, so memory stays flat whatever the catalog size; a bad record is reported and
 * skipped, a failing host system ends the run with its reason.
 */
import type { ConnectorClient, ConnectionTestResult } from '../../connectors/types';
import { ConnectorError } from '../../connectors/types';
import type { Db } from '../../db/connection';
import type { DbTx } from '../../db/job-store';
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
import { ConflictError } from '../errors';
import type { CallOutcome, IntegrationHealth } from '../integrations/health';
import { storedMappings, type Integration, type IntegrationService } from '../integrations/integration-service';
import { mapItem, type MappedItem, type RecordError } from '../mapping/map-item';

export type { SyncRun };
export type SyncMode = 'full' | 'incremental';

export interface SyncOptions {
  mode?: SyncMode;
  trigger?: 'manual' | 'schedule';
}

export interface SyncResult {
  success: boolean;
  itemsSynced: number;
  errors: RecordError[];
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
}

export const defaultTuning: SyncTuning = { leaseMs: 120_000, overlapMs: 5 * 60_000, pageSize: 1000, keptErrors: 100, connectionTestMs: 15_000 };

export interface SyncServiceOptions {
  clock: Clock;
  tuning?: SyncTuning;
}

/**
 * A page's transaction: waits longer than Prisma's 2 s default for SQLite's one writer (webhook
 * batches share it), and may take longer than the 5 s default on a slow database; a page of
 * 1000 items normally commits in tens of milliseconds.
 */
const pageTransaction = { maxWait: 10_000, timeout: 60_000 };

export class SyncService {
  private readonly running = new Map<string, { done: Promise<SyncRun>; abort: AbortController }>();
  private readonly clock: Clock;
  private readonly tuning: SyncTuning;

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

  /** Starts a run in the background and returns it at once. */
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
    const abort = new AbortController();
    const done = this.execute(run, integration, abort.signal);
    this.outbox.committed();
    this.running.set(run.id, { done, abort });
    void done.finally(() => this.running.delete(run.id));
    this.publish(run);
    return run;
  }

  /** Starts a run and waits for its end (the REST `POST …/sync` answers with the result). */
  async runToCompletion(orgId: string, connectorType: string, options: SyncOptions = {}): Promise<SyncResult> {
    const run = await this.start(orgId, connectorType, options);
    return resultOf(await this.running.get(run.id)!.done);
  }

  /** Resolves when a run started by this process ends. */
  async whenDone(runId: string): Promise<SyncRun | undefined> {
    return this.running.get(runId)?.done;
  }

  /** Stops this process's runs (shutdown): each ends as failed and frees its integration. */
  async stopAll(): Promise<void> {
    const runs = [...this.running.values()];
    for (const run of runs) run.abort.abort(new Error('the hub is shutting down'));
    await Promise.allSettled(runs.map((run) => run.done));
  }

  private async incrementalStart(integrationId: string): Promise<Date | null> {
    const last = await this.db.syncRun.findFirst({
      where: { integrationId, status: { in: ['success', 'partial'] } },
      orderBy: { startedAt: 'desc' },
      select: { startedAt: true },
    });
    return last ? new Date(last.startedAt.getTime() - this.tuning.overlapMs) : null;
  }

  /** Takes the integration's sync lease and records the run, or says who holds it. */
  private async acquire(integration: Integration, run: Parameters<Db['syncRun']['create']>[0]['data'] & { id: string }): Promise<SyncRun> {
    const now = this.clock();
    return this.db.$transaction(async (tx) => {
      const { count } = await tx.integration.updateMany({
        where: { id: integration.id, OR: [{ syncRunId: null }, { syncLeaseUntil: { lt: now } }] },
        data: { syncRunId: run.id, syncLeaseUntil: new Date(now.getTime() + this.tuning.leaseMs) },
      });
      if (count === 0) {
        const holder = await tx.integration.findUnique({ where: { id: integration.id }, select: { syncRunId: true } });
        throw new ConflictError(`a sync of ${integration.connectorType} is already running (${holder?.syncRunId ?? 'unknown run'}); wait for it to finish`);
      }
      // A run whose lease lapsed (its process died) is closed as failed, not left "running".
      await tx.syncRun.updateMany({
        where: { integrationId: integration.id, status: 'running' },
        data: { status: 'failed', error: 'interrupted: its process stopped before it finished', errorClass: 'transient', finishedAt: now },
      });
      const created = await tx.syncRun.create({ data: { ...run, startedAt: now } });
      await this.outbox.emit(tx, created.orgId, 'sync.started', { ...runData(created), startedAt: created.startedAt.toISOString() }, { now });
      return created;
    });
  }

  private async execute(run: SyncRun, integration: Integration, signal: AbortSignal): Promise<SyncRun> {
    const errors: RecordError[] = [];
    const counts = { pages: 0, itemsSeen: 0, itemsSynced: 0, errorCount: 0 };
    /** What the host system reported for the whole listing, so progress can be shown as a share. */
    let itemsTotal: number | null = null;
    let failure: RunFailure | null = null;
    try {
      const client: ConnectorClient = this.connections.clientFor(integration);
      const { itemMappings } = storedMappings(integration);
      const pages = client.listItems({ changedSince: run.changedSince ?? undefined, pageSize: this.tuning.pageSize, signal });
      for await (const page of pages) {
        signal.throwIfAborted();
        itemsTotal ??= page.total ?? null;
        const items: MappedItem[] = [];
        for (const record of page.records) {
          const mapped = mapItem(record, itemMappings);
          if ('item' in mapped) items.push(mapped.item);
          else {
            counts.errorCount += 1;
            if (errors.length < this.tuning.keptErrors) errors.push(...mapped.errors.slice(0, this.tuning.keptErrors - errors.length));
          }
        }
        const next = { ...counts, pages: counts.pages + 1, itemsSeen: counts.itemsSeen + page.records.length, itemsSynced: counts.itemsSynced + items.length };
        // The page's items and the run's progress commit together: one commit per page (SQLite
        // syncs its WAL at every commit, PostgreSQL flushes its WAL), and the counts on the run
        // never run ahead of or behind what is stored.
        const [updated, stored] = await this.db.$transaction(async (tx) => {
          const stored = await storeSyncPage(tx, { provider: this.provider, outbox: this.outbox }, { run, page: next.pages, items });
          return [await this.heartbeat(tx, run, integration.id, { ...next, itemsTotal }), stored] as const;
        }, pageTransaction);
        Object.assign(counts, next);
        this.outbox.committed();
        announceChanges(this.events, stored.recorded);
        this.publish(updated);
      }
    } catch (error) {
      failure = { message: describeFailure(error, signal), failureClass: failureClassOf(error) };
      const unexpected = !(error instanceof ConnectorError) && !signal.aborted;
      this.logger.warn({ runId: run.id, integrationId: integration.id, reason: failure.message, failureClass: failure.failureClass, ...(unexpected ? { err: error } : {}) }, 'sync failed');
    }
    return this.finish(run, integration, counts, errors, failure);
  }

  /** Records progress and renews the lease, inside the page's transaction. */
  private async heartbeat(tx: DbTx, run: SyncRun, integrationId: string, progress: RunCounts & { itemsTotal: number | null }): Promise<SyncRun> {
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
  ): Promise<SyncRun> {
    const status = failure ? 'failed' : counts.errorCount > 0 ? 'partial' : 'success';
    const finishedAt = this.clock();
    const lastError = failure?.message ?? (errors[0] ? `${counts.errorCount} record(s) failed; first: ${errors[0].externalId}: ${errors[0].message}` : null);
    const outcome: CallOutcome = failure ? { ok: false, failureClass: failure.failureClass, reason: failure.message } : { ok: true };
    const [finished, healthChanged] = await this.db.$transaction(async (tx) => {
      const row = await tx.syncRun.update({
        where: { id: run.id },
        data: { ...counts, status, errors, error: failure?.message ?? null, errorClass: failure?.failureClass ?? null, finishedAt },
      });
      await tx.integration.updateMany({
        where: { id: integration.id, syncRunId: run.id },
        data: {
          syncRunId: null,
          syncLeaseUntil: null,
          lastSyncAt: finishedAt,
          lastSyncStatus: status,
          lastSyncItemCount: counts.itemsSynced,
          lastSyncError: lastError,
        },
      });
      const data = { ...runData(row), itemsSynced: row.itemsSynced };
      if (failure) {
        const { message: error, failureClass: errorClass } = failure;
        await this.outbox.emit(tx, row.orgId, 'sync.failed', { ...data, error, errorClass, retryable: isRetryable(errorClass) }, { now: finishedAt });
      } else {
        await this.outbox.emit(tx, row.orgId, 'sync.completed', { ...data, status, errorCount: row.errorCount, finishedAt: finishedAt.toISOString() }, { now: finishedAt });
      }
      return [row, await this.health.record(tx, integration, outcome, finishedAt)] as const;
    });
    this.outbox.committed();
    metrics.syncRun(finished);
    this.publish(finished);
    healthChanged();
    return finished;
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

type RunCounts = Record<'pages' | 'itemsSeen' | 'itemsSynced' | 'errorCount', number>;

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
    ...(run.error ? { message: run.error } : {}),
    ...(errorClass ? { errorClass, retryable: isRetryable(errorClass) } : {}),
  };
}

function describeFailure(error: unknown, signal: AbortSignal): string {
  if (signal.aborted) return `stopped: ${signal.reason instanceof Error ? signal.reason.message : 'aborted'}`;
  if (error instanceof ConnectorError) return error.message;
  return 'internal error during sync; see the hub log';
}
