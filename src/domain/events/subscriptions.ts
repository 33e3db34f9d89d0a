/**
 * Which enabled endpoints of an organization take which event types, kept in memory: every emit
 * needs it, and reading the endpoint table for every event cost a query per event.
 *
 * The cache of an organization is dropped when one of its endpoints is created, changed, disabled
 * or deleted: at once in the process that made the change (EndpointService and the deliverer call
 * `changed`), and in the other instances through the event bus (Redis pub/sub when REDIS_URL is
 * set). A load that raced with a change is not kept (a generation counter per organization), and
 * every entry expires after `ttlMs` anyway: instances that share a database but no bus (no Redis)
 * see another instance's change within that time.
 */
import type { DbTx } from '../../db/job-store';
import type { EventBus } from '../../lib/events';
import { patternMatches } from './catalog';

export interface Subscription {
  endpointId: string;
  patterns: readonly string[];
}

export interface SubscriptionCacheOptions {
  /** How long an entry is trusted without an invalidation (default 5 s). */
  ttlMs?: number;
  /** Organizations kept at most; the least recently loaded go first (default 10,000). */
  maxOrgs?: number;
}

export class SubscriptionCache {
  private readonly entries = new Map<string, { subscriptions: Subscription[]; loadedAt: number }>();
  private readonly generations = new Map<string, number>();
  private readonly ttlMs: number;
  private readonly maxOrgs: number;
  private listening: AsyncIterator<unknown> | null = null;

  constructor(
    private readonly bus: EventBus,
    options: SubscriptionCacheOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 5_000;
    this.maxOrgs = options.maxOrgs ?? 10_000;
  }

  /** Starts dropping entries on other instances' changes (the bus's deployment-wide topic). */
  listen(): void {
    if (this.listening) return;
    const iterator = this.bus.subscribe('endpoint-subscriptions')[Symbol.asyncIterator]();
    this.listening = iterator;
    void (async () => {
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        this.drop((next.value as { orgId: string }).orgId);
      }
    })();
  }

  async close(): Promise<void> {
    await this.listening?.return?.();
    this.listening = null;
  }

  /** The organization's enabled endpoints with their patterns, read through `tx` when not cached. */
  async of(tx: DbTx, orgId: string): Promise<Subscription[]> {
    const cached = this.entries.get(orgId);
    if (cached && performance.now() - cached.loadedAt < this.ttlMs) return cached.subscriptions;
    const generation = this.generations.get(orgId) ?? 0;
    const loadedAt = performance.now();
    const rows = await tx.webhookEndpoint.findMany({ where: { orgId, enabled: true }, select: { id: true, eventTypes: true }, orderBy: { createdAt: 'asc' } });
    const subscriptions = rows.map((row) => ({ endpointId: row.id, patterns: JSON.parse(row.eventTypes) as string[] }));
    if ((this.generations.get(orgId) ?? 0) === generation) {
      this.entries.delete(orgId);
      this.entries.set(orgId, { subscriptions, loadedAt });
      if (this.entries.size > this.maxOrgs) this.entries.delete(this.entries.keys().next().value!);
    }
    return subscriptions;
  }

  /** Whether an entry of the organization is held (expired or not); for tests of invalidation. */
  holds(orgId: string): boolean {
    return this.entries.has(orgId);
  }

  /** An endpoint of `orgId` changed here: drop the entry now, and tell the other instances. */
  changed(orgId: string): void {
    this.drop(orgId);
    this.bus.publish('endpoint-subscriptions', { orgId });
  }

  private drop(orgId: string): void {
    this.entries.delete(orgId);
    this.generations.set(orgId, (this.generations.get(orgId) ?? 0) + 1);
  }
}

/** The endpoints among `subscriptions` that take `type`. */
export function takers(subscriptions: readonly Subscription[], type: string): Subscription[] {
  return subscriptions.filter((subscription) => subscription.patterns.some((pattern) => patternMatches(pattern, type)));
}
