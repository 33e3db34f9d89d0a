// Hook payloads as the simulated in-house system sends them, and the connector settings that
// read them. Every hook has an event id (`id`, for deduplication), a `type` and `data`:
//   product.created / .updated / .deleted   data.ids: item ids (one hook may name several)
//   order.created / .updated                data.ids: order ids
//   order.line.updated                      data.orderId + data.lineId: a child record; the
//                                           connector turns it into a transfer of the order
//   message.created                         data.ids: prefixed ids such as "Car:1001", whose
//                                           prefix names the data type (seed 002's presets)

export interface HookPayload {
  id: string;
  type: string;
  occurredAt: string;
  data: Record<string, unknown>;
}

let counter = 0;

/** A fresh event id, or the one given (to send the same hook twice). */
function envelope(type: string, data: Record<string, unknown>, eventId?: string): HookPayload {
  counter += 1;
  return { id: eventId ?? `evt_${Date.now().toString(36)}_${counter}`, type, occurredAt: new Date().toISOString(), data };
}

const list = <T>(value: T | readonly T[]): T[] => (Array.isArray(value) ? [...(value as readonly T[])] : [value as T]);

export function itemHook(action: 'created' | 'updated' | 'deleted', ids: number | readonly number[], eventId?: string): HookPayload {
  return envelope(`product.${action}`, { ids: list(ids) }, eventId);
}

export function orderHook(action: 'created' | 'updated', ids: number | readonly number[], eventId?: string): HookPayload {
  return envelope(`order.${action}`, { ids: list(ids) }, eventId);
}

/** A change to one order line: it names the line (data.ids) and its order (data.orderId). */
export function orderLineHook(orderId: number, lineId: number, eventId?: string): HookPayload {
  return envelope('order.line.updated', { orderId, lineId, ids: [lineId] }, eventId);
}

/** Ids with their type prefix, e.g. `prefixedHook(['Car:1001', 'Order:5001'])`. */
export function prefixedHook(ids: string | readonly string[], eventId?: string): HookPayload {
  return envelope('message.created', { ids: list(ids) }, eventId);
}

/** settings.webhook of a generic-http integration that reads these hooks. */
export const webhookSettings = {
  eventTypePath: 'type',
  idsPath: 'data.ids',
  idempotencyKeyPath: 'id',
  eventTypes: {
    'product.created': 'item/created',
    'product.updated': 'item/updated',
    'product.deleted': 'item/deleted',
    'order.created': 'delivery/created',
    'order.updated': 'delivery/updated',
    'order.line.updated': { scope: 'delivery/updated', idPath: 'data.orderId' },
    'message.created': 'message/created',
  },
  prefixPresets: { Car: 'item', Order: 'delivery' },
} as const;
