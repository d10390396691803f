import { describe, expect, it } from 'vitest';
import { formatEventDate } from './dates.ts';

const date = (start: string, end: string, precision = 'day') => ({ start, end, precision });

describe('formatEventDate', () => {
  it('writes days and spans as a reader does, in both UI languages', () => {
    expect(formatEventDate(date('2014-01-05', '2014-01-05'), 'en')).toBe('5 January 2014');
    expect(formatEventDate(date('2014-01-05', '2014-01-05'), 'zh')).toBe('2014年1月5日');
    expect(formatEventDate(date('2014-01-10', '2014-01-12'), 'en')).toBe('10–12 January 2014');
    expect(formatEventDate(date('2014-01-10', '2014-01-12'), 'zh')).toBe('2014年1月10日至12日');
    expect(formatEventDate(date('2014-01-30', '2014-02-02'), 'en')).toBe('30 January – 2 February 2014');
    expect(formatEventDate(date('2014-06-28', '2015-04-28'), 'zh')).toBe('2014年6月28日至2015年4月28日');
  });
  it('writes months, seasons and years by their precision', () => {
    expect(formatEventDate(date('2014-04-01', '2014-04-10', 'month'), 'en')).toBe('April 2014');
    expect(formatEventDate(date('2013-06-01', '2013-08-31', 'season'), 'en')).toBe('June – August 2013');
    expect(formatEventDate(date('2013-06-01', '2013-08-31', 'season'), 'zh')).toBe('2013年6月至8月');
    expect(formatEventDate(date('2012-07-01', '2016-12-31', 'month'), 'en')).toBe('July 2012 – December 2016');
    expect(formatEventDate(date('2011-01-01', '2011-12-31', 'year'), 'zh')).toBe('2011年');
    expect(formatEventDate(date('2011-01-01', '2012-12-31', 'year'), 'en')).toBe('2011 – 2012');
  });
});
