/**
 * Outbound deliveries from API_OUTBOUND_DELIVERY_SRV v0002 (reference section 2): the header
 * with its items expanded, one SourceRecord per item carrying the header fields too.
 */
import type { SourceDelivery, SourceRecord, SourceValue } from '../types';
import type { SapApi } from './api';
import { expanded, keyLiteral, parseODataDate, queryString, sapText, unwrapEntity, type ODataEntity } from './odata';

const SERVICE = '/sap/opu/odata/sap/API_OUTBOUND_DELIVERY_SRV;v=0002';

/** A date as a Date; anything else SAP sends (other than null) is passed on for the sync to report. */
function date(value: unknown): SourceValue {
  if (value === null || value === undefined) return null;
  return parseODataDate(value) ?? (typeof value === 'string' ? value : String(value));
}

/** Decimals stay strings (Edm.Decimal on the wire); the domain parses them. */
function decimal(value: unknown): SourceValue {
  return typeof value === 'string' || typeof value === 'number' ? value : null;
}

export function mapDelivery(header: ODataEntity): SourceDelivery {
  const number = typeof header.DeliveryDocument === 'string' ? header.DeliveryDocument : '';
  const shared = {
    DeliveryNumber: sapText(number),
    ShipToParty: sapText(header.ShipToParty),
    PlannedGoodsIssueDate: date(header.PlannedGoodsIssueDate),
  };
  const lines = expanded(header, 'to_DeliveryDocumentItem').map((item): SourceRecord => {
    const position = typeof item.DeliveryDocumentItem === 'string' ? item.DeliveryDocumentItem : '';
    return {
      externalId: `${number}/${position}`,
      fields: {
        ...shared,
        DeliveryItem: sapText(position),
        MaterialNumber: sapText(item.Material),
        DeliveryQuantity: decimal(item.ActualDeliveryQuantity),
        DeliveryQuantityUnit: sapText(item.DeliveryQuantityUnit),
      },
    };
  });
  return { externalId: number, lines };
}

/** One delivery by its number, or null when SAP has none. */
export async function fetchDelivery(api: SapApi, number: string, signal?: AbortSignal): Promise<SourceDelivery | null> {
  const query = queryString([['$expand', 'to_DeliveryDocumentItem'], ['$format', 'json']]);
  const url = `${api.tenantUrl}${SERVICE}/A_OutbDeliveryHeader(${keyLiteral(number)})?${query}`;
  const what = `A_OutbDeliveryHeader('${number}') (API_OUTBOUND_DELIVERY_SRV)`;
  const body = await api.getEntity(url, what, signal);
  return body === null ? null : mapDelivery(unwrapEntity(body, what));
}
