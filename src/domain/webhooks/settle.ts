/**
 * An event is settled when none of its transfer requests is still pending: its final status is
 * derived from theirs, and the integration's webhook status (seed 000's lastWebhookAt,
 * lastWebhookStatus, lastError) follows the newest settled event.
 *
 * Two transfers of one event can end at the same moment in two processes. Each settling
 * transaction therefore first writes the event row, which locks it (PostgreSQL) or holds the
 * one write lock (SQLite): the second waits, then counts with the first one's result visible.
 */
import type { DbTx } from '../../db/job-store';
import { isRetryable, type FailureClass } from '../../lib/failures';
import type { EventOutbox } from '../events/outbox';

export type EventStatus = 'received' | 'dispatched' | 'processed' | 'partial' | 'failed' | 'skipped' | 'dead';

const pending = ['queued', 'running', 'retrying'];

/** The integration's lastWebhookStatus for an event's final status. */
const integrationStatus: Partial<Record<EventStatus, string>> = {
  processed: 'success',
  partial: 'partial',
  failed: 'failed',
  dead: 'failed',
  skipped: 'skipped',
};

/** Settles the event if its last transfer just ended; returns its final status, or null while transfers are pending. */
export async function settleEvent(tx: DbTx, outbox: EventOutbox, eventId: string, now: Date): Promise<EventStatus | null> {
  const locked = await tx.webhookEvent.updateMany({ where: { id: eventId }, data: { processedAt: null } });
  if (locked.count === 0) return null;
  const transfers = await tx.transferRequest.findMany({ where: { eventId }, select: { status: true, error: true, errorClass: true, externalId: true } });
  if (transfers.some((transfer) => pending.includes(transfer.status))) return null;
  const succeeded = transfers.filter((transfer) => transfer.status === 'succeeded').length;
  const failed = transfers.filter((transfer) => transfer.status === 'failed');
  const status: EventStatus = succeeded + failed.length === 0 ? 'skipped' : failed.length === 0 ? 'processed' : succeeded === 0 ? 'failed' : 'partial';
  const firstFailure = failed[0];
  const error = firstFailure ? `${failed.length} of ${transfers.length} transfer(s) failed; first: ${firstFailure.externalId}: ${firstFailure.error ?? 'unknown error'}` : null;
  await recordOutcome(tx, outbox, eventId, { status, error: error ?? skippedReason(transfers), errorClass: (firstFailure?.errorClass as FailureClass | null) ?? null }, now);
  return status;
}

export interface EventOutcome {
  status: EventStatus;
  error: string | null;
  /** Whose fault `error` is (for a failed or partial event, that of the transfer it quotes). */
  errorClass: FailureClass | null;
}

/**
 * Writes an event's final status, its outbound event (webhook.processed or webhook.failed) and,
 * when it is the newest settled event, the integration's webhook status.
 */
export async function recordOutcome(tx: DbTx, outbox: EventOutbox, eventId: string, outcome: EventOutcome, now: Date): Promise<void> {
  const { status, error, errorClass } = outcome;
  const event = await tx.webhookEvent.update({
    where: { id: eventId },
    data: { status, error, errorClass, processedAt: now },
    select: { orgId: true, integrationId: true, connectorType: true, receivedAt: true },
  });
  const failed = status === 'failed' || status === 'dead';
  await outbox.emit(tx, event.orgId, failed ? 'webhook.failed' : 'webhook.processed', {
    connectorType: event.connectorType, integrationId: event.integrationId, deliveryId: eventId, receivedAt: event.receivedAt.toISOString(), status, error,
    ...(errorClass ? { errorClass, retryable: isRetryable(errorClass) } : {}),
  }, { now });
  const webhookStatus = integrationStatus[status];
  if (!webhookStatus) return;
  await tx.integration.updateMany({
    where: { id: event.integrationId, OR: [{ lastWebhookAt: null }, { lastWebhookAt: { lte: event.receivedAt } }] },
    data: { lastWebhookAt: event.receivedAt, lastWebhookStatus: webhookStatus, lastWebhookError: status === 'skipped' ? null : error },
  });
}

function skippedReason(transfers: { status: string; error: string | null }[]): string | null {
  return transfers.find((transfer) => transfer.status === 'skipped')?.error ?? null;
}
