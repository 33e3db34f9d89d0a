/**
 * Set-based upsert of synced items by (orgId, sku). Prisma has no multi-row upsert, and one
 * statement per row is two orders of magnitude slower than one INSERT … ON CONFLICT per chunk;
 * both SQLite and PostgreSQL accept the same statement, only the placeholders differ.
 */
import type { MappedItem } from '../domain/sync/map-item';
import { newId } from '../lib/ids';
import type { Db } from './connection';
import type { Provider } from './provider-schemas';

const columns = [
  'id', 'orgId', 'sku', 'name', 'category', 'lengthMm', 'widthMm', 'heightMm', 'weightKg',
  'active', 'source', 'externalId', 'sourceChangedAt', 'createdAt', 'updatedAt',
] as const;
/** Columns a later sync overwrites; id, orgId, sku and createdAt stay as first written. */
const updated = columns.filter((column) => !['id', 'orgId', 'sku', 'createdAt'].includes(column));
/** Stays well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters per statement. */
const rowsPerStatement = 500;

export async function upsertItems(db: Db, provider: Provider, orgId: string, source: string, items: MappedItem[]): Promise<void> {
  const now = new Date();
  for (let start = 0; start < items.length; start += rowsPerStatement) {
    const chunk = dedupeBySku(items.slice(start, start + rowsPerStatement));
    const params: unknown[] = [];
    const rows = chunk.map((item) => {
      const values = [newId('itm'), orgId, item.sku, item.name, item.category, item.lengthMm, item.widthMm, item.heightMm, item.weightKg,
        item.active, source, item.externalId, item.sourceChangedAt, now, now];
      const placeholders = values.map((value) => {
        params.push(value);
        return provider === 'postgresql' ? `$${params.length}` : '?';
      });
      return `(${placeholders.join(', ')})`;
    });
    const sql =
      `INSERT INTO "Item" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${rows.join(', ')} ` +
      `ON CONFLICT ("orgId", "sku") DO UPDATE SET ${updated.map((c) => `"${c}" = excluded."${c}"`).join(', ')}`;
    await db.$executeRawUnsafe(sql, ...params);
  }
}

/** One statement may not touch a row twice (PostgreSQL refuses); the later record wins. */
function dedupeBySku(items: MappedItem[]): MappedItem[] {
  return [...new Map(items.map((item) => [item.sku, item])).values()];
}
