/** The request bodies of seed 000 (shared/seeds/000_…), verbatim. */
export const seedConfigureBody = {
  tenantUrl: 'https://my-sap-instance.s4hana.cloud',
  enabled: true,
  credentials: {
    clientId: 'your-client-id',
    clientSecret: 'your-client-secret',
    tokenUrl: 'https://my-sap-instance.authentication.us10.hana.ondemand.com/oauth/token',
  },
  settings: {
    webhookSecret: 'whsec_abc123...',
  },
  fieldMappings: {
    itemMappings: {
      sku: 'MaterialNumber',
      length: 'GrossLength',
      width: 'GrossWidth',
      height: 'GrossHeight',
      weight: 'GrossWeight',
    },
  },
};

export const seedMappingsBody = {
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
};

/** Every secret value above: none of them may ever leave the hub. */
export const seedSecrets = ['your-client-secret', 'whsec_abc123...'];
