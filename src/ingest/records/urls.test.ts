import { describe, expect, it } from 'vitest';
import { eventUrl } from './urls.ts';
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
