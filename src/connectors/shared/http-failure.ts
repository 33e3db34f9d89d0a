/**
 * Network-level failures (no HTTP answer) as ConnectorErrors. The connector contract has no
 * 'blocked' kind: a refused private target counts as unreachable, and its message says why; it
 * is a configuration failure, since the guard will refuse it every time.
 */
import { OutboundError, type OutboundErrorKind } from '../../lib/http/errors';
import { ConnectorError } from '../types';

const KINDS: Record<OutboundErrorKind, ConnectorError['kind']> = {
  timeout: 'timeout',
  unreachable: 'unreachable',
  tls: 'tls',
  blocked: 'unreachable',
  invalid: 'protocol',
};

/**
 * Rethrows `error` as a ConnectorError prefixed with `where` ("SAP token endpoint", "API").
 * Anything else (the caller's abort reason, a bug) is rethrown untouched.
 */
export function rethrowAsConnectorError(error: unknown, where: string): never {
  if (error instanceof OutboundError) {
    throw new ConnectorError(`${where}: ${error.message}`, KINDS[error.kind], undefined, error.kind === 'blocked' ? 'configuration' : undefined);
  }
  throw error;
}
