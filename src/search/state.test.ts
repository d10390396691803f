import { describe, expect, it } from 'vitest';
import { chooseExcerpt, dateRangeFilter, isIsoDay, localiseUrl, pagefindArgs, parseExcerpt, parseState, prepareQuery, stateToSearch } from './state.ts';

describe('URL state', () => {
  it('round-trips the query string', () => {
    const url = '?q=Manbij&place=manbij&group=al-nusra-front&year=2014&sort=date-asc';
    const st = parseState(url);
    expect(st).toEqual({ q: 'Manbij', filters: { place: 'manbij', group: 'al-nusra-front', year: '2014' }, sort: 'date-asc' });
    expect(stateToSearch(st)).toBe(url);
    expect(stateToSearch(parseState(''))).toBe('');
  });
  it('ignores unknown sorts and empty values', () => {
    expect(parseState('?q=&place=&sort=sideways')).toEqual({ q: '', filters: {}, sort: undefined });
  });
  it('maps state to Pagefind arguments', () => {
    expect(pagefindArgs(parseState('?group=al-nusra-front&year=2014'), null)).toEqual({
      term: null,
      options: { filters: { group: 'al-nusra-front', year: '2014' }, sort: { date: 'asc' } },
    });
    expect(pagefindArgs(parseState('?q=ISIL'), null)).toEqual({ term: 'ISIL', options: { filters: {}, sort: { date: 'asc' } } });
    expect(pagefindArgs(parseState('?q=ISIL&sort=relevance'), null)).toEqual({ term: 'ISIL', options: { filters: {} } });
    expect(pagefindArgs(parseState('?q=ISIL&sort=date-desc'), null).options.sort).toEqual({ date: 'desc' });
  });
});

describe('prepareQuery', () => {
  it('splits the query into words like Pagefind does for Chinese pages', () => {
    const seg = new Intl.Segmenter('zh', { granularity: 'word' });
    const out = prepareQuery('伊斯兰国攻占了Manbij', seg);
    expect(out).toContain('Manbij');
    expect(out.split(' ').length).toBeGreaterThan(2);
    expect(prepareQuery('al-Nusra  Front', seg)).toBe('al Nusra Front');
    expect(prepareQuery(' "伊斯兰国" ', seg)).toMatch(/^"伊斯兰.*"$/);
    expect(prepareQuery('曼比季', null)).toBe('曼比季');
  });
});

describe('excerpts', () => {
  it('parses highlights and decodes entities without HTML', () => {
    expect(parseExcerpt('a &amp; <mark>b</mark> &lt;c&gt;')).toEqual([
      { text: 'a & ', mark: false },
      { text: 'b', mark: true },
      { text: ' <c>', mark: false },
    ]);
  });
  const original = '2月11日伊斯蘭國的車隊駛入了Manbij。';
  const folded = '2月11日伊斯兰国的车队驶入了Manbij。';
  const content = `${original} ${folded} Manbij · 曼比季 · ISIL`;
  const lengths = [original.length, folded.length];
  it('keeps an excerpt from the passage', () => {
    const r = chooseExcerpt(content, '2月11日伊斯蘭國的車隊駛入了<mark>Manbij</mark>。', lengths);
    expect(r.parts.find((p) => p.mark)?.text).toBe('Manbij');
    expect(r.matched).toEqual([]);
  });
  it('maps an excerpt from the folded copy back onto the passage as written', () => {
    const r = chooseExcerpt(content, '2月11日<mark>伊斯兰国</mark>的车队驶入了Manbij。', lengths);
    expect(r.parts.map((p) => p.text).join('')).toContain('伊斯蘭國的車隊');
    expect(r.parts.find((p) => p.mark)?.text).toBe('伊斯蘭國');
  });
  it('shows the passage and the matched name when only a name matched', () => {
    const r = chooseExcerpt(content, 'Manbij · <mark>曼比季</mark> · ISIL', lengths);
    expect(r.parts).toEqual([{ text: original, mark: false }]);
    expect(r.matched).toEqual(['曼比季']);
  });
  it('localises result links for the Chinese UI', () => {
    expect(localiseUrl('/day/2014-01-05/#e-1', '/', 'zh')).toBe('/zh/day/2014-01-05/#e-1');
    expect(localiseUrl('/b/day/2014-01-05/#e-1', '/b/', 'zh')).toBe('/b/zh/day/2014-01-05/#e-1');
    expect(localiseUrl('/day/2014-01-05/#e-1', '/', 'en')).toBe('/day/2014-01-05/#e-1');
  });
});

describe('date range', () => {
  it('keeps from/to in the URL, and only real days', () => {
    const st = parseState('?q=Aleppo&from=2013-02-01&to=2013-03-15');
    expect(st).toMatchObject({ q: 'Aleppo', from: '2013-02-01', to: '2013-03-15' });
    expect(stateToSearch(st)).toBe('?q=Aleppo&from=2013-02-01&to=2013-03-15');
    expect(parseState('?from=2013-02-30&to=13/03/2013')).toEqual({ q: '', filters: {}, sort: undefined });
    expect(isIsoDay('2016-02-29')).toBe(true);
    expect(isIsoDay('2015-02-29')).toBe(false);
  });

  it('writes a range as whole years, whole months and single days', () => {
    expect(dateRangeFilter('2012-12-30', '2014-02-02')).toEqual([
      { year: { any: ['2013'] } },
      { month: { any: ['2014-01'] } },
      { start: { any: ['2012-12-30', '2012-12-31', '2014-02-01', '2014-02-02'] } },
    ]);
    expect(dateRangeFilter('2014-03-01', '2014-03-31')).toEqual([{ month: { any: ['2014-03'] } }]);
    expect(dateRangeFilter(undefined, undefined)).toBeUndefined();
  });

  it('bounds an open range by the dates of the index, and matches nothing when empty', () => {
    const dates = { first: '2012-07-19', last: '2016-12-22' };
    const open = dateRangeFilter('2016-12-01', undefined, dates)!;
    expect(open).toEqual([{ start: { any: Array.from({ length: 22 }, (_, i) => `2016-12-${String(i + 1).padStart(2, '0')}`) } }]);
    expect(dateRangeFilter(undefined, '2012-07-20', dates)).toEqual([{ start: { any: ['2012-07-19', '2012-07-20'] } }]);
    expect(dateRangeFilter('2014-05-01', '2014-04-01', dates)).toEqual([{ start: { any: ['none'] } }]);
    const long = dateRangeFilter('1900-01-01', '2100-12-31')!;
    expect(long).toHaveLength(1);
    expect(long[0].year.any).toHaveLength(201);
  });

  it('adds the range to the Pagefind filters beside the chosen ones', () => {
    const args = pagefindArgs(parseState('?group=isil&from=2014-01-01&to=2014-12-31'), null);
    expect(args.options.filters).toEqual({ group: 'isil', any: [{ year: { any: ['2014'] } }] });
  });
});
