/**
 * Set-based upsert of synced items by (orgId, sku). Prisma has no multi-row upsert, and one
 * statement per row is two orders of magnitude slower than one INSERT … ON CONFLICT per chunk;
 * both SQLite and PostgreSQL accept the same statement, only the placeholders differ.
 */
import type { MappedItem } from '../domain/mapping/map-item';
import { newId } from '../lib/ids';
import type { DbTx } from './job-store';
import type { Provider } from './provider-schemas';
import { insertRows } from './sql';

const columns = [
  'id', 'orgId', 'sku', 'name', 'category', 'lengthMm', 'widthMm', 'heightMm', 'weightKg',
  'active', 'source', 'externalId', 'sourceChangedAt', 'createdAt', 'updatedAt',
] as const;
/** Columns a later sync overwrites; id, orgId, sku and createdAt stay as first written. */
const updated = columns.filter((column) => !['id', 'orgId', 'sku', 'createdAt'].includes(column));
/** Rows per statement: large enough to amortize the round trip, small enough to stay under MAX_PARAMS. */
const rowsPerStatement = 500;

export async function upsertItems(db: DbTx, provider: Provider, orgId: string, source: string, items: MappedItem[]): Promise<void> {
  const now = new Date();
  for (let start = 0; start < items.length; start += rowsPerStatement) {
    const rows = dedupeBySku(items.slice(start, start + rowsPerStatement)).map((item) => [
      newId('itm'), orgId, item.sku, item.name, item.category, item.lengthMm, item.widthMm, item.heightMm, item.weightKg,
      item.active, source, item.externalId, item.sourceChangedAt, now, now,
    ]);
    const onConflict = `ON CONFLICT ("orgId", "sku") DO UPDATE SET ${updated.map((c) => `"${c}" = excluded."${c}"`).join(', ')}`;
    const { sql, params } = insertRows(provider, 'Item', columns, rows, onConflict);
    await db.$executeRawUnsafe(sql, ...params);
  }
}

/** One statement may not touch a row twice (PostgreSQL refuses); the later record wins. */
function dedupeBySku(items: MappedItem[]): MappedItem[] {
  return [...new Map(items.map((item) => [item.sku, item])).values()];
}
