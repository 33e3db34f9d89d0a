// Server-driven paging as SAP KBA 3626726 describes it for API_PRODUCT_SRV (reference section 1.8):
// - no $top: pages of 100 rows, with `__next` while rows remain;
// - $top <= 5000: exactly that many rows (from $skip), no `__next`: the client asked for a slice;
// - $top > 5000: 5000 rows, and `__next` carries on until $top rows were delivered in total.
// `$skiptoken` is the absolute row offset of the next page; it wins over $skip.

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 5000;

export interface PageRequest {
  top?: number;
  skip: number;
  skiptoken?: number;
}

export interface PagePlan {
  start: number;
  end: number;
  /** Present when the response needs a `__next` link. */
  next?: { skiptoken: number; top?: number };
}

export function planPage(total: number, request: PageRequest): PagePlan {
  const start = Math.min(request.skiptoken ?? request.skip, total);
  const wanted = request.top ?? Number.POSITIVE_INFINITY;
  const size = Math.min(wanted, request.top === undefined ? DEFAULT_PAGE_SIZE : MAX_PAGE_SIZE);
  const end = Math.min(total, start + size);
  const stillWanted = wanted - (end - start);
  if (end >= total || stillWanted <= 0) return { start, end };
  return { start, end, next: { skiptoken: end, top: request.top === undefined ? undefined : stillWanted } };
}

/** The `__next` URL: the same request with $skip dropped, $top reduced and $skiptoken set. */
export function nextLink(base: string, params: URLSearchParams, next: NonNullable<PagePlan['next']>): string {
  const parts: string[] = [];
  for (const [key, value] of params) {
    if (key === '$skip' || key === '$skiptoken' || key === '$top') continue;
    parts.push(`${encodeURIComponent(key).replace(/^%24/, '$')}=${encodeURIComponent(value)}`);
  }
  if (next.top !== undefined) parts.push(`$top=${next.top}`);
  parts.push(`$skiptoken=${next.skiptoken}`);
  return `${base}?${parts.join('&')}`;
}
