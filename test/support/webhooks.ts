/** Sending signed webhooks to a test hub, and waiting for what they cause. */
import { createHmac } from 'node:crypto';
import { rest, type JsonResponse } from './http';
import type { TestHub } from './hub';

export function seedSignature(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export interface PostOptions {
  /** Signs with X-Webhook-Signature; omit to send unsigned. */
  secret?: string;
  headers?: Record<string, string>;
  connectorType?: string;
}

/** POSTs a webhook exactly as given (a string is sent byte for byte). */
export function postWebhook(hub: TestHub, orgId: string, body: unknown, options: PostOptions = {}): Promise<JsonResponse> {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
  if (options.secret !== undefined) headers['x-webhook-signature'] = seedSignature(raw, options.secret);
  return rest(hub.url, 'POST', `/api/v1/integrations/webhook/${options.connectorType ?? 'sap-s4hana'}/${orgId}`, { rawBody: raw, headers });
}

/** Polls until `check` returns a value other than undefined (or fails after `timeoutMs`). */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const settled = ['processed', 'partial', 'failed', 'skipped', 'dead'];

/** Waits until the event reached a final status, and returns it with its transfers. */
export function settledEvent(hub: TestHub, eventId: string, timeoutMs?: number) {
  return eventually(
    async () => {
      const event = await hub.services.db.webhookEvent.findUnique({ where: { id: eventId }, include: { transfers: { orderBy: { externalId: 'asc' } } } });
      return event && settled.includes(event.status) ? event : undefined;
    },
    timeoutMs,
    `event ${eventId} to settle`,
  );
}

/** Fast retries for tests: failures come back in tens of milliseconds, not seconds. */
export const fastJobs = { HUB_JOB_RETRY_BASE_MS: '20', HUB_JOB_RETRY_MAX_MS: '100', HUB_JOB_POLL_MS: '50', HUB_JOB_MAX_ATTEMPTS: '3' };
