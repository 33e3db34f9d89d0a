/**
 * SAP S/4HANA: what the connector offers. Source field names are the logical names users map
 * (as in FractalPack's docs); the connector resolves them to SAP's OData properties
 * (API_PRODUCT_SRV, API_OUTBOUND_DELIVERY_SRV).
 */
import type { ConnectorDefinition } from '../types';
import { createSapClient } from './client';
import { sapWebhooks } from './webhooks';

const lengthUnits = ['MM', 'CM', 'M', 'IN', 'FT'];
const weightUnits = ['G', 'KG', 'LB', 'OZ'];

export const sapS4hana: ConnectorDefinition = {
  connectorType: 'sap-s4hana',
  displayName: 'SAP S/4HANA',
  description: 'Sync materials and deliveries from SAP S/4HANA',
  requiredCredentialFields: ['clientId', 'clientSecret', 'tokenUrl'],
  optionalCredentialFields: [],
  urlCredentialFields: ['tokenUrl'],
  secretCredentialFields: ['clientSecret'],
  // The token URL receives the client secret; the tenant URL, tokens obtained with it.
  secretDestinations: [
    { field: 'tenantUrl', guards: ['clientSecret'] },
    { field: 'credentials.tokenUrl', guards: ['clientSecret'] },
  ],
  help: {
    tenantUrl: 'The API host of the S/4HANA Cloud tenant, e.g. https://my-sap-instance.s4hana.cloud',
    credentials: {
      clientId: 'OAuth 2.0 client id of the communication arrangement (client credentials)',
      clientSecret: 'The client secret of that communication user',
      tokenUrl: 'The OAuth token endpoint, e.g. https://<subdomain>.authentication.<region>.hana.ondemand.com/oauth/token',
    },
  },
  sourceFields: {
    itemMappings: [
      { name: 'MaterialNumber', kind: 'string', description: 'A_Product.Product' },
      { name: 'MaterialDescription', kind: 'string', description: 'A_ProductDescription.ProductDescription in the configured language' },
      { name: 'MaterialGroup', kind: 'string', description: 'A_Product.ProductGroup' },
      { name: 'MaterialType', kind: 'string', description: 'A_Product.ProductType' },
      { name: 'BaseUnit', kind: 'string', description: 'A_Product.BaseUnit' },
      { name: 'GrossLength', kind: 'length', description: 'Base-unit row of A_ProductUnitsOfMeasure: UnitSpecificProductLength', units: lengthUnits },
      { name: 'GrossWidth', kind: 'length', description: 'Base-unit row of A_ProductUnitsOfMeasure: UnitSpecificProductWidth', units: lengthUnits },
      { name: 'GrossHeight', kind: 'length', description: 'Base-unit row of A_ProductUnitsOfMeasure: UnitSpecificProductHeight', units: lengthUnits },
      { name: 'GrossWeight', kind: 'weight', description: 'A_Product.GrossWeight with WeightUnit', units: weightUnits },
      { name: 'NetWeight', kind: 'weight', description: 'A_Product.NetWeight with WeightUnit', units: weightUnits },
      { name: 'GTIN', kind: 'string', description: 'A_Product.ProductStandardID' },
    ],
    deliveryMappings: [
      { name: 'DeliveryNumber', kind: 'string', description: 'A_OutbDeliveryHeader.DeliveryDocument' },
      { name: 'DeliveryItem', kind: 'string', description: 'A_OutbDeliveryItem.DeliveryDocumentItem' },
      { name: 'MaterialNumber', kind: 'string', description: 'A_OutbDeliveryItem.Material' },
      { name: 'DeliveryQuantity', kind: 'number', description: 'A_OutbDeliveryItem.ActualDeliveryQuantity' },
      { name: 'DeliveryQuantityUnit', kind: 'string', description: 'A_OutbDeliveryItem.DeliveryQuantityUnit' },
      { name: 'ShipToParty', kind: 'string', description: 'A_OutbDeliveryHeader.ShipToParty' },
      { name: 'PlannedGoodsIssueDate', kind: 'datetime', description: 'A_OutbDeliveryHeader.PlannedGoodsIssueDate' },
    ],
  },
  defaultMappings: {
    itemMappings: {
      sku: 'MaterialNumber',
      name: 'MaterialDescription',
      length: 'GrossLength',
      width: 'GrossWidth',
      height: 'GrossHeight',
      weight: 'GrossWeight',
      category: 'MaterialGroup',
    },
    deliveryMappings: {
      orderId: 'DeliveryNumber',
      sku: 'MaterialNumber',
      quantity: 'DeliveryQuantity',
    },
  },
  webhooks: sapWebhooks,
  connect: createSapClient,
};
