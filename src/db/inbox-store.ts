/**
 * Writes received webhooks, many requests per transaction: the event rows and the jobs that
 * will process them commit together, so an acknowledged event always has its job. This is the
 * hot path of the hub (thousands of requests a second), hence set-based SQL. Repeated
 * deliveries (same dedup key on the same integration) insert nothing and are answered with the
 * first delivery's id; the unique index decides, so this holds across processes too.
 */
import type { Db } from './connection';
import type { Provider } from './provider-schemas';
import { insertRows, Params } from './sql';

export interface NewWebhookEvent {
  id: string;
  orgId: string;
  integrationId: string;
  connectorType: string;
  receivedAt: Date;
  body: string;
  headers: string;
  signatureScheme: string;
  dedupKey: string | null;
}

export interface StoredEvent {
  /** The id the sender is answered with: this event's, or the first delivery's for a repeat. */
  id: string;
  duplicate: boolean;
}

const columns = ['id', 'orgId', 'integrationId', 'connectorType', 'receivedAt', 'body', 'headers', 'signatureScheme', 'dedupKey', 'status'] as const;

export class InboxStore {
  /** The queue name goes into the SQL text (a constant of the code, checked here). */
  private readonly queueLiteral: string;

  constructor(
    private readonly db: Db,
    private readonly provider: Provider,
    private readonly job: { queue: string; maxAttempts: number },
  ) {
    if (!/^[a-z.]+$/.test(job.queue) || !Number.isInteger(job.maxAttempts)) throw new Error('invalid job settings for the inbox');
    this.queueLiteral = `'${job.queue}'`;
  }

  async write(events: readonly NewWebhookEvent[]): Promise<StoredEvent[]> {
    // A key repeated inside the batch: the first one is written, the others answer with its id.
    const firstByKey = new Map<string, NewWebhookEvent>();
    const unique: NewWebhookEvent[] = [];
    for (const event of events) {
      const key = keyOf(event);
      if (key !== null && firstByKey.has(key)) continue;
      if (key !== null) firstByKey.set(key, event);
      unique.push(event);
    }
    const rows = unique.map((e) => [e.id, e.orgId, e.integrationId, e.connectorType, e.receivedAt, e.body, e.headers, e.signatureScheme, e.dedupKey, 'received']);
    const insertEvents = insertRows(this.provider, 'WebhookEvent', columns, rows, 'ON CONFLICT ("integrationId", "dedupKey") DO NOTHING');
    // The jobs come from the rows just written (a repeat wrote none), in the same transaction. A
    // batch (not an interactive) transaction: two statements, one round of Prisma's machinery.
    const p = new Params(this.provider);
    const insertJobs =
      `INSERT INTO "Job" ("id", "queue", "subjectId", "orgId", "status", "attempts", "maxAttempts", "runAt", "createdAt", "updatedAt") ` +
      `SELECT 'job_' || substr("id", 5), ${this.queueLiteral}, "id", "orgId", 'queued', 0, ${this.job.maxAttempts}, "receivedAt", "receivedAt", "receivedAt" ` +
      `FROM "WebhookEvent" WHERE "id" IN (${p.list(unique.map((event) => event.id))})`;
    await this.db.$transaction([this.db.$executeRawUnsafe(insertEvents.sql, ...insertEvents.params), this.db.$executeRawUnsafe(insertJobs, ...p.values)]);

    // Only events with a dedup key can have been refused as repeats.
    const keyed = unique.filter((event) => event.dedupKey !== null);
    const written = new Set(unique.filter((event) => event.dedupKey === null).map((event) => event.id));
    let earlier = new Map<string, string>();
    if (keyed.length > 0) {
      const q = new Params(this.provider);
      const found = await this.db.$queryRawUnsafe<{ id: string }[]>(`SELECT "id" FROM "WebhookEvent" WHERE "id" IN (${q.list(keyed.map((e) => e.id))})`, ...q.values);
      for (const row of found) written.add(row.id);
      const repeats = keyed.filter((event) => !written.has(event.id));
      if (repeats.length > 0) earlier = await this.firstDeliveries(repeats);
    }
    return events.map((event) => {
      if (written.has(event.id)) return { id: event.id, duplicate: false };
      const key = keyOf(event)!;
      const first = firstByKey.get(key)!;
      return { id: written.has(first.id) ? first.id : earlier.get(key)!, duplicate: true };
    });
  }

  /** Ids of the stored events that carry these events' dedup keys. */
  private async firstDeliveries(repeats: readonly NewWebhookEvent[]): Promise<Map<string, string>> {
    const p = new Params(this.provider);
    const where = repeats.map((event) => `("integrationId" = ${p.add(event.integrationId)} AND "dedupKey" = ${p.add(event.dedupKey)})`).join(' OR ');
    const rows = await this.db.$queryRawUnsafe<{ id: string; integrationId: string; dedupKey: string }[]>(
      `SELECT "id", "integrationId", "dedupKey" FROM "WebhookEvent" WHERE ${where}`,
      ...p.values,
    );
    return new Map(rows.map((row) => [`${row.integrationId}\u0000${row.dedupKey}`, row.id]));
  }
}

function keyOf(event: NewWebhookEvent): string | null {
  return event.dedupKey === null ? null : `${event.integrationId}\u0000${event.dedupKey}`;
}
