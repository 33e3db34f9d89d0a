/** Connector catalog: `Connector` and the `connectors` / `connector` root fields. */
import { findConnector, listConnectors } from '../../connectors/registry';
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

export const ConnectorRef = builder.objectRef<ConnectorDefinition>('Connector').implement({
  description: 'A kind of host system the hub can connect to',
  fields: (t) => ({
    connectorType: t.exposeString('connectorType'),
    displayName: t.exposeString('displayName'),
    description: t.exposeString('description'),
    requiredCredentialFields: t.exposeStringList('requiredCredentialFields'),
    optionalCredentialFields: t.exposeStringList('optionalCredentialFields'),
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
