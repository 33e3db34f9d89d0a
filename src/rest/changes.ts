/** The change feed over REST: `GET /api/v1/items/changes` and `GET /api/v1/deliveries/changes`, a thin layer over ChangeFeed. */
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { ChangeEntry } from '../domain/changes/feed-service';
import type { Services } from '../services';
import { orgOf, requireApiKey } from './auth';
import { contract } from './contract';
import { changeContracts as c, type feedQuery } from './contracts/changes';

type FeedRequest = { Querystring: z.output<typeof feedQuery> };

const iso = (date: Date | null) => date?.toISOString() ?? null;

function changeJson(change: ChangeEntry<'item' | 'delivery'>) {
  return { cursor: change.cursor, op: change.op, source: change.source, changedAt: change.changedAt.toISOString(), id: change.recordId };
}

function itemChangeJson(change: ChangeEntry<'item'>) {
  const item = change.record;
  return {
    ...changeJson(change),
    sku: change.key,
    item: item && {
      id: item.id, sku: item.sku, name: item.name, category: item.category, lengthMm: item.lengthMm, widthMm: item.widthMm, heightMm: item.heightMm, weightKg: item.weightKg,
      active: item.active, source: item.source, externalId: item.externalId, sourceChangedAt: iso(item.sourceChangedAt), updatedAt: item.updatedAt.toISOString(),
    },
  };
}

function deliveryChangeJson(change: ChangeEntry<'delivery'>) {
  const delivery = change.record;
  return {
    ...changeJson(change),
    orderId: change.key,
    delivery: delivery && {
      id: delivery.id, orderId: delivery.orderId, shipTo: delivery.shipTo, plannedShipDate: iso(delivery.plannedShipDate), active: delivery.active,
      source: delivery.source, externalId: delivery.externalId, updatedAt: delivery.updatedAt.toISOString(),
      lines: delivery.lines.map((line) => ({ lineNumber: line.lineNumber, sku: line.sku, quantity: line.quantity, quantityUnit: line.quantityUnit })),
    },
  };
}

export function changeRoutes(services: Services) {
  return async (app: FastifyInstance) => {
    app.addHook('onRequest', requireApiKey(services));

    app.get<FeedRequest>('/items/changes', contract(c.listItemChanges), async (request) => {
      const page = await services.changes.page(orgOf(request), 'item', { after: request.query.after, limit: request.query.limit });
      return { changes: page.changes.map(itemChangeJson), cursor: page.cursor, hasMore: page.hasMore };
    });

    app.get<FeedRequest>('/deliveries/changes', contract(c.listDeliveryChanges), async (request) => {
      const page = await services.changes.page(orgOf(request), 'delivery', { after: request.query.after, limit: request.query.limit });
      return { changes: page.changes.map(deliveryChangeJson), cursor: page.cursor, hasMore: page.hasMore };
    });
  };
}
