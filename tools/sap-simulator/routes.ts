// Parses `/sap/opu/odata/sap/<SERVICE>[;v=NNNN]/<resource path>` into a route. Parsing is pure;
// problems are returned, not thrown, because SAP reports them only after authentication.

import { BAD_QUERY, NOT_FOUND, ODataError } from './errors';
import { readQuoted } from './filter';
import type { EntityType } from './model';

const ODATA_ROOT = '/sap/opu/odata/';

export type Route =
  | { kind: 'service-document' }
  | { kind: 'metadata' }
  | { kind: 'collection'; set: string; count: boolean }
  | { kind: 'entity'; set: string; keyText: string }
  | { kind: 'navigation'; set: string; keyText: string; navigation: string; count: boolean };

export interface ODataPath {
  namespace: string;
  /** Upper-cased technical service name, e.g. `API_OUTBOUND_DELIVERY_SRV`. */
  service: string;
  /** Four digits; `;v=2` and `;v=0002` both give `0002`, no matrix parameter gives `0001`. */
  version: string;
  /** Service root as requested (so links echo `;v=2` if the client used it). */
  rootPath: string;
  route: Route | ODataError;
}

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function parseResource(segments: string[]): Route | ODataError {
  if (segments.length === 0 || (segments.length === 1 && segments[0] === '')) return { kind: 'service-document' };
  const decoded = segments.map(decode);
  if (decoded.some((s) => s === undefined)) return new ODataError(400, BAD_QUERY, 'Malformed URI');
  const [first = '', second, third, ...rest] = decoded as string[];
  if (first === '$metadata' && second === undefined) return { kind: 'metadata' };
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:\((.*)\))?$/s.exec(first);
  if (!m?.[1] || rest.length > 0) return new ODataError(404, NOT_FOUND, `Resource not found for segment '${first}'`);
  const set = m[1];
  const keyText = m[2] ?? '';
  if (keyText === '') {
    if (second === undefined) return { kind: 'collection', set, count: false };
    if (second === '$count' && third === undefined) return { kind: 'collection', set, count: true };
    return new ODataError(404, NOT_FOUND, `Resource not found for segment '${second}'`);
  }
  if (second === undefined) return { kind: 'entity', set, keyText };
  if (third !== undefined && third !== '$count') return new ODataError(404, NOT_FOUND, `Resource not found for segment '${third}'`);
  return { kind: 'navigation', set, keyText, navigation: second, count: third === '$count' };
}

export function parseODataPath(pathname: string): ODataPath | undefined {
  if (!pathname.startsWith(ODATA_ROOT)) return undefined;
  const [namespace = '', serviceSegment = '', ...resource] = pathname.slice(ODATA_ROOT.length).split('/');
  const [name = '', ...matrix] = serviceSegment.split(';');
  const v = matrix.map((p) => /^v=(\d{1,4})$/i.exec(p)?.[1]).find((x) => x !== undefined);
  return {
    namespace,
    service: name.toUpperCase(),
    version: (v ?? '1').padStart(4, '0'),
    rootPath: `${ODATA_ROOT}${namespace}/${serviceSegment}`,
    route: parseResource(resource),
  };
}

/** Short label for request statistics, e.g. `A_Product`, `A_Product(key)/to_Description`. */
export function routeLabel(route: Route | ODataError): string {
  if (route instanceof ODataError) return 'invalid-path';
  switch (route.kind) {
    case 'service-document':
    case 'metadata':
      return route.kind;
    case 'collection':
      return route.count ? `${route.set}/$count` : route.set;
    case 'entity':
      return `${route.set}(key)`;
    case 'navigation':
      return `${route.set}(key)/${route.navigation}${route.count ? '/$count' : ''}`;
  }
}

function invalidKey(text: string): ODataError {
  return new ODataError(400, BAD_QUERY, `Invalid key predicate '(${text})'`);
}

/** `'TG11'` (single key only) or `Product='TG11',Language='EN'`; all keys required, all quoted. */
export function parseKey(text: string, type: EntityType): Record<string, string> {
  const key: Record<string, string> = {};
  if (text.startsWith("'")) {
    const { value, end } = readQuoted(text, 0);
    const name = type.keys[0];
    if (end !== text.length || type.keys.length !== 1 || name === undefined) throw invalidKey(text);
    key[name] = value;
    return key;
  }
  let at = 0;
  while (at < text.length) {
    const name = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*/.exec(text.slice(at));
    if (!name?.[1] || text[at + name[0].length] !== "'") throw invalidKey(text);
    const { value, end } = readQuoted(text, at + name[0].length);
    if (!type.keys.includes(name[1]) || name[1] in key) throw invalidKey(text);
    key[name[1]] = value;
    at = end;
    if (at < text.length) {
      if (text[at] !== ',') throw invalidKey(text);
      at++;
    }
  }
  if (type.keys.some((k) => !(k in key))) throw invalidKey(text);
  return key;
}
