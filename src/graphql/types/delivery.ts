/** `Delivery` (an outbound delivery / order with its lines) and the paginated `deliveries` root field. */
import { builder } from '../builder';
import { orgIdOf } from '../context';
import { inCallersOrg, pageInCallersOrg } from '../org-scope';

builder.prismaObject('DeliveryLine', {
  fields: (t) => ({
    lineNumber: t.exposeString('lineNumber'),
    sku: t.exposeString('sku'),
    quantity: t.exposeFloat('quantity'),
    quantityUnit: t.exposeString('quantityUnit', { nullable: true }),
  }),
});

export const DeliveryRef = builder.prismaNode('Delivery', {
  ...inCallersOrg,
  id: { field: 'id' },
  description: 'An outbound delivery (order) of your organization, as its host system last sent it',
  fields: (t) => ({
    orderId: t.exposeString('orderId'),
    shipTo: t.exposeString('shipTo', { nullable: true }),
    plannedShipDate: t.expose('plannedShipDate', { type: 'DateTime', nullable: true }),
    active: t.exposeBoolean('active', { description: 'False once the host system deleted it and deletes are handled as updates' }),
    source: t.exposeString('source', { nullable: true }),
    externalId: t.exposeString('externalId', { nullable: true }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    lines: t.relation('lines', { query: { orderBy: { lineNumber: 'asc' } } }),
  }),
});

builder.queryFields((t) => ({
  deliveries: t.prismaConnection({
    type: 'Delivery',
    cursor: 'id',
    description: 'Deliveries of your organization, by order id',
    args: { orderId: t.arg.string({ description: 'Exactly this order id' }) },
    resolve: (query, _root, args, ctx) =>
      ctx.services.db.delivery.findMany({
        ...pageInCallersOrg(query, ctx),
        where: { orgId: orgIdOf(ctx), ...(args.orderId ? { orderId: args.orderId } : {}) },
        orderBy: [{ orderId: 'asc' }, { id: 'asc' }],
      }),
  }),
}));
