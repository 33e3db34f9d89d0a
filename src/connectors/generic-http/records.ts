/**
 * A record of the in-house API as the mapping step reads it: every dotted path of the JSON as a
 * source field (users map paths, not a fixed catalog), the id from settings.items.idField, and
 * the configured default units for dimensions sent as plain numbers.
 */
import { ConnectorError, type SourceRecord } from '../types';
import { flatten, idText, isObject, valueAt } from './json-path';
import type { GenericSettings } from './settings';

/** An ISO 8601 text or epoch milliseconds, as APIs send timestamps; undefined otherwise. */
function timestamp(value: unknown): Date | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The record as an object, or a protocol error that points at the setting that located it. */
export function expectObject(value: unknown, where: string, setting: string): Record<string, unknown> {
  if (isObject(value)) return value;
  const found = Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;
  throw new ConnectorError(`the API sent ${found} where a record was expected (${where}): check ${setting}`, 'protocol');
}

export function itemRecord(raw: Record<string, unknown>, settings: GenericSettings): SourceRecord {
  const { idField, changedAtField, activeField } = settings.items;
  const record: SourceRecord = {
    externalId: idText(valueAt(raw, idField)) ?? '',
    fields: flatten(raw),
    defaultUnits: settings.units,
  };
  const changedAt = changedAtField === undefined ? undefined : timestamp(valueAt(raw, changedAtField));
  if (changedAt) record.changedAt = changedAt;
  if (activeField !== undefined) record.deleted = valueAt(raw, activeField) === false;
  return record;
}
