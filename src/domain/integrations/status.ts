import type { Integration } from '../../generated/sqlite/client';

/** The error of the most recent sync or webhook, whichever happened last. */
export function latestError(i: Integration): string | null {
  const syncAt = i.lastSyncAt?.getTime() ?? 0;
  const webhookAt = i.lastWebhookAt?.getTime() ?? 0;
  return (webhookAt > syncAt ? i.lastWebhookError : i.lastSyncError) ?? null;
}
