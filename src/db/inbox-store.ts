/**
 * Writes received webhooks, many requests per transaction: the event rows and the jobs that
 * will process them commit together, so an acknowledged event always has its job. This is the
 * hot path of the hub (thousands of requests a second), hence set-based SQL. Repeated
 * deliveries (same dedup key on the same integration) insert nothing and are answered with the
 * first delivery's id; the unique index decides, so this holds across processes too.
 */
import type { Db } from './connection';
import type { Provider } from './provider-schemas';
import { insertRows, Params, type Statement } from './sql';

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
    // RETURNING names the rows written: a repeat of an earlier delivery wrote none, and has no job.
    const insertEvents = insertRows(this.provider, 'WebhookEvent', columns, rows, 'ON CONFLICT ("integrationId", "dedupKey") DO NOTHING RETURNING "id", "orgId", "receivedAt"');
    const inserted = this.provider === 'postgresql' ? await this.writeInOneStatement(insertEvents) : await this.writeInOneTransaction(insertEvents, unique);
    const written = new Set(inserted.map((row) => row.id));
    const repeats = unique.filter((event) => !written.has(event.id));
    const earlier = repeats.length > 0 ? await this.firstDeliveries(repeats) : new Map<string, string>();
    return events.map((event) => {
      if (written.has(event.id)) return { id: event.id, duplicate: false };
      const key = keyOf(event)!;
      const first = firstByKey.get(key)!;
      return { id: written.has(first.id) ? first.id : earlier.get(key)!, duplicate: true };
    });
  }

  /**
   * PostgreSQL: the events and their jobs in one statement (a data-modifying WITH), which is its
   * own transaction: one round trip per batch instead of four (BEGIN, two inserts, COMMIT).
   */
  private writeInOneStatement(insertEvents: Statement): Promise<{ id: string }[]> {
    return this.db.$queryRawUnsafe(`WITH "written" AS (${insertEvents.sql}), "jobs" AS (${this.insertJobsFrom('"written"')}) SELECT "id" FROM "written"`, ...insertEvents.params);
  }

  /**
   * SQLite has no data-modifying WITH: the two inserts go in one batch (not interactive)
   * transaction, one round of Prisma's machinery; the jobs come from the rows just written.
   */
  private async writeInOneTransaction(insertEvents: Statement, events: readonly NewWebhookEvent[]): Promise<{ id: string }[]> {
    const p = new Params(this.provider);
    const insertJobs = this.insertJobsFrom(`"WebhookEvent" WHERE "id" IN (${p.list(events.map((event) => event.id))})`);
    const [inserted] = await this.db.$transaction([this.db.$queryRawUnsafe<{ id: string }[]>(insertEvents.sql, ...insertEvents.params), this.db.$executeRawUnsafe(insertJobs, ...p.values)]);
    return inserted;
  }

  /** A job for each event row `source` yields (id, orgId, receivedAt). */
  private insertJobsFrom(source: string): string {
    return (
      `INSERT INTO "Job" ("id", "queue", "subjectId", "orgId", "status", "attempts", "maxAttempts", "runAt", "createdAt", "updatedAt") ` +
      `SELECT 'job_' || substr("id", 5), ${this.queueLiteral}, "id", "orgId", 'queued', 0, ${this.job.maxAttempts}, "receivedAt", "receivedAt", "receivedAt" FROM ${source}`
    );
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
