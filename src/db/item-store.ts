/**
 * Set-based upsert of synced items by (orgId, sku): one INSERT … SELECT … ON CONFLICT per chunk
 * of up to 1000 rows, the rows bound as ONE JSON parameter that the database unpacks
 * (SQLite `json_each`, PostgreSQL `jsonb_array_elements`: measured faster than `json_array_elements`,
 * `json_to_recordset` and a multi-row VALUES).
 *
 * Why one JSON parameter and not a placeholder per value (`insertRows`): a 500-row chunk bound
 * 7,500 values, and Prisma handles every bound value as an object (argument type, conversion,
 * serialization), which made the statement cost more than the database's own work. Prisma also
 * keeps the arguments of its last 100 debug() calls in memory even with DEBUG off, so each of
 * those statements stayed reachable long after it ran (about 40 MB of live heap in a sync). One
 * string per chunk costs one argument, a statement text that is prepared the same every time, and
 * a few hundred KB in that history.
 */
import type { MappedItem } from '../domain/mapping/map-item';
import { newId } from '../lib/ids';
import type { DbTx } from './job-store';
import type { Provider } from './provider-schemas';

/** Columns taken from each row of the JSON array, in this order. */
const perRow = [
  'id', 'sku', 'name', 'category', 'lengthMm', 'widthMm', 'heightMm', 'weightKg', 'active', 'externalId', 'sourceChangedAt',
] as const;
/** How PostgreSQL reads each per-row value from its JSON text (SQLite stores what JSON gives it). */
const postgresCast: Record<(typeof perRow)[number], string> = {
  id: '', sku: '', name: '', category: '', externalId: '',
  lengthMm: '::double precision', widthMm: '::double precision', heightMm: '::double precision', weightKg: '::double precision',
  active: '::boolean',
  sourceChangedAt: '::timestamptz AT TIME ZONE \'UTC\'',
};
/** Columns a later sync overwrites; id, orgId, sku and createdAt stay as first written. */
const updated = ['name', 'category', 'lengthMm', 'widthMm', 'heightMm', 'weightKg', 'active', 'source', 'externalId', 'sourceChangedAt', 'updatedAt'];
const columnList = [...perRow, 'orgId', 'source', 'createdAt', 'updatedAt', 'lastSeenRunId'].map((c) => `"${c}"`).join(', ');
// A write without a run (a webhook transfer, an incremental run) keeps the full run's mark.
const onConflict = `ON CONFLICT ("orgId", "sku") DO UPDATE SET ${updated.map((c) => `"${c}" = excluded."${c}"`).join(', ')}, "lastSeenRunId" = COALESCE(excluded."lastSeenRunId", "Item"."lastSeenRunId")`;

/** The statement text per provider; the same for every chunk, so the database prepares it cheaply. */
const statements: Record<Provider, string> = {
  // `->>` gives SQL values: text, REAL, INTEGER 1/0 for true/false, NULL. `WHERE true` is SQLite's
  // documented way to let an INSERT … SELECT take an ON CONFLICT clause.
  sqlite:
    `INSERT INTO "Item" (${columnList}) ` +
    `SELECT ${perRow.map((_, i) => `value ->> ${i}`).join(', ')}, ?, ?, ?, ?, ? FROM json_each(?) WHERE true ${onConflict}`,
  postgresql:
    `INSERT INTO "Item" (${columnList}) ` +
    `SELECT ${perRow.map((column, i) => `((r ->> ${i})${postgresCast[column]})`).join(', ')}, $1::text, $2::text, $3::timestamp(3), $4::timestamp(3), $5::text FROM jsonb_array_elements($6::jsonb) AS r ${onConflict}`,
};

/** Rows per statement: bounds the size of one JSON parameter (about 200 bytes a row). */
const rowsPerStatement = 1000;

/** `seenBy`: the full sync run reading these items (deletion detection looks for the ones it did not read). */
export async function upsertItems(db: DbTx, provider: Provider, orgId: string, source: string, items: MappedItem[], seenBy: string | null = null): Promise<void> {
  const now = new Date();
  for (let start = 0; start < items.length; start += rowsPerStatement) {
    const rows = dedupeBySku(items.slice(start, start + rowsPerStatement)).map((item) => [
      newId('itm'), item.sku, item.name, item.category, item.lengthMm, item.widthMm, item.heightMm, item.weightKg, item.active, item.externalId,
      item.sourceChangedAt === null ? null : dateTimeText(provider, item.sourceChangedAt),
    ]);
    await db.$executeRawUnsafe(statements[provider], orgId, source, now, now, seenBy, JSON.stringify(rows));
  }
}

/**
 * A DateTime inside the JSON, stored exactly as Prisma stores a bound Date: the SQLite adapter
 * writes ISO 8601 with `+00:00` (its default timestampFormat, which connection.ts keeps);
 * PostgreSQL reads the UTC instant and stores it in the `timestamp(3)` column as UTC.
 */
export function dateTimeText(provider: Provider, date: Date): string {
  const iso = date.toISOString();
  return provider === 'sqlite' ? `${iso.slice(0, -1)}+00:00` : iso;
}

/** One statement may not touch a row twice (PostgreSQL refuses); the later record wins. */
export function dedupeBySku(items: MappedItem[]): MappedItem[] {
  return [...new Map(items.map((item) => [item.sku, item])).values()];
}
