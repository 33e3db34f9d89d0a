/**
 * "Test connection": the smallest real read, the first page of the items listing with a page
 * size of one, so the base URL, the network path, TLS, the credentials (and for OAuth2 the token
 * endpoint) and settings.items.path / resultsPath are all checked at once. Bounded by a
 * deadline, never throws, and the message says which of those failed (../shared/connection-test.ts).
 */
import { runConnectionTest } from '../shared/connection-test';
import type { ConnectionTestResult } from '../types';
import type { JsonApi } from './api';
import { firstPageUrl, LIST_HINT, resultsOf } from './items';
import type { GenericSettings } from './settings';

export function testConnection(api: JsonApi, settings: GenericSettings, signal?: AbortSignal): Promise<ConnectionTestResult> {
  return runConnectionTest(async (combined) => {
    const url = firstPageUrl(api, settings, 1);
    const { body } = await api.get(url, LIST_HINT, combined);
    resultsOf(body, settings.items.resultsPath, `GET ${new URL(url).pathname}`);
  }, signal);
}
