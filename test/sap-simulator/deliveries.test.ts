import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSapSimulator, sendEvent, type SapSimulator } from '../../tools/sap-simulator/index';
import { DELIVERIES, odataGet, PRODUCTS, requestToken, type Collection } from './helpers';

let sim: SapSimulator;
let token: string;

beforeAll(async () => {
  sim = await createSapSimulator({ products: 300, deliveries: 12 });
  token = await requestToken(sim);
});

afterAll(async () => {
  await sim.close();
});

const get = <T = any>(path: string) => odataGet<T>(sim, path, token);

describe('API_OUTBOUND_DELIVERY_SRV;v=0002', () => {
  it('numbers deliveries from 80000001', () => {
    expect(sim.deliveryIds()).toHaveLength(12);
    expect(sim.deliveryIds()[0]).toBe('80000001');
    expect(sim.deliveryIds()[11]).toBe('80000012');
  });

  it('reads a delivery with its items expanded, as the webhook flow does', async () => {
    const { status, json, headers } = await get(`${DELIVERIES}/A_OutbDeliveryHeader('80000001')?$expand=to_DeliveryDocumentItem&$format=json`);
    expect(status).toBe(200);
    const d = json.d;
    expect(d.__metadata.type).toBe('API_OUTBOUND_DELIVERY_SRV.A_OutbDeliveryHeaderType');
    expect(d.__metadata.etag).toBe(`W/"'${d.DeliveryVersion}'"`);
    expect(headers.get('etag')).toBe(d.__metadata.etag);
    expect(d).toMatchObject({ DeliveryDocument: '80000001', DeliveryDocumentType: 'LF', SDDocumentCategory: 'J', HeaderWeightUnit: 'KG' });
    expect(d.CreationTime).toMatch(/^PT\d+H\d+M\d+S$/);
    expect(d.to_DeliveryDocumentPartner).toHaveProperty('__deferred');
    const items = d.to_DeliveryDocumentItem.results;
    expect(items.length).toBeGreaterThan(0);
    items.forEach((item: any, k: number) => {
      expect(item.__metadata.type).toBe('API_OUTBOUND_DELIVERY_SRV.A_OutbDeliveryItemType');
      expect(item.DeliveryDocument).toBe('80000001');
      expect(item.DeliveryDocumentItem).toBe(String((k + 1) * 10).padStart(6, '0'));
      expect(item.ActualDeliveryQuantity).toMatch(/^\d+\.\d{3}$/);
      expect(item.HigherLevelItem).toBe('000000');
      // Items reference generated products, with the product master's text and group.
      const product = sim.product(item.Material);
      expect(product).toBeDefined();
      expect(item.MaterialGroup).toBe(product!.header.ProductGroup);
      expect(item.BaseUnit).toBe(product!.header.BaseUnit);
      expect(product!.unitsOfMeasure.map((u) => u.AlternativeUnit)).toContain(item.DeliveryQuantityUnit);
    });
  });

  it('accepts ;v=2 and echoes it in links', async () => {
    const { status, json } = await get(`/sap/opu/odata/sap/API_OUTBOUND_DELIVERY_SRV;v=2/A_OutbDeliveryHeader('80000002')`);
    expect(status).toBe(200);
    expect(json.d.__metadata.uri).toContain('API_OUTBOUND_DELIVERY_SRV;v=2/');
    expect(json.d.to_DeliveryDocumentItem.__deferred.uri).toMatch(/A_OutbDeliveryHeader\('80000002'\)\/to_DeliveryDocumentItem$/);
  });

  it('lists items with $filter=DeliveryDocument eq, via navigation and by key', async () => {
    const expected = sim.delivery('80000003')!.items.map((i) => i.DeliveryDocumentItem);
    const filtered = await get<Collection>(`${DELIVERIES}/A_OutbDeliveryItem?$filter=DeliveryDocument eq '80000003'`);
    expect(filtered.json.d.results.map((r) => r.DeliveryDocumentItem)).toEqual(expected);
    const navigated = await get<Collection>(`${DELIVERIES}/A_OutbDeliveryHeader('80000003')/to_DeliveryDocumentItem`);
    expect(navigated.json.d.results.map((r) => r.DeliveryDocumentItem)).toEqual(expected);
    const single = await get(`${DELIVERIES}/A_OutbDeliveryItem(DeliveryDocument='80000003',DeliveryDocumentItem='10')`);
    expect(single.json.d.DeliveryDocumentItem).toBe('000010');
  });

  it('lists headers as a collection', async () => {
    const { json } = await get<Collection>(`${DELIVERIES}/A_OutbDeliveryHeader?$inlinecount=allpages&$select=DeliveryDocument`);
    expect(json.d.__count).toBe('12');
    expect(json.d.results.map((r) => r.DeliveryDocument)).toEqual(sim.deliveryIds());
  });

  it('answers 404 for an unknown delivery and an unknown service', async () => {
    const missing = await get(`${DELIVERIES}/A_OutbDeliveryHeader('89999999')`);
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe('/IWBEP/CM_MGW_RT/020');
    expect(missing.json.error.message.value).toBe("Resource not found for segment 'A_OutbDeliveryHeaderType'");
    const service = await get(`/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder`);
    expect(service.status).toBe(404);
    expect(service.json.error.code).toBe('/IWFND/MED/170');
    const oldVersion = await get(`/sap/opu/odata/sap/API_OUTBOUND_DELIVERY_SRV/A_OutbDeliveryHeader('80000001')`);
    expect(oldVersion.json.error.code).toBe('/IWFND/MED/170');
    const unknownSet = await get(`${PRODUCTS}/A_Nope`);
    expect(unknownSet.status).toBe(404);
  });

  it('addDelivery creates a delivery for given materials', async () => {
    const created = sim.addDelivery({ items: [{ Material: 'TG11', quantity: 4 }] });
    expect(created.header.DeliveryDocument).toBe('80000013');
    const { json } = await get(`${DELIVERIES}/A_OutbDeliveryHeader('80000013')?$expand=to_DeliveryDocumentItem`);
    expect(json.d.to_DeliveryDocumentItem.results).toEqual([
      expect.objectContaining({ Material: 'TG11', ActualDeliveryQuantity: '4.000', DeliveryQuantityUnit: sim.product('TG11')!.header.BaseUnit }),
    ]);
  });
});

describe('events', () => {
  let receiver: Server;
  let receiverUrl: string;
  const received: Array<{ method: string; headers: IncomingMessage['headers']; body: string }> = [];

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        received.push({ method: req.method ?? '', headers: req.headers, body });
        if (req.method === 'OPTIONS') res.writeHead(200, { 'webhook-allowed-origin': '*' });
        else res.writeHead(202);
        res.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/sap/events`;
  });

  afterAll(async () => {
    await new Promise((resolve) => receiver.close(resolve));
  });

  it('POSTs a CloudEvents 1.0 outbound delivery event with an HMAC signature', async () => {
    received.length = 0;
    const event = sim.deliveryEvent('80000001', 'Created');
    const result = await sendEvent(receiverUrl, event, { secret: 'shh' });
    expect(result.status).toBe(202);
    const [post] = received;
    expect(post?.method).toBe('POST');
    expect(post?.headers['content-type']).toBe('application/json');
    const body = JSON.parse(post!.body);
    expect(body).toMatchObject({
      type: 'sap.s4.beh.outbounddelivery.v1.OutboundDelivery.Created.v1',
      specversion: '1.0',
      datacontenttype: 'application/json',
      data: { OutboundDelivery: '80000001', DeliveryDocumentType: 'LF', SalesOrganization: '1010', SDDocumentCategory: 'J' },
    });
    expect(body.source).toMatch(/^\/default\/sap\.s4\.beh\//);
    expect(body.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const expected = `sha256=${createHmac('sha256', 'shh').update(post!.body).digest('hex')}`;
    expect(post?.headers['x-webhook-signature']).toBe(expected);
  });

  it('does the webhook handshake and sends product events without a signature', async () => {
    received.length = 0;
    await sendEvent(receiverUrl, sim.productEvent('TG11', 'Changed'), { handshake: true, basicAuth: { user: 'u', password: 'p' } });
    expect(received.map((r) => r.method)).toEqual(['OPTIONS', 'POST']);
    expect(received[0]?.headers['webhook-request-origin']).toBeTruthy();
    expect(received[1]?.headers['x-webhook-signature']).toBeUndefined();
    expect(received[1]?.headers.authorization).toBe(`Basic ${Buffer.from('u:p').toString('base64')}`);
    expect(JSON.parse(received[1]!.body)).toMatchObject({ type: 'sap.s4.beh.product.v1.Product.Changed.v1', data: { Product: 'TG11' } });
  });

  it('fetches a token first for an oauth2 receiver', async () => {
    received.length = 0;
    await sendEvent(receiverUrl, sim.deliveryEvent('80000002', 'GIStatusChanged'), {
      oauth2: { tokenUrl: sim.tokenUrl, clientId: sim.clientId, clientSecret: sim.clientSecret },
    });
    expect(received[0]?.headers.authorization).toMatch(/^Bearer \S+$/);
    expect(JSON.parse(received[0]!.body).data).toHaveProperty('OverallGoodsMovementStatus');
  });
});
