/**
 * A small static SVG locator map for place pages: Syria's outline from Natural Earth (npm
 * `world-atlas`, 1:50m), its neighbours drawn faintly and clipped to the frame, and the place as a
 * dot. Pure function of its inputs; the boundary data are read once and cached.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoMercator, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';

const SYRIA = '760';
/** Turkey, Iraq, Jordan, Lebanon, Israel, Palestine, Cyprus (ISO 3166 numeric). */
const NEIGHBOURS = ['792', '368', '400', '422', '376', '275', '196'];
/** Points farther than this from Syria (degrees) are not drawn: the map would lose Syria. */
const REGION = { west: 25, east: 50, south: 25, north: 42 };

export interface PlaceMapOptions {
  /** Place name for the title and aria-label. */
  label?: string;
  /** Width in user units (the viewBox); the height follows Syria's shape. Default 320. */
  width?: number;
  /** Draw neighbouring countries faintly. Default true. */
  neighbours?: boolean;
  /** Dot radius. Default 5. */
  radius?: number;
  /** Language of the title: 'en' (default), 'zh-Hans' or 'zh-Hant'. */
  locale?: string;
}

const TITLES = {
  en: { at: (l: string) => `Map of Syria showing the location of ${l}`, outside: (l: string) => `Map of Syria; ${l} lies outside the area shown`, none: (l: string) => `Map of Syria; no coordinates recorded for ${l}`, plain: 'Map of Syria' },
  'zh-Hans': { at: (l: string) => `叙利亚地图，标出${l}的位置`, outside: (l: string) => `叙利亚地图；${l}位于图幅以外`, none: (l: string) => `叙利亚地图；${l}没有坐标记录`, plain: '叙利亚地图' },
  'zh-Hant': { at: (l: string) => `敘利亞地圖，標出${l}的位置`, outside: (l: string) => `敘利亞地圖；${l}位於圖幅以外`, none: (l: string) => `敘利亞地圖；${l}沒有座標記錄`, plain: '敘利亞地圖' },
} as const;

type Countries = FeatureCollection<Geometry, { name: string }>;
let cache: { syria: Feature<Geometry, { name: string }>; neighbours: Feature<Geometry, { name: string }>[] } | undefined;

function countries() {
  if (cache) return cache;
  const require = createRequire(import.meta.url);
  const file = require.resolve('world-atlas/countries-50m.json');
  const topo = JSON.parse(readFileSync(file, 'utf8')) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const all = feature(topo, topo.objects.countries) as Countries;
  const syria = all.features.find((f) => String(f.id) === SYRIA);
  if (!syria) throw new Error('world-atlas: Syria not found');
  cache = { syria, neighbours: all.features.filter((f) => NEIGHBOURS.includes(String(f.id))) };
  return cache;
}

function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function inRegion([lon, lat]: [number, number]): boolean {
  return lon >= REGION.west && lon <= REGION.east && lat >= REGION.south && lat <= REGION.north;
}

export function renderPlaceMap(coords: [number, number] | undefined, opts: PlaceMapOptions = {}): string {
  const width = Math.round(opts.width ?? 320);
  const pad = Math.round(width * 0.06);
  const { syria, neighbours } = countries();
  const shown = coords && inRegion(coords) ? coords : undefined;

  // fit Syria (and the point, if it lies just outside, e.g. Beirut) into the frame
  const fitTo: GeoPermissibleObjects = shown
    ? { type: 'FeatureCollection', features: [syria, { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [shown[1], shown[0]] } }] }
    : syria;
  const probe = geoMercator().fitWidth(width - 2 * pad, fitTo);
  const [[x0, y0], [x1, y1]] = geoPath(probe).bounds(fitTo);
  const height = Math.round(y1 - y0 + 2 * pad);
  const projection = geoMercator()
    .fitExtent([[pad, pad], [width - pad, height - pad]], fitTo)
    .clipExtent([[0, 0], [width, height]]);
  void x0;
  void x1;
  const path = geoPath(projection).digits(1);

  const label = opts.label ? escapeXml(opts.label) : undefined;
  const words = TITLES[(opts.locale ?? 'en') as keyof typeof TITLES] ?? TITLES.en;
  const title = label ? (shown ? words.at(label) : coords ? words.outside(label) : words.none(label)) : words.plain;

  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${title}" class="place-map-svg">`,
  );
  parts.push(`<title>${title}</title>`);
  if (opts.neighbours ?? true) {
    const d = neighbours.map((f) => path(f) ?? '').join('');
    if (d) parts.push(`<path class="neighbours" d="${d}" fill="#eeeeee" stroke="#bbbbbb" stroke-width="0.5"/>`);
  }
  parts.push(`<path class="country" d="${path(syria) ?? ''}" fill="#f7f3e8" stroke="#555555" stroke-width="1"/>`);
  if (shown) {
    const p = projection(shown);
    if (p) {
      const r = opts.radius ?? 5;
      parts.push(
        `<circle class="place" cx="${p[0].toFixed(1)}" cy="${p[1].toFixed(1)}" r="${r}" fill="#b3261e" stroke="#ffffff" stroke-width="1.5"/>`,
      );
    }
  }
  parts.push('</svg>');
  return parts.join('');
}
