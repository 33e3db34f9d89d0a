// SAP business events as SAP Event Mesh pushes them to a webhook (reference section 6): a CloudEvents
// 1.0 structured-mode JSON POST, optionally after the OPTIONS handshake, with the receiver's auth.

import { createHmac, randomUUID } from 'node:crypto';

export interface CloudEvent<T = Record<string, unknown>> {
  specversion: '1.0';
  type: string;
  source: string;
  id: string;
  time: string;
  datacontenttype: 'application/json';
  data: T;
}

/** `/default/sap.s4.beh/<SID+client>`; the real value names the tenant's system. */
export const DEFAULT_EVENT_SOURCE = '/default/sap.s4.beh/SIMCLNT100';

export type DeliveryEventAction = 'Created' | 'Changed' | 'Deleted' | 'GIStatusChanged';
export type ProductEventAction = 'Created' | 'Changed' | 'Deleted';

export interface OutboundDeliveryEventData {
  OutboundDelivery: string;
  DeliveryDocumentType: string;
  SalesOrganization: string;
  SDDocumentCategory: string;
  /** Only on GIStatusChanged. */
  OverallGoodsMovementStatus?: string;
  PrevOverallGoodsMovementStatus?: string;
}

export interface ProductEventData {
  Product: string;
  ProductType?: string;
}

export function cloudEvent<T>(type: string, data: T, source = DEFAULT_EVENT_SOURCE): CloudEvent<T> {
  return {
    type,
    specversion: '1.0',
    source,
    id: randomUUID(),
    time: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    datacontenttype: 'application/json',
    data,
  };
}

export function outboundDeliveryEvent(action: DeliveryEventAction, data: OutboundDeliveryEventData, source?: string): CloudEvent<OutboundDeliveryEventData> {
  return cloudEvent(`sap.s4.beh.outbounddelivery.v1.OutboundDelivery.${action}.v1`, data, source);
}

export function productEvent(action: ProductEventAction, data: ProductEventData, source?: string): CloudEvent<ProductEventData> {
  return cloudEvent(`sap.s4.beh.product.v1.Product.${action}.v1`, data, source);
}

/** `sha256=<hex HMAC-SHA256(secret, raw body)>`, the value of X-Webhook-Signature. */
export function webhookSignature(secret: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

export interface SendEventOptions {
  /** Adds `X-Webhook-Signature` computed over the exact bytes sent. */
  secret?: string;
  basicAuth?: { user: string; password: string };
  bearerToken?: string;
  /** Fetches a client-credentials token first, like an Event Mesh `oauth2` securitySchema. */
  oauth2?: { tokenUrl: string; clientId: string; clientSecret: string };
  /** Sends the CloudEvents webhook handshake (OPTIONS + WebHook-Request-Origin) first. */
  handshake?: boolean;
  headers?: Record<string, string>;
}

export interface SendEventResult {
  status: number;
  body: string;
}

const ORIGIN = 'sap-simulator.event-mesh.local';

async function clientCredentialsToken(oauth2: NonNullable<SendEventOptions['oauth2']>): Promise<string> {
  const basic = Buffer.from(`${encodeURIComponent(oauth2.clientId)}:${encodeURIComponent(oauth2.clientSecret)}`).toString('base64');
  const response = await fetch(oauth2.tokenUrl, {
    method: 'POST',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });
  const body = (await response.json()) as { access_token?: string };
  if (!response.ok || !body.access_token) throw new Error(`Token request to ${oauth2.tokenUrl} failed with HTTP ${response.status}`);
  return body.access_token;
}

export async function sendEvent(targetUrl: string, event: CloudEvent<unknown>, options: SendEventOptions = {}): Promise<SendEventResult> {
  if (options.handshake) {
    const response = await fetch(targetUrl, { method: 'OPTIONS', headers: { 'WebHook-Request-Origin': ORIGIN } });
    const allowed = response.headers.get('webhook-allowed-origin');
    if (response.status !== 200 || (allowed !== '*' && allowed !== ORIGIN)) {
      throw new Error(`Webhook handshake refused: HTTP ${response.status}, WebHook-Allowed-Origin ${allowed ?? 'missing'}`);
    }
  }
  const body = JSON.stringify(event);
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
  if (options.secret !== undefined) headers['x-webhook-signature'] = webhookSignature(options.secret, body);
  if (options.basicAuth) {
    headers.authorization = `Basic ${Buffer.from(`${options.basicAuth.user}:${options.basicAuth.password}`).toString('base64')}`;
  }
  const bearer = options.oauth2 ? await clientCredentialsToken(options.oauth2) : options.bearerToken;
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  const response = await fetch(targetUrl, { method: 'POST', headers, body });
  return { status: response.status, body: await response.text() };
}
