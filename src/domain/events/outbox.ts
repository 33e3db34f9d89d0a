/**
 * Emitting the hub's events (seed 003). An event is written in the transaction of the change
 * that causes it, with one delivery (and its job) per enabled endpoint whose event types match:
 * if the change commits, its deliveries are due; if it rolls back, nobody hears of it. This is
 * the transactional outbox Hook0 uses; the deliveries then go out through the job queue.
 */
import type { DbTx, JobStore } from '../../db/job-store';
import type { Clock } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { patternMatches } from './catalog';

export const DELIVER_QUEUE = 'webhook.deliver';

export interface EmitOptions {
  /** Deliver to this endpoint only, whatever its event types (a test event). */
  endpointId?: string;
  /** The event's time (default: the clock's now), e.g. the time of the change it reports. */
  now?: Date;
}

export class EventOutbox {
  private readonly listeners: Array<() => void> = [];

  constructor(
    private readonly jobs: JobStore,
    private readonly maxAttempts: number,
    private readonly clock: Clock,
  ) {}

  /** Writes the event and its deliveries in `tx` when an endpoint takes it; returns the event id (`msg_…`, every delivery's webhook-id). */
  async emit(tx: DbTx, orgId: string, type: string, data: Record<string, unknown>, options: EmitOptions = {}): Promise<string> {
    const now = options.now ?? this.clock();
    const id = newId('msg');
    const endpoints = await tx.webhookEndpoint.findMany({
      where: { orgId, enabled: true, ...(options.endpointId ? { id: options.endpointId } : {}) },
      select: { id: true, eventTypes: true },
    });
    const targets = options.endpointId ? endpoints : endpoints.filter((endpoint) => (JSON.parse(endpoint.eventTypes) as string[]).some((pattern) => patternMatches(pattern, type)));
    // An event no endpoint takes is never sent, resent or recovered: it is not stored (most
    // organizations have no endpoints, and every transfer emits).
    if (targets.length === 0) return id;
    // Compact JSON.stringify of parsed JSON: a receiver that parses the body and stringifies it
    // again (the webhook tutorial's handler signs JSON.stringify(req.body)) gets these exact bytes.
    // `type` repeats `event` for receivers that switch on event.type.
    const payload = JSON.stringify({ id, event: type, type, timestamp: now.toISOString(), data });
    await tx.hubEvent.create({ data: { id, orgId, type, payload, createdAt: now } });
    const deliveries = targets.map((endpoint) => ({ id: newId('odl'), orgId, eventId: id, endpointId: endpoint.id, status: 'pending', nextAttemptAt: now, createdAt: now, updatedAt: now }));
    await tx.eventDelivery.createMany({ data: deliveries });
    await this.jobs.enqueue(tx, deliveries.map((delivery) => ({ queue: DELIVER_QUEUE, subjectId: delivery.id, orgId, maxAttempts: this.maxAttempts })), now);
    return id;
  }

  /** Call after a transaction that emitted committed: wakes the local worker so deliveries leave at once. */
  committed(): void {
    for (const listener of this.listeners) listener();
  }

  onCommitted(listener: () => void): void {
    this.listeners.push(listener);
  }
}
