/**
 * A connector's own settings as JSON Schema (2020-12), derived from the zod schema that validates
 * them, so a form generated from it cannot drift from what the hub accepts. Checks that only code
 * can express (refinements such as "idsPath is required") are not in it; the API names those
 * per field when the settings are saved.
 */
import { z } from 'zod';
import type { ConnectorDefinition } from './types';

const cache = new WeakMap<ConnectorDefinition, Record<string, unknown>>();

export function settingsJsonSchema(connector: ConnectorDefinition): Record<string, unknown> | null {
  if (!connector.settingsSchema) return null;
  let schema = cache.get(connector);
  if (!schema) {
    // `input`: what a user may send (defaults make fields optional), not what the hub stores.
    schema = z.toJSONSchema(connector.settingsSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    cache.set(connector, schema);
  }
  return schema;
}
