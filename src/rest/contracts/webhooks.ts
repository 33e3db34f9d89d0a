/** The contracts of the inbound webhook route (rest/webhooks.ts): signed by the host system, no API key. */
import { z } from 'zod';
import type { RouteContract } from '../contract';
import { webhookAck } from '../schemas';
import { webhookAckExample, webhookBodyExample } from './examples';
import { byConnectorType } from './integrations';

const tag = 'Inbound webhooks';

const target = byConnectorType.extend({
  orgId: z.string().meta({ description: 'your organization id, as in the integration\'s webhookUrl', example: 'org_abc123' }),
});

export const webhookContracts = {
  receiveWebhook: {
    operationId: 'receiveWebhook',
    summary: 'Receive a webhook from the host system',
    description:
      'The integration\'s `webhookUrl`. No API key: the signature over the raw body authenticates the sender, either the integrations ' +
      'guide\'s `X-Webhook-Signature: sha256=<hex HMAC-SHA256 of the body with the webhook secret>` or Standard Webhooks ' +
      '(`webhook-id`, `webhook-timestamp`, `webhook-signature`; refused after 5 minutes, repeats deduplicated). The body is stored ' +
      'before the answer, then processed in the background; a repeat of a delivery is answered with its first deliveryId.',
    tag,
    auth: 'webhookSignature',
    params: target,
    body: {
      schema: z.unknown().meta({ description: 'JSON, as the host system sends it: its shape depends on the connector and the event' }),
      required: true,
      example: webhookBodyExample,
    },
    responses: { 200: { description: 'stored; processed in the background', schema: webhookAck, example: webhookAckExample } },
    errors: {
      400: 'INVALID_JSON: the body is not valid JSON (UTF-8)',
      401: 'INVALID_SIGNATURE: the signature is missing or does not match the webhook secret',
      403: 'INTEGRATION_DISABLED: the integration is disabled (nothing was stored)',
      404: 'NOT_FOUND: no integration of this connector type in this organization',
      413: 'PAYLOAD_TOO_LARGE: the body is larger than HUB_WEBHOOK_BODY_LIMIT_BYTES',
      415: 'UNSUPPORTED_MEDIA_TYPE: the body is not sent as JSON',
      500: 'WEBHOOK_SECRET_NOT_CONFIGURED: set settings.webhookSecret on the integration',
    },
  },
  webhookHandshake: {
    operationId: 'webhookHandshake',
    summary: 'Answer the CloudEvents webhook handshake (SAP Event Mesh)',
    description: 'Consent to receive webhooks from an origin that the integration lists in settings.webhookAllowedOrigins. Without WebHook-Request-Origin, a plain OPTIONS answering what the URL allows.',
    tag,
    auth: 'none',
    params: target,
    headers: z.object({
      'WebHook-Request-Origin': z.string().optional().meta({ description: 'the DNS name of the sending service', example: 'eventmesh.example.com' }),
    }),
    responses: {
      200: {
        description: 'consent given (or a plain OPTIONS)',
        headers: { 'WebHook-Allowed-Origin': 'the origin, as the integration lists it', 'WebHook-Allowed-Rate': '`*`', Allow: '`POST, OPTIONS`' },
      },
    },
    errors: { 403: 'ORIGIN_NOT_ALLOWED: the integration does not list that origin', 404: 'NOT_FOUND: no integration of this connector type in this organization' },
  },
} satisfies Record<string, RouteContract>;
