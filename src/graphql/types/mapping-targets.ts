/**
 * `mappingTargets`: the hub's entity fields that field mappings fill (the target side), with
 * their kinds, so a mappings editor can offer each target the source fields that fit it.
 */
import { targetFields, type TargetField } from '../../domain/entities';
import { builder } from '../builder';
import { ValueKindEnum, valueKind } from './connector';

const TargetFieldRef = builder.objectRef<TargetField>('TargetField').implement({
  description: 'A field of a hub entity that a mapping fills. LENGTH is stored in millimetres, WEIGHT in kilograms.',
  fields: (t) => ({
    name: t.exposeString('name'),
    kind: t.field({ type: ValueKindEnum, resolve: (field) => valueKind(field.kind) }),
    required: t.exposeBoolean('required', { description: 'A mapping set must map it' }),
    description: t.exposeString('description'),
  }),
});

const MappingTargetsRef = builder.objectRef<typeof targetFields>('MappingTargets').implement({
  fields: (t) => ({
    itemMappings: t.field({ type: [TargetFieldRef], description: 'Fields of an item', resolve: (targets) => [...targets.itemMappings] }),
    deliveryMappings: t.field({ type: [TargetFieldRef], description: 'Fields of a delivery line', resolve: (targets) => [...targets.deliveryMappings] }),
  }),
});

builder.queryFields((t) => ({
  mappingTargets: t.field({
    type: MappingTargetsRef,
    description: "The hub's entity fields that mappings fill, per mapping set",
    resolve: () => targetFields,
  }),
}));
