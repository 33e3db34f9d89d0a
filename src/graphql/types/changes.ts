/**
 * The change feed: `itemChanges` and `deliveryChanges` (a page after a cursor) and the
 * `itemsChanged` subscription (batches as they commit). See src/domain/changes/.
 */
import { encodeGlobalID } from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';
import { changeOps, type ChangeOp } from '../../domain/changes/change-feed';
import { maxPageSize, type ChangeEntry, type ChangePage } from '../../domain/changes/feed-service';
import { ValidationError } from '../../domain/errors';
import { builder } from '../builder';
import { orgIdOf } from '../context';
import { DeliveryRef } from './delivery';
import { ItemRef } from './item';

const ChangeOperationEnum = builder.enumType('ChangeOperation', {
  description: 'What happened to a record',
  values: Object.fromEntries(changeOps.map((op) => [op.toUpperCase(), { value: op }])) as { [K in Uppercase<ChangeOp>]: { value: Lowercase<K> } },
});

const ItemChangeRef = builder.objectRef<ChangeEntry<'item'>>('ItemChange').implement({
  description: 'One change of an item, in feed order',
  fields: (t) => ({
    cursor: t.exposeString('cursor', { description: 'Resumes the feed right after this change' }),
    operation: t.field({ type: ChangeOperationEnum, resolve: (change) => change.op }),
    source: t.exposeString('source', { nullable: true, description: 'Connector type the change came from' }),
    changedAt: t.expose('changedAt', { type: 'DateTime' }),
    itemId: t.id({ description: "The item's global id (its `Item.id`, also after it was deleted)", resolve: (change) => encodeGlobalID('Item', change.recordId) }),
    sku: t.exposeString('key', { description: 'Its SKU' }),
    item: t.field({ type: ItemRef, nullable: true, description: 'The item as it is now; null once deleted', resolve: (change) => change.record }),
  }),
});

const DeliveryChangeRef = builder.objectRef<ChangeEntry<'delivery'>>('DeliveryChange').implement({
  description: 'One change of a delivery, in feed order',
  fields: (t) => ({
    cursor: t.exposeString('cursor', { description: 'Resumes the feed right after this change' }),
    operation: t.field({ type: ChangeOperationEnum, resolve: (change) => change.op }),
    source: t.exposeString('source', { nullable: true, description: 'Connector type the change came from' }),
    changedAt: t.expose('changedAt', { type: 'DateTime' }),
    deliveryId: t.id({ description: "The delivery's global id (its `Delivery.id`, also after it was deleted)", resolve: (change) => encodeGlobalID('Delivery', change.recordId) }),
    orderId: t.exposeString('key', { description: 'Its order id' }),
    delivery: t.field({ type: DeliveryRef, nullable: true, description: 'The delivery as it is now; null once deleted', resolve: (change) => change.record }),
  }),
});

const feedDescription =
  'Changes in commit order after a cursor. Keep `cursor` and pass it as `after` next time: no change is skipped or repeated. ' +
  'An empty page keeps the cursor given.';

const ItemChangeFeedRef = builder.objectRef<ChangePage<'item'>>('ItemChangeFeed').implement({
  description: feedDescription,
  fields: (t) => ({
    changes: t.field({ type: [ItemChangeRef], resolve: (page) => page.changes }),
    cursor: t.exposeString('cursor', { description: 'Where to read on from' }),
    hasMore: t.exposeBoolean('hasMore', { description: 'More changes can be read right now' }),
  }),
});

const DeliveryChangeFeedRef = builder.objectRef<ChangePage<'delivery'>>('DeliveryChangeFeed').implement({
  description: feedDescription,
  fields: (t) => ({
    changes: t.field({ type: [DeliveryChangeRef], resolve: (page) => page.changes }),
    cursor: t.exposeString('cursor', { description: 'Where to read on from' }),
    hasMore: t.exposeBoolean('hasMore', { description: 'More changes can be read right now' }),
  }),
});

/** A cursor that is not of this feed, or a bad page size, is the caller's mistake. */
function badInput<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof ValidationError) throw new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT' } });
    throw error;
  }
}

function pageSize(first: number | null | undefined): number {
  const size = first ?? 100;
  if (!Number.isInteger(size) || size < 1 || size > maxPageSize) throw new ValidationError([{ path: 'first', message: `must be a whole number from 1 to ${maxPageSize}` }]);
  return size;
}

builder.queryFields((t) => ({
  itemChanges: t.field({
    type: ItemChangeFeedRef,
    description: "Your organization's item changes (created, updated, deactivated, deleted) from syncs and webhooks, after `after` (from the start without it)",
    args: { after: t.arg.string(), first: t.arg.int({ defaultValue: 100, description: `At most this many (1 to ${maxPageSize})` }) },
    resolve: async (_root, args, ctx) => {
      const options = badInput(() => ({ after: args.after, limit: pageSize(args.first) }));
      return ctx.services.changes.page(orgIdOf(ctx), 'item', options).catch(rethrowBadInput);
    },
  }),
  deliveryChanges: t.field({
    type: DeliveryChangeFeedRef,
    description: "Your organization's delivery changes from webhook transfers, after `after` (from the start without it)",
    args: { after: t.arg.string(), first: t.arg.int({ defaultValue: 100, description: `At most this many (1 to ${maxPageSize})` }) },
    resolve: async (_root, args, ctx) => {
      const options = badInput(() => ({ after: args.after, limit: pageSize(args.first) }));
      return ctx.services.changes.page(orgIdOf(ctx), 'delivery', options).catch(rethrowBadInput);
    },
  }),
}));

function rethrowBadInput(error: unknown): never {
  return badInput(() => {
    throw error;
  });
}

builder.subscriptionFields((t) => ({
  itemsChanged: t.field({
    type: ItemChangeFeedRef,
    description:
      "Your organization's item changes in batches as they commit (a sync page, a webhook transfer): from `after` when given " +
      '(catching up first), else from now. Each batch carries the cursor to resume with `itemChanges` or a new subscription.',
    args: { connectorType: t.arg.string({ description: 'Only changes from this connector' }), after: t.arg.string() },
    subscribe: (_root, args, ctx) => badInput(() => ctx.services.changes.stream(orgIdOf(ctx), 'item', { after: args.after, source: args.connectorType })),
    resolve: (batch: ChangePage<'item'>) => batch,
  }),
}));
