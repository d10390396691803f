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
    expect(resolve('2 January 1986')).toEqual({ start: '1986-01-02', end: '1986-01-02', precision: 'day' });
    expect(resolve('September 1986')).toEqual({ start: '1986-09-01', end: '1986-09-30', precision: 'month' });
    expect(resolve('In 1987,')).toEqual({ start: '1987-01-01', end: '1987-12-31', precision: 'year' });
    expect(resolve('the summer of 1986')).toEqual({ start: '1986-06-01', end: '1986-08-31', precision: 'season' });
    expect(resolve('between 18–23 September 1985')).toEqual({ start: '1985-09-18', end: '1985-09-23', precision: 'day' });
    expect(resolve('Between 28 June 1986 and 28 April 1987')).toEqual({ start: '1986-06-28', end: '1987-04-28', precision: 'day' });
  });

  it('reads fuzzy parts as parts of the month or year', () => {
    const before = { start: '1986-03-01', end: '1986-03-01' };
    expect(resolve('In early April', { before })).toEqual({ start: '1986-04-01', end: '1986-04-10', precision: 'month' });
    expect(resolve('By late May', { before })).toEqual({ start: '1986-05-21', end: '1986-05-31', precision: 'month' });
    expect(resolve('到2月中旬，', { before }, 'zh-Hans')).toEqual({ start: '1986-02-11', end: '1986-02-20', precision: 'month' });
    expect(resolve('在1985年年初，', {}, 'zh-Hans')).toEqual({ start: '1985-01-01', end: '1985-03-31', precision: 'season' });
    expect(resolve('output in mid-1985')).toEqual({ start: '1985-06-01', end: '1985-08-31', precision: 'season' });
    // a part of the story's month: early that month, at the end of the month
    expect(resolve('Early that month the pass closed.', { current: day('1986-03-04') })).toEqual({ start: '1986-03-01', end: '1986-03-10', precision: 'month' });
    expect(resolve('At the end of the month the envoys left.', { current: day('1986-03-04') })).toMatchObject({ start: '1986-03-21', end: '1986-03-31' });
    expect(resolve('Towards the end of May the rains came.', { before })).toMatchObject({ start: '1986-05-21', end: '1986-05-31' });
    // a month on from a part of a month is the same part of that month
    const lateOctober: EventDate = { start: '1986-10-21', end: '1986-10-31', precision: 'month', expression: 'late October', basis: 'stated' };
    expect(resolve('One month later the talks resumed.', { current: lateOctober })).toMatchObject({ start: '1986-11-21', end: '1986-11-30' });
  });

  it('infers a missing year from the dates around it', () => {
    expect(resolve('On 5 January', { before: { start: '1986-01-02', end: '1986-01-02' } })).toMatchObject({ start: '1986-01-05' });
    // A December date read after February, with January of the next year just after: a flashback.
    expect(
      resolve('在12月30日，', { before: { start: '1985-02-11', end: '1985-02-20' }, after: { start: '1985-01-14', end: '1985-01-14' }, headingYear: 1985 }, 'zh-Hans'),
    ).toMatchObject({ start: '1984-12-30' });
    // After December 1985, January is the next year.
    expect(resolve('1月12日', { before: { start: '1984-12-15', end: '1984-12-15' }, headingYear: 1985 }, 'zh-Hans')).toMatchObject({ start: '1985-01-12' });
    expect(resolve('In October,', { published: '1986-01-04', current: day('1986-01-03') })).toMatchObject({ start: '1985-10-01' });
    expect(resolve('2月10日', { sentenceYear: 1984, before: { start: '1988-12-22', end: '1988-12-22' } }, 'zh-Hans')).toMatchObject({ start: '1984-02-10' });
    expect(resolve('到85年1月14日', { before: { start: '1984-12-30', end: '1984-12-30' } }, 'zh-Hans')).toMatchObject({ start: '1985-01-14' });
  });

  it('takes a bare day or a day range from the current month', () => {
    expect(resolve('27日至29日', { current: day('1986-01-27'), before: { start: '1986-01-27', end: '1986-01-27' } }, 'zh-Hans')).toEqual({
      start: '1986-01-27',
      end: '1986-01-29',
      precision: 'day',
    });
  });

  it('counts relative phrases from the current date', () => {
    const current = day('1986-01-20');
    expect(resolve('The next day,', { current })).toMatchObject({ start: '1986-01-21', end: '1986-01-21' });
    expect(resolve('the previous evening', { current })).toMatchObject({ start: '1986-01-19' });
    expect(resolve('Three days later', { current })).toMatchObject({ start: '1986-01-23' });
    expect(resolve('One week later', { current })).toMatchObject({ start: '1986-01-27' });
    expect(resolve('later that day', { current })).toMatchObject({ start: '1986-01-20', end: '1986-01-20' });
    // a span that heads a section is walked through from its first day; one a sentence states, left after its last
    expect(resolve('第二天，', { current: { ...day('1984-07-22'), end: '1984-07-23', basis: 'heading' } }, 'zh-Hans')).toMatchObject({ start: '1984-07-23', end: '1984-07-23' });
    expect(resolve('第二天，', { current: { ...day('1984-07-22'), end: '1984-07-23' } }, 'zh-Hans')).toMatchObject({ start: '1984-07-24', end: '1984-07-24' });
    expect(resolve('The day before,', { current: { ...day('1984-07-22'), end: '1984-07-23' } })).toMatchObject({ start: '1984-07-21', end: '1984-07-21' });
    expect(resolve('几天之后，', { current }, 'zh-Hans')).toEqual({ start: '1986-01-22', end: '1986-01-27', precision: 'day' });
    expect(resolve('The next day,', {})).toBeUndefined();
    // from a month or a year, a day or two on is still in it
    const year = { start: '1902-01-01', end: '1902-12-31', precision: 'year' as const, expression: '1902', basis: 'stated' as const };
    expect(resolve('The next day,', { current: year })).toEqual({ start: '1902-01-01', end: '1902-12-31', precision: 'year' });
    const month = { start: '1902-05-01', end: '1902-05-31', precision: 'month' as const, expression: 'May 1902', basis: 'stated' as const };
    expect(resolve('Two days later', { current: month })).toEqual({ start: '1902-05-01', end: '1902-05-31', precision: 'month' });
  });

  it('places weekdays in the week before a dated document', () => {
    const published = '1986-01-04'; // a Saturday
    expect(resolve('on Friday', { published })).toMatchObject({ start: '1986-01-03' });
    expect(resolve('on Thursday', { published })).toMatchObject({ start: '1986-01-02' });
    expect(resolve('told the radio Saturday', { published })).toMatchObject({ start: '1986-01-04' });
    expect(resolve('yesterday', { published, current: day('1986-01-02') })).toMatchObject({ start: '1986-01-03' });
  });

  it('ends a range on a part of a later year without the start’s month', () => {
    expect(resolve('11月3日到1871年初，守军坚守不退', {}, 'zh-Hans')).toMatchObject({ start: '1870-11-03' });
    expect(resolve('11月3日到1871年初，守军坚守不退', {}, 'zh-Hans')!.end < '1871-06-01').toBe(true);
  });

  it('refuses impossible dates', () => {
    expect(resolve('On 31 April 1986,')).toBeUndefined();
  });
});
