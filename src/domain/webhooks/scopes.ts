/**
 * An integration's webhook policy. Which hooks it acts on (seed 002): every scope of its
 * connector that is enabled. Create and update scopes are on by default; delete scopes are off
 * until a user enables them, because a delete in one system should rarely delete in another. An
 * enabled delete is handled as a "delete-triggered update" (the record is marked inactive) unless
 * the integration asks for real deletes. And which signatures it accepts: both schemes unless
 * it requires timestamped (Standard Webhooks) ones.
 */
import { findConnector } from '../../connectors/registry';
import type { ConnectorDefinition, ScopeName } from '../../connectors/types';
import type { FieldProblem } from '../errors';

export type DeleteHandling = 'deactivate' | 'delete';

/** The webhook part of Integration.settings (a type alias, so it is assignable to Prisma's JSON input). */
export type WebhookSettings = {
  webhookScopes?: string[];
  deleteHandling?: DeleteHandling;
  requireTimestampedSignatures?: boolean;
};

export interface WebhookPolicy {
  enabledScopes: ReadonlySet<string>;
  deleteHandling: DeleteHandling;
  /** Only Standard Webhooks signatures (with a timestamp) are accepted, not the integrations guide's X-Webhook-Signature. */
  requireTimestampedSignatures: boolean;
}

export function defaultScopes(connector: ConnectorDefinition): ScopeName[] {
  return connector.webhooks.scopes.filter((scope) => scope.action !== 'deleted').map((scope) => scope.name);
}

export function webhookPolicy(connector: ConnectorDefinition, settings: WebhookSettings): WebhookPolicy {
  return {
    enabledScopes: new Set(settings.webhookScopes ?? defaultScopes(connector)),
    deleteHandling: settings.deleteHandling ?? 'deactivate',
    requireTimestampedSignatures: settings.requireTimestampedSignatures === true,
  };
}

/** The policy of a stored integration (its connector is known: integrations are only created for registered ones). */
export function integrationPolicy(integration: { connectorType: string; settings: unknown }): WebhookPolicy {
  return webhookPolicy(findConnector(integration.connectorType)!, integration.settings as WebhookSettings);
}

export function scopeProblems(connector: ConnectorDefinition, names: readonly string[], path: string): FieldProblem[] {
  const known = connector.webhooks.scopes.map((scope) => scope.name as string);
  return names
    .map((name, index) => ({ name, index }))
    .filter(({ name }) => !known.includes(name))
    .map(({ name, index }) => ({ path: `${path}.${index}`, message: `unknown scope "${name}"; ${connector.connectorType} has ${known.join(', ')}` }));
}
