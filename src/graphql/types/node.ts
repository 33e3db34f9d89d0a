/**
 * Relay's `node(id:)` and `nodes(ids:)`. Every node type loads within the caller's organization
 * (`inCallersOrg` in ../org-scope.ts), so another organization's id, a row that is gone and a
 * type that is not a node all answer null alike. Relations reached from a node stay inside its
 * organization: a row's relations (an event's transfers, a delivery's lines) are its own org's.
 */
import { PothosValidationError } from '@pothos/core';
import { resolveNodes } from '@pothos/plugin-relay';
import { isObjectType, type GraphQLSchema } from 'graphql';
import { builder } from '../builder';

/** The most ids one `nodes` call takes; more is refused while the query is validated. */
export const MAX_NODE_IDS = 100;

interface GlobalId {
  typename: string;
  id: string;
}

/** Ids of types that are not nodes (or no type at all) load as null instead of failing. */
function loadable(schema: GraphQLSchema, ids: readonly GlobalId[]): (GlobalId | null)[] {
  return ids.map((id) => {
    const type = schema.getType(id.typename);
    return isObjectType(type) && type.getInterfaces().some((node) => node.name === 'Node') ? id : null;
  });
}

builder.queryFields((t) => ({
  node: t.field({
    type: builder.nodeInterfaceRef(),
    nullable: true,
    description: 'One object of your organization by its global id; null for an id that is not yours',
    args: { id: t.arg.globalID({ required: true }) },
    resolve: async (_root, args, ctx, info) => (await resolveNodes(builder, ctx, info, loadable(info.schema, [args.id])))[0],
  }),
  nodes: t.field({
    type: [builder.nodeInterfaceRef()],
    nullable: { list: false, items: true },
    description: `Objects of your organization by global id, in order; null for each id that is not yours. At most ${MAX_NODE_IDS} ids.`,
    args: { ids: t.arg.globalIDList({ required: true }) },
    // Each id loads one object with the whole selection: the selection's cost counts once per id.
    complexity: ({ ids }) => {
      if (ids.length > MAX_NODE_IDS) throw new PothosValidationError(`nodes takes at most ${MAX_NODE_IDS} ids (got ${ids.length})`);
      return { field: 1, multiplier: ids.length };
    },
    resolve: (_root, args, ctx, info) => resolveNodes(builder, ctx, info, loadable(info.schema, args.ids)),
  }),
}));
