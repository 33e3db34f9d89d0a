import { describe, expect, it } from 'vitest';
import { convert, UnitError } from '../../src/domain/units';

describe('unit conversion to millimetres and kilograms', () => {
  it.each([
    ['300.000', 'MM', 300],
    ['30', 'CM', 300],
    ['0.3', 'M', 300],
    ['12.3', 'IN', 312.42],
    ['1', 'FT', 304.8],
    ['2.5', 'MTR', 2500],
    ['-1.5', 'CM', -15],
  ])('length %s %s = %s mm', (value, unit, mm) => {
    expect(convert('length', value, unit)).toBe(mm);
  });

  it.each([
    ['2.400', 'KG', 2.4],
    ['2400', 'G', 2.4],
    ['1', 'LB', 0.453592],
    ['16', 'OZ', 0.453592],
    ['1.5', 'TO', 1500],
    ['1', 'MG', 0.000001],
    ['0.1', 'GRM', 0.0001],
  ])('weight %s %s = %s kg', (value, unit, kg) => {
    expect(convert('weight', value, unit)).toBe(kg);
  });

  it('is exact where floating point is not', () => {
    expect(4.35 * 100).not.toBe(435);
    expect(convert('length', '4.35', 'dm')).toBe(435);
    expect(3 * 0.45359237).not.toBe(1.36077711);
    expect(convert('weight', '3000', 'LB')).toBe(1360.77711);
    expect(convert('weight', 3, 'LB')).toBe(1.360777); // rounded half up to 6 decimals
  });

  it('rejects unknown units and malformed numbers with a clear message', () => {
    expect(() => convert('length', '1', 'XYZ')).toThrow(new UnitError('unknown length unit "XYZ"; known: MM, MMT, CM, CMT, DM, DMT, M, MTR, IN, INH, FT, FOT, YD, YRD'));
    expect(() => convert('weight', '1', 'MM')).toThrow(/unknown weight unit "MM"/);
    for (const bad of ['abc', '1,5', '1e3', '', '1.2.3']) expect(() => convert('length', bad, 'MM')).toThrow(/is not a number/);
  });
});
