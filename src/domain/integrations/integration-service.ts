/**
 * Per-organization integrations: configuration, sealed credentials, field mappings, status.
 * Every method takes the caller's orgId and filters by it; there is no way to name another
 * organization's row.
 */
import { findConnector, connectorTypes } from '../../connectors/registry';
import type { ConnectorDefinition, ConnectorSettings } from '../../connectors/types';
import type { Db } from '../../db/connection';
import type { DbTx } from '../../db/job-store';
import type { EventOutbox } from '../events/outbox';
import type { Integration } from '../../generated/sqlite/client';
import type { Clock } from '../../lib/clock';
import { integrationChange, type EventBus, type IntegrationChanged } from '../../lib/events';
import { newId } from '../../lib/ids';
import { inFieldOrder, type FieldMap, type FieldMappings, type MappingSet } from '../entities';
import { NotFoundError, ValidationError, type FieldProblem } from '../errors';
import type { SealedSecrets } from '../secrets/sealed-secrets';
import { parseInput } from '../validation';
import { scopeProblems, type WebhookSettings } from '../webhooks/scopes';
import type { DeletionSettings } from '../sync/deletions';
import { configureInput, httpUrl, hubSettingKeys, mappingsInput, type ConfigureInput } from './inputs';
import { mappingProblems } from './mappings';
import { reentryProblems } from './secret-destinations';

export type { Integration };

export interface ConfigureResult {
  integration: Integration;
  created: boolean;
}

const mappingSets: MappingSet[] = ['itemMappings', 'deliveryMappings'];

export class IntegrationService {
  private readonly changeListeners: Array<(integration: Integration, action: IntegrationChanged['action']) => void> = [];

  constructor(
    private readonly db: Db,
    private readonly secrets: SealedSecrets,
    private readonly events: EventBus,
    private readonly outbox: EventOutbox,
    private readonly clock: Clock,
  ) {}

  connector(connectorType: string): ConnectorDefinition {
    const connector = findConnector(connectorType);
    if (!connector) throw new NotFoundError(`unknown connector type "${connectorType}"; available: ${connectorTypes().join(', ')}`);
    return connector;
  }

  list(orgId: string): Promise<Integration[]> {
    return this.db.integration.findMany({ where: { orgId }, orderBy: { createdAt: 'asc' } });
  }

  async get(orgId: string, connectorType: string): Promise<Integration> {
    this.connector(connectorType);
    const integration = await this.db.integration.findUnique({ where: { orgId_connectorType: { orgId, connectorType } } });
    if (!integration) throw new NotFoundError(`no ${connectorType} integration is configured for this organization`);
    return integration;
  }

  find(orgId: string, connectorType: string): Promise<Integration | null> {
    return this.db.integration.findUnique({ where: { orgId_connectorType: { orgId, connectorType } } });
  }

  /** Create or update. Omitted parts keep their stored values; omitted credentials stay as they are. */
  async configure(orgId: string, connectorType: string, rawInput: unknown): Promise<ConfigureResult> {
    const connector = findConnector(connectorType);
    if (!connector) {
      throw new ValidationError([{ path: 'connectorType', message: `unknown connector type "${connectorType}"; available: ${connectorTypes().join(', ')}` }]);
    }
    const input = parseInput(configureInput, rawInput);
    const existing = await this.find(orgId, connectorType);
    const id = existing?.id ?? newId('int');
    const problems: FieldProblem[] = [];

    const tenantUrl = input.tenantUrl ?? existing?.tenantUrl ?? '';
    if (!tenantUrl) problems.push({ path: 'tenantUrl', message: 'is required' });
    const storedCredentials = existing ? this.credentials(existing) : {};
    const credentials = { ...storedCredentials, ...input.credentials };
    problems.push(...credentialProblems(connector, credentials, input.credentials ?? {}));

    const mappings = existing ? storedMappings(existing) : structuredClone(connector.defaultMappings);
    for (const set of mappingSets) {
      const given = input.fieldMappings?.[set];
      if (!given) continue;
      problems.push(...mappingProblems(connector, set, given, `fieldMappings.${set}`));
      mappings[set] = given;
    }

    const scopes = input.settings?.webhookScopes;
    if (scopes) problems.push(...scopeProblems(connector, scopes, 'settings.webhookScopes'));
    const own = ownSettings(connector, existing, input.settings ?? {}, problems);
    if (!problems.length && connector.validate) problems.push(...connector.validate({ credentials, settings: own }));
    if (!problems.length && existing) {
      problems.push(...reentryProblems({
        connector,
        stored: { tenantUrl: existing.tenantUrl, credentials: storedCredentials, settings: connectorSettings(existing.settings) },
        updated: { tenantUrl, credentials, settings: own },
        given: input.credentials ?? {},
      }));
    }
    if (problems.length) throw new ValidationError(problems);

    const now = this.clock();
    const data = {
      tenantUrl,
      enabled: input.enabled ?? existing?.enabled ?? true,
      credentialsSealed: this.secrets.seal('integrationCredentials', { orgId, id }, JSON.stringify(credentials)),
      credentialFields: Object.keys(credentials).sort(),
      ...this.webhookSecrets(orgId, id, existing, input.settings ?? {}, now),
      settings: { ...mergedSettings(existing, input.settings ?? {}), ...own },
      ...syncSchedule(input.settings?.syncIntervalMinutes, existing, now),
      itemMappings: mappings.itemMappings,
      deliveryMappings: mappings.deliveryMappings,
    };
    const integration = await this.change('CONFIGURED', (tx) =>
      existing ? tx.integration.update({ where: { id }, data }) : tx.integration.create({ data: { ...data, id, orgId, connectorType } }),
    );
    return { integration, created: !existing };
  }

  async remove(orgId: string, connectorType: string): Promise<void> {
    const integration = await this.get(orgId, connectorType);
    await this.change('DELETED', (tx) => tx.integration.delete({ where: { id: integration.id } }));
  }

  async mappings(orgId: string, connectorType: string): Promise<FieldMappings> {
    return storedMappings(await this.get(orgId, connectorType));
  }

  defaultMappings(connectorType: string): FieldMappings {
    return structuredClone(this.connector(connectorType).defaultMappings);
  }

  /** Replaces the mapping sets that are given; a set that is left out stays as it is. */
  async updateMappings(orgId: string, connectorType: string, rawInput: unknown): Promise<FieldMappings> {
    const integration = await this.get(orgId, connectorType);
    const connector = this.connector(connectorType);
    const input = parseInput(mappingsInput, rawInput);
    if (!input.itemMappings && !input.deliveryMappings) {
      throw new ValidationError([{ path: '', message: 'give itemMappings and/or deliveryMappings' }]);
    }
    const problems = mappingSets.flatMap((set) => (input[set] ? mappingProblems(connector, set, input[set], set) : []));
    if (problems.length) throw new ValidationError(problems);
    return this.saveMappings(integration, { ...storedMappings(integration), ...input });
  }

  async resetMappings(orgId: string, connectorType: string): Promise<FieldMappings> {
    const integration = await this.get(orgId, connectorType);
    return this.saveMappings(integration, this.defaultMappings(connectorType));
  }

  /** Decrypted credentials, for connectors only: never hand these to a transport. */
  credentials(integration: Integration): Record<string, string> {
    return JSON.parse(this.secrets.open('integrationCredentials', integration, integration.credentialsSealed)) as Record<string, string>;
  }

  webhookSecret(integration: Integration): string | null {
    return this.secrets.open('integrationWebhookSecret', integration, integration.webhookSecretSealed);
  }

  /** The secrets a signature may use now: the current one, and the replaced one during its overlap. */
  acceptedWebhookSecrets(integration: Integration, now = this.clock()): string[] {
    const current = this.webhookSecret(integration);
    if (current === null) return [];
    const previous = this.previousWebhookSecret(integration);
    return previous !== null && integration.previousWebhookSecretUntil && integration.previousWebhookSecretUntil > now ? [current, previous] : [current];
  }

  private previousWebhookSecret(integration: Integration): string | null {
    return this.secrets.open('integrationPreviousWebhookSecret', integration, integration.previousWebhookSecretSealed);
  }

  /**
   * A new secret replaces the current one, which stays valid for the rotation overlap (24 hours,
   * or until `previousWebhookSecretValidUntil`), so senders can switch without losing a hook.
   * Kept secrets are sealed again too, never copied as stored: a copy read before `secrets
   * reseal` would put a value sealed with the old key back.
   */
  private webhookSecrets(orgId: string, id: string, existing: Integration | null, settings: ConfigureInput['settings'] & object, now: Date) {
    const given = settings.webhookSecret;
    const until = settings.previousWebhookSecretValidUntil;
    const current = existing ? this.webhookSecret(existing) : null;
    const replaced = given !== undefined && current !== null && given !== current;
    const previous = replaced ? current : existing ? this.previousWebhookSecret(existing) : null;
    const previousUntil =
      until !== undefined ? (until === null ? null : new Date(until))
      : replaced ? new Date(now.getTime() + ROTATION_OVERLAP_MS)
      : (existing?.previousWebhookSecretUntil ?? null);
    const secret = given === undefined ? current : given;
    return {
      webhookSecretSealed: secret === null ? null : this.secrets.seal('integrationWebhookSecret', { orgId, id }, secret),
      previousWebhookSecretSealed: previous === null || previousUntil === null ? null : this.secrets.seal('integrationPreviousWebhookSecret', { orgId, id }, previous),
      previousWebhookSecretUntil: previous === null ? null : previousUntil,
    };
  }

  private async saveMappings(integration: Integration, mappings: FieldMappings): Promise<FieldMappings> {
    const updated = await this.change('MAPPINGS_UPDATED', (tx) =>
      tx.integration.update({ where: { id: integration.id }, data: { itemMappings: mappings.itemMappings, deliveryMappings: mappings.deliveryMappings } }),
    );
    return storedMappings(updated);
  }

  /** Called in this process after every change (caches of integration data listen). */
  onChange(listener: (integration: Integration, action: IntegrationChanged['action']) => void): void {
    this.changeListeners.push(listener);
  }

  /** Writes a change with its outbound event (integration.updated / integration.deleted) in one transaction, then tells everyone. */
  private async change(action: IntegrationChanged['action'], write: (tx: DbTx) => Promise<Integration>): Promise<Integration> {
    const integration = await this.db.$transaction(async (tx) => {
      const row = await write(tx);
      const data = { connectorType: row.connectorType, integrationId: row.id };
      if (action === 'DELETED') await this.outbox.emit(tx, row.orgId, 'integration.deleted', data);
      else await this.outbox.emit(tx, row.orgId, 'integration.updated', { ...data, action, enabled: row.enabled });
      return row;
    });
    this.outbox.committed();
    this.publish(integration, action);
    return integration;
  }

  private publish(integration: Integration, action: IntegrationChanged['action']): void {
    for (const listener of this.changeListeners) listener(integration, action);
    this.events.publish('integration-changed', integration.orgId, integrationChange(integration, action, this.clock()));
  }
}

/** How long a replaced webhook secret keeps verifying, unless the update says otherwise. */
const ROTATION_OVERLAP_MS = 24 * 60 * 60 * 1000;

/** The connector's own keys of stored settings. */
export function connectorSettings(settings: unknown): ConnectorSettings {
  const own: ConnectorSettings = { ...(settings as ConnectorSettings) };
  for (const key of hubSettingKeys) delete own[key];
  return own;
}

/**
 * The connector's settings after this update (given keys replace stored ones), validated by its
 * schema; problems are added with their `settings.` path.
 */
function ownSettings(connector: ConnectorDefinition, existing: Integration | null, given: Record<string, unknown>, problems: FieldProblem[]): ConnectorSettings {
  const givenOwn = connectorSettings(given);
  if (!connector.settingsSchema) {
    problems.push(...Object.keys(givenOwn).map((key) => ({ path: `settings.${key}`, message: `unknown field; ${connector.connectorType} has no settings of its own` })));
    return {};
  }
  const merged = { ...connectorSettings(existing?.settings ?? {}), ...givenOwn };
  try {
    return parseInput(connector.settingsSchema, merged, ['settings']);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    problems.push(...error.fields);
    return {};
  }
}

/** Integration.settings: the webhook policy; a null scope list goes back to the connector's defaults. */
function mergedSettings(existing: Integration | null, given: NonNullable<ConfigureInput['settings']>): WebhookSettings & DeletionSettings {
  const { webhookScopes, webhookAllowedOrigins, deleteHandling, requireTimestampedSignatures, maxDeletePercent } = (existing?.settings as (WebhookSettings & DeletionSettings) | undefined) ?? {};
  const settings: WebhookSettings & DeletionSettings = {
    ...(maxDeletePercent !== undefined ? { maxDeletePercent } : {}),
    ...(webhookScopes ? { webhookScopes } : {}),
    ...(webhookAllowedOrigins ? { webhookAllowedOrigins } : {}),
    ...(deleteHandling ? { deleteHandling } : {}),
    ...(requireTimestampedSignatures ? { requireTimestampedSignatures } : {}),
  };
  if (given.webhookScopes === null) delete settings.webhookScopes;
  else if (given.webhookScopes !== undefined) settings.webhookScopes = [...new Set(given.webhookScopes)];
  if (given.webhookAllowedOrigins === null) delete settings.webhookAllowedOrigins;
  else if (given.webhookAllowedOrigins !== undefined) settings.webhookAllowedOrigins = [...new Set(given.webhookAllowedOrigins)];
  if (given.deleteHandling !== undefined) settings.deleteHandling = given.deleteHandling;
  if (given.maxDeletePercent === null) delete settings.maxDeletePercent;
  else if (given.maxDeletePercent !== undefined) settings.maxDeletePercent = given.maxDeletePercent;
  if (given.requireTimestampedSignatures === true) settings.requireTimestampedSignatures = true;
  else if (given.requireTimestampedSignatures === false) delete settings.requireTimestampedSignatures;
  return settings;
}

/** A new or changed interval schedules the first run one interval from now. */
function syncSchedule(interval: number | null | undefined, existing: Integration | null, now: Date) {
  if (interval === undefined || interval === existing?.syncIntervalMinutes) return {};
  return { syncIntervalMinutes: interval, nextSyncAt: interval === null ? null : new Date(now.getTime() + interval * 60_000) };
}

export function storedMappings(integration: Integration): FieldMappings {
  return {
    itemMappings: inFieldOrder('itemMappings', integration.itemMappings as FieldMap),
    deliveryMappings: inFieldOrder('deliveryMappings', integration.deliveryMappings as FieldMap),
  };
}

function credentialProblems(connector: ConnectorDefinition, merged: Record<string, string>, given: Record<string, string>): FieldProblem[] {
  const known = new Set([...connector.requiredCredentialFields, ...connector.optionalCredentialFields]);
  const problems: FieldProblem[] = [];
  for (const field of Object.keys(given)) {
    if (!known.has(field)) problems.push({ path: `credentials.${field}`, message: `unknown credential field; ${connector.connectorType} takes ${[...known].join(', ')}` });
  }
  for (const field of connector.requiredCredentialFields) {
    if (!merged[field]) problems.push({ path: `credentials.${field}`, message: 'is required' });
  }
  for (const field of connector.urlCredentialFields) {
    const checked = given[field] === undefined ? undefined : httpUrl.safeParse(given[field]);
    if (checked && !checked.success) problems.push({ path: `credentials.${field}`, message: checked.error.issues[0]!.message });
  }
  return problems;
}
