/**
 * A small static SVG locator map for place pages: Syria's outline from Natural Earth (npm
 * `world-atlas`, 1:50m), its neighbours drawn faintly and clipped to the frame, and the place as a
 * dot. Pure function of its inputs; the boundary data are read once and cached.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoMercator, geoPath, type GeoPermissibleObjects, type GeoProjection } from 'd3-geo';
import { scaleSqrt } from 'd3-scale';
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
type Shapes = { syria: Feature<Geometry, { name: string }>; neighbours: Feature<Geometry, { name: string }>[] };
const caches = new Map<string, Shapes>();

/** Syria and its neighbours at Natural Earth's 1:50m (place pages, the overview) or 1:110m scale
 * (day and month maps, where a few hundred bytes of outline keep the page small). */
function countries(detail: '50m' | '110m' = '50m'): Shapes {
  const hit = caches.get(detail);
  if (hit) return hit;
  const require = createRequire(import.meta.url);
  const file = require.resolve(`world-atlas/countries-${detail}.json`);
  const topo = JSON.parse(readFileSync(file, 'utf8')) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const all = feature(topo, topo.objects.countries) as Countries;
  const syria = all.features.find((f) => String(f.id) === SYRIA);
  if (!syria) throw new Error('world-atlas: Syria not found');
  const shapes = { syria, neighbours: all.features.filter((f) => NEIGHBOURS.includes(String(f.id))) };
  caches.set(detail, shapes);
  return shapes;
}

function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function inRegion([lon, lat]: [number, number]): boolean {
  return lon >= REGION.west && lon <= REGION.east && lat >= REGION.south && lat <= REGION.north;
}

/** A map's frame and outlines: the same on every page of one width, so drawn once (they were a tenth of the site's build). */
interface BaseMap {
  height: number;
  projection: GeoProjection;
  /** where what it was fitted to lies in the frame: [[x0, y0], [x1, y1]] */
  bounds: [[number, number], [number, number]];
  /** the outlines' path data, drawn on first use */
  syria: () => string;
  neighbours: () => string;
}
const baseMaps = new Map<string, BaseMap>();

/** Syria and its neighbours projected to fit `fitTo` into a frame `width` wide, with `pad` around. */
function baseMap(shapes: Shapes, fitTo: GeoPermissibleObjects, width: number, pad: number, digits: number): BaseMap {
  const probe = geoMercator().fitWidth(width - 2 * pad, fitTo);
  const [[, y0], [, y1]] = geoPath(probe).bounds(fitTo);
  const height = Math.round(y1 - y0 + 2 * pad);
  const projection = geoMercator()
    .fitExtent([[pad, pad], [width - pad, height - pad]], fitTo)
    .clipExtent([[0, 0], [width, height]]);
  const path = geoPath(projection).digits(digits);
  let syria: string | undefined;
  let neighbours: string | undefined;
  return {
    height,
    projection,
    bounds: path.bounds(fitTo),
    syria: () => (syria ??= path(shapes.syria) ?? ''),
    neighbours: () => (neighbours ??= shapes.neighbours.map((f) => path(f) ?? '').join('')),
  };
}

/** The base map framed on Syria alone, made once per kind of map and width. */
function syriaMap(kind: string, detail: '50m' | '110m', width: number, pad: number, digits: number): BaseMap {
  const key = `${kind} ${detail} ${width} ${pad}`;
  let made = baseMaps.get(key);
  if (!made) {
    const shapes = countries(detail);
    baseMaps.set(key, (made = baseMap(shapes, shapes.syria, width, pad, digits)));
  }
  return made;
}

export function renderPlaceMap(coords: [number, number] | undefined, opts: PlaceMapOptions = {}): string {
  const width = Math.round(opts.width ?? 320);
  const pad = Math.round(width * 0.06);
  const shapes = countries();
  const { syria } = shapes;
  const shown = coords && inRegion(coords) ? coords : undefined;

  // Fit Syria (and the point, if it lies outside Syria's frame, e.g. Beirut) into the frame. A
  // point inside the frame of Syria alone leaves its bounds, and so the whole fit, as they are.
  const framed = syriaMap('place', '50m', width, pad, 1);
  const at = shown && framed.projection(shown);
  const [[x0, y0], [x1, y1]] = framed.bounds;
  const inside = !!at && at[0] >= x0 && at[0] <= x1 && at[1] >= y0 && at[1] <= y1;
  const base =
    !shown || inside
      ? framed
      : baseMap(shapes, { type: 'FeatureCollection', features: [syria, { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: shown } }] }, width, pad, 1);
  const { height, projection } = base;

  const label = opts.label ? escapeXml(opts.label) : undefined;
  const words = TITLES[(opts.locale ?? 'en') as keyof typeof TITLES] ?? TITLES.en;
  const title = label ? (shown ? words.at(label) : coords ? words.outside(label) : words.none(label)) : words.plain;

  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${title}" class="place-map-svg">`,
  );
  parts.push(`<title>${title}</title>`);
  if (opts.neighbours ?? true) {
    const d = base.neighbours();
    if (d) parts.push(`<path class="neighbours" d="${d}" fill="#eeeeee" stroke="#bbbbbb" stroke-width="0.5"/>`);
  }
  parts.push(`<path class="country" d="${base.syria()}" fill="#f7f3e8" stroke="#555555" stroke-width="1"/>`);
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

/** Event count below which circle areas keep one fixed scale. */
const SCALE_FLOOR = 30;

/** One place on an events map. */
export interface MapPoint {
  id: string;
  /** Name in the page language. */
  label: string;
  /** [longitude, latitude] */
  coords: [number, number];
  /** 1 the locality, 2 part of / near one, 3 a region centroid. */
  precision?: number;
  /** Events at this place. */
  count: number;
  href?: string;
}

/** Places sharing one coordinate (a city and the neighbourhoods placed at it) drawn as one circle. */
export interface MapCluster {
  coords: [number, number];
  points: MapPoint[];
  count: number;
  /** The best precision among its places. */
  precision: number;
}

export function clusterPoints(points: MapPoint[]): MapCluster[] {
  const byKey = new Map<string, MapCluster>();
  for (const p of points) {
    const key = `${p.coords[0].toFixed(3)},${p.coords[1].toFixed(3)}`;
    const c = byKey.get(key) ?? { coords: p.coords, points: [], count: 0, precision: 3 };
    c.points.push(p);
    c.count += p.count;
    c.precision = Math.min(c.precision, p.precision ?? 3);
    byKey.set(key, c);
  }
  for (const c of byKey.values()) c.points.sort((a, b) => (a.precision ?? 3) - (b.precision ?? 3) || b.count - a.count || a.label.localeCompare(b.label));
  // big circles first, so small ones stay on top and clickable
  return [...byKey.values()].sort((a, b) => b.count - a.count || a.coords[0] - b.coords[0]);
}

export interface EventsMapOptions {
  /** Accessible name (the SVG is a picture of the list of places that accompanies it). */
  title: string;
  width?: number;
  detail?: '50m' | '110m';
  /** Radius of the largest circle. */
  maxRadius?: number;
  /** Words for a circle's tooltip: (names, count) -> text. */
  tooltip?: (names: string[], count: number) => string;
}

const defaultTooltip = (names: string[], count: number) => `${names.join(', ')}: ${count}`;

function tooltipNames(c: MapCluster): string[] {
  const names = c.points.map((p) => p.label);
  return names.length > 6 ? [...names.slice(0, 6), `+${names.length - 6}`] : names;
}

function circles(clusters: MapCluster[], projection: GeoProjection, maxCount: number, maxRadius: number, tooltip: EventsMapOptions['tooltip']): string {
  // the largest circle reaches maxRadius only from SCALE_FLOOR events on, so one event looks the
  // same size on a quiet day as on a busy one
  const r = scaleSqrt().domain([0, Math.max(SCALE_FLOOR, maxCount)]).range([0, maxRadius]);
  const out: string[] = [];
  for (const c of clusters) {
    const p = projection(c.coords);
    if (!p) continue;
    const radius = Math.max(2.5, r(c.count));
    const link = c.points.find((x) => x.href)?.href;
    const title = escapeXml((tooltip ?? defaultTooltip)(tooltipNames(c), c.count));
    const circle = `<circle class="pt p${c.precision}" cx="${p[0].toFixed(1)}" cy="${p[1].toFixed(1)}" r="${radius.toFixed(1)}"><title>${title}</title></circle>`;
    out.push(link ? `<a href="${escapeXml(link)}" tabindex="-1">${circle}</a>` : circle);
  }
  return out.join('');
}

/**
 * A map of where events happened: Syria and its neighbours, one circle per place (places sharing
 * coordinates share a circle), its area proportional to the events there; precision 3 (a region
 * centroid) drawn as a ring, precision 2 lighter than 1. Places outside the region are left off the
 * picture (the list beside it names them). Static SVG; colours come from CSS classes (dark mode),
 * with presentation attributes as the fallback.
 */
export function renderEventsMap(points: MapPoint[], opts: EventsMapOptions): string {
  const width = Math.round(opts.width ?? 360);
  const pad = Math.round(width * 0.03);
  const shown = points.filter((p) => inRegion(p.coords));
  const clusters = clusterPoints(shown);
  const base = syriaMap('events', opts.detail ?? '110m', width, pad, 0);
  const { height, projection } = base;
  const title = escapeXml(opts.title);
  const maxCount = Math.max(1, ...clusters.map((c) => c.count));
  const maxRadius = opts.maxRadius ?? width / 22;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" class="events-map-svg" aria-hidden="true" focusable="false">`,
    `<title>${title}</title>`,
    `<path class="nb" d="${base.neighbours()}" fill="#eeeeee" stroke="#bbbbbb" stroke-width="0.5"/>`,
    `<path class="sy" d="${base.syria()}" fill="#f7f3e8" stroke="#555555" stroke-width="0.8"/>`,
    `<g fill="#b3261e" fill-opacity="0.6" stroke="#ffffff" stroke-width="0.8">${circles(clusters, projection, maxCount, maxRadius, opts.tooltip)}</g>`,
    '</svg>',
  ].join('');
}

/** Aleppo city and its surroundings: the frame of the inset (longitude, latitude). */
export const ALEPPO_FRAME = { west: 36.95, east: 37.4, south: 36.03, north: 36.37 };

function inFrame([lon, lat]: [number, number]) {
  return lon >= ALEPPO_FRAME.west && lon <= ALEPPO_FRAME.east && lat >= ALEPPO_FRAME.south && lat <= ALEPPO_FRAME.north;
}

export interface InsetOptions extends EventsMapOptions {
  /** Words for the scale bar ("10 km"). */
  scaleLabel?: string;
}

/**
 * An inset of Aleppo and its surroundings (about 40 by 38 km): the places with coordinates inside the
 * frame, sized by events. A neighbourhood no dataset locates is placed at the city (precision 2), so
 * the city's circle stands for all of them; the list beside the inset names them.
 */
export function renderAleppoInset(points: MapPoint[], opts: InsetOptions): string {
  const width = Math.round(opts.width ?? 240);
  const frame: GeoPermissibleObjects = {
    type: 'Polygon',
    coordinates: [[[ALEPPO_FRAME.west, ALEPPO_FRAME.south], [ALEPPO_FRAME.west, ALEPPO_FRAME.north], [ALEPPO_FRAME.east, ALEPPO_FRAME.north], [ALEPPO_FRAME.east, ALEPPO_FRAME.south], [ALEPPO_FRAME.west, ALEPPO_FRAME.south]]],
  };
  const probe = geoMercator().fitWidth(width, frame);
  const [[, y0], [, y1]] = geoPath(probe).bounds(frame);
  const height = Math.round(y1 - y0);
  const projection = geoMercator().fitExtent([[0, 0], [width, height]], frame).clipExtent([[0, 0], [width, height]]);
  // a region centroid means nothing at city scale
  const clusters = clusterPoints(points.filter((p) => inFrame(p.coords) && (p.precision ?? 1) < 3));
  const maxCount = Math.max(1, ...clusters.map((c) => c.count));
  // a 10 km scale bar: 10 km of longitude at the frame's middle latitude
  const midLat = (ALEPPO_FRAME.south + ALEPPO_FRAME.north) / 2;
  const kmPerDegree = 111.32 * Math.cos((midLat * Math.PI) / 180);
  const a = projection([ALEPPO_FRAME.west + 0.02, ALEPPO_FRAME.south + 0.02])!;
  const b = projection([ALEPPO_FRAME.west + 0.02 + 10 / kmPerDegree, ALEPPO_FRAME.south + 0.02])!;
  const labels = clusters
    .filter((c) => c.precision === 1)
    .slice(0, 8)
    .map((c) => {
      const p = projection(c.coords)!;
      // labels on the right half run leftwards, so they stay inside the frame
      const right = p[0] > width / 2;
      // a city with the neighbourhoods placed at it: "Aleppo +3"
      const label = c.points.length > 1 ? `${c.points[0]!.label} +${c.points.length - 1}` : c.points[0]!.label;
      return `<text x="${(p[0] + (right ? -5 : 5)).toFixed(0)}" y="${(p[1] - 5).toFixed(0)}"${right ? ' text-anchor="end"' : ''}>${escapeXml(label)}</text>`;
    })
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" class="events-map-svg inset-svg" aria-hidden="true" focusable="false">`,
    `<title>${escapeXml(opts.title)}</title>`,
    `<rect class="sy" x="0" y="0" width="${width}" height="${height}" fill="#f7f3e8" stroke="#555555" stroke-width="1"/>`,
    `<g fill="#b3261e" fill-opacity="0.6" stroke="#ffffff" stroke-width="0.8">${circles(clusters, projection, maxCount, opts.maxRadius ?? width / 9, opts.tooltip)}</g>`,
    `<g class="lbl" font-size="10" fill="#1c1b19">${labels}</g>`,
    `<path class="bar" d="M${a[0].toFixed(0)} ${a[1].toFixed(0)}H${b[0].toFixed(0)}" stroke="#555555" stroke-width="2"/>`,
    `<text class="lbl" x="${a[0].toFixed(0)}" y="${(a[1] - 4).toFixed(0)}" font-size="9" fill="#1c1b19">${escapeXml(opts.scaleLabel ?? '10 km')}</text>`,
    '</svg>',
  ].join('');
}

export function inAleppoFrame(coords: [number, number]): boolean {
  return inFrame(coords);
}
