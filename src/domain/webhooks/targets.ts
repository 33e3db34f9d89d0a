/**
 * What the webhook route needs to know about an integration (is it there, enabled, which secrets
 * verify), cached for a moment: at thousands of hooks a second, reading and decrypting the row per
 * request would cost more than storing the event. Local changes invalidate at once; another
 * process's change is seen within the TTL. Unknown ids are cached too, and the cache is bounded,
 * so a flood of made-up URLs cannot grow it.
 *
 * The TTL is real elapsed time (how stale a cached row may be), so it runs on the wall clock; which
 * secrets verify is a question of the hub's clock, like every other time the domain decides on.
 */
import type { Clock } from '../../lib/clock';
import type { Integration, IntegrationService } from '../integrations/integration-service';
import { integrationPolicy } from './scopes';

export interface WebhookTarget {
  integration: Integration;
  /** Secrets that verify now (the current one, plus the previous one during a rotation overlap). */
  secrets: string[];
  /** Only Standard Webhooks signatures verify (settings.requireTimestampedSignatures). */
  timestampedOnly: boolean;
}

const MAX_ENTRIES = 10_000;

export class WebhookTargets {
  private readonly cache = new Map<string, { target: WebhookTarget | null; expires: number; secretsUntil: number }>();

  constructor(
    private readonly integrations: IntegrationService,
    private readonly clock: Clock,
    private readonly ttlMs = 2_000,
  ) {
    integrations.onChange((integration) => this.cache.delete(keyOf(integration.orgId, integration.connectorType)));
  }

  async get(orgId: string, connectorType: string): Promise<WebhookTarget | null> {
    const key = keyOf(orgId, connectorType);
    const cached = this.cache.get(key);
    if (cached && cached.expires > Date.now() && cached.secretsUntil > this.clock().getTime()) return cached.target;
    const integration = await this.integrations.find(orgId, connectorType);
    const now = this.clock();
    const target = integration
      ? { integration, secrets: this.integrations.acceptedWebhookSecrets(integration, now), timestampedOnly: integrationPolicy(integration).requireTimestampedSignatures }
      : null;
    // The previous secret's overlap may end before the TTL: the cached secrets hold until then only.
    const overlapEnds = integration?.previousWebhookSecretUntil?.getTime();
    const secretsUntil = overlapEnds !== undefined && overlapEnds > now.getTime() ? overlapEnds : Number.POSITIVE_INFINITY;
    if (this.cache.size >= MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, { target, expires: Date.now() + this.ttlMs, secretsUntil });
    return target;
  }
}

function keyOf(orgId: string, connectorType: string): string {
  return `${orgId}\u0000${connectorType}`;
}
