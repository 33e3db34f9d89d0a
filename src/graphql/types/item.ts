/** `Item`: synced master data in canonical units, with the paginated `items` root field. */
import { builder } from '../builder';
import { orgIdOf } from '../context';
import { inCallersOrg, pageInCallersOrg } from '../org-scope';

export const ItemRef = builder.prismaNode('Item', {
  ...inCallersOrg,
  id: { field: 'id' },
  description: 'An item (product) of your organization. Dimensions in millimetres, weight in kilograms.',
  fields: (t) => ({
    sku: t.exposeString('sku'),
    name: t.exposeString('name', { nullable: true }),
    category: t.exposeString('category', { nullable: true }),
    lengthMm: t.exposeFloat('lengthMm', { nullable: true }),
    widthMm: t.exposeFloat('widthMm', { nullable: true }),
    heightMm: t.exposeFloat('heightMm', { nullable: true }),
    weightKg: t.exposeFloat('weightKg', { nullable: true }),
    active: t.exposeBoolean('active', { description: 'False once the host system marks it deleted' }),
    source: t.exposeString('source', { nullable: true, description: 'Connector type it was synced from' }),
    externalId: t.exposeString('externalId', { nullable: true, description: 'Its id in that host system' }),
    sourceChangedAt: t.expose('sourceChangedAt', { type: 'DateTime', nullable: true }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.queryFields((t) => ({
  items: t.prismaConnection({
    type: 'Item',
    cursor: 'id',
    description: 'Items of your organization, by SKU',
    args: {
      sku: t.arg.string({ description: 'Exactly this SKU' }),
      skuPrefix: t.arg.string({ description: 'SKUs starting with this text (case-sensitive)' }),
      source: t.arg.string({ description: 'Only items synced from this connector type' }),
    },
    resolve: (query, _root, args, ctx) =>
      ctx.services.db.item.findMany({
        ...pageInCallersOrg(query, ctx),
        where: {
          orgId: orgIdOf(ctx),
          ...(args.sku ? { sku: args.sku } : {}),
          ...(args.skuPrefix ? { sku: { startsWith: args.skuPrefix } } : {}),
          ...(args.source ? { source: args.source } : {}),
        },
        orderBy: [{ sku: 'asc' }, { id: 'asc' }],
      }),
  }),
}));
