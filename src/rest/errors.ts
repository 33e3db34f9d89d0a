/**
 * One JSON error shape for every REST failure:
 *   {"error": {"code": "VALIDATION_FAILED", "message": "...", "fields": [{"path", "message"}]}}
 * Domain errors keep their message; anything unexpected is logged and answered with a generic
 * 500 that carries no stack trace and no input.
 */
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { ConflictError, DomainError, ForbiddenError, NotFoundError, ValidationError, type FieldProblem } from '../domain/errors';
import { WebhookRejectedError, type RejectionReason } from '../domain/webhooks/ingest';

/** Seed 000's troubleshooting table, plus 403 for a disabled integration. */
const webhookStatus: Record<RejectionReason, number> = {
  not_found: 404,
  secret_missing: 500,
  bad_signature: 401,
  invalid_json: 400,
  disabled: 403,
};

export function sendError(reply: FastifyReply, status: number, code: string, message: string, fields?: FieldProblem[]): FastifyReply {
  return reply.status(status).type('application/json').send({ error: { code, message, ...(fields ? { fields } : {}) } });
}

function statusOf(error: DomainError): number {
  if (error instanceof WebhookRejectedError) return webhookStatus[error.reason];
  if (error instanceof ValidationError) return 400;
  if (error instanceof ForbiddenError) return 403;
  if (error instanceof NotFoundError) return 404;
  if (error instanceof ConflictError) return 409;
  if (error instanceof ForbiddenError) return 403;
  return 400;
}

/** Fastify's own request errors (body parsing, size, content type) in our shape. */
const fastifyErrors: Record<string, [number, string, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'INVALID_JSON', 'request body is not valid JSON'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'INVALID_JSON', 'request body is empty; send a JSON object'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'PAYLOAD_TOO_LARGE', 'request body is larger than the configured limit'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE', 'send the body as application/json'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'BAD_REQUEST', 'content-length does not match the body'],
};

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError) {
      return sendError(reply, statusOf(error), error.code, error.message, error instanceof ValidationError ? error.fields : undefined);
    }
    const known = error.code ? fastifyErrors[error.code] : undefined;
    if (known) return sendError(reply, known[0], known[1], known[2]);
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendError(reply, error.statusCode, 'BAD_REQUEST', 'the request could not be processed');
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(reply, 500, 'INTERNAL', 'internal error; the request id is in the x-request-id header');
  });
  app.setNotFoundHandler((request, reply) => sendError(reply, 404, 'NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`));
}
