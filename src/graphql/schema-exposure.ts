/**
 * How much the API tells a caller about its schema: introspection (`__schema`, `__type`) and the
 * "Did you mean …?" hints graphql-js adds to errors about unknown fields, arguments, types and
 * enum values. Both help a developer and a prober alike; the hub turns them off in production
 * unless HUB_GRAPHQL_INTROSPECTION / HUB_GRAPHQL_SUGGESTIONS say otherwise. `schema.graphql`
 * documents the API without either.
 */
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export interface SchemaExposure {
  introspection: boolean;
  suggestions: boolean;
}

export function useSchemaExposure({ introspection, suggestions }: SchemaExposure): Plugin {
  return {
    onValidate: ({ addValidationRule, validateFn, setValidationFn }) => {
      if (!introspection) addValidationRule(NoSchemaIntrospectionCustomRule);
      if (!suggestions) setValidationFn((schema, document, rules) => validateFn(schema, document, rules, { hideSuggestions: true }));
    },
    // Variables are coerced while executing; their errors carry hints of their own.
    onExecute: ({ executeFn, setExecuteFn }) => {
      if (!suggestions) setExecuteFn((args) => executeFn({ ...args, hideSuggestions: true } as typeof args));
    },
    onSubscribe: ({ subscribeFn, setSubscribeFn }) => {
      if (!suggestions) setSubscribeFn((args) => subscribeFn({ ...args, hideSuggestions: true } as typeof args));
    },
  };
}
