/**
 * A sync run's checkpoint: what it stores with each page so that, after a crash, another attempt
 * of its job continues after the last stored page instead of listing from the start.
 *
 * The checkpoint is the connector's listing position after the page (SourcePage.resume) and is
 * written in the page's own transaction, beside the page's items and the run's counts, so the
 * three never disagree: a resumed run starts exactly after what is stored, its counts carry on
 * from the stored ones, and the items it ends with are those of an uninterrupted run. A connector
 * that gives no position makes the run list from the start again (upserts make that safe; the
 * counts then start over too, so they still describe one listing).
 */
import type { ListPosition, SourcePage } from '../../connectors/types';
import type { Prisma } from '../../generated/sqlite/client';
import type { RecordError } from '../mapping/map-item';
import type { SyncRun } from './sync-service';

/** Where a run (re)starts: its counts, kept errors and listing position so far. */
export interface RunStart<Counts> {
  counts: Counts;
  errors: RecordError[];
  itemsTotal: number | null;
  /** Undefined: list from the start. */
  resumeFrom: ListPosition | undefined;
  /** Whether this attempt continues an interrupted one (for the log). */
  resumed: boolean;
}

interface StoredCheckpoint {
  cursor: ListPosition;
}

/**
 * Where the run continues: after its last stored page, or from the start when it has none.
 * `zero` names the run's counters (columns of the run, stored with every page): a resumed run
 * carries on from their stored values, a new or restarted one from zero.
 */
export function startOf<Counts extends Record<string, number>>(run: SyncRun, zero: Counts): RunStart<Counts> {
  const stored = run.checkpoint as unknown as StoredCheckpoint | null;
  if (stored && typeof stored === 'object' && stored.cursor && typeof stored.cursor === 'object') {
    const columns = run as unknown as Record<string, number>;
    const counts = Object.fromEntries(Object.keys(zero).map((name) => [name, columns[name] ?? 0])) as Counts;
    return { counts, errors: run.errors as unknown as RecordError[], itemsTotal: run.itemsTotal, resumeFrom: stored.cursor, resumed: true };
  }
  return { counts: { ...zero }, errors: [], itemsTotal: run.itemsTotal, resumeFrom: undefined, resumed: run.pages > 0 };
}

/** The run's checkpoint after `page`, to store with the page's items (nothing when the connector cannot resume). */
export function checkpointAfter(page: SourcePage): { checkpoint?: Prisma.InputJsonValue } {
  return page.resume ? { checkpoint: { cursor: page.resume } satisfies StoredCheckpoint as Prisma.InputJsonValue } : {};
}
