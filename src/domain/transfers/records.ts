/** Storing what a transfer brought over, inside the transfer's transaction. */
import type { EntityType } from '../../connectors/types';
import type { DbTx } from '../../db/job-store';
import { newId } from '../../lib/ids';
import type { RecordChangeInput } from '../changes/change-feed';
import type { MappedDelivery } from '../mapping/map-delivery';
import type { DeleteHandling } from '../webhooks/scopes';

/** Header upserted by order id; the lines are replaced by the host system's current ones. */
export async function saveDelivery(tx: DbTx, orgId: string, source: string, delivery: MappedDelivery): Promise<{ id: string; created: boolean }> {
  const header = { shipTo: delivery.shipTo, plannedShipDate: delivery.plannedShipDate, active: true, source, externalId: delivery.externalId };
  const created = (await tx.delivery.count({ where: { orgId, orderId: delivery.orderId } })) === 0;
  const row = await tx.delivery.upsert({
    where: { orgId_orderId: { orgId, orderId: delivery.orderId } },
    create: { id: newId('dlv'), orgId, orderId: delivery.orderId, ...header },
    update: header,
    select: { id: true },
  });
  await tx.deliveryLine.deleteMany({ where: { deliveryId: row.id } });
  await tx.deliveryLine.createMany({ data: delivery.lines.map((line) => ({ id: newId('dln'), deliveryId: row.id, ...line })) });
  return { id: row.id, created };
}

export type DeleteOutcome = 'deactivated' | 'deleted' | 'not_found';

/**
 * A delete hook for a record the host system no longer has: only its id is known, so the record
 * is found by the id it came with from this connector. Returns the records it removed (for the
 * change feed): a record already inactive is not deactivated again.
 */
export async function applyDelete(
  tx: DbTx,
  entity: EntityType,
  where: { orgId: string; source: string; externalId: string },
  handling: DeleteHandling,
): Promise<{ outcome: DeleteOutcome; changes: RecordChangeInput[] }> {
  const inactive = { active: false };
  const op = handling === 'delete' ? 'deleted' : 'deactivated';
  const changing = handling === 'delete' ? where : { ...where, active: true };
  const changes = (entity === 'item'
    ? (await tx.item.findMany({ where: changing, select: { id: true, sku: true } })).map((row) => ({ id: row.id, key: row.sku, op }))
    : (await tx.delivery.findMany({ where: changing, select: { id: true, orderId: true } })).map((row) => ({ id: row.id, key: row.orderId, op }))) satisfies RecordChangeInput[];
  const { count } = await (entity === 'item'
    ? handling === 'delete' ? tx.item.deleteMany({ where }) : tx.item.updateMany({ where, data: inactive })
    : handling === 'delete' ? tx.delivery.deleteMany({ where }) : tx.delivery.updateMany({ where, data: inactive }));
  if (count === 0) return { outcome: 'not_found', changes: [] };
  return { outcome: op, changes };
}
