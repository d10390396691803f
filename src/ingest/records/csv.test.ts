import { describe, expect, it } from 'vitest';
import { eventsToCsv } from './csv.ts';
import type { EventRecord } from '../../schema/records.ts';

const event: EventRecord = {
  id: 'e-001-2014-01-05-abcdef',
  date: { start: '2014-01-05', end: '2014-01-05', precision: 'day', expression: 'On 5 January' },
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

  it('neutralises cells a spreadsheet would run as formulas (OWASP CSV injection)', () => {
    const rows = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'].map((text) => eventsToCsv([{ ...event, text }]).split('\r\n')[1]!);
    expect(rows[0]).toContain(',"\'=HYPERLINK(""http://x"",""y"")",');
    expect(rows[1]).toContain(',"\'+1+1",');
    expect(rows[2]).toContain(',"\'-2+3",');
    expect(rows[3]).toContain(',"\'@SUM(A1)",');
    expect(rows[4]).toContain(',"\'\tcmd",');
    expect(eventsToCsv([{ ...event, text: '\rcmd' }])).toContain(',"\'\rcmd",');
    // Ordinary cells are written as they were.
    expect(eventsToCsv([{ ...event, text: 'Rebels advanced' }])).toContain(',Rebels advanced,');
  });
});

