/**
 * Upserting items and recording what actually changed, for the sync's pages and the webhook
 * transfers alike. A full sync re-reads records that did not change: storing them again is what
 * the sync always did (item-store.ts, unchanged here), but they are no change for the feed, or a
 * nightly full sync of 100k products would hand consumers 100k "updates" of nothing.
 *
 * Two set-based statements per batch besides the upsert: before it, one SELECT that answers
 * which records are new or differ from their stored row (compared in the database, so an
 * unchanged page sends nothing back); after it, one INSERT … SELECT of their change rows that takes
 * each record's id from the Item row the upsert left (so an id is right even when another
 * transaction created the row between the two).
 */
import type { DbTx } from '../../db/job-store';
import { dateTimeText, dedupeBySku, upsertItems } from '../../db/item-store';
import type { Provider } from '../../db/provider-schemas';
import type { MappedItem } from '../mapping/map-item';
import type { RecordedChanges } from './change-feed';

export interface ItemUpsert {
  recorded: RecordedChanges;
  /** Records stored again exactly as they were. */
  unchanged: number;
  /** Ids of the created and updated items, in the order given. */
  changedIds: string[];
}

/** The columns a sync writes that make a difference to a consumer, in the order of the JSON rows after the SKU. */
const order = ['name', 'category', 'lengthMm', 'widthMm', 'heightMm', 'weightKg', 'active', 'externalId', 'sourceChangedAt'];

/**
 * Which of a batch's records are new or differ from the stored row, decided in the database so
 * that an unchanged page sends nothing back. Each row of the JSON array is
 * [sku, name, category, lengthMm, widthMm, heightMm, weightKg, active, externalId, sourceChangedAt],
 * read the way item-store's upsert reads them, so a record stored by the upsert compares equal to
 * itself. The batch is walked and each SKU probed in the (orgId, sku) index (a LEFT JOIN keeps
 * json_each outermost in SQLite; a plain join let its planner scan the whole organization's items
 * for each element, which made a 100k sync quadratic).
 */
const sqliteSame = order.map((column, i) => `i."${column}" IS c.value ->> ${i + 1}`).join(' AND ');
const postgresCasts: Record<string, string> = {
  name: '', category: '', externalId: '',
  lengthMm: '::double precision', widthMm: '::double precision', heightMm: '::double precision', weightKg: '::double precision',
  active: '::boolean', sourceChangedAt: '::timestamptz AT TIME ZONE \'UTC\'',
};
const postgresDiffers = order.map((column, i) => `i."${column}" IS DISTINCT FROM ((c.v ->> ${i + 1})${postgresCasts[column]})`).join(' OR ');

const changedRecords: Record<Provider, string> = {
  sqlite:
    'SELECT c.value ->> 0 AS "sku", i."sku" IS NULL AS "created" FROM json_each(?) AS c LEFT JOIN "Item" AS i ON i."orgId" = ? AND i."sku" = c.value ->> 0 ' +
    `WHERE i."sku" IS NULL OR NOT (${sqliteSame} AND i."source" IS ?) ORDER BY c.key`,
  postgresql:
    'SELECT c.v ->> 0 AS "sku", i."sku" IS NULL AS "created" FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS c(v, n) ' +
    'LEFT JOIN "Item" AS i ON i."orgId" = $1 AND i."sku" = c.v ->> 0 ' +
    `WHERE i."sku" IS NULL OR ${postgresDiffers} OR i."source" IS DISTINCT FROM $3 ORDER BY c.n`,
};

const recordBySku: Record<Provider, string> = {
  // The CROSS JOIN keeps json_each outermost (see above); it yields the array in order.
  sqlite:
    'INSERT INTO "RecordChange" ("orgId", "kind", "source", "changedAt", "recordId", "key", "op") ' +
    "SELECT ?, 'item', ?, ?, i.\"id\", i.\"sku\", c.value ->> 1 FROM json_each(?) AS c CROSS JOIN \"Item\" AS i WHERE i.\"orgId\" = ? AND i.\"sku\" = c.value ->> 0 " +
    'RETURNING "recordId"',
  postgresql:
    'INSERT INTO "RecordChange" ("txid", "orgId", "kind", "source", "changedAt", "recordId", "key", "op") ' +
    "SELECT pg_current_xact_id()::text::bigint, $1::text, 'item', $2::text, $3::timestamp(3), i.\"id\", i.\"sku\", c.v ->> 1 " +
    'FROM jsonb_array_elements($4::jsonb) WITH ORDINALITY AS c(v, n) JOIN "Item" AS i ON i."orgId" = $1::text AND i."sku" = c.v ->> 0 ' +
    'ORDER BY c.n RETURNING "recordId"',
};

/**
 * Upserts `items` (item-store's set-based upsert) and records the created and updated ones in the
 * change feed, in the caller's transaction. The one call a writer of synced items makes.
 */
export async function upsertItemsRecordingChanges(
  tx: DbTx,
  provider: Provider,
  /** `seenBy`: the full sync run that read these items (item-store marks them for deletion detection). */
  batch: { orgId: string; source: string; items: MappedItem[]; seenBy?: string | null },
  now = new Date(),
): Promise<ItemUpsert> {
  const { orgId, source } = batch;
  const items = dedupeBySku(batch.items);
  const counts = { created: 0, updated: 0, deactivated: 0, deleted: 0 };
  if (items.length === 0) return { recorded: { orgId, kind: 'item', source, counts }, unchanged: 0, changedIds: [] };

  const compared = JSON.stringify(items.map((item) => [
    item.sku, item.name, item.category, item.lengthMm, item.widthMm, item.heightMm, item.weightKg, item.active, item.externalId,
    item.sourceChangedAt === null ? null : dateTimeText(provider, item.sourceChangedAt),
  ]));
  const found = await tx.$queryRawUnsafe<{ sku: string; created: unknown }[]>(changedRecords[provider], ...(provider === 'sqlite' ? [compared, orgId, source] : [orgId, compared, source]));
  const changes: [sku: string, op: 'created' | 'updated'][] = found.map((row) => [row.sku, row.created === true || Number(row.created) === 1 ? 'created' : 'updated']);
  await upsertItems(tx, provider, orgId, source, items, batch.seenBy ?? null);

  const changedIds: string[] = [];
  for (let start = 0; start < changes.length; start += 1000) {
    const args = [orgId, source, now, JSON.stringify(changes.slice(start, start + 1000))];
    // SQLite's placeholders are positional: the org id is bound a second time for the join.
    const rows = await tx.$queryRawUnsafe<{ recordId: string }[]>(recordBySku[provider], ...args, ...(provider === 'sqlite' ? [orgId] : []));
    for (const row of rows) changedIds.push(row.recordId);
  }
  for (const [, op] of changes) counts[op] += 1;
  return { recorded: { orgId, kind: 'item', source, counts }, unchanged: items.length - changes.length, changedIds };
}
