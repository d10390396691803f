import { describe, expect, it } from 'vitest';
import type { Entity, EventRecord, Figure } from '../schema/records.ts';
import { buildSiteData } from './data.ts';
import { dayLayout, differences, foldHappenings, happeningIndex } from './happenings.ts';

const figure = (kind: Figure['kind'], low: number | null, high: number | null = low, extra: Partial<Figure> = {}): Figure => ({
  kind,
  low,
  high,
  who: 'unknown',
  reporter: null,
  vague: false,
  text: `${low ?? high} ${kind}`,
  ...extra,
});

let n = 0;
function ev(source: string, start: string, happening: string, extra: Partial<EventRecord> = {}): EventRecord {
  const id = `e-${source}-${start}-${n++}`;
  return {
    id,
    happening,
    date: { start, end: start, precision: 'day', expression: start, basis: 'stated' },
    text: `text ${id}`,
    lang: source === 'zh' ? 'zh-Hans' : 'en',
    source: { id: source, file: `${source}.txt`, title: source.toUpperCase(), section: [], line: 10 + n },
    places: [],
    groups: [],
    citations: [],
    type: 'battles',
    acts: [],
    figures: [],
    url: `/day/${start}/#${id}`,
    ...extra,
  };
}

const entities = [
  { id: 'north', type: 'place', kind: 'governorate', name: { en: 'North' }, aliases: [], url: '/place/north/' },
  { id: 'alpha', type: 'place', kind: 'town', name: { en: 'Alpha' }, aliases: [], url: '/place/alpha/' },
  { id: 'beta', type: 'place', kind: 'town', name: { en: 'Beta' }, aliases: [], url: '/place/beta/' },
] as Entity[];
const sources = ['en', 'zh', 'blog'].map((id) => ({ id, file: `${id}.txt`, title: id.toUpperCase(), lang: id === 'zh' ? 'zh-Hans' : 'en', format: 'plaintext' as const, chronology: 'war' }));
const kindOf = (id: string) => entities.find((e) => e.id === id)?.kind;

describe('a day page with happenings', () => {
  const en = ev('en', '2020-03-05', 'h-2020-03-05-aaaaaa', { places: ['alpha', 'north'], figures: [figure('killed', 24)] });
  const zh = ev('zh', '2020-03-06', 'h-2020-03-05-aaaaaa', { places: ['alpha', 'beta'], figures: [figure('killed', 30)] });
  const blog = ev('blog', '2020-03-05', 'h-2020-03-05-aaaaaa', { places: ['alpha'] });
  const lone = ev('en', '2020-03-05', 'h-2020-03-05-bbbbbb');
  const data = buildSiteData({ events: [en, zh, blog, lone], entities, sources, reports: [] });

  it('shows each happening told by several sources once, before the day’s other events', () => {
    const [war] = dayLayout(data, data.eventsOnDay('2020-03-05'));
    expect(war!.happenings.map((h) => h.id)).toEqual(['h-2020-03-05-aaaaaa']);
    // every account, also the one listed on the next day
    expect(war!.happenings[0]!.accounts.map((e) => e.id).sort()).toEqual([en.id, zh.id, blog.id].sort());
    expect(war!.sources.flatMap((s) => s.events.map((e) => e.id))).toEqual([lone.id]);
    // the next day shows it too, with its own account
    expect(dayLayout(data, data.eventsOnDay('2020-03-06'))[0]!.happenings.map((h) => h.id)).toEqual(['h-2020-03-05-aaaaaa']);
  });

  it('says where the accounts differ: figures, dates, places', () => {
    const d = differences(happeningIndex(data).byId.get('h-2020-03-05-aaaaaa')!, kindOf);
    expect(d.figures).toHaveLength(1);
    expect(d.figures[0]).toMatchObject({ kind: 'killed', status: 'partial' });
    expect(d.figures[0]!.cells.map((c) => c.figures.map((f) => f.low))).toEqual([[24], [30], []]);
    expect(d.dates?.map((x) => [x.sourceId, x.start])).toEqual([['en', '2020-03-05'], ['zh', '2020-03-06'], ['blog', '2020-03-05']]);
    // Beta only in the Chinese account; the governorate is not a place that differs
    expect(d.places).toEqual([{ sourceId: 'zh', only: ['beta'] }]);
  });

  it('marks agreeing and differing counts, leaving parts of a total out', () => {
    const a = ev('en', '2020-04-01', 'h-2020-04-01-cccccc', { figures: [figure('killed', 66), figure('killed', 11, 11, { partOf: 0 })] });
    const b = ev('zh', '2020-04-01', 'h-2020-04-01-cccccc', { figures: [figure('killed', 66)] });
    const c = ev('en', '2020-04-02', 'h-2020-04-02-dddddd', { figures: [figure('executed', 30)] });
    const d = ev('zh', '2020-04-02', 'h-2020-04-02-dddddd', { figures: [figure('executed', 24)] });
    const site = buildSiteData({ events: [a, b, c, d], entities, sources, reports: [] });
    const index = happeningIndex(site);
    expect(differences(index.byId.get('h-2020-04-01-cccccc')!, kindOf)).toMatchObject({ figures: [{ status: 'agree' }] });
    expect(differences(index.byId.get('h-2020-04-02-dddddd')!, kindOf).figures[0]!.status).toBe('differ');
    expect(differences(index.byId.get('h-2020-04-01-cccccc')!, kindOf).dates).toBeUndefined();
  });
});

describe('lists of events', () => {
  it('fold each happening into one item, at its first account', () => {
    const a = ev('en', '2020-05-01', 'h-2020-05-01-eeeeee');
    const b = ev('zh', '2020-05-01', 'h-2020-05-01-eeeeee');
    const c = ev('en', '2020-05-02', 'h-2020-05-02-ffffff');
    const data = buildSiteData({ events: [a, b, c], entities, sources, reports: [] });
    const folded = foldHappenings(data, [a, b, c]);
    expect(folded.map((f) => [f.event.id, f.happening?.accounts.length])).toEqual([
      [a.id, 2],
      [c.id, undefined],
    ]);
  });
});
