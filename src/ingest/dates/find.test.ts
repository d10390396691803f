import { describe, expect, it } from 'vitest';
import { findDateMentions, type DateMention } from './find.ts';

const one = (text: string, lang: 'en' | 'zh-Hans' | 'zh-Hant' = 'en'): DateMention => {
  const found = findDateMentions(text, lang);
  expect(found, `one mention in ${text}`).toHaveLength(1);
  return found[0]!;
};
const expressions = (text: string, lang: 'en' | 'zh-Hans' = 'en'): string[] => findDateMentions(text, lang).map((m) => m.expression);

describe('findDateMentions, English', () => {
  it('reads full dates, day+month, month+day, month and year forms with offsets', () => {
    const text = 'On 2 January 1986, the guild attacked.';
    const m = one(text);
    expect(m).toMatchObject({ expression: '2 January 1986', kind: 'absolute', date: { year: 1986, month: 1, day: 2 } });
    expect(text.slice(m.start, m.end)).toBe('2 January 1986');
    expect(one('On 5 January, strikers').date).toEqual({ month: 1, day: 5 });
    expect(one('talks scheduled for January 22 in Geneva').date).toEqual({ month: 1, day: 22 });
    expect(one('Wire July 4, 1986').date).toEqual({ year: 1986, month: 7, day: 4 });
    expect(one('In September 1986, strikers').date).toEqual({ year: 1986, month: 9 });
    expect(one('In 1987, most of the harvest').date).toEqual({ year: 1987 });
    expect(one('Harbour Gazette 1986-07-01').date).toEqual({ year: 1986, month: 7, day: 1 });
  });

  it('reads ranges', () => {
    expect(one('Between 14 and 16 March, the guild withdrew')).toMatchObject({
      expression: 'Between 14 and 16 March',
      date: { month: 3, day: 14 },
      rangeEnd: { month: 3, day: 16 },
    });
    expect(one('Between 1 and 3 July, the guild').rangeEnd).toEqual({ month: 7, day: 3 });
    expect(one('closed (29 April – 11 June)')).toMatchObject({ expression: '29 April – 11 June', date: { month: 4, day: 29 }, rangeEnd: { month: 6, day: 11 } });
    // a time of day may open the end too; "and into" joins without an opener
    expect(one('The ferry ran from 2 June to the evening of 4 June.')).toMatchObject({ date: { month: 6, day: 2 }, rangeEnd: { month: 6, day: 4 } });
    expect(one('Shelling went on through the night of 7 May and into the morning of 8 May.')).toMatchObject({ date: { month: 5, day: 7 }, rangeEnd: { month: 5, day: 8 } });
    expect(one('this took place between 18–23 September 1985.')).toMatchObject({
      date: { year: 1985, month: 9, day: 18 },
      rangeEnd: { year: 1985, month: 9, day: 23 },
    });
    expect(one('Between 3 January and 28 June 1986, people died')).toMatchObject({
      date: { year: 1986, month: 1, day: 3 },
      rangeEnd: { year: 1986, month: 6, day: 28 },
    });
  });

  it('reads fuzzy parts and seasons', () => {
    expect(one('In early April, the guild bolstered').date).toEqual({ month: 4, fuzzy: 'early' });
    expect(one('By late May, 3,000 dockers').date).toEqual({ month: 5, fuzzy: 'late' });
    expect(one('complete output in mid-1985.').date).toEqual({ year: 1985, fuzzy: 'mid' });
    expect(one('In the summer of 1986, the guild began')).toMatchObject({ expression: 'the summer of 1986', date: { year: 1986, season: 1 } });
  });

  it('reads relative phrases, same-date markers and weekdays', () => {
    const rel = (t: string) => one(t).relative;
    expect(rel('The next day, the council')).toEqual({ days: 1 });
    expect(rel('The day before, five fighters')).toEqual({ days: -1 });
    expect(rel('The previous day, x')).toEqual({ days: -1 });
    expect(rel('during the previous evening, the guild')).toEqual({ days: -1 });
    expect(rel('Three days later, the deputy')).toEqual({ days: 3 });
    expect(rel('One week later, a commander')).toEqual({ days: 7 });
    expect(rel('Later that day, the envoy')).toEqual({ same: true });
    expect(rel('the same day with')).toEqual({ same: true });
    expect(rel('Meanwhile, the guild forces')).toEqual({ same: true, connective: true });
    expect(one('marched on Friday against').weekday).toBe(4);
    expect(one('on Thursday when the ferry tried').weekday).toBe(3);
  });

  it('ignores counts, distances and words that only look like dates', () => {
    expect(expressions('80-100 tanks, a 24-hour ultimatum, 2,764+ killed, within 10 miles of the city')).toEqual([]);
    expect(expressions('after they captured the village of Kelby near Ormond')).toEqual([]);
    expect(expressions('it may be that Sun and Sat are words; the march went on')).toEqual([]);
    expect(expressions('Total: 5,641–6,991 killed, 1,200 combatants')).toEqual([]);
  });

  it('flags impossible dates instead of reading them', () => {
    expect(one('On 31 April, x').invalid).toMatch(/does not exist/);
    expect(one('On 30 February 1986, x').invalid).toMatch(/does not exist/);
    expect(one('On 29 February 1988, x').invalid).toBeUndefined();
  });
});

describe('findDateMentions, Chinese', () => {
  it('reads full, partial, month-only and year-only dates', () => {
    expect(one('1986年1月4日，伊斯兰国', 'zh-Hans').date).toEqual({ year: 1986, month: 1, day: 4 });
    expect(one('1月5日在激烈交火之后', 'zh-Hans').date).toEqual({ month: 1, day: 5 });
    expect(one('10月，伊斯兰国', 'zh-Hans').date).toEqual({ month: 10 });
    expect(one('在1987年，', 'zh-Hans').date).toEqual({ year: 1987 });
    expect(one('到13年1月14日，', 'zh-Hans').date).toEqual({ year: 13, twoDigitYear: true, month: 1, day: 14 });
    expect(one('１月５日', 'zh-Hans').date).toEqual({ month: 1, day: 5 });
  });

  it('reads ranges', () => {
    expect(one('7月20日至21日', 'zh-Hans')).toMatchObject({ date: { month: 7, day: 20 }, rangeEnd: { month: 7, day: 21 } });
    // an end that is a part of its year reaches that part's last month: the start is the year before
    expect(one('11月3日到1871年初，守军坚守不退', 'zh-Hans')).toMatchObject({ date: { year: 1870, month: 11, day: 3 }, rangeEnd: { year: 1871, fuzzy: 'early' } });
    // 初版 is a first edition, not early in the year
    expect(one('该书1988年初版', 'zh-Hans')).toMatchObject({ expression: '1988年', date: { year: 1988 } });
    expect(one('27日至29日罢工者占领了', 'zh-Hans')).toMatchObject({ date: { day: 27 }, rangeEnd: { day: 29 } });
    expect(one('8月3日至8月5日', 'zh-Hans')).toMatchObject({ date: { month: 8, day: 3 }, rangeEnd: { month: 8, day: 5 } });
    expect(one('从11月14日到11月27日，', 'zh-Hans')).toMatchObject({
      expression: '从11月14日到11月27日',
      date: { month: 11, day: 14 },
      rangeEnd: { month: 11, day: 27 },
    });
    expect(one('从8月17日晚到18日凌晨', 'zh-Hans')).toMatchObject({ date: { month: 8, day: 17 }, rangeEnd: { month: 8, day: 18 } });
    expect(one('在7月末和8月初，', 'zh-Hans')).toMatchObject({ date: { month: 7, fuzzy: 'late' }, rangeEnd: { month: 8, fuzzy: 'early' } });
    // 於A開始，至B…: began on A and ran until B
    expect(one('這次圍城於1998年5月3日開始，至1999年2月1日由守軍宣佈投降。', 'zh-Hant')).toMatchObject({ date: { year: 1998, month: 5, day: 3 }, rangeEnd: { year: 1999, month: 2, day: 1 } });
    // two months joined by "and" are the months they name, from the first to the last
    expect(one('During April and May 1999 the convoys ran twice a week.', 'en')).toMatchObject({ date: { month: 4 }, rangeEnd: { year: 1999, month: 5 } });
    // a list of two dates covers the days from the first to the last
    expect(one('1972年3月4日、3月9日，游击队两次袭击车站。', 'zh-Hans')).toMatchObject({ date: { year: 1972, month: 3, day: 4 }, rangeEnd: { year: 1972, month: 3, day: 9 } });
  });

  it('reads fuzzy parts, seasons, relative phrases and weekdays', () => {
    expect(one('到2月中旬，', 'zh-Hans').date).toEqual({ month: 2, fuzzy: 'mid' });
    expect(one('到了12月中旬，', 'zh-Hans').date).toEqual({ month: 12, fuzzy: 'mid' });
    expect(one('在5月上旬，', 'zh-Hans').date).toEqual({ month: 5, fuzzy: 'early' });
    expect(one('在1985年11月後期，', 'zh-Hans').date).toEqual({ year: 1985, month: 11, fuzzy: 'late' });
    expect(one('在1985年年初，', 'zh-Hans').date).toEqual({ year: 1985, fuzzy: 'early' });
    expect(one('1986年夏季', 'zh-Hans').date).toEqual({ year: 1986, season: 1 });
    expect(one('第二天，', 'zh-Hans').relative).toEqual({ days: 1 });
    expect(one('在之前一天的晚上', 'zh-Hans').relative).toEqual({ days: -1 });
    expect(one('三天后，', 'zh-Hans').relative).toEqual({ days: 3 });
    expect(one('几天之后，', 'zh-Hans').relative).toEqual({ vague: [2, 7] });
    expect(one('当天晚些时候，', 'zh-Hans').relative).toEqual({ same: true });
    expect(one('与此同时，', 'zh-Hans').relative).toEqual({ same: true, connective: true });
    expect(one('在周日叛军', 'zh-Hans').weekday).toBe(6);
  });

  it('ignores counts and numbered things', () => {
    expect(expressions('80-100辆坦克，1千300人，46号基地，2,764人，93到100人，持续3天的战斗', 'zh-Hans')).toEqual([]);
  });

  it('flags impossible dates', () => {
    expect(one('2月30日，', 'zh-Hans').invalid).toMatch(/does not exist/);
  });
});

describe('findDateMentions, relative months and years', () => {
  it('reads month and year offsets, and a year word before a month', () => {
    expect(one('A month later, talks resumed').relative).toEqual({ months: 1 });
    expect(one('the following year, x').relative).toEqual({ years: 1 });
    expect(one('次年3月，战线趋于稳定。', 'zh-Hans')).toMatchObject({ expression: '次年3月', date: { month: 3, yearOffset: 1 } });
    expect(one('on the 4th of July 1776').date).toEqual({ year: 1776, month: 7, day: 4 });
    expect(one('1944').date).toEqual({ year: 1944 });
    expect(one('the offensive (April–July 1986)')).toMatchObject({ date: { year: 1986, month: 4 }, rangeEnd: { year: 1986, month: 7 } });
  });
});

describe('findDateMentions, year ranges and decades', () => {
  it('reads year ranges but not counts', () => {
    expect(one('Between 1941 and 1945, the war')).toMatchObject({ date: { year: 1941 }, rangeEnd: { year: 1945 } });
    expect(one('during the 1941–45 war')).toMatchObject({ date: { year: 1941 }, rangeEnd: { year: 1945 } });
    expect(one('1941年至1945年', 'zh-Hans')).toMatchObject({ date: { year: 1941 }, rangeEnd: { year: 1945 } });
    expect(expressions('between 1500 and 2000 fighters')).toEqual([]);
    expect(one('since the 1960s.').date).toEqual({ year: 1960, decade: true });
  });
});

describe('findDateMentions: a date restated more exactly', () => {
  it('joins "A, i.e. B" / A即B into one mention with B’s date', () => {
    expect(findDateMentions('次年初即1953年2月，停战谈判恢复。', 'zh-Hans').map((m) => [m.expression, m.date])).toEqual([
      ['次年初即1953年2月', { year: 1953, month: 2 }],
    ]);
    expect(findDateMentions('Late that year, i.e. November 1917, the line broke.', 'en').map((m) => m.date)).toEqual([{ year: 1917, month: 11 }]);
  });
});
