/**
 * One delivery (an order with its lines) by id, as the transfer of a delivery hook reads it.
 * Like SAP's deliveries, every line record carries the header's fields too, so a mapping can
 * take `orderId` or `shipTo` from the header and `sku` or `quantity` from the line; where both
 * have a field of the same name, the line's wins.
 */
import type { SourceDelivery, SourceRecord, SourceValue } from '../types';
import type { JsonApi } from './api';
import { flatten, idText, valueAt } from './json-path';
import { expectObject } from './records';
import type { GenericSettings } from './settings';
import { ConnectorError } from '../types';

/** Header fields: everything except the lines themselves. */
function headerFields(header: Record<string, unknown>, linesPath: string): Record<string, SourceValue> {
  const fields = flatten(header);
  for (const key of Object.keys(fields)) if (key === linesPath || key.startsWith(`${linesPath}.`)) delete fields[key];
  return fields;
}

export function deliveryFrom(header: Record<string, unknown>, id: string, settings: GenericSettings, what: string): SourceDelivery {
  const { linesPath, lineIdField } = settings.deliveries;
  const lines = valueAt(header, linesPath);
  if (!Array.isArray(lines)) throw new ConnectorError(`the API's delivery ${id} has no array of lines at "${linesPath}" (settings.deliveries.linesPath)`, 'protocol');
  const shared = headerFields(header, linesPath);
  return {
    externalId: id,
    lines: lines.map((raw, index): SourceRecord => {
      const line = expectObject(raw, `${what}, line ${index}`, 'settings.deliveries.linesPath');
      const number = (lineIdField === undefined ? undefined : idText(valueAt(line, lineIdField))) ?? String(index + 1);
      return { externalId: `${id}/${number}`, fields: { ...shared, ...flatten(line) } };
    }),
  };
}

/** One delivery by its id, or null when the API answers 404. */
export async function fetchDelivery(api: JsonApi, settings: GenericSettings, id: string, signal?: AbortSignal): Promise<SourceDelivery | null> {
  const url = api.url(settings.deliveries.path, [], id);
  const body = await api.getRecord(url, 'check settings.deliveries.path', signal);
  if (body === null) return null;
  const what = `GET ${new URL(url).pathname}`;
  return deliveryFrom(expectObject(valueAt(body, settings.deliveries.resultPath), what, 'settings.deliveries.resultPath'), id, settings, what);
}
