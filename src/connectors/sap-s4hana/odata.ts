/**
 * OData V2 as SAP Gateway speaks it (reference sections 3 and 5): the `d` / `d.results` envelope,
 * `__next` links, `/Date(ms)/` values, key literals, and Gateway error bodies turned into
 * ConnectorErrors with the status, SAP's message code and text.
 */
import type { OutboundResponse } from '../../lib/http/outbound';
import { clipped, isObject, jsonObjectBody, kindOfStatus } from '../shared/error-bodies';
import { ConnectorError } from '../types';

export type ODataEntity = Record<string, unknown>;

export interface ODataCollection {
  results: ODataEntity[];
  /** `__next` as sent: absolute or relative, with a `$skiptoken`. */
  next?: string;
  /** `__count` from `$inlinecount=allpages` (sent as a string). */
  count?: number;
}

/** `what` names the resource asked for, e.g. `A_Product (API_PRODUCT_SRV)`. */
function protocolError(what: string, problem: string, hint?: string): ConnectorError {
  return new ConnectorError(`SAP sent ${problem} for ${what}${hint ? `: ${hint}` : ''}`, 'protocol');
}

/**
 * The JSON body of a 2xx answer; HTML (a login page, a proxy) or garbage is a protocol error,
 * with `hint` saying which setting to check.
 */
export function parseJson(response: OutboundResponse, what: string, hint: string): unknown {
  try {
    return JSON.parse(response.text) as unknown;
  } catch {
    const type = response.headers.get('content-type')?.split(';')[0]?.trim() || 'no content type';
    throw protocolError(what, `${type} instead of JSON (HTTP ${response.status})`, hint);
  }
}

/** `{"d": {...}}`: a single entity. */
export function unwrapEntity(body: unknown, what: string): ODataEntity {
  if (isObject(body) && isObject(body.d)) return body.d;
  throw protocolError(what, 'JSON that is not an OData V2 entity (no "d" object)');
}

/** `{"d": {"results": [...], "__next"?, "__count"?}}`: a collection page. */
export function unwrapCollection(body: unknown, what: string): ODataCollection {
  const d = isObject(body) ? body.d : undefined;
  if (!isObject(d) || !Array.isArray(d.results)) throw protocolError(what, 'JSON that is not an OData V2 collection (no "d.results" array)');
  const count = typeof d.__count === 'string' || typeof d.__count === 'number' ? Number(d.__count) : Number.NaN;
  return {
    results: d.results.filter(isObject),
    next: typeof d.__next === 'string' && d.__next !== '' ? d.__next : undefined,
    count: Number.isFinite(count) ? count : undefined,
  };
}

/** A CHAR value, or null when blank: SAP sends "" for fields that are not maintained. */
export function sapText(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** Rows of an expanded 1:n navigation property; none when it was not expanded (`__deferred`). */
export function expanded(entity: ODataEntity, navigation: string): ODataEntity[] {
  const value = entity[navigation];
  return isObject(value) && Array.isArray(value.results) ? value.results.filter(isObject) : [];
}

/**
 * The URL to request for a `__next` link. Relative links resolve against the request URL (the
 * entity set's URL, so `A_Product?$skiptoken=100` and `/sap/...` both work). Only the path and
 * query are kept, on the tenant's origin: Gateway behind a reverse proxy writes its internal
 * host name into links, and a link to another host must not receive the bearer token.
 */
export function nextPageUrl(next: string, requestUrl: string): string {
  const resolved = new URL(next, requestUrl);
  return `${new URL(requestUrl).origin}${resolved.pathname}${resolved.search}`;
}

const ODATA_DATE = /^\/Date\((-?\d+)(?:[+-]\d{4})?\)\/$/;

/**
 * Edm.DateTime `/Date(ms)/` and Edm.DateTimeOffset `/Date(ms+0000)/` as a Date: the number is
 * milliseconds since the epoch in UTC either way; the offset only says which zone it was in.
 * Undefined when the value is not in that form.
 */
export function parseODataDate(value: unknown): Date | undefined {
  const match = typeof value === 'string' ? ODATA_DATE.exec(value) : null;
  if (!match?.[1]) return undefined;
  const date = new Date(Number(match[1]));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** `'80000001'` as a key predicate value: quotes doubled (OData), then URL-encoded. */
export function keyLiteral(key: string): string {
  return `'${encodeURIComponent(key.replace(/'/g, "''"))}'`;
}

/** A query string with `$` options readable in logs and simulators ($ stays, values are encoded). */
export function queryString(options: ReadonlyArray<readonly [string, string]>): string {
  return options.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&');
}

/**
 * What SAP said in an error body: Gateway's `error.code` and `error.message.value`, XSUAA's
 * `error` and `error_description`, or API Management's `fault.faultstring`. Undefined for bodies
 * that are not JSON (401s are often HTML or empty); those are never quoted.
 */
export function sapErrorText(response: OutboundResponse): string | undefined {
  const body = jsonObjectBody(response);
  if (!body) return undefined;
  let text: string | undefined;
  const error = body.error;
  if (isObject(error)) {
    const message = isObject(error.message) ? error.message.value : error.message;
    text = [error.code, message].filter((part) => typeof part === 'string' && part !== '').join(': ');
  } else if (typeof error === 'string') {
    text = typeof body.error_description === 'string' ? `${error}: ${body.error_description}` : error;
  } else if (isObject(body.fault) && typeof body.fault.faultstring === 'string') {
    text = body.fault.faultstring;
  }
  return clipped(text);
}

/** Gateway's "Resource not found for segment": the entity does not exist (not a wrong service URL). */
export function isEntityNotFound(response: OutboundResponse): boolean {
  return response.status === 404 && (sapErrorText(response)?.startsWith('/IWBEP/CM_MGW_RT/020') ?? false);
}

/** Origin and path of a Location header, without its query (which could carry anything). */
function redirectTarget(location: string | null): string {
  if (!location) return 'nowhere (no Location header)';
  try {
    const url = new URL(location);
    return `${url.origin}${url.pathname}`;
  } catch {
    return location.split('?')[0] ?? location;
  }
}

/** A non-2xx answer as a ConnectorError: `SAP answered HTTP 404 for <what>: <code>: <text>`. */
export function responseError(response: OutboundResponse, what: string): ConnectorError {
  let detail = sapErrorText(response);
  if (detail === undefined && response.status >= 300 && response.status < 400) {
    // Redirects are not followed; where one points (a login page, https) usually shows the mistake.
    detail = `redirect to ${redirectTarget(response.headers.get('location'))}: check the URL`;
  }
  return new ConnectorError(`SAP answered HTTP ${response.status} for ${what}${detail ? `: ${detail}` : ''}`, kindOfStatus(response.status), response.status);
}
