/**
 * Emitting events to webhook endpoints (the webhook receiver guide's body). An event is written
 * in the transaction of the change that causes it, with one delivery (and its job) per enabled
 * endpoint whose event types match: if the change commits, its deliveries are due; if it rolls
 * back, nobody hears of it. This is the transactional outbox Hook0 uses; the deliveries then go
 * out through the job queue.
 *
 * Emitting is set-based: any number of events, of one organization or many, cost one INSERT per
 * table (events, deliveries, jobs), whatever their number (up to the bound-parameter limit per
 * statement), and the endpoints are read from the subscription cache, not per event.
 */
import type { DbTx, JobStore } from '../../db/job-store';
import type { Provider } from '../../db/provider-schemas';
import { chunksOf, insertRows } from '../../db/sql';
import type { Clock } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { type SubscriptionCache, takers } from './subscriptions';

export const DELIVER_QUEUE = 'webhook.deliver';

export interface EmitOptions {
  /** Deliver to this endpoint only, whatever its event types (a test event). */
  endpointId?: string;
  /** The event's time (default: the clock's now), e.g. the time of the change it reports. */
  now?: Date;
}

/** One event to emit. */
export interface OutboundEvent {
  orgId: string;
  type: string;
  data: Record<string, unknown>;
  /** The event's time (default: the clock's now). */
  now?: Date;
  /** Deliver to this endpoint only, whatever its event types (a test event). */
  endpointId?: string;
}

/** An emitted event: its id, and how many endpoints it goes to (0: nobody takes it, nothing was stored). */
export interface Emitted {
  id: string;
  deliveries: number;
}

const eventColumns = ['id', 'orgId', 'type', 'payload', 'createdAt'] as const;
const deliveryColumns = ['id', 'orgId', 'eventId', 'endpointId', 'status', 'attempts', 'nextAttemptAt', 'createdAt', 'updatedAt'] as const;

/**
 * The exact body every delivery of the event sends: compact JSON.stringify of parsed JSON, so a
 * receiver that parses the body and stringifies it again (the webhook tutorial's handler signs
 * JSON.stringify(req.body)) gets these exact bytes. `type` repeats `event` for receivers that
 * switch on event.type.
 */
export function eventPayload(id: string, type: string, at: Date, data: Record<string, unknown>): string {
  return JSON.stringify({ id, event: type, type, timestamp: at.toISOString(), data });
}

export class EventOutbox {
  private readonly listeners: Array<() => void> = [];

  constructor(
    private readonly jobs: JobStore,
    private readonly provider: Provider,
    private readonly subscriptions: SubscriptionCache,
    private readonly maxAttempts: number,
    private readonly clock: Clock,
  ) {}

  /** Writes the event and its deliveries in `tx` when an endpoint takes it; returns the event id (`msg_…`, every delivery's webhook-id). */
  async emit(tx: DbTx, orgId: string, type: string, data: Record<string, unknown>, options: EmitOptions = {}): Promise<string> {
    const [emitted] = await this.emitMany(tx, [{ orgId, type, data, ...options }]);
    return emitted!.id;
  }

  /**
   * Writes many events (of one organization or several) and their deliveries in `tx`, with one
   * statement per table; answers each event's id and delivery count, in order. An event no
   * endpoint takes is never sent, resent or recovered: it is not stored (most organizations have
   * no endpoints, and every transfer emits).
   */
  async emitMany(tx: DbTx, events: readonly OutboundEvent[]): Promise<Emitted[]> {
    const now = this.clock();
    const eventRows: unknown[][] = [];
    const deliveryRows: unknown[][] = [];
    const jobs: Parameters<JobStore['enqueue']>[1][number][] = [];
    const emitted: Emitted[] = [];
    for (const event of events) {
      const id = newId('msg');
      const targets = event.endpointId ? await this.endpoint(tx, event.orgId, event.endpointId) : takers(await this.subscriptions.of(tx, event.orgId), event.type);
      emitted.push({ id, deliveries: targets.length });
      if (targets.length === 0) continue;
      const at = event.now ?? now;
      eventRows.push([id, event.orgId, event.type, eventPayload(id, event.type, at, event.data), at]);
      for (const target of targets) {
        const deliveryId = newId('odl');
        // A delivery's createdAt is its event's: the message log pages deliveries and events on the same key.
        deliveryRows.push([deliveryId, event.orgId, id, target.endpointId, 'pending', 0, at, at, at]);
        jobs.push({ queue: DELIVER_QUEUE, subjectId: deliveryId, orgId: event.orgId, maxAttempts: this.maxAttempts, runAt: at });
      }
    }
    if (eventRows.length === 0) return emitted;
    await this.insert(tx, 'HubEvent', eventColumns, eventRows);
    await this.insert(tx, 'EventDelivery', deliveryColumns, deliveryRows);
    await this.jobs.enqueue(tx, jobs, now);
    return emitted;
  }

  /** Call after a transaction that emitted committed: wakes the local worker so deliveries leave at once. */
  committed(): void {
    for (const listener of this.listeners) listener();
  }

  onCommitted(listener: () => void): void {
    this.listeners.push(listener);
  }

  private async endpoint(tx: DbTx, orgId: string, endpointId: string): Promise<{ endpointId: string }[]> {
    const found = await tx.webhookEndpoint.findFirst({ where: { id: endpointId, orgId, enabled: true }, select: { id: true } });
    return found ? [{ endpointId: found.id }] : [];
  }

  private async insert(tx: DbTx, table: string, columns: readonly string[], rows: unknown[][]): Promise<void> {
    for (const chunk of chunksOf(rows, columns.length)) {
      const { sql, params } = insertRows(this.provider, table, columns, chunk);
      await tx.$executeRawUnsafe(sql, ...params);
    }
  }
}
