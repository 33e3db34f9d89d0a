// Outbound deliveries (80000001, 80000002, ...) generated from (seed, index). Their items point at
// generated products and take text, units and weights from the product master at request time.

import type { DeliveryHeader, DeliveryItem } from './model';
import { midnight, type ProductRecord, type ProductStore } from './products';
import { rngFor } from './rng';
import { decimal3, toKg, toM3 } from './units';

export interface DeliveryRecord {
  header: DeliveryHeader;
  /** A_OutbDeliveryItem rows in key order (DeliveryDocumentItem). */
  items: DeliveryItem[];
}

export interface DeliveryItemInput {
  Material: string;
  quantity: number;
  /** Sales unit; defaults to the product's base unit. */
  unit?: string;
}

export interface DeliveryInput {
  items: DeliveryItemInput[];
  header?: Partial<Omit<DeliveryHeader, 'DeliveryDocument'>>;
}

const FIRST_DELIVERY = 80000001;
const DAY = 86_400_000;
const WINDOW_START = Date.UTC(2024, 9, 1);
const CUSTOMERS = ['10100001', '10100002', '10100003', '10100004', '17100001', '17100002'] as const;

interface Situation {
  created: number;
  goodsIssued: boolean;
  pickingStatus: string;
}

function itemNumber(position: number): string {
  return String(position * 10).padStart(6, '0');
}

function buildItem(
  delivery: string,
  position: number,
  material: string,
  product: ProductRecord | undefined,
  quantity: number,
  unit: string,
  salesOrder: string,
  s: Situation,
  language: string,
): DeliveryItem {
  const header = product?.header;
  const unitRow = product?.unitsOfMeasure.find((u) => u.AlternativeUnit === unit);
  const numerator = unitRow ? Number(unitRow.QuantityNumerator) : 1;
  const denominator = unitRow ? Number(unitRow.QuantityDenominator) : 1;
  const baseQuantity = (quantity * numerator) / denominator;
  const weight = (value: string | undefined): string => {
    const kg = header && value !== undefined ? toKg(value, header.WeightUnit) * baseQuantity : 0;
    return decimal3(Number.isFinite(kg) ? kg : 0);
  };
  const m3 = header ? toM3(header.MaterialVolume, header.VolumeUnit) * baseQuantity : 0;
  const text =
    product?.descriptions.find((d) => d.Language === language)?.ProductDescription ??
    product?.descriptions[0]?.ProductDescription ??
    '';
  return {
    DeliveryDocument: delivery,
    DeliveryDocumentItem: itemNumber(position),
    DeliveryDocumentItemCategory: 'TAN',
    Material: material,
    MaterialByCustomer: '',
    OriginallyRequestedMaterial: '',
    InternationalArticleNumber: header?.ProductStandardID ?? '',
    DeliveryDocumentItemText: text,
    MaterialGroup: header?.ProductGroup ?? '',
    ActualDeliveryQuantity: decimal3(quantity),
    DeliveryQuantityUnit: unit,
    ActualDeliveredQtyInBaseUnit: decimal3(baseQuantity),
    BaseUnit: header?.BaseUnit ?? unit,
    OriginalDeliveryQuantity: decimal3(quantity),
    DeliveryToBaseQuantityNmrtr: String(numerator),
    DeliveryToBaseQuantityDnmntr: String(denominator),
    Plant: '1010',
    StorageLocation: '101A',
    Batch: '',
    ItemGrossWeight: weight(header?.GrossWeight),
    ItemNetWeight: weight(header?.NetWeight),
    ItemWeightUnit: 'KG',
    ItemVolume: decimal3(Number.isFinite(m3) ? m3 : 0),
    ItemVolumeUnit: 'M3',
    ReferenceSDDocument: salesOrder,
    ReferenceSDDocumentItem: itemNumber(position),
    HigherLevelItem: '000000',
    GoodsMovementStatus: s.goodsIssued ? 'C' : 'A',
    PickingStatus: s.pickingStatus,
    CreationDate: midnight(s.created),
    LastChangeDate: s.goodsIssued ? midnight(s.created) + DAY : null,
  };
}

function buildHeader(delivery: string, items: DeliveryItem[], customer: string, s: Situation, leadDays: number): DeliveryHeader {
  const sum = (pick: (i: DeliveryItem) => string): string => decimal3(items.reduce((total, i) => total + Number(pick(i)), 0));
  const creationDate = midnight(s.created);
  const deliveryDate = creationDate + leadDays * DAY;
  const goodsIssueDate = deliveryDate - DAY;
  return {
    DeliveryDocument: delivery,
    DeliveryDocumentType: 'LF',
    SDDocumentCategory: 'J',
    ShippingPoint: '1010',
    ShipToParty: customer,
    SoldToParty: customer,
    SalesOrganization: '1010',
    DocumentDate: creationDate,
    CreationDate: creationDate,
    CreationTime: Math.floor((s.created - creationDate) / 1000),
    LastChangeDate: s.goodsIssued ? goodsIssueDate : null,
    DeliveryDate: deliveryDate,
    PlannedGoodsIssueDate: goodsIssueDate,
    ActualGoodsMovementDate: s.goodsIssued ? goodsIssueDate : null,
    PickingDate: goodsIssueDate,
    LoadingDate: goodsIssueDate,
    HeaderGrossWeight: sum((i) => i.ItemGrossWeight),
    HeaderNetWeight: sum((i) => i.ItemNetWeight),
    HeaderWeightUnit: 'KG',
    HeaderVolume: sum((i) => i.ItemVolume),
    HeaderVolumeUnit: 'M3',
    OverallGoodsMovementStatus: s.goodsIssued ? 'C' : 'A',
    OverallPickingStatus: s.pickingStatus,
    OverallPackingStatus: '',
    OverallSDProcessStatus: s.goodsIssued ? 'C' : 'B',
    TotalNumberOfPackage: '0',
    // DeliveryVersion is the ETag; goods issue counts as a change.
    DeliveryVersion: s.goodsIssued ? '0002' : '0001',
  };
}

export class DeliveryStore {
  private readonly added: DeliveryRecord[] = [];

  constructor(
    private readonly seed: number,
    readonly generatedCount: number,
    private readonly products: ProductStore,
  ) {}

  get size(): number {
    return this.generatedCount + this.added.length;
  }

  idAt(i: number): string {
    return String(FIRST_DELIVERY + i);
  }

  allIds(): string[] {
    return Array.from({ length: this.size }, (_, i) => this.idAt(i));
  }

  indexOf(id: string): number | undefined {
    const i = Number(id) - FIRST_DELIVERY;
    return /^\d+$/.test(id) && i >= 0 && i < this.size ? i : undefined;
  }

  record(i: number): DeliveryRecord {
    const added = this.added[i - this.generatedCount];
    if (added) return structuredClone(added);
    const id = this.idAt(i);
    const r = rngFor(this.seed, 4, i);
    const s: Situation = {
      created: WINDOW_START + r.int(0, 90 * 86_400) * 1000,
      goodsIssued: r.chance(0.6),
      pickingStatus: r.pick(['A', 'B', 'C']),
    };
    if (s.goodsIssued) s.pickingStatus = 'C';
    const customer = r.pick(CUSTOMERS);
    const leadDays = r.int(1, 7);
    const salesOrder = String(r.int(1, 9999));
    const positions = this.products.generatedCount === 0 ? 0 : r.int(1, 5);
    const items: DeliveryItem[] = [];
    for (let p = 1; p <= positions; p++) {
      const product = this.products.peek(r.int(0, this.products.generatedCount - 1));
      const caseRow = product.unitsOfMeasure.find((u) => u.AlternativeUnit !== product.header.BaseUnit);
      const inCases = caseRow !== undefined && r.chance(0.25);
      const quantity = inCases ? r.int(1, 10) : r.int(1, 50);
      const unit = inCases ? caseRow.AlternativeUnit : product.header.BaseUnit;
      items.push(buildItem(id, p, product.header.Product, product, quantity, unit, salesOrder, s, this.products.language));
    }
    return { header: buildHeader(id, items, customer, s, leadDays), items };
  }

  add(input: DeliveryInput, now = Date.now()): DeliveryRecord {
    const id = this.idAt(this.size);
    const s: Situation = { created: now, goodsIssued: false, pickingStatus: 'A' };
    const items = input.items.map((item, k) => {
      const index = this.products.indexOf(item.Material);
      const product = index === undefined ? undefined : this.products.peek(index);
      const unit = item.unit ?? product?.header.BaseUnit ?? 'PC';
      return buildItem(id, k + 1, item.Material, product, item.quantity, unit, '', s, this.products.language);
    });
    const record: DeliveryRecord = {
      header: { ...buildHeader(id, items, CUSTOMERS[0], s, 2), ...input.header, DeliveryDocument: id },
      items,
    };
    this.added.push(record);
    return structuredClone(record);
  }
}
