/** Connector catalog: `Connector` and the `connectors` / `connector` root fields. */
import { findConnector, listConnectors } from '../../connectors/registry';
import { settingsJsonSchema } from '../../connectors/settings-json-schema';
import type { ConnectorDefinition, SourceField, WebhookScope } from '../../connectors/types';
import type { ValueKind } from '../../domain/entities';
import { builder } from '../builder';
import { FieldMappingsRef, toFieldMappingList } from './field-mappings';

export const ValueKindEnum = builder.enumType('ValueKind', {
  description: 'What a field holds. LENGTH and WEIGHT carry a unit and are stored as millimetres / kilograms.',
  values: ['STRING', 'NUMBER', 'LENGTH', 'WEIGHT', 'DATETIME', 'BOOLEAN'] as const,
});

export function valueKind(kind: ValueKind) {
  return kind.toUpperCase() as (typeof ValueKindEnum)['$inferType'];
}

const SourceFieldRef = builder.objectRef<SourceField>('SourceField').implement({
  description: 'A field a connector can read from its host system',
  fields: (t) => ({
    name: t.exposeString('name'),
    kind: t.field({ type: ValueKindEnum, resolve: (field) => valueKind(field.kind) }),
    description: t.exposeString('description'),
    units: t.stringList({ description: 'Units the host system may send (LENGTH and WEIGHT fields)', resolve: (field) => field.units ?? [] }),
  }),
});

const WebhookScopeRef = builder.objectRef<WebhookScope>('WebhookScope').implement({
  description: 'A kind of hook the connector handles: an entity × what happened to it',
  fields: (t) => ({
    name: t.exposeString('name', { description: '<entity>/<action>, e.g. delivery/updated' }),
    entity: t.exposeString('entity'),
    action: t.exposeString('action'),
    description: t.exposeString('description'),
  }),
});

interface CredentialFieldSpec {
  name: string;
  required: boolean;
  url: boolean;
  description: string | null;
}

const CredentialFieldSpecRef = builder.objectRef<CredentialFieldSpec>('CredentialFieldSpec').implement({
  description: 'A credential field a connector takes (its value is write-only once saved)',
  fields: (t) => ({
    name: t.exposeString('name'),
    required: t.exposeBoolean('required', { description: 'Required whatever the settings (a connector may require others depending on its settings)' }),
    url: t.exposeBoolean('url', { description: 'Holds an absolute http(s) URL' }),
    description: t.exposeString('description', { nullable: true }),
  }),
});

function credentialFieldSpecs(c: ConnectorDefinition): CredentialFieldSpec[] {
  const spec = (required: boolean) => (name: string) => ({
    name,
    required,
    url: c.urlCredentialFields.includes(name),
    description: c.help?.credentials?.[name] ?? null,
  });
  return [...c.requiredCredentialFields.map(spec(true)), ...c.optionalCredentialFields.map(spec(false))];
}

export const ConnectorRef = builder.objectRef<ConnectorDefinition>('Connector').implement({
  description: 'A kind of host system the hub can connect to',
  fields: (t) => ({
    connectorType: t.exposeString('connectorType'),
    displayName: t.exposeString('displayName'),
    description: t.exposeString('description'),
    requiredCredentialFields: t.exposeStringList('requiredCredentialFields'),
    optionalCredentialFields: t.exposeStringList('optionalCredentialFields'),
    credentialFieldSpecs: t.field({
      type: [CredentialFieldSpecRef],
      description: 'Every credential field, required ones first, with what a configuration form needs to show it',
      resolve: credentialFieldSpecs,
    }),
    tenantUrlDescription: t.string({ nullable: true, description: 'What the tenant URL is for this connector', resolve: (c) => c.help?.tenantUrl ?? null }),
    settingsSchema: t.field({
      type: 'JSONObject',
      nullable: true,
      description: "JSON Schema (2020-12) of the connector's own settings (Integration.connectorSettings); null when it takes none",
      resolve: settingsJsonSchema,
    }),
    itemSourceFields: t.field({ type: [SourceFieldRef], resolve: (c) => c.sourceFields.itemMappings }),
    deliverySourceFields: t.field({ type: [SourceFieldRef], resolve: (c) => c.sourceFields.deliveryMappings }),
    defaultFieldMappings: t.field({ type: FieldMappingsRef, resolve: (c) => toFieldMappingList(c.defaultMappings) }),
    webhookScopes: t.field({ type: [WebhookScopeRef], description: 'Every scope its hooks can have; deletes are off by default', resolve: (c) => [...c.webhooks.scopes] }),
  }),
});

builder.queryFields((t) => ({
  connectors: t.field({
    type: [ConnectorRef],
    description: 'Connector types available to your organization',
    resolve: () => [...listConnectors()],
  }),
  connector: t.field({
    type: ConnectorRef,
    nullable: true,
    args: { connectorType: t.arg.string({ required: true }) },
    resolve: (_root, args) => findConnector(args.connectorType) ?? null,
  }),
}));
