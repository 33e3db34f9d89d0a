/**
 * `FailureClass` (whose fault a failure is) and `IntegrationHealth`, shared by the types that
 * carry failures (SyncRun, TransferRequest, WebhookEvent) and by Integration and SyncStatus.
 */
import type { Integration } from '../../generated/sqlite/client';
import type { HealthStatus } from '../../domain/integrations/health';
import { isRetryable, type FailureClass } from '../../lib/failures';
import { builder } from '../builder';

export const FailureClassEnum = builder.enumType('FailureClass', {
  description: 'Whose fault a failure is, which decides whether it is retried',
  values: {
    CONFIGURATION: { value: 'configuration', description: 'The integration is set up wrong (refused credentials, 401/403, a wrong URL or setting): not retried; fix the integration' },
    TRANSIENT: { value: 'transient', description: 'The host or network failed for now (timeout, 429, 5xx, connection error): retried with backoff' },
    DATA: { value: 'data', description: 'This record cannot be brought over (the host does not have it, it cannot be mapped): not retried' },
  } as const satisfies Record<string, { value: FailureClass; description: string }>,
});

/** Types that store the class beside their error: SyncRun, TransferRequest, WebhookEvent. */
export const FailableRef = builder.interfaceRef<{ errorClass: string | null }>('Failable').implement({
  description: 'Something that can fail, saying whose fault its error is',
  fields: (t) => ({
    errorClass: t.field({ type: FailureClassEnum, nullable: true, description: 'Whose fault the error is', resolve: (row) => row.errorClass as FailureClass | null }),
    retryable: t.boolean({
      nullable: true,
      description: 'Whether trying again may help (a transient failure); null without an error',
      resolve: (row) => (row.errorClass === null ? null : isRetryable(row.errorClass as FailureClass)),
    }),
  }),
});

const HealthStatusEnum = builder.enumType('HealthStatus', {
  values: {
    HEALTHY: { value: 'healthy' },
    NEEDS_ATTENTION: { value: 'needs_attention', description: 'A call to the host system failed for a configuration reason; see reason' },
  } as const satisfies Record<string, { value: HealthStatus; description?: string }>,
});

export const IntegrationHealthRef = builder.objectRef<Integration>('IntegrationHealth').implement({
  description: 'Whether the integration works: it needs attention after a configuration failure, and is healthy again after the next success',
  fields: (t) => ({
    status: t.field({ type: HealthStatusEnum, resolve: (i) => i.health as HealthStatus }),
    reason: t.string({ nullable: true, description: 'Why it needs attention: the failure, as the host system answered', resolve: (i) => i.healthReason }),
    since: t.field({ type: 'DateTime', nullable: true, description: 'When the status last changed', resolve: (i) => i.healthChangedAt }),
  }),
});
