/**
 * The hooks SAP S/4HANA sends (reference section 6), read into scopes and ids:
 * - seed 000's simple body `{"outboundDelivery": "80000001"}` (also a list of numbers, and
 *   `{"product": "TG11"}` for materials): an update of each named record;
 * - SAP business events as Event Mesh pushes them (CloudEvents 1.0, structured mode):
 *   `sap.s4.beh.outbounddelivery.v1.OutboundDelivery.<Action>.v1` with `data.OutboundDelivery`,
 *   `sap.s4.beh.product.v1.Product.<Action>.v1` with `data.Product`.
 * SAP's events are notifications (keys only): the transfer reads the record through the API.
 */
import type { HookTarget, IncomingHook, ResolvedHook, ScopeAction, ScopeName, WebhookHandling, WebhookScope } from '../types';

const scopes: WebhookScope[] = [
  { name: 'item/created', entity: 'item', action: 'created', description: 'Product (material) created: SAP A_Product → hub item' },
  { name: 'item/updated', entity: 'item', action: 'updated', description: 'Product (material) changed: SAP A_Product → hub item' },
  { name: 'item/deleted', entity: 'item', action: 'deleted', description: 'Product (material) deleted: SAP A_Product → hub item' },
  { name: 'delivery/created', entity: 'delivery', action: 'created', description: 'Outbound delivery created: SAP A_OutbDeliveryHeader → hub delivery' },
  { name: 'delivery/updated', entity: 'delivery', action: 'updated', description: 'Outbound delivery changed (incl. goods issue status): SAP A_OutbDeliveryHeader → hub delivery' },
  { name: 'delivery/deleted', entity: 'delivery', action: 'deleted', description: 'Outbound delivery deleted: SAP A_OutbDeliveryHeader → hub delivery' },
];

const CLOUD_EVENT_TYPE = /^sap\.s4\.beh\.(outbounddelivery|product)\.v1\.(OutboundDelivery|Product)\.([A-Za-z]+)\.v1$/;
/** SAP's event actions; anything else on an object we handle (e.g. GIStatusChanged) is a change. */
const actions: Record<string, ScopeAction> = { Created: 'created', Changed: 'updated', Deleted: 'deleted' };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A key or a list of keys; SAP keys are strings, though a number is accepted for a delivery number. */
function keys(value: unknown): string[] | undefined {
  const list = Array.isArray(value) ? value : [value];
  const out = list.map((key) => (typeof key === 'number' && Number.isInteger(key) ? String(key) : key));
  return out.length > 0 && out.every((key): key is string => typeof key === 'string' && key.trim() !== '') ? out.map((key) => key.trim()) : undefined;
}

function targets(scope: ScopeName, ids: string[]): ResolvedHook {
  return { targets: [...new Set(ids)].map((externalId): HookTarget => ({ scope, externalId })) };
}

function isCloudEvent(payload: Record<string, unknown>): boolean {
  return typeof payload.specversion === 'string' && typeof payload.type === 'string';
}

function resolveCloudEvent(event: Record<string, unknown>): ResolvedHook {
  const type = String(event.type);
  const match = CLOUD_EVENT_TYPE.exec(type);
  if (!match) return { ignored: `event type "${type}" is not one sap-s4hana processes (outbound delivery and product events are)` };
  const [, , object, action] = match;
  const entity = object === 'OutboundDelivery' ? 'delivery' : 'item';
  const data = isObject(event.data) ? event.data : {};
  const ids = keys(entity === 'delivery' ? data.OutboundDelivery : data.Product);
  if (!ids) return { ignored: `event ${type} carries no ${entity === 'delivery' ? 'data.OutboundDelivery' : 'data.Product'}` };
  return targets(`${entity}/${actions[action!] ?? 'updated'}`, ids);
}

function resolve({ payload }: IncomingHook): ResolvedHook {
  if (!isObject(payload)) return { ignored: 'the body is not a JSON object' };
  if (isCloudEvent(payload)) return resolveCloudEvent(payload);
  if ('outboundDelivery' in payload) {
    const ids = keys(payload.outboundDelivery);
    return ids ? targets('delivery/updated', ids) : { ignored: '"outboundDelivery" must be a delivery number or a list of them' };
  }
  if ('product' in payload) {
    const ids = keys(payload.product);
    return ids ? targets('item/updated', ids) : { ignored: '"product" must be a product number or a list of them' };
  }
  return { ignored: 'the body names no outbound delivery, product or SAP business event' };
}

export const sapWebhooks: WebhookHandling = {
  scopes,
  // Event Mesh redelivers (qos 1) with the same CloudEvent id; ids are unique per source.
  idempotencyKey: ({ payload }) =>
    isObject(payload) && isCloudEvent(payload) && typeof payload.id === 'string' ? `ce:${String(payload.source ?? '')}:${payload.id}` : undefined,
  resolve,
};
