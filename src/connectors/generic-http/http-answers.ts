/**
 * Reading a JSON API's answers: the body as JSON (an HTML login page or a proxy's error page is
 * a protocol error that names what came instead), and non-2xx answers as ConnectorErrors that
 * quote what the API said in the usual error shapes, so a user sees "HTTP 404 for GET /items:
 * not_found: no such route" rather than a bare status.
 */
import type { OutboundResponse } from '../../lib/http/outbound';
import type { TokenEndpointDialect } from '../shared/client-credentials';
import { ConnectorError } from '../types';
import { clipped, isObject, jsonObjectBody, kindOfStatus } from '../shared/error-bodies';

/** The JSON body; `what` names the request ("GET /items"), `hint` the setting to check. */
export function parseJson(response: OutboundResponse, what: string, hint: string): unknown {
  try {
    return JSON.parse(response.text) as unknown;
  } catch {
    const type = response.headers.get('content-type')?.split(';')[0]?.trim() || 'no content type';
    const problem = response.text.trim() === '' ? 'an empty body' : type === 'application/json' ? 'malformed JSON' : type;
    throw new ConnectorError(`the API sent ${problem} instead of JSON (HTTP ${response.status}) for ${what}: ${hint}`, 'protocol', response.status);
  }
}

/**
 * What the API said in an error body: `{"error": "…"}`, `{"error": {"code", "message"}}`,
 * `{"message": …}`, RFC 9457's `{"title", "detail"}`, OAuth's `error_description`. Undefined for
 * other bodies, which are never quoted (they may be a whole HTML page).
 */
export function apiErrorText(response: OutboundResponse): string | undefined {
  const body = jsonObjectBody(response);
  if (!body) return undefined;
  const parts = (...values: unknown[]) => values.filter((v): v is string => typeof v === 'string' && v !== '').join(': ');
  const error = body.error;
  return clipped(
    isObject(error)
      ? parts(error.code, error.message)
      : typeof error === 'string'
        ? parts(error, body.error_description ?? body.message)
        : parts(body.code, body.message) || parts(body.title, body.detail),
  );
}

/** A non-2xx answer: `the API answered HTTP 500 for GET /items: <what it said>`. */
export function responseError(response: OutboundResponse, what: string, hint?: string): ConnectorError {
  let detail = apiErrorText(response);
  if (detail === undefined && response.status >= 300 && response.status < 400) {
    // Redirects are not followed; where one points (a login page, https) usually shows the mistake.
    const location = response.headers.get('location');
    detail = `redirect to ${location ? location.split('?')[0] : 'nowhere'}: check the tenant URL`;
  }
  const message = [`the API answered HTTP ${response.status} for ${what}`, detail, hint].filter(Boolean).join(': ');
  return new ConnectorError(message, kindOfStatus(response.status), response.status);
}

/** How the shared OAuth token cache words its errors for this connector. */
export const apiDialect: TokenEndpointDialect = {
  system: 'API',
  parseJson,
  responseError: (response, what) => responseError(response, what),
};
