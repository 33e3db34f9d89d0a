/**
 * What users do with stored webhooks besides reading them: replay events (processed again from
 * the stored body, e.g. after fixing a mapping or enabling a scope) and retry failed transfers.
 * Everything is scoped to the caller's organization.
 */
import type { Db } from '../../db/connection';
import type { JobStore } from '../../db/job-store';
import type { Clock } from '../../lib/clock';
import type { EventBus } from '../../lib/events';
import { ValidationError } from '../errors';
import { PROCESS_QUEUE, TRANSFER_QUEUE } from './process-event';

export interface ReplayFilter {
  eventIds?: string[];
  connectorType?: string;
  statuses?: string[];
  receivedSince?: Date;
}

/** One call replays at most this many events; call again for the rest. */
export const MAX_REPLAY = 1000;

export class WebhookEvents {
  constructor(
    private readonly db: Db,
    private readonly jobs: JobStore,
    private readonly events: EventBus,
    private readonly options: {
      maxAttempts: number;
      /** Told after jobs were queued (wakes the local worker). */
      wake: () => void;
      clock: Clock;
    },
  ) {}

  /** Queues the matching events for processing again; returns the ids that were queued. */
  async replay(orgId: string, filter: ReplayFilter): Promise<string[]> {
    if (!filter.eventIds && !filter.statuses && !filter.receivedSince && !filter.connectorType) {
      throw new ValidationError([{ path: '', message: 'name the events to replay: eventIds, or a filter (statuses, connectorType, receivedSince)' }]);
    }
    if (filter.eventIds && filter.eventIds.length > MAX_REPLAY) throw new ValidationError([{ path: 'eventIds', message: `at most ${MAX_REPLAY} per call` }]);
    const events = await this.db.webhookEvent.findMany({
      where: {
        orgId,
        ...(filter.eventIds ? { id: { in: filter.eventIds } } : {}),
        ...(filter.connectorType ? { connectorType: filter.connectorType } : {}),
        ...(filter.statuses ? { status: { in: filter.statuses } } : {}),
        ...(filter.receivedSince ? { receivedAt: { gte: filter.receivedSince } } : {}),
      },
      select: { id: true, integrationId: true, connectorType: true },
      orderBy: { receivedAt: 'asc' },
      take: MAX_REPLAY,
    });
    const now = this.options.clock();
    const queued = await this.db.$transaction(async (tx) => {
      const ids = await this.jobs.requeue(tx, PROCESS_QUEUE, events.map((event) => ({ subjectId: event.id, orgId })), this.options.maxAttempts, now);
      await tx.webhookEvent.updateMany({ where: { id: { in: ids } }, data: { status: 'received', error: null, processedAt: null } });
      return new Set(ids);
    });
    for (const event of events.filter((e) => queued.has(e.id))) {
      this.events.publish('webhook-event', orgId, { orgId, eventId: event.id, integrationId: event.integrationId, connectorType: event.connectorType, status: 'received' });
    }
    this.options.wake();
    return [...queued];
  }

  /** Queues failed transfer requests again with fresh attempts; returns the ids that were queued. */
  async retryTransfers(orgId: string, transferIds: string[]): Promise<string[]> {
    if (transferIds.length > MAX_REPLAY) throw new ValidationError([{ path: 'transferIds', message: `at most ${MAX_REPLAY} per call` }]);
    const transfers = await this.db.transferRequest.findMany({
      where: { orgId, id: { in: transferIds }, status: 'failed' },
      select: { id: true, eventId: true, connectorType: true },
    });
    const now = this.options.clock();
    const queued = await this.db.$transaction(async (tx) => {
      const ids = await this.jobs.requeue(tx, TRANSFER_QUEUE, transfers.map((t) => ({ subjectId: t.id, orgId })), this.options.maxAttempts, now);
      await tx.transferRequest.updateMany({ where: { id: { in: ids } }, data: { status: 'queued', attempts: 0, error: null, completedAt: null } });
      const eventIds = [...new Set(transfers.filter((t) => ids.includes(t.id)).map((t) => t.eventId))];
      await tx.webhookEvent.updateMany({ where: { id: { in: eventIds } }, data: { status: 'dispatched', processedAt: null } });
      return new Set(ids);
    });
    for (const transfer of transfers.filter((t) => queued.has(t.id))) {
      this.events.publish('transfer-changed', orgId, { orgId, transferId: transfer.id, eventId: transfer.eventId, connectorType: transfer.connectorType, status: 'queued' });
    }
    this.options.wake();
    return [...queued];
  }
}
