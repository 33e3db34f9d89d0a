/**
 * Errors that happen before any route runs, answered in the API's one error shape
 * (`{"error": {"code", "message"}}`) instead of Fastify's or Node's own: a request Node's HTTP
 * parser gives up on (malformed request line or headers, headers too large, too slow), a URL
 * Fastify's router refuses (bad percent-encoding, a path segment too long), an `Expect` header,
 * a missing `Host`, a request while the server shuts down, a refused WebSocket upgrade. None of
 * them echoes the request back.
 */
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { writeRawError } from '../lib/raw-error';
import { sendError } from './errors';

/** Node's HTTP parser could not read the request. */
function clientErrorHandler(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return writeRawError(socket, 408, 'REQUEST_TIMEOUT', 'the request did not arrive in time');
  if (error.code === 'HPE_HEADER_OVERFLOW') return writeRawError(socket, 431, 'HEADERS_TOO_LARGE', 'the request line and headers are larger than the server accepts');
  writeRawError(socket, 400, 'BAD_REQUEST', 'the request is not valid HTTP/1.1');
}

/** URLs Fastify's router refuses before routing. */
function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  if (error.code === 'FST_ERR_BAD_URL') sendError(reply, 400, 'BAD_URL', 'the URL is not valid (malformed percent-encoding)');
  else if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') sendError(reply, 414, 'URI_TOO_LONG', 'a segment of the URL path is too long');
  else sendError(reply, 500, 'INTERNAL', 'internal error; the request id is in the x-request-id header');
}

/** Fastify options that route its own errors here. */
export const protocolErrorOptions = {
  frameworkErrors,
  clientErrorHandler,
  // Node would answer a missing Host itself, with an empty body; the hook below does it in our shape.
  http: { requireHostHeader: false },
  // Fastify's own 503 while closing has its shape; the hook below answers instead.
  return503OnClosing: false as const,
};

export function installProtocolErrors(app: FastifyInstance): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (request, reply) => {
    if (closing) {
      reply.header('connection', 'close');
      return sendError(reply, 503, 'UNAVAILABLE', 'the server is shutting down; retry on another instance or in a moment');
    }
    if (request.raw.httpVersion === '1.1' && !request.headers.host) return sendError(reply, 400, 'BAD_REQUEST', 'HTTP/1.1 requests need a Host header');
  });
  // Node answers an Expect header other than 100-continue with an empty 417 unless someone listens.
  app.server.on('checkExpectation', (_request, response) => {
    const body = JSON.stringify({ error: { code: 'EXPECTATION_FAILED', message: 'only "Expect: 100-continue" is supported' } });
    response.writeHead(417, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), connection: 'close' });
    response.end(body);
  });
}
