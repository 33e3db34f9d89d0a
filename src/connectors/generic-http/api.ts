/**
 * Authenticated GETs against the in-house API, all through the hub's outbound HTTP client
 * (timeouts, retries, SSRF guard): URLs built below the tenant URL, one new OAuth token after a
 * 401, and every failure turned into a ConnectorError that names the request and what to check.
 */
import type { OutboundResponse } from '../../lib/http/outbound';
import { recordReadError, withoutSecrets } from '../shared/error-bodies';
import { rethrowAsConnectorError } from '../shared/http-failure';
import { ConnectorError, type ConnectorContext } from '../types';
import type { Authenticator } from './auth';
import { apiErrorText, parseJson, responseError } from './http-answers';

export type Query = ReadonlyArray<readonly [string, string]>;

export interface JsonAnswer {
  body: unknown;
  response: OutboundResponse;
}

export class JsonApi {
  /** The tenant URL without a trailing slash; configured paths are appended to it. */
  readonly baseUrl: string;

  constructor(
    private readonly context: ConnectorContext,
    private readonly auth: Authenticator,
  ) {
    this.baseUrl = context.tenantUrl.replace(/\/+$/, '');
  }

  /** `path` below the base URL, `{id}` replaced by the encoded id, then the query. */
  url(path: string, query: Query = [], id?: string): string {
    const filled = id === undefined ? path : path.replaceAll('{id}', encodeURIComponent(id));
    const search = new URLSearchParams(query.map(([name, value]) => [name, value])).toString();
    return `${this.baseUrl}${filled}${search ? `?${search}` : ''}`;
  }

  /** The JSON body of a 2xx answer; `hint` says which setting to check when it is not JSON. */
  async get(url: string, hint: string, signal?: AbortSignal): Promise<JsonAnswer> {
    const what = describe(url);
    const response = await this.authorized(url, what, signal);
    if (response.status < 200 || response.status >= 300) throw responseError(response, what, response.status === 404 ? hint : undefined);
    return { body: parseJson(response, what, hint), response };
  }

  /** Like get, but null when the API answers 404 (the record does not exist). */
  async getRecord(url: string, hint: string, signal?: AbortSignal): Promise<unknown> {
    const what = describe(url);
    const response = await this.authorized(url, what, signal);
    if (response.status === 404) return null;
    if (response.status < 200 || response.status >= 300) throw recordReadError(responseError(response, what));
    return parseJson(response, what, hint);
  }

  private async authorized(url: string, what: string, signal: AbortSignal | undefined): Promise<OutboundResponse> {
    let headers = await this.auth.headers(signal);
    let response = await this.send(url, headers, signal);
    if (response.status === 401 && this.auth.refused(headers)) {
      headers = await this.auth.headers(signal);
      response = await this.send(url, headers, signal);
    }
    if (response.status === 401 || response.status === 403) throw this.refusal(response, what);
    return response;
  }

  private refusal(response: OutboundResponse, what: string): ConnectorError {
    const said = apiErrorText(response);
    const verdict = response.status === 401 ? 'refused the credentials (HTTP 401)' : 'denied access (HTTP 403): the credentials were accepted but lack permission';
    return new ConnectorError(`the API ${verdict} for ${what}${said ? `: ${said}` : ''}; check ${this.auth.checks}`, 'auth', response.status);
  }

  private async send(url: string, auth: Record<string, string>, signal: AbortSignal | undefined): Promise<OutboundResponse> {
    try {
      const response = await this.context.http.request({
        url,
        headers: { ...auth, accept: 'application/json' },
        signal,
        onRetry: (notice) => this.context.logger.debug(notice, 'retrying API request'),
      });
      return withoutSecrets(response, this.context.redactor);
    } catch (error) {
      rethrowAsConnectorError(error, 'API');
    }
  }
}

/** `GET /items/42` for messages: the path only (the host is the tenant URL, the query is noise). */
function describe(url: string): string {
  return `GET ${new URL(url).pathname}`;
}
