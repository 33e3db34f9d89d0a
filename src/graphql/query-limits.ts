/**
 * Limits on what one GraphQL operation may ask for, enforced before anything executes and the
 * same for queries, mutations and subscriptions on every transport (HTTP, SSE, graphql-ws):
 *
 * - tokens: graphql-js's parser stops at HUB_MAX_QUERY_TOKENS, so a huge document (65,000
 *   aliases, a literal list of 40,000 ids) is refused before it is even a syntax tree;
 * - depth, breadth and cost: Pothos's complexity rule validates each valid document once more,
 *   with the request's variables, so list arguments passed as variables count, `__typename`-only
 *   selections count, and a subscription is measured when it subscribes, not at every event.
 *
 * Both run inside validation, so a refusal is a validation error on every transport.
 *
 * Field costs are declared on the builder (./builder.ts, and `nodes` in ./types/node.ts).
 */
import { PothosValidationError } from '@pothos/core';
import { createComplexityRule } from '@pothos/plugin-complexity';
import { GraphQLError, parse, validate, type DocumentNode, type ValidationContext, type ValidationRule } from 'graphql';
import type { GraphQLParams, Plugin } from 'graphql-yoga';
import type { QueryLimits } from '../config';

/** Items in every list inside a field's arguments, nested lists included. */
export function listArgumentItems(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + 1 + listArgumentItems(item), 0);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.values(value).reduce((sum: number, item) => sum + listArgumentItems(item), 0);
  }
  return 0;
}

interface Measured {
  complexity: number;
  depth: number;
  breadth: number;
}

function problemsOf(measured: Measured, limits: QueryLimits): GraphQLError[] {
  const checks = [
    ['depth', 'QUERY_DEPTH', limits.depth],
    ['breadth', 'QUERY_BREADTH', limits.breadth],
    ['complexity', 'QUERY_COMPLEXITY', limits.complexity],
  ] as const;
  return checks
    .filter(([measure, , max]) => measured[measure] > max)
    .map(([measure, code, max]) => new GraphQLError(`Query exceeds maximum ${measure} (${measure}: ${measured[measure]}, max: ${max})`, { extensions: { code } }));
}

/**
 * The complexity rule reports three kinds of problems: our limits (kept), a cost function
 * refusing its arguments (a PothosValidationError, e.g. too many `nodes` ids or a malformed
 * global id: kept as bad input), and variables that do not coerce (dropped: execution reports
 * those itself, in the same words as for any operation, before running anything).
 */
function reportingOnly(context: ValidationContext): ValidationContext {
  return Object.create(context, {
    reportError: {
      value: (error: GraphQLError | PothosValidationError) => {
        if (error instanceof PothosValidationError) context.reportError(new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT' } }));
        else if (String(error.extensions?.code ?? '').startsWith('QUERY_')) context.reportError(error);
      },
    },
  }) as ValidationContext;
}

function costRule(limits: QueryLimits, context: object, params: GraphQLParams | undefined): ValidationRule {
  const rule = createComplexityRule({
    context,
    variableValues: params?.variables ?? {},
    operationName: params?.operationName,
    validate: (measured, report) => problemsOf(measured, limits).forEach(report),
  });
  return (validationContext) => rule(reportingOnly(validationContext));
}

export function useQueryLimits(limits: QueryLimits): Plugin {
  // What the validation rules say of a document is the same for every request, so it is kept per
  // (parsed, itself cached) document, as Yoga's validation cache would; that cache is off because
  // it would keep the cost too, and the cost depends on each request's variables.
  const checked = new WeakMap<DocumentNode, readonly GraphQLError[]>();
  return {
    onParse: ({ setParseFn }) => setParseFn((source, options) => parse(source, { ...options, maxTokens: limits.tokens })),
    onValidate: ({ validateFn, setValidationFn, context }) => {
      const params = (context as { params?: GraphQLParams }).params;
      setValidationFn((schema, document, ...rest) => {
        const errors = checked.get(document) ?? validateFn(schema, document, ...rest);
        checked.set(document, errors);
        // Measured only once the document is valid: the complexity rule assumes known fields.
        return errors.length ? errors : validate(schema, document, [costRule(limits, context, params)]);
      });
    },
  };
}
