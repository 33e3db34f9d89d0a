// OData V2 JSON as SAP Gateway writes it (reference section 3): `__metadata` on every entity,
// `__deferred` for navigation properties that are not expanded, decimals as strings,
// `/Date(ms)/` for Edm.DateTime, `/Date(ms+0000)/` for Edm.DateTimeOffset, `PTxHyMzS` for Edm.Time.

import type { EdmType, EntityType } from './model';
import type { ExpandTree, SelectTree } from './query';
import type { EntitySet } from './services';

function formatTime(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return `PT${h}H${m}M${seconds % 60}S`;
}

function formatValue(type: EdmType, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'Edm.DateTime':
      return `/Date(${value as number})/`;
    case 'Edm.DateTimeOffset':
      return `/Date(${value as number}+0000)/`;
    case 'Edm.Time':
      return formatTime(value as number);
    default:
      return value;
  }
}

function keyLiteral(value: unknown): string {
  return `'${encodeURIComponent(String(value).replace(/'/g, "''"))}'`;
}

/** `('TG11')` for a single key, `(Product='TG11',Language='EN')` for a composite key. */
function keyPredicate(type: EntityType, data: Readonly<Record<string, unknown>>): string {
  if (type.keys.length === 1) return `(${keyLiteral(data[type.keys[0] ?? ''])})`;
  return `(${type.keys.map((k) => `${k}=${keyLiteral(data[k])}`).join(',')})`;
}

export interface SerializeContext {
  /** Absolute service root, e.g. `http://127.0.0.1:4010/sap/opu/odata/sap/API_PRODUCT_SRV`. */
  serviceUrl: string;
  set(name: string): EntitySet;
}

/** Object.entries of the type maps, computed once per type: serialization runs per row and property. */
const entriesCache = new WeakMap<EntityType, { properties: [string, EdmType][]; navigation: [string, string | null][] }>();

function entries(type: EntityType): { properties: [string, EdmType][]; navigation: [string, string | null][] } {
  let cached = entriesCache.get(type);
  if (!cached) {
    cached = { properties: Object.entries(type.properties), navigation: Object.entries(type.navigation) };
    entriesCache.set(type, cached);
  }
  return cached;
}

export function serializeEntity(
  ctx: SerializeContext,
  set: EntitySet,
  row: unknown,
  select: SelectTree | undefined,
  expand: ExpandTree,
): Record<string, unknown> {
  const type = set.type;
  const data = set.data(row);
  const uri = `${ctx.serviceUrl}/${type.set}${keyPredicate(type, data)}`;
  const metadata: Record<string, string> = { id: uri, uri, type: `${type.namespace}.${type.typeName}` };
  if (type.etag) metadata.etag = `W/"'${String(data[type.etag])}'"`;
  const out: Record<string, unknown> = { __metadata: metadata };
  const everything = select === undefined || select.all;
  const { properties, navigation } = entries(type);
  for (const [name, edm] of properties) {
    if (everything || select.properties.has(name)) out[name] = formatValue(edm, data[name]);
  }
  for (const [nav, target] of navigation) {
    const childSelect = everything ? undefined : select.navigation.get(nav);
    // With $select, a navigation property not listed is left out, expanded or not.
    if (!everything && !childSelect) continue;
    const childExpand = expand.get(nav);
    out[nav] =
      childExpand && target
        ? { results: set.navigate(row, nav).map((child) => serializeEntity(ctx, ctx.set(target), child, childSelect, childExpand)) }
        : { __deferred: { uri: `${uri}/${nav}` } };
  }
  return out;
}
