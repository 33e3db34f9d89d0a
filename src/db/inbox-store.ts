/**
 * Writes received webhooks, many requests per transaction: the event rows and the jobs that
 * will process them commit together, so an acknowledged event always has its job. Repeated
 * deliveries (same dedup key on the same integration) insert nothing and are answered with the
 * first delivery's id; the unique index decides, so this holds across processes too.
 */
import type { Db } from './connection';
import type { DbTx, JobStore } from './job-store';
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
  constructor(
    private readonly db: Db,
    private readonly provider: Provider,
    private readonly jobs: JobStore,
    private readonly job: { queue: string; maxAttempts: number },
  ) {}

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
    const now = new Date();
    const { inserted, existing } = await this.db.$transaction(async (tx) => {
      const rows = unique.map((e) => [e.id, e.orgId, e.integrationId, e.connectorType, e.receivedAt, e.body, e.headers, e.signatureScheme, e.dedupKey, 'received']);
      const { sql, params } = insertRows(this.provider, 'WebhookEvent', columns, rows, 'ON CONFLICT ("integrationId", "dedupKey") DO NOTHING RETURNING "id"');
      const written = new Set((await tx.$queryRawUnsafe<{ id: string }[]>(sql, ...params)).map((row) => row.id));
      const repeats = unique.filter((event) => !written.has(event.id));
      const earlier = repeats.length ? await this.firstDeliveries(tx, repeats) : new Map<string, string>();
      await this.jobs.enqueue(
        tx,
        unique.filter((event) => written.has(event.id)).map((event) => ({ ...this.job, subjectId: event.id, orgId: event.orgId })),
        now,
      );
      return { inserted: written, existing: earlier };
    });
    return events.map((event) => {
      if (inserted.has(event.id)) return { id: event.id, duplicate: false };
      const key = keyOf(event)!;
      const first = firstByKey.get(key)!;
      return { id: inserted.has(first.id) ? first.id : existing.get(key)!, duplicate: true };
    });
  }

  /** Ids of the stored events that carry these events' dedup keys. */
  private async firstDeliveries(tx: DbTx, repeats: readonly NewWebhookEvent[]): Promise<Map<string, string>> {
    const p = new Params(this.provider);
    const where = repeats.map((event) => `("integrationId" = ${p.add(event.integrationId)} AND "dedupKey" = ${p.add(event.dedupKey)})`).join(' OR ');
    const rows = await tx.$queryRawUnsafe<{ id: string; integrationId: string; dedupKey: string }[]>(
      `SELECT "id", "integrationId", "dedupKey" FROM "WebhookEvent" WHERE ${where}`,
      ...p.values,
    );
    return new Map(rows.map((row) => [`${row.integrationId}\u0000${row.dedupKey}`, row.id]));
  }
}

function keyOf(event: NewWebhookEvent): string | null {
  return event.dedupKey === null ? null : `${event.integrationId}\u0000${event.dedupKey}`;
}
