/**
 * Reading an in-house system's hooks by the rules in settings.webhook (seed 002):
 * - the event type at `eventTypePath` picks a scope from `eventTypes`; an unmapped type is
 *   ignored, with the reason;
 * - the id (or list of ids) at `idsPath` gives one transfer request per id;
 * - a rule `{ scope, idPath }` reads another id instead: a child record (an order line) that
 *   cannot be transferred alone becomes a transfer of its parent (the order);
 * - with `prefixPresets`, hooks mapped to the placeholder scope `message/created` (or all hooks,
 *   when there is no event type) carry ids like `Car:1234`, whose prefix names the data type.
 *   The prerequisite step turns the placeholder into the real scope and strips the prefix; an
 *   unknown prefix is skipped with the reason.
 * Hooks are notifications: the transfer reads the record itself through the API.
 */
import type { ConnectorSettings, HookTarget, IncomingHook, PrerequisiteResult, ResolvedHook, WebhookHandling, WebhookScope } from '../types';
import { idText, valueAt } from './json-path';
import { PLACEHOLDER_SCOPE, type WebhookSettings } from './settings';

const scopes: WebhookScope[] = [
  { name: 'item/created', entity: 'item', action: 'created', description: 'Item created: a record of the in-house API\'s items listing (settings.items) → hub item' },
  { name: 'item/updated', entity: 'item', action: 'updated', description: 'Item changed: a record of the in-house API\'s items listing (settings.items) → hub item' },
  { name: 'item/deleted', entity: 'item', action: 'deleted', description: 'Item deleted: a record of the in-house API\'s items listing (settings.items) → hub item' },
  { name: 'delivery/created', entity: 'delivery', action: 'created', description: 'Order created: an order with lines (settings.deliveries) → hub delivery' },
  { name: 'delivery/updated', entity: 'delivery', action: 'updated', description: 'Order or one of its lines changed: an order with lines (settings.deliveries) → hub delivery' },
  { name: 'delivery/deleted', entity: 'delivery', action: 'deleted', description: 'Order deleted: an order with lines (settings.deliveries) → hub delivery' },
];

/** The hook rules of an integration. Stored settings were validated by settingsSchema when saved. */
function rulesOf(settings: ConnectorSettings): WebhookSettings | undefined {
  return settings.webhook as WebhookSettings | undefined;
}

/** An id or a list of ids; undefined when anything in it is not an id. */
function ids(value: unknown): string[] | undefined {
  const list = (Array.isArray(value) ? value : [value]).map(idText);
  return list.length > 0 && list.every((id): id is string => id !== undefined) ? list : undefined;
}

function resolve({ payload }: IncomingHook, settings: ConnectorSettings): ResolvedHook {
  const rules = rulesOf(settings);
  if (!rules) return { ignored: 'settings.webhook is not configured: set eventTypePath, idsPath and eventTypes to process hooks' };
  let scope = PLACEHOLDER_SCOPE;
  let idPath = rules.idsPath!;
  if (rules.eventTypePath !== undefined) {
    const type = valueAt(payload, rules.eventTypePath);
    if (typeof type !== 'string' || type === '') return { ignored: `the hook has no event type at "${rules.eventTypePath}" (settings.webhook.eventTypePath)` };
    const rule = Object.hasOwn(rules.eventTypes, type) ? rules.eventTypes[type] : undefined;
    if (rule === undefined) return { ignored: `event type ${type} is not mapped in settings.webhook.eventTypes` };
    if (typeof rule === 'string') scope = rule;
    else ({ scope, idPath } = rule);
  }
  const found = ids(valueAt(payload, idPath));
  if (!found) return { ignored: `the hook names no id (or list of ids) at "${idPath}"` };
  return { targets: [...new Set(found)].map((externalId): HookTarget => ({ scope, externalId })) };
}

/** `Car:1234` → the preset's entity, updated, id `1234` (seed 002's HandlePrerequisite). */
function prerequisite(target: HookTarget, settings: ConnectorSettings): PrerequisiteResult {
  const presets = rulesOf(settings)?.prefixPresets ?? {};
  const known = Object.keys(presets).join(', ') || 'none';
  if (target.scope !== PLACEHOLDER_SCOPE) return { skip: `unknown scope "${target.scope}"` };
  const colon = target.externalId.indexOf(':');
  if (colon <= 0) return { skip: `id "${target.externalId}" has no type prefix such as "Car:1234" (settings.webhook.prefixPresets: ${known})` };
  const prefix = target.externalId.slice(0, colon);
  const externalId = target.externalId.slice(colon + 1).trim();
  const entity = Object.hasOwn(presets, prefix) ? presets[prefix] : undefined;
  if (entity === undefined) return { skip: `unknown id prefix "${prefix}" in "${target.externalId}"; settings.webhook.prefixPresets has ${known}` };
  if (externalId === '') return { skip: `id "${target.externalId}" has nothing after its prefix` };
  return { target: { scope: `${entity}/updated`, externalId } };
}

export const genericWebhooks: WebhookHandling = {
  scopes,
  // The system's own event id: a redelivered hook carries the same one.
  idempotencyKey: ({ payload }, settings) => {
    const path = rulesOf(settings)?.idempotencyKeyPath;
    const key = path === undefined ? undefined : idText(valueAt(payload, path));
    return key === undefined ? undefined : `payload:${key}`;
  },
  resolve,
  prerequisite,
};
