// The paging styles the simulated API can speak (one at a time, the simulator's `paging`), with
// the parameter names the connector's settings default to:
//   none    all rows in one answer
//   page    ?page=1&pageSize=50           (1-based; meta.page, meta.pageSize, meta.total)
//   offset  ?offset=0&limit=50            (meta.offset, meta.limit, meta.total)
//   cursor  ?limit=50[&cursor=…]          (meta.nextCursor, null on the last page)
//   link    ?per_page=50[&page=2]         (RFC 8288 Link header with rel="next", "prev", "first", "last")
// Page sizes above `maxPageSize` are capped, as real APIs do.

export type PagingStyle = 'none' | 'page' | 'offset' | 'cursor' | 'link';

export interface PageAnswer {
  body: { data: unknown[]; meta?: Record<string, unknown> };
  headers: Record<string, string>;
}

export class BadRequest extends Error {}

function count(query: URLSearchParams, name: string, fallback: number, min: number): number {
  const raw = query.get(name);
  if (raw === null) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new BadRequest(`query parameter ${name} must be an integer >= ${min}, got "${raw}"`);
  return n;
}

function cursorOf(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

function offsetOf(cursor: string): number {
  try {
    const { o } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o?: unknown };
    if (typeof o === 'number' && Number.isInteger(o) && o >= 0) return o;
  } catch {
    // fall through
  }
  throw new BadRequest('invalid cursor');
}

/**
 * One page of `rows` for the request. `loop` makes the server misbehave as a looping API does:
 * every request gets the first page, with the same cursor or next link.
 */
export function pageOf(style: PagingStyle, rows: readonly unknown[], query: URLSearchParams, requestUrl: URL, maxPageSize: number, loop: boolean): PageAnswer {
  const total = rows.length;
  const size = (name: string) => Math.min(count(query, name, maxPageSize, 1), maxPageSize);
  switch (style) {
    case 'none':
      return { body: { data: [...rows] }, headers: {} };
    case 'page': {
      const pageSize = size('pageSize');
      const page = loop ? 1 : count(query, 'page', 1, 1);
      return { body: { data: rows.slice((page - 1) * pageSize, page * pageSize), meta: { page, pageSize, total } }, headers: {} };
    }
    case 'offset': {
      const limit = size('limit');
      const offset = loop ? 0 : count(query, 'offset', 0, 0);
      return { body: { data: rows.slice(offset, offset + limit), meta: { offset, limit, total } }, headers: {} };
    }
    case 'cursor': {
      const limit = size('limit');
      const cursor = query.get('cursor');
      const offset = loop || cursor === null ? 0 : offsetOf(cursor);
      const end = offset + limit;
      return { body: { data: rows.slice(offset, end), meta: { nextCursor: end < total ? cursorOf(loop ? limit : end) : null } }, headers: {} };
    }
    case 'link': {
      const perPage = size('per_page');
      const page = loop ? 1 : count(query, 'page', 1, 1);
      const last = Math.max(1, Math.ceil(total / perPage));
      const link = (n: number, rel: string) => {
        const url = new URL(requestUrl);
        url.searchParams.set('page', String(n));
        url.searchParams.set('per_page', String(perPage));
        return `<${url}>; rel="${rel}"`;
      };
      const links = [link(1, 'first'), ...(page > 1 ? [link(page - 1, 'prev')] : []), ...(page < last ? [link(loop ? 2 : page + 1, 'next')] : []), link(last, 'last')];
      return { body: { data: rows.slice((page - 1) * perPage, page * perPage) }, headers: { link: links.join(', ') } };
    }
  }
}
