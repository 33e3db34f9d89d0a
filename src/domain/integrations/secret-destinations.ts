/**
 * Write-only secrets stay with the addresses they were entered for. A change of where a connector
 * sends its secrets (the tenant URL, a token URL, the auth type that decides which secret goes to
 * the tenant URL; each connector declares its own) must come with those secrets, given again in
 * the same request: the rule n8n and Airbyte apply. Otherwise anyone allowed to configure an
 * integration could point the stored client secret at a server of their own and read it there.
 */
import type { ConnectorDefinition, ConnectorSettings } from '../../connectors/types';
import type { FieldProblem } from '../errors';

/** The parts of an integration's configuration that say where its secrets go. */
export interface SecretRouting {
  tenantUrl: string;
  credentials: Record<string, string>;
  settings: ConnectorSettings;
}

export interface ReentryCheck {
  connector: ConnectorDefinition;
  stored: SecretRouting;
  /** The configuration after the update (stored values merged with the given ones). */
  updated: SecretRouting;
  /** The credentials given in this request. */
  given: Record<string, string>;
}

/** One problem per stored secret that would go somewhere new without having been given again. */
export function reentryProblems({ connector, stored, updated, given }: ReentryCheck): FieldProblem[] {
  const inUse = new Set(connector.credentialFieldsInUse?.(updated.settings) ?? Object.keys(updated.credentials));
  const movedBy = new Map<string, string[]>();
  for (const destination of connector.secretDestinations) {
    if (sameValue(valueAt(stored, destination.field), valueAt(updated, destination.field))) continue;
    for (const secret of destination.guards) {
      if (!inUse.has(secret) || given[secret] !== undefined || !stored.credentials[secret]) continue;
      movedBy.set(secret, [...(movedBy.get(secret) ?? []), destination.field]);
    }
  }
  return [...movedBy].map(([secret, fields]) => ({
    path: `credentials.${secret}`,
    message: `must be given again: ${fields.join(' and ')} ${fields.length === 1 ? 'changes' : 'change'} where it is sent`,
  }));
}

/** `tenantUrl`, `credentials.tokenUrl`, `settings.auth.type`: a dotted path into the configuration. */
function valueAt(routing: SecretRouting, path: string): unknown {
  let value: unknown = routing;
  for (const key of path.split('.')) {
    value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  }
  return value;
}

/** URLs compare as URLs (`https://host` is `https://host/`); anything else by its JSON. */
function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string' && URL.canParse(a) && URL.canParse(b)) return new URL(a).href === new URL(b).href;
  return JSON.stringify(a) === JSON.stringify(b);
}
