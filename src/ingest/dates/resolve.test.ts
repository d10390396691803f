import { describe, expect, it } from 'vitest';
import { findDateMentions } from './find.ts';
import { resolveMention, type ResolveContext } from './resolve.ts';
import type { EventDate } from '../../schema/records.ts';

const resolve = (text: string, ctx: Partial<ResolveContext> = {}, lang: 'en' | 'zh-Hans' = 'en') => {
  const m = findDateMentions(text, lang)[0]!;
  const d = resolveMention(m, { lang, ...ctx });
  return d && { start: d.start, end: d.end, precision: d.precision };
};
const day = (iso: string): EventDate => ({ start: iso, end: iso, precision: 'day', expression: iso, basis: 'stated' });

describe('resolveMention', () => {
  it('turns explicit dates into spans with a precision', () => {
    expect(resolve('2 January 2014')).toEqual({ start: '2014-01-02', end: '2014-01-02', precision: 'day' });
    expect(resolve('September 2014')).toEqual({ start: '2014-09-01', end: '2014-09-30', precision: 'month' });
    expect(resolve('In 2015,')).toEqual({ start: '2015-01-01', end: '2015-12-31', precision: 'year' });
    expect(resolve('the summer of 2014')).toEqual({ start: '2014-06-01', end: '2014-08-31', precision: 'season' });
    expect(resolve('between 18–23 September 2013')).toEqual({ start: '2013-09-18', end: '2013-09-23', precision: 'day' });
    expect(resolve('Between 28 June 2014 and 28 April 2015')).toEqual({ start: '2014-06-28', end: '2015-04-28', precision: 'day' });
  });

  it('reads fuzzy parts as parts of the month or year', () => {
    const before = { start: '2014-03-01', end: '2014-03-01' };
    expect(resolve('In early April', { before })).toEqual({ start: '2014-04-01', end: '2014-04-10', precision: 'month' });
    expect(resolve('By late May', { before })).toEqual({ start: '2014-05-21', end: '2014-05-31', precision: 'month' });
    expect(resolve('到2月中旬，', { before }, 'zh-Hans')).toEqual({ start: '2014-02-11', end: '2014-02-20', precision: 'month' });
    expect(resolve('在2013年年初，', {}, 'zh-Hans')).toEqual({ start: '2013-01-01', end: '2013-03-31', precision: 'season' });
    expect(resolve('domination in mid-2013')).toEqual({ start: '2013-06-01', end: '2013-08-31', precision: 'season' });
  });

  it('infers a missing year from the dates around it', () => {
    expect(resolve('On 5 January', { before: { start: '2014-01-02', end: '2014-01-02' } })).toMatchObject({ start: '2014-01-05' });
    // A December date read after February, with January of the next year just after: a flashback.
    expect(
      resolve('在12月30日，', { before: { start: '2013-02-11', end: '2013-02-20' }, after: { start: '2013-01-14', end: '2013-01-14' }, headingYear: 2013 }, 'zh-Hans'),
    ).toMatchObject({ start: '2012-12-30' });
    // After December 2013, January is the next year.
    expect(resolve('1月12日', { before: { start: '2012-12-15', end: '2012-12-15' }, headingYear: 2013 }, 'zh-Hans')).toMatchObject({ start: '2013-01-12' });
    expect(resolve('In October,', { published: '2014-01-04', current: day('2014-01-03') })).toMatchObject({ start: '2013-10-01' });
    expect(resolve('2月10日', { sentenceYear: 2012, before: { start: '2016-12-22', end: '2016-12-22' } }, 'zh-Hans')).toMatchObject({ start: '2012-02-10' });
    expect(resolve('到13年1月14日', { before: { start: '2012-12-30', end: '2012-12-30' } }, 'zh-Hans')).toMatchObject({ start: '2013-01-14' });
  });

  it('takes a bare day or a day range from the current month', () => {
    expect(resolve('27日至29日', { current: day('2014-01-27'), before: { start: '2014-01-27', end: '2014-01-27' } }, 'zh-Hans')).toEqual({
      start: '2014-01-27',
      end: '2014-01-29',
      precision: 'day',
    });
  });

  it('counts relative phrases from the current date', () => {
    const current = day('2014-01-20');
    expect(resolve('The next day,', { current })).toMatchObject({ start: '2014-01-21', end: '2014-01-21' });
    expect(resolve('the previous evening', { current })).toMatchObject({ start: '2014-01-19' });
    expect(resolve('Three days later', { current })).toMatchObject({ start: '2014-01-23' });
    expect(resolve('One week later', { current })).toMatchObject({ start: '2014-01-27' });
    expect(resolve('later that day', { current })).toMatchObject({ start: '2014-01-20', end: '2014-01-20' });
    expect(resolve('第二天，', { current: { ...day('2012-07-22'), end: '2012-07-23' } }, 'zh-Hans')).toMatchObject({ start: '2012-07-23', end: '2012-07-23' });
    expect(resolve('几天之后，', { current }, 'zh-Hans')).toEqual({ start: '2014-01-22', end: '2014-01-27', precision: 'day' });
    expect(resolve('The next day,', {})).toBeUndefined();
  });

  it('places weekdays in the week before a dated document', () => {
    const published = '2014-01-04'; // a Saturday
    expect(resolve('on Friday', { published })).toMatchObject({ start: '2014-01-03' });
    expect(resolve('on Thursday', { published })).toMatchObject({ start: '2014-01-02' });
    expect(resolve('told Al Arabiya Saturday', { published })).toMatchObject({ start: '2014-01-04' });
    expect(resolve('yesterday', { published, current: day('2014-01-02') })).toMatchObject({ start: '2014-01-03' });
  });

  it('refuses impossible dates', () => {
    expect(resolve('On 31 April 2014,')).toBeUndefined();
  });
});
