/**
 * Upserting items and recording what actually changed, for the sync's pages and the webhook
 * transfers alike. A full sync re-reads records that did not change: storing them again is what
 * the sync always did (item-store.ts, unchanged here), but they are no change for the feed, or a
 * nightly full sync of 100k products would hand consumers 100k "updates" of nothing.
 *
 * Three set-based statements per batch besides the upsert: read the stored versions of the
 * batch's SKUs, compare in memory, and record the created and updated ones with one
 * INSERT … SELECT that takes each record's id from the Item row the upsert left (so an id is right
 * even when another transaction created the row between the read and the upsert).
 */
import type { DbTx } from '../../db/job-store';
import { upsertItems } from '../../db/item-store';
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

/** The columns a sync writes that make a difference to a consumer. */
const compared = ['name', 'category', 'lengthMm', 'widthMm', 'heightMm', 'weightKg', 'active', 'externalId', 'sourceChangedAt', 'source'] as const;

/**
 * Both statements walk the batch and look each SKU up in the (orgId, sku) index. On SQLite the
 * CROSS JOIN fixes that order: its planner knows nothing of json_each's size and may otherwise
 * scan every item of the organization for each element, which made a 100k sync quadratic.
 */
const columns = compared.map((c) => `i."${c}"`).join(', ');
const storedVersions: Record<Provider, string> = {
  sqlite: `SELECT i."sku", ${columns} FROM json_each(?) AS c CROSS JOIN "Item" AS i WHERE i."orgId" = ? AND i."sku" = c.value`,
  postgresql: `SELECT i."sku", ${columns} FROM jsonb_array_elements_text($2::jsonb) AS c(sku) JOIN "Item" AS i ON i."orgId" = $1 AND i."sku" = c.sku`,
};

const recordBySku: Record<Provider, string> = {
  sqlite:
    'INSERT INTO "RecordChange" ("orgId", "kind", "source", "changedAt", "recordId", "key", "op") ' +
    "SELECT ?, 'item', ?, ?, i.\"id\", i.\"sku\", c.value ->> 1 FROM json_each(?) AS c CROSS JOIN \"Item\" AS i WHERE i.\"orgId\" = ? AND i.\"sku\" = c.value ->> 0 " +
    'ORDER BY c.key RETURNING "recordId"',
  postgresql:
    'INSERT INTO "RecordChange" ("txid", "orgId", "kind", "source", "changedAt", "recordId", "key", "op") ' +
    "SELECT pg_current_xact_id()::text::bigint, $1::text, 'item', $2::text, $3::timestamp(3), i.\"id\", i.\"sku\", c.v ->> 1 " +
    'FROM jsonb_array_elements($4::jsonb) WITH ORDINALITY AS c(v, n) JOIN "Item" AS i ON i."orgId" = $1::text AND i."sku" = c.v ->> 0 ' +
    'ORDER BY c.n RETURNING "recordId"',
};

type StoredRow = Record<(typeof compared)[number], unknown> & { sku: string };

/**
 * Upserts `items` (item-store's set-based upsert) and records the created and updated ones in the
 * change feed, in the caller's transaction. The one call a writer of synced items makes.
 */
export async function upsertItemsRecordingChanges(
  tx: DbTx,
  provider: Provider,
  batch: { orgId: string; source: string; items: MappedItem[] },
  now = new Date(),
): Promise<ItemUpsert> {
  const { orgId, source } = batch;
  // One statement may not touch a row twice (item-store dedupes the same way): the later record wins.
  const items = [...new Map(batch.items.map((item) => [item.sku, item])).values()];
  const counts = { created: 0, updated: 0, deactivated: 0, deleted: 0 };
  if (items.length === 0) return { recorded: { orgId, kind: 'item', source, counts }, unchanged: 0, changedIds: [] };

  const stored = new Map(
    (await tx.$queryRawUnsafe<StoredRow[]>(storedVersions[provider], ...storedArgs(provider, orgId, JSON.stringify(items.map((item) => item.sku))))).map((row) => [row.sku, row]),
  );
  const changes: [sku: string, op: 'created' | 'updated'][] = [];
  for (const item of items) {
    const before = stored.get(item.sku);
    if (!before) changes.push([item.sku, 'created']);
    else if (differs(before, item, source)) changes.push([item.sku, 'updated']);
  }
  await upsertItems(tx, provider, orgId, source, items);

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

/** SQLite binds in order of appearance (the batch first); PostgreSQL by number. */
function storedArgs(provider: Provider, orgId: string, skus: string): unknown[] {
  return provider === 'sqlite' ? [skus, orgId] : [orgId, skus];
}

function differs(before: StoredRow, item: MappedItem, source: string): boolean {
  const after: StoredRow = { ...item, source };
  return compared.some((column) => !sameValue(before[column], after[column]));
}

/** Values as the drivers return them (SQLite: 1/0 booleans, ISO text dates) against mapped values. */
function sameValue(stored: unknown, mapped: unknown): boolean {
  if (stored === null || stored === undefined || mapped === null || mapped === undefined) return (stored ?? null) === (mapped ?? null);
  if (typeof mapped === 'boolean') return (stored === true || stored === 1 || stored === 1n) === mapped;
  if (mapped instanceof Date) return new Date(stored as string | Date).getTime() === mapped.getTime();
  if (typeof mapped === 'number') return Number(stored) === mapped;
  return stored === mapped;
}
