/**
 * Failures of outbound HTTP calls, classified so callers can tell the user what is wrong
 * (a wrong host, a certificate problem, a slow system, a refused private address) and decide
 * whether to retry. Messages name the target's origin, never request headers or bodies.
 */

export type OutboundErrorKind =
  /** The attempt took longer than its timeout (or the caller's deadline). */
  | 'timeout'
  /** DNS failure, connection refused or reset, network unreachable. */
  | 'unreachable'
  /** Certificate or TLS handshake failure. */
  | 'tls'
  /** Refused before connecting: private address, or a scheme other than http(s). */
  | 'blocked'
  /** The request itself is malformed (not a URL, an invalid header value). */
  | 'invalid';

export class OutboundError extends Error {
  constructor(
    readonly kind: OutboundErrorKind,
    message: string,
    /** The system error code behind it (ECONNREFUSED, CERT_HAS_EXPIRED, ...), when there is one. */
    readonly code?: string,
  ) {
    super(message);
    this.name = 'OutboundError';
  }
}

/** A target refused by the SSRF guard; raised before any byte is sent to it. */
export class OutboundBlockedError extends OutboundError {
  constructor(message: string) {
    super('blocked', message);
    this.name = 'OutboundBlockedError';
  }
}

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_CRL',
  'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
  'UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY',
  'INVALID_CA',
  'PATH_LENGTH_EXCEEDED',
  'INVALID_PURPOSE',
  'HOSTNAME_MISMATCH',
  'EPROTO',
]);

const UNREACHABLE: Record<string, string> = {
  ENOTFOUND: 'host name not found (DNS)',
  EAI_AGAIN: 'DNS lookup failed temporarily',
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed while sending',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EADDRNOTAVAIL: 'address not available',
  UND_ERR_SOCKET: 'connection closed by the server',
  UND_ERR_CLOSED: 'connection closed',
};

const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/** Raised by Node or undici for a bad argument: a bug or bad input, not the network. */
const INVALID_CODE = /^(ERR_INVALID_|UND_ERR_INVALID_|UND_ERR_NOT_SUPPORTED)/;

/** Network errors worth another attempt: the next one may well succeed. */
const TRANSIENT_CODES = new Set(['EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', ...TIMEOUT_CODES]);

export function isTransient(error: OutboundError): boolean {
  return error.kind === 'timeout' || (error.code !== undefined && TRANSIENT_CODES.has(error.code));
}

interface SystemError {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/**
 * The first error in the chain that carries a system code: wrappers keep it as `cause`, and
 * happy-eyeballs connects raise an AggregateError of one error per address tried.
 */
function rootCause(error: unknown): SystemError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const candidate = current as SystemError;
    if (typeof candidate.code === 'string') return candidate;
    current = candidate.cause ?? (Array.isArray(candidate.errors) ? candidate.errors[0] : undefined);
  }
  return undefined;
}

function findOutboundError(error: unknown): OutboundError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    if (current instanceof OutboundError) return current;
    current = current.cause;
  }
  return undefined;
}

/** OpenSSL messages carry file names and line numbers; the reason is the part users can act on. */
function tlsDetail(message: string): string {
  return /SSL routines:[^:]*:([^:]+):/.exec(message)?.[1] ?? message;
}

/** Turns whatever the HTTP client threw into an OutboundError about `origin`. */
export function classifyNetworkError(error: unknown, origin: string): OutboundError {
  // The SSRF guard raises inside the connect-time DNS lookup; the client hands it back, maybe wrapped.
  const own = findOutboundError(error);
  if (own) return own;
  const cause = rootCause(error);
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  // Errors without a system code come from building the request (an invalid header value, say),
  // and their messages quote the offending value, which may be a credential: not repeated here.
  if (code === undefined || INVALID_CODE.test(code)) {
    return new OutboundError('invalid', `request to ${origin} could not be sent: invalid method, header or body`, code);
  }
  const detail = typeof cause?.message === 'string' && cause.message !== '' ? cause.message : code;
  if (TIMEOUT_CODES.has(code)) return new OutboundError('timeout', `${origin} did not answer in time (${code})`, code);
  if (TLS_CODES.has(code) || code.startsWith('CERT_') || code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_')) {
    return new OutboundError('tls', `TLS connection to ${origin} failed: ${tlsDetail(detail)} (${code})`, code);
  }
  const reason = UNREACHABLE[code] ?? detail;
  return new OutboundError('unreachable', `cannot reach ${origin}: ${reason} (${code})`, code);
}
