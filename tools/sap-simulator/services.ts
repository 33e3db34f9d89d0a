// The two OData services and their entity sets, bound to the data stores. Each entity set exposes
// rows in key order (the order Gateway returns without $orderby) and how to read and navigate them.

import type { DeliveryRecord, DeliveryStore } from './deliveries';
import type { ServiceInfo } from './errors';
import {
  DELIVERY_HEADER_TYPE,
  DELIVERY_ITEM_TYPE,
  DESCRIPTION_TYPE,
  PRODUCT_TYPE,
  UNIT_TYPE,
  type EntityType,
} from './model';
import type { ProductRecord, ProductStore } from './products';

/** Rows are opaque to the server: an index for products and delivery headers, a record otherwise. */
export interface EntitySet {
  type: EntityType;
  /** Rows in key order. `pins` (key values fixed by the $filter) only narrow the scan. */
  rows(pins: Readonly<Record<string, string>>): readonly unknown[];
  find(key: Readonly<Record<string, string>>): unknown;
  value(row: unknown, property: string): unknown;
  data(row: unknown): Readonly<Record<string, unknown>>;
  navigate(row: unknown, navigation: string): readonly unknown[];
  /** When present, query results may be cached while the value stays the same. */
  version?(): number;
}

export interface Service {
  info: ServiceInfo;
  sets: ReadonlyMap<string, EntitySet>;
}

type Data = Readonly<Record<string, unknown>>;

/** Generating a record is the expensive part; serializing one row reads it several times. */
function lastRecordMemo<R>(load: (i: number) => R, version: () => number): (i: number) => R {
  let memo: { i: number; version: number; record: R } | undefined;
  return (i) => {
    if (memo?.i !== i || memo.version !== version()) memo = { i, version: version(), record: load(i) };
    return memo.record;
  };
}

function childSet(type: EntityType, all: (pins: Readonly<Record<string, string>>) => readonly Data[]): EntitySet {
  return {
    type,
    rows: all,
    find: (key) => all(key).find((row) => type.keys.every((k) => row[k] === key[k])),
    value: (row, property) => (row as Data)[property],
    data: (row) => row as Data,
    navigate: () => [],
  };
}

export function productService(store: ProductStore): Service {
  const record = lastRecordMemo<ProductRecord>((i) => store.peek(i), () => store.version);
  const productsFor = (pins: Readonly<Record<string, string>>): readonly number[] => {
    if (pins.Product === undefined) return store.keyOrder();
    const i = listed(pins.Product);
    return i === undefined ? [] : [i];
  };
  // A removed product is gone from the tenant: not listed, and 404 by key.
  const listed = (id: string | undefined): number | undefined => {
    const i = id === undefined ? undefined : store.indexOf(id);
    return i === undefined || store.isRemoved(i) ? undefined : i;
  };
  const products: EntitySet = {
    type: PRODUCT_TYPE,
    rows: productsFor,
    find: (key) => listed(key.Product),
    value: (row, property) => store.value(row as number, property),
    data: (row) => record(row as number).header,
    navigate: (row, navigation) => {
      const r = record(row as number);
      return navigation === 'to_Description' ? r.descriptions : navigation === 'to_ProductUnitsOfMeasure' ? r.unitsOfMeasure : [];
    },
    version: () => store.version,
  };
  const descriptions = childSet(DESCRIPTION_TYPE, (pins) => productsFor(pins).flatMap((i) => record(i).descriptions));
  const units = childSet(UNIT_TYPE, (pins) => productsFor(pins).flatMap((i) => record(i).unitsOfMeasure));
  return {
    info: { id: 'API_PRODUCT_SRV', version: '0001', componentId: 'LO-MD-MM' },
    sets: new Map([
      [PRODUCT_TYPE.set, products],
      [DESCRIPTION_TYPE.set, descriptions],
      [UNIT_TYPE.set, units],
    ]),
  };
}

export function deliveryService(store: DeliveryStore, products: ProductStore): Service {
  // Delivery items read product data, so a product change must drop the memo.
  const record = lastRecordMemo<DeliveryRecord>((i) => store.record(i), () => products.version);
  const deliveriesFor = (pins: Readonly<Record<string, string>>): readonly number[] => {
    if (pins.DeliveryDocument === undefined) return Array.from({ length: store.size }, (_, i) => i);
    const i = store.indexOf(pins.DeliveryDocument);
    return i === undefined ? [] : [i];
  };
  const headers: EntitySet = {
    type: DELIVERY_HEADER_TYPE,
    rows: deliveriesFor,
    find: (key) => (key.DeliveryDocument === undefined ? undefined : store.indexOf(key.DeliveryDocument)),
    value: (row, property) => (record(row as number).header as unknown as Data)[property],
    data: (row) => record(row as number).header,
    navigate: (row, navigation) => (navigation === 'to_DeliveryDocumentItem' ? record(row as number).items : []),
  };
  const items = childSet(DELIVERY_ITEM_TYPE, (pins) => deliveriesFor(pins).flatMap((i) => record(i).items));
  const itemsByPaddedKey: EntitySet = {
    ...items,
    // Item numbers are NUMC(6): '10' and '000010' address the same item.
    find: (key) => items.find({ ...key, DeliveryDocumentItem: (key.DeliveryDocumentItem ?? '').padStart(6, '0') }),
  };
  return {
    info: { id: 'API_OUTBOUND_DELIVERY_SRV', version: '0002', componentId: 'LE-SHP-DL' },
    sets: new Map([
      [DELIVERY_HEADER_TYPE.set, headers],
      [DELIVERY_ITEM_TYPE.set, itemsByPaddedKey],
    ]),
  };
}
