/**
 * Reading the change feed for the transports: a page after a cursor (GraphQL `itemChanges`,
 * `deliveryChanges`; REST `GET /api/v1/items/changes`, `…/deliveries/changes`), and a live stream
 * of batches (`itemsChanged`) woken by the event bus after each commit that recorded changes.
 * Every read is scoped to the caller's organization, and so is every cursor (change-feed.ts).
 */
import type { Db } from '../../db/connection';
import type { Provider } from '../../db/provider-schemas';
import { Repeater } from '@graphql-yoga/subscription';
import type { EventBus, RecordsChanged } from '../../lib/events';
import {
  changesHeldBack,
  decodeCursor,
  encodeCursor,
  latestPosition,
  readChanges,
  type FeedChange,
  type FeedPosition,
  type RecordKind,
} from './change-feed';

type ItemRow = NonNullable<Awaited<ReturnType<Db['item']['findFirst']>>>;
type DeliveryRow = NonNullable<Awaited<ReturnType<Db['delivery']['findFirst']>>> & {
  lines: NonNullable<Awaited<ReturnType<Db['deliveryLine']['findFirst']>>>[];
};
export type RecordOf<K extends RecordKind> = K extends 'item' ? ItemRow : DeliveryRow;

export interface ChangeEntry<K extends RecordKind> extends FeedChange {
  /** Resumes the feed right after this change. */
  cursor: string;
  /** The record as it is now (null once deleted): a consumer applying entries in order ends with the current data. */
  record: RecordOf<K> | null;
}

export interface ChangePage<K extends RecordKind> {
  changes: ChangeEntry<K>[];
  /** Where to read on from: the last change's cursor, or the cursor given when there was none. */
  cursor: string;
  hasMore: boolean;
}

export interface PageOptions {
  /** A cursor from an earlier page or entry; the feed's start when absent. */
  after?: string | null;
  limit: number;
  /** Only changes from this connector type. */
  source?: string | null;
}

export const maxPageSize = 1000;

/** How long a live stream keeps looking for changes held back by a transaction still in flight. */
const heldBackPollMs = 100;
const heldBackPolls = 50;

export class ChangeFeed {
  constructor(
    private readonly db: Db,
    private readonly provider: Provider,
    private readonly events: EventBus,
  ) {}

  /** Checks a cursor against the caller's feed (a ValidationError naming `field` when it is not one of it). */
  position(orgId: string, kind: RecordKind, cursor: string | null | undefined, field = 'after'): FeedPosition | null {
    return cursor ? decodeCursor(orgId, kind, cursor, field) : null;
  }

  async page<K extends RecordKind>(orgId: string, kind: K, options: PageOptions): Promise<ChangePage<K>> {
    const after = this.position(orgId, kind, options.after) ?? { txid: 0n, seq: 0 };
    return this.read(orgId, kind, after, options.limit, options.source ?? undefined);
  }

  /**
   * Batches of changes as they commit, starting after `after` (or, without it, with the changes
   * committed after the call). Never skips one: each wake-up reads the feed from the stream's own
   * cursor, so a missed or coalesced notification only delays a batch. The cursor is checked here,
   * before the stream starts.
   */
  stream<K extends RecordKind>(orgId: string, kind: K, options: { after?: string | null; source?: string | null; batchSize?: number }): AsyncIterable<ChangePage<K>> {
    const given = this.position(orgId, kind, options.after);
    const source = options.source ?? undefined;
    const limit = Math.min(options.batchSize ?? maxPageSize, maxPageSize);
    return new Repeater<ChangePage<K>>(async (push, stop) => {
      // Subscribe before reading the start, so a change committed in between still wakes us.
      const wakeUps = this.events.subscribe('records-changed', orgId)[Symbol.asyncIterator]();
      let stopped = false;
      // A Repeater, not an async generator: an unsubscribe must end the stream at once, not after
      // the next wake-up.
      const ended = stop.then(() => {
        stopped = true;
        return { done: true as const, value: undefined };
      });
      try {
        let position = given ?? (await latestPosition(this.db, this.provider, { orgId, kind }));
        const drain = async () => {
          for (let polls = 0; !stopped; polls += 1) {
            for (;;) {
              const page = await this.read(orgId, kind, position, limit, source);
              if (page.changes.length > 0) {
                position = page.changes.at(-1)!.position;
                await push(page);
              }
              if (!page.hasMore || stopped) break;
            }
            if (polls >= heldBackPolls || stopped || !(await changesHeldBack(this.db, this.provider, { orgId, kind }))) return;
            await Promise.race([new Promise((resolve) => setTimeout(resolve, heldBackPollMs)), ended]);
          }
        };
        if (given) await drain();
        while (!stopped) {
          const next = await Promise.race([wakeUps.next(), ended]);
          if (next.done) break;
          if ((next.value as RecordsChanged).kind === kind) await drain();
        }
      } catch (error) {
        stop(error);
      } finally {
        await wakeUps.return?.();
        stop();
      }
    });
  }

  private async read<K extends RecordKind>(orgId: string, kind: K, after: FeedPosition, limit: number, source: string | undefined): Promise<ChangePage<K>> {
    const page = await readChanges(this.db, this.provider, { orgId, kind, after, limit, ...(source === undefined ? {} : { source }) });
    const records = await this.current(orgId, kind, [...new Set(page.changes.map((change) => change.recordId))]);
    return {
      changes: page.changes.map((change) => ({ ...change, cursor: encodeCursor(orgId, kind, change.position), record: (records.get(change.recordId) ?? null) as RecordOf<K> | null })),
      cursor: encodeCursor(orgId, kind, page.end),
      hasMore: page.hasMore,
    };
  }

  /** The records as they are now, by id, within the organization. */
  private async current(orgId: string, kind: RecordKind, ids: string[]): Promise<Map<string, ItemRow | DeliveryRow>> {
    if (ids.length === 0) return new Map();
    const rows: (ItemRow | DeliveryRow)[] =
      kind === 'item'
        ? await this.db.item.findMany({ where: { orgId, id: { in: ids } } })
        : await this.db.delivery.findMany({ where: { orgId, id: { in: ids } }, include: { lines: { orderBy: { lineNumber: 'asc' } } } });
    return new Map(rows.map((row) => [row.id, row]));
  }
}
