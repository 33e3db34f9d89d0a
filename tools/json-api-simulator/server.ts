// HTTP routing of the simulated in-house API, in the order a real one checks: the token
// endpoint (open), then authentication (401 with a JSON error), injected faults, then the
// resource. Errors are always JSON: {"error": {"code": "...", "message": "..."}}.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { basicPair, refusal, type AuthMode, type SimulatorCredentials, type TokenIssuer } from './auth';
import type { ItemRecord, OrderRecord } from './data';
import { BadRequest, pageOf, type PagingStyle } from './paging';

export const TOKEN_PATH = '/oauth/token';
const LOG_LIMIT = 500;

export interface Faults {
  /** Every listing request gets the first page again, with the same cursor / next link (a looping API). */
  loopPaging?: boolean;
  /** The next `count` authenticated requests answer `status` (e.g. 500, 503). */
  failNext?: { count: number; status: number };
  /** The next `count` authenticated requests are never answered (a hung host): the client has to give up. */
  hangNext?: { count: number };
}

export interface RequestLogEntry {
  method: string;
  /** Path and query as received. */
  url: string;
  status: number;
}

export interface SimulatorStats {
  requests: number;
  tokensIssued: number;
  tokenRequestsRejected: number;
  rejected401: number;
  /** Requests held unanswered by `faults.hangNext`. */
  hung: number;
  /** Hung requests whose client closed the connection (gave up or was aborted). */
  abandoned: number;
  /** The last requests, oldest first. */
  log: RequestLogEntry[];
}

export function emptyStats(): SimulatorStats {
  return { requests: 0, tokensIssued: 0, tokenRequestsRejected: 0, rejected401: 0, hung: 0, abandoned: 0, log: [] };
}

export interface ServerState {
  auth: AuthMode;
  apiKeyHeader: string;
  credentials: SimulatorCredentials;
  tokens: TokenIssuer;
  tokenTtlSeconds: number;
  paging: PagingStyle;
  maxPageSize: number;
  faults: Faults;
  stats: SimulatorStats;
  /** In id order. */
  items: Map<number, ItemRecord>;
  orders: Map<number, OrderRecord>;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

function error(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  send(res, status, { error: { code, message } }, headers);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** RFC 6749 4.4 with client authentication by HTTP Basic (2.3.1) or form fields. */
async function token(state: ServerState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST') return error(res, 405, 'method_not_allowed', 'use POST', { allow: 'POST' });
  const form = new URLSearchParams(await readBody(req));
  const [id, secret] = basicPair(req.headers.authorization, true) ?? [form.get('client_id'), form.get('client_secret')];
  if (id !== state.credentials.clientId || secret !== state.credentials.clientSecret) {
    state.stats.tokenRequestsRejected++;
    return send(res, 401, { error: 'invalid_client', error_description: 'Bad client credentials' }, { 'www-authenticate': 'Basic realm="token"' });
  }
  if (form.get('grant_type') !== 'client_credentials') {
    return send(res, 400, { error: 'unsupported_grant_type', error_description: 'only client_credentials is supported' });
  }
  state.stats.tokensIssued++;
  send(res, 200, { access_token: state.tokens.issue(state.tokenTtlSeconds), token_type: 'Bearer', expires_in: state.tokenTtlSeconds });
}

function itemRows(state: ServerState, query: URLSearchParams): ItemRecord[] {
  const since = query.get('updatedSince');
  const rows = [...state.items.values()];
  if (since === null) return rows;
  const from = Date.parse(since);
  if (Number.isNaN(from)) throw new BadRequest(`updatedSince must be an ISO 8601 date-time, got "${since}"`);
  return rows.filter((item) => Date.parse(item.updatedAt) >= from);
}

const WELCOME = '<!doctype html><html><head><title>In-house API</title></head><body><h1>In-house API</h1><p>Sign in to continue.</p></body></html>';

function route(state: ServerState, req: IncomingMessage, res: ServerResponse, url: URL): void {
  const path = url.pathname.replace(/\/+$/, '') || '/';
  if (req.method !== 'GET') return error(res, 405, 'method_not_allowed', `${req.method} is not supported here`, { allow: 'GET' });
  if (path === '/items') {
    const answer = pageOf(state.paging, itemRows(state, url.searchParams), url.searchParams, url, state.maxPageSize, state.faults.loopPaging === true);
    return send(res, 200, answer.body, answer.headers);
  }
  const single = /^\/(items|orders)\/([^/]+)$/.exec(path);
  if (single) {
    const [, kind, rawId] = single as unknown as [string, 'items' | 'orders', string];
    const id = Number(decodeURIComponent(rawId));
    const record = Number.isInteger(id) ? (kind === 'items' ? state.items.get(id) : state.orders.get(id)) : undefined;
    if (!record) return error(res, 404, 'not_found', `${kind === 'items' ? 'item' : 'order'} ${decodeURIComponent(rawId)} does not exist`);
    return send(res, 200, record);
  }
  error(res, 404, 'not_found', `no route GET ${path}`);
}

export function createRequestHandler(state: ServerState): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    state.stats.requests++;
    res.on('finish', () => {
      const log = state.stats.log;
      log.push({ method: req.method ?? '', url: req.url ?? '', status: res.statusCode });
      if (log.length > LOG_LIMIT) log.splice(0, log.length - LOG_LIMIT);
    });
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    if (url.pathname === TOKEN_PATH) {
      token(state, req, res).catch(() => error(res, 500, 'internal', 'token request failed'));
      return;
    }
    if (url.pathname === '/') {
      // A browser-facing page at the root: what a wrong base URL usually reaches.
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(WELCOME);
      return;
    }
    const refused = refusal(req, state.auth, state.credentials, state.apiKeyHeader, state.tokens);
    if (refused !== undefined) {
      state.stats.rejected401++;
      return error(res, 401, 'unauthorized', refused, { 'www-authenticate': state.auth === 'basic' ? 'Basic realm="api"' : 'Bearer realm="api"' });
    }
    const fault = state.faults.failNext;
    if (fault && fault.count > 0) {
      fault.count--;
      if (fault.count === 0) delete state.faults.failNext;
      return error(res, fault.status, 'injected', `injected fault (HTTP ${fault.status})`);
    }
    const hang = state.faults.hangNext;
    if (hang && hang.count > 0) {
      hang.count--;
      if (hang.count === 0) delete state.faults.hangNext;
      state.stats.hung++;
      res.on('close', () => state.stats.abandoned++);
      return;
    }
    try {
      route(state, req, res, url);
    } catch (problem) {
      if (problem instanceof BadRequest) return error(res, 400, 'bad_request', problem.message);
      error(res, 500, 'internal', 'internal error');
    }
  };
}
