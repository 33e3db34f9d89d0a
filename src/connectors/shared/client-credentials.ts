/**
 * OAuth 2.0 client credentials (RFC 6749 4.4) against a configured token URL, shared by the
 * connectors that need it. The token is cached until shortly before it expires and dropped when
 * the API answers 401, so a long sync that outlives a token fetches a new one.
 *
 * What differs per connector is only how it words errors (a "dialect"): SAP's messages name SAP
 * and quote Gateway's error bodies; a generic API's name "the API".
 */
import { untilAborted, type OutboundResponse } from '../../lib/http/outbound';
import { ConnectorError, type ConnectorContext } from '../types';
import { clipped, withoutSecrets } from './error-bodies';
import { rethrowAsConnectorError } from './http-failure';

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
  tokenUrl: string;
}

export interface TokenEndpointDialect {
  /** Names the host system in messages: "SAP", "API". */
  system: string;
  /** The JSON body of a 2xx answer, or a ConnectorError that says what came instead. */
  parseJson(response: OutboundResponse, what: string, hint: string): unknown;
  /** A non-2xx answer as a ConnectorError. */
  responseError(response: OutboundResponse, what: string): ConnectorError;
}

/** Renew this long before expiry, so a token does not run out between check and use. */
const RENEW_MARGIN_MS = 60_000;

/** RFC 6749 2.3.1: id and secret are form-encoded before Basic; XSUAA ids contain `!` and `|`. */
function basicAuthorization(id: string, secret: string): string {
  const encode = (value: string) => new URLSearchParams([['', value]]).toString().slice(1);
  return `Basic ${Buffer.from(`${encode(id)}:${encode(secret)}`).toString('base64')}`;
}

/** The message for an OAuth error answer (400/401 with `{"error": ...}`, or a bare 401). */
function tokenError(response: OutboundResponse, tokenUrl: string, dialect: TokenEndpointDialect): ConnectorError {
  let code: string | undefined;
  let description: string | undefined;
  try {
    const body = JSON.parse(response.text) as { error?: unknown; error_description?: unknown };
    if (typeof body.error === 'string') code = body.error;
    if (typeof body.error_description === 'string') description = clipped(body.error_description);
  } catch {
    // Not JSON: the status alone has to do.
  }
  if (code === 'invalid_client' || (code === undefined && response.status === 401)) {
    return new ConnectorError(`${dialect.system} rejected the client credentials (${code ?? 'HTTP 401'}): check clientId and clientSecret`, 'auth', response.status);
  }
  if (code !== undefined) {
    return new ConnectorError(
      `${dialect.system} token endpoint refused the request (${code}${description ? `: ${description}` : ''}): check clientId, clientSecret and tokenUrl`,
      'auth',
      response.status,
    );
  }
  if (response.status === 404) {
    const url = new URL(tokenUrl);
    return new ConnectorError(`no token endpoint at ${url.origin}${url.pathname} (HTTP 404): check tokenUrl`, 'auth', 404);
  }
  return dialect.responseError(response, 'the token request');
}

function expiresInMs(value: unknown): number | undefined {
  const seconds = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/** What the token cache uses of the connector's context. */
export type TokenContext = Pick<ConnectorContext, 'http' | 'logger' | 'redactor'>;

export class ClientCredentialsTokens {
  private cached: { token: string; renewAt: number } | undefined;
  /** One token request at a time; concurrent callers share it. */
  private pending: Promise<string> | undefined;

  constructor(
    private readonly context: TokenContext,
    private readonly credentials: ClientCredentials,
    private readonly dialect: TokenEndpointDialect,
  ) {}

  async token(signal?: AbortSignal): Promise<string> {
    if (this.cached && Date.now() < this.cached.renewAt) return this.cached.token;
    // The request is shared by every job and request of the integration, so no caller's signal
    // may cancel it for the others: each caller stops waiting on its own signal instead.
    this.pending ??= this.fetchToken().finally(() => {
      this.pending = undefined;
    });
    if (!signal) return this.pending;
    try {
      return await untilAborted(this.pending, signal, URL.canParse(this.credentials.tokenUrl) ? new URL(this.credentials.tokenUrl).origin : 'the token endpoint');
    } catch (error) {
      rethrowAsConnectorError(error, `${this.dialect.system} token endpoint`);
    }
  }

  /** Forgets `token` after the API refused it (unless a newer one has replaced it meanwhile). */
  invalidate(token: string): void {
    if (this.cached?.token === token) this.cached = undefined;
  }

  private async fetchToken(): Promise<string> {
    const { clientId, clientSecret, tokenUrl } = this.credentials;
    const { system } = this.dialect;
    const missing = Object.entries(this.credentials).find(([, value]) => value === '');
    if (missing) throw new ConnectorError(`credential ${missing[0]} is not set`, 'auth');
    let response: OutboundResponse;
    try {
      response = await this.context.http.request({
        method: 'POST',
        url: tokenUrl,
        headers: {
          authorization: basicAuthorization(clientId, clientSecret),
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: 'grant_type=client_credentials',
        // Asking again for a token has no side effect, so the POST may be retried.
        retry: true,
        onRetry: (notice) => this.context.logger.debug(notice, `retrying ${system} token request`),
      });
    } catch (error) {
      rethrowAsConnectorError(error, `${system} token endpoint`);
    }
    if (response.status !== 200) throw tokenError(withoutSecrets(response, this.context.redactor), tokenUrl, this.dialect);
    const body = this.dialect.parseJson(response, 'the token request', 'check tokenUrl') as { access_token?: unknown; expires_in?: unknown } | null;
    const token = body?.access_token;
    if (typeof token !== 'string' || token === '') {
      throw new ConnectorError(`${system} token endpoint answered without an access_token: check tokenUrl`, 'protocol');
    }
    const lifetime = expiresInMs(body?.expires_in);
    // Short-lived tokens keep at least half their life; without expires_in, the token is kept
    // until the API answers 401, which fetches a new one.
    const renewIn = lifetime === undefined ? Number.POSITIVE_INFINITY : lifetime - Math.min(RENEW_MARGIN_MS, lifetime / 2);
    this.context.redactor.add(token);
    this.cached = { token, renewAt: Date.now() + renewIn };
    this.context.logger.debug({ expiresInSeconds: lifetime === undefined ? null : lifetime / 1000 }, `fetched ${system} access token`);
    return token;
  }
}
