// Generated catalog and orders of the simulated in-house system: deterministic for a seed, so a
// test can compute what the hub should store from the simulator's own records.

export interface Measure {
  value: number;
  unit: string;
}

export interface ItemRecord {
  id: number;
  sku: string;
  name: string;
  category: string;
  /** Millimetres, as plain numbers (the connector's settings.units default). */
  length: number;
  width: number;
  height: number;
  /** With its own unit (KG, G or LB). */
  weight: Measure;
  attributes: { group: string; color: string };
  active: boolean;
  /** ISO 8601. */
  updatedAt: string;
}

export interface OrderLine {
  lineNumber: number;
  lineId: number;
  sku: string;
  quantity: number;
  unit: string;
}

export interface OrderRecord {
  id: number;
  orderId: string;
  customer: string;
  shipTo: string;
  plannedShipDate: string;
  status: 'open' | 'picked' | 'shipped';
  lines: OrderLine[];
}

/** mulberry32: small, fast, good enough for test data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOUNS = ['bracket', 'hinge', 'bolt set', 'cable', 'pump', 'valve', 'filter', 'sensor', 'panel', 'crate'];
const ADJECTIVES = ['Steel', 'Brass', 'Compact', 'Heavy-duty', 'Coated', 'Industrial', 'Mini', 'Universal'];
const CATEGORIES = ['Hardware', 'Electrical', 'Plumbing', 'Packaging', 'Tools'];
const COLORS = ['black', 'grey', 'red', 'blue', 'natural'];
const SITES = ['Berlin DC', 'Hamburg Store 12', 'Munich Plant', 'Vienna Hub', 'Zurich Retail'];
/** Fixed window, so the clock never changes the data: 2024-01-01 to 2025-12-31. */
const EPOCH = Date.UTC(2024, 0, 1);
const WINDOW_MS = 730 * 24 * 3600 * 1000;

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;
const pick = <T>(rng: () => number, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;

export const FIRST_ITEM_ID = 1001;
export const FIRST_ORDER_ID = 5001;

export function generateItem(seed: number, index: number): ItemRecord {
  const rng = random(seed * 1_000_003 + index);
  const kg = round(0.05 + rng() * 25, 3);
  const unit = pick(rng, ['KG', 'KG', 'G', 'LB'] as const);
  const weight = unit === 'KG' ? kg : unit === 'G' ? round(kg * 1000, 1) : round(kg / 0.45359237, 3);
  return {
    id: FIRST_ITEM_ID + index,
    sku: `SKU-${String(index + 1).padStart(6, '0')}`,
    name: `${pick(rng, ADJECTIVES)} ${pick(rng, NOUNS)} ${10 + Math.floor(rng() * 190)}`,
    category: pick(rng, CATEGORIES),
    length: round(20 + rng() * 980, 1),
    width: round(10 + rng() * 490, 1),
    height: round(5 + rng() * 295, 1),
    weight: { value: weight, unit },
    attributes: { group: `G${1 + Math.floor(rng() * 4)}`, color: pick(rng, COLORS) },
    active: rng() > 0.03,
    updatedAt: new Date(EPOCH + Math.floor(rng() * WINDOW_MS / 1000) * 1000).toISOString(),
  };
}

export function generateOrder(seed: number, index: number, items: readonly ItemRecord[]): OrderRecord {
  const rng = random(seed * 7_000_001 + index);
  const id = FIRST_ORDER_ID + index;
  const lines = Array.from({ length: 1 + Math.floor(rng() * 4) }, (_, n): OrderLine => ({
    lineNumber: n + 1,
    lineId: id * 100 + n + 1,
    sku: items.length > 0 ? pick(rng, items).sku : `SKU-${String(n + 1).padStart(6, '0')}`,
    quantity: 1 + Math.floor(rng() * 24),
    unit: 'PC',
  }));
  return {
    id,
    orderId: `SO-${id}`,
    customer: `C-${1000 + Math.floor(rng() * 9000)}`,
    shipTo: pick(rng, SITES),
    plannedShipDate: new Date(EPOCH + Math.floor(rng() * WINDOW_MS / 86_400_000) * 86_400_000).toISOString().slice(0, 10),
    status: pick(rng, ['open', 'picked', 'shipped'] as const),
    lines,
  };
}
