/** Reads the gazetteer content files and builds the single matcher used for every passage. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import {
  AgenciesFile,
  AmbiguousFile,
  ConflictsFile,
  GeneratedEntitiesFile,
  GeneratedLocalitiesFile,
  GroupsFile,
  OtherNamesFile,
  PlacesFile,
  RulesFile,
  type ContentEntity,
} from './content.ts';
import { foldName } from './fold.ts';
import type { GeneratedLocality } from './generate/localities.ts';
import { buildMatcher, type AliasEntry } from './matcher.ts';
import { worldPlaces } from './world.ts';
import { OTHER, ROLE } from './types.ts';
import type { AmbiguousAlias, Conflict, EntityType, Gazetteer, GazetteerEntity, Rules } from './types.ts';

function readJson<T extends z.ZodType>(file: string, schema: T): z.infer<T> {
  const raw = JSON.parse(readFileSync(file, 'utf8'));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.message}`);
  return parsed.data;
}

function toEntity(c: ContentEntity, type: EntityType): GazetteerEntity {
  const e: GazetteerEntity = { id: c.id, type, kind: c.kind, name: c.name, aliases: c.aliases };
  if (c.parent) e.parent = c.parent;
  if (c.members) e.members = c.members;
  if (c.state) e.state = c.state;
  if (c.coords) e.coords = c.coords;
  if (c.coordsSource) e.coordsSource = c.coordsSource;
  if (c.geoPrecision) e.geoPrecision = c.geoPrecision;
  if (c.nameSources) e.nameSources = c.nameSources as Record<string, string>;
  return e;
}

type Generated = z.infer<typeof GeneratedEntitiesFile>['entities'][string];

/** The generated layer under a hand-written entry: the hand's fields win, the generated fill gaps. */
function withGenerated(e: GazetteerEntity, g: Generated | undefined): GazetteerEntity {
  if (!g) return e;
  const out: GazetteerEntity = { ...e, name: { ...e.name } };
  if (!out.coords && g.coords && g.coordsSource) {
    out.coords = g.coords;
    out.coordsSource = g.coordsSource;
    if (g.geoPrecision) out.geoPrecision = g.geoPrecision;
  }
  if (out.coords && !out.geoPrecision) out.geoPrecision = g.geoPrecision ?? 1;
  if (g.country) out.country = g.country;
  if (g.admin1) out.admin1 = g.admin1;
  for (const l of ['en', 'zh-Hans', 'zh-Hant'] as const) if (!out.name[l] && g.name?.[l]) (out.name as Record<string, string>)[l] = g.name[l]!;
  // the hand's sources for the names it typed, the generator's for the names it filled
  if (g.nameSources) out.nameSources = { ...g.nameSources, ...e.nameSources };
  if (g.aliases?.length) out.aliases = [...new Set([...e.aliases, ...g.aliases])];
  if (g.regionAliases?.length) out.regionAliases = g.regionAliases;
  // the dataset lists several as one string: "Iranian, Persian"
  if (g.demonym) out.demonyms = g.demonym.split(/,\s*/).filter(Boolean);
  return out;
}

/** Every name an entity answers to: its aliases, its display names and, for a dataset place, the
 * dataset's alternate names (matched in texts of its region only). */
export function namesOf(e: GazetteerEntity): string[] {
  const out = new Set<string>(e.aliases);
  for (const n of Object.values(e.name)) if (n) out.add(n);
  for (const n of e.regionAliases ?? []) out.add(n);
  return [...out];
}

/** Names matched everywhere (not the region-only dataset names). */
function globalNamesOf(e: GazetteerEntity): string[] {
  const out = new Set<string>(e.aliases);
  for (const n of Object.values(e.name)) if (n) out.add(n);
  return [...out];
}

/** The generic role words that can name `id` in some conflict (for grounding checks). */
export function roleWordsOf(gaz: Gazetteer, id: string): string[] {
  const out: string[] = [];
  for (const c of gaz.conflicts) for (const [role, actor] of Object.entries(c.actors)) if (actor === id) out.push(...(gaz.roles.get(role) ?? []));
  return [...new Set(out)];
}

/** A generated locality as a gazetteer entry: its names are read in texts of its region only
 * (`everywhere`: in any text, as the world's countries are). */
export function localityEntity(l: GeneratedLocality, everywhere: boolean): GazetteerEntity {
  return {
    id: l.id,
    type: 'place',
    kind: l.kind,
    name: l.name,
    aliases: everywhere ? l.aliases : [],
    ...(everywhere ? {} : { regionAliases: l.aliases }),
    ...(l.wordAliases?.length ? { wordAliases: l.wordAliases } : {}),
    ...(l.parent ? { parent: l.parent } : {}),
    coords: l.coords,
    coordsSource: l.coordsSource,
    geoPrecision: l.geoPrecision,
    country: l.country,
    ...(l.admin1 ? { admin1: l.admin1 } : {}),
    ...(l.population !== undefined ? { population: l.population } : {}),
    ...(l.nameSources ? { nameSources: l.nameSources } : {}),
    locality: true,
  };
}

export function loadGazetteer(dir = 'content/entities'): Gazetteer {
  const generatedFile = join(dir, 'generated', 'entities.json');
  const generated = existsSync(generatedFile) ? readJson(generatedFile, GeneratedEntitiesFile).entities : {};
  const places = readJson(join(dir, 'places.json'), PlacesFile).places.map((c) => withGenerated(toEntity(c, 'place'), generated[c.id]));
  const groups = readJson(join(dir, 'groups.json'), GroupsFile).groups.map((c) => withGenerated(toEntity(c, 'group'), generated[c.id]));
  // dataset localities: their names are read in texts of their region only; the world's other
  // countries: their names are read in any text. Both are published once a text names them.
  const generatedPlaces = (file: string, everywhere: boolean): GazetteerEntity[] =>
    existsSync(join(dir, 'generated', file))
      ? readJson(join(dir, 'generated', file), GeneratedLocalitiesFile).localities.map((l) => localityEntity(l, everywhere))
      : [];
  const localities = generatedPlaces('localities.json', false);
  const worldCountries = generatedPlaces('countries.json', true);
  localities.push(...worldCountries);
  const conflictsFile = join(dir, 'conflicts.json');
  const conflictsData = existsSync(conflictsFile) ? readJson(conflictsFile, ConflictsFile) : { roles: {}, everywhere: [], conflicts: [] };
  const conflicts: Conflict[] = conflictsData.conflicts;
  const roles = new Map(Object.entries(conflictsData.roles));
  const agencyFile = join(dir, 'sources-agencies.json');
  const agencies = existsSync(agencyFile)
    ? readJson(agencyFile, AgenciesFile).agencies.map((c) => toEntity(c, 'agency'))
    : [];
  const ambFile = join(dir, 'ambiguous.json');
  const ambiguousRaw = existsSync(ambFile) ? readJson(ambFile, AmbiguousFile).aliases : {};
  const otherFile = join(dir, 'other-names.json');
  const otherNames = existsSync(otherFile) ? Object.values(readJson(otherFile, OtherNamesFile).names).flat() : [];
  const rules: Rules = readJson(join(dir, 'rules.json'), RulesFile);

  const byId = new Map<string, GazetteerEntity>();
  for (const e of [...places, ...groups, ...agencies]) {
    if (byId.has(e.id)) throw new Error(`gazetteer: duplicate id "${e.id}"`);
    byId.set(e.id, e);
  }
  for (const l of localities) if (!byId.has(l.id)) byId.set(l.id, l);
  // every group either fights in several wars or belongs to the conflicts that list it
  const placed = new Set([...conflictsData.conflicts.flatMap((c) => c.groups), ...conflictsData.everywhere]);
  if (conflicts.length) {
    const loose = groups.filter((g) => !placed.has(g.id)).map((g) => g.id);
    if (loose.length) throw new Error(`conflicts.json: groups in no conflict and not in "everywhere": ${loose.join(', ')}`);
  }
  for (const c of conflicts)
    for (const [role, actor] of Object.entries(c.actors)) {
      // a role is an armed party's, or a place's ("the capital")
      const type = byId.get(actor)?.type;
      if (type !== 'group' && type !== 'place') throw new Error(`conflicts.json: ${c.id}: actor "${actor}" is not a group or a place`);
      if (!roles.has(role)) throw new Error(`conflicts.json: ${c.id}: role "${role}" has no words`);
    }

  const ambiguous = new Map<string, AmbiguousAlias>();
  for (const [alias, a] of Object.entries(ambiguousRaw)) ambiguous.set(foldName(alias).lower, a);

  // alias -> ids, refusing accidental sharing
  const owners = new Map<string, Set<string>>();
  // a generated country answers to its aliases only: its display names include names too short to
  // read alone (捷克)
  const generatedCountries = new Set(worldCountries);
  const namesToMatch = (e: GazetteerEntity) => (generatedCountries.has(e) ? e.aliases : globalNamesOf(e));
  const namesToOwn = (e: GazetteerEntity) => [...namesToMatch(e), ...(e.wordAliases ?? [])];
  for (const e of [...places, ...groups, ...agencies, ...worldCountries]) {
    for (const n of namesToOwn(e)) {
      const key = foldName(n).lower;
      if (!key) continue;
      const set = owners.get(key) ?? new Set<string>();
      set.add(e.id);
      owners.set(key, set);
    }
  }
  const clashes = [...owners].filter(([k, ids]) => ids.size > 1 && !ambiguous.has(k));
  if (clashes.length) {
    throw new Error(
      'gazetteer: aliases shared by several entities and not listed in ambiguous.json: ' +
        clashes.map(([k, ids]) => `"${k}" (${[...ids].join(', ')})`).join('; '),
    );
  }

  const entries: AliasEntry[] = [];
  for (const e of [...places, ...groups, ...agencies, ...worldCountries]) for (const n of namesToMatch(e)) entries.push({ alias: n, ids: [e.id] });
  for (const e of worldCountries) for (const n of e.wordAliases ?? []) entries.push({ alias: n, ids: [e.id], word: true });
  // known non-entities claim their text too (so "Abu Omar al-Shishani" is not half-read as a place)
  for (const n of otherNames) entries.push({ alias: n, ids: [OTHER] });
  // generic role words claim their text and name whoever plays the role in the text's conflict
  for (const [role, words] of roles) for (const w of words) entries.push({ alias: w, ids: [ROLE + role] });

  const regional = new Map<string, ReturnType<typeof buildMatcher>>();
  // a generic role word gives way to a name that starts inside it ("the army", "Army of Conquest")
  const roleOnly = (ids: string[]) => ids.every((id) => id.startsWith(ROLE));
  const base = buildMatcher(entries, roleOnly);
  // the conflicts' countries and their neighbours have their dataset localities in localities.json;
  // any other country's places come from the world index when a text about it is read
  const conflictCountries = new Set(conflicts.flatMap((c) => [...c.countries, ...c.neighbours]));
  const matcherFor = (countries: string[] | undefined) => {
    if (!countries?.length) return base;
    const key = [...countries].sort().join(',');
    let m = regional.get(key);
    if (!m) {
      const extra: AliasEntry[] = [];
      const world = countries.filter((c) => !conflictCountries.has(c)).flatMap((c) => worldPlaces(gaz, c));
      for (const e of [...places, ...localities, ...world])
        if (e.country && countries.includes(e.country)) for (const n of e.regionAliases ?? []) extra.push({ alias: n, ids: [e.id] });
      m = buildMatcher([...entries, ...extra], roleOnly);
      regional.set(key, m);
    }
    return m;
  };

  const gaz: Gazetteer = { places, groups, agencies, localities, conflicts, roles, otherNames, byId, ambiguous, rules, matcher: base, matcherFor };
  return gaz;
}
