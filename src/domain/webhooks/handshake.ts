/**
 * The webhook handshake of the CloudEvents HTTP webhook spec ("abuse protection"), which SAP
 * Event Mesh and others send before they push events: `OPTIONS` with `WebHook-Request-Origin`
 * naming the sending service. Answering `WebHook-Allowed-Origin` is consent to receive from that
 * sender, so it is given only to origins the integration lists (settings.webhookAllowedOrigins),
 * answered with the listed name; an origin that merely asks gets no consent.
 */
import type { WebhookSettings } from './scopes';

/** The origin names an integration consents to (lower case, as stored). */
export function allowedOrigins(integration: { settings: unknown }): string[] {
  return (integration.settings as WebhookSettings).webhookAllowedOrigins ?? [];
}

/** The listed origin that matches the requesting one, or null: no consent. */
export function consentedOrigin(integration: { settings: unknown }, requestOrigin: string): string | null {
  const wanted = requestOrigin.trim().toLowerCase();
  return allowedOrigins(integration).find((origin) => origin === wanted) ?? null;
}
