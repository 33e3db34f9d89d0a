/**
 * Mutations answer with a union of a success type (`data`) and typed errors (`message`, and
 * `fields` for bad input). This turns one into something a form can show: field errors keyed
 * by the input path the API names (e.g. `credentials.clientSecret`).
 */
import { graphql } from '../gql';

export const FailureFields = graphql(`
  fragment FailureFields on Error {
    code
    message
    ... on ValidationError { fields { path message } }
  }
`);

export type FieldErrors = Record<string, string>;

export type Outcome<T> = { ok: true; data: T } | { ok: false; message: string; fields: FieldErrors };

type Success<T> = { data: T };
type Failed = { message: string; fields?: ReadonlyArray<{ path: string; message: string }> };

export function outcome<T>(result: Success<T> | Failed): Outcome<T> {
  if ('data' in result) return { ok: true, data: result.data };
  return { ok: false, message: result.message, fields: Object.fromEntries((result.fields ?? []).map((field) => [field.path, field.message])) };
}

/** Field errors under `prefix.` (e.g. `settings.`), with the prefix taken off. */
export function errorsUnder(errors: FieldErrors, prefix: string): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) if (path.startsWith(`${prefix}.`)) out[path.slice(prefix.length + 1)] = message;
  return out;
}
