// Local simulator of SAP S/4HANA Cloud's OData V2 APIs (API_PRODUCT_SRV, API_OUTBOUND_DELIVERY_SRV
// v0002) and its OAuth token endpoint, for the hub's SAP connector tests and demos. See README.md.

import { createServer } from 'node:http';
import { CsrfTokens, TokenIssuer } from './auth';
import { DeliveryStore, type DeliveryInput, type DeliveryRecord } from './deliveries';
import { outboundDeliveryEvent, productEvent, type CloudEvent, type DeliveryEventAction, type OutboundDeliveryEventData, type ProductEventAction, type ProductEventData } from './events';
import type { FaultOptions } from './faults';
import { ProductStore, type Language, type ProductInput, type ProductPatch, type ProductRecord } from './products';
import { createRequestHandler, emptyStats, TOKEN_PATH, type ServerState, type SimulatorStats } from './server';
import { deliveryService, productService } from './services';
import { closeServer, listen } from '../shared/serve';

export type { CloudEvent, DeliveryEventAction, OutboundDeliveryEventData, ProductEventAction, ProductEventData, SendEventOptions, SendEventResult } from './events';
export { cloudEvent, outboundDeliveryEvent, productEvent, sendEvent, webhookSignature, DEFAULT_EVENT_SOURCE } from './events';
export type { FaultOptions, FaultStatus } from './faults';
export type { DeliveryHeader, DeliveryItem, ProductDescription, ProductHeader, ProductUnitOfMeasure } from './model';
export type { DeliveryInput, DeliveryItemInput, DeliveryRecord } from './deliveries';
export type { Language, ProductInput, ProductPatch, ProductRecord } from './products';
export type { RequestLogEntry, SimulatorStats } from './server';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './paging';

export const PRODUCT_SERVICE_PATH = '/sap/opu/odata/sap/API_PRODUCT_SRV';
export const DELIVERY_SERVICE_PATH = '/sap/opu/odata/sap/API_OUTBOUND_DELIVERY_SRV;v=0002';

export interface SapSimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Generated products (default 250); 100_000 is fine, records are generated on demand. */
  products?: number;
  /** Generated outbound deliveries 80000001... (default 25). */
  deliveries?: number;
  /** Same seed, same data (default 1). */
  seed?: number;
  /** Default `sim-client`. Also the communication user for Basic auth. */
  clientId?: string;
  /** Default `sim-secret`. */
  clientSecret?: string;
  /** expires_in of issued tokens (default 43199, as XSUAA). */
  tokenTtlSeconds?: number;
  /** Logon language: the description every product has, and the error message language (default EN). */
  language?: Language;
  faults?: FaultOptions;
}

export interface SapSimulator {
  /** Tenant API host, e.g. `http://127.0.0.1:4010`; services live under `/sap/opu/odata/sap/`. */
  readonly url: string;
  /** `url + '/oauth/token'`. */
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Live fault switches; change them (or assign a new object) at any time. */
  faults: FaultOptions;
  readonly stats: SimulatorStats;
  resetStats(): void;
  /** Every issued bearer token answers 401 from now on. */
  expireAllTokens(): void;
  close(): Promise<void>;

  /** The ids of the products the tenant has: generated first (in index order), then added ones; removed ones left out. */
  productIds(): string[];
  /** Deletes products from the tenant: no longer listed or found by key, as after a deletion in SAP. */
  removeProducts(ids: readonly string[]): void;
  /** Brings removed products back, unchanged. */
  restoreProducts(ids: readonly string[]): void;
  /** A copy of a product by id or generation index. */
  product(idOrIndex: string | number): ProductRecord | undefined;
  /** Adds a product: realistic generated values, overridden by `input`; LastChangeDateTime = now. */
  addProduct(input: ProductInput): ProductRecord;
  /** Changes a product; LastChangeDateTime moves to now unless `patch.header` sets it. */
  updateProduct(id: string, patch: ProductPatch): ProductRecord;
  /** Moves only LastChangeDateTime (default now), for incremental-sync tests. */
  setProductChanged(id: string, at?: Date): void;

  deliveryIds(): string[];
  delivery(id: string): DeliveryRecord | undefined;
  addDelivery(input: DeliveryInput): DeliveryRecord;

  /** A CloudEvent for a stored delivery, with data taken from its header. */
  deliveryEvent(id: string, action?: DeliveryEventAction): CloudEvent<OutboundDeliveryEventData>;
  productEvent(id: string, action?: ProductEventAction): CloudEvent<ProductEventData>;
}

export async function createSapSimulator(options: SapSimulatorOptions = {}): Promise<SapSimulator> {
  const products = new ProductStore(options.seed ?? 1, options.products ?? 250, options.language ?? 'EN');
  const deliveries = new DeliveryStore(options.seed ?? 1, options.deliveries ?? 25, products);
  const productSrv = productService(products);
  const deliverySrv = deliveryService(deliveries, products);
  const state: ServerState = {
    clientId: options.clientId ?? 'sim-client',
    clientSecret: options.clientSecret ?? 'sim-secret',
    tokenTtlSeconds: options.tokenTtlSeconds ?? 43199,
    language: options.language ?? 'EN',
    faults: options.faults ?? {},
    stats: emptyStats(),
    tokens: new TokenIssuer(),
    csrf: new CsrfTokens(),
    services: new Map([
      ['API_PRODUCT_SRV;v=0001', productSrv],
      ['API_OUTBOUND_DELIVERY_SRV;v=0002', deliverySrv],
    ]),
  };

  const server = createServer(createRequestHandler(state));
  const url = await listen(server, options.port, options.host);

  const productIndex = (idOrIndex: string | number): number | undefined =>
    typeof idOrIndex === 'number' ? (idOrIndex >= 0 && idOrIndex < products.size ? idOrIndex : undefined) : products.indexOf(idOrIndex);

  return {
    url,
    tokenUrl: `${url}${TOKEN_PATH}`,
    clientId: state.clientId,
    clientSecret: state.clientSecret,
    get faults() {
      return state.faults;
    },
    set faults(faults: FaultOptions) {
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

    productIds: () => products.allIds(),
    removeProducts: (ids) => products.remove(ids),
    restoreProducts: (ids) => products.restore(ids),
    product: (idOrIndex) => {
      const i = productIndex(idOrIndex);
      return i === undefined ? undefined : products.record(i);
    },
    addProduct: (input) => products.add(input),
    updateProduct: (id, patch) => products.update(id, patch),
    setProductChanged: (id, at = new Date()) => products.touch(id, at.getTime()),

    deliveryIds: () => deliveries.allIds(),
    delivery: (id) => {
      const i = deliveries.indexOf(id);
      return i === undefined ? undefined : deliveries.record(i);
    },
    addDelivery: (input) => deliveries.add(input),

    deliveryEvent: (id, action = 'Created') => {
      const i = deliveries.indexOf(id);
      if (i === undefined) throw new Error(`Unknown delivery ${id}`);
      const h = deliveries.record(i).header;
      return outboundDeliveryEvent(action, {
        OutboundDelivery: h.DeliveryDocument,
        DeliveryDocumentType: h.DeliveryDocumentType,
        SalesOrganization: h.SalesOrganization,
        SDDocumentCategory: h.SDDocumentCategory,
        ...(action === 'GIStatusChanged' ? { OverallGoodsMovementStatus: h.OverallGoodsMovementStatus, PrevOverallGoodsMovementStatus: 'A' } : {}),
      });
    },
    productEvent: (id, action = 'Changed') => {
      const i = products.indexOf(id);
      if (i === undefined) throw new Error(`Unknown product ${id}`);
      return productEvent(action, { Product: id, ProductType: products.peek(i).header.ProductType });
    },
  };
}
