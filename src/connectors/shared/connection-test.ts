/**
 * The frame of every connector's "test connection": a deadline, and an answer that never throws
 * and always explains. Connector failures carry user-facing messages; anything else is reported
 * by its message, which names no secret since nothing puts credentials into error messages.
 */
import { ConnectorError, type ConnectionTestResult } from '../types';

/**
 * Every step of a test (token, first read, their retries) within this: the step that runs out of
 * time is named in the answer. The hub bounds the whole call again, a little later (15 s), for a
 * connector that does not keep to this (src/domain/connection-test.ts).
 */
const CONNECTION_TEST_DEADLINE_MS = 10_000;

/** Runs `check` (which throws ConnectorErrors) within the deadline and turns the outcome into a result. */
export async function runConnectionTest(check: (signal: AbortSignal) => Promise<void>, signal?: AbortSignal): Promise<ConnectionTestResult> {
  const deadline = AbortSignal.timeout(CONNECTION_TEST_DEADLINE_MS);
  const combined = signal ? AbortSignal.any([signal, deadline]) : deadline;
  try {
    await check(combined);
    return { success: true, message: 'Connection successful' };
  } catch (error) {
    if (error instanceof ConnectorError) return { success: false, message: error.message };
    if (signal?.aborted) return { success: false, message: 'Connection test cancelled' };
    return { success: false, message: `Connection test failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}
