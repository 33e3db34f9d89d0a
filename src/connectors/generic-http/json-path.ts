/**
 * Dotted paths into JSON ("data.items", "dimensions.length", "lines.0.sku"): how every setting
 * of this connector names a place in a host system's answer, and how users name source fields
 * in their mappings. Deliberately not JSONPath: no wildcards or filters, so a path names exactly
 * one value and a typo shows up as a missing value, not as a silently different selection.
 */
import { isObject } from '../shared/error-bodies';
import type { Measure, SourceValue } from '../types';

export { isObject };

/** The value at `path` ("" is the value itself), or undefined when any step is missing. */
export function valueAt(value: unknown, path: string): unknown {
  if (path === '') return value;
  let current: unknown = value;
  for (const key of path.split('.')) {
    if (Array.isArray(current) && /^\d+$/.test(key)) current = current[Number(key)];
    else if (isObject(current) && Object.hasOwn(current, key)) current = current[key];
    else return undefined;
  }
  return current;
}

/** `{ "value": 12.5, "unit": "CM" }`: a measured value with its own unit. */
function asMeasure(value: Record<string, unknown>): Measure | undefined {
  const { value: amount, unit } = value;
  return (typeof amount === 'number' || typeof amount === 'string') && typeof unit === 'string' ? { value: amount, unit } : undefined;
}

/** Deeper structures than this are not offered as source fields (and cannot blow up a record). */
const MAX_DEPTH = 8;
/** Values taken from one record at most; a record carrying a huge embedded list stops there. */
const MAX_FIELDS = 2000;

/**
 * Every leaf of a JSON record under its dotted path, as the mapping step reads source fields.
 * Objects shaped `{value, unit}` appear as one Measure under their own path (their parts are
 * kept as well). Arrays are indexed ("tags.0"). The mapping step looks fields up by name, so a
 * flat map is all it needs, and a missing path simply reads as null.
 */
export function flatten(record: Record<string, unknown>): Record<string, SourceValue> {
  const fields: Record<string, SourceValue> = {};
  let count = 0;
  const visit = (value: unknown, path: string, depth: number): void => {
    if (count >= MAX_FIELDS) return;
    if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      fields[path] = value;
      count++;
      return;
    }
    if (depth >= MAX_DEPTH || typeof value !== 'object') return;
    if (!Array.isArray(value)) {
      const measure = asMeasure(value as Record<string, unknown>);
      if (measure && path !== '') fields[path] = measure;
    }
    for (const [key, child] of Object.entries(value)) visit(child, path === '' ? key : `${path}.${key}`, depth + 1);
  };
  visit(record, '', 0);
  return fields;
}

/** An id as the host system sends it: a non-blank string or an integer. */
export function idText(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return undefined;
}

/** Top-level keys of a body, for messages that say where the expected value was not. */
export function describeShape(body: unknown): string {
  if (Array.isArray(body)) return 'the body is an array';
  if (!isObject(body)) return `the body is ${body === null ? 'null' : typeof body}`;
  const keys = Object.keys(body);
  return keys.length === 0 ? 'the body is an empty object' : `its top-level keys are ${keys.slice(0, 10).join(', ')}${keys.length > 10 ? ', …' : ''}`;
}
