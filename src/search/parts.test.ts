import { describe, expect, it } from 'vitest';
import { describeParts, indexDates, isPartsManifest, nextBatch, partOrder, searchedBoundary, splitRecords, sumFilterCounts } from './parts.ts';
import type { PartsManifest } from './parts.ts';

const rec = (date: string, filters: Record<string, string[]> = {}) => ({ sort: { date }, filters });

describe('splitRecords', () => {
  it('keeps one part, in its order, when the records fit', () => {
    const rs = [rec('2014-02-01~1'), rec('2014-01-01~0')];
    expect(splitRecords(rs, 2)).toEqual([rs]);
    expect(splitRecords([], 5)).toEqual([[]]);
  });
  it('splits into consecutive ranges of the date sort key', () => {
    const rs = ['2014-03-01~2', '2014-01-01~0', '2015-01-01~4', '2014-02-01~1', '2014-12-31~3'].map((d) => rec(d));
    expect(splitRecords(rs, 2).map((p) => p.map((r) => r.sort.date))).toEqual([
      ['2014-01-01~0', '2014-02-01~1'],
      ['2014-03-01~2', '2014-12-31~3'],
      ['2015-01-01~4'],
    ]);
    expect(() => splitRecords(rs, 0)).toThrow();
  });
});

describe('describeParts', () => {
  it('records each part’s dates and the routed filter values its events carry', () => {
    const parts = [
      [rec('2013-05-02~0', { year: ['2013', '2014'], lang: ['en'], place: ['manbij'] }), rec('2013-01-09~1', { year: ['2013'], lang: ['zh-Hans'] })],
      [rec('2015-07-01~2', { year: ['2015'], conflict: ['aleppo'], source: ['s1'] })],
    ];
    const m = describeParts(parts, ['pagefind/', 'pagefind-part-1/']);
    expect(m.parts[0]).toEqual({
      path: 'pagefind/',
      events: 2,
      first: '2013-01-09',
      last: '2013-05-02',
      lastYear: '2014',
      filters: { conflict: [], lang: ['en', 'zh-Hans'], source: [] },
    });
    expect(m.parts[1]).toMatchObject({ path: 'pagefind-part-1/', events: 1, first: '2015-07-01', last: '2015-07-01', lastYear: '2015' });
    // place and group are not routed: no lists of them
    expect(m.parts[0].filters).not.toHaveProperty('place');
    expect(isPartsManifest(m)).toBe(true);
    expect(isPartsManifest(['pagefind-part-1/'])).toBe(false);
    expect(isPartsManifest({ parts: [] })).toBe(false);
  });
});

describe('partOrder and searchedBoundary', () => {
  const manifest: PartsManifest = {
    parts: [
      { path: 'pagefind/', events: 3, first: '2012-01-01', last: '2013-06-30', lastYear: '2013', filters: { lang: ['en'] } },
      { path: 'pagefind-part-1/', events: 3, first: '2013-06-30', last: '2014-12-01', lastYear: '2014', filters: { lang: ['en', 'zh-Hans'] } },
      { path: 'pagefind-part-2/', events: 3, first: '2015-01-01', last: '2016-02-02', lastYear: '2017', filters: { lang: ['zh-Hans'] } },
    ],
  };
  it('reads every part in date order, reversed for newest first', () => {
    expect(partOrder(manifest, {}, 'asc')).toEqual([0, 1, 2]);
    expect(partOrder(manifest, {}, 'desc')).toEqual([2, 1, 0]);
  });
  it('skips the parts that cannot hold a chosen year, language, source or conflict', () => {
    expect(partOrder(manifest, { year: '2013' }, 'asc')).toEqual([0, 1]);
    expect(partOrder(manifest, { year: '2015', lang: 'zh-Hans' }, 'desc')).toEqual([2]);
    expect(partOrder(manifest, { year: '1999' }, 'asc')).toEqual([]);
    // an event of part 2 runs into 2017
    expect(partOrder(manifest, { year: '2017' }, 'asc')).toEqual([2]);
    // place and group say nothing about parts
    expect(partOrder(manifest, { place: 'manbij' }, 'asc')).toEqual([0, 1, 2]);
  });
  it('skips the parts whose events all begin outside a date range', () => {
    expect(partOrder(manifest, {}, 'asc', { from: '2014-12-02' })).toEqual([2]);
    expect(partOrder(manifest, {}, 'asc', { to: '2013-06-30' })).toEqual([0, 1]);
    expect(partOrder(manifest, {}, 'desc', { from: '2013-07-01', to: '2014-12-31' })).toEqual([1]);
    expect(indexDates(manifest)).toEqual({ first: '2012-01-01', last: '2016-02-02' });
  });
  it('tells up to which date the search is complete', () => {
    // asc, part 0 read: everything before part 1's first start date is found
    expect(searchedBoundary(manifest, [1, 2], 'asc')).toBe('2013-06-30');
    // desc, part 2 read: everything after part 1's last start date is found
    expect(searchedBoundary(manifest, [1, 0], 'desc')).toBe('2014-12-01');
    expect(searchedBoundary(manifest, [], 'asc')).toBeUndefined();
  });
});

describe('nextBatch', () => {
  it('reads one part, then one more, then doubles', () => {
    const batches: number[] = [];
    for (let read = 0, pending = 10; pending > 0; ) {
      const n = nextBatch(read, pending);
      batches.push(n);
      read += n;
      pending -= n;
    }
    expect(batches).toEqual([1, 1, 2, 4, 2]);
  });
});

describe('sumFilterCounts', () => {
  it('adds the counts of every part, leaving the inputs as they were', () => {
    const a = { year: { '2014': 2, '2015': 0 } };
    const b = { year: { '2014': 1 }, lang: { en: 1 } };
    expect(sumFilterCounts([a, b])).toEqual({ year: { '2014': 3, '2015': 0 }, lang: { en: 1 } });
    expect(a.year['2014']).toBe(2);
  });
});
