/**
 * The job that carries out one transfer request: read the record the hook named from the host
 * system (hooks are notifications; the API has the data), map it with the integration's mappings
 * and store it, or apply a delete as the integration says. The record, the transfer's result,
 * the job's completion and, for an event's last transfer, the event's outcome commit together.
 *
 * Failures the host system may get over (unreachable, timeouts, 429, 5xx) are transient and
 * retried by the job machinery; a record that does not exist or cannot be mapped (data) and a
 * setup the host refuses (configuration) fail at once, and the latter marks the integration as
 * needing attention. A transfer that read its record shows the setup works: healthy again.
 */
import { findConnector } from '../../connectors/registry';
import type { EntityType, ScopeAction } from '../../connectors/types';
import type { Db } from '../../db/connection';
import type { ClaimedJob, DbTx } from '../../db/job-store';
import type { Provider } from '../../db/provider-schemas';
import type { Clock } from '../../lib/clock';
import type { EventBus } from '../../lib/events';
import type { Logger } from '../../lib/logger';
import type { FailedAttempt, JobContext, JobHandler } from '../../jobs/worker';
import { ClassifiedError, isRetryable } from '../../lib/failures';
import { announceChanges, recordChanges, type RecordedChanges } from '../changes/change-feed';
import { upsertItemsRecordingChanges } from '../changes/item-changes';
import type { Connections } from '../connections';
import type { EventOutbox } from '../events/outbox';
import type { IntegrationHealth } from '../integrations/health';
import { storedMappings, type Integration } from '../integrations/integration-service';
import { mapDelivery } from '../mapping/map-delivery';
import { mapItem, type RecordError } from '../mapping/map-item';
import { TRANSFER_QUEUE } from '../webhooks/process-event';
import { integrationPolicy } from '../webhooks/scopes';
import { settleEvent, type EventStatus } from '../webhooks/settle';
import { applyDelete, saveDelivery, type DeleteOutcome } from './records';

const finalStatuses = ['succeeded', 'failed', 'skipped'];

type TransferRow = NonNullable<Awaited<ReturnType<Db['transferRequest']['findUnique']>>> & { integration: Integration };
type Outcome = 'upserted' | DeleteOutcome;
/** What a stored record announces to consumers (seed 003 events), if anything. */
interface Stored {
  outcome: Outcome;
  /** The record was read from the host system (deletes are not). */
  fetched: boolean;
  event?: { type: string; data: Record<string, unknown> };
  /** Its changes in the change feed, announced once the transaction commits. */
  changes?: RecordedChanges;
}
/** Stores the fetched record in the completing transaction. */
type Store = (tx: DbTx) => Promise<Stored>;

export class TransferRunner implements JobHandler {
  readonly queue = TRANSFER_QUEUE;

  constructor(
    private readonly db: Db,
    private readonly provider: Provider,
    private readonly connections: Connections,
    private readonly events: EventBus,
    private readonly outbox: EventOutbox,
    private readonly health: IntegrationHealth,
    private readonly logger: Logger,
    private readonly options: { clock: Clock },
  ) {}

  async run(job: ClaimedJob, ctx: JobContext): Promise<void> {
    const transfer = await this.db.transferRequest.findUnique({ where: { id: job.subjectId }, include: { integration: true } });
    if (!transfer) return;
    // A stale attempt (its lease lapsed and another attempt already finished) must not flip a final status back.
    const { count } = await this.db.transferRequest.updateMany({
      where: { id: transfer.id, status: { notIn: finalStatuses } },
      data: { status: 'running', attempts: job.attempts },
    });
    if (count === 0) return;
    this.publish(transfer, 'running');

    let store: Store;
    try {
      store = await this.prepare(transfer, ctx.signal);
    } catch (error) {
      throw userFacing(error, this.logger, transfer.id);
    }
    const now = this.options.clock();
    const { outcome, eventStatus, healthChanged, changes } = await this.db.$transaction(async (tx) => {
      // The job first: a run that lost its lease stops here, before writing anything.
      await ctx.complete(tx);
      const stored = await store(tx);
      await tx.transferRequest.update({ where: { id: transfer.id }, data: { status: 'succeeded', outcome: stored.outcome, error: null, errorClass: null, completedAt: now } });
      const base = transferData(transfer);
      await this.outbox.emit(tx, transfer.orgId, 'transfer.completed', { ...base, outcome: stored.outcome }, { now });
      if (stored.event) await this.outbox.emit(tx, transfer.orgId, stored.event.type, { connectorType: base.connectorType, integrationId: base.integrationId, ...stored.event.data }, { now });
      const healthChanged = stored.fetched ? await this.health.record(tx, transfer.integration, { ok: true }, now) : undefined;
      return { outcome: stored.outcome, eventStatus: await settleEvent(tx, this.outbox, transfer.eventId, now), healthChanged, changes: stored.changes };
    });
    this.outbox.committed();
    if (changes) announceChanges(this.events, changes);
    healthChanged?.();
    this.logger.debug({ transferId: transfer.id, scope: transfer.scope, externalId: transfer.externalId, outcome }, 'transfer done');
    this.publish(transfer, 'succeeded', eventStatus);
  }

  async recordFailure(tx: DbTx, job: ClaimedJob, attempt: FailedAttempt): Promise<() => void> {
    const status = attempt.final ? 'failed' : 'retrying';
    const { failureClass } = attempt;
    const now = this.options.clock();
    const transfer = await tx.transferRequest.update({
      where: { id: job.subjectId },
      data: { status, error: attempt.error, errorClass: failureClass, attempts: job.attempts, completedAt: attempt.final ? now : null },
    });
    let eventStatus: EventStatus | null = null;
    if (attempt.final) {
      await this.outbox.emit(tx, transfer.orgId, 'transfer.failed', {
        ...transferData(transfer), attempts: job.attempts, error: attempt.error, errorClass: failureClass, retryable: isRetryable(failureClass),
      });
      eventStatus = await settleEvent(tx, this.outbox, transfer.eventId, now);
    }
    const integration = { id: transfer.integrationId, orgId: transfer.orgId, connectorType: transfer.connectorType };
    const healthChanged = await this.health.record(tx, integration, { ok: false, failureClass, reason: attempt.error }, now);
    return () => {
      this.outbox.committed();
      this.publish(transfer, status, eventStatus);
      healthChanged();
    };
  }

  /** Reads what the transfer needs from the host system (outside any transaction) and returns how to store it. */
  private async prepare(transfer: TransferRow, signal: AbortSignal): Promise<Store> {
    const { integration } = transfer;
    const connector = findConnector(transfer.connectorType);
    if (!connector) throw new ClassifiedError(`connector ${transfer.connectorType} is no longer available`, 'configuration');
    const [entity, action] = transfer.scope.split('/') as [EntityType, ScopeAction];
    const where = { orgId: transfer.orgId, source: transfer.connectorType, externalId: transfer.externalId };

    if (action === 'deleted') {
      const { deleteHandling } = integrationPolicy(integration);
      return async (tx) => {
        const { outcome, changes } = await applyDelete(tx, entity, where, deleteHandling);
        if (outcome === 'not_found') return { outcome, fetched: false };
        const recorded = await recordChanges(tx, this.provider, { orgId: transfer.orgId, kind: entity, source: transfer.connectorType, changes }, this.options.clock());
        const key = entity === 'item' ? { sku: transfer.externalId } : { orderId: transfer.externalId };
        return { outcome, fetched: false, event: { type: `${entity}.${outcome}`, data: { ...key, externalId: transfer.externalId } }, changes: recorded };
      };
    }
    const client = this.connections.clientFor(integration);
    const mappings = storedMappings(integration);
    const missing = `${transfer.connectorType} has no ${entity} "${transfer.externalId}"`;
    if (entity === 'item') {
      const record = await client.fetchItem(transfer.externalId, signal);
      if (!record) throw new ClassifiedError(missing, 'data');
      const mapped = mapItem(record, mappings.itemMappings);
      if ('errors' in mapped) throw new ClassifiedError(describe(mapped.errors), 'data');
      return async (tx) => {
        const key = { orgId_sku: { orgId: transfer.orgId, sku: mapped.item.sku } };
        const existed = (await tx.item.count({ where: key.orgId_sku })) > 0;
        const { recorded } = await upsertItemsRecordingChanges(tx, this.provider, { orgId: transfer.orgId, source: transfer.connectorType, items: [mapped.item] }, this.options.clock());
        const item = await tx.item.findUniqueOrThrow({ where: key });
        const { sku, name, category, lengthMm, widthMm, heightMm, weightKg, active } = item;
        return { outcome: 'upserted', fetched: true, event: { type: existed ? 'item.updated' : 'item.created', data: { itemId: item.id, sku, name, category, lengthMm, widthMm, heightMm, weightKg, active } }, changes: recorded };
      };
    }
    const delivery = await client.fetchDelivery(transfer.externalId, signal);
    if (!delivery) throw new ClassifiedError(missing, 'data');
    const mapped = mapDelivery(delivery, mappings.deliveryMappings);
    if ('errors' in mapped) throw new ClassifiedError(describe(mapped.errors), 'data');
    return async (tx) => {
      const { id, created } = await saveDelivery(tx, transfer.orgId, transfer.connectorType, mapped.delivery);
      const changes = [{ id, key: mapped.delivery.orderId, op: created ? 'created' : 'updated' } as const];
      const recorded = await recordChanges(tx, this.provider, { orgId: transfer.orgId, kind: 'delivery', source: transfer.connectorType, changes }, this.options.clock());
      const data = { deliveryRecordId: id, orderId: mapped.delivery.orderId, lines: mapped.delivery.lines.length };
      return { outcome: 'upserted', fetched: true, event: { type: created ? 'delivery.created' : 'delivery.updated', data }, changes: recorded };
    };
  }

  private publish(transfer: { id: string; orgId: string; eventId: string; connectorType: string; integrationId: string }, status: string, eventStatus: EventStatus | null = null): void {
    const { orgId, eventId, connectorType } = transfer;
    this.events.publish('transfer-changed', orgId, { orgId, transferId: transfer.id, eventId, connectorType, status });
    if (eventStatus) this.events.publish('webhook-event', orgId, { orgId, eventId, integrationId: transfer.integrationId, connectorType, status: eventStatus });
  }
}

function transferData(transfer: { id: string; connectorType: string; integrationId: string; eventId: string; scope: string; externalId: string }) {
  return { connectorType: transfer.connectorType, integrationId: transfer.integrationId, transferId: transfer.id, deliveryId: transfer.eventId, scope: transfer.scope, externalId: transfer.externalId };
}

function describe(errors: RecordError[]): string {
  return errors.map((error) => (error.field ? `${error.field}: ${error.message}` : error.message)).join('; ');
}

/** Connector and classified errors keep their (user-facing) message; anything else is logged and hidden. */
function userFacing(error: unknown, logger: Logger, transferId: string): unknown {
  if (error instanceof ClassifiedError) return error;
  if (error instanceof Error && error.name === 'AbortError') return error;
  logger.error({ err: error, transferId }, 'transfer failed unexpectedly');
  return new Error('internal error while transferring; see the hub log');
}
