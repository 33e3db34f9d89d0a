/**
 * "Test connection": a token from the token URL, then the smallest real read (one A_Product),
 * so credentials, tenant URL, network path and the communication arrangement are all checked.
 * Bounded by a deadline, never throws, and says which step failed and why (../shared/connection-test.ts).
 */
import { runConnectionTest } from '../shared/connection-test';
import type { ConnectionTestResult } from '../types';
import type { SapApi } from './api';
import { queryString, unwrapCollection } from './odata';

const WHAT = 'A_Product (API_PRODUCT_SRV)';

export function testConnection(api: SapApi, signal?: AbortSignal): Promise<ConnectionTestResult> {
  return runConnectionTest(async (combined) => {
    await api.tokens.token(combined);
    const url = `${api.tenantUrl}/sap/opu/odata/sap/API_PRODUCT_SRV/A_Product?${queryString([['$top', '1'], ['$format', 'json']])}`;
    unwrapCollection(await api.get(url, WHAT, combined), WHAT);
  }, signal);
}
