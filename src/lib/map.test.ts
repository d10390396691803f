import { describe, expect, it } from 'vitest';
import { renderPlaceMap } from './map.ts';

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
