/**
 * Applies an integration's item mappings to one host-system record, producing an item in
 * canonical units or the reasons it cannot be stored. Bad values are reported per field; the
 * sync goes on with the next record.
 */
import type { SourceRecord, SourceValue } from '../../connectors/types';
import { itemFields, type FieldMap } from '../entities';
import { convert, UnitError } from '../units';
import { asText, isMeasure } from './source-values';

export interface MappedItem {
  sku: string;
  name: string | null;
  category: string | null;
  lengthMm: number | null;
  widthMm: number | null;
  heightMm: number | null;
  weightKg: number | null;
  active: boolean;
  externalId: string;
  sourceChangedAt: Date | null;
}

// A type alias (not an interface) so it is assignable to Prisma's JSON input type.
export type RecordError = {
  externalId: string;
  field: string | null;
  message: string;
};

type Canonical = Omit<MappedItem, 'active' | 'externalId' | 'sourceChangedAt'>;
const canonicalColumn: Record<string, keyof Canonical> = {
  sku: 'sku', name: 'name', category: 'category', length: 'lengthMm', width: 'widthMm', height: 'heightMm', weight: 'weightKg',
};

/** A plain number (or numeric text) in the record's default unit, when the connector gives one. */
function withDefaultUnit(value: SourceValue, unit: string | undefined): SourceValue {
  return unit !== undefined && (typeof value === 'number' || typeof value === 'string') ? { value, unit } : value;
}

export function mapItem(record: SourceRecord, mappings: FieldMap): { item: MappedItem } | { errors: RecordError[] } {
  // No closures or per-field allocations here: a sync maps every record of every page.
  let errors: RecordError[] | undefined;
  const item: Canonical = { sku: '', name: null, category: null, lengthMm: null, widthMm: null, heightMm: null, weightKg: null };
  for (const target of itemFields) {
    const sourceName = mappings[target.name];
    if (!sourceName) continue;
    const value = record.fields[sourceName] ?? null;
    if (target.kind === 'length' || target.kind === 'weight') {
      if (value === null || asText(value) === null) continue;
      const measured = withDefaultUnit(value, record.defaultUnits?.[target.kind]);
      let problem: string | undefined;
      if (!isMeasure(measured)) problem = `expected a ${target.kind} with a unit, got "${asText(value)}"`;
      else {
        try {
          const converted = convert(target.kind, measured.value, measured.unit);
          if (converted < 0) problem = `negative ${target.kind} ${String(measured.value)} ${measured.unit}`;
          else (item[canonicalColumn[target.name]!] as number | null) = converted;
        } catch (error) {
          if (!(error instanceof UnitError)) throw error;
          problem = error.message;
        }
      }
      if (problem !== undefined) (errors ??= []).push({ externalId: record.externalId, field: target.name, message: `${sourceName}: ${problem}` });
      continue;
    }
    (item[canonicalColumn[target.name]!] as string | null) = asText(value);
  }
  if (!item.sku) (errors ??= []).push({ externalId: record.externalId, field: 'sku', message: `missing SKU (source field ${mappings.sku ?? '(unmapped)'} is empty)` });
  if (errors) return { errors };
  return { item: { ...item, active: !record.deleted, externalId: record.externalId, sourceChangedAt: record.changedAt ?? null } };
}
