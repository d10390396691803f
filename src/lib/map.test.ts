import { describe, expect, it } from 'vitest';
import { clusterPoints, renderAleppoInset, renderEventsMap, renderPlaceMap } from './map.ts';

function viewBox(svg: string): [number, number] {
  const m = svg.match(/viewBox="0 0 (\d+) (\d+)"/);
  if (!m) throw new Error('no viewBox');
  return [Number(m[1]), Number(m[2])];
}

describe('renderPlaceMap', () => {
  it('draws Syria, its neighbours and the place, small and labelled', () => {
    const svg = renderPlaceMap([37.9549, 36.5281], { label: 'Manbij' });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('<title>Map of Syria showing the location of Manbij</title>');
    expect(svg).toContain('aria-label="Map of Syria showing the location of Manbij"');
    expect(svg).toContain('class="country"');
    expect(svg).toContain('class="neighbours"');
    expect(svg.length).toBeLessThan(15_000);
    const [w, h] = viewBox(svg);
    const dot = svg.match(/<circle class="place" cx="([\d.]+)" cy="([\d.]+)"/);
    expect(dot).not.toBeNull();
    const [cx, cy] = [Number(dot![1]), Number(dot![2])];
    expect(cx).toBeGreaterThan(0);
    expect(cx).toBeLessThan(w);
    expect(cy).toBeGreaterThan(0);
    expect(cy).toBeLessThan(h);
    // Manbij is in the north: upper part of the map, west of Syria's centre line
    expect(cy).toBeLessThan(h / 3);
  });

  it('puts places where they belong relative to each other', () => {
    const at = (c: [number, number]) => {
      const m = renderPlaceMap(c).match(/cx="([\d.]+)" cy="([\d.]+)"/)!;
      return [Number(m[1]), Number(m[2])];
    };
    const aleppo = at([37.1612, 36.2012]);
    const deir = at([40.1408, 35.3359]);
    expect(deir[0]).toBeGreaterThan(aleppo[0]); // east
    expect(deir[1]).toBeGreaterThan(aleppo[1]); // south
  });

  it('renders without a dot when there are no coordinates, and escapes the label', () => {
    const svg = renderPlaceMap(undefined, { label: 'Qadi <Askar> & co' });
    expect(svg).not.toContain('<circle');
    expect(svg).toContain('no coordinates recorded for Qadi &lt;Askar&gt; &amp; co');
  });

  it('omits the dot for places far outside the region, keeps those just outside', () => {
    expect(renderPlaceMap([6.15, 46.2], { label: 'Geneva' })).not.toContain('<circle');
    expect(renderPlaceMap([35.5016, 33.8933], { label: 'Beirut' })).toContain('<circle');
  });

  it('titles the map in the page language', () => {
    expect(renderPlaceMap([37.9549, 36.5281], { label: '曼比季', locale: 'zh-Hans' })).toContain('<title>叙利亚地图，标出曼比季的位置</title>');
  });

  it('honours width and the neighbours switch', () => {
    const svg = renderPlaceMap([39.0, 35.95], { width: 200, neighbours: false });
    expect(viewBox(svg)[0]).toBe(200);
    expect(svg).not.toContain('class="neighbours"');
  });
});

describe('renderEventsMap', () => {
  const point = (id: string, coords: [number, number], count: number, precision = 1) => ({ id, label: id, coords, count, precision, href: `/place/${id}/` });

  it('draws one linked circle per coordinate, larger for more events, and leaves far places off', () => {
    const svg = renderEventsMap(
      [point('aleppo', [37.1612, 36.2012], 20), point('salaheddine', [37.1612, 36.2012], 5, 2), point('manbij', [37.95, 36.53], 2), point('geneva', [6.15, 46.2], 3)],
      { title: 'Where the events happened' },
    );
    expect(svg).toContain('aria-hidden="true"');
    const circles = [...svg.matchAll(/<a href="([^"]+)" tabindex="-1"><circle class="pt p(\d)" cx="[\d.]+" cy="[\d.]+" r="([\d.]+)"><title>([^<]*)<\/title>/g)];
    expect(circles.map((c) => c[1])).toEqual(['/place/aleppo/', '/place/manbij/']);
    expect(circles[0]![4]).toBe('aleppo, salaheddine: 25');
    expect(Number(circles[0]![3])).toBeGreaterThan(Number(circles[1]![3]));
    expect(svg).not.toContain('geneva');
  });

  it('draws a region centroid as a ring class and keeps one event the same size on any day', () => {
    const quiet = renderEventsMap([point('idlib-governorate', [36.6, 35.8], 1, 3)], { title: 't' });
    expect(quiet).toContain('class="pt p3"');
    const busy = renderEventsMap([point('idlib-governorate', [36.6, 35.8], 1, 3), point('aleppo', [37.1612, 36.2012], 25)], { title: 't' });
    const r = (svg: string) => svg.match(/class="pt p3"[^>]*r="([\d.]+)"/)![1];
    expect(r(quiet)).toBe(r(busy));
  });

  it('keeps a day map small', () => {
    const svg = renderEventsMap([point('aleppo', [37.1612, 36.2012], 3)], { title: 'Where these events happened' });
    expect(svg.length).toBeLessThan(6000);
  });
});

describe('renderAleppoInset and clusterPoints', () => {
  it('shows the places of the Aleppo frame only, labelled, with a scale bar', () => {
    const svg = renderAleppoInset(
      [
        { id: 'aleppo', label: 'Aleppo', coords: [37.1612, 36.2012], count: 4, precision: 1, href: '/place/aleppo/' },
        { id: 'manbij', label: 'Manbij', coords: [37.95, 36.53], count: 2, precision: 1 },
        { id: 'gov', label: 'Aleppo Governorate', coords: [37.39, 36.15], count: 2, precision: 3 },
      ],
      { title: 'Aleppo and its surroundings', scaleLabel: '10 km' },
    );
    expect(svg).toContain('>Aleppo</text>');
    expect(renderAleppoInset([{ id: 'aleppo', label: 'Aleppo', coords: [37.1612, 36.2012], count: 1, precision: 1 }, { id: 'hanano', label: 'Hanano', coords: [37.1612, 36.2012], count: 1, precision: 2 }], { title: 't' })).toContain('>Aleppo +1</text>');
    expect(svg).not.toContain('Manbij');
    expect(svg).not.toContain('Aleppo Governorate');
    expect(svg).toContain('>10 km</text>');
  });

  it('merges places that share coordinates, best precision first', () => {
    const c = clusterPoints([
      { id: 'hanano', label: 'Hanano', coords: [37.1612, 36.2012], count: 2, precision: 2 },
      { id: 'aleppo', label: 'Aleppo', coords: [37.1612, 36.2012], count: 1, precision: 1 },
    ]);
    expect(c).toHaveLength(1);
    expect(c[0]!.points.map((p) => p.id)).toEqual(['aleppo', 'hanano']);
    expect(c[0]!.count).toBe(3);
    expect(c[0]!.precision).toBe(1);
  });
});
