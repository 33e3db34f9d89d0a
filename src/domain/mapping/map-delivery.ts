/**
 * Applies an integration's delivery mappings to a host-system delivery: one header (order id,
 * ship-to, planned ship date, taken from the first line, which carries the header's fields) and
 * its lines (sku, quantity, unit). Bad values are reported per line and field.
 */
import type { SourceDelivery, SourceRecord, SourceValue } from '../../connectors/types';
import type { FieldMap } from '../entities';
import type { RecordError } from './map-item';
import { asDate, asNumber, asText } from './source-values';

export interface MappedDeliveryLine {
  lineNumber: string;
  sku: string;
  quantity: number;
  quantityUnit: string | null;
}

export interface MappedDelivery {
  orderId: string;
  shipTo: string | null;
  plannedShipDate: Date | null;
  externalId: string;
  lines: MappedDeliveryLine[];
}

export function mapDelivery(delivery: SourceDelivery, mappings: FieldMap): { delivery: MappedDelivery } | { errors: RecordError[] } {
  const errors: RecordError[] = [];
  const read = (record: SourceRecord, target: string): SourceValue => {
    const source = mappings[target];
    return source === undefined ? null : (record.fields[source] ?? null);
  };
  const attempt = <T>(record: SourceRecord, target: string, parse: (value: SourceValue) => T): T | null => {
    const value = read(record, target);
    if (asText(value) === null) return null;
    try {
      return parse(value);
    } catch (error) {
      errors.push({ externalId: record.externalId, field: target, message: `${mappings[target]}: ${(error as Error).message}` });
      return null;
    }
  };

  const header = delivery.lines[0];
  const orderId = (header && asText(read(header, 'orderId'))) ?? delivery.externalId;
  const lines = delivery.lines.map((record, index): MappedDeliveryLine => {
    const sku = asText(read(record, 'sku'));
    if (sku === null) errors.push({ externalId: record.externalId, field: 'sku', message: `missing SKU (source field ${mappings.sku ?? '(unmapped)'} is empty)` });
    const quantity = attempt(record, 'quantity', asNumber);
    if (quantity === null && asText(read(record, 'quantity')) === null) {
      errors.push({ externalId: record.externalId, field: 'quantity', message: `missing quantity (source field ${mappings.quantity ?? '(unmapped)'} is empty)` });
    }
    return {
      lineNumber: asText(read(record, 'lineNumber')) ?? String(index + 1),
      sku: sku ?? '',
      quantity: quantity ?? 0,
      quantityUnit: asText(read(record, 'quantityUnit')),
    };
  });
  const seen = new Set<string>();
  lines.forEach((line, index) => {
    if (seen.has(line.lineNumber)) errors.push({ externalId: delivery.lines[index]!.externalId, field: 'lineNumber', message: `line number ${line.lineNumber} appears twice` });
    seen.add(line.lineNumber);
  });
  const mapped: MappedDelivery = {
    orderId,
    shipTo: header ? asText(read(header, 'shipTo')) : null,
    plannedShipDate: header ? attempt(header, 'plannedShipDate', asDate) : null,
    externalId: delivery.externalId,
    lines,
  };
  return errors.length ? { errors } : { delivery: mapped };
}
