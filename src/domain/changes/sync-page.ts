/**
 * A sync page's share of the change feed, in the page's transaction: its items upserted and their
 * changes recorded, and one outbound `items.changed` event for the page (counts and ids), not one
 * per item, so a 100k-product sync sends endpoints a hundred events, not a hundred thousand.
 */
import type { DbTx } from '../../db/job-store';
import type { Provider } from '../../db/provider-schemas';
import type { EventOutbox } from '../events/outbox';
import type { MappedItem } from '../mapping/map-item';
import type { RecordedChanges } from './change-feed';
import { upsertItemsRecordingChanges, type ItemUpsert } from './item-changes';

export interface SyncRunRef {
  id: string;
  orgId: string;
  integrationId: string;
  connectorType: string;
  mode: string;
  trigger: string;
}

export async function storeSyncPage(
  tx: DbTx,
  deps: { provider: Provider; outbox: EventOutbox },
  page: { run: SyncRunRef; page: number; items: MappedItem[]; seenBy?: string | null; now?: Date },
): Promise<ItemUpsert> {
  const { run } = page;
  const now = page.now ?? new Date();
  const stored = await upsertItemsRecordingChanges(tx, deps.provider, { orgId: run.orgId, source: run.connectorType, items: page.items, seenBy: page.seenBy ?? null }, now);
  await emitItemsChanged(tx, deps.outbox, { run, page: page.page, recorded: stored.recorded, itemIds: stored.changedIds, now });
  return stored;
}

/**
 * The outbound `items.changed` event of a run's changes (a page's upserts, or the removals at the
 * end of a complete run); nothing when nothing changed.
 */
export async function emitItemsChanged(
  tx: DbTx,
  outbox: EventOutbox,
  changed: { run: SyncRunRef; page: number | null; recorded: RecordedChanges; itemIds: readonly string[]; now?: Date },
): Promise<void> {
  const { run, recorded } = changed;
  if (changed.itemIds.length === 0) return;
  await outbox.emit(
    tx,
    run.orgId,
    'items.changed',
    {
      connectorType: run.connectorType, integrationId: run.integrationId, runId: run.id, mode: run.mode, trigger: run.trigger,
      page: changed.page, ...recorded.counts, itemIds: changed.itemIds,
    },
    changed.now ? { now: changed.now } : {},
  );
}
