import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { COLUMNS, eventsToCsv } from './csv.ts';
import type { Entity, EventRecord } from '../../schema/records.ts';

const event: EventRecord = {
  id: 'e-001-2014-01-05-abcdef',
  date: { start: '2014-01-05', end: '2014-01-05', precision: 'day', expression: 'On 5 January', basis: 'stated' },
  text: 'Rebels said "we hold it", then, later,\nleft.',
  lang: 'en',
  source: { id: 's', file: 'f.txt', title: 'T', section: ['A', 'B'], line: 3 },
  places: ['manbij', 'aleppo'],
  groups: ['isil'],
  citations: [{ title: 'A report, "quoted"', url: 'https://example.org/a?b=1,2' }, { title: '[4]' }],
  type: 'battles',
  subtype: 'armed-clash',
  acts: [{ type: 'battles', subtype: 'armed-clash', text: 'hold' }],
  figures: [
    { kind: 'killed', low: 10, high: null, who: 'fighters', reporter: null, vague: false, text: 'at least 10' },
    { kind: 'killed', low: 5, high: 8, who: 'civilians', reporter: null, vague: false, text: '5–8 civilians' },
    { kind: 'wounded', low: 40, high: 40, who: 'unknown', reporter: null, vague: false, text: '40 wounded' },
  ],
  url: '/day/2014-01-05/#e-001-2014-01-05-abcdef',
  happening: 'h-2014-01-05-abcdef',
};
const entities = [{ id: 'manbij', type: 'place', kind: 'town', name: { en: 'Manbij' }, aliases: [], coords: [37.95, 36.53], url: '/place/manbij/' }] as Entity[];

describe('eventsToCsv', () => {
  it('quotes fields with commas, quotes and newlines as RFC 4180 says', () => {
    const [header, row] = eventsToCsv([event]).split('\r\n');
    expect(header).toBe(COLUMNS.join(','));
    expect(row).toContain('"Rebels said ""we hold it"", then, later,\nleft."');
    expect(row).toContain(',A > B,battles,armed-clash,');
  });

  it('parses back with a standard CSV reader into the contract columns', () => {
    const rows = parse(eventsToCsv([event, { ...event, id: 'e-2', figures: [], subtype: undefined }], entities), { columns: true, bom: false }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([
      'id', 'start', 'end', 'precision', 'basis', 'lang', 'source', 'section', 'type', 'subtype',
      'fatalities_low', 'fatalities_high', 'places', 'groups', 'citations', 'text', 'url',
    ]);
    expect(rows).toHaveLength(2);
    const [a, b] = rows as [Record<string, string>, Record<string, string>];
    expect(a.text).toBe(event.text);
    expect([a.fatalities_low, a.fatalities_high]).toEqual(['15', '18']); // 10 + 5 .. 10 + 8: wounded are not dead
    expect(a.places).toBe('manbij@36.53,37.95;aleppo');
    expect(a.citations).toBe('A report, "quoted" <https://example.org/a?b=1,2> | [4]');
    expect([b.subtype, b.fatalities_low, b.fatalities_high]).toEqual(['', '', '']);
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

