/**
 * An integration's health: it needs attention once a call to its host system fails for a
 * configuration reason (refused credentials, a wrong URL), with that failure's message as the
 * reason, and is healthy again after the next call that succeeds (a sync, a transfer that read
 * its record, a connection test). Transient and data failures say nothing about the setup.
 *
 * A change of state is written in the transaction of the outcome that caused it, with its
 * outbound event (integration.unhealthy / integration.healthy), and announced on the
 * integrationChanged subscription once that transaction committed. Concurrent outcomes settle
 * it by compare-and-set on the row: each change is announced once.
 */
import type { DbTx } from '../../db/job-store';
import { integrationChange, type EventBus } from '../../lib/events';
import type { FailureClass } from '../../lib/failures';
import type { EventOutbox } from '../events/outbox';

export const healthStatuses = ['healthy', 'needs_attention'] as const;
export type HealthStatus = (typeof healthStatuses)[number];

/** What a call to the host system came to. */
export type CallOutcome = { ok: true } | { ok: false; failureClass: FailureClass; reason: string };

export interface HealthSubject {
  id: string;
  orgId: string;
  connectorType: string;
  /** The state as the caller read it with the row, if it did: a success of a healthy integration writes nothing. */
  health?: string;
}

/** Run once the recording transaction committed. */
export type AfterCommit = () => void;

const nothing: AfterCommit = () => undefined;

export class IntegrationHealth {
  constructor(
    private readonly outbox: EventOutbox,
    private readonly events: EventBus,
  ) {}

  /** Records an outcome inside `tx`; returns what to run after commit (the announcement of a change). */
  async record(tx: DbTx, integration: HealthSubject, outcome: CallOutcome, now: Date): Promise<AfterCommit> {
    if (outcome.ok ? integration.health === 'healthy' : outcome.failureClass !== 'configuration') return nothing;
    const data = { connectorType: integration.connectorType, integrationId: integration.id };
    if (outcome.ok) {
      const { count } = await tx.integration.updateMany({
        where: { id: integration.id, health: 'needs_attention' },
        data: { health: 'healthy', healthReason: null, healthChangedAt: now },
      });
      if (count === 0) return nothing;
      await this.outbox.emit(tx, integration.orgId, 'integration.healthy', { ...data, since: now.toISOString() }, { now });
    } else {
      const { count } = await tx.integration.updateMany({
        where: { id: integration.id, health: 'healthy' },
        data: { health: 'needs_attention', healthReason: outcome.reason, healthChangedAt: now },
      });
      if (count === 0) {
        // Already known: keep the reason current, without announcing anything.
        await tx.integration.updateMany({ where: { id: integration.id }, data: { healthReason: outcome.reason } });
        return nothing;
      }
      await this.outbox.emit(tx, integration.orgId, 'integration.unhealthy', {
        ...data, errorClass: outcome.failureClass, reason: outcome.reason, since: now.toISOString(),
      }, { now });
    }
    return () => {
      this.outbox.committed();
      this.events.publish('integration-changed', integration.orgId, integrationChange(integration, 'HEALTH_CHANGED', now));
    };
  }
}
