/**
 * What the webhook route needs to know about an integration (is it there, enabled, which secrets
 * verify), cached for a moment: at thousands of hooks a second, reading and decrypting the row per
 * request would cost more than storing the event. Local changes invalidate at once; another
 * process's change is seen within the TTL. Unknown ids are cached too, and the cache is bounded,
 * so a flood of made-up URLs cannot grow it.
 */
import type { Integration, IntegrationService } from '../integrations/integration-service';

export interface WebhookTarget {
  integration: Integration;
  /** Secrets that verify now (the current one, plus the previous one during a rotation overlap). */
  secrets: string[];
}

const MAX_ENTRIES = 10_000;

export class WebhookTargets {
  private readonly cache = new Map<string, { target: WebhookTarget | null; expires: number }>();

  constructor(
    private readonly integrations: IntegrationService,
    private readonly ttlMs = 2_000,
  ) {
    integrations.onChange((integration) => this.cache.delete(keyOf(integration.orgId, integration.connectorType)));
  }

  async get(orgId: string, connectorType: string): Promise<WebhookTarget | null> {
    const key = keyOf(orgId, connectorType);
    const cached = this.cache.get(key);
    if (cached && cached.expires > Date.now()) return cached.target;
    const integration = await this.integrations.find(orgId, connectorType);
    const target = integration ? { integration, secrets: this.integrations.acceptedWebhookSecrets(integration) } : null;
    // The secrets' overlap may end before the TTL: never cache past it.
    const overlapEnds = integration?.previousWebhookSecretUntil?.getTime() ?? Number.POSITIVE_INFINITY;
    if (this.cache.size >= MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, { target, expires: Math.min(Date.now() + this.ttlMs, overlapEnds) });
    return target;
  }
}

function keyOf(orgId: string, connectorType: string): string {
  return `${orgId}\u0000${connectorType}`;
}
