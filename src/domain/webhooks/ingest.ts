/**
 * Receiving an inbound webhook (seed 000): find the integration, verify the signature over the
 * raw bytes, check the body is JSON, and store the event durably (group commit) before the
 * sender is acknowledged. Processing happens later, in a job. Nothing here knows about HTTP:
 * the route hands in the path parameters, the headers and the raw body.
 */
import { findConnector } from '../../connectors/registry';
import type { ConnectorDefinition } from '../../connectors/types';
import type { InboxStore, NewWebhookEvent, StoredEvent } from '../../db/inbox-store';
import type { Clock } from '../../lib/clock';
import type { EventBus } from '../../lib/events';
import { GroupCommit } from '../../lib/group-commit';
import { newId } from '../../lib/ids';
import { metrics } from '../../lib/metrics';
import { verifyHexSignature, verifyStandardSignature } from '../../lib/webhook-signatures';
import { DomainError } from '../errors';
import { consentedOrigin } from './handshake';
import type { WebhookTarget, WebhookTargets } from './targets';

export type RejectionReason = 'not_found' | 'secret_missing' | 'bad_signature' | 'invalid_json' | 'disabled';
/** Why a webhook was not accepted, as the metrics count it: the ingest's reasons, the transport's own, and a failure of the hub. */
export type WebhookRefusal = RejectionReason | 'unsupported_media_type' | 'payload_too_large' | 'internal_error';

const codes: Record<RejectionReason, string> = {
  not_found: 'NOT_FOUND',
  secret_missing: 'WEBHOOK_SECRET_NOT_CONFIGURED',
  bad_signature: 'INVALID_SIGNATURE',
  invalid_json: 'INVALID_JSON',
  disabled: 'INTEGRATION_DISABLED',
};

export class WebhookRejectedError extends DomainError {
  readonly code: string;
  constructor(
    readonly reason: RejectionReason,
    message: string,
  ) {
    super(message);
    this.code = codes[reason];
  }
}

export interface IncomingWebhook {
  connectorType: string;
  orgId: string;
  /** Lower-case header names. */
  headers: Record<string, string | undefined>;
  rawBody: Buffer;
}

export interface Acknowledgement {
  deliveryId: string;
  /** A repeat of an earlier delivery: answered with that delivery's id and not processed again. */
  duplicate: boolean;
}

/** Headers worth keeping with the event: what it is and who sent it; never signatures or credentials. */
const keptHeaders = /^(content-type|user-agent|webhook-id|webhook-timestamp|ce-[a-z0-9-]+|x-request-id|x-correlation-id)$/;

const utf8 = new TextDecoder('utf-8', { fatal: true });

export class WebhookIngest {
  private readonly commits: GroupCommit<NewWebhookEvent, StoredEvent>;

  constructor(
    private readonly targets: WebhookTargets,
    inbox: InboxStore,
    private readonly events: EventBus,
    private readonly options: {
      /** Told after every commit that stored new events (wakes the local worker). */
      onStored: () => void;
      clock: Clock;
    },
  ) {
    this.commits = new GroupCommit({ flush: (batch) => inbox.write(batch), onBusy: (busy) => this.writing?.(busy) });
  }

  private writing: ((busy: boolean) => void) | null = null;

  /** Tells `listener` when accepted webhooks start waiting for their commit and when all are written (the job thread yields to them). */
  onWriting(listener: (busy: boolean) => void): void {
    this.writing = listener;
  }

  /** Verifies and stores one webhook; every outcome, acceptance or refusal, is counted in the metrics. */
  async receive(incoming: IncomingWebhook): Promise<Acknowledgement> {
    try {
      const ack = await this.accept(incoming);
      metrics.webhook(connectorLabel(incoming.connectorType), null);
      return ack;
    } catch (error) {
      this.refused(incoming.connectorType, error instanceof WebhookRejectedError ? error.reason : 'internal_error');
      throw error;
    }
  }

  /** Counts a webhook the transport refused before it reached receive() (media type, size). */
  refused(connectorType: string, reason: WebhookRefusal): void {
    metrics.webhook(connectorLabel(connectorType), reason);
  }

  private async accept(incoming: IncomingWebhook): Promise<Acknowledgement> {
    const { connector, target } = await this.lookup(incoming.orgId, incoming.connectorType);
    if (!connector || !target) {
      throw notConfigured(incoming.orgId, incoming.connectorType);
    }
    if (target.secrets.length === 0) {
      throw new WebhookRejectedError('secret_missing', 'webhook secret not configured: set settings.webhookSecret on the integration');
    }
    const receivedAt = this.options.clock();
    const scheme = verify(incoming, target, receivedAt);
    const payload = parseJson(incoming.rawBody);
    if (!target.integration.enabled) {
      throw new WebhookRejectedError('disabled', `the ${incoming.connectorType} integration is disabled; enable it to receive webhooks (nothing was stored)`);
    }
    const stored = await this.commits.submit(toEvent(incoming, target, connector, scheme, payload, receivedAt));
    if (!stored.duplicate) {
      const { id: integrationId, orgId, connectorType } = target.integration;
      this.events.publish('webhook-event', orgId, { orgId, eventId: stored.id, integrationId, connectorType, status: 'received' });
      this.options.onStored();
    }
    return { deliveryId: stored.id, duplicate: stored.duplicate };
  }

  /**
   * The webhook handshake: the integration's listed origin that matches `requestOrigin` (the
   * consent to send), or null. An unknown integration is not_found, as for a POST.
   */
  async handshake(orgId: string, connectorType: string, requestOrigin: string | undefined): Promise<string | null> {
    const { target } = await this.lookup(orgId, connectorType);
    if (!target) throw notConfigured(orgId, connectorType);
    return requestOrigin === undefined ? null : consentedOrigin(target.integration, requestOrigin);
  }

  /** The connector and integration a webhook URL names; malformed org ids are not looked up. */
  private async lookup(orgId: string, connectorType: string): Promise<{ connector: ConnectorDefinition | undefined; target: WebhookTarget | null }> {
    const connector = findConnector(connectorType);
    return { connector, target: connector && isOrgId(orgId) ? await this.targets.get(orgId, connectorType) : null };
  }

  /** Waits for every accepted event to be written (shutdown). */
  drain(): Promise<void> {
    return this.commits.drain();
  }
}

/** The connector type as a metric label: one of the registered types, never whatever a URL said. */
function connectorLabel(connectorType: string): string {
  return findConnector(connectorType)?.connectorType ?? 'unknown';
}

function notConfigured(orgId: string, connectorType: string): WebhookRejectedError {
  return new WebhookRejectedError('not_found', `no ${connectorType} integration is configured for organization ${orgId}`);
}

/** Org ids are `org_` + lower-case alphanumerics; anything else is not looked up. */
function isOrgId(value: string): boolean {
  return /^org_[a-z0-9]{1,64}$/.test(value);
}

/**
 * Which scheme authenticated the request; throws when none does. The integrations guide's
 * X-Webhook-Signature signs the body only, so a captured request verifies forever; Standard
 * Webhooks signs a timestamp (five minutes' tolerance) and an id (repeats are deduplicated), so
 * an integration that requires timestamped signatures refuses the former.
 */
function verify({ headers, rawBody }: IncomingWebhook, { secrets, timestampedOnly }: WebhookTarget, now: Date): string {
  const seed = headers['x-webhook-signature'];
  if (timestampedOnly && headers['webhook-signature'] === undefined) {
    throw new WebhookRejectedError(
      'bad_signature',
      `this integration accepts only Standard Webhooks signatures (settings.requireTimestampedSignatures): send webhook-id, webhook-timestamp and webhook-signature${seed === undefined ? '' : '; X-Webhook-Signature has no timestamp and is refused'}`,
    );
  }
  if (seed !== undefined && !timestampedOnly) {
    if (verifyHexSignature(seed, rawBody, secrets)) return 'x-webhook-signature';
    throw new WebhookRejectedError('bad_signature', 'X-Webhook-Signature does not match: it must be sha256=<hex HMAC-SHA256 of the raw body> with the webhook secret');
  }
  if (headers['webhook-signature'] !== undefined) {
    const verdict = verifyStandardSignature({ id: headers['webhook-id'], timestamp: headers['webhook-timestamp'], signature: headers['webhook-signature'] }, rawBody, secrets, Math.floor(now.getTime() / 1000));
    if (verdict.ok) return 'standard-webhooks';
    throw new WebhookRejectedError('bad_signature', `Standard Webhooks signature rejected: ${verdict.reason}`);
  }
  throw new WebhookRejectedError('bad_signature', 'missing signature: send X-Webhook-Signature: sha256=<hex HMAC-SHA256 of the raw body>');
}

function parseJson(rawBody: Buffer): unknown {
  try {
    return JSON.parse(utf8.decode(rawBody));
  } catch {
    throw new WebhookRejectedError('invalid_json', 'the request body is not valid JSON (UTF-8)');
  }
}

function toEvent(incoming: IncomingWebhook, target: WebhookTarget, connector: ConnectorDefinition, scheme: string, payload: unknown, receivedAt: Date): NewWebhookEvent {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(incoming.headers)) if (value !== undefined && keptHeaders.test(name)) headers[name] = value;
  const settings = target.integration.settings as Record<string, unknown>;
  // The sender's message id wins; otherwise the payload's own (e.g. a CloudEvent id). Prefixed so the two never collide.
  const webhookId = incoming.headers['webhook-id'];
  const key = webhookId !== undefined ? `webhook-id:${webhookId}` : connector.webhooks.idempotencyKey({ payload, headers }, settings);
  return {
    id: newId('evt'),
    orgId: target.integration.orgId,
    integrationId: target.integration.id,
    connectorType: target.integration.connectorType,
    receivedAt,
    body: incoming.rawBody.toString('utf8'),
    headers: JSON.stringify(headers),
    signatureScheme: scheme,
    dedupKey: key === undefined ? null : key.slice(0, 512),
  };
}
