/**
 * `POST /api/v1/integrations/webhook/{connectorType}/{orgId}` (seed 000): no API key, the
 * signature over the raw body is the authentication. The body reaches the domain as the exact
 * bytes received (a parsed and re-serialized body would not verify). SAP Event Mesh's webhook
 * handshake (`OPTIONS` with `WebHook-Request-Origin`, from the CloudEvents HTTP webhook spec) is
 * answered for the origins an integration lists.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../services';
import { contract } from './contract';
import { webhookContracts as c } from './contracts/webhooks';
import { sendError } from './errors';

type Target = { Params: { connectorType: string; orgId: string } };

/** JSON in any of its media types (application/json, application/cloudevents+json, …), or none given. */
function isJsonMediaType(contentType: string | undefined): boolean {
  if (contentType === undefined) return true;
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json')) || type === 'text/plain';
}

function headersOf(request: FastifyRequest): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(request.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  return headers;
}

export function webhookRoutes(services: Services, bodyLimit: number) {
  return async (app: FastifyInstance) => {
    // Raw bytes for every media type: verification needs them untouched, and the media type is checked below.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit }, (_request, body, done) => done(null, body));

    // A body over the limit is refused while it is read, before the handler: counted here.
    app.addHook('onError', async (request, _reply, error) => {
      const { connectorType } = request.params as Partial<Target['Params']>;
      if (request.method === 'POST' && error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' && connectorType !== undefined) {
        services.webhooks.refused(connectorType, 'payload_too_large');
      }
    });

    app.post<Target>('/:connectorType/:orgId', { bodyLimit, ...contract(c.receiveWebhook) }, async (request, reply) => {
      if (!isJsonMediaType(request.headers['content-type'])) {
        services.webhooks.refused(request.params.connectorType, 'unsupported_media_type');
        return sendError(reply, 415, 'UNSUPPORTED_MEDIA_TYPE', 'send the webhook body as JSON (Content-Type: application/json)');
      }
      const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const ack = await services.webhooks.receive({ ...request.params, headers: headersOf(request), rawBody });
      return reply.status(200).send({ success: true, deliveryId: ack.deliveryId });
    });

    // The CloudEvents webhook handshake: consent only for an origin the integration lists,
    // answered with the listed name; an origin is never echoed back just because it asked.
    app.options<Target>('/:connectorType/:orgId', contract(c.webhookHandshake), async (request, reply) => {
      const origin = request.headers['webhook-request-origin'];
      const requested = typeof origin === 'string' ? origin : undefined;
      const allowed = await services.webhooks.handshake(request.params.orgId, request.params.connectorType, requested);
      reply.header('allow', 'POST, OPTIONS');
      if (requested === undefined) return reply.status(200).send(); // a plain OPTIONS: what the URL allows
      if (!allowed) {
        return sendError(reply, 403, 'ORIGIN_NOT_ALLOWED', 'this integration does not accept webhooks from that origin; list it in settings.webhookAllowedOrigins');
      }
      return reply.status(200).header('webhook-allowed-origin', allowed).header('webhook-allowed-rate', '*').send();
    });
  };
}
