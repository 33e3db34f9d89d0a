/**
 * The paging styles of settings.items.paging, each as "the first request" and "the request after
 * this answer". The listing loop (items.ts) is the same for all of them.
 *
 * - none: one request, the whole list.
 * - page: `?page=1&pageSize=100`, then 2, 3, … (page numbers survive a server that caps the size).
 * - offset: `?offset=0&limit=100`, advancing by the records actually received, for the same reason.
 * - cursor: `?limit=100`, then `?cursor=<nextCursorPath of the body>` until the body has none.
 * - link: `?per_page=100`, then whatever the `Link: <…>; rel="next"` header names.
 */
import { ConnectorError } from '../types';
import type { JsonAnswer, JsonApi, Query } from './api';
import { idText, valueAt } from './json-path';
import { nextLink } from './link-header';
import type { ItemSettings } from './settings';

export interface PagingPlan {
  firstUrl: string;
  /** The next page's URL after `answer`, or undefined when the listing is complete. */
  nextUrl(answer: JsonAnswer, requestUrl: string, records: number): string | undefined;
}

export function pagingPlan(api: JsonApi, items: ItemSettings, pageSize: number, filter: Query): PagingPlan {
  const paging = items.paging;
  const at = (query: Query) => api.url(items.path, [...filter, ...query]);
  switch (paging.style) {
    case 'none':
      return { firstUrl: at([]), nextUrl: () => undefined };
    case 'page': {
      let page = paging.firstPage;
      const url = () => at([[paging.pageParam, String(page)], [paging.sizeParam, String(pageSize)]]);
      return {
        firstUrl: url(),
        nextUrl: () => {
          page += 1;
          return url();
        },
      };
    }
    case 'offset': {
      let offset = 0;
      const url = () => at([[paging.offsetParam, String(offset)], [paging.limitParam, String(pageSize)]]);
      return {
        firstUrl: url(),
        nextUrl: (_answer, _url, records) => {
          offset += records;
          return url();
        },
      };
    }
    case 'cursor': {
      const size: [string, string] = [paging.sizeParam, String(pageSize)];
      return {
        firstUrl: at([size]),
        nextUrl: ({ body }) => {
          const cursor = idText(valueAt(body, paging.nextCursorPath));
          return cursor === undefined ? undefined : at([size, [paging.cursorParam, cursor]]);
        },
      };
    }
    case 'link':
      return {
        firstUrl: at([[paging.sizeParam, String(pageSize)]]),
        nextUrl: ({ response }, requestUrl) => {
          const next = nextLink(response.headers.get('link'), requestUrl);
          // The credentials go only to the configured API: a link to another host is not followed.
          if (next !== undefined && new URL(next).origin !== new URL(api.baseUrl).origin) {
            throw new ConnectorError(`the API's Link rel="next" points to another host (${new URL(next).origin}); credentials are only sent to the tenant URL`, 'protocol');
          }
          return next;
        },
      };
  }
}
