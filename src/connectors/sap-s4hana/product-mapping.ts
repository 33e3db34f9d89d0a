/**
 * One A_Product (with to_Description and to_ProductUnitsOfMeasure expanded) as a SourceRecord
 * keyed by the catalog's logical field names (definition.ts). Values stay as SAP sends them:
 * decimals are strings, units are SAP's codes; the domain converts and reports bad values.
 */
import type { Measure, SourceRecord } from '../types';
import { expanded, parseODataDate, sapText, type ODataEntity } from './odata';

/**
 * `$select` for the properties mapProduct reads, and nothing else: a product listed with every
 * property, `__deferred` links and all unit-of-measure columns is about 5 KB of JSON; with this
 * list it is about 2 KB, which halves the bytes SAP sends, the JSON the hub parses and the garbage
 * each page leaves behind. Navigation properties are listed by path (`to_X/Prop`), as OData V2
 * requires for expanded data under `$select`. Keep in step with mapProduct below.
 */
export const PRODUCT_SELECT = [
  'Product', 'ProductType', 'ProductGroup', 'BaseUnit', 'GrossWeight', 'WeightUnit', 'NetWeight', 'ProductStandardID',
  'LastChangeDateTime', 'IsMarkedForDeletion',
  'to_Description/Language', 'to_Description/ProductDescription',
  'to_ProductUnitsOfMeasure/AlternativeUnit', 'to_ProductUnitsOfMeasure/UnitSpecificProductLength',
  'to_ProductUnitsOfMeasure/UnitSpecificProductWidth', 'to_ProductUnitsOfMeasure/UnitSpecificProductHeight',
  'to_ProductUnitsOfMeasure/ProductMeasurementUnit', 'to_ProductUnitsOfMeasure/GrossWeight', 'to_ProductUnitsOfMeasure/WeightUnit',
].join(',');

/** Description language until it becomes a per-integration setting. */
export const DEFAULT_LANGUAGE = 'EN';

/** "0.000" (SAP's initial value for a decimal) and "" both mean "not maintained". */
function maintained(value: unknown): value is string | number {
  if (typeof value === 'number') return value !== 0;
  if (typeof value !== 'string' || value.trim() === '') return false;
  return !/^[+-]?(0+(\.0*)?|\.0+)$/.test(value.trim());
}

/**
 * A value with its unit, or null when the value is not maintained. A maintained value without a
 * unit is kept (unit "") rather than dropped, so the sync reports the inconsistency.
 */
function measure(value: unknown, unit: unknown): Measure | null {
  if (!maintained(value)) return null;
  return { value, unit: typeof unit === 'string' ? unit.trim() : '' };
}

function description(entity: ODataEntity, language: string): string | null {
  const rows = expanded(entity, 'to_Description');
  const chosen = rows.find((row) => row.Language === language) ?? rows[0];
  return sapText(chosen?.ProductDescription);
}

export function mapProduct(entity: ODataEntity, language = DEFAULT_LANGUAGE): SourceRecord {
  const id = typeof entity.Product === 'string' ? entity.Product : '';
  // Dimensions exist only per unit of measure; the base unit's row describes one piece.
  const baseUnit = entity.BaseUnit;
  const baseRow = expanded(entity, 'to_ProductUnitsOfMeasure').find((row) => row.AlternativeUnit === baseUnit);
  const dimension = (property: string) => (baseRow ? measure(baseRow[property], baseRow.ProductMeasurementUnit) : null);
  return {
    externalId: id,
    fields: {
      MaterialNumber: sapText(id),
      MaterialDescription: description(entity, language),
      MaterialGroup: sapText(entity.ProductGroup),
      MaterialType: sapText(entity.ProductType),
      BaseUnit: sapText(baseUnit),
      GrossLength: dimension('UnitSpecificProductLength'),
      GrossWidth: dimension('UnitSpecificProductWidth'),
      GrossHeight: dimension('UnitSpecificProductHeight'),
      // The header weight normally equals the base-unit row's; the row fills in when the header is blank.
      GrossWeight: measure(entity.GrossWeight, entity.WeightUnit) ?? (baseRow ? measure(baseRow.GrossWeight, baseRow.WeightUnit) : null),
      NetWeight: measure(entity.NetWeight, entity.WeightUnit),
      GTIN: sapText(entity.ProductStandardID),
    },
    changedAt: parseODataDate(entity.LastChangeDateTime),
    deleted: entity.IsMarkedForDeletion === true,
  };
}
