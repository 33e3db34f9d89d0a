// Unit conversions for generating consistent data (carton weights, delivery item weights).
// Only the units the generator uses are listed; anything else (e.g. an injected 'XYZ') yields NaN.

const MM_PER: Readonly<Record<string, number>> = { MM: 1, CM: 10, M: 1000, IN: 25.4 };
const KG_PER: Readonly<Record<string, number>> = { KG: 1, G: 0.001, LB: 0.45359237 };
const M3_PER: Readonly<Record<string, number>> = { M3: 1, CDM: 0.001 };

/** Decimal places that look natural for a value in that unit (SAP keeps scale 3 on the wire). */
const LENGTH_DECIMALS: Readonly<Record<string, number>> = { MM: 0, CM: 1, M: 3, IN: 2 };
const WEIGHT_DECIMALS: Readonly<Record<string, number>> = { KG: 3, G: 0, LB: 3 };

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** Edm.Decimal with scale 3, as SAP sends it: a string such as "10.000". */
export function decimal3(value: number): string {
  return value.toFixed(3);
}

export function formatLength(mm: number, unit: string): string {
  return decimal3(round(mm / (MM_PER[unit] ?? NaN), LENGTH_DECIMALS[unit] ?? 3));
}

export function formatWeight(kg: number, unit: string): string {
  // Never let a real item round down to zero grams.
  const value = round(kg / (KG_PER[unit] ?? NaN), WEIGHT_DECIMALS[unit] ?? 3);
  return decimal3(value === 0 ? 1 / 10 ** (WEIGHT_DECIMALS[unit] ?? 3) : value);
}

export function toKg(value: string, unit: string): number {
  return Number(value) * (KG_PER[unit] ?? NaN);
}

export function toM3(value: string, unit: string): number {
  return Number(value) * (M3_PER[unit] ?? NaN);
}

/** Volume in the unit SAP users typically maintain: dm3 for small goods, m3 otherwise. */
export function formatVolume(m3: number): { value: string; unit: string } {
  return m3 < 0.1 ? { value: decimal3(m3 * 1000), unit: 'CDM' } : { value: decimal3(m3), unit: 'M3' };
}
