/**
 * Authorized GETs against the tenant's OData services: bearer token, JSON, one new token after a
 * 401 (the cached one expired or was revoked), SAP's error answers as ConnectorErrors.
 */
import type { OutboundResponse } from '../../lib/http/outbound';
import { ConnectorError, type ConnectorContext } from '../types';
import { recordReadError, withoutSecrets } from '../shared/error-bodies';
import { rethrowAsConnectorError } from '../shared/http-failure';
import type { TokenProvider } from './oauth';
import { isEntityNotFound, parseJson, responseError } from './odata';

const API_HINT = 'check that the tenant URL is the API host, e.g. https://my000000-api.s4hana.cloud.sap';

export class SapApi {
  /** The tenant URL without a trailing slash; service paths are appended to it. */
  readonly tenantUrl: string;

  constructor(
    private readonly context: ConnectorContext,
    readonly tokens: TokenProvider,
  ) {
    this.tenantUrl = context.tenantUrl.replace(/\/+$/, '');
  }

  /** The parsed JSON of a 200 answer; `what` names the resource for error messages. */
  async get(url: string, what: string, signal?: AbortSignal): Promise<unknown> {
    const response = await this.authorized(url, what, signal);
    if (response.status !== 200) throw responseError(response, what);
    return parseJson(response, what, API_HINT);
  }

  /**
   * Like get, but null when SAP says the entity does not exist ("Resource not found for
   * segment"). Any other 404 (no such service, a wrong host) stays an error.
   */
  async getEntity(url: string, what: string, signal?: AbortSignal): Promise<unknown> {
    const response = await this.authorized(url, what, signal);
    if (isEntityNotFound(response)) return null;
    if (response.status !== 200) throw recordReadError(responseError(response, what));
    return parseJson(response, what, API_HINT);
  }

  private async authorized(url: string, what: string, signal: AbortSignal | undefined): Promise<OutboundResponse> {
    const token = await this.tokens.token(signal);
    const response = await this.send(url, token, signal);
    if (response.status !== 401) return response;
    this.tokens.invalidate(token);
    const retried = await this.send(url, await this.tokens.token(signal), signal);
    if (retried.status === 401) {
      throw new ConnectorError(
        `SAP refused a new access token (HTTP 401) for ${what}: check that the OAuth client belongs to a communication arrangement for this service`,
        'auth',
        401,
      );
    }
    return retried;
  }

  private async send(url: string, token: string, signal: AbortSignal | undefined): Promise<OutboundResponse> {
    try {
      const response = await this.context.http.request({
        url,
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        signal,
        onRetry: (notice) => this.context.logger.debug(notice, 'retrying SAP request'),
      });
      return withoutSecrets(response, this.context.redactor);
    } catch (error) {
      rethrowAsConnectorError(error, 'SAP API');
    }
  }
}
