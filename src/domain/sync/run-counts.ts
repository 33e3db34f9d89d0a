/**
 * What a sync run did to the hub's items: added, updated, unchanged, removed, failed. Added,
 * updated and unchanged come from the change feed's comparison of each page with the stored
 * items (src/domain/changes/item-changes.ts), removed from deletion detection.
 */
/** A type alias (not an interface), so it is assignable to Prisma's JSON input. */
export type RunCounts = {
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
  failed: number;
};

/** The counts as stored on a run. */
export function runCounts(run: { itemsAdded: number; itemsUpdated: number; itemsUnchanged: number; itemsRemoved: number; errorCount: number }): RunCounts {
  return { added: run.itemsAdded, updated: run.itemsUpdated, unchanged: run.itemsUnchanged, removed: run.itemsRemoved, failed: run.errorCount };
}
