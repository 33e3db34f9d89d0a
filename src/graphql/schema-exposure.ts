/**
 * How much the API tells a caller about its schema: introspection (`__schema`, `__type`) and the
 * "Did you mean …?" hints graphql-js adds to errors about unknown fields, arguments, types and
 * enum values. Both help a developer and a prober alike; the hub turns them off in production
 * unless HUB_GRAPHQL_INTROSPECTION / HUB_GRAPHQL_SUGGESTIONS say otherwise. `schema.graphql`
 * documents the API without either.
 */
import { GraphQLError, NoSchemaIntrospectionCustomRule, type ExecutionResult } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';

export interface SchemaExposure {
  introspection: boolean;
  suggestions: boolean;
}

/** graphql-js ends a message with its hint: ` Did you mean "a", "b", or "c"?` (names never hold a `?`). */
const hint = / Did you mean [^?]*\?/g;

function withoutHint(error: GraphQLError): GraphQLError {
  if (!hint.test(error.message)) return error;
  hint.lastIndex = 0;
  const { nodes, source, positions, path, originalError, extensions } = error;
  return new GraphQLError(error.message.replace(hint, ''), { nodes, source, positions, path, originalError, extensions });
}

function resultWithoutHints(result: ExecutionResult): ExecutionResult {
  return result.errors?.length ? { ...result, errors: result.errors.map(withoutHint) } : result;
}

export function useSchemaExposure({ introspection, suggestions }: SchemaExposure): Plugin {
  return {
    onValidate: ({ addValidationRule, validateFn, setValidationFn }) => {
      if (!introspection) addValidationRule(NoSchemaIntrospectionCustomRule);
      if (!suggestions) setValidationFn((schema, document, rules) => validateFn(schema, document, rules, { hideSuggestions: true }));
    },
    // Variables are coerced while executing, by Yoga's executor (@graphql-tools/executor), which
    // does not pass graphql-js's hideSuggestions on to enum values: their hints are cut here.
    onExecute: () => (suggestions ? undefined : { onExecuteDone: ({ result, setResult }) => void (isAsyncIterable(result) || setResult(resultWithoutHints(result))) }),
    onSubscribe: () =>
      suggestions ? undefined : { onSubscribeResult: ({ result, setResult }) => void (isAsyncIterable(result) || setResult(resultWithoutHints(result))) },
  };
}
