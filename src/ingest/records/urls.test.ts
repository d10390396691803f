import { describe, expect, it } from 'vitest';
import { eventUrl, sectionUrls } from './urls.ts';
import type { EventDate } from '../../schema/records.ts';

const date = (start: string, end: string, precision: EventDate['precision']): EventDate => ({ start, end, precision, expression: 'x', basis: 'stated' });

describe('eventUrl', () => {
  it('puts an event on the most specific page that lists it', () => {
    expect(eventUrl(date('2014-01-05', '2014-01-05', 'day'), 'e-1')).toBe('/day/2014-01-05/#e-1');
    expect(eventUrl(date('2014-01-10', '2014-01-12', 'day'), 'e-1')).toBe('/day/2014-01-10/#e-1');
    expect(eventUrl(date('2014-07-01', '2014-07-31', 'month'), 'e-1')).toBe('/month/2014-07/#e-1');
    expect(eventUrl(date('2013-06-01', '2013-08-31', 'season'), 'e-1')).toBe('/month/2013-06/#e-1');
    expect(eventUrl(date('2015-01-01', '2015-12-31', 'year'), 'e-1')).toBe('/year/2015/#e-1');
  });
});

describe('sectionUrls', () => {
  const blocks = [
    { kind: 'heading', text: 'Early fighting', line: 3 },
    { kind: 'paragraph', text: 'x', line: 4 },
    { kind: 'heading', text: 'Aftermath', line: 8 },
    { kind: 'heading', text: 'Early fighting', line: 12 },
  ];

  it('links a passage to its innermost section of a wiki article, numbering repeated headings', () => {
    const url = sectionUrls('https://en.wikipedia.org/wiki/Siege_of_Somewhere', blocks);
    expect(url(['Early fighting'], 5)).toBe('https://en.wikipedia.org/wiki/Siege_of_Somewhere#Early_fighting');
    expect(url(['Aftermath', 'Early fighting'], 14)).toBe('https://en.wikipedia.org/wiki/Siege_of_Somewhere#Early_fighting_2');
    expect(url([], 1)).toBe('https://en.wikipedia.org/wiki/Siege_of_Somewhere');
  });

  it('keeps Chinese headings readable and encodes what a fragment cannot hold', () => {
    const url = sectionUrls('https://zh.wikipedia.org/wiki/某战役', [{ kind: 'heading', text: '城 区 "战斗"', line: 2 }]);
    expect(url(['城 区 "战斗"'], 3)).toBe('https://zh.wikipedia.org/wiki/某战役#城_区_%22战斗%22');
  });

  it('gives the address alone when the original has no known anchors, nothing without an address', () => {
    expect(sectionUrls('https://news.example/2014/01/post/', blocks)(['Aftermath'], 9)).toBe('https://news.example/2014/01/post/');
    expect(sectionUrls(undefined, blocks)(['Aftermath'], 9)).toBeUndefined();
    expect(sectionUrls('javascript:alert(1)', blocks)(['Aftermath'], 9)).toBeUndefined();
  });
});
