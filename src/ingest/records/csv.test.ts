import { describe, expect, it } from 'vitest';
import { eventsToCsv } from './csv.ts';
import type { EventRecord } from '../../schema/records.ts';

const event: EventRecord = {
  id: 'e-001-2014-01-05-abcdef',
  date: { start: '2014-01-05', end: '2014-01-05', precision: 'day', expression: 'On 5 January', basis: 'stated' },
  text: 'Rebels said "we hold it", then, later,\nleft.',
  lang: 'en',
  source: { id: 's', file: 'f.txt', title: 'T', section: ['A', 'B'], line: 3 },
  places: ['manbij', 'aleppo'],
  groups: ['isil'],
  citations: [],
  url: '/day/2014-01-05/#e-001-2014-01-05-abcdef',
};

describe('eventsToCsv', () => {
  it('quotes fields with commas, quotes and newlines as RFC 4180 says', () => {
    const [header, row] = eventsToCsv([event]).split('\r\n');
    expect(header).toBe('id,start,end,precision,lang,source,section,places,groups,text,url');
    expect(row).toContain('"Rebels said ""we hold it"", then, later,\nleft."');
    expect(row).toContain(',A > B,manbij;aleppo,isil,');
  });
});
