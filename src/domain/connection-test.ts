/**
 * The hub's bound on a connection test. A connector bounds its own test (the connectors' shared
 * frame: 10 s for all of its steps, retries included, with a message naming the step that ran out
 * of time); this bound is the hub's guarantee on top of it, for a connector that does not keep to
 * its deadline or ignores its signal: the caller gets an answer when it fires, and the
 * connector's signal is aborted so that a well-behaved remainder stops.
 */
import type { ConnectionTestResult, ConnectorClient } from '../connectors/types';
import type { Logger } from '../lib/logger';

export async function testWithin(client: ConnectorClient, ms: number, logger: Logger): Promise<ConnectionTestResult> {
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<ConnectionTestResult>((resolve) => {
    timer = setTimeout(() => {
      abort.abort(new Error(`the connection test did not finish within ${ms} ms`));
      logger.warn({ boundMs: ms }, 'connection test overran its connector deadline; answered without it');
      resolve({ success: false, message: `Connection test did not finish within ${formatSeconds(ms)}: the connector did not stop at its own deadline` });
    }, ms);
  });
  const test = client.testConnection(abort.signal).catch((error: unknown): ConnectionTestResult => {
    // The interface says testConnection never throws; one that does is a connector bug, shown as such.
    logger.error({ err: error }, 'connection test threw');
    return { success: false, message: 'Connection test failed: internal error in the connector; see the hub log' };
  });
  try {
    return await Promise.race([test, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
