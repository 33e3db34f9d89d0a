/**
 * The job that turns a stored webhook into transfer requests (seed 002): the connector reads the
 * hook into scopes and ids (one hook may name many records, a child record names its parent),
 * resolves placeholder scopes in its prerequisite step, and every target whose scope the
 * integration has enabled becomes a queued transfer with a job of its own; the others are
 * recorded as skipped, with the reason. All of it commits with the job's completion.
 */
import { findConnector } from '../../connectors/registry';
import type { ConnectorDefinition, HookTarget } from '../../connectors/types';
import type { ClaimedJob, DbTx, JobStore } from '../../db/job-store';
import type { Provider } from '../../db/provider-schemas';
import { saveTransfers, type PlannedTransfer } from '../../db/transfer-store';
import type { Db } from '../../db/connection';
import type { Clock } from '../../lib/clock';
import type { EventBus } from '../../lib/events';
import type { EventOutbox } from '../events/outbox';
import { PermanentJobError, type FailedAttempt, type JobContext, type JobHandler } from '../../jobs/worker';
import { webhookPolicy, type WebhookPolicy, type WebhookSettings } from './scopes';
import { recordOutcome, type EventStatus } from './settle';

export const PROCESS_QUEUE = 'webhook.process';
export const TRANSFER_QUEUE = 'transfer.run';

export interface EventProcessorOptions {
  /** Attempts of each transfer job it queues. */
  transferAttempts: number;
  clock: Clock;
}

export class EventProcessor implements JobHandler {
  readonly queue = PROCESS_QUEUE;

  constructor(
    private readonly db: Db,
    private readonly provider: Provider,
    private readonly jobs: JobStore,
    private readonly events: EventBus,
    private readonly outbox: EventOutbox,
    private readonly options: EventProcessorOptions,
  ) {}

  async run(job: ClaimedJob, ctx: JobContext): Promise<void> {
    const event = await this.db.webhookEvent.findUnique({ where: { id: job.subjectId }, include: { integration: true } });
    if (!event) return; // deleted with its integration: nothing left to do
    const connector = findConnector(event.connectorType);
    if (!connector) throw new PermanentJobError(`connector ${event.connectorType} is no longer available`);
    const settings = event.integration.settings as WebhookSettings & Record<string, unknown>;
    const resolved = connector.webhooks.resolve({ payload: JSON.parse(event.body), headers: JSON.parse(event.headers) as Record<string, string> }, settings);
    const planned = 'ignored' in resolved ? [] : plan(connector, resolved.targets, settings, webhookPolicy(connector, settings));
    const now = this.options.clock();

    const saved = await this.db.$transaction(async (tx) => {
      const transfers = await saveTransfers(tx, this.provider, event, planned, now);
      const queued = transfers.filter((transfer) => transfer.status === 'queued');
      await this.jobs.requeue(tx, TRANSFER_QUEUE, queued.map((transfer) => ({ subjectId: transfer.id, orgId: event.orgId })), this.options.transferAttempts, now);
      let status: EventStatus = 'dispatched';
      await tx.webhookEvent.update({ where: { id: event.id }, data: { status, error: null, processedAt: null, transferCount: transfers.length } });
      await this.outbox.emit(tx, event.orgId, 'webhook.received', {
        connectorType: event.connectorType, integrationId: event.integrationId, deliveryId: event.id, receivedAt: event.receivedAt.toISOString(), transfers: queued.length,
      }, { now });
      if (queued.length === 0) {
        status = 'skipped';
        const reason = 'ignored' in resolved ? resolved.ignored : (planned[0]?.error ?? 'the hook names no record');
        await recordOutcome(tx, this.outbox, event.id, status, reason, now);
      }
      await ctx.complete(tx);
      return { status, transfers };
    });

    this.outbox.committed();
    const { orgId, integrationId, connectorType } = event;
    this.events.publish('webhook-event', orgId, { orgId, eventId: event.id, integrationId, connectorType, status: saved.status });
    for (const transfer of saved.transfers) {
      this.events.publish('transfer-changed', orgId, { orgId, transferId: transfer.id, eventId: event.id, connectorType, status: transfer.status });
    }
  }

  async recordFailure(tx: DbTx, job: ClaimedJob, attempt: FailedAttempt): Promise<() => void> {
    const now = this.options.clock();
    const data = attempt.final ? { status: 'dead', error: attempt.error, processedAt: now } : { error: attempt.error };
    const event = await tx.webhookEvent.update({ where: { id: job.subjectId }, data, select: { orgId: true, integrationId: true, connectorType: true } });
    if (attempt.final) await recordOutcome(tx, this.outbox, job.subjectId, 'dead', attempt.error, now);
    return () => {
      if (!attempt.final) return;
      this.outbox.committed();
      this.events.publish('webhook-event', event.orgId, { ...event, eventId: job.subjectId, status: 'dead' });
    };
  }

}

/** Resolves placeholder scopes, then queues what is enabled and skips the rest, with reasons. */
function plan(connector: ConnectorDefinition, targets: HookTarget[], settings: Record<string, unknown>, policy: WebhookPolicy): PlannedTransfer[] {
  const known = new Set<string>(connector.webhooks.scopes.map((scope) => scope.name));
  const planned = new Map<string, PlannedTransfer>();
  for (const target of targets) {
    let { scope, externalId } = target;
    let receivedScope: string | null = null;
    let skip: string | null = null;
    if (!known.has(scope)) {
      const resolved = connector.webhooks.prerequisite?.(target, settings) ?? { skip: `unknown scope "${scope}"` };
      if ('skip' in resolved) {
        skip = resolved.skip;
      } else {
        ({ scope, externalId } = resolved.target);
        receivedScope = target.scope;
      }
    }
    if (skip === null && !policy.enabledScopes.has(scope)) skip = `scope ${scope} is not enabled for this integration (settings.webhookScopes)`;
    // One transfer per scope and record, however often the hook names it.
    planned.set(`${scope}\u0000${externalId}`, { scope, receivedScope, externalId, status: skip === null ? 'queued' : 'skipped', error: skip });
  }
  return [...planned.values()];
}
