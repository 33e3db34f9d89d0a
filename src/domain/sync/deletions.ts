/**
 * Deletion detection after a full sync, with a guard against mass deletions.
 *
 * A full run marks every item it reads (Item.lastSeenRunId). Only when it read every page without
 * a host failure are the integration's active items it did not read gone from the host system;
 * they are then deactivated or deleted (deleteHandling). A failed run removes nothing, and an
 * incremental run never infers a deletion (it reads only what changed). An item written by anyone
 * else after the run started (a webhook transfer) is spared: that write came from the host.
 *
 * A host that suddenly answers with a truncated listing (a wrong filter, a half-migrated tenant,
 * an empty result) would otherwise wipe the hub's copy. So when a run would remove more than
 * `settings.maxDeletePercent` of the integration's active items, or the host returned no record at
 * all, nothing is removed: the run ends `needs_confirmation` with the count and a sample of ids,
 * until a user confirms (the removals are applied) or discards them.
 */
import type { DbTx } from '../../db/job-store';
import type { Db } from '../../db/connection';
import type { Provider } from '../../db/provider-schemas';
import type { SyncRun } from '../../generated/sqlite/client';
import type { Clock } from '../../lib/clock';
import type { EventBus } from '../../lib/events';
import { announceChanges, recordChanges, type RecordedChanges } from '../changes/change-feed';
import { emitItemsChanged } from '../changes/sync-page';
import { ConflictError, NotFoundError } from '../errors';
import type { EventOutbox } from '../events/outbox';
import { integrationPolicy, type DeleteHandling } from '../webhooks/scopes';
import { runCounts, type RunCounts } from './run-counts';
import { outcomeOf, type SyncRunStatus } from './run-status';

const heldStatus: SyncRunStatus = 'needs_confirmation';

export const defaultMaxDeletePercent = 20;
/** Applying held removals may touch most of a large catalog: more time than Prisma's 5 s default. */
const decisionTransaction = { maxWait: 10_000, timeout: 60_000 };
/** Ids shown with held removals: enough to recognise the pattern (a product group, a plant), not a dump. */
const sampleSize = 10;

/** The deletion part of Integration.settings (a type alias, so it is assignable to Prisma's JSON input). */
export type DeletionSettings = { maxDeletePercent?: number };

export interface DeletionPolicy {
  deleteHandling: DeleteHandling;
  maxDeletePercent: number;
}

export function deletionPolicy(integration: { connectorType: string; settings: unknown }): DeletionPolicy {
  const { maxDeletePercent } = (integration.settings ?? {}) as DeletionSettings;
  return { deleteHandling: integrationPolicy(integration).deleteHandling, maxDeletePercent: maxDeletePercent ?? defaultMaxDeletePercent };
}

/** A type alias (not an interface), so it is assignable to Prisma's JSON input. */
export type HeldDeletions = {
  count: number;
  /** Host-system ids (the sku when an item has none) of some of the held items. */
  sampleIds: string[];
};

export type DeletionOutcome =
  | { removed: number; held: null; recorded: RecordedChanges | null }
  | { removed: 0; held: HeldDeletions; recorded: null };

type RunRef = Pick<SyncRun, 'id' | 'orgId' | 'integrationId' | 'connectorType' | 'mode' | 'trigger' | 'startedAt'>;

/** What removing items needs: they are recorded in the change feed and announced as `items.changed`. */
export interface RemovalDeps {
  provider: Provider;
  outbox: EventOutbox;
  now: Date;
}

/** The integration's active items the run did not read and nobody wrote since it started. */
function unseenBy(run: RunRef) {
  return {
    orgId: run.orgId,
    source: run.connectorType,
    active: true,
    updatedAt: { lt: run.startedAt },
    OR: [{ lastSeenRunId: null }, { lastSeenRunId: { not: run.id } }],
  };
}

/**
 * At the end of a complete full run, inside its final transaction: removes the items the host no
 * longer has, or holds them back when the guard says so.
 */
export async function settleDeletions(
  tx: DbTx,
  run: RunRef,
  options: { itemsSeen: number; policy: DeletionPolicy; deps: RemovalDeps },
): Promise<DeletionOutcome> {
  const where = unseenBy(run);
  const count = await tx.item.count({ where });
  if (count === 0) return { removed: 0, held: null, recorded: null };
  const active = await tx.item.count({ where: { orgId: run.orgId, source: run.connectorType, active: true } });
  if (options.itemsSeen === 0 || count * 100 > options.policy.maxDeletePercent * active) {
    const sample = await tx.item.findMany({ where, select: { sku: true, externalId: true }, orderBy: { sku: 'asc' }, take: sampleSize });
    return { removed: 0, held: { count, sampleIds: sample.map((item) => item.externalId ?? item.sku) }, recorded: null };
  }
  return { ...(await removeUnseen(tx, run, options.policy.deleteHandling, options.deps)), held: null };
}

/** Ids per statement when removing: bounds the size of one `IN` list. */
const idsPerStatement = 1000;

/**
 * Deactivates or deletes the unseen items, records each in the change feed and sends one
 * `items.changed` for them; call `announceChanges` with `recorded` after the commit.
 */
async function removeUnseen(tx: DbTx, run: RunRef, handling: DeleteHandling, deps: RemovalDeps): Promise<{ removed: number; recorded: RecordedChanges }> {
  const unseen = await tx.item.findMany({ where: unseenBy(run), select: { id: true, sku: true }, orderBy: { sku: 'asc' } });
  const ids = unseen.map((item) => item.id);
  for (let start = 0; start < ids.length; start += idsPerStatement) {
    const where = { id: { in: ids.slice(start, start + idsPerStatement) } };
    if (handling === 'delete') await tx.item.deleteMany({ where });
    else await tx.item.updateMany({ where, data: { active: false } });
  }
  const op = handling === 'delete' ? 'deleted' : 'deactivated';
  const changes = unseen.map((item) => ({ id: item.id, key: item.sku, op }) as const);
  const recorded = await recordChanges(tx, deps.provider, { orgId: run.orgId, kind: 'item', source: run.connectorType, changes }, deps.now);
  await emitItemsChanged(tx, deps.outbox, { run, page: null, recorded, itemIds: ids, now: deps.now });
  return { removed: ids.length, recorded };
}

/**
 * A new complete full run's result replaces an older one's held removals: they are closed
 * (decision "superseded") rather than left waiting for a confirmation that would act on stale
 * data. An incremental run leaves them waiting (scheduled runs would otherwise close every hold
 * before anyone saw it), and the integration's status keeps showing them.
 */
export async function supersedeHeld(tx: DbTx, run: Pick<SyncRun, 'id' | 'integrationId' | 'mode'>): Promise<Pick<SyncRun, 'id' | 'status'> & { counts: ReturnType<typeof lastSyncCounts> } | null> {
  const held = { integrationId: run.integrationId, status: heldStatus, id: { not: run.id } };
  if (run.mode !== 'full') {
    const waiting = await tx.syncRun.findFirst({ where: held, orderBy: { startedAt: 'desc' } });
    return waiting ? { id: waiting.id, status: waiting.status, counts: lastSyncCounts(waiting, { count: waiting.heldDeletions ?? 0, sampleIds: (waiting.heldSampleIds ?? []) as string[] }) } : null;
  }
  await tx.syncRun.updateMany({ where: { ...held, errorCount: 0 }, data: { status: outcomeOf(0), deletionDecision: 'superseded' } });
  await tx.syncRun.updateMany({ where: { ...held, errorCount: { gt: 0 } }, data: { status: outcomeOf(1), deletionDecision: 'superseded' } });
  return null;
}

/** The summary of a run kept on its integration (Integration.lastSyncCounts) for the sync status. */
export type LastSyncCounts = RunCounts & { heldDeletions: HeldDeletions | null };

export function lastSyncCounts(run: SyncRun, held: HeldDeletions | null): LastSyncCounts {
  return { ...runCounts(run), heldDeletions: held };
}

export type DeletionDecision = 'confirmed' | 'discarded';

export interface SyncDeletionsOptions {
  provider: Provider;
  clock: Clock;
}

/** Confirming or discarding the removals a run held back. */
export class SyncDeletions {
  private readonly clock: Clock;
  private readonly provider: Provider;

  constructor(
    private readonly db: Db,
    private readonly outbox: EventOutbox,
    private readonly events: EventBus,
    options: SyncDeletionsOptions,
  ) {
    this.clock = options.clock;
    this.provider = options.provider;
  }

  /** Applies the held removals (per the integration's deleteHandling as it is now). */
  confirm(orgId: string, runId: string, connectorType?: string): Promise<SyncRun> {
    return this.decide(orgId, runId, connectorType, 'confirmed');
  }

  /** Drops the held removals: the items stay as they are. */
  discard(orgId: string, runId: string, connectorType?: string): Promise<SyncRun> {
    return this.decide(orgId, runId, connectorType, 'discarded');
  }

  private async decide(orgId: string, runId: string, connectorType: string | undefined, decision: DeletionDecision): Promise<SyncRun> {
    const now = this.clock();
    let recorded: RecordedChanges | null = null;
    const run = await this.db.$transaction(async (tx) => {
      // Scoped to the caller's organization: another organization's run is simply not found.
      const held = await tx.syncRun.findFirst({ where: { id: runId, orgId, ...(connectorType ? { connectorType } : {}) } });
      if (!held) throw new NotFoundError(`no sync run ${runId}${connectorType ? ` of ${connectorType}` : ''}`);
      if (held.status !== heldStatus) {
        throw new ConflictError(`sync run ${runId} holds no deletions (status ${held.status}${held.deletionDecision ? `, deletions ${held.deletionDecision}` : ''})`);
      }
      const later = await tx.syncRun.findFirst({ where: { integrationId: held.integrationId, mode: 'full', startedAt: { gt: held.startedAt } }, select: { id: true } });
      if (later) throw new ConflictError(`a later sync (${later.id}) started since sync run ${runId}; its result replaces this one's`);
      const integration = await tx.integration.findUnique({ where: { id: held.integrationId } });
      if (!integration) throw new NotFoundError(`no sync run ${runId}`);
      // Another instance may decide at the same time: the status check is repeated in the write.
      let removed = 0;
      if (decision === 'confirmed') {
        ({ removed, recorded } = await removeUnseen(tx, held, deletionPolicy(integration).deleteHandling, { provider: this.provider, outbox: this.outbox, now }));
      }
      const status = outcomeOf(held.errorCount);
      const { count } = await tx.syncRun.updateMany({
        where: { id: held.id, status: heldStatus },
        data: { status, itemsRemoved: removed, deletionDecision: decision },
      });
      if (count === 0) throw new ConflictError(`sync run ${runId} was decided meanwhile`);
      const row = await tx.syncRun.findUniqueOrThrow({ where: { id: held.id } });
      await tx.integration.updateMany({
        where: { id: integration.id, lastSyncRunId: row.id },
        data: { lastSyncStatus: status, lastSyncCounts: lastSyncCounts(row, null) },
      });
      await this.outbox.emit(tx, orgId, 'sync.completed', {
        connectorType: row.connectorType, integrationId: row.integrationId, runId: row.id, mode: row.mode, trigger: row.trigger,
        itemsSynced: row.itemsSynced, status, errorCount: row.errorCount, counts: runCounts(row), deletions: decision,
        finishedAt: (row.finishedAt ?? now).toISOString(),
      }, { now });
      return row;
    }, decisionTransaction);
    this.outbox.committed();
    if (recorded) announceChanges(this.events, recorded);
    this.events.publish('sync-progress', run.orgId, { orgId: run.orgId, runId: run.id, integrationId: run.integrationId, connectorType: run.connectorType, status: run.status });
    return run;
  }
}
