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

/**
 * Each factor times 10^6 (results are rounded to 6 decimals) as a reduced fraction, in BigInt and
 * in Number: 1 LB is 45359237 / 100 micro-kilograms, 1 CM is 10000000 / 1. Reduced, the products
 * below usually stay under 2^53, where doubles are exact (see scaledQuotient).
 */
interface Scaled {
  num: bigint;
  den: bigint;
  numN: number;
  denN: number;
}
const scale = 1_000_000n;
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));
function scaled([num, den]: Factor): Scaled {
  const divisor = gcd(num * scale, den);
  const reduced = { num: (num * scale) / divisor, den: den / divisor };
  return { ...reduced, numN: Number(reduced.num), denN: Number(reduced.den) };
}
const scaledFactors = {
  length: Object.fromEntries(Object.entries(toMillimetres).map(([unit, factor]) => [unit, scaled(factor)])),
  weight: Object.fromEntries(Object.entries(toKilograms).map(([unit, factor]) => [unit, scaled(factor)])),
};

export class UnitError extends Error {}

const decimal = /^([+-]?)(\d+)(?:\.(\d+))?$/;

export function convert(kind: 'length' | 'weight', value: string | number, unit: string): number {
  const factor = scaledFactors[kind][unit.trim().toUpperCase()];
  if (!factor) throw new UnitError(`unknown ${kind} unit "${unit}"; known: ${Object.keys(factors[kind]).join(', ')}`);
  // A plain decimal ("12", "-0.5", "300.000"): sign, digits, number of decimals.
  const text = typeof value === 'number' ? String(value) : value.trim();
  const match = decimal.exec(text);
  if (!match) throw new UnitError(`"${String(value)}" is not a number`);
  const [, sign, whole = '', fraction = ''] = match;
  const magnitude = scaledQuotient(`${whole}${fraction}`, fraction.length, factor);
  return sign === '-' && magnitude !== 0 ? -magnitude : magnitude;
}

/**
 * round(digits / 10^decimals × num / den), half up, / 10^6: as integers, floor((2·top + bottom) /
 * (2·bottom)) with top = digits × num and bottom = 10^decimals × den. When those stay under 2^53
 * (a few digits, any unit: the usual case), doubles hold them exactly and `%` is exact, so no
 * BigInt is needed; otherwise BigInt does the same arithmetic. Both round the same rational
 * number, so the result does not depend on the path taken.
 */
function scaledQuotient(digits: string, decimals: number, factor: Scaled): number {
  if (digits.length <= 15) {
    const bottom = 10 ** decimals * factor.denN;
    const dividend = 2 * Number(digits) * factor.numN + bottom;
    const divisor = 2 * bottom;
    if (Number.isSafeInteger(dividend) && Number.isSafeInteger(divisor)) return (dividend - (dividend % divisor)) / divisor / 1e6;
  }
  const top = BigInt(digits) * factor.num;
  const bottom = 10n ** BigInt(decimals) * factor.den;
  return Number((top * 2n + bottom) / (2n * bottom)) / Number(scale);
}
