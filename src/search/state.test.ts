import { describe, expect, it } from 'vitest';
import { chooseExcerpt, localiseUrl, pagefindArgs, parseExcerpt, parseState, prepareQuery, stateToSearch } from './state.ts';

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
  const original = '1月23日伊斯蘭國完全控制了Manbij。';
  const folded = '1月23日伊斯兰国完全控制了Manbij。';
  const content = `${original} ${folded} Manbij · 曼比季 · ISIL`;
  const lengths = [original.length, folded.length];
  it('keeps an excerpt from the passage', () => {
    const r = chooseExcerpt(content, '1月23日伊斯蘭國完全控制了<mark>Manbij</mark>。', lengths);
    expect(r.parts.find((p) => p.mark)?.text).toBe('Manbij');
    expect(r.matched).toEqual([]);
  });
  it('maps an excerpt from the folded copy back onto the passage as written', () => {
    const r = chooseExcerpt(content, '1月23日<mark>伊斯兰国</mark>完全控制了Manbij。', lengths);
    expect(r.parts.map((p) => p.text).join('')).toContain('伊斯蘭國完全');
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
