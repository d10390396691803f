import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../schema/records.ts';
import { EventRecord as EventSchema, Entity as EntitySchema, SourceReport } from '../schema/records.ts';
import { addMonths, buildSiteData, DAY_PAGE_BYTES, daysListed, eachDay, eventHtmlBytes, eventKey, excerpt, excerptAfterDate, groupDayEvents, isPeriod, monthGrid, pageByBytes, pageKeys, pageWindow, safeExternalUrl, spanDays, writtenLang, type SiteInput } from './data.ts';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../tests/fixtures/data/${name}`, import.meta.url), 'utf8'));
const input = (): SiteInput => ({
  events: fixture('events.json'),
  entities: fixture('entities.json'),
  sources: fixture('sources.json'),
  reports: fixture('report.json'),
});

let happenings = 0;
function ev(id: string, start: string, end = start, precision: EventRecord['date']['precision'] = 'day', extra: Partial<EventRecord> = {}): EventRecord {
  return {
    id,
    happening: `h-${start}-${(happenings++).toString(16).padStart(6, '0')}`,
    date: { start, end, precision, expression: start, basis: 'stated' },
    text: `text ${id}`,
    lang: 'en',
    source: { id: 's1', file: 'a.txt', title: 'S1', section: [], line: 1 },
    places: [],
    groups: [],
    citations: [],
    type: 'strategic-developments',
    acts: [],
    figures: [],
    url: `/day/${start}/#${id}`,
    ...extra,
  };
}

describe('fixture data', () => {
  it('matches the shared schemas', () => {
    for (const e of fixture('events.json')) expect(() => EventSchema.parse(e)).not.toThrow();
    for (const e of fixture('entities.json')) expect(() => EntitySchema.parse(e)).not.toThrow();
    for (const r of fixture('report.json')) expect(() => SourceReport.parse(r)).not.toThrow();
  });
});

describe('buildSiteData', () => {
  const data = buildSiteData(input());

  it('lists every day with a day-precision event, ranges on every covered day', () => {
    expect(data.days).toContain('2012-07-20');
    expect(data.days).toContain('2012-07-21');
    expect(data.days).toContain('2012-07-23');
    expect(data.days).not.toContain('2014-09-01'); // month-precision only
    expect([...data.days].sort()).toEqual(data.days);
    const range = data.eventsOnDay('2012-07-21').filter((e) => e.date.start === '2012-07-20');
    expect(range.length).toBe(2);
  });

  it('puts month-precision events on the month page, not on day pages', () => {
    expect(data.monthEvents('2014-09').map((e) => e.date.precision)).toEqual(['month']);
    expect(data.months).toContain('2014-09');
    for (const d of data.days) expect(data.eventsOnDay(d).every((e) => e.date.precision === 'day')).toBe(true);
  });

  it('lists an overview of several years on its first and last month only', () => {
    const long = ev('e-long', '2012-07-01', '2016-12-31', 'month', { url: '/month/2012-07/#e-long' });
    const short = ev('e-short', '2014-04-01', '2014-07-31', 'month', { url: '/month/2014-04/#e-short' });
    const d = buildSiteData({ ...input(), events: [...input().events, long, short] });
    const listing = (id: string) => d.months.filter((m) => d.monthEvents(m).some((e) => e.id === id));
    expect(listing('e-long')).toEqual(['2012-07', '2016-12']);
    expect(listing('e-short')).toEqual(['2014-04', '2014-05', '2014-06', '2014-07']);
  });

  it('lists a span longer than a week on its first day and once on each month it covers, shading nothing', () => {
    const period = ev('e-period', '2014-06-28', '2014-09-03');
    const week = ev('e-week', '2014-08-30', '2014-09-05');
    const d = buildSiteData({ ...input(), events: [...input().events, period, week] });
    expect(d.eventsOnDay('2014-06-28').map((e) => e.id)).toEqual(['e-period']);
    expect(d.shadeCount('2014-06-28')).toBe(0);
    expect(d.days).not.toContain('2014-07-15');
    for (const m of ['2014-06', '2014-07', '2014-08', '2014-09']) expect(d.monthPeriods(m).map((e) => e.id), m).toContain('e-period');
    expect(d.monthPeriods('2014-10').map((e) => e.id)).not.toContain('e-period');
    expect(d.months).toContain('2014-07'); // a month page for the period, though no day in it has a page
    // a span of at most a week is news of each of its days
    expect(d.days.filter((x) => d.eventsOnDay(x).some((e) => e.id === 'e-week'))).toEqual(eachDay('2014-08-30', '2014-09-05'));
    expect(d.shadeCount('2014-09-01')).toBe(1);
    // counted once per month page, however many of its days the page shows
    const covers = (m: string) => input().events.filter((e) => e.date.precision !== 'year' && e.date.start.slice(0, 7) <= m && e.date.end.slice(0, 7) >= m).length;
    expect(d.monthEventCount('2014-09')).toBe(covers('2014-09') + 2);
    expect(d.monthEventCount('2014-08')).toBe(covers('2014-08') + 2);
  });

  it('counts each event once, in the year it begins', () => {
    const across = ev('e-across', '2014-12-30', '2015-01-02');
    const d = buildSiteData({ ...input(), events: [...input().events, across] });
    expect(d.years.reduce((n, y) => n + d.yearEventCount(y), 0)).toBe(d.events.length);
    expect(d.yearEventCount('2015')).toBe(0);
    expect(d.years).toContain('2015'); // its day pages are there
    expect(isPeriod(across)).toBe(false);
    expect(spanDays(ev('x', '2014-01-01', '2014-01-08'))).toBe(8);
    expect(isPeriod(ev('x', '2014-01-01', '2014-01-08'))).toBe(true);
    expect(daysListed(ev('x', '2014-01-01', '2014-01-08'))).toEqual(['2014-01-01']);
  });

  it('links days to their neighbours', () => {
    expect(data.prevDay('2014-01-04')).toBe('2014-01-03');
    expect(data.nextDay('2014-01-04')).toBe('2014-01-05');
    expect(data.prevDay(data.days[0])).toBeUndefined();
    expect(data.nextDay(data.days.at(-1)!)).toBeUndefined();
    expect(data.daysInMonth('2014-01')).toEqual(['2014-01-02', '2014-01-03', '2014-01-04', '2014-01-05']);
  });

  it('has both a Chinese and an English account of 4 January 2014', () => {
    const langs = new Set(data.eventsOnDay('2014-01-04').map((e) => e.lang));
    expect(langs).toEqual(new Set(['en', 'zh-Hans']));
  });

  it('indexes events by entity and source', () => {
    const manbij = data.eventsForEntity('manbij');
    expect(manbij.length).toBe(2);
    expect(data.entityStats('manbij')?.first).toBe('2014-01-05');
    const lines = data.eventsForSource('zh-inter-rebel-2014').map((e) => e.source.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(data.cooccurring('manbij').slice(0, 2)).toEqual([{ id: 'al-nusra-front', count: 2 }, { id: 'isil', count: 2 }]);
  });

  it('groups chronologies by the sources’ chronology field', () => {
    expect(data.chronologies.map((c) => c.id)).toEqual(['opposition-isil-2014', 'battle-of-aleppo']);
    const aleppo = data.chronologies[1];
    expect(aleppo.start).toBe('2012-07-19');
    expect(aleppo.dayCounts.get('2012-07-20')).toBe(2);
  });

  it('groups a day so accounts from different sources sit together', () => {
    const groups = groupDayEvents(data, data.eventsOnDay('2014-01-04'));
    expect(groups).toHaveLength(1);
    expect(groups[0].sources.map((s) => s.sourceId)).toEqual(['zh-inter-rebel-2014', 'en-inter-rebel-conflict']);
  });

  it('works when entities.json is empty: referenced ids get stub pages', () => {
    const bare = buildSiteData({ ...input(), entities: [] });
    expect(bare.entityById.get('manbij')?.name.en).toBe('Manbij');
    expect(bare.places().some((p) => p.id === 'aleppo')).toBe(true);
    expect(bare.figures.places).toBeGreaterThan(0);
  });

  it('gives each event a page path', () => {
    const month = data.events.find((e) => e.date.precision === 'month')!;
    expect(data.eventPath(month)).toBe(`month/2014-09/#${month.id}`);
    expect(data.datePath('2014-01-04')).toBe('day/2014-01-04/');
    expect(data.datePath('2014-09-30')).toBe('month/2014-09/');
  });

  // how fast is a benchmark figure (npm run bench), not an assertion: this checks the large index is whole
  it('indexes 50 000 events into their days', () => {
    const events: EventRecord[] = [];
    const start = Date.parse('2012-01-01T00:00:00Z');
    for (let i = 0; i < 50_000; i++) {
      const day = new Date(start + (i % 1800) * 86_400_000).toISOString().slice(0, 10);
      events.push(ev(`e-${i}`, day, day, 'day', { places: [`p${i % 500}`], groups: [`g${i % 50}`], source: { id: `s${i % 5}`, file: 'f', title: 't', section: [], line: i + 1 } }));
    }
    events.sort((a, b) => (a.date.start < b.date.start ? -1 : a.date.start > b.date.start ? 1 : 0));
    const big = buildSiteData({ events, entities: [], sources: [], reports: [] });
    expect(big.days.length).toBe(1800);
    expect(big.days.reduce((n, d) => n + big.eventsOnDay(d).length, 0)).toBe(50_000);
  });
});

describe('helpers', () => {
  it('walks days and months', () => {
    expect(eachDay('2012-02-28', '2012-03-01')).toEqual(['2012-02-28', '2012-02-29', '2012-03-01']);
    expect(addMonths('2012-12', 1)).toBe('2013-01');
    expect(addMonths('2013-01', -1)).toBe('2012-12');
  });

  it('builds a Monday-first month grid', () => {
    const grid = monthGrid('2014-01'); // 1 January 2014 was a Wednesday
    expect(grid[0]).toEqual([null, null, '2014-01-01', '2014-01-02', '2014-01-03', '2014-01-04', '2014-01-05']);
    expect(grid.every((w) => w.length === 7)).toBe(true);
  });

  it('cuts excerpts by code point and drops leading date words', () => {
    expect(excerpt('阿勒颇战役', 3)).toBe('阿勒颇…');
    expect(excerptAfterDate(ev('x', '2014-01-04', '2014-01-04', 'day', { text: 'On 4 January, rebels advanced.', date: { start: '2014-01-04', end: '2014-01-04', precision: 'day', expression: 'On 4 January', basis: 'stated' } }))).toBe('Rebels advanced.');
  });

  it('guesses the language of unlabelled metadata only as far as its script shows', () => {
    expect(writtenLang('叙利亚反对派')).toBe('zh');
    expect(writtenLang('Syria rebels fight back')).toBe('');
  });

  it('only lets http(s) links out', () => {
    expect(safeExternalUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeExternalUrl('https://example.org/a')).toBe('https://example.org/a');
  });
});

describe('pages of a full day or month', () => {
  it('cuts a list into consecutive pages within the budget, an oversized event on a page of its own', () => {
    const list = ['a', 'b', 'c', 'd', 'e'].map((id) => ev(id, '2014-01-05'));
    const sizes: Record<string, number> = { a: 40, b: 40, c: 150, d: 30, e: 30 };
    const pages = pageByBytes(list, 100, (e: EventRecord) => sizes[e.id]!);
    expect(pages.map((p) => p.map((e) => e.id))).toEqual([['a', 'b'], ['c'], ['d', 'e']]);
    expect(pageByBytes([], 100)).toEqual([[]]);
  });

  it('keeps the accounts of one happening on one page where they fit in one, and cuts one too large', () => {
    const list = ['a', 'h1', 'h2', 'h3', 'b', 'k1', 'k2', 'k3'].map((id) => ev(id, '2014-01-05'));
    const size = () => 30;
    const unit = (e: EventRecord) => (/^[hk]/.test(e.id) ? e.id[0] : undefined);
    // h (90 in all) fits on a page of 100 but not after a: it starts the next page; so does k after b
    expect(pageByBytes(list, 100, size, unit).map((p) => p.map((e) => e.id))).toEqual([['a'], ['h1', 'h2', 'h3'], ['b'], ['k1', 'k2', 'k3']]);
    // a unit larger than a page is cut like any other run
    expect(pageByBytes(list, 60, size, unit).map((p) => p.map((e) => e.id))).toEqual([['a', 'h1'], ['h2', 'h3'], ['b', 'k1'], ['k2', 'k3']]);
  });

  it('gives a day of many accounts several pages, and every event the path of the page that shows it', () => {
    const text = 'Rebels and government forces fought for the hill for the whole day. '.repeat(6);
    const events = Array.from({ length: 120 }, (_, i) =>
      ev(`e-${String(i % 40).padStart(3, '0')}-2014-01-05-${String(i).padStart(6, '0')}`, '2014-01-05', '2014-01-05', 'day', {
        text,
        source: { id: `s${i % 40}`, file: `${i % 40}.txt`, title: `S${i % 40}`, section: [], line: i },
      }),
    );
    const sources = Array.from({ length: 40 }, (_, i) => ({ id: `s${i}`, file: `${i}.txt`, title: `S${i}`, lang: 'en' as const, format: 'plaintext' as const }));
    const data = buildSiteData({ events, entities: [], sources, reports: [] });
    const pages = data.dayPages('2014-01-05');
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.flat().length).toBe(120);
    for (const page of pages) expect(page.reduce((n, e, i) => n + eventHtmlBytes(e, page[i - 1]), 0)).toBeLessThanOrEqual(DAY_PAGE_BYTES);
    const last = pages.at(-1)![0]!;
    expect(data.eventPath(last)).toBe(`day/2014-01-05/${pages.length}/#${last.id}`);
    expect(data.eventPath(pages[0]![0]!)).toBe(`day/2014-01-05/#${pages[0]![0]!.id}`);
    expect(eventKey(last.id)).toBe(last.id.split('-')[1]);
    const keys = pageKeys(pages);
    expect(keys[eventKey(last.id)]).toContain(pages.length);
    expect(Object.values(keys).flat().every((p) => p >= 1 && p <= pages.length)).toBe(true);
  });

  it('lists the first, the last and the pages around the current one', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(5, 3)).toEqual([1, 2, 3, 4, 5]);
    expect(pageWindow(20, 1)).toEqual([1, 2, 3, 0, 20]);
    expect(pageWindow(20, 10)).toEqual([1, 0, 8, 9, 10, 11, 12, 0, 20]);
  });

  it('keeps an ordinary day on one page', () => {
    const data = buildSiteData(input());
    for (const day of data.days) expect(data.dayPages(day).length).toBe(1);
  });
});
