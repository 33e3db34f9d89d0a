/**
 * "Test connection": a token from the token URL, then the smallest real read (one A_Product),
 * so credentials, tenant URL, network path and the communication arrangement are all checked.
 * Bounded by a deadline, never throws, and says which step failed and why.
 */
import type { ConnectionTestResult } from '../types';
import { ConnectorError } from '../types';
import type { SapApi } from './api';
import { queryString, unwrapCollection } from './odata';

const CONNECTION_TEST_DEADLINE_MS = 10_000;
const WHAT = 'A_Product (API_PRODUCT_SRV)';

export async function testConnection(api: SapApi, signal?: AbortSignal): Promise<ConnectionTestResult> {
  const deadline = AbortSignal.timeout(CONNECTION_TEST_DEADLINE_MS);
  const combined = signal ? AbortSignal.any([signal, deadline]) : deadline;
  try {
    await api.tokens.token(combined);
    const url = `${api.tenantUrl}/sap/opu/odata/sap/API_PRODUCT_SRV/A_Product?${queryString([['$top', '1'], ['$format', 'json']])}`;
    unwrapCollection(await api.get(url, WHAT, combined), WHAT);
    return { success: true, message: 'Connection successful' };
  } catch (error) {
    if (error instanceof ConnectorError) return { success: false, message: error.message };
    if (signal?.aborted) return { success: false, message: 'Connection test cancelled' };
    // Not expected: outbound failures arrive as ConnectorErrors. The message still names no secret,
    // since nothing here puts credentials into error messages.
    return { success: false, message: `Connection test failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}
