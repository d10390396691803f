import { describe, expect, it } from 'vitest';
import { casualtyPoints, chooseUnit, escapeXml, narrativeWindow, renderCasualtyChart, renderTimeline, shadeLevels, timelineBins } from './charts.ts';

describe('timelineBins', () => {
  it('picks a readable bin size', () => {
    expect(chooseUnit('2014-01-01', '2014-02-15')).toBe('day');
    expect(chooseUnit('2014-01-01', '2014-12-31')).toBe('week');
    expect(chooseUnit('2012-07-19', '2016-12-22')).toBe('month');
  });

  it('counts per week (Monday-first) and remembers the first day with events', () => {
    const counts = new Map([
      ['2014-01-04', 2],
      ['2014-01-05', 1],
      ['2014-01-06', 3],
      ['2014-04-10', 1],
    ]);
    const bins = timelineBins(counts, '2014-01-02', '2014-12-31', 'week');
    expect(bins[0]).toMatchObject({ start: '2013-12-30', end: '2014-01-05', count: 3, firstDay: '2014-01-04' });
    expect(bins[1]).toMatchObject({ start: '2014-01-06', count: 3 });
    expect(bins.reduce((n, b) => n + b.count, 0)).toBe(7);
  });

  it('bins by month', () => {
    const bins = timelineBins(new Map([['2012-07-20', 2], ['2012-08-23', 1]]), '2012-07-19', '2016-12-22', 'month');
    expect(bins[0]).toMatchObject({ start: '2012-07-01', end: '2012-07-31', count: 2 });
    expect(bins.at(-1)?.start).toBe('2016-12-01');
  });
});

describe('narrativeWindow', () => {
  const narrative = (extra: [string, number][]) => {
    const counts = new Map<string, number>(extra);
    for (let d = 1; d <= 28; d++) counts.set(`2015-02-${String(d).padStart(2, '0')}`, 3);
    return counts;
  };
  it('leaves out a background line far before the narrative, and says how many events it held', () => {
    expect(narrativeWindow(narrative([['2011-07-21', 1], ['2011-07-25', 1]]))).toEqual({ start: '2015-02-01', end: '2015-02-28', before: 2 });
  });
  it('keeps an early cluster that is part of the story, and the narrative’s sparse end', () => {
    expect(narrativeWindow(narrative([['2014-12-20', 1]]))?.start).toBe('2014-12-20'); // within a season
    expect(narrativeWindow(narrative([['2014-06-01', 5]]))?.start).toBe('2014-06-01'); // more than a one-off
    expect(narrativeWindow(narrative([['2016-12-22', 1]]))?.end).toBe('2016-12-22');
    expect(narrativeWindow(new Map())).toBeUndefined();
    expect(narrativeWindow(new Map([['2011-01-01', 1]]))).toEqual({ start: '2011-01-01', end: '2011-01-01', before: 0 });
  });
});

describe('renderTimeline', () => {
  const bins = timelineBins(new Map([['2014-01-04', 2], ['2014-01-10', 5]]), '2014-01-01', '2014-01-31', 'day');
  const svg = renderTimeline(bins, {
    unit: 'day',
    id: 'c1',
    locale: 'en',
    label: 'Events <per> day',
    barLabel: (b) => `${b.start}: ${b.count}`,
    barHref: (b) => `/day/${b.start}/`,
  });

  it('renders one linked bar per non-empty bin, with labels', () => {
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.match(/<a href=/g)).toHaveLength(2);
    expect(svg).toContain('href="/day/2014-01-10/"');
    expect(svg).toContain('aria-label="2014-01-10: 5"');
    expect(svg).toContain('Events &lt;per&gt; day');
  });

  it('is deterministic', () => {
    const again = renderTimeline(bins, { unit: 'day', id: 'c1', locale: 'en', label: 'Events <per> day', barLabel: (b) => `${b.start}: ${b.count}`, barHref: (b) => `/day/${b.start}/` });
    expect(again).toBe(svg);
  });

  it('has axis labels, drawn large enough to stay 11 px at the narrowest the chart is shown', () => {
    expect(svg).toMatch(/<text[^>]*>5<\/text>/);
    expect(svg).toMatch(/viewBox="0 0 960 240"/);
    expect(svg).toMatch(/>\d+ Jan<\/text>|>Jan<\/text>|>2014<\/text>/);
  });
});

describe('helpers', () => {
  it('escapes XML', () => {
    expect(escapeXml(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;');
  });
  it('shades counts into four levels', () => {
    const shade = shadeLevels(20);
    expect(shade(0)).toBe(0);
    expect(shade(1)).toBe(1);
    expect(shade(20)).toBe(4);
  });
});

describe('casualty chart', () => {
  const fig = (low: number | null, high: number | null) => ({ kind: 'killed' as const, low, high, who: 'unknown', reporter: null, vague: false, text: 'x' });
  const ev = (start: string, end: string, source: string, figures: ReturnType<typeof fig>[], precision = 'day') => ({ date: { start, end, precision }, source: { id: source }, figures });

  it('adds reported dead per month and source, from events of one day or one month', () => {
    const points = casualtyPoints([
      ev('2014-01-05', '2014-01-05', 'a', [fig(10, null), fig(2, 4)]),
      ev('2014-01-01', '2014-01-31', 'a', [fig(5, 5)], 'month'),
      ev('2014-01-20', '2014-01-26', 'a', [fig(900, 900)]),
      ev('2014-01-06', '2014-01-06', 'b', [fig(null, 30)]),
      ev('2014-01-03', '2014-06-28', 'a', [fig(5641, 6991)]),
      ev('2014-02-01', '2014-02-01', 'a', []),
    ]);
    expect(points).toEqual([
      { month: '2014-01', source: 'a', low: 17, high: 19, events: 2 },
      { month: '2014-01', source: 'b', low: 30, high: 30, events: 1 },
    ]);
  });

  it('draws a solid bar to the fewest and a pale one to the most, each a labelled link', () => {
    const svg = renderCasualtyChart([{ month: '2014-01', source: 'a', low: 17, high: 19, events: 2 }], {
      months: ['2014-01', '2014-02'],
      sources: ['a', 'b'],
      label: 'Killed',
      locale: 'en',
      barLabel: (p) => `${p.month}: ${p.low}–${p.high} <killed>`,
      barHref: (m) => `/month/${m}/`,
    });
    expect(svg).toContain('class="series-1"');
    expect(svg).toContain('class="series-1 range"');
    expect(svg).toContain('<a href="/month/2014-01/" aria-label="2014-01: 17–19 &lt;killed&gt;">');
    expect(svg.match(/<rect/g)).toHaveLength(2);
  });
});
