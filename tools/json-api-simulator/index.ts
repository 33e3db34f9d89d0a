// Local simulator of an in-house system's JSON API (items, orders with lines, an OAuth2 token
// endpoint), for the generic-http connector's tests and demos. See README.md.

import { createServer } from 'node:http';
import { TokenIssuer, type AuthMode, type SimulatorCredentials } from './auth';
import { FIRST_ITEM_ID, generateItem, generateOrder, type ItemRecord, type OrderRecord } from './data';
import { webhookSettings } from './hooks';
import type { PagingStyle } from './paging';
import { createRequestHandler, emptyStats, TOKEN_PATH, type Faults, type ServerState, type SimulatorStats } from './server';
import { closeServer, listen } from '../shared/serve';

export type { AuthMode, SimulatorCredentials } from './auth';
export type { ItemRecord, Measure, OrderLine, OrderRecord } from './data';
export type { PagingStyle } from './paging';
export type { Faults, RequestLogEntry, SimulatorStats } from './server';
export { itemHook, orderHook, orderLineHook, prefixedHook, webhookSettings, type HookPayload } from './hooks';

export interface JsonApiSimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Generated items, ids 1001… (default 250). */
  items?: number;
  /** Generated orders, ids 5001… (default 20). */
  orders?: number;
  /** Same seed, same data (default 1). */
  seed?: number;
  /** Default 'page'. Can be changed later through `sim.paging`. */
  paging?: PagingStyle;
  /** Largest page served; larger requests are capped (default 100). */
  maxPageSize?: number;
  /** Default 'header'. Can be changed later through `sim.auth`. */
  auth?: AuthMode;
  /** Header of the API key (default X-Api-Key). */
  apiKeyHeader?: string;
  credentials?: Partial<SimulatorCredentials>;
  /** expires_in of OAuth2 tokens (default 3600). */
  tokenTtlSeconds?: number;
}

export interface JsonApiSimulator {
  /** The API's base URL, e.g. `http://127.0.0.1:4020` (a generic-http integration's tenantUrl). */
  readonly url: string;
  /** `url + '/oauth/token'`. */
  readonly tokenUrl: string;
  /** What the API accepts: the key, token, user and OAuth2 client. */
  readonly credentials: SimulatorCredentials;
  /** How requests authenticate now; change it at any time. */
  auth: AuthMode;
  /** How /items pages now; change it at any time. */
  paging: PagingStyle;
  /** Live fault switches. */
  faults: Faults;
  readonly stats: SimulatorStats;
  resetStats(): void;
  /** Every issued OAuth2 token answers 401 from now on. */
  expireAllTokens(): void;
  close(): Promise<void>;

  itemIds(): number[];
  item(id: number): ItemRecord | undefined;
  /** Changes an item; updatedAt moves to now unless the patch sets it. */
  updateItem(id: number, patch: Partial<Omit<ItemRecord, 'id'>>): ItemRecord;
  orderIds(): number[];
  order(id: number): OrderRecord | undefined;

  /** The credentials a generic-http integration needs for the current auth mode. */
  integrationCredentials(): Record<string, string>;
  /** settings of a generic-http integration for the current auth and paging modes, with the hook rules. */
  connectorSettings(): Record<string, unknown>;
}

/** settings.items.paging for each style, with the parameter names this simulator uses. */
const pagingSettings: Record<PagingStyle, Record<string, unknown>> = {
  none: { style: 'none' },
  page: { style: 'page', pageParam: 'page', sizeParam: 'pageSize' },
  offset: { style: 'offset', offsetParam: 'offset', limitParam: 'limit' },
  cursor: { style: 'cursor', cursorParam: 'cursor', nextCursorPath: 'meta.nextCursor', sizeParam: 'limit' },
  link: { style: 'link', sizeParam: 'per_page' },
};

export async function createJsonApiSimulator(options: JsonApiSimulatorOptions = {}): Promise<JsonApiSimulator> {
  const seed = options.seed ?? 1;
  const items = Array.from({ length: options.items ?? 250 }, (_, index) => generateItem(seed, index));
  const orders = Array.from({ length: options.orders ?? 20 }, (_, index) => generateOrder(seed, index, items));
  const state: ServerState = {
    auth: options.auth ?? 'header',
    apiKeyHeader: options.apiKeyHeader ?? 'X-Api-Key',
    credentials: {
      apiKey: 'sim-api-key-0123456789',
      token: 'sim-static-token-abcdef',
      username: 'sim-user',
      password: 'sim-pass:word',
      clientId: 'sim-client',
      clientSecret: 'sim-secret',
      ...options.credentials,
    },
    tokens: new TokenIssuer(),
    tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
    paging: options.paging ?? 'page',
    maxPageSize: options.maxPageSize ?? 100,
    faults: {},
    stats: emptyStats(),
    items: new Map(items.map((item) => [item.id, item])),
    orders: new Map(orders.map((order) => [order.id, order])),
  };

  const server = createServer(createRequestHandler(state));
  const url = await listen(server, options.port, options.host);
  const tokenUrl = `${url}${TOKEN_PATH}`;

  const integrationCredentials = (): Record<string, string> => {
    const c = state.credentials;
    switch (state.auth) {
      case 'none':
        return {};
      case 'header':
        return { apiKey: c.apiKey };
      case 'bearer':
        return { token: c.token };
      case 'basic':
        return { username: c.username, password: c.password };
      case 'oauth2':
        return { clientId: c.clientId, clientSecret: c.clientSecret, tokenUrl };
    }
  };

  return {
    url,
    tokenUrl,
    credentials: state.credentials,
    get auth() {
      return state.auth;
    },
    set auth(mode: AuthMode) {
      state.auth = mode;
    },
    get paging() {
      return state.paging;
    },
    set paging(style: PagingStyle) {
      state.paging = style;
    },
    get faults() {
      return state.faults;
    },
    set faults(faults: Faults) {
      state.faults = faults;
    },
    get stats() {
      return state.stats;
    },
    resetStats: () => {
      state.stats = emptyStats();
    },
    expireAllTokens: () => state.tokens.expireAll(),
    close: () => closeServer(server),

    itemIds: () => [...state.items.keys()],
    item: (id) => structuredClone(state.items.get(id)),
    updateItem: (id, patch) => {
      const item = state.items.get(id);
      if (!item) throw new Error(`unknown item ${id}; items are ${FIRST_ITEM_ID}…`);
      Object.assign(item, { updatedAt: new Date().toISOString() }, patch);
      return structuredClone(item);
    },
    orderIds: () => [...state.orders.keys()],
    order: (id) => structuredClone(state.orders.get(id)),

    integrationCredentials,
    connectorSettings: () => ({
      auth: state.auth === 'header' ? { type: 'header', headerName: state.apiKeyHeader } : { type: state.auth },
      items: {
        path: '/items',
        resultsPath: 'data',
        idField: 'id',
        itemPath: '/items/{id}',
        changedSinceParam: 'updatedSince',
        changedAtField: 'updatedAt',
        activeField: 'active',
        paging: pagingSettings[state.paging],
      },
      deliveries: { path: '/orders/{id}', linesPath: 'lines', lineIdField: 'lineNumber' },
      units: { length: 'MM', weight: 'KG' },
      webhook: webhookSettings,
    }),
  };
}
