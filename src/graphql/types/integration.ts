/**
 * `Integration` (from the Prisma model, secrets never exposed) with its root fields:
 * `integrations`, `integration`, `configureIntegration`, `deleteIntegration`, and the
 * `integrationChanged` subscription.
 */
import { filter, pipe } from 'graphql-yoga';
import { findConnector } from '../../connectors/registry';
import { connectorSettings, storedMappings, type ConfigureResult } from '../../domain/integrations/integration-service';
import { allowedOrigins } from '../../domain/webhooks/handshake';
import { deletionPolicy } from '../../domain/sync/deletions';
import { integrationPolicy } from '../../domain/webhooks/scopes';
import { integrationChangeActions, type IntegrationChanged } from '../../lib/events';
import { webhookUrl } from '../../services';
import { builder } from '../builder';
import { orgIdOf } from '../context';
import { ConnectorRef } from './connector';
import { domainErrors } from './errors';
import { IntegrationHealthRef } from './failure';
import { FieldMappingsInput, FieldMappingsRef, mappingsInputToDomain, toFieldMappingList } from './field-mappings';
import { SyncStatusRef } from './sync-status';

export const IntegrationRef = builder.prismaObject('Integration', {
  description: "An organization's configuration of one connector. Credentials and the webhook secret are write-only.",
  fields: (t) => ({
    id: t.exposeID('id'),
    connectorType: t.exposeString('connectorType'),
    connector: t.field({ type: ConnectorRef, resolve: (i) => findConnector(i.connectorType)! }),
    tenantUrl: t.exposeString('tenantUrl'),
    enabled: t.exposeBoolean('enabled'),
    credentialFields: t.stringList({
      description: 'Names of the credential fields that are set (their values are never returned)',
      resolve: (i) => i.credentialFields as string[],
    }),
    webhookSecretConfigured: t.boolean({ resolve: (i) => i.webhookSecretSealed !== null }),
    previousWebhookSecretValidUntil: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'Until when the replaced webhook secret still verifies (rotation overlap)',
      resolve: (i) => (i.previousWebhookSecretSealed ? i.previousWebhookSecretUntil : null),
    }),
    webhookScopes: t.stringList({
      description: 'Scopes whose hooks this integration acts on; hooks of other scopes are recorded as skipped',
      resolve: (i) => [...integrationPolicy(i).enabledScopes],
    }),
    webhookAllowedOrigins: t.stringList({
      description: 'Origins whose CloudEvents webhook handshake (OPTIONS with WebHook-Request-Origin) this integration consents to',
      resolve: (i) => allowedOrigins(i),
    }),
    connectorSettings: t.field({
      type: 'JSONObject',
      description: "The connector's own settings (see its documentation); never secret",
      resolve: (i) => connectorSettings(i.settings),
    }),
    deleteHandling: t.string({
      description: '"deactivate" (an enabled delete marks the record inactive) or "delete"',
      resolve: (i) => integrationPolicy(i).deleteHandling,
    }),
    maxDeletePercent: t.float({
      description: 'A full sync that would remove more than this share (percent) of the active items removes nothing and waits for confirmation (default 20)',
      resolve: (i) => deletionPolicy(i).maxDeletePercent,
    }),
    requireTimestampedSignatures: t.boolean({
      description: 'Inbound webhooks must carry a Standard Webhooks signature (with a timestamp); X-Webhook-Signature is refused',
      resolve: (i) => integrationPolicy(i).requireTimestampedSignatures,
    }),
    webhookUrl: t.string({
      description: 'Where the host system posts its events, signed with the webhook secret',
      resolve: (i, _args, ctx) => webhookUrl(ctx.services, i.connectorType, i.orgId),
    }),
    fieldMappings: t.field({ type: FieldMappingsRef, resolve: (i) => toFieldMappingList(storedMappings(i)) }),
    syncStatus: t.field({ type: SyncStatusRef, resolve: (i) => i }),
    health: t.field({ type: IntegrationHealthRef, resolve: (i) => i }),
    syncIntervalMinutes: t.exposeInt('syncIntervalMinutes', { nullable: true, description: 'Minutes between scheduled incremental syncs; null: manual only' }),
    nextSyncAt: t.expose('nextSyncAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const CredentialInput = builder.inputType('CredentialInput', {
  fields: (t) => ({
    field: t.string({ required: true, description: 'A credential field of the connector, e.g. clientSecret' }),
    value: t.string({ required: true }),
  }),
});

const ConfigureIntegrationInput = builder.inputType('ConfigureIntegrationInput', {
  description: 'Creates the integration or updates it. Fields left out keep their stored values.',
  fields: (t) => ({
    connectorType: t.string({ required: true }),
    tenantUrl: t.string(),
    enabled: t.boolean(),
    credentials: t.field({ type: [CredentialInput], description: 'Merged into the stored credentials' }),
    webhookSecret: t.string({ description: 'Secret for inbound webhook signatures; null removes it' }),
    syncIntervalMinutes: t.int({ description: 'Minutes between scheduled incremental syncs (5 to 10080); null turns scheduling off' }),
    webhookScopes: t.stringList({ description: 'Scopes to act on (see Connector.webhookScopes); null goes back to the defaults (all but deletes)' }),
    deleteHandling: t.string({ description: '"deactivate" (default: mark inactive) or "delete"; also how a full sync removes items its host no longer has' }),
    maxDeletePercent: t.float({ description: 'Mass-deletion guard: a full sync removing more than this percent of the active items waits for confirmation (0 to 100, default 20); null restores the default' }),
    requireTimestampedSignatures: t.boolean({
      description: 'Accept only Standard Webhooks signatures (timestamped, so a captured request cannot be replayed later); default false',
    }),
    webhookAllowedOrigins: t.stringList({ description: 'Origin names the webhook handshake consents to, e.g. your event service\'s host; null for none' }),
    previousWebhookSecretValidUntil: t.field({ type: 'DateTime', description: 'Ends (or extends) the overlap in which the replaced webhook secret still verifies' }),
    connectorSettings: t.field({ type: 'JSONObject', description: "The connector's own settings; given keys replace the stored ones" }),
    fieldMappings: t.field({ type: FieldMappingsInput }),
  }),
});

const ConfigureIntegrationPayload = builder.objectRef<ConfigureResult>('ConfigureIntegrationPayload').implement({
  fields: (t) => ({
    integration: t.field({ type: IntegrationRef, resolve: (payload) => payload.integration }),
    created: t.exposeBoolean('created', { description: 'True when this call created the integration' }),
  }),
});

const IntegrationChangeActionEnum = builder.enumType('IntegrationChangeAction', {
  values: integrationChangeActions,
});

const IntegrationChangedRef = builder.objectRef<IntegrationChanged>('IntegrationChanged').implement({
  fields: (t) => ({
    action: t.field({ type: IntegrationChangeActionEnum, resolve: (e) => e.action }),
    connectorType: t.exposeString('connectorType'),
    integrationId: t.exposeID('integrationId'),
    at: t.field({ type: 'DateTime', resolve: (e) => e.at }),
    integration: t.field({
      type: IntegrationRef,
      nullable: true,
      description: 'The integration as it is now; null once deleted',
      resolve: (e, _args, ctx) => ctx.services.db.integration.findFirst({ where: { id: e.integrationId, orgId: e.orgId } }),
    }),
  }),
});

builder.queryFields((t) => ({
  integrations: t.prismaField({
    type: ['Integration'],
    resolve: (query, _root, _args, ctx) => ctx.services.db.integration.findMany({ ...query, where: { orgId: orgIdOf(ctx) }, orderBy: { createdAt: 'asc' } }),
  }),
  integration: t.prismaField({
    type: 'Integration',
    nullable: true,
    args: { connectorType: t.arg.string({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      ctx.services.db.integration.findUnique({ ...query, where: { orgId_connectorType: { orgId: orgIdOf(ctx), connectorType: args.connectorType } } }),
  }),
}));

builder.mutationFields((t) => ({
  configureIntegration: t.field({
    type: ConfigureIntegrationPayload,
    errors: { types: domainErrors },
    args: { input: t.arg({ type: ConfigureIntegrationInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const credentials = input.credentials ? Object.fromEntries(input.credentials.map((c) => [c.field, c.value])) : undefined;
      return ctx.services.integrations.configure(orgIdOf(ctx), input.connectorType, {
        tenantUrl: input.tenantUrl ?? undefined,
        enabled: input.enabled ?? undefined,
        credentials,
        settings: {
          ...input.connectorSettings,
          ...(input.webhookSecret === undefined ? {} : { webhookSecret: input.webhookSecret }),
          ...(input.syncIntervalMinutes === undefined ? {} : { syncIntervalMinutes: input.syncIntervalMinutes }),
          ...(input.webhookScopes === undefined ? {} : { webhookScopes: input.webhookScopes }),
          ...(input.deleteHandling == null ? {} : { deleteHandling: input.deleteHandling }),
          ...(input.maxDeletePercent === undefined ? {} : { maxDeletePercent: input.maxDeletePercent }),
          ...(input.requireTimestampedSignatures == null ? {} : { requireTimestampedSignatures: input.requireTimestampedSignatures }),
          ...(input.webhookAllowedOrigins === undefined ? {} : { webhookAllowedOrigins: input.webhookAllowedOrigins }),
          ...(input.previousWebhookSecretValidUntil === undefined ? {} : { previousWebhookSecretValidUntil: input.previousWebhookSecretValidUntil?.toISOString() ?? null }),
        },
        fieldMappings: input.fieldMappings ? mappingsInputToDomain(input.fieldMappings, 'fieldMappings') : undefined,
      });
    },
  }),
  deleteIntegration: t.field({
    type: 'Boolean',
    errors: { types: domainErrors },
    args: { connectorType: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      await ctx.services.integrations.remove(orgIdOf(ctx), args.connectorType);
      return true;
    },
  }),
}));

builder.subscriptionFields((t) => ({
  integrationChanged: t.field({
    type: IntegrationChangedRef,
    description: "Changes to your organization's integrations, as they happen",
    args: { connectorType: t.arg.string({ description: 'Only changes of this connector type' }) },
    subscribe: (_root, args, ctx) =>
      pipe(
        ctx.services.events.subscribe('integration-changed', orgIdOf(ctx)),
        filter((event: IntegrationChanged) => !args.connectorType || event.connectorType === args.connectorType),
      ),
    resolve: (event) => event,
  }),
}));
