// System query options of OData V2 ($filter, $orderby, $select, $expand, $top, $skip, $skiptoken,
// $inlinecount), validated against the entity type so bad requests fail with 400 as on Gateway.

import { BAD_QUERY, NOT_SIMULATED, ODataError } from './errors';
import { comparable, compileFilter, type CompiledFilter } from './filter';
import type { EdmType, EntityType } from './model';

/** `undefined` means "no $select": every property and navigation property. */
export interface SelectTree {
  all: boolean;
  properties: Set<string>;
  navigation: Map<string, SelectTree>;
}

export type ExpandTree = Map<string, ExpandTree>;

export interface OrderTerm {
  property: string;
  type: EdmType;
  descending: boolean;
}

export interface QueryOptions {
  filterText?: string;
  filter?: CompiledFilter;
  orderbyText?: string;
  orderby: OrderTerm[];
  select?: SelectTree;
  expand: ExpandTree;
  top?: number;
  skip: number;
  /** Absolute row offset from a `__next` link; takes precedence over $skip. */
  skiptoken?: number;
  inlinecount: boolean;
}

export type TypeResolver = (entitySet: string) => EntityType;

function unknownProperty(name: string, entity: EntityType): ODataError {
  return new ODataError(400, BAD_QUERY, `Property ${name} not found in type ${entity.typeName}`);
}

function nonNegativeInteger(params: URLSearchParams, name: string): number | undefined {
  const raw = params.get(name);
  if (raw === null) return undefined;
  if (!/^\d+$/.test(raw.trim())) throw new ODataError(400, BAD_QUERY, `Invalid value '${raw}' for system query option ${name}`);
  return Number(raw.trim());
}

/** Target entity type of a navigation property; 400 if it does not exist, 501 if not simulated. */
export function navigationTarget(entity: EntityType, nav: string, typeOf: TypeResolver): EntityType {
  if (!(nav in entity.navigation)) throw unknownProperty(nav, entity);
  const target = entity.navigation[nav];
  if (!target) throw new ODataError(501, NOT_SIMULATED, `Navigation property ${nav} is not simulated`);
  return typeOf(target);
}

function parseExpand(text: string, entity: EntityType, typeOf: TypeResolver): ExpandTree {
  const tree: ExpandTree = new Map();
  for (const path of text.split(',').map((p) => p.trim())) {
    if (!path) throw new ODataError(400, BAD_QUERY, `Invalid $expand '${text}'`);
    let level = tree;
    let type = entity;
    for (const nav of path.split('/')) {
      type = navigationTarget(type, nav, typeOf);
      const next = level.get(nav) ?? new Map();
      level.set(nav, next);
      level = next;
    }
  }
  return tree;
}

function emptySelect(): SelectTree {
  return { all: false, properties: new Set(), navigation: new Map() };
}

function parseSelect(text: string, entity: EntityType, typeOf: TypeResolver): SelectTree {
  const root = emptySelect();
  for (const path of text.split(',').map((p) => p.trim())) {
    if (!path) throw new ODataError(400, BAD_QUERY, `Invalid $select '${text}'`);
    let node = root;
    let type = entity;
    const parts = path.split('/');
    parts.forEach((part, k) => {
      const last = k === parts.length - 1;
      if (part === '*' && last) {
        node.all = true;
      } else if (part in type.navigation) {
        type = navigationTarget(type, part, typeOf);
        const child = node.navigation.get(part) ?? emptySelect();
        // `to_X` alone selects the whole navigation target.
        if (last) child.all = true;
        node.navigation.set(part, child);
        node = child;
      } else if (part in type.properties && last) {
        node.properties.add(part);
      } else {
        throw unknownProperty(part, type);
      }
    });
  }
  return root;
}

function parseOrderby(text: string, entity: EntityType): OrderTerm[] {
  return text.split(',').map((term) => {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)(?:\s+(asc|desc))?\s*$/.exec(term);
    if (!m?.[1]) throw new ODataError(400, BAD_QUERY, `Invalid $orderby '${text}'`);
    const type = entity.properties[m[1]];
    if (!type) throw unknownProperty(m[1], entity);
    return { property: m[1], type, descending: m[2] === 'desc' };
  });
}

export function parseQuery(params: URLSearchParams, entity: EntityType, typeOf: TypeResolver): QueryOptions {
  const filterText = params.get('$filter') ?? undefined;
  const orderbyText = params.get('$orderby') ?? undefined;
  const selectText = params.get('$select');
  const expandText = params.get('$expand');
  const inlinecount = params.get('$inlinecount');
  if (inlinecount !== null && inlinecount !== 'allpages' && inlinecount !== 'none') {
    throw new ODataError(400, BAD_QUERY, `Invalid value '${inlinecount}' for system query option $inlinecount`);
  }
  const skiptokenText = params.get('$skiptoken');
  if (skiptokenText !== null && !/^\d+$/.test(skiptokenText)) {
    throw new ODataError(400, BAD_QUERY, `Invalid $skiptoken '${skiptokenText}'`);
  }
  return {
    filterText,
    filter: filterText === undefined ? undefined : compileFilter(filterText, entity),
    orderbyText,
    orderby: orderbyText === undefined ? [] : parseOrderby(orderbyText, entity),
    select: selectText === null ? undefined : parseSelect(selectText, entity, typeOf),
    expand: expandText === null ? new Map() : parseExpand(expandText, entity, typeOf),
    top: nonNegativeInteger(params, '$top'),
    skip: nonNegativeInteger(params, '$skip') ?? 0,
    skiptoken: skiptokenText === null ? undefined : Number(skiptokenText),
    inlinecount: inlinecount === 'allpages',
  };
}

/** Comparator for $orderby; nulls sort first, like ABAP initial values. */
export function orderComparator<R>(terms: OrderTerm[], value: (row: R, property: string) => unknown): (a: R, b: R) => number {
  return (a, b) => {
    for (const term of terms) {
      const x = comparable(term.type, value(a, term.property)) as number | string | boolean | null;
      const y = comparable(term.type, value(b, term.property)) as number | string | boolean | null;
      if (x === y) continue;
      let order: number;
      if (x === null) order = -1;
      else if (y === null) order = 1;
      else order = x < y ? -1 : x > y ? 1 : 0;
      if (order !== 0) return term.descending ? -order : order;
    }
    return 0;
  };
}
