/**
 * The message log: an organization's outbound messages (events sent to its endpoints), newest
 * first, by type, time range and delivery status, each with its deliveries' state per endpoint.
 *
 * Built for millions of messages: a page is one range scan of an index read in order and stopped
 * at the page size, never a sort of the matches. Pages are keyset-paged on (createdAt, id):
 * - without a status, HubEvent(orgId, createdAt, id) or, by type, HubEvent(orgId, type, createdAt, id);
 * - by status, EventDelivery(orgId, status, createdAt, eventId): a message is listed when one of
 *   its deliveries is in that status. A delivery's createdAt is its event's (the outbox writes
 *   both), so both scans page on the same key.
 * `plan()` answers the database's query plan of the same statement, for the test that shows it.
 *
 * A cursor names the organization it was issued to: another organization's cursor answers an
 * empty page (nothing says whether it exists elsewhere), as the GraphQL connections do.
 */
import { z } from 'zod';
import type { Db } from '../../db/connection';
import type { DbTx } from '../../db/job-store';
import type { Provider } from '../../db/provider-schemas';
import { Params } from '../../db/sql';
import { ValidationError } from '../errors';
import { parseInput } from '../validation';

/** pending, succeeded, failed (attempts used up, or 410) or cancelled (endpoint disabled). */
export const deliveryStatuses = ['pending', 'succeeded', 'failed', 'cancelled'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

export const MAX_PAGE = 500;

const limitMessage = `must be a whole number from 1 to ${MAX_PAGE}`;
const dateTime = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time, e.g. 2026-04-03T14:00:00Z' });

export const messageLogQuery = z
  .object({
    type: z.string().min(1).max(100).optional().meta({ description: 'only messages of this event type, e.g. "item.updated"' }),
    status: z.enum(deliveryStatuses, { message: `must be one of ${deliveryStatuses.join(', ')}` }).optional().meta({ description: 'only messages with a delivery in this status' }),
    since: dateTime.optional().meta({ description: 'created at or after this time' }),
    until: dateTime.optional().meta({ description: 'created before this time' }),
    limit: z.coerce.number({ message: limitMessage }).int(limitMessage).min(1, limitMessage).max(MAX_PAGE, limitMessage).default(50).meta({ description: 'at most this many, newest first' }),
    cursor: z.string().max(500).optional().meta({ description: 'the nextCursor of the previous page' }),
  })
  .strict();
export type MessageLogQuery = z.input<typeof messageLogQuery>;

export interface MessageFilter {
  type?: string;
  status?: DeliveryStatus;
  since?: Date;
  until?: Date;
}

export interface MessageDelivery {
  deliveryId: string;
  endpointId: string;
  endpointUrl: string;
  status: string;
  attempts: number;
  nextAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastError: string | null;
  completedAt: Date | null;
}

export interface Message {
  id: string;
  type: string;
  createdAt: Date;
  /** The exact body every delivery sends. */
  payload: string;
  deliveries: MessageDelivery[];
}

interface Position {
  createdAt: Date;
  id: string;
}

export class MessageLog {
  constructor(
    private readonly db: Db,
    private readonly provider: Provider,
  ) {}

  /** A page of the REST query (validated, 400 naming the field); `nextCursor` is null on the last page. */
  async query(orgId: string, raw: unknown): Promise<{ messages: Message[]; nextCursor: string | null }> {
    const input = parseInput(messageLogQuery, raw);
    const filter = { type: input.type, status: input.status, since: input.since ? new Date(input.since) : undefined, until: input.until ? new Date(input.until) : undefined };
    const after = input.cursor === undefined ? undefined : decodeCursor(input.cursor, 'cursor');
    if (after && after.orgId !== orgId) return { messages: [], nextCursor: null };
    const messages = await this.page(orgId, filter, input.limit + 1, after);
    const more = messages.length > input.limit;
    const shown = messages.slice(0, input.limit);
    return { messages: shown, nextCursor: more ? encodeCursor(orgId, shown.at(-1)!) : null };
  }

  /** Up to `take` messages after `after` (newest first), with their deliveries. */
  async page(orgId: string, filter: MessageFilter, take: number, after?: Position): Promise<Message[]> {
    const ids = await this.ids(orgId, filter, take, after);
    if (ids.length === 0) return [];
    const [events, deliveries] = await Promise.all([
      this.db.hubEvent.findMany({ where: { id: { in: ids }, orgId }, select: { id: true, type: true, createdAt: true, payload: true } }),
      this.db.eventDelivery.findMany({ where: { eventId: { in: ids }, orgId }, include: { endpoint: { select: { url: true } } }, orderBy: { endpointId: 'asc' } }),
    ]);
    const byEvent = new Map<string, MessageDelivery[]>();
    for (const d of deliveries) {
      const entry: MessageDelivery = {
        deliveryId: d.id, endpointId: d.endpointId, endpointUrl: d.endpoint.url, status: d.status, attempts: d.attempts,
        nextAttemptAt: d.nextAttemptAt, lastStatusCode: d.lastStatusCode, lastError: d.lastError, completedAt: d.completedAt,
      };
      byEvent.set(d.eventId, [...(byEvent.get(d.eventId) ?? []), entry]);
    }
    const byId = new Map(events.map((event) => [event.id, event]));
    return ids.flatMap((id) => {
      const event = byId.get(id);
      return event ? [{ ...event, deliveries: byEvent.get(id) ?? [] }] : [];
    });
  }

  /** The ids of up to `take` messages after `after`, newest first (for callers that load the rows themselves). */
  async ids(orgId: string, filter: MessageFilter, take: number, after?: Position): Promise<string[]> {
    const { sql, params } = this.statement(orgId, filter, take, after);
    return (await this.db.$queryRawUnsafe<{ id: string }[]>(sql, ...params)).map((row) => row.id);
  }

  /** The database's plan for the page statement of this filter, one line per step. */
  async plan(orgId: string, filter: MessageFilter, options: { after?: Position; take?: number; client?: DbTx } = {}): Promise<string[]> {
    const { sql, params } = this.statement(orgId, filter, options.take ?? 51, options.after);
    const client = options.client ?? this.db;
    if (this.provider === 'sqlite') {
      const rows = await client.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${sql}`, ...params);
      return rows.map((row) => row.detail);
    }
    const rows = await client.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN ${sql}`, ...params);
    return rows.map((row) => row['QUERY PLAN']);
  }

  /** The ids of one page, newest first, read in index order (see the module comment). */
  private statement(orgId: string, filter: MessageFilter, take: number, after?: Position): { sql: string; params: unknown[] } {
    const p = new Params(this.provider);
    if (!filter.status) {
      const where = [`"orgId" = ${p.add(orgId)}`];
      if (filter.type) where.push(`"type" = ${p.add(filter.type)}`);
      if (filter.since) where.push(`"createdAt" >= ${p.add(filter.since)}`);
      if (filter.until) where.push(`"createdAt" < ${p.add(filter.until)}`);
      if (after) where.push(`("createdAt", "id") < (${p.add(after.createdAt)}, ${p.add(after.id)})`);
      return { sql: `SELECT "id" FROM "HubEvent" WHERE ${where.join(' AND ')} ORDER BY "createdAt" DESC, "id" DESC LIMIT ${p.add(take)}`, params: p.values };
    }
    const where = [`d."orgId" = ${p.add(orgId)}`, `d."status" = ${p.add(filter.status)}`];
    if (filter.since) where.push(`d."createdAt" >= ${p.add(filter.since)}`);
    if (filter.until) where.push(`d."createdAt" < ${p.add(filter.until)}`);
    if (after) where.push(`(d."createdAt", d."eventId") < (${p.add(after.createdAt)}, ${p.add(after.id)})`);
    // The type is the event's: checked per delivery found, by the event's primary key.
    if (filter.type) where.push(`EXISTS (SELECT 1 FROM "HubEvent" e WHERE e."id" = d."eventId" AND e."type" = ${p.add(filter.type)})`);
    return {
      sql: `SELECT DISTINCT d."eventId" AS "id", d."createdAt" FROM "EventDelivery" d WHERE ${where.join(' AND ')} ORDER BY d."createdAt" DESC, d."eventId" DESC LIMIT ${p.add(take)}`,
      params: p.values,
    };
  }
}

/** An opaque cursor: the organization it was issued to and the last message's position. */
export function encodeCursor(orgId: string, last: Position): string {
  return Buffer.from(JSON.stringify([orgId, last.createdAt.toISOString(), last.id])).toString('base64url');
}

export function decodeCursor(cursor: string, path: string): Position & { orgId: string } {
  try {
    const [orgId, at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const createdAt = new Date(String(at));
    if (typeof orgId === 'string' && typeof id === 'string' && !Number.isNaN(createdAt.getTime())) return { orgId, createdAt, id };
  } catch {
    // falls through to the validation error
  }
  throw new ValidationError([{ path, message: 'is not a cursor this log issued; pass nextCursor (or endCursor) of the previous page as it was' }]);
}
