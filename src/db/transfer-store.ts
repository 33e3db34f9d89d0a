/**
 * Writing an event's transfer requests in one statement. A replayed event plans the same
 * (scope, record) pairs again: those rows are reset for another run instead of duplicated.
 */
import { newId } from '../lib/ids';
import type { DbTx } from './job-store';
import type { Provider } from './provider-schemas';
import { insertRows } from './sql';

export interface PlannedTransfer {
  scope: string;
  receivedScope: string | null;
  externalId: string;
  status: 'queued' | 'skipped';
  error: string | null;
}

const columns = ['id', 'orgId', 'integrationId', 'eventId', 'connectorType', 'scope', 'receivedScope', 'externalId', 'status', 'attempts', 'error', 'createdAt', 'updatedAt', 'completedAt'];

export async function saveTransfers(
  tx: DbTx,
  provider: Provider,
  event: { id: string; orgId: string; integrationId: string; connectorType: string },
  planned: readonly PlannedTransfer[],
  now: Date,
): Promise<{ id: string; status: 'queued' | 'skipped' }[]> {
  if (planned.length === 0) return [];
  const rows = planned.map((t) => [
    newId('trq'), event.orgId, event.integrationId, event.id, event.connectorType, t.scope, t.receivedScope, t.externalId, t.status, 0, t.error, now, now, t.status === 'skipped' ? now : null,
  ]);
  const { sql, params } = insertRows(
    provider,
    'TransferRequest',
    columns,
    rows,
    'ON CONFLICT ("eventId", "scope", "externalId") DO UPDATE SET "status" = excluded."status", "error" = excluded."error", "errorClass" = NULL, "attempts" = 0, ' +
      '"outcome" = NULL, "updatedAt" = excluded."updatedAt", "completedAt" = excluded."completedAt" RETURNING "id", "status"',
  );
  return tx.$queryRawUnsafe<{ id: string; status: 'queued' | 'skipped' }[]>(sql, ...params);
}
