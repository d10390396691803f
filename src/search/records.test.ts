import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Entity, EventRecord, SourceMeta } from '../schema/records.ts';
import {
  buildSearchRecords,
  chronologyLabel,
  dateLabel,
  eventUrl,
  eventYears,
  FILTER_KEYS,
  foldScripts,
  normaliseBase,
  openccConverters,
  SEARCH_LANGUAGE,
} from './records.ts';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../tests/fixtures/search-data/${name}.json`, import.meta.url), 'utf8'));
const events = fixture('events') as EventRecord[];
const entities = fixture('entities') as Entity[];
const sources = fixture('sources') as SourceMeta[];
const conv = await openccConverters();
const build = (base = '/') => buildSearchRecords({ events, entities, sources, base, converters: conv });
const byId = (id: string, base = '/') => build(base).records.find((r) => r.url.endsWith(`#${id}`))!;
const ev = (pred: (e: EventRecord) => boolean) => events.find(pred)!;

describe('eventUrl', () => {
  it('is the event\'s published url under the base path', () => {
    expect(normaliseBase('dayline')).toBe('/dayline/');
    expect(normaliseBase('/dayline')).toBe('/dayline/');
    expect(normaliseBase(undefined)).toBe('/');
    expect(eventUrl({ url: '/day/2014-01-05/#e-1' })).toBe('/day/2014-01-05/#e-1');
    expect(eventUrl({ url: '/day/2014-01-05/#e-1' }, '/dayline')).toBe('/dayline/day/2014-01-05/#e-1');
  });
});

describe('helpers', () => {
  it('files an event under the one year it begins, as every count of the site does', () => {
    expect(eventYears({ date: { start: '2013-12-30', end: '2015-01-02', precision: 'day', expression: 'x', basis: 'stated' } })).toEqual(['2013']);
  });
  it('labels dates by precision', () => {
    expect(dateLabel({ date: { start: '2014-01-10', end: '2014-01-12', precision: 'day', expression: 'x', basis: 'stated' } })).toBe('2014-01-10 – 2014-01-12');
    expect(dateLabel({ date: { start: '2014-07-01', end: '2014-07-31', precision: 'month', expression: 'x', basis: 'stated' } })).toBe('2014-07');
    expect(dateLabel({ date: { start: '2015-01-01', end: '2015-12-31', precision: 'year', expression: 'x', basis: 'stated' } })).toBe('2015');
  });
  it('folds Chinese into both scripts and leaves other text alone', () => {
    expect(foldScripts('伊斯兰国', conv)).toEqual(['伊斯兰国', '伊斯蘭國']);
    expect(foldScripts('伊斯蘭國', conv)).toEqual(['伊斯蘭國', '伊斯兰国']);
    expect(foldScripts('Manbij', conv)).toEqual(['Manbij']);
  });
  it('names chronologies from the UI strings, else from their sources', () => {
    expect(chronologyLabel('battle-of-aleppo', sources, conv, { en: 'Battle of Aleppo', zh: '阿勒颇战役' })).toEqual({ en: 'Battle of Aleppo', 'zh-Hans': '阿勒颇战役', 'zh-Hant': '阿勒頗戰役' });
    const l = chronologyLabel('opposition-isil-2014', sources, conv);
    // the English label is the title of the chronology's English source
    expect(l.en).toBe(sources.find((s) => s.chronology === 'opposition-isil-2014' && s.lang === 'en')!.title);
    expect(l['zh-Hant']).toBe('敘利亞反對派與伊斯蘭國的武裝衝突');
    expect(chronologyLabel('no-such-thing', sources, conv).en).toBe('No such thing');
  });
});

describe('buildSearchRecords', () => {
  it('makes one record per event, all in the one cross-language index', () => {
    const { records } = build();
    expect(records).toHaveLength(events.length);
    expect(new Set(records.map((r) => r.language))).toEqual(new Set([SEARCH_LANGUAGE]));
    expect(new Set(records.map((r) => r.url)).size).toBe(events.length);
  });

  it('indexes the text in both Chinese scripts and every name of tagged entities', () => {
    const zh = ev((e) => e.lang === 'zh-Hans' && e.places.includes('manbij') && e.text.includes('伊斯蘭國'));
    const r = byId(zh.id);
    expect(r.content.startsWith(zh.text.replace(/\s+/g, ' ').trim())).toBe(true);
    expect(r.content).toContain('伊斯兰国'); // converted copy of 伊斯蘭國
    expect(r.content).toContain('Manbij');
    expect(r.content).toContain('Menbij'); // alias
    expect(zh.groups).toContain('isil');
    for (const g of zh.groups) expect(r.content).toContain(entities.find((e) => e.id === g)!.name.en); // every tagged group's English name
    const en = ev((e) => e.lang === 'en' && e.places.includes('manbij'));
    const re = byId(en.id);
    expect(re.content).toContain('曼比季');
    expect(re.content).toContain('伊斯兰国');
    expect(re.content).toContain('伊斯蘭國');
  });

  it('records part lengths so the client can map excerpts back onto the passage', () => {
    const zh = ev((e) => e.lang === 'zh-Hans' && e.text.includes('伊斯蘭國'));
    const r = byId(zh.id);
    const lengths = r.filters.lengths![0].split(',').map(Number);
    expect(lengths.length).toBe(3); // as written (mixed scripts), simplified, traditional
    expect(r.content.slice(0, lengths[0])).toBe(zh.text);
    expect(r.content.slice(lengths[0] + 1, lengths[0] + 1 + lengths[1])).toBe(conv.toHans(zh.text));
  });

  it('sets filters, meta and a date sort key', () => {
    const e = ev((x) => x.groups.includes('al-nusra-front') && x.date.start.startsWith('2014-04'));
    const r = byId(e.id);
    expect(r.filters.group).toContain('al-nusra-front');
    expect(r.filters.place).toEqual(e.places);
    expect(r.filters.year).toEqual(['2014']);
    expect(r.filters.lang).toEqual(['en']);
    expect(r.filters.source).toEqual([e.source.id]);
    expect(r.filters.conflict).toEqual(['opposition-isil-2014']);
    expect(r.filters.start).toEqual([e.date.start]);
    expect(r.filters.month).toEqual([e.date.start.slice(0, 7)]);
    expect(r.filters.precision).toEqual([e.date.precision]);
    expect(r.meta.groups).toContain('Al-Nusra Front');
    expect(r.sort.date.startsWith(e.date.start)).toBe(true);
    const keys = build().records.map((x) => x.sort.date);
    expect([...keys].sort()).toEqual(keys); // events.json order = date order
  });

  it('puts no date, id, source or language in the meta (only names: places, groups, type): Pagefind would make their words match', () => {
    for (const r of build().records) {
      expect(Object.keys(r.meta).every((k) => ['places', 'groups', 'places_zh', 'groups_zh', 'type', 'type_zh'].includes(k)), Object.keys(r.meta).join()).toBe(true);
      expect(Object.values(r.meta).join(' ')).not.toMatch(/\d{4}/);
    }
  });

  it('omits empty filters and meta (events with no places)', () => {
    const e = ev((x) => x.places.length === 0);
    const r = byId(e.id);
    expect(r.filters.place).toBeUndefined();
    expect(r.meta.places).toBeUndefined();
  });

  it('writes readable labels for every filter value used', () => {
    const { labels, records } = build();
    for (const r of records) for (const k of FILTER_KEYS) for (const v of r.filters[k] ?? []) expect(labels[k][v], `${k}=${v}`).toBeDefined();
    expect(labels.place.manbij).toEqual({ en: 'Manbij', 'zh-Hans': '曼比季', 'zh-Hant': '曼比季' });
    expect(labels.group.isil['zh-Hant']).toBe('伊斯蘭國');
    expect(labels.lang['zh-Hans'].en).toBe('Chinese (Simplified)');
    expect(labels.year['2014']['zh-Hans']).toBe('2014年');
    expect(labels.source['zh-inter-rebel-2014']['zh-Hans']).toBe('叙利亚反对派与伊斯兰国的武装冲突');
  });

  it('prefixes urls with the base path', () => {
    const e = events[0];
    expect(byId(e.id, '/sub/').url).toBe(`/sub/day/${e.date.start}/#${e.id}`);
  });

  it('still indexes events tagged with unknown entity ids', () => {
    const odd = { ...events[0], id: 'e-odd', places: ['nowhere'], groups: [] };
    const { records, labels } = buildSearchRecords({ events: [odd], entities, sources, converters: conv });
    expect(records[0].content).toContain('nowhere');
    expect(labels.place.nowhere.en).toBe('nowhere');
  });
});

describe('search records, date order', () => {
  it('gives every real record a date sort key', () => {
    for (const r of build().records) expect(r.sort.date).toMatch(/^\d{4}-\d{2}-\d{2}~\d+$/);
  });
});

describe('accounts of one happening', () => {
  it('carry the happening and its number of accounts as filters, so results show it once; lone events carry neither', () => {
    const [a, b, c] = events.filter((e) => e.date.precision === 'day');
    const told = [
      { ...a!, happening: 'h-2014-01-05-aaaaaa' },
      { ...b!, happening: 'h-2014-01-05-aaaaaa' },
      { ...c!, happening: 'h-2014-01-06-bbbbbb' },
    ];
    const { records } = buildSearchRecords({ events: told, entities, sources, converters: conv });
    expect(records.map((r) => [r.filters.happening, r.filters.accounts])).toEqual([
      [['h-2014-01-05-aaaaaa'], ['2']],
      [['h-2014-01-05-aaaaaa'], ['2']],
      [undefined, undefined],
    ]);
    expect(Object.values(records[0]!.meta).join(' ')).not.toContain('h-2014');
  });
});
