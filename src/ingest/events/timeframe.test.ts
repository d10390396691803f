import { beforeEach, describe, expect, it } from 'vitest';
import { datelineMention, documentFrame, publicationDate } from './timeframe.ts';
import { segmentEvents } from './segment.ts';
import { findDateMentions } from '../dates/find.ts';
import { heading, para, resetLines } from './testBlocks.ts';
import type { Block } from '../blocks.ts';
import type { Lang } from '../../schema/records.ts';

beforeEach(resetLines);

const dates = (blocks: Block[], ctx: { lang?: Lang; title?: string; infobox?: Record<string, string>; head?: string[]; published?: string } = {}) =>
  segmentEvents(blocks, { file: 'test.txt', lang: ctx.lang ?? 'en', ...ctx }).drafts.map((d) => `${d.date.start}..${d.date.end} ${d.date.basis} ${d.text.slice(0, 18)}`);

describe('documentFrame: the period a document says it covers', () => {
  it('reads the infobox date field, then the title; the manifest wins over both', () => {
    expect(documentFrame({ lang: 'en', infobox: { Date: '12 March – 30 June 1921' } })).toEqual({ period: { start: '1921-03-12', end: '1921-06-30' }, from: 'infobox' });
    expect(documentFrame({ lang: 'en', title: 'Siege of Ardmore (May–August 1877)' }).period).toEqual({ start: '1877-05-01', end: '1877-08-31' });
    expect(documentFrame({ lang: 'zh-Hans', infobox: { 日期: '1952年10月14日－11月25日' } }).period).toEqual({ start: '1952-10-14', end: '1952-11-25' });
    expect(documentFrame({ lang: 'en', period: { start: '1900-01-01', end: '1900-12-31' }, infobox: { date: '1921' } }).from).toBe('manifest');
  });

  it('marks a period written as running on, and ignores a single day in a title (a post’s date line)', () => {
    expect(documentFrame({ lang: 'en', infobox: { date: '4 May 1999 – present' } })).toMatchObject({ openEnded: true });
    expect(documentFrame({ lang: 'zh-Hans', infobox: { date: '2001年3月2日至今' } })).toMatchObject({ openEnded: true });
    expect(documentFrame({ lang: 'en', title: 'March 3, 1999 - Harbour News Digest' })).toEqual({});
  });
});

describe('publicationDate: a post’s date line near the top', () => {
  const at = (texts: string[], lang: Lang = 'en') => {
    const blocks = texts.map((text) => ({ kind: 'paragraph', text }));
    return publicationDate(blocks, blocks.map((b) => findDateMentions(b.text, lang)), lang)?.day;
  };
  it('finds a short line with a full written date, in either language', () => {
    expect(at(['Harbour strike ends', 'Posted on 14 August 1997 by the desk', 'Dockers voted on Tuesday to return.'])).toBe('1997-08-14');
    expect(at(['港口罢工结束', '1997年08月14日09:30 | 新闻中心', '码头工人周二投票复工。'], 'zh-Hans')).toBe('1997-08-14');
  });
  it('takes no sentence for a date line, and no date that most of the text runs past', () => {
    expect(at(['The strike began on 14 August 1997.', 'It ended in May.'])).toBeUndefined();
    expect(at(['Date 2 May 1950', 'On 3 June 1950 the army crossed.', 'On 9 July 1950 it withdrew.'])).toBeUndefined();
  });
});

describe('the time model in segmenting', () => {
  it('places yearless dates in the infobox period, and says the year came from context', () => {
    const out = dates([para('On 4 April the garrison surrendered.')], { infobox: { date: '1 March – 20 May 1862' } });
    expect(out).toEqual(['1862-04-04..1862-04-04 context On 4 April the gar']);
  });

  it('keeps the narrative’s year after a background paragraph (a flashback does not move it)', () => {
    const out = dates(
      [
        para('In 1880 the town had already rebelled once, and unrest went on until February 1881.'),
        para('On 11 April the militia entered the town.'),
      ],
      { infobox: { date: '2 March – 30 June 1884' } },
    );
    expect(out.at(-1)).toMatch(/^1884-04-11\.\.1884-04-11 context/);
  });

  it('lets a flashback keep its own year inside its paragraph', () => {
    const out = dates([para('In 1880 the town rebelled. On 11 April its mayor fled.')], { infobox: { date: '2 March – 30 June 1884' } });
    expect(out.at(-1)).toMatch(/^1880-04-11/);
  });

  it('dates a yearless date by its section heading, and says so', () => {
    const out = dates([para('The war of 1915 began in the north.'), heading('1917: the northern campaign'), para('On 3 June the fleet sailed.')]);
    expect(out.at(-1)).toBe('1917-06-03..1917-06-03 heading On 3 June the flee');
  });

  it('marks a passage that only continues the previous date as inherited', () => {
    const out = dates([para('On 2 May 1911 the rebels took the fort.'), para('Many of the defenders fled west.')]);
    expect(out).toEqual(['1911-05-02..1911-05-02 stated On 2 May 1911 the ', '1911-05-02..1911-05-02 inherited Many of the defend']);
  });

  it('resolves a post’s weekdays against its date line, even one the reader kept out (head lines)', () => {
    const out = dates([para('Dockers voted on Tuesday to return to work.')], { head: ['Harbour strike ends', 'Posted on 14 August 1997 by the desk'] });
    expect(out).toEqual(['1997-08-12..1997-08-12 relative Dockers voted on T']);
  });

  it('counts an ordinal day from the first day of the episode, not from the last date read', () => {
    const out = dates([para('围城战于1947年5月1日开始。5月2日，守军反击。在围城的第四天，城墙被攻破。')], { lang: 'zh-Hans' });
    expect(out.at(-1)).toMatch(/^1947-05-04\.\.1947-05-04 relative/);
  });

  it('with only a lone reference year, prefers that year to its neighbours', () => {
    const out = dates([para('The 1902 season was long.'), para('On 4 January the first ship arrived.')], { infobox: { date: '1902' } });
    expect(out.at(-1)).toMatch(/^1902-01-04/);
  });

  it('a news dateline dates the report: the first sentence keeps its own weekday, later weekdays look back from it', () => {
    const out = dates([para('PORTSMOUTH, March 11 (Wire) - Dockers voted on Tuesday to end the strike. Talks had failed on Friday.')], { head: ['Published 11 March 1999'] });
    expect(out).toEqual(['1999-03-09..1999-03-09 relative PORTSMOUTH, March ', '1999-03-05..1999-03-05 relative Talks had failed o']);
    const zh = dates([para('新华社开罗3月11日电 示威者周二再次集会。')], { lang: 'zh-Hans', head: ['1999年03月11日 10:02'] });
    expect(zh).toEqual(['1999-03-09..1999-03-09 relative 新华社开罗3月11日电 示威者周二再']);
  });

  it('a background section before the narrative does not move its year (lead frame, Chinese)', () => {
    const out = dates([
      para('港口战役开始于2013年4月4日，结束于2013年6月20日。'),
      heading('背景', 2),
      para('自从2011年11月起，反对派多次袭击港口，冲突一直持续直到2012年2月。'),
      heading('战役', 2),
      para('4月11日，反对派攻入港口区。'),
    ], { lang: 'zh-Hans' });
    expect(out.at(-1)).toMatch(/^2013-04-11/);
  });

  it('a lead that goes on to the aftermath does not widen the frame', () => {
    const out = dates([
      para('The strike lasted from May to July 1926. Relations improved in 1931, and in 1946 the mines were nationalised.'),
      heading('Course', 2),
      para('In 1950, an inquiry reopened the case.'),
      para('On 4 May the first pits closed.'),
    ]);
    expect(out.at(-1)).toMatch(/^1926-05-04/);
  });

  it('a heading that opens with a year dates its section', () => {
    const out = dates([para('The war began on 2 April 1982 and ended on 14 June 1982.'), heading('2011 protests', 2), para('On 3 June, protesters gathered.')]);
    expect(out.at(-1)).toBe('2011-06-03..2011-06-03 heading On 3 June, protest');
  });
});

describe("a post's metadata line", () => {
  const dateline = (text: string) => datelineMention(text, findDateMentions(text, 'en'), 'en')?.expression;
  it('gives the report its day (resource datelineLabels)', () => {
    expect(dateline('Title: The road reopens\nDate: 2016-03-17 08:40\nCategory: news')).toBe('2016-03-17');
    // a date in the text is no dateline
    expect(dateline('Title: The road reopens\nThe road reopened on 2016-03-17.')).toBeUndefined();
  });
});
