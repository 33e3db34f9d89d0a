/**
 * The product's own entities that host-system data is mapped onto: the target side of every
 * field mapping. Dimensions and weights are stored in canonical units (millimetres, kilograms);
 * a connector declares the unit kind of its source fields and values are converted on the way in.
 */
export type ValueKind = 'string' | 'number' | 'length' | 'weight' | 'datetime' | 'boolean';

export interface TargetField {
  name: string;
  kind: ValueKind;
  required: boolean;
  description: string;
}

export const itemFields: readonly TargetField[] = [
  { name: 'sku', kind: 'string', required: true, description: 'Stock keeping unit; identifies the item within the organization' },
  { name: 'name', kind: 'string', required: false, description: 'Display name' },
  { name: 'length', kind: 'length', required: false, description: 'Length, stored in millimetres' },
  { name: 'width', kind: 'length', required: false, description: 'Width, stored in millimetres' },
  { name: 'height', kind: 'length', required: false, description: 'Height, stored in millimetres' },
  { name: 'weight', kind: 'weight', required: false, description: 'Gross weight, stored in kilograms' },
  { name: 'category', kind: 'string', required: false, description: 'Category or material group' },
];

export const deliveryFields: readonly TargetField[] = [
  { name: 'orderId', kind: 'string', required: true, description: 'Delivery or order number in the host system' },
  { name: 'lineNumber', kind: 'string', required: false, description: 'Line (item) number within the delivery' },
  { name: 'sku', kind: 'string', required: true, description: 'SKU of the item on this line' },
  { name: 'quantity', kind: 'number', required: true, description: 'Quantity on this line' },
  { name: 'quantityUnit', kind: 'string', required: false, description: 'Unit of the quantity' },
  { name: 'shipTo', kind: 'string', required: false, description: 'Ship-to party' },
  { name: 'plannedShipDate', kind: 'datetime', required: false, description: 'Planned goods issue / ship date' },
];

export type MappingSet = 'itemMappings' | 'deliveryMappings';

export const targetFields: Record<MappingSet, readonly TargetField[]> = {
  itemMappings: itemFields,
  deliveryMappings: deliveryFields,
};

/** Target field name -> source field name. */
export type FieldMap = Record<string, string>;

export interface FieldMappings {
  itemMappings: FieldMap;
  deliveryMappings: FieldMap;
}

/**
 * A mapping set in the order its target fields are declared above. PostgreSQL's jsonb does not
 * keep key order, so every reader goes through this to answer the same on both databases.
 */
export function inFieldOrder(set: MappingSet, map: FieldMap): FieldMap {
  const order = targetFields[set].map((field) => field.name);
  return Object.fromEntries(Object.entries(map).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)));
}
