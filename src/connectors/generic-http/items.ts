/**
 * Items: the paged listing for syncs and single reads for webhooks.
 *
 * The listing yields every page before it asks for the next, so one page at most is in memory.
 * It stops at an empty page or when the style says there is no next page. A server that loops
 * (ignores the page parameter, hands out the same cursor or link again) would otherwise keep a
 * sync running forever, so a repeated cursor or link, a page identical to the one before, or an
 * absurd number of pages ends the run with a message saying so.
 */
import { createHash } from 'node:crypto';
import { ConnectorError, type ListOptions, type SourcePage, type SourceRecord } from '../types';
import type { JsonAnswer, JsonApi, Query } from './api';
import { describeShape, valueAt } from './json-path';
import { pagingPlan } from './paging';
import { expectObject, itemRecord } from './records';
import type { GenericSettings } from './settings';

export const DEFAULT_PAGE_SIZE = 100;
/** No real catalog has this many pages; a server that gets here is looping. */
const MAX_PAGES = 100_000;
export const LIST_HINT = 'check the tenant URL (the API base URL) and settings.items.path';

/** The array of records in a listing answer, or a protocol error naming resultsPath. */
export function resultsOf(body: unknown, resultsPath: string, what: string): unknown[] {
  const list = valueAt(body, resultsPath);
  if (Array.isArray(list)) return list;
  const where = resultsPath === '' ? 'is not an array (settings.items.resultsPath is "", so the body itself should be the list)' : `has no array at "${resultsPath}" (settings.items.resultsPath)`;
  throw new ConnectorError(`the API's answer to ${what} ${where}; ${describeShape(body)}`, 'protocol');
}

/** The page's records, and a fingerprint of them to recognize the same page sent again. */
function pageRecords(answer: JsonAnswer, url: string, settings: GenericSettings): { records: SourceRecord[]; fingerprint: string } {
  const what = `GET ${new URL(url).pathname}`;
  const list = resultsOf(answer.body, settings.items.resultsPath, what);
  const records = list.map((raw, index) => itemRecord(expectObject(raw, `${what}, record ${index}`, 'settings.items.resultsPath'), settings));
  return { records, fingerprint: createHash('sha256').update(JSON.stringify(list)).digest('base64') };
}

function changedSinceQuery(settings: GenericSettings, since: Date | undefined): Query {
  const param = settings.items.changedSinceParam;
  // Without a parameter the API cannot filter: an incremental sync reads everything, which is
  // slower but never misses a change.
  return param !== undefined && since !== undefined ? [[param, since.toISOString()]] : [];
}

/** The first page's URL with `pageSize` records: the connection test asks for one. */
export function firstPageUrl(api: JsonApi, settings: GenericSettings, pageSize: number): string {
  return pagingPlan(api, settings.items, pageSize, []).firstUrl;
}

export async function* listItems(api: JsonApi, settings: GenericSettings, options: ListOptions): AsyncGenerator<SourcePage> {
  const paging = settings.items.paging;
  const pageSize = ('pageSize' in paging ? paging.pageSize : undefined) ?? options.pageSize ?? DEFAULT_PAGE_SIZE;
  const plan = pagingPlan(api, settings.items, pageSize, changedSinceQuery(settings, options.changedSince));
  const seenUrls = new Set<string>();
  let previous: string | undefined;
  let url: string | undefined = plan.firstUrl;
  for (let pages = 0; url !== undefined; pages++) {
    if (pages >= MAX_PAGES) throw new ConnectorError(`the API returned more than ${MAX_PAGES} pages for ${settings.items.path}; stopping (is its paging looping?)`, 'protocol');
    if (seenUrls.has(url)) {
      throw new ConnectorError(`the API sent the same next page twice (${new URL(url).pathname}${new URL(url).search}): its paging loops; check settings.items.paging`, 'protocol');
    }
    seenUrls.add(url);
    const answer = await api.get(url, LIST_HINT, options.signal);
    const { records, fingerprint } = pageRecords(answer, url, settings);
    if (records.length === 0) return;
    if (fingerprint === previous) {
      throw new ConnectorError(`the API answered page ${pages + 1} with the same records as page ${pages}: it seems to ignore the paging parameters; check settings.items.paging`, 'protocol');
    }
    previous = fingerprint;
    yield { records };
    url = plan.nextUrl(answer, url, records.length);
  }
}

/** One item by its id, or null when the API answers 404. */
export async function fetchItem(api: JsonApi, settings: GenericSettings, id: string, signal?: AbortSignal): Promise<SourceRecord | null> {
  const { itemPath, itemResultPath } = settings.items;
  const url = api.url(itemPath, [], id);
  const body = await api.getRecord(url, 'check settings.items.itemPath', signal);
  if (body === null) return null;
  const record = itemRecord(expectObject(valueAt(body, itemResultPath), `GET ${new URL(url).pathname}`, 'settings.items.itemResultPath'), settings);
  // The id asked for is the record's id, even when the record does not repeat it.
  return { ...record, externalId: record.externalId || id };
}
