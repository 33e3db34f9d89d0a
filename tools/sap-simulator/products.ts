// Product master data: generated from (seed, index) on demand, so a 100k-product tenant holds only
// ids and change timestamps in memory. Records that tests add or change are kept as overrides.

import type { ProductDescription, ProductHeader, ProductUnitOfMeasure } from './model';
import { rngFor, type Rng } from './rng';
import { decimal3, formatLength, formatVolume, formatWeight } from './units';

export type Language = 'EN' | 'DE';

export interface ProductRecord {
  header: ProductHeader;
  /** A_ProductDescription rows, in key order (Language). */
  descriptions: ProductDescription[];
  /** A_ProductUnitsOfMeasure rows, in key order (AlternativeUnit); one has AlternativeUnit == BaseUnit. */
  unitsOfMeasure: ProductUnitOfMeasure[];
}

export interface ProductPatch {
  header?: Partial<Omit<ProductHeader, 'Product'>>;
  /** Replaces all descriptions. */
  descriptions?: Array<{ Language: string; ProductDescription: string }>;
  /** Replaces all unit rows; omitted fields get blank values ("0.000", ""). */
  unitsOfMeasure?: Array<Partial<Omit<ProductUnitOfMeasure, 'Product'>> & { AlternativeUnit: string }>;
}

export interface ProductInput extends ProductPatch {
  Product: string;
}

const DAY = 86_400_000;
/** Fixed window, so the same seed always gives the same tenant whatever the clock says. */
const DATA_START = Date.UTC(2016, 0, 1);
const DATA_END = Date.UTC(2025, 0, 1);

const FERT_GROUPS = ['P001', 'P002', 'P003', 'P004', 'A001'] as const;
const HAWA_GROUPS = ['L001', 'L002', 'L003', 'L004'] as const;
const USERS = ['CB9980000010', 'CB9980000021', 'CB9980000032', 'CC0000000001'] as const;
// Weighted lists: MM is the most common dimension unit, then CM, IN, M.
const DIMENSION_UNITS = ['MM', 'MM', 'MM', 'MM', 'CM', 'CM', 'CM', 'M', 'IN', 'IN'] as const;
const CASE_SIZES: ReadonlyArray<[number, number, number, number]> = [
  // pieces per case and how they are stacked (length x width x height)
  [6, 3, 2, 1],
  [8, 2, 2, 2],
  [10, 5, 2, 1],
  [12, 3, 2, 2],
  [20, 5, 2, 2],
  [24, 4, 3, 2],
  [48, 4, 4, 3],
];
const NOUNS: ReadonlyArray<[string, string]> = [
  ['Office Chair', 'Bürostuhl'],
  ['Desk Lamp', 'Schreibtischlampe'],
  ['Hex Bolt', 'Sechskantschraube'],
  ['Cable Tie', 'Kabelbinder'],
  ['Water Pump', 'Wasserpumpe'],
  ['Gear Motor', 'Getriebemotor'],
  ['Safety Helmet', 'Schutzhelm'],
  ['Bicycle Helmet', 'Fahrradhelm'],
  ['Coffee Mug', 'Kaffeebecher'],
  ['Notebook', 'Notizbuch'],
  ['Storage Box', 'Aufbewahrungsbox'],
  ['Work Glove', 'Arbeitshandschuh'],
  ['Ball Bearing', 'Kugellager'],
  ['Extension Cord', 'Verlängerungskabel'],
  ['Drill Bit Set', 'Bohrer-Set'],
  ['Shelf Bracket', 'Regalwinkel'],
  ['LED Panel', 'LED-Panel'],
  ['Water Bottle', 'Trinkflasche'],
  ['Backpack', 'Rucksack'],
  ['Toolbox', 'Werkzeugkasten'],
];
const ATTRIBUTES: ReadonlyArray<[string, string]> = [
  ['Black', 'schwarz'],
  ['Blue', 'blau'],
  ['Red', 'rot'],
  ['Steel', 'Stahl'],
  ['Stainless', 'Edelstahl'],
  ['Aluminium', 'Aluminium'],
  ['Compact', 'kompakt'],
  ['Heavy Duty', 'robust'],
  ['Premium', 'Premium'],
  ['Basic', 'Basis'],
  ['Large', 'groß'],
  ['Small', 'klein'],
];

export function midnight(ms: number): number {
  return ms - (((ms % DAY) + DAY) % DAY);
}

interface BaseFacts {
  id: string;
  type: 'FERT' | 'HAWA';
  created: number;
  changed: number;
}

/** A few timestamps shared by many products, like a mass change run: tests the orderby tie-break. */
function massChangeTime(seed: number, k: number): number {
  return DATA_START + rngFor(seed, 3, k).int(365 * 86_400, (DATA_END - DATA_START) / 1000) * 1000;
}

/** The cheap part of a product (id, type, timestamps) that the store keeps for every index. */
function baseFacts(seed: number, i: number): BaseFacts {
  const r = rngFor(seed, 1, i);
  // Index 0 is TG11, the trading good SAP's own samples use.
  const type = i === 0 || r.chance(0.35) ? 'HAWA' : 'FERT';
  const id = type === 'HAWA' ? `TG${11 + i}` : `FG-${100000 + i}`;
  const created = DATA_START + r.int(0, (DATA_END - DATA_START) / 1000 - 90 * 86_400) * 1000;
  const roll = r.next();
  let changed: number;
  if (roll < 0.1) changed = created;
  else if (roll < 0.2) changed = Math.max(created, massChangeTime(seed, r.int(0, 19)));
  else changed = created + r.int(0, (DATA_END - created) / 1000) * 1000;
  return { id, type, created, changed };
}

interface Physical {
  lengthMm: number;
  widthMm: number;
  heightMm: number;
  kg: number;
}

function gtin13(r: Rng): string {
  let digits = '40'; // a German GS1 prefix
  for (let k = 0; k < 10; k++) digits += String(r.int(0, 9));
  let sum = 0;
  for (let k = 0; k < 12; k++) sum += Number(digits[k]) * (k % 2 === 0 ? 1 : 3);
  return digits + String((10 - (sum % 10)) % 10);
}

function blankUnit(product: string, alternativeUnit: string, baseUnit: string): ProductUnitOfMeasure {
  return {
    Product: product,
    AlternativeUnit: alternativeUnit,
    QuantityNumerator: '1',
    QuantityDenominator: '1',
    MaterialVolume: '0.000',
    VolumeUnit: '',
    GrossWeight: '0.000',
    WeightUnit: '',
    GlobalTradeItemNumber: '',
    GlobalTradeItemNumberCategory: '',
    UnitSpecificProductLength: '0.000',
    UnitSpecificProductWidth: '0.000',
    UnitSpecificProductHeight: '0.000',
    ProductMeasurementUnit: '',
    LowerLevelPackagingUnit: '',
    RemainingVolumeAfterNesting: '0',
    MaximumStackingFactor: 0,
    CapacityUsage: '0.000',
    BaseUnit: baseUnit,
  };
}

function measuredUnit(
  row: ProductUnitOfMeasure,
  p: Physical,
  dimensionUnit: string | undefined,
  weightUnit: string,
  withVolume: boolean,
): ProductUnitOfMeasure {
  const m3 = (p.lengthMm * p.widthMm * p.heightMm) / 1e9;
  const volume = formatVolume(m3);
  return {
    ...row,
    GrossWeight: formatWeight(p.kg, weightUnit),
    WeightUnit: weightUnit,
    MaterialVolume: withVolume ? volume.value : '0.000',
    VolumeUnit: withVolume ? volume.unit : '',
    // A product without maintained dimensions is common in real tenants: zeros and no unit.
    UnitSpecificProductLength: dimensionUnit ? formatLength(p.lengthMm, dimensionUnit) : '0.000',
    UnitSpecificProductWidth: dimensionUnit ? formatLength(p.widthMm, dimensionUnit) : '0.000',
    UnitSpecificProductHeight: dimensionUnit ? formatLength(p.heightMm, dimensionUnit) : '0.000',
    ProductMeasurementUnit: dimensionUnit ?? '',
  };
}

function physicalItem(r: Rng): Physical {
  const size = r.next();
  const lengthMm = size < 0.6 ? r.range(20, 200) : size < 0.9 ? r.range(150, 600) : r.range(500, 1800);
  const widthMm = lengthMm * r.range(0.3, 1);
  const heightMm = lengthMm * r.range(0.1, 0.8);
  const density = r.range(50, 400); // kg per m3
  const kg = Math.max(0.005, ((lengthMm * widthMm * heightMm) / 1e9) * density);
  return { lengthMm, widthMm, heightMm, kg };
}

function unitsOfMeasure(r: Rng, product: string, baseUnit: string): ProductUnitOfMeasure[] {
  const item = physicalItem(r);
  const weightUnit = r.chance(0.15) ? 'LB' : item.kg < 1 && r.chance(0.6) ? 'G' : 'KG';
  const dimensionUnit = r.chance(0.05) ? undefined : r.pick(DIMENSION_UNITS);
  const base = measuredUnit(blankUnit(product, baseUnit, baseUnit), item, dimensionUnit, weightUnit, !r.chance(0.15));
  if (r.chance(0.6)) {
    base.GlobalTradeItemNumber = gtin13(r);
    base.GlobalTradeItemNumberCategory = 'HE';
  }
  const rows = [base];
  // Small goods ship in cases; bulky ones mostly alone.
  if (r.chance(item.lengthMm < 400 ? 0.85 : 0.1)) {
    const [pieces, alongLength, alongWidth, alongHeight] = r.pick(CASE_SIZES);
    const caseUnit = r.chance(0.5) ? 'CS' : 'CAR';
    const box: Physical = {
      lengthMm: item.lengthMm * alongLength + 10,
      widthMm: item.widthMm * alongWidth + 10,
      heightMm: item.heightMm * alongHeight + 10,
      kg: item.kg * pieces + 0.25,
    };
    const caseRow = measuredUnit(
      blankUnit(product, caseUnit, baseUnit),
      box,
      r.pick(['MM', 'CM', 'CM', 'IN']),
      weightUnit === 'LB' ? 'LB' : 'KG',
      true,
    );
    caseRow.QuantityNumerator = String(pieces);
    caseRow.LowerLevelPackagingUnit = baseUnit;
    caseRow.MaximumStackingFactor = r.int(2, 8);
    rows.push(caseRow);
    if (r.chance(0.2)) {
      const cases = r.int(8, 60);
      const pallet: Physical = { lengthMm: 1200, widthMm: 800, heightMm: r.int(900, 1800), kg: box.kg * cases + 25 };
      const palletRow = measuredUnit(blankUnit(product, 'PAL', baseUnit), pallet, 'MM', 'KG', true);
      palletRow.QuantityNumerator = String(pieces * cases);
      palletRow.LowerLevelPackagingUnit = caseUnit;
      palletRow.MaximumStackingFactor = r.int(1, 2);
      rows.push(palletRow);
    }
  }
  return rows.sort((a, b) => compareKeys(a.AlternativeUnit, b.AlternativeUnit));
}

function descriptions(r: Rng, product: string, language: Language): ProductDescription[] {
  const [nounEn, nounDe] = r.pick(NOUNS);
  const [attributeEn, attributeDe] = r.pick(ATTRIBUTES);
  const model = `${String.fromCharCode(65 + r.int(0, 25))}${r.int(10, 999)}`;
  const texts: Record<Language, string> = {
    EN: `${attributeEn} ${nounEn} ${model}`.slice(0, 40),
    DE: `${nounDe} ${attributeDe} ${model}`.slice(0, 40),
  };
  const languages: Language[] = r.chance(0.4) ? ['DE', 'EN'] : [language];
  return languages.map((l) => ({ Product: product, Language: l, ProductDescription: texts[l] }));
}

function generateProduct(seed: number, i: number, language: Language): ProductRecord {
  const base = baseFacts(seed, i);
  const r = rngFor(seed, 2, i);
  const baseUnit = r.chance(0.7) ? 'PC' : 'EA';
  const units = unitsOfMeasure(r, base.id, baseUnit);
  const baseRow = units.find((u) => u.AlternativeUnit === baseUnit);
  if (!baseRow) throw new Error('generator lost the base unit row');
  const netShare = r.range(0.8, 0.97);
  const hasDimensions = baseRow.ProductMeasurementUnit !== '';
  const header: ProductHeader = {
    Product: base.id,
    ProductType: base.type,
    CreationDate: midnight(base.created),
    CreatedByUser: r.pick(USERS),
    LastChangeDate: midnight(base.changed),
    LastChangedByUser: r.pick(USERS),
    IsMarkedForDeletion: r.chance(0.02),
    GrossWeight: baseRow.GrossWeight,
    WeightUnit: baseRow.WeightUnit,
    NetWeight: decimal3(Number(baseRow.GrossWeight) * netShare),
    ProductGroup: r.pick(base.type === 'HAWA' ? HAWA_GROUPS : FERT_GROUPS),
    ExternalProductGroup: '',
    BaseUnit: baseUnit,
    ItemCategoryGroup: 'NORM',
    Division: '00',
    MaterialVolume: baseRow.MaterialVolume,
    VolumeUnit: baseRow.VolumeUnit,
    SizeOrDimensionText:
      hasDimensions && r.chance(0.3)
        ? `${Number(baseRow.UnitSpecificProductLength)}x${Number(baseRow.UnitSpecificProductWidth)}x${Number(baseRow.UnitSpecificProductHeight)} ${baseRow.ProductMeasurementUnit}`
        : '',
    ProductStandardID: baseRow.GlobalTradeItemNumber,
    IndustrySector: 'M',
    ProductHierarchy: '',
    Brand: '',
    MaximumPackagingLength: '0.000',
    MaximumPackagingWidth: '0.000',
    MaximumPackagingHeight: '0.000',
    UnitForMaxPackagingDimensions: '',
    ValidityStartDate: null,
    LastChangeDateTime: base.changed,
  };
  return { header, descriptions: descriptions(r, base.id, language), unitsOfMeasure: units };
}

/** ABAP sorts CHAR keys by code point, not by locale. */
function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function applyPatch(current: ProductRecord, patch: ProductPatch): ProductRecord {
  const id = current.header.Product;
  const header: ProductHeader = { ...current.header, ...patch.header, Product: id };
  const descriptions = patch.descriptions
    ? patch.descriptions.map((d) => ({ Product: id, Language: d.Language, ProductDescription: d.ProductDescription }))
    : current.descriptions;
  const units = patch.unitsOfMeasure
    ? patch.unitsOfMeasure.map((u) => ({ ...blankUnit(id, u.AlternativeUnit, header.BaseUnit), ...u, Product: id }))
    : current.unitsOfMeasure;
  return {
    header,
    descriptions: [...descriptions].sort((a, b) => compareKeys(a.Language, b.Language)),
    unitsOfMeasure: [...units].sort((a, b) => compareKeys(a.AlternativeUnit, b.AlternativeUnit)),
  };
}

export class ProductStore {
  private readonly ids: string[] = [];
  /** LastChangeDateTime per index: the field incremental sync filters and sorts on. */
  private readonly changed: number[] = [];
  private readonly indexById = new Map<string, number>();
  private readonly overrides = new Map<number, ProductRecord>();
  private keyOrderCache: number[] | undefined;
  /** Indices of products deleted from the tenant: neither listed nor found by key (restorable). */
  private readonly removed = new Set<number>();
  /** Bumped on every change, so cached query results are dropped. */
  version = 0;

  constructor(
    private readonly seed: number,
    readonly generatedCount: number,
    readonly language: Language,
  ) {
    for (let i = 0; i < generatedCount; i++) {
      const facts = baseFacts(seed, i);
      this.ids.push(facts.id);
      this.changed.push(facts.changed);
      this.indexById.set(facts.id, i);
    }
  }

  get size(): number {
    return this.ids.length;
  }

  /** The ids of the products the tenant has (removed ones left out). */
  allIds(): string[] {
    return this.ids.filter((_, i) => !this.removed.has(i));
  }

  /** Whether the product at this index was removed from the tenant. */
  isRemoved(i: number): boolean {
    return this.removed.has(i);
  }

  /** Deletes products from the tenant, as a user deleting materials in SAP would (deletion tests). */
  remove(ids: readonly string[]): void {
    for (const id of ids) this.removed.add(this.requireIndex(id));
    this.keyOrderCache = undefined;
    this.version++;
  }

  /** Brings removed products back, unchanged. */
  restore(ids: readonly string[]): void {
    for (const id of ids) this.removed.delete(this.requireIndex(id));
    this.keyOrderCache = undefined;
    this.version++;
  }

  indexOf(id: string): number | undefined {
    return this.indexById.get(id);
  }

  /** The live record (not a copy): callers must not mutate it. */
  peek(i: number): ProductRecord {
    const override = this.overrides.get(i);
    if (override) return override;
    const record = generateProduct(this.seed, i, this.language);
    const changed = this.changed[i] ?? record.header.LastChangeDateTime;
    record.header.LastChangeDateTime = changed;
    record.header.LastChangeDate = midnight(changed);
    return record;
  }

  /** A copy that the caller may change freely. */
  record(i: number): ProductRecord {
    return structuredClone(this.peek(i));
  }

  /** Header property value for $filter/$orderby; the hot fields avoid generating the record. */
  value(i: number, property: string): unknown {
    if (property === 'Product') return this.ids[i];
    if (property === 'LastChangeDateTime') return this.changed[i];
    return (this.peek(i).header as unknown as Record<string, unknown>)[property];
  }

  /** All indices ordered by the key, the order SAP returns without $orderby. */
  keyOrder(): readonly number[] {
    if (!this.keyOrderCache) {
      const ids = this.ids;
      this.keyOrderCache = ids
        .map((_, i) => i)
        .filter((i) => !this.removed.has(i))
        .sort((a, b) => compareKeys(ids[a] ?? '', ids[b] ?? ''));
    }
    return this.keyOrderCache;
  }

  add(input: ProductInput, now = Date.now()): ProductRecord {
    if (this.indexById.has(input.Product)) throw new Error(`Product ${input.Product} already exists`);
    const i = this.ids.length;
    // Start from a realistic generated record, renamed, so callers only state what matters to them.
    const generated = generateProduct(this.seed, i, this.language);
    const renamed: ProductRecord = {
      header: { ...generated.header, Product: input.Product, CreationDate: midnight(now), LastChangeDate: midnight(now), LastChangeDateTime: now },
      descriptions: generated.descriptions.map((d) => ({ ...d, Product: input.Product })),
      unitsOfMeasure: generated.unitsOfMeasure.map((u) => ({ ...u, Product: input.Product })),
    };
    const record = applyPatch(renamed, input);
    this.ids.push(input.Product);
    this.changed.push(record.header.LastChangeDateTime);
    this.indexById.set(input.Product, i);
    this.overrides.set(i, record);
    this.keyOrderCache = undefined;
    this.version++;
    return structuredClone(record);
  }

  /** Changes a product; LastChangeDateTime moves to `now` unless the patch sets it, as SAP would. */
  update(id: string, patch: ProductPatch, now = Date.now()): ProductRecord {
    const i = this.requireIndex(id);
    const changedAt = patch.header?.LastChangeDateTime ?? now;
    const record = applyPatch(this.peek(i), {
      ...patch,
      header: { LastChangeDate: midnight(changedAt), ...patch.header, LastChangeDateTime: changedAt },
    });
    this.overrides.set(i, record);
    this.changed[i] = changedAt;
    this.version++;
    return structuredClone(record);
  }

  /** Moves only LastChangeDateTime (and LastChangeDate), as a change in SAP would. */
  touch(id: string, at: number): void {
    const i = this.requireIndex(id);
    const override = this.overrides.get(i);
    if (override) {
      override.header.LastChangeDateTime = at;
      override.header.LastChangeDate = midnight(at);
    }
    this.changed[i] = at;
    this.version++;
  }

  private requireIndex(id: string): number {
    const i = this.indexById.get(id);
    if (i === undefined) throw new Error(`Unknown product ${id}`);
    return i;
  }
}
