/**
 * Typed errors: mutations return `ValidationError` (with the offending fields) or
 * `NotFoundError` as members of their result union, instead of a generic GraphQL error.
 */
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldProblem } from '../../domain/errors';
import { builder } from '../builder';

export const ErrorInterface = builder.interfaceRef<Error & { code?: string }>('Error').implement({
  fields: (t) => ({
    message: t.exposeString('message'),
    code: t.string({ resolve: (error) => error.code ?? 'ERROR' }),
  }),
});

const FieldProblemRef = builder.objectRef<FieldProblem>('FieldProblem').implement({
  description: 'One invalid input field',
  fields: (t) => ({
    path: t.exposeString('path', { description: 'Dotted path of the input field, e.g. credentials.clientSecret' }),
    message: t.exposeString('message'),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    fields: t.field({ type: [FieldProblemRef], resolve: (error) => error.fields }),
  }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  interfaces: [ErrorInterface],
});

builder.objectType(ConflictError, {
  name: 'ConflictError',
  description: 'The operation clashes with the current state, e.g. a sync is already running',
  interfaces: [ErrorInterface],
});

builder.objectType(ForbiddenError, {
  name: 'ForbiddenError',
  description: "The caller may not do this, e.g. an organization's key naming another organization (an `orgId` argument), or changing the deployment-wide event types",
  interfaces: [ErrorInterface],
});

export const domainErrors = [ValidationError, NotFoundError];
