// Small HTTP helpers for the simulator tests: a token, and GETs with the usual OData headers.

import type { SapSimulator } from '../../tools/sap-simulator/index';

export const PRODUCTS = '/sap/opu/odata/sap/API_PRODUCT_SRV';
export const DELIVERIES = '/sap/opu/odata/sap/API_OUTBOUND_DELIVERY_SRV;v=0002';

export function basicHeader(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;
}

export async function requestToken(sim: SapSimulator): Promise<string> {
  const response = await fetch(sim.tokenUrl, {
    method: 'POST',
    headers: { authorization: basicHeader(sim.clientId, sim.clientSecret), 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });
  const body = (await response.json()) as { access_token: string };
  return body.access_token;
}

export interface ODataResponse<T = unknown> {
  status: number;
  headers: Headers;
  text: string;
  json: T;
}

/** GET `pathAndQuery` (relative to the tenant URL, or absolute) as JSON with a bearer token. */
export async function odataGet<T = any>(sim: SapSimulator, pathAndQuery: string, token: string, headers: Record<string, string> = {}): Promise<ODataResponse<T>> {
  const url = pathAndQuery.startsWith('http') ? pathAndQuery : `${sim.url}${pathAndQuery}`;
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...headers } });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json: json as T };
}

export interface Collection<T = Record<string, unknown>> {
  d: { results: T[]; __count?: string; __next?: string };
}
