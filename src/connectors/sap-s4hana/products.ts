/**
 * Products from API_PRODUCT_SRV: the paged listing for syncs and single reads for webhooks.
 *
 * Paging (reference 1.8, SAP KBA 3626726). The client asks for slices with `$top=<pageSize>` and
 * `$skip`, as the KBA recommends, because Gateway answers a `$top` up to 5000 in one response
 * with no `__next`; within a slice, any `__next` the server sends (it cut the slice short) is
 * followed until the slice is complete. A slice with fewer rows than asked for is the last.
 * Every response is yielded as one page before the next is requested, so one page at most is
 * held in memory.
 *
 * The order is LastChangeDateTime, then Product, so it is stable. A product changed while the
 * listing runs moves to the end, and the rows after its old place move up by one, which with
 * plain offsets would skip one row at the next slice boundary. So each slice starts `overlap`
 * rows early, and rows in that overlap that were already yielded are dropped: up to `overlap`
 * changes between two slices lose nothing. A changed product can appear twice (old and new
 * state), which upserts absorb.
 */
import type { ListOptions, ListPosition, SourcePage, SourceRecord } from '../types';
import type { SapApi } from './api';
import { keyLiteral, nextPageUrl, queryString, unwrapCollection, unwrapEntity } from './odata';
import { mapProduct, PRODUCT_SELECT } from './product-mapping';

const SERVICE = '/sap/opu/odata/sap/API_PRODUCT_SRV';
const EXPAND = 'to_Description,to_ProductUnitsOfMeasure';
const WHAT = 'A_Product (API_PRODUCT_SRV)';
export const DEFAULT_PAGE_SIZE = 1000;
/** Gateway's cap per response for this service. */
export const MAX_PAGE_SIZE = 5000;
const MAX_OVERLAP = 50;

function pageSizeOf(requested: number | undefined): number {
  if (requested === undefined || !Number.isFinite(requested)) return DEFAULT_PAGE_SIZE;
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(requested)));
}

/**
 * Whole seconds, rounded down: an earlier bound only re-reads a few rows, and the literal has
 * the form every Gateway release parses. Edm.DateTimeOffset needs datetimeoffset'…' (datetime'…' is a 400).
 */
function changedSinceFilter(since: Date): string {
  return `LastChangeDateTime ge datetimeoffset'${since.toISOString().slice(0, 19)}Z'`;
}

export async function* listProducts(api: SapApi, options: ListOptions): AsyncGenerator<SourcePage> {
  const pageSize = pageSizeOf(options.pageSize);
  const overlap = Math.min(MAX_OVERLAP, Math.floor(pageSize / 10));
  const fixed: Array<[string, string]> = [
    ['$format', 'json'],
    ['$select', PRODUCT_SELECT],
    ['$expand', EXPAND],
    ['$orderby', 'LastChangeDateTime asc,Product asc'],
  ];
  if (options.changedSince) fixed.push(['$filter', changedSinceFilter(options.changedSince)]);
  const collectionUrl = `${api.tenantUrl}${SERVICE}/A_Product`;

  let total: number | undefined;
  const resumed = resumePosition(options.resumeFrom);
  // A resumed listing has its total already (the caller stored it with the first page).
  let first = resumed === undefined;
  /** Rows of the ordered listing read so far. */
  let position = resumed?.position ?? 0;
  /** Ids of the last `overlap` records yielded: what the next slice's overlap may repeat. */
  let recent: string[] = resumed?.recent ?? [];
  for (;;) {
    const skip = Math.max(0, position - overlap);
    const query: Array<[string, string]> = [...fixed];
    if (first) query.push(['$inlinecount', 'allpages']);
    query.push(['$top', String(pageSize)]);
    if (skip > 0) query.push(['$skip', String(skip)]);

    const alreadyYielded = new Set(recent);
    let overlapLeft = position - skip;
    let rowsInSlice = 0;
    let url: string | undefined = `${collectionUrl}?${queryString(query)}`;
    while (url !== undefined) {
      const page = await readPage(api, url, options.signal);
      total ??= page.count;
      rowsInSlice += page.rows;
      const records: SourceRecord[] = [];
      for (const record of page.records) {
        const inOverlap = overlapLeft > 0;
        overlapLeft--;
        if (inOverlap && alreadyYielded.has(record.externalId)) continue;
        records.push(record);
      }
      if (overlap > 0) recent = [...recent, ...records.map((r) => r.externalId)].slice(-overlap);
      // Resuming after this response starts a new slice at the rows read so far: its overlap
      // finds the same recent ids, so a resumed listing yields what an uninterrupted one would.
      const resume: ProductPosition = { position: skip + rowsInSlice, recent };
      // The first page is yielded even when empty, so the caller learns the total.
      if (records.length > 0 || first) yield total === undefined ? { records, resume } : { records, total, resume };
      first = false;
      url = page.next === undefined ? undefined : nextPageUrl(page.next, url);
    }
    position = skip + rowsInSlice;
    // Fewer rows: the listing is done. More rows: the server ignored $top and its __next chain
    // already delivered everything.
    if (rowsInSlice !== pageSize) return;
  }
}

/**
 * One response, mapped. Its parsed JSON is garbage when this returns, not held by the listing
 * while the caller stores the page: an object graph several times the size of the records, which
 * would otherwise outlive a few young-generation collections and be promoted to the old one.
 */
async function readPage(api: SapApi, url: string, signal: AbortSignal | undefined): Promise<{ records: SourceRecord[]; rows: number; count?: number; next?: string }> {
  const page = unwrapCollection(await api.get(url, WHAT, signal), WHAT);
  return { records: page.results.map((entity) => mapProduct(entity)), rows: page.results.length, count: page.count, next: page.next };
}

/** Where a product listing continues: rows of the ordered listing read, and the last ids yielded. */
interface ProductPosition extends ListPosition {
  position: number;
  recent: string[];
}

/** A stored position, or undefined (list from the start) when it is not one this listing wrote. */
function resumePosition(stored: ListPosition | undefined): ProductPosition | undefined {
  if (stored === undefined) return undefined;
  const { position, recent } = stored;
  if (typeof position !== 'number' || !Number.isInteger(position) || position < 0) return undefined;
  if (!Array.isArray(recent) || !recent.every((id) => typeof id === 'string')) return undefined;
  return { position, recent };
}

/** One product by its number, or null when SAP has none. */
export async function fetchProduct(api: SapApi, id: string, signal?: AbortSignal): Promise<SourceRecord | null> {
  const url = `${api.tenantUrl}${SERVICE}/A_Product(${keyLiteral(id)})?${queryString([['$format', 'json'], ['$expand', EXPAND]])}`;
  const body = await api.getEntity(url, `A_Product('${id}') (API_PRODUCT_SRV)`, signal);
  return body === null ? null : mapProduct(unwrapEntity(body, WHAT));
}
