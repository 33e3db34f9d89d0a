/**
 * Publishing the product's own events: `{"event", "data", "idempotencyKey"}` for one
 * organization becomes one message (`msg_…`) fanned out through the outbox to every enabled
 * endpoint of that organization whose patterns take the type, with the outbox's retries,
 * attempt log, resend and recover.
 *
 * `data` is validated against the type's JSON Schema before anything is written. An idempotency
 * key is kept per organization for 24 hours: a repeat answers with the first message id and
 * sends nothing. The keys' primary key decides between two publishes that arrive at once (at
 * one instance or two): the loser's transaction fails on the index and is retried, and then
 * finds the winner's key.
 */
import { z } from 'zod';
import type { Db } from '../../db/connection';
import type { DbTx } from '../../db/job-store';
import type { Clock } from '../../lib/clock';
import { GroupCommit } from '../../lib/group-commit';
import { NotFoundError, ValidationError, type FieldProblem } from '../errors';
import { parseInput } from '../validation';
import { schemaProblems, type EventTypeService, type Publishable } from './event-types';
import type { EventOutbox } from './outbox';

/** How long an idempotency key answers with its first message id. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60_000;
/** Events in one batch publish at most. */
export const MAX_BATCH = 1000;

export const publishInput = z
  .object(
    {
      event: z.string({ message: 'must be an event type, e.g. "offering.status.changed"' }).min(1, 'must be an event type, e.g. "offering.status.changed"').max(100),
      data: z.record(z.string(), z.unknown(), { message: 'must be a JSON object' }),
      idempotencyKey: z.string({ message: 'must be a string' }).min(1, 'must not be empty').max(255, 'must be at most 255 characters').optional(),
      orgId: z.string({ message: 'must be an organization id (org_…)' }).min(1).max(100).optional().meta({ description: 'the organization the event is for; only with a platform key (an organization key publishes for its own)' }),
    },
    { message: 'each event must be a JSON object' },
  )
  .strict();
export type PublishInput = z.infer<typeof publishInput>;

export const publishBatchInput = z
  .object({ events: z.array(z.unknown(), { message: `must be a list of 1 to ${MAX_BATCH} events` }).min(1, 'must name at least one event').max(MAX_BATCH, `must be at most ${MAX_BATCH} events`) }, { message: 'body must be a JSON object' })
  .strict();

/** One event of a batch: published (or answered from its idempotency key), or refused with its problems. */
export type PublishOutcome = { id: string; duplicate: boolean } | { error: { code: 'VALIDATION_FAILED'; message: string; fields: FieldProblem[] } };

export interface PublisherOptions {
  clock: Clock;
}

/** Says which organization an event is published for, from the `orgId` it names (if any); throws when the caller may not. */
export type OrgResolver = (requestedOrgId: string | undefined) => string | Promise<string>;

interface Prepared {
  index: number;
  orgId: string;
  event: string;
  data: Record<string, unknown>;
  idempotencyKey: string | undefined;
}

export class Publisher {
  /**
   * Single publishes that arrive together are written together (group commit): one transaction,
   * one statement per table, each caller answered after it committed. On SQLite every commit is
   * a sync of the log and there is one writer, so a transaction per request capped single
   * publishes at a few dozen a second under load. Should the shared transaction fail, each event
   * is written again alone, so one cannot fail the others.
   */
  private readonly singles = new GroupCommit<Prepared, { outcome?: { id: string; duplicate: boolean }; error?: unknown }>({
    flush: async (batch) => {
      try {
        return (await this.write(batch)).map((outcome) => ({ outcome }));
      } catch (error) {
        if (batch.length === 1) return [{ error }];
        const results: { outcome?: { id: string; duplicate: boolean }; error?: unknown }[] = [];
        for (const event of batch) {
          try {
            results.push({ outcome: (await this.write([event]))[0]! });
          } catch (alone) {
            results.push({ error: alone });
          }
        }
        return results;
      }
    },
  });

  constructor(
    private readonly db: Db,
    private readonly eventTypes: EventTypeService,
    private readonly outbox: EventOutbox,
    private readonly options: PublisherOptions,
  ) {}

  /** One event: its message id, or a ValidationError naming each failing field. */
  async publish(raw: unknown, resolveOrg: OrgResolver): Promise<{ id: string; duplicate: boolean }> {
    let refused: FieldProblem[] | undefined;
    const [prepared] = await this.prepare([raw], resolveOrg, (problems) => {
      refused = problems;
    });
    if (refused) throw new ValidationError(refused);
    const { outcome, error } = await this.singles.submit(prepared!);
    if (error) throw error;
    return outcome!;
  }

  /** Up to MAX_BATCH events in one transaction; each has its own outcome, refused ones are not written. */
  async publishBatch(raw: unknown, resolveOrg: OrgResolver): Promise<PublishOutcome[]> {
    const { events } = parseInput(publishBatchInput, raw);
    const outcomes: PublishOutcome[] = new Array(events.length);
    const prepared = await this.prepare(events, resolveOrg, (problems, index) => {
      outcomes[index] = { error: { code: 'VALIDATION_FAILED', message: new ValidationError(problems).message, fields: problems } };
    });
    const written = await this.write(prepared);
    prepared.forEach((event, i) => {
      outcomes[event.index] = written[i]!;
    });
    return outcomes;
  }

  /** Validates every event (its shape, its organization, its type, its data); `refuse` gets the problems of each bad one. */
  private async prepare(raws: unknown[], resolveOrg: OrgResolver, refuse: (problems: FieldProblem[], index: number) => void): Promise<Prepared[]> {
    const types = new Map<string, Promise<Publishable>>();
    const prepared: Prepared[] = [];
    for (const [index, raw] of raws.entries()) {
      try {
        const input = parseInput(publishInput, raw);
        const orgId = await resolveOrg(input.orgId);
        if (!types.has(input.event)) types.set(input.event, this.eventTypes.publishable(input.event));
        const { validate } = await types.get(input.event)!;
        if (!validate(input.data)) throw new ValidationError(schemaProblems(validate.errors, 'data'));
        prepared.push({ index, orgId, event: input.event, data: input.data, idempotencyKey: input.idempotencyKey });
      } catch (error) {
        // An organization a platform key names that does not exist is this event's problem, not the call's.
        if (error instanceof NotFoundError) refuse([{ path: 'orgId', message: error.message }], index);
        else if (error instanceof ValidationError) refuse(error.fields, index);
        else throw error;
      }
    }
    return prepared;
  }

  /**
   * Writes the events in one transaction. Keys seen within the window answer with their first
   * id; the rest are emitted and their keys inserted. Should a concurrent publish insert one of
   * the same keys first, the index refuses ours, the transaction rolls back (nothing was fanned
   * out) and the next try finds that key.
   */
  private async write(events: Prepared[]): Promise<{ id: string; duplicate: boolean }[]> {
    if (events.length === 0) return [];
    for (let attempt = 1; ; attempt++) {
      try {
        const outcomes = await this.db.$transaction((tx) => this.writeIn(tx, events), { timeout: 120_000, maxWait: 30_000 });
        if (outcomes.some((outcome) => !outcome.duplicate)) this.outbox.committed();
        return outcomes;
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= 3) throw error;
      }
    }
  }

  private async writeIn(tx: DbTx, events: Prepared[]): Promise<{ id: string; duplicate: boolean }[]> {
    const now = this.options.clock();
    const cutoff = new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS);
    const keyed = events.filter((event) => event.idempotencyKey !== undefined);
    const seen = new Map<string, string>();
    if (keyed.length) {
      // One condition per organization (a batch usually has one), not one per key.
      const byOrg = new Map<string, string[]>();
      for (const event of keyed) byOrg.set(event.orgId, [...(byOrg.get(event.orgId) ?? []), event.idempotencyKey!]);
      const where = { OR: [...byOrg].map(([orgId, keys]) => ({ orgId, key: { in: keys } })) };
      // A key older than the window is free again.
      await tx.publishIdempotencyKey.deleteMany({ where: { AND: [where, { createdAt: { lt: cutoff } }] } });
      for (const row of await tx.publishIdempotencyKey.findMany({ where, select: { orgId: true, key: true, eventId: true } })) seen.set(keyOf(row.orgId, row.key), row.eventId);
    }
    // Which events are new: a key seen before (stored, or earlier in this batch) repeats its first
    // event. The new ones are emitted together, one statement per table for the whole batch.
    const firstIndex = new Map<string, number>();
    const fresh: { event: Prepared; index: number }[] = [];
    for (const [index, event] of events.entries()) {
      const key = event.idempotencyKey === undefined ? undefined : keyOf(event.orgId, event.idempotencyKey);
      if (key !== undefined && (seen.has(key) || firstIndex.has(key))) continue;
      if (key !== undefined) firstIndex.set(key, index);
      fresh.push({ event, index });
    }
    const emitted = await this.outbox.emitMany(tx, fresh.map(({ event }) => ({ orgId: event.orgId, type: event.event, data: event.data, now })));
    const idOf = new Map(fresh.map(({ index }, n) => [index, emitted[n]!.id]));
    const keys = fresh.flatMap(({ event, index }) => (event.idempotencyKey === undefined ? [] : [{ orgId: event.orgId, key: event.idempotencyKey, eventId: idOf.get(index)!, createdAt: now }]));
    if (keys.length) await tx.publishIdempotencyKey.createMany({ data: keys });
    return events.map((event, index) => {
      const own = idOf.get(index);
      if (own) return { id: own, duplicate: false };
      const key = keyOf(event.orgId, event.idempotencyKey!);
      return { id: seen.get(key) ?? idOf.get(firstIndex.get(key)!)!, duplicate: true };
    });
  }

  /** Forgets idempotency keys older than the window (the retention job calls it). */
  async pruneKeys(): Promise<number> {
    const cutoff = new Date(this.options.clock().getTime() - IDEMPOTENCY_WINDOW_MS);
    return (await this.db.publishIdempotencyKey.deleteMany({ where: { createdAt: { lt: cutoff } } })).count;
  }
}

function keyOf(orgId: string, key: string): string {
  return `${orgId}\u0000${key}`;
}

/** Prisma's unique-constraint violation, as both drivers report it. */
function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}
