/** Reading host-system values (as connectors hand them over) into plain text, numbers and dates. */
import type { Measure, SourceValue } from '../../connectors/types';

export function isMeasure(value: SourceValue): value is Measure {
  return typeof value === 'object' && value !== null && !(value instanceof Date) && 'unit' in value;
}

/** Trimmed text, or null for a missing or blank value. */
export function asText(value: SourceValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (isMeasure(value)) return String(value.value);
  const text = String(value).trim();
  return text === '' ? null : text;
}

/** A plain decimal ("12", "10.000", 3.5) as a number; throws with a message fit for a record error. */
export function asNumber(value: SourceValue): number {
  const text = asText(value);
  if (text === null || !/^[+-]?\d+(\.\d+)?$/.test(text)) throw new TypeError(`"${text ?? ''}" is not a number`);
  return Number(text);
}

/** A Date, or an ISO 8601 string; throws for anything else. */
export function asDate(value: SourceValue): Date {
  if (value instanceof Date) return value;
  const text = asText(value);
  const date = text === null ? new Date(Number.NaN) : new Date(text);
  if (Number.isNaN(date.getTime())) throw new TypeError(`"${text ?? ''}" is not a date`);
  return date;
}
