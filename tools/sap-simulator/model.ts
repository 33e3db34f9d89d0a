// Entity metadata of the two simulated services, with the exact names from the tenant $metadata
// (see /work/shared/reference/sap-s4hana.md, sections 1 and 2). The property maps are the single
// source of truth: output order, $filter/$orderby typing and the TypeScript row types derive from them.

export type EdmType =
  | 'Edm.String'
  | 'Edm.Decimal'
  | 'Edm.Boolean'
  | 'Edm.Byte'
  | 'Edm.DateTime'
  | 'Edm.DateTimeOffset'
  | 'Edm.Time';

/** How the simulator holds each EDM type in memory (the wire format is applied by format.ts). */
type Held<T extends EdmType> = T extends 'Edm.Decimal' | 'Edm.String'
  ? string // decimals stay strings, as on the wire, so tests can inject non-numeric values
  : T extends 'Edm.Boolean'
    ? boolean
    : T extends 'Edm.DateTime'
      ? number | null // ms since epoch, UTC midnight for date-only fields
      : number; // Edm.DateTimeOffset: ms since epoch; Edm.Time: seconds of the day; Edm.Byte

type RowOf<P extends Record<string, EdmType>> = { -readonly [K in keyof P]: Held<P[K]> };

export interface EntityType {
  /** Entity set name, e.g. `A_Product`. */
  set: string;
  /** Qualified type name used in `__metadata.type` and in 404 messages. */
  namespace: string;
  typeName: string;
  keys: readonly string[];
  properties: Readonly<Record<string, EdmType>>;
  /**
   * Navigation properties in output order. The value is the target entity set when the
   * simulator serves it, or null when it only appears as `__deferred` (answered with 501).
   */
  navigation: Readonly<Record<string, string | null>>;
  /** Property whose value is the entity's ETag (ConcurrencyMode=Fixed in $metadata). */
  etag?: string;
}

const PRODUCT_PROPS = {
  Product: 'Edm.String',
  ProductType: 'Edm.String',
  CreationDate: 'Edm.DateTime',
  CreatedByUser: 'Edm.String',
  LastChangeDate: 'Edm.DateTime',
  LastChangedByUser: 'Edm.String',
  IsMarkedForDeletion: 'Edm.Boolean',
  GrossWeight: 'Edm.Decimal',
  WeightUnit: 'Edm.String',
  NetWeight: 'Edm.Decimal',
  ProductGroup: 'Edm.String',
  ExternalProductGroup: 'Edm.String',
  BaseUnit: 'Edm.String',
  ItemCategoryGroup: 'Edm.String',
  Division: 'Edm.String',
  MaterialVolume: 'Edm.Decimal',
  VolumeUnit: 'Edm.String',
  SizeOrDimensionText: 'Edm.String',
  ProductStandardID: 'Edm.String',
  IndustrySector: 'Edm.String',
  ProductHierarchy: 'Edm.String',
  Brand: 'Edm.String',
  MaximumPackagingLength: 'Edm.Decimal',
  MaximumPackagingWidth: 'Edm.Decimal',
  MaximumPackagingHeight: 'Edm.Decimal',
  UnitForMaxPackagingDimensions: 'Edm.String',
  ValidityStartDate: 'Edm.DateTime',
  LastChangeDateTime: 'Edm.DateTimeOffset',
} as const satisfies Record<string, EdmType>;

const DESCRIPTION_PROPS = {
  Product: 'Edm.String',
  Language: 'Edm.String',
  ProductDescription: 'Edm.String',
} as const satisfies Record<string, EdmType>;

const UNIT_PROPS = {
  Product: 'Edm.String',
  AlternativeUnit: 'Edm.String',
  QuantityNumerator: 'Edm.Decimal',
  QuantityDenominator: 'Edm.Decimal',
  MaterialVolume: 'Edm.Decimal',
  VolumeUnit: 'Edm.String',
  GrossWeight: 'Edm.Decimal',
  WeightUnit: 'Edm.String',
  GlobalTradeItemNumber: 'Edm.String',
  GlobalTradeItemNumberCategory: 'Edm.String',
  UnitSpecificProductLength: 'Edm.Decimal',
  UnitSpecificProductWidth: 'Edm.Decimal',
  UnitSpecificProductHeight: 'Edm.Decimal',
  ProductMeasurementUnit: 'Edm.String',
  LowerLevelPackagingUnit: 'Edm.String',
  RemainingVolumeAfterNesting: 'Edm.Decimal',
  MaximumStackingFactor: 'Edm.Byte',
  CapacityUsage: 'Edm.Decimal',
  BaseUnit: 'Edm.String',
} as const satisfies Record<string, EdmType>;

const DELIVERY_HEADER_PROPS = {
  DeliveryDocument: 'Edm.String',
  DeliveryDocumentType: 'Edm.String',
  SDDocumentCategory: 'Edm.String',
  ShippingPoint: 'Edm.String',
  ShipToParty: 'Edm.String',
  SoldToParty: 'Edm.String',
  SalesOrganization: 'Edm.String',
  DocumentDate: 'Edm.DateTime',
  CreationDate: 'Edm.DateTime',
  CreationTime: 'Edm.Time',
  LastChangeDate: 'Edm.DateTime',
  DeliveryDate: 'Edm.DateTime',
  PlannedGoodsIssueDate: 'Edm.DateTime',
  ActualGoodsMovementDate: 'Edm.DateTime',
  PickingDate: 'Edm.DateTime',
  LoadingDate: 'Edm.DateTime',
  HeaderGrossWeight: 'Edm.Decimal',
  HeaderNetWeight: 'Edm.Decimal',
  HeaderWeightUnit: 'Edm.String',
  HeaderVolume: 'Edm.Decimal',
  HeaderVolumeUnit: 'Edm.String',
  OverallGoodsMovementStatus: 'Edm.String',
  OverallPickingStatus: 'Edm.String',
  OverallPackingStatus: 'Edm.String',
  OverallSDProcessStatus: 'Edm.String',
  TotalNumberOfPackage: 'Edm.String',
  DeliveryVersion: 'Edm.String',
} as const satisfies Record<string, EdmType>;

const DELIVERY_ITEM_PROPS = {
  DeliveryDocument: 'Edm.String',
  DeliveryDocumentItem: 'Edm.String',
  DeliveryDocumentItemCategory: 'Edm.String',
  Material: 'Edm.String',
  MaterialByCustomer: 'Edm.String',
  OriginallyRequestedMaterial: 'Edm.String',
  InternationalArticleNumber: 'Edm.String',
  DeliveryDocumentItemText: 'Edm.String',
  MaterialGroup: 'Edm.String',
  ActualDeliveryQuantity: 'Edm.Decimal',
  DeliveryQuantityUnit: 'Edm.String',
  ActualDeliveredQtyInBaseUnit: 'Edm.Decimal',
  BaseUnit: 'Edm.String',
  OriginalDeliveryQuantity: 'Edm.Decimal',
  DeliveryToBaseQuantityNmrtr: 'Edm.Decimal',
  DeliveryToBaseQuantityDnmntr: 'Edm.Decimal',
  Plant: 'Edm.String',
  StorageLocation: 'Edm.String',
  Batch: 'Edm.String',
  ItemGrossWeight: 'Edm.Decimal',
  ItemNetWeight: 'Edm.Decimal',
  ItemWeightUnit: 'Edm.String',
  ItemVolume: 'Edm.Decimal',
  ItemVolumeUnit: 'Edm.String',
  ReferenceSDDocument: 'Edm.String',
  ReferenceSDDocumentItem: 'Edm.String',
  HigherLevelItem: 'Edm.String',
  GoodsMovementStatus: 'Edm.String',
  PickingStatus: 'Edm.String',
  CreationDate: 'Edm.DateTime',
  LastChangeDate: 'Edm.DateTime',
} as const satisfies Record<string, EdmType>;

export type ProductHeader = RowOf<typeof PRODUCT_PROPS>;
export type ProductDescription = RowOf<typeof DESCRIPTION_PROPS>;
export type ProductUnitOfMeasure = RowOf<typeof UNIT_PROPS>;
export type DeliveryHeader = RowOf<typeof DELIVERY_HEADER_PROPS>;
export type DeliveryItem = RowOf<typeof DELIVERY_ITEM_PROPS>;

const PRODUCT_NS = 'API_PRODUCT_SRV';
const DELIVERY_NS = 'API_OUTBOUND_DELIVERY_SRV';

export const PRODUCT_TYPE: EntityType = {
  set: 'A_Product',
  namespace: PRODUCT_NS,
  typeName: 'A_ProductType',
  keys: ['Product'],
  properties: PRODUCT_PROPS,
  navigation: {
    to_Description: 'A_ProductDescription',
    to_Plant: null,
    to_ProductBasicText: null,
    to_ProductInspectionText: null,
    to_ProductProcurement: null,
    to_ProductPurchaseText: null,
    to_ProductQualityMgmt: null,
    to_ProductSales: null,
    to_ProductSalesTax: null,
    to_ProductStorage: null,
    to_ProductUnitsOfMeasure: 'A_ProductUnitsOfMeasure',
    to_SalesDelivery: null,
    to_Valuation: null,
  },
};

export const DESCRIPTION_TYPE: EntityType = {
  set: 'A_ProductDescription',
  namespace: PRODUCT_NS,
  typeName: 'A_ProductDescriptionType',
  keys: ['Product', 'Language'],
  properties: DESCRIPTION_PROPS,
  navigation: {},
};

export const UNIT_TYPE: EntityType = {
  set: 'A_ProductUnitsOfMeasure',
  namespace: PRODUCT_NS,
  typeName: 'A_ProductUnitsOfMeasureType',
  keys: ['Product', 'AlternativeUnit'],
  properties: UNIT_PROPS,
  navigation: { to_InternationalArticleNumber: null },
};

export const DELIVERY_HEADER_TYPE: EntityType = {
  set: 'A_OutbDeliveryHeader',
  namespace: DELIVERY_NS,
  typeName: 'A_OutbDeliveryHeaderType',
  keys: ['DeliveryDocument'],
  properties: DELIVERY_HEADER_PROPS,
  navigation: {
    to_DeliveryDocumentItem: 'A_OutbDeliveryItem',
    to_DeliveryDocumentPartner: null,
    to_DeliveryDocumentText: null,
    to_HandlingUnitHeaderDelivery: null,
  },
  etag: 'DeliveryVersion',
};

export const DELIVERY_ITEM_TYPE: EntityType = {
  set: 'A_OutbDeliveryItem',
  namespace: DELIVERY_NS,
  typeName: 'A_OutbDeliveryItemType',
  keys: ['DeliveryDocument', 'DeliveryDocumentItem'],
  properties: DELIVERY_ITEM_PROPS,
  navigation: {
    to_DeliveryDocumentItemText: null,
    to_DocumentFlow: null,
    to_HandlingUnitItemDelivery: null,
    to_SerialDeliveryItem: null,
  },
};
