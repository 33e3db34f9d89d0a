/** The contracts of the change feed's routes, `GET /api/v1/items/changes` and `GET /api/v1/deliveries/changes` (rest/changes.ts). */
import { z } from 'zod';
import { changeOps } from '../../domain/changes/change-feed';
import { maxPageSize } from '../../domain/changes/feed-service';
import type { RouteContract } from '../contract';

const tag = 'Change feed';
const timestamp = z.iso.datetime({ offset: true }).meta({ description: 'ISO 8601 date-time' });
const cursor = z.string().meta({ description: 'opaque; resumes the feed right after this point' });
const limitMessage = `must be a whole number from 1 to ${maxPageSize}`;

export const feedQuery = z.object({
  after: z.string().min(1, 'must be a cursor from an earlier answer').optional().meta({ description: 'the `cursor` of an earlier answer (or of one change); from the start without it' }),
  limit: z.coerce.number({ message: limitMessage }).int(limitMessage).min(1, limitMessage).max(maxPageSize, limitMessage).default(100).meta({ description: 'at most this many changes' }),
});

const change = {
  cursor,
  op: z.enum(changeOps).meta({ description: 'what happened to the record' }),
  source: z.string().nullable().meta({ description: 'the connector type the change came from' }),
  changedAt: timestamp,
};

export const itemJson = z
  .object({
    id: z.string(),
    sku: z.string(),
    name: z.string().nullable(),
    category: z.string().nullable(),
    lengthMm: z.number().nullable(),
    widthMm: z.number().nullable(),
    heightMm: z.number().nullable(),
    weightKg: z.number().nullable(),
    active: z.boolean(),
    source: z.string().nullable(),
    externalId: z.string().nullable(),
    sourceChangedAt: timestamp.nullable(),
    updatedAt: timestamp,
  })
  .strict();

export const deliveryJson = z
  .object({
    id: z.string(),
    orderId: z.string(),
    shipTo: z.string().nullable(),
    plannedShipDate: timestamp.nullable(),
    active: z.boolean(),
    source: z.string().nullable(),
    externalId: z.string().nullable(),
    updatedAt: timestamp,
    lines: z.array(z.object({ lineNumber: z.string(), sku: z.string(), quantity: z.number(), quantityUnit: z.string().nullable() }).strict()),
  })
  .strict();

const page = <T extends z.ZodRawShape>(entry: T, description: string) =>
  z
    .object({
      changes: z.array(z.object(entry).strict()),
      cursor: cursor.meta({ description: 'where to read on from: pass it as `after` next time (an empty page gives back the cursor it was asked with)' }),
      hasMore: z.boolean().meta({ description: 'more changes can be read right now' }),
    })
    .strict()
    .meta({ description });

export const itemChangePage = page(
  { ...change, id: z.string().meta({ description: "the item's id (also after it was deleted)" }), sku: z.string(), item: itemJson.nullable().meta({ description: 'the item as it is now; null once deleted' }) },
  'item changes in commit order',
);
export const deliveryChangePage = page(
  { ...change, id: z.string().meta({ description: "the delivery's id (also after it was deleted)" }), orderId: z.string(), delivery: deliveryJson.nullable().meta({ description: 'the delivery as it is now; null once deleted' }) },
  'delivery changes in commit order',
);

const itemExample = {
  changes: [
    {
      cursor: 'djEuaXRlbS5Bc2Q0ZjVnNmg3ajguMC4xMg', op: 'updated', source: 'sap-s4hana', changedAt: '2026-04-03T14:30:00.000Z', id: 'itm_2m8q0x3v9t7w4y6z5h1k', sku: 'TG11',
      item: {
        id: 'itm_2m8q0x3v9t7w4y6z5h1k', sku: 'TG11', name: 'Trading Good 11', category: 'L001', lengthMm: 300, widthMm: 200, heightMm: 150, weightKg: 2.4, active: true,
        source: 'sap-s4hana', externalId: 'TG11', sourceChangedAt: '2026-04-03T14:29:00.000Z', updatedAt: '2026-04-03T14:30:00.000Z',
      },
    },
  ],
  cursor: 'djEuaXRlbS5Bc2Q0ZjVnNmg3ajguMC4xMg',
  hasMore: false,
};

const explained =
  'Every create, update, deactivation and deletion, from syncs and webhook transfers alike, in commit order. Keep `cursor` and ask again with `after`: ' +
  'no change is skipped or repeated, also when writers commit concurrently on several instances. A cursor belongs to your organization and this feed.';

export const changeContracts = {
  listItemChanges: {
    operationId: 'listItemChanges',
    summary: 'Read item changes after a cursor',
    description: `${explained} A sync that stores a record exactly as it was records no change.`,
    tag,
    auth: 'apiKey',
    query: feedQuery,
    responses: { 200: { description: 'the next changes', schema: itemChangePage, example: itemExample } },
    errors: { 400: 'a cursor that is not of your organization’s item feed, a limit out of range' },
  },
  listDeliveryChanges: {
    operationId: 'listDeliveryChanges',
    summary: 'Read delivery changes after a cursor',
    description: explained,
    tag,
    auth: 'apiKey',
    query: feedQuery,
    responses: { 200: { description: 'the next changes', schema: deliveryChangePage } },
    errors: { 400: 'a cursor that is not of your organization’s delivery feed, a limit out of range' },
  },
} satisfies Record<string, RouteContract>;
