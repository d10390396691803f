/**
 * Date finding and resolution on chronologies of other wars (added with the u07–u09 unseen
 * texts): named weekdays, bare ordinal days, narrative weekdays, long year ranges.
 */
import { describe, expect, it } from 'vitest';
import { findDateMentions } from './find.ts';
import { resolveMention } from './resolve.ts';

const found = (text: string) => findDateMentions(text, 'en').map((m) => [m.expression, m.kind]);

describe('finding dates written like older chronologies', () => {
  it('keeps a named weekday with the date it names (Easter Monday, 24 April 1916)', () => {
    expect(found('The revolt began on Easter Monday, 3 April 1871, and lasted a week.')).toEqual([['Easter Monday, 3 April 1871', 'absolute']]);
    expect(found('The fleet sailed on Good Friday, 14 April.')).toEqual([['Good Friday, 14 April', 'absolute']]);
    expect(found('They waited until after Whit Monday.')).toEqual([['Whit Monday', 'weekday']]);
  });

  it('reads a bare ordinal day after "on the" / "of the" as a day, not a regiment or century', () => {
    expect(found('The corps fell back to the river on the 12th. It rested.')).toEqual([['the 12th', 'absolute']]);
    expect(found('Early on the morning of the 9th, the guns opened fire.')).toEqual([['the 9th', 'absolute']]);
    expect(found('The 42nd Highlanders held the ridge on the 3rd Division front.')).toEqual([]);
    expect(found('It was rebuilt in the 19th century.')).toEqual([]);
  });

  it('knows "a day later" as a one-day offset', () => {
    const [m] = findDateMentions('The carriers left port a day later.', 'en');
    expect(m?.relative).toEqual({ days: 1 });
  });
});

describe('resolving them', () => {
  const current = { start: '1871-04-03', end: '1871-04-03', precision: 'day' as const, expression: '3 April 1871' };

  it('moves a narrative on to its weekdays when the document has no publication date', () => {
    const [tuesday] = findDateMentions('on Tuesday evening', 'en');
    expect(resolveMention(tuesday!, { lang: 'en', current })?.start).toBe('1871-04-04'); // 3 April 1871 was a Monday
    // A dated post still looks back to its weekdays.
    expect(resolveMention(tuesday!, { lang: 'en', current, published: '1871-04-08' })?.start).toBe('1871-04-04');
  });

  it('places a bare ordinal day in the month of the story', () => {
    const [m] = findDateMentions('withdrew on the 5th.', 'en');
    expect(resolveMention(m!, { lang: 'en', current })).toMatchObject({ start: '1871-04-05', end: '1871-04-05', precision: 'day' });
  });

  it('gives a range of written years whole years, over decades (from 1836 to 1866, 1469–72)', () => {
    const [long] = findDateMentions('policed the town from 1836 to 1866.', 'en');
    expect(resolveMention(long!, { lang: 'en' })).toMatchObject({ start: '1836-01-01', end: '1866-12-31', precision: 'year' });
    const [short] = findDateMentions('The church is dated 1469–72 and', 'en');
    expect(resolveMention(short!, { lang: 'en' })).toMatchObject({ start: '1469-01-01', end: '1472-12-31', precision: 'year' });
  });

  it('lets the lead pull a yearless month towards the story it summarises', () => {
    const [m] = findDateMentions('In early May, the council met.', 'en');
    const before = { start: '1870-09-01', end: '1870-09-30' };
    // Without the lead, going back four months beats going on eight.
    expect(resolveMention(m!, { lang: 'en', before })?.start).toBe('1870-05-01');
    expect(resolveMention(m!, { lang: 'en', before, lead: [{ start: '1871-05-01', end: '1871-05-31' }] })?.start).toBe('1871-05-01');
  });

  it('is not pulled past the years it sits in by a far later date ahead', () => {
    const [m] = findDateMentions('The war began on 2 May.', 'en');
    const before = { start: '1866-01-01', end: '1866-12-31' };
    const after = { start: '1873-01-01', end: '1873-12-31' };
    expect(resolveMention(m!, { lang: 'en', before, after })?.start).toBe('1866-05-02');
  });
});
