/**
 * What a sync run did to the hub's items: added, updated, unchanged, removed, failed.
 *
 * "Unchanged" needs the stored values, so each page is compared with what is stored before it is
 * upserted, in the page's transaction: one aggregate statement per page that joins the page's
 * rows (one JSON parameter, as item-store does) with the stored items by (orgId, sku), so neither
 * the stored rows nor a per-row query ever reach the process.
 */
import { dateTimeText, dedupeBySku } from '../../db/item-store';
import type { DbTx } from '../../db/job-store';
import type { Provider } from '../../db/provider-schemas';
import type { MappedItem } from '../mapping/map-item';

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

export type PageCounts = Pick<RunCounts, 'added' | 'updated' | 'unchanged'>;

/** Values compared, in this order in each JSON row (the columns a sync writes, besides source). */
const compared = ['name', 'category', 'lengthMm', 'widthMm', 'heightMm', 'weightKg', 'active', 'externalId', 'sourceChangedAt'] as const;
const postgresCast: Record<(typeof compared)[number], string> = {
  name: '', category: '', externalId: '',
  lengthMm: '::double precision', widthMm: '::double precision', heightMm: '::double precision', weightKg: '::double precision',
  active: '::boolean',
  sourceChangedAt: '::timestamptz AT TIME ZONE \'UTC\'',
};

// Row i of the JSON: [sku, ...compared]. `IS` (SQLite) and `IS NOT DISTINCT FROM` (PostgreSQL)
// treat two NULLs as equal. An item stored from another connector counts as updated.
const statements: Record<Provider, string> = {
  sqlite:
    'SELECT COUNT(*) AS total, COUNT(i."id") AS existing, ' +
    `COALESCE(SUM(CASE WHEN i."source" IS ? AND ${compared.map((c, n) => `i."${c}" IS (r.value ->> ${n + 1})`).join(' AND ')} THEN 1 ELSE 0 END), 0) AS unchanged ` +
    'FROM json_each(?) AS r LEFT JOIN "Item" AS i ON i."orgId" = ? AND i."sku" = (r.value ->> 0)',
  postgresql:
    'SELECT COUNT(*)::int AS total, COUNT(i."id")::int AS existing, ' +
    `COUNT(*) FILTER (WHERE i."source" IS NOT DISTINCT FROM $1::text AND ${compared.map((c, n) => `i."${c}" IS NOT DISTINCT FROM ((r ->> ${n + 1})${postgresCast[c]})`).join(' AND ')})::int AS unchanged ` +
    'FROM jsonb_array_elements($2::jsonb) AS r LEFT JOIN "Item" AS i ON i."orgId" = $3::text AND i."sku" = (r ->> 0)',
};

/** How a page's items compare with the stored ones; call it before the page is upserted. */
export async function comparePage(tx: DbTx, provider: Provider, orgId: string, source: string, items: MappedItem[]): Promise<PageCounts> {
  if (items.length === 0) return { added: 0, updated: 0, unchanged: 0 };
  const rows = dedupeBySku(items).map((item) => [
    item.sku, item.name, item.category, item.lengthMm, item.widthMm, item.heightMm, item.weightKg, item.active, item.externalId,
    item.sourceChangedAt === null ? null : dateTimeText(provider, item.sourceChangedAt),
  ]);
  const [row] = await tx.$queryRawUnsafe<{ total: number | bigint; existing: number | bigint; unchanged: number | bigint }[]>(
    statements[provider], source, JSON.stringify(rows), orgId,
  );
  const total = Number(row?.total ?? 0);
  const existing = Number(row?.existing ?? 0);
  const unchanged = Number(row?.unchanged ?? 0);
  return { added: total - existing, updated: existing - unchanged, unchanged };
}
