// The SAP connector's pure parts: OData V2 helpers and the A_Product / delivery mappings for the
// cases the simulator's generated data does not produce (blank header weights, missing rows,
// malformed values, odd __next links and error bodies).
import { describe, expect, it } from 'vitest';
import { mapDelivery } from '../../src/connectors/sap-s4hana/deliveries';
import { keyLiteral, nextPageUrl, parseODataDate, responseError, sapErrorText, unwrapCollection } from '../../src/connectors/sap-s4hana/odata';
import { mapProduct } from '../../src/connectors/sap-s4hana/product-mapping';
import type { OutboundResponse } from '../../src/lib/http/outbound';

function response(status: number, text: string, headers: Record<string, string> = {}): OutboundResponse {
  return { status, text, headers: new Headers(headers) };
}

const unit = (overrides: Record<string, unknown>) => ({
  AlternativeUnit: 'PC',
  GrossWeight: '2.400',
  WeightUnit: 'KG',
  UnitSpecificProductLength: '300.000',
  UnitSpecificProductWidth: '200.000',
  UnitSpecificProductHeight: '150.000',
  ProductMeasurementUnit: 'MM',
  ...overrides,
});

function product(overrides: Record<string, unknown> = {}, units = [unit({})], descriptions = [{ Language: 'EN', ProductDescription: 'Trading Good 11' }]) {
  return {
    Product: 'TG11',
    ProductType: 'HAWA',
    ProductGroup: 'L001',
    BaseUnit: 'PC',
    GrossWeight: '2.400',
    NetWeight: '2.100',
    WeightUnit: 'KG',
    ProductStandardID: '',
    IsMarkedForDeletion: false,
    LastChangeDateTime: '/Date(1583073519000+0000)/',
    to_Description: { results: descriptions },
    to_ProductUnitsOfMeasure: { results: units },
    ...overrides,
  };
}

describe('OData helpers', () => {
  it('parses /Date(ms)/ and /Date(ms+offset)/ as UTC instants', () => {
    expect(parseODataDate('/Date(1523232000000)/')).toEqual(new Date(1523232000000));
    expect(parseODataDate('/Date(1583073519000+0000)/')).toEqual(new Date(1583073519000));
    expect(parseODataDate('/Date(1583073519000+0130)/')).toEqual(new Date(1583073519000));
    expect(parseODataDate('/Date(-86400000)/')).toEqual(new Date(-86400000));
    expect(parseODataDate('2024-01-01')).toBeUndefined();
    expect(parseODataDate(null)).toBeUndefined();
  });

  it('resolves __next links onto the tenant origin', () => {
    const request = 'https://my1-api.s4hana.cloud.sap/sap/opu/odata/sap/API_PRODUCT_SRV/A_Product?$top=5000';
    const root = 'https://my1-api.s4hana.cloud.sap/sap/opu/odata/sap/API_PRODUCT_SRV';
    expect(nextPageUrl('A_Product?$skiptoken=100', request)).toBe(`${root}/A_Product?$skiptoken=100`);
    expect(nextPageUrl('/sap/opu/odata/sap/API_PRODUCT_SRV/A_Product?$skiptoken=100', request)).toBe(`${root}/A_Product?$skiptoken=100`);
    expect(nextPageUrl(`${root}/A_Product?%24skiptoken=100`, request)).toBe(`${root}/A_Product?%24skiptoken=100`);
    // A link to another host keeps only its path and query: the bearer token stays with the tenant.
    expect(nextPageUrl('http://internal:8000/sap/opu/odata/sap/API_PRODUCT_SRV/A_Product?$skiptoken=100', request)).toBe(`${root}/A_Product?$skiptoken=100`);
  });

  it('doubles quotes in key literals and encodes the rest', () => {
    expect(keyLiteral("O'NEIL 1")).toBe("'O''NEIL%201'");
    expect(keyLiteral('80000001')).toBe("'80000001'");
  });

  it('reads collections and rejects what is not one', () => {
    expect(unwrapCollection({ d: { results: [{ a: 1 }], __count: '1234', __next: 'A_Product?$skiptoken=1' } }, 'x')).toEqual({
      results: [{ a: 1 }],
      count: 1234,
      next: 'A_Product?$skiptoken=1',
    });
    expect(() => unwrapCollection({ value: [] }, 'A_Product')).toThrow('SAP sent JSON that is not an OData V2 collection (no "d.results" array) for A_Product');
  });

  it('turns Gateway, XSUAA and API Management error bodies into messages', () => {
    const gateway = JSON.stringify({ error: { code: '/IWFND/MED/170', message: { lang: 'en', value: "No service found for namespace '', name 'API_PRODUCT_SRV', version '0001'" } } });
    const error = responseError(response(404, gateway), 'A_Product (API_PRODUCT_SRV)');
    expect(error.message).toBe("SAP answered HTTP 404 for A_Product (API_PRODUCT_SRV): /IWFND/MED/170: No service found for namespace '', name 'API_PRODUCT_SRV', version '0001'");
    expect(error.kind).toBe('not_found');
    expect(sapErrorText(response(401, '{"error":"invalid_client","error_description":"Bad credentials"}'))).toBe('invalid_client: Bad credentials');
    expect(sapErrorText(response(429, '{"fault":{"faultstring":"Rate limit quota violation"}}'))).toBe('Rate limit quota violation');
    expect(sapErrorText(response(401, '<html>Unauthorized</html>'))).toBeUndefined();
    expect(responseError(response(403, ''), 'x').kind).toBe('auth');
    expect(responseError(response(429, ''), 'x').kind).toBe('rate_limited');
    expect(responseError(response(502, '<html/>'), 'x').kind).toBe('server');
  });

  it('says where a redirect pointed, without its query', () => {
    const error = responseError(response(302, '', { location: 'https://login.example.com/saml?token=abc' }), 'A_Product (API_PRODUCT_SRV)');
    expect(error.message).toBe('SAP answered HTTP 302 for A_Product (API_PRODUCT_SRV): redirect to https://login.example.com/saml: check the URL');
    expect(error.kind).toBe('protocol');
  });
});

describe('product mapping', () => {
  it('maps a complete product', () => {
    expect(mapProduct(product({ ProductStandardID: '4012345678901' }))).toEqual({
      externalId: 'TG11',
      fields: {
        MaterialNumber: 'TG11',
        MaterialDescription: 'Trading Good 11',
        MaterialGroup: 'L001',
        MaterialType: 'HAWA',
        BaseUnit: 'PC',
        GrossLength: { value: '300.000', unit: 'MM' },
        GrossWidth: { value: '200.000', unit: 'MM' },
        GrossHeight: { value: '150.000', unit: 'MM' },
        GrossWeight: { value: '2.400', unit: 'KG' },
        NetWeight: { value: '2.100', unit: 'KG' },
        GTIN: '4012345678901',
      },
      changedAt: new Date(1583073519000),
      deleted: false,
    });
  });

  it('takes dimensions from the base-unit row, not from cartons', () => {
    const carton = unit({ AlternativeUnit: 'CS', UnitSpecificProductLength: '62.000', ProductMeasurementUnit: 'CM' });
    const record = mapProduct(product({}, [carton, unit({ UnitSpecificProductLength: '30.000', ProductMeasurementUnit: 'CM' })]));
    expect(record.fields.GrossLength).toEqual({ value: '30.000', unit: 'CM' });
  });

  it('gives null dimensions when the base-unit row is missing, or not maintained', () => {
    const missingRow = mapProduct(product({}, [unit({ AlternativeUnit: 'CS' })]));
    expect(missingRow.fields.GrossLength).toBeNull();
    const zeros = mapProduct(product({}, [unit({ UnitSpecificProductLength: '0.000', UnitSpecificProductWidth: '', ProductMeasurementUnit: '' })]));
    expect(zeros.fields.GrossLength).toBeNull();
    expect(zeros.fields.GrossWidth).toBeNull();
    // Height is maintained but the unit is not: passed on so the sync reports it.
    expect(zeros.fields.GrossHeight).toEqual({ value: '150.000', unit: '' });
    const notExpanded = mapProduct(product({ to_ProductUnitsOfMeasure: { __deferred: { uri: 'x' } } }));
    expect(notExpanded.fields.GrossLength).toBeNull();
  });

  it("falls back to the base-unit row's weight when the header weight is blank", () => {
    const record = mapProduct(product({ GrossWeight: '0.000', NetWeight: '0.000', WeightUnit: '' }, [unit({ GrossWeight: '5.000', WeightUnit: 'LB' })]));
    expect(record.fields.GrossWeight).toEqual({ value: '5.000', unit: 'LB' });
    expect(record.fields.NetWeight).toBeNull();
  });

  it('passes malformed values through for the sync to report', () => {
    const record = mapProduct(product({ GrossWeight: '12,5', WeightUnit: 'KGS' }, [unit({ UnitSpecificProductLength: 'n/a' })]));
    expect(record.fields.GrossWeight).toEqual({ value: '12,5', unit: 'KGS' });
    expect(record.fields.GrossLength).toEqual({ value: 'n/a', unit: 'MM' });
  });

  it('prefers the English description, else the first one', () => {
    const de = { Language: 'DE', ProductDescription: 'Handelsware 11' };
    expect(mapProduct(product({}, [unit({})], [de, { Language: 'EN', ProductDescription: 'Trading Good 11' }])).fields.MaterialDescription).toBe('Trading Good 11');
    expect(mapProduct(product({}, [unit({})], [de])).fields.MaterialDescription).toBe('Handelsware 11');
    expect(mapProduct(product({}, [unit({})], [])).fields.MaterialDescription).toBeNull();
  });

  it('marks products flagged for deletion and blank fields as null', () => {
    const record = mapProduct(product({ IsMarkedForDeletion: true, ProductGroup: '', LastChangeDateTime: null }));
    expect(record.deleted).toBe(true);
    expect(record.fields.MaterialGroup).toBeNull();
    expect(record.changedAt).toBeUndefined();
  });
});

describe('delivery mapping', () => {
  it('passes an unreadable date through and keeps quantities as strings', () => {
    const delivery = mapDelivery({
      DeliveryDocument: '80000000',
      ShipToParty: '10401010',
      PlannedGoodsIssueDate: '2024-13-45',
      to_DeliveryDocumentItem: {
        results: [{ DeliveryDocumentItem: '000010', Material: 'TG11', ActualDeliveryQuantity: '10.000', DeliveryQuantityUnit: 'PC' }],
      },
    });
    expect(delivery).toEqual({
      externalId: '80000000',
      lines: [
        {
          externalId: '80000000/000010',
          fields: {
            DeliveryNumber: '80000000',
            ShipToParty: '10401010',
            PlannedGoodsIssueDate: '2024-13-45',
            DeliveryItem: '000010',
            MaterialNumber: 'TG11',
            DeliveryQuantity: '10.000',
            DeliveryQuantityUnit: 'PC',
          },
        },
      ],
    });
  });
});
