import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, nextLink, planPage } from '../../tools/sap-simulator/paging';

describe('planPage', () => {
  it('pages by 100 without $top and stops at the end', () => {
    expect(DEFAULT_PAGE_SIZE).toBe(100);
    expect(planPage(250, { skip: 0 })).toEqual({ start: 0, end: 100, next: { skiptoken: 100, top: undefined } });
    expect(planPage(250, { skip: 0, skiptoken: 200 })).toEqual({ start: 200, end: 250 });
    expect(planPage(100, { skip: 0 })).toEqual({ start: 0, end: 100 });
  });

  it('returns exactly $top rows when $top <= 5000, without a next link', () => {
    expect(planPage(20_000, { top: 5000, skip: 5000 })).toEqual({ start: 5000, end: 10_000 });
    expect(planPage(20_000, { top: 1000, skip: 0 })).toEqual({ start: 0, end: 1000 });
    expect(planPage(20_000, { top: 0, skip: 0 })).toEqual({ start: 0, end: 0 });
  });

  it('caps $top above 5000 at 5000 rows and continues with the rest of $top', () => {
    expect(MAX_PAGE_SIZE).toBe(5000);
    expect(planPage(20_000, { top: 12_000, skip: 0 })).toEqual({ start: 0, end: 5000, next: { skiptoken: 5000, top: 7000 } });
    expect(planPage(20_000, { top: 7000, skip: 0, skiptoken: 5000 })).toEqual({ start: 5000, end: 10_000, next: { skiptoken: 10_000, top: 2000 } });
    expect(planPage(20_000, { top: 2000, skip: 0, skiptoken: 10_000 })).toEqual({ start: 10_000, end: 12_000 });
    expect(planPage(6000, { top: 12_000, skip: 0, skiptoken: 5000 })).toEqual({ start: 5000, end: 6000 });
  });

  it('lets $skiptoken win over $skip and clamps past the end', () => {
    expect(planPage(1000, { skip: 10, skiptoken: 500 }).start).toBe(500);
    expect(planPage(1000, { skip: 5000 })).toEqual({ start: 1000, end: 1000 });
  });
});

describe('nextLink', () => {
  it('drops $skip, replaces $top and appends $skiptoken', () => {
    const params = new URLSearchParams("$filter=Product eq 'A'&$top=9000&$skip=3&$format=json");
    expect(nextLink('http://h/s/A_Product', params, { skiptoken: 5003, top: 4000 })).toBe(
      "http://h/s/A_Product?$filter=Product%20eq%20'A'&$format=json&$top=4000&$skiptoken=5003",
    );
  });
});
