// HTTP routing: the token endpoint, then everything under /sap with SAP's order of checks:
// authentication (401), injected faults, CSRF for modifying requests (403), then the OData request.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { bearerToken, checkBasic, type CsrfTokens, type TokenIssuer } from './auth';
import { errorBody, INJECTED, INTERNAL, NO_SERVICE, NOT_FOUND, NOT_SIMULATED, ODataError, type ServiceInfo } from './errors';
import { takePageFault, takeRequestFault, type FaultOptions, type FaultStatus } from './faults';
import { serializeEntity, type SerializeContext } from './format';
import { nextLink, planPage } from './paging';
import { navigationTarget, orderComparator, parseQuery, type QueryOptions } from './query';
import { parseKey, parseODataPath, routeLabel, type Route } from './routes';
import type { EntitySet, Service } from './services';

export const TOKEN_PATH = '/oauth/token';
/** S/4HANA Cloud's own OAuth server path (reference 4.1); same behaviour as TOKEN_PATH. */
const S4_TOKEN_PATH = '/sap/bc/sec/oauth2/token';
const LOG_LIMIT = 500;
const CACHE_LIMIT = 8;
const MODIFYING = new Set(['POST', 'PUT', 'PATCH', 'MERGE', 'DELETE']);

export interface RequestLogEntry {
  method: string;
  /** Path and query as received. */
  url: string;
  status: number;
  kind: string;
}

export interface SimulatorStats {
  /** Every HTTP request. */
  requests: number;
  /** Requests per kind: `token`, `A_Product`, `A_Product(key)`, `A_Product(key)/to_Description`, `A_Product/$count`, ... */
  byKind: Record<string, number>;
  tokensIssued: number;
  tokenRequestsRejected: number;
  rejected401: number;
  csrfRejected: number;
  /** Responses produced by `faults` (429 and 5xx). */
  faultsInjected: number;
  /** The last requests, oldest first. */
  log: RequestLogEntry[];
}

export function emptyStats(): SimulatorStats {
  return { requests: 0, byKind: {}, tokensIssued: 0, tokenRequestsRejected: 0, rejected401: 0, csrfRejected: 0, faultsInjected: 0, log: [] };
}

export interface ServerState {
  clientId: string;
  clientSecret: string;
  tokenTtlSeconds: number;
  language: string;
  faults: FaultOptions;
  stats: SimulatorStats;
  tokens: TokenIssuer;
  csrf: CsrfTokens;
  /** Keyed by `<SERVICE>;v=<NNNN>`. */
  services: ReadonlyMap<string, Service>;
}

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', dataserviceversion: '2.0' };

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...JSON_HEADERS, ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

function sendText(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function isCsrfFetch(req: IncomingMessage): boolean {
  return String(req.headers['x-csrf-token']).toLowerCase() === 'fetch';
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function createRequestHandler(state: ServerState): (req: IncomingMessage, res: ServerResponse) => void {
  // Filtered and sorted row lists of cacheable sets, so paging through 100k products sorts once.
  const rowCache = new Map<string, readonly unknown[]>();

  function count(kind: string, req: IncomingMessage, res: ServerResponse): void {
    state.stats.byKind[kind] = (state.stats.byKind[kind] ?? 0) + 1;
    res.on('finish', () => {
      const log = state.stats.log;
      log.push({ method: req.method ?? '', url: req.url ?? '', status: res.statusCode, kind });
      if (log.length > LOG_LIMIT) log.splice(0, log.length - LOG_LIMIT);
    });
  }

  function sendFault(res: ServerResponse, status: FaultStatus, service: ServiceInfo | undefined): void {
    state.stats.faultsInjected++;
    if (status === 500) {
      sendJson(res, 500, errorBody(new ODataError(500, INJECTED, 'Injected fault: internal server error'), state.language, service));
    } else {
      // 502/503/504 come from the web dispatcher or a proxy in front of Gateway: HTML, not OData.
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<html><head><title>${status}</title></head><body><h1>${status}</h1><p>Injected fault</p></body></html>`);
    }
  }

  async function token(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') {
      sendJson(res, 405, { error: 'method_not_allowed', error_description: `Request method '${req.method}' not supported` }, { allow: 'POST' });
      return;
    }
    const form = new URLSearchParams(await readBody(req));
    const expected = { id: state.clientId, secret: state.clientSecret };
    const basic = checkBasic(req.headers.authorization, expected);
    const authenticated =
      basic === 'valid' || (basic === 'absent' && form.get('client_id') === expected.id && form.get('client_secret') === expected.secret);
    if (!authenticated) {
      state.stats.tokenRequestsRejected++;
      sendJson(res, 401, { error: 'invalid_client', error_description: 'Bad credentials' });
      return;
    }
    const grant = form.get('grant_type');
    if (grant !== 'client_credentials') {
      state.stats.tokenRequestsRejected++;
      sendJson(
        res,
        400,
        grant === null
          ? { error: 'invalid_request', error_description: 'Missing grant type' }
          : { error: 'unsupported_grant_type', error_description: `Unsupported grant type: ${grant}` },
      );
      return;
    }
    state.stats.tokensIssued++;
    const ttl = state.faults.tokenTtlSeconds ?? state.tokenTtlSeconds;
    sendJson(res, 200, state.tokens.issue(state.clientId, ttl), { 'cache-control': 'no-store', pragma: 'no-cache' });
  }

  /** Returns the WWW-Authenticate challenge when the request is not authenticated. */
  function authenticate(req: IncomingMessage): string | undefined {
    const authorization = req.headers.authorization;
    const bearer = bearerToken(authorization);
    if (bearer) {
      const check = state.tokens.use(bearer, state.faults.rejectTokensAfterRequests);
      return check === 'valid' ? undefined : `Bearer error="invalid_token", error_description="${check === 'expired' ? 'Token expired' : 'Invalid token'}"`;
    }
    const basic = checkBasic(authorization, { id: state.clientId, secret: state.clientSecret });
    return basic === 'valid' ? undefined : 'Basic realm="SAP NetWeaver Application Server [SIM/100]"';
  }

  function wantsJson(req: IncomingMessage, params: URLSearchParams): boolean {
    const format = params.get('$format');
    if (format !== null) return format.toLowerCase() === 'json';
    return /application\/json/i.test(req.headers.accept ?? '');
  }

  function findService(namespace: string, service: string, version: string): Service {
    const found = namespace.toLowerCase() === 'sap' ? state.services.get(`${service};v=${version}`) : undefined;
    if (!found) throw new ODataError(404, NO_SERVICE, `No service found for namespace '', name '${service}', version '${version}'`);
    return found;
  }

  function entitySet(service: Service, name: string): EntitySet {
    const set = service.sets.get(name);
    if (!set) throw new ODataError(404, NOT_FOUND, `Resource not found for segment '${name}'`);
    return set;
  }

  function findRow(set: EntitySet, keyText: string): unknown {
    const row = set.find(parseKey(keyText, set.type));
    if (row === undefined) throw new ODataError(404, NOT_FOUND, `Resource not found for segment '${set.type.typeName}'`);
    return row;
  }

  function filteredRows(set: EntitySet, base: () => readonly unknown[], query: QueryOptions, cacheKey: string | undefined): readonly unknown[] {
    const key = cacheKey === undefined || !set.version ? undefined : `${cacheKey}|${query.filterText}|${query.orderbyText}|${set.version()}`;
    const cached = key === undefined ? undefined : rowCache.get(key);
    if (cached) return cached;
    let rows = base();
    const filter = query.filter;
    if (filter) rows = rows.filter((row) => filter.matches((p) => set.value(row, p)));
    if (query.orderby.length > 0) rows = [...rows].sort(orderComparator(query.orderby, (row, p) => set.value(row, p)));
    if (key !== undefined) {
      if (rowCache.size >= CACHE_LIMIT) rowCache.delete(rowCache.keys().next().value ?? '');
      rowCache.set(key, rows);
    }
    return rows;
  }

  async function collection(
    res: ServerResponse,
    ctx: SerializeContext,
    set: EntitySet,
    base: (pins: Readonly<Record<string, string>>) => readonly unknown[],
    params: URLSearchParams,
    selfUrl: string,
    countOnly: boolean,
    cacheKey: string | undefined,
    service: ServiceInfo,
  ): Promise<void> {
    const query = parseQuery(params, set.type, (name) => ctx.set(name).type);
    const rows = filteredRows(set, () => base(query.filter?.pins ?? {}), query, cacheKey);
    if (countOnly) {
      sendText(res, 200, String(rows.length));
      return;
    }
    const plan = planPage(rows.length, query);
    const pageFault = takePageFault(state.faults, plan.start);
    if (pageFault !== undefined) {
      sendFault(res, pageFault, service);
      return;
    }
    if (state.faults.pageDelayMs) await sleep(state.faults.pageDelayMs);
    const d: Record<string, unknown> = {};
    if (query.inlinecount) d.__count = String(rows.length);
    d.results = rows.slice(plan.start, plan.end).map((row) => serializeEntity(ctx, set, row, query.select, query.expand));
    if (plan.next) d.__next = nextLink(selfUrl, params, plan.next);
    sendJson(res, 200, { d });
  }

  function single(res: ServerResponse, ctx: SerializeContext, set: EntitySet, row: unknown, params: URLSearchParams): void {
    const query = parseQuery(params, set.type, (name) => ctx.set(name).type);
    const entity = serializeEntity(ctx, set, row, query.select, query.expand);
    const etag = (entity.__metadata as { etag?: string }).etag;
    sendJson(res, 200, { d: entity }, etag ? { etag } : {});
  }

  async function read(
    req: IncomingMessage,
    res: ServerResponse,
    service: Service,
    route: Route,
    url: URL,
    serviceUrl: string,
  ): Promise<void> {
    const ctx: SerializeContext = { serviceUrl, set: (name) => entitySet(service, name) };
    const params = url.searchParams;
    if (route.kind === 'service-document') {
      sendJson(res, 200, { d: { EntitySets: [...service.sets.keys()] } });
      return;
    }
    if (route.kind === 'metadata') throw new ODataError(501, NOT_SIMULATED, '$metadata is not simulated; see the reference EDMX files');
    const set = entitySet(service, route.set);
    const countOnly = route.kind !== 'entity' && route.count;
    if (req.method === 'GET' && !countOnly && !wantsJson(req, params) && !isCsrfFetch(req)) {
      throw new ODataError(406, NOT_SIMULATED, 'The simulator answers JSON only: add $format=json or Accept: application/json (SAP would answer Atom XML)');
    }
    const selfUrl = `${url.origin}${url.pathname}`;
    if (route.kind === 'collection') {
      await collection(res, ctx, set, (pins) => set.rows(pins), params, selfUrl, countOnly, `${service.info.id}/${set.type.set}`, service.info);
      return;
    }
    const row = findRow(set, route.keyText);
    if (route.kind === 'entity') {
      single(res, ctx, set, row, params);
      return;
    }
    const target = ctx.set(navigationTarget(set.type, route.navigation, (name) => ctx.set(name).type).set);
    const children = set.navigate(row, route.navigation);
    await collection(res, ctx, target, () => children, params, selfUrl, countOnly, undefined, service.info);
  }

  async function odata(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const path = parseODataPath(url.pathname);
    count(path ? routeLabel(path.route) : 'unknown', req, res);
    const challenge = authenticate(req);
    if (challenge) {
      state.stats.rejected401++;
      sendText(res, 401, 'Unauthorized', { 'www-authenticate': challenge });
      return;
    }
    let service: Service | undefined;
    try {
      const fault = takeRequestFault(state.faults);
      if (fault?.kind === 'rateLimit') {
        state.stats.faultsInjected++;
        // SAP API Management (Apigee) answers quota violations like this.
        sendJson(
          res,
          429,
          { fault: { faultstring: 'Rate limit quota violation. Quota limit  exceeded. Identifier : _default', detail: { errorcode: 'policies.ratelimit.QuotaViolation' } } },
          { 'retry-after': String(fault.retryAfterSeconds) },
        );
        return;
      }
      if (fault) {
        sendFault(res, fault.status, undefined);
        return;
      }
      const method = req.method ?? 'GET';
      if (MODIFYING.has(method)) {
        if (!state.csrf.isValid(req.headers['x-csrf-token'] as string | undefined)) {
          state.stats.csrfRejected++;
          sendText(res, 403, 'CSRF token validation failed', { 'x-csrf-token': 'Required' });
          return;
        }
        throw new ODataError(501, NOT_SIMULATED, 'Modifying requests are not simulated: the hub only reads');
      }
      if (method !== 'GET' && method !== 'HEAD') throw new ODataError(405, NOT_SIMULATED, `Method ${method} not allowed`);
      if (isCsrfFetch(req)) res.setHeader('x-csrf-token', state.csrf.fetch());
      if (!path) throw new ODataError(404, NOT_FOUND, `Resource not found for segment '${url.pathname}'`);
      service = findService(path.namespace, path.service, path.version);
      if (path.route instanceof ODataError) throw path.route;
      await read(req, res, service, path.route, url, `${url.origin}${path.rootPath}`);
    } catch (error) {
      const e = error instanceof ODataError ? error : new ODataError(500, INTERNAL, error instanceof Error ? error.message : String(error));
      if (!res.headersSent) sendJson(res, e.status, errorBody(e, state.language, service?.info));
    }
  }

  return (req, res) => {
    state.stats.requests++;
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    } catch {
      sendText(res, 400, 'Bad Request');
      return;
    }
    let work: Promise<void>;
    if (url.pathname === TOKEN_PATH || url.pathname === S4_TOKEN_PATH) {
      count('token', req, res);
      work = token(req, res);
    } else if (url.pathname.startsWith('/sap/')) {
      work = odata(req, res, url);
    } else {
      sendText(res, 404, 'Not Found');
      return;
    }
    work.catch((error: unknown) => {
      if (!res.headersSent) sendText(res, 500, String(error));
    });
  };
}
