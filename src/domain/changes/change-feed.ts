/**
 * The change feed: every create, update, deactivation and deletion of an item or delivery, as a
 * row of RecordChange written in the transaction of the change itself (a rollback leaves no
 * change behind, a commit never goes without one), read back in order behind an opaque cursor.
 *
 * Writers call `recordChanges(tx, provider, { orgId, kind, source, changes })` with the set of
 * records they changed: one INSERT per batch (the rows bound as one JSON parameter, as in
 * item-store.ts), never one per record, so a page of a 100k sync costs one statement.
 *
 * Why the cursor never skips a change. An autoincrement id is handed out when a row is inserted,
 * not when its transaction commits: on PostgreSQL a webhook transfer may take position 10, a sync
 * page position 11 and commit first, and a reader that saw 11 and moved its cursor past it would
 * never see 10. On PostgreSQL each row therefore also carries the writing transaction's id
 * (`pg_current_xact_id()`), and readers
 *   - order by (txid, seq), and
 *   - read only rows whose txid is below the oldest transaction still in flight
 *     (`pg_snapshot_xmin(pg_current_snapshot())`): every transaction below it has ended, so that
 *     set of rows is final, and any transaction that commits later has a txid at or above it,
 *     hence a position after every cursor handed out so far.
 * The price is latency, not loss: a change becomes readable once every transaction that started
 * writing before it has ended (a long-running transaction on the server holds the feed back while
 * it runs). SQLite has one writer at a time, so ids are handed out in commit order: txid is 0 and
 * the order is seq. This is the approach of PostgreSQL-backed event stores and outboxes that poll
 * by position (Marten's high-water mark, the xid8 outbox pattern).
 */
import { createHash } from 'node:crypto';
import type { DbTx } from '../../db/job-store';
import type { Provider } from '../../db/provider-schemas';
import { Params } from '../../db/sql';
import type { EventBus } from '../../lib/events';
import { ValidationError } from '../errors';

export const recordKinds = ['item', 'delivery'] as const;
export type RecordKind = (typeof recordKinds)[number];
export const changeOps = ['created', 'updated', 'deactivated', 'deleted'] as const;
export type ChangeOp = (typeof changeOps)[number];

/** One changed record: its id, its business key (SKU, order id) and what happened to it. */
export interface RecordChangeInput {
  id: string;
  key: string;
  op: ChangeOp;
}

export interface ChangeSet {
  orgId: string;
  kind: RecordKind;
  /** The connector type the change came from (a sync, a webhook transfer). */
  source: string | null;
  changes: readonly RecordChangeInput[];
}

/** What a committed change set announces on the event bus (call `announceChanges` after commit). */
export interface RecordedChanges {
  orgId: string;
  kind: RecordKind;
  source: string | null;
  counts: Record<ChangeOp, number>;
}

/** A position in one organization's feed of one kind: (transaction id, sequence). */
export interface FeedPosition {
  txid: bigint;
  seq: number;
}

export const feedStart: FeedPosition = { txid: 0n, seq: 0 };

export interface FeedChange {
  position: FeedPosition;
  recordId: string;
  key: string;
  op: ChangeOp;
  source: string | null;
  changedAt: Date;
}

export interface FeedPage {
  changes: FeedChange[];
  /** Where the next read starts: the last change's position, or the one read from when none. */
  end: FeedPosition;
  /** More changes are readable right now past `end`. */
  hasMore: boolean;
}

/** Rows per statement: bounds the size of one JSON parameter. */
const rowsPerStatement = 1000;

const insertStatements: Record<Provider, string> = {
  // json_each yields the array in order (key is the index), so seq follows the given order.
  sqlite:
    'INSERT INTO "RecordChange" ("orgId", "kind", "source", "changedAt", "recordId", "key", "op") ' +
    "SELECT ?, ?, ?, ?, value ->> 0, value ->> 1, value ->> 2 FROM json_each(?) ORDER BY key",
  postgresql:
    'INSERT INTO "RecordChange" ("txid", "orgId", "kind", "source", "changedAt", "recordId", "key", "op") ' +
    "SELECT pg_current_xact_id()::text::bigint, $1::text, $2::text, $3::text, $4::timestamp(3), r.v ->> 0, r.v ->> 1, r.v ->> 2 " +
    'FROM jsonb_array_elements($5::jsonb) WITH ORDINALITY AS r(v, n) ORDER BY r.n',
};

/**
 * Records a set of changed records in the writer's transaction `tx`, in the order given. Call it
 * with every change a transaction makes (a sync page's items, a transfer's record, a run's
 * deactivations or deletions); after the transaction commits, pass the result to
 * `announceChanges` so `itemsChanged` subscribers read them.
 */
export async function recordChanges(tx: DbTx, provider: Provider, set: ChangeSet, now = new Date()): Promise<RecordedChanges> {
  const counts = { created: 0, updated: 0, deactivated: 0, deleted: 0 };
  for (const change of set.changes) counts[change.op] += 1;
  for (let start = 0; start < set.changes.length; start += rowsPerStatement) {
    const rows = set.changes.slice(start, start + rowsPerStatement).map((change) => [change.id, change.key, change.op]);
    await tx.$executeRawUnsafe(insertStatements[provider], set.orgId, set.kind, set.source, now, JSON.stringify(rows));
  }
  return { orgId: set.orgId, kind: set.kind, source: set.source, counts };
}

/** After the recording transaction committed: tells subscribers of the organization's feed to read on. */
export function announceChanges(events: EventBus, recorded: RecordedChanges): void {
  const total = Object.values(recorded.counts).reduce((sum, n) => sum + n, 0);
  if (total === 0) return;
  events.publish('records-changed', recorded.orgId, { orgId: recorded.orgId, kind: recorded.kind, source: recorded.source, count: total });
}

/** The oldest transaction still in flight, as the feed's readers may read up to (exclusive). */
const horizon: Record<Provider, string> = { sqlite: '', postgresql: 'AND "txid" < pg_snapshot_xmin(pg_current_snapshot())::text::bigint' };

interface ChangeRow {
  seq: number | bigint;
  txid: string;
  recordId: string;
  key: string;
  op: ChangeOp;
  source: string | null;
  changedAt: Date | string;
}

export interface ReadOptions {
  orgId: string;
  kind: RecordKind;
  after: FeedPosition;
  limit: number;
  /** Only changes from this connector type (positions stay those of the whole feed). */
  source?: string;
}

/** Reads the next changes of one organization's feed of one kind, in feed order. */
export async function readChanges(db: DbTx, provider: Provider, options: ReadOptions): Promise<FeedPage> {
  const { orgId, kind, after, limit } = options;
  const params = new Params(provider);
  // SQLite stores txid as INTEGER; PostgreSQL takes the 64-bit value as text.
  const txid = provider === 'postgresql' ? `${params.add(after.txid.toString())}::bigint` : params.add(Number(after.txid));
  const sql =
    'SELECT "seq", CAST("txid" AS TEXT) AS "txid", "recordId", "key", "op", "source", "changedAt" FROM "RecordChange" ' +
    `WHERE ("txid", "seq") > (${txid}, ${params.add(after.seq)}) AND "orgId" = ${params.add(orgId)} AND "kind" = ${params.add(kind)} ${horizon[provider]} ` +
    `${options.source === undefined ? '' : `AND "source" = ${params.add(options.source)}`} ORDER BY "txid", "seq" LIMIT ${params.add(limit + 1)}`;
  const rows = await db.$queryRawUnsafe<ChangeRow[]>(sql, ...params.values);
  const changes = rows.slice(0, limit).map((row) => ({
    position: { txid: BigInt(row.txid), seq: Number(row.seq) },
    recordId: row.recordId,
    key: row.key,
    op: row.op,
    source: row.source,
    changedAt: new Date(row.changedAt),
  }));
  return { changes, end: changes.at(-1)?.position ?? after, hasMore: rows.length > limit };
}

/**
 * Whether changes past `after` exist that are committed or in flight but not readable yet (behind
 * a transaction still running). Always false on SQLite. Lets a live reader look again shortly
 * instead of waiting for the next write.
 */
export async function changesHeldBack(db: DbTx, provider: Provider, options: { orgId: string; kind: RecordKind }): Promise<boolean> {
  if (provider === 'sqlite') return false;
  const rows = await db.$queryRawUnsafe<unknown[]>(
    'SELECT 1 FROM "RecordChange" WHERE "orgId" = $1 AND "kind" = $2 AND "txid" >= pg_snapshot_xmin(pg_current_snapshot())::text::bigint LIMIT 1',
    options.orgId,
    options.kind,
  );
  return rows.length > 0;
}

/** The position of the latest readable change (where a live reader that wants only new changes starts). */
export async function latestPosition(db: DbTx, provider: Provider, options: { orgId: string; kind: RecordKind }): Promise<FeedPosition> {
  const rows = await db.$queryRawUnsafe<{ seq: number | bigint; txid: string }[]>(
    `SELECT "seq", CAST("txid" AS TEXT) AS "txid" FROM "RecordChange" WHERE "orgId" = ${provider === 'postgresql' ? '$1' : '?'} AND "kind" = ${provider === 'postgresql' ? '$2' : '?'} ${horizon[provider]} ORDER BY "txid" DESC, "seq" DESC LIMIT 1`,
    options.orgId,
    options.kind,
  );
  const row = rows[0];
  return row ? { txid: BigInt(row.txid), seq: Number(row.seq) } : feedStart;
}

/**
 * Cursors are opaque to callers: `v1.<kind>.<org tag>.<txid>.<seq>` in base64url. The org tag (a
 * hash of the organization id) ties a cursor to the feed it came from: another organization's
 * cursor, or an items cursor given to the deliveries feed, is refused instead of positioning it.
 */
export function encodeCursor(orgId: string, kind: RecordKind, position: FeedPosition): string {
  return Buffer.from(`v1.${kind}.${orgTag(orgId)}.${position.txid}.${position.seq}`).toString('base64url');
}

/** The position a cursor names in this organization's feed of this kind; a ValidationError naming `field` otherwise. */
export function decodeCursor(orgId: string, kind: RecordKind, cursor: string, field = 'after'): FeedPosition {
  const parts = Buffer.from(cursor, 'base64url').toString('utf8').split('.');
  const [version, cursorKind, tag, txid, seq] = parts;
  const wellFormed = parts.length === 5 && version === 'v1' && /^\d{1,19}$/.test(txid ?? '') && /^\d{1,10}$/.test(seq ?? '');
  if (!wellFormed) throw new ValidationError([{ path: field, message: 'is not a change feed cursor' }]);
  if (cursorKind !== kind || tag !== orgTag(orgId)) throw new ValidationError([{ path: field, message: `is not a cursor of your organization's ${kind} changes` }]);
  return { txid: BigInt(txid!), seq: Number(seq) };
}

function orgTag(orgId: string): string {
  return createHash('sha256').update(`change-feed:${orgId}`).digest('base64url').slice(0, 12);
}
