/**
 * Pothos raises a PothosValidationError for arguments it cannot use while a field runs: a
 * malformed cursor, `first` with `before`, a negative `first`. Those are the caller's mistakes,
 * so they are answered as BAD_USER_INPUT with Pothos's message, instead of being masked as
 * "Unexpected error." and logged as a bug. (PothosSchemaError, a bug in the schema, stays masked.)
 */
import { PothosValidationError } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';

function asBadInput(error: GraphQLError): GraphQLError {
  if (!(error.originalError instanceof PothosValidationError)) return error;
  return new GraphQLError(error.originalError.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

/** Runs before Yoga's error masking (user plugins come first), so masking sees the rewritten errors. */
export function useBadInputErrors(): Plugin {
  return {
    onExecute: () => ({
      onExecuteDone: ({ result, setResult }) => {
        if (isAsyncIterable(result) || !result.errors?.length) return;
        setResult({ ...result, errors: result.errors.map(asBadInput) });
      },
    }),
  };
}
