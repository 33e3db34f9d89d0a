import { describe, expect, it } from 'vitest';
import { sapS4hana } from '../../src/connectors/sap-s4hana/definition';
import { mapItem } from '../../src/domain/mapping/map-item';

const mappings = sapS4hana.defaultMappings.itemMappings;
const changedAt = new Date('2026-04-03T14:30:00Z');

describe('mapping a host record to an item', () => {
  it('applies mappings and converts units', () => {
    const result = mapItem(
      {
        externalId: 'TG11',
        changedAt,
        fields: {
          MaterialNumber: 'TG11',
          MaterialDescription: 'Trading Good 11',
          MaterialGroup: 'L001',
          GrossLength: { value: '30.000', unit: 'CM' },
          GrossWidth: { value: '8', unit: 'IN' },
          GrossHeight: { value: '0.15', unit: 'M' },
          GrossWeight: { value: '2400', unit: 'G' },
        },
      },
      mappings,
    );
    expect(result).toEqual({
      item: { sku: 'TG11', name: 'Trading Good 11', category: 'L001', lengthMm: 300, widthMm: 203.2, heightMm: 150, weightKg: 2.4, active: true, externalId: 'TG11', sourceChangedAt: changedAt },
    });
  });

  it('marks deleted records inactive and leaves missing values empty', () => {
    const result = mapItem({ externalId: 'X', deleted: true, fields: { MaterialNumber: 'X', GrossLength: null } }, mappings);
    expect(result).toMatchObject({ item: { sku: 'X', active: false, lengthMm: null, name: null } });
  });

  it('reports every bad field of a record: missing SKU, bad number, unknown unit, unit-less measure', () => {
    const result = mapItem(
      {
        externalId: 'BAD1',
        fields: {
          MaterialNumber: '  ',
          GrossLength: { value: 'abc', unit: 'MM' },
          GrossWidth: { value: '1', unit: 'XYZ' },
          GrossWeight: '12',
        },
      },
      mappings,
    );
    expect(result).toEqual({
      errors: [
        { externalId: 'BAD1', field: 'length', message: 'GrossLength: "abc" is not a number' },
        { externalId: 'BAD1', field: 'width', message: expect.stringMatching(/^GrossWidth: unknown length unit "XYZ"/) },
        { externalId: 'BAD1', field: 'weight', message: 'GrossWeight: expected a weight with a unit, got "12"' },
        { externalId: 'BAD1', field: 'sku', message: 'missing SKU (source field MaterialNumber is empty)' },
      ],
    });
  });

  it('follows custom mappings', () => {
    const result = mapItem({ externalId: 'A', fields: { MaterialNumber: 'A', MaterialType: 'FERT', GTIN: '4006381333931' } }, { sku: 'GTIN', name: 'MaterialType' });
    expect(result).toMatchObject({ item: { sku: '4006381333931', name: 'FERT', category: null } });
  });
});
