/**
 * `FieldMappings` and its root fields: current mappings, connector defaults, update, reset.
 * GraphQL carries mappings as lists of {target, source}; the domain keeps them as objects.
 */
import type { FieldMap, FieldMappings } from '../../domain/entities';
import { ValidationError } from '../../domain/errors';
import { builder } from '../builder';
import { orgIdOf } from '../context';
import { domainErrors } from './errors';

export interface FieldMappingPair {
  target: string;
  source: string;
}

export interface FieldMappingList {
  itemMappings: FieldMappingPair[];
  deliveryMappings: FieldMappingPair[];
}

export function toFieldMappingList(mappings: FieldMappings): FieldMappingList {
  const pairs = (map: FieldMap) => Object.entries(map).map(([target, source]) => ({ target, source }));
  return { itemMappings: pairs(mappings.itemMappings), deliveryMappings: pairs(mappings.deliveryMappings) };
}

/** Lists back to objects; a target named twice is an input error, not a silent overwrite. */
export function toFieldMap(pairs: readonly FieldMappingPair[], path: string): FieldMap {
  const map: FieldMap = {};
  for (const { target, source } of pairs) {
    if (target in map) throw new ValidationError([{ path: `${path}.${target}`, message: 'target field is mapped more than once' }]);
    map[target] = source;
  }
  return map;
}

const FieldMappingRef = builder.objectRef<FieldMappingPair>('FieldMapping').implement({
  description: 'One mapping: a field of the hub entity (target) filled from a host-system field (source)',
  fields: (t) => ({
    target: t.exposeString('target'),
    source: t.exposeString('source'),
  }),
});

export const FieldMappingsRef = builder.objectRef<FieldMappingList>('FieldMappings').implement({
  fields: (t) => ({
    itemMappings: t.field({ type: [FieldMappingRef], resolve: (m) => m.itemMappings }),
    deliveryMappings: t.field({ type: [FieldMappingRef], resolve: (m) => m.deliveryMappings }),
  }),
});

export const FieldMappingInput = builder.inputType('FieldMappingInput', {
  fields: (t) => ({
    target: t.string({ required: true }),
    source: t.string({ required: true }),
  }),
});

export const FieldMappingsInput = builder.inputType('FieldMappingsInput', {
  description: 'A mapping set that is given replaces the stored one; one that is left out stays as it is',
  fields: (t) => ({
    itemMappings: t.field({ type: [FieldMappingInput] }),
    deliveryMappings: t.field({ type: [FieldMappingInput] }),
  }),
});

export function mappingsInputToDomain(input: { itemMappings?: FieldMappingPair[] | null; deliveryMappings?: FieldMappingPair[] | null }, path = '') {
  const prefix = path ? `${path}.` : '';
  return {
    ...(input.itemMappings ? { itemMappings: toFieldMap(input.itemMappings, `${prefix}itemMappings`) } : {}),
    ...(input.deliveryMappings ? { deliveryMappings: toFieldMap(input.deliveryMappings, `${prefix}deliveryMappings`) } : {}),
  };
}

builder.queryFields((t) => ({
  fieldMappings: t.field({
    type: FieldMappingsRef,
    description: "The integration's current field mappings",
    errors: { types: domainErrors },
    args: { connectorType: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => toFieldMappingList(await ctx.services.integrations.mappings(orgIdOf(ctx), args.connectorType)),
  }),
  defaultFieldMappings: t.field({
    type: FieldMappingsRef,
    description: "The connector's default mapping template",
    errors: { types: domainErrors },
    args: { connectorType: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => toFieldMappingList(ctx.services.integrations.defaultMappings(args.connectorType)),
  }),
}));

builder.mutationFields((t) => ({
  updateFieldMappings: t.field({
    type: FieldMappingsRef,
    errors: { types: domainErrors },
    args: { connectorType: t.arg.string({ required: true }), input: t.arg({ type: FieldMappingsInput, required: true }) },
    resolve: async (_root, args, ctx) =>
      toFieldMappingList(await ctx.services.integrations.updateMappings(orgIdOf(ctx), args.connectorType, mappingsInputToDomain(args.input))),
  }),
  resetMappings: t.field({
    type: FieldMappingsRef,
    description: "Replaces the integration's mappings with the connector defaults",
    errors: { types: domainErrors },
    args: { connectorType: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => toFieldMappingList(await ctx.services.integrations.resetMappings(orgIdOf(ctx), args.connectorType)),
  }),
}));
