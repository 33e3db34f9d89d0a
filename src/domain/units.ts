/**
 * Exact unit conversion into the canonical units of items: millimetres and kilograms.
 * Values arrive as decimal strings (SAP sends Edm.Decimal as text); they are converted with
 * integer arithmetic and rounded half away from zero to 6 decimals, so 12.3 IN is 312.42 mm,
 * not 312.42000000000004.
 */

/** Factor to the canonical unit as numerator / denominator. SAP codes and ISO codes. */
type Factor = readonly [bigint, bigint];

const toMillimetres: Record<string, Factor> = {
  MM: [1n, 1n], MMT: [1n, 1n],
  CM: [10n, 1n], CMT: [10n, 1n],
  DM: [100n, 1n], DMT: [100n, 1n],
  M: [1000n, 1n], MTR: [1000n, 1n],
  IN: [254n, 10n], INH: [254n, 10n],
  FT: [3048n, 10n], FOT: [3048n, 10n],
  YD: [9144n, 10n], YRD: [9144n, 10n],
};

const toKilograms: Record<string, Factor> = {
  KG: [1n, 1n], KGM: [1n, 1n],
  G: [1n, 1000n], GRM: [1n, 1000n],
  MG: [1n, 1_000_000n], MGM: [1n, 1_000_000n],
  TO: [1000n, 1n], T: [1000n, 1n], TNE: [1000n, 1n],
  LB: [45359237n, 100_000_000n], LBR: [45359237n, 100_000_000n],
  OZ: [28349523125n, 1_000_000_000_000n], ONZ: [28349523125n, 1_000_000_000_000n],
};

export const canonicalUnit = { length: 'mm', weight: 'kg' } as const;
const factors = { length: toMillimetres, weight: toKilograms };
const scale = 1_000_000n;

export class UnitError extends Error {}

/** Parses a plain decimal ("12", "-0.5", "300.000") into numerator / power-of-ten denominator. */
function parseDecimal(raw: string | number): [bigint, bigint] {
  const text = typeof raw === 'number' ? String(raw) : raw.trim();
  const match = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new UnitError(`"${String(raw)}" is not a number`);
  const [, sign, whole, fraction = ''] = match;
  const numerator = BigInt(`${whole}${fraction}`) * (sign === '-' ? -1n : 1n);
  return [numerator, 10n ** BigInt(fraction.length)];
}

export function convert(kind: 'length' | 'weight', value: string | number, unit: string): number {
  const factor = factors[kind][unit.trim().toUpperCase()];
  if (!factor) throw new UnitError(`unknown ${kind} unit "${unit}"; known: ${Object.keys(factors[kind]).join(', ')}`);
  const [numerator, denominator] = parseDecimal(value);
  const top = numerator * factor[0] * scale;
  const bottom = denominator * factor[1];
  const magnitude = ((top < 0n ? -top : top) * 2n + bottom) / (2n * bottom);
  return Number(top < 0n ? -magnitude : magnitude) / Number(scale);
}
