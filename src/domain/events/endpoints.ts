/**
 * Webhook endpoints of an organization (seed 001): where the hub's events go. Each endpoint has
 * its own signing secret (`whsec_` + base64 of 24 random bytes), sealed at rest, shown when the
 * endpoint is created and readable on explicit request; a rotation keeps the old secret signing
 * beside the new one for an overlap. Also: test events, resending one message, recovering
 * failed ones.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../db/connection';
import type { JobStore } from '../../db/job-store';
import { chunksOf } from '../../db/sql';
import type { WebhookEndpoint } from '../../generated/sqlite/client';
import type { Clock } from '../../lib/clock';
import type { EndpointChanged, EventBus } from '../../lib/events';
import { newId } from '../../lib/ids';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { httpUrl } from '../integrations/inputs';
import type { SealedSecrets } from '../secrets/sealed-secrets';
import { parseInput } from '../validation';
import { schemaProblems, type EventTypeService } from './event-types';
import { DELIVER_QUEUE, type EventOutbox } from './outbox';
import type { SubscriptionCache } from './subscriptions';

export type { WebhookEndpoint };

export interface EndpointOptions {
  allowPrivateTargets: boolean;
  /** How long a rotated-out secret keeps signing. */
  secretOverlapMs: number;
  deliverAttempts: number;
  clock: Clock;
}

const eventTypes = z
  .array(z.string().min(1).max(100), { message: 'must be a list of event types, e.g. ["item.updated", "sync.*"]' })
  .min(1, 'must name at least one event type ("*" for all)')
  .max(100);

const fields = {
  url: httpUrl,
  eventTypes,
  description: z.string().max(500, 'must be at most 500 characters').nullable(),
  enabled: z.boolean({ message: 'must be true or false' }),
  rateLimitPerSecond: z.number().int('must be a whole number').min(1).max(10_000).nullable(),
};
export const createInput = z.object(fields).partial({ description: true, enabled: true, rateLimitPerSecond: true }).strict();
export const updateInput = z.object(fields).partial().strict();

/** Seed 001 registers with "events": accepted as another name for eventTypes. */
function withSeedNames(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw) || !('events' in raw) || 'eventTypes' in raw) return raw;
  const { events, ...rest } = raw as Record<string, unknown>;
  return { ...rest, eventTypes: events };
}

export class EndpointService {
  private readonly openedSecrets = new Map<string, string>();
  constructor(
    private readonly db: Db,
    private readonly secrets: SealedSecrets,
    private readonly outbox: EventOutbox,
    private readonly jobs: JobStore,
    private readonly events: EventBus,
    private readonly subscriptions: SubscriptionCache,
    private readonly eventTypes: EventTypeService,
    private readonly options: EndpointOptions,
  ) {}

  list(orgId: string): Promise<WebhookEndpoint[]> {
    return this.db.webhookEndpoint.findMany({ where: { orgId }, orderBy: { createdAt: 'asc' } });
  }

  async get(orgId: string, id: string): Promise<WebhookEndpoint> {
    const endpoint = await this.db.webhookEndpoint.findFirst({ where: { id, orgId } });
    if (!endpoint) throw new NotFoundError(`no webhook endpoint ${id} in this organization`);
    return endpoint;
  }

  /** Registers an endpoint; the answer is the only one that carries its secret unasked. */
  async create(orgId: string, raw: unknown): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
    const input = parseInput(createInput, withSeedNames(raw));
    await this.check(input);
    const id = newId('ep');
    const secret = newSecret();
    const endpoint = await this.db.webhookEndpoint.create({
      data: {
        id, orgId, url: input.url, description: input.description ?? null, eventTypes: JSON.stringify(input.eventTypes),
        enabled: input.enabled ?? true, rateLimitPerSecond: input.rateLimitPerSecond ?? null, secretSealed: this.secrets.seal('endpointSecret', { orgId, id }, secret),
      },
    });
    this.changed(endpoint, 'CREATED');
    return { endpoint, secret };
  }

  /** Changes what is given. Enabling a disabled endpoint clears why it was disabled and its failing clock. */
  async update(orgId: string, id: string, raw: unknown): Promise<WebhookEndpoint> {
    const existing = await this.get(orgId, id);
    const input = parseInput(updateInput, withSeedNames(raw));
    await this.check(input);
    const reenabled = input.enabled === true && !existing.enabled;
    const endpoint = await this.db.webhookEndpoint.update({
      where: { id },
      data: {
        ...(input.url !== undefined ? { url: input.url } : {}),
        ...(input.eventTypes !== undefined ? { eventTypes: JSON.stringify(input.eventTypes) } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.rateLimitPerSecond !== undefined ? { rateLimitPerSecond: input.rateLimitPerSecond } : {}),
        ...(input.enabled !== undefined ? { enabled: input.enabled, disabledReason: input.enabled ? null : 'manual' } : {}),
        ...(reenabled ? { failingSince: null } : {}),
      },
    });
    this.changed(endpoint, input.enabled === false ? 'DISABLED' : 'UPDATED');
    return endpoint;
  }

  /**
   * Deletes the endpoint with its messages and their queued jobs: left behind, each job of a
   * deleted delivery would still be claimed and completed one by one, ahead of other endpoints'
   * messages (a deleted endpoint with a large backlog held up every other delivery). A job
   * running now finds its delivery gone and ends.
   */
  async remove(orgId: string, id: string): Promise<void> {
    const endpoint = await this.get(orgId, id);
    await this.db.$transaction(async (tx) => {
      const pending = await tx.eventDelivery.findMany({ where: { endpointId: id, status: 'pending' }, select: { id: true } });
      for (const chunk of chunksOf(pending.map((delivery) => delivery.id), 1)) {
        await tx.job.deleteMany({ where: { queue: DELIVER_QUEUE, status: 'queued', subjectId: { in: chunk } } });
      }
      await tx.webhookEndpoint.delete({ where: { id } });
    });
    this.changed(endpoint, 'DELETED');
  }

  /** The secret(s), on explicit request only. */
  async secret(orgId: string, id: string): Promise<{ secret: string; previousSecret: string | null; previousSecretValidUntil: Date | null }> {
    const endpoint = await this.get(orgId, id);
    const [secret, previous] = this.signingSecrets(endpoint, this.options.clock());
    return { secret: secret!, previousSecret: previous ?? null, previousSecretValidUntil: previous ? endpoint.previousSecretUntil : null };
  }

  /** A new secret signs from now on; the old one keeps signing beside it for the overlap. */
  async rotateSecret(orgId: string, id: string): Promise<{ secret: string; previousSecretValidUntil: Date }> {
    const endpoint = await this.get(orgId, id);
    const secret = newSecret();
    const until = new Date(this.options.clock().getTime() + this.options.secretOverlapMs);
    const current = this.secrets.open('endpointSecret', endpoint, endpoint.secretSealed);
    const updated = await this.db.webhookEndpoint.update({
      where: { id },
      data: {
        secretSealed: this.secrets.seal('endpointSecret', endpoint, secret),
        previousSecretSealed: this.secrets.seal('endpointPreviousSecret', endpoint, current),
        previousSecretUntil: until,
      },
    });
    this.changed(updated, 'SECRET_ROTATED');
    return { secret, previousSecretValidUntil: until };
  }

  /** The secrets a delivery is signed with now: the current one first. */
  signingSecrets(endpoint: WebhookEndpoint, now: Date): string[] {
    const current = this.opened('endpointSecret', endpoint, endpoint.secretSealed);
    if (!endpoint.previousSecretSealed || !endpoint.previousSecretUntil || endpoint.previousSecretUntil <= now) return [current];
    return [current, this.opened('endpointPreviousSecret', endpoint, endpoint.previousSecretSealed)];
  }

  /**
   * Opens a sealed secret once per sealed value: every delivery is signed, and opening (a key
   * derivation and a decryption) per delivery was a cost of each message. The key is the sealed
   * text with its purpose and endpoint, so a rotation or a re-seal opens the new value; the
   * opened secret is what each delivery held in memory anyway.
   */
  private opened(purpose: 'endpointSecret' | 'endpointPreviousSecret', endpoint: WebhookEndpoint, sealed: string): string {
    const key = `${purpose}\u0000${endpoint.orgId}\u0000${endpoint.id}\u0000${sealed}`;
    const cached = this.openedSecrets.get(key);
    if (cached !== undefined) return cached;
    const secret = this.secrets.open(purpose, endpoint, sealed);
    this.openedSecrets.set(key, secret);
    if (this.openedSecrets.size > 10_000) this.openedSecrets.delete(this.openedSecrets.keys().next().value!);
    return secret;
  }

  /**
   * Sends an event of the catalog to this endpoint only (the webhook tutorial's playground:
   * "select an event type, customise the payload, send test event"). Without `data`, the type's
   * example is sent; given `data` must be valid against a product type's schema. The hub's own
   * types' data is marked `test: true`; a product type's is sent as given, since its schema may
   * not allow an extra field.
   */
  async sendTest(orgId: string, id: string, eventType = 'integration.updated', data?: Record<string, unknown>): Promise<string> {
    const endpoint = await this.get(orgId, id);
    const type = await this.eventTypes.forTestEvent(eventType);
    if (data && type.validate && !type.validate(data)) throw new ValidationError(schemaProblems(type.validate.errors, 'data'));
    if (!endpoint.enabled) throw new ValidationError([{ path: 'endpointId', message: 'the endpoint is disabled; enable it first' }]);
    const payload = type.validate ? (data ?? type.example) : { ...(data ?? type.example), test: true };
    const eventId = await this.db.$transaction((tx) => this.outbox.emit(tx, orgId, eventType, payload, { endpointId: id, now: this.options.clock() }));
    this.outbox.committed();
    return eventId;
  }

  /** Sends one message to the endpoint again, whatever became of it before. */
  async resend(orgId: string, endpointId: string, eventId: string): Promise<void> {
    const delivery = await this.db.eventDelivery.findFirst({ where: { orgId, endpointId, eventId } });
    if (!delivery) throw new NotFoundError(`message ${eventId} was never sent to endpoint ${endpointId}`);
    // An attempt in flight would finish after the resend and swallow it: say so instead.
    if (await this.db.job.count({ where: { queue: DELIVER_QUEUE, subjectId: delivery.id, status: 'running' } })) {
      throw new ConflictError(`an attempt of message ${eventId} is in progress; resend it once it has finished`);
    }
    await this.requeue(orgId, [delivery.id]);
  }

  /** Sends again every message that failed (or was cancelled) for this endpoint since `since`; returns how many. */
  async recover(orgId: string, endpointId: string, since: Date): Promise<number> {
    await this.get(orgId, endpointId);
    const deliveries = await this.db.eventDelivery.findMany({ where: { orgId, endpointId, status: { in: ['failed', 'cancelled'] }, createdAt: { gte: since } }, select: { id: true } });
    await this.requeue(orgId, deliveries.map((delivery) => delivery.id));
    return deliveries.length;
  }

  private async requeue(orgId: string, deliveryIds: string[]): Promise<void> {
    if (deliveryIds.length === 0) return;
    const now = this.options.clock();
    await this.db.$transaction(async (tx) => {
      await tx.eventDelivery.updateMany({ where: { id: { in: deliveryIds } }, data: { status: 'pending', attempts: 0, nextAttemptAt: now, completedAt: null, updatedAt: now } });
      await this.jobs.requeue(tx, DELIVER_QUEUE, deliveryIds.map((subjectId) => ({ subjectId, orgId })), this.options.deliverAttempts, now);
    });
    this.outbox.committed();
  }

  private async check(input: { url?: string; eventTypes?: string[] }): Promise<void> {
    const problems = [];
    if (input.url !== undefined && new URL(input.url).protocol !== 'https:' && !this.options.allowPrivateTargets) {
      problems.push({ path: 'url', message: 'must be an https:// URL (http is allowed only with HUB_ALLOW_PRIVATE_TARGETS=true)' });
    }
    for (const [index, pattern] of (input.eventTypes ?? []).entries()) {
      if (!(await this.eventTypes.isKnownPattern(pattern))) problems.push({ path: `eventTypes.${index}`, message: `"${pattern}" matches no event type; see eventTypes (patterns: "item.*", "*")` });
    }
    if (problems.length) throw new ValidationError(problems);
  }

  private changed(endpoint: WebhookEndpoint, action: EndpointChanged['action']): void {
    if (action !== 'SECRET_ROTATED') this.subscriptions.changed(endpoint.orgId);
    this.events.publish('endpoint-changed', endpoint.orgId, { orgId: endpoint.orgId, endpointId: endpoint.id, action });
  }
}

function newSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}
