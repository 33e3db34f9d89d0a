/**
 * Errors the domain raises on purpose. Transports map them to status codes (REST) and typed
 * error results (GraphQL); anything else is an internal error and is never shown in detail.
 */
export interface FieldProblem {
  /** Dotted path of the offending input field, e.g. `credentials.clientSecret`. */
  path: string;
  message: string;
}

export abstract class DomainError extends Error {
  abstract readonly code: string;
}

export class ValidationError extends DomainError {
  readonly code = 'VALIDATION_FAILED';
  constructor(readonly fields: FieldProblem[]) {
    super(fields.map((field) => (field.path ? `${field.path}: ${field.message}` : field.message)).join('; '));
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
}

export class ConflictError extends DomainError {
  readonly code = 'CONFLICT';
}

/** The caller is known but may not do this (e.g. an organization's key naming another organization). */
export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
}
