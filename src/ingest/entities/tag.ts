/** Tagging a passage with the places and armed groups it names. */
import { foldName, inCapitalisedRun, isLatinWordChar, type Folded } from './fold.ts';
import { namesOf } from './load.ts';
import { resolveLink } from './links.ts';
import { aliasOccurs } from './matcher.ts';
import { geoDistance } from 'd3-geo';
import { cuedGroupNames, cuedId, cuedNames, looseIndex, looseKey, spellingsOf, withoutArticle, type CuedName } from './cued.ts';
import { bothScripts } from './generate/names.ts';
import { OTHER, ROLE, type Gazetteer, type GazetteerEntity, type Match, type Scan, type TagContext } from './types.ts';
import type { Lang } from '../../schema/records.ts';

export interface Tags {
  places: string[];
  groups: string[];
  /** Places and groups no gazetteer file holds, named here with a cue (cued.ts): their ids are in `places` or `groups`. */
  cued?: GazetteerEntity[];
  /** Spellings of known places met here that their names lack (a cued "Tadef" for Tadif), by id. */
  spellings?: Record<string, string[]>;
}

/**
 * Places and groups named in `text`. Every tag is grounded: it comes from a name or alias found in
 * the text itself. Wiki-link targets (`links`) only help: they choose between the readings of a
 * deliberately ambiguous alias, and they keep an entity whose name occurs in the text even where
 * a longer name would otherwise have hidden it (a demonym such as 比利时籍 stays a nationality, linked or not). News agencies and monitors are
 * recognised but never returned. `lang` is accepted for symmetry with findUnknownNames; matching
 * itself is script-aware rather than language-specific.
 */
export function tagText(
  gaz: Gazetteer,
  text: string,
  links: string[] = [],
  _lang?: Lang | string,
  context: TagContext = {},
  // the passage's scan, when the caller has it already (one scan serves tags and unknown names)
  scanned: Scan = gaz.matcherFor(context.countries).scan(text),
): Tags {
  const { matches, folded } = scanned;
  const linked = new Set<string>();
  for (const l of links) for (const id of resolveLink(gaz, l)) linked.add(id);

  const { suffixes, demonymKinds } = foldedRules(gaz);

  const found: string[] = [];
  const demonymOnly = new Set<string>();
  const add = (id: string) => {
    if (!found.includes(id)) found.push(id);
  };

  const actors = context.conflict?.actors ?? {};
  const own = new Set(context.conflict?.groups ?? []);
  const local = localGroups(gaz);
  // a role word names its conflict's actor; a group of one war only is not read in texts about another
  const roleOrId = (id: string): string | undefined => (id.startsWith(ROLE) ? actors[id.slice(ROLE.length)] : local.has(id) && !own.has(id) ? undefined : id);
  // a place of the world index inside a longer capitalised name is that name's ("Kuroda Nagamasa",
  // "Sherwood Foresters"): its Latin names are as often people's and regiments'
  // …and one the text also writes in lower case is a word there ("East", "east of the city"); so
  // is a town of a conflict's neighbour ("North", the Lebanese governorate)
  const neighbours = new Set(context.conflict?.neighbours ?? []);
  const readStrictly = (e: GazetteerEntity | undefined) => e?.world || (e?.locality && e.kind !== 'country' && neighbours.has(e.country ?? ''));
  const standsAlone = (id: string, m: Match) =>
    !readStrictly(gaz.byId.get(id)) || (!inCapitalisedRun(folded, m.start, m.end) && !context.lowerCaseWords?.().has(folded.text.slice(m.start, m.end).toLowerCase()));
  const first = matches.map((m) => [
    ...new Set(m.ids.filter((id) => id !== OTHER && standsAlone(id, m)).map(roleOrId).filter((id): id is string => id !== undefined)),
  ]);
  // governorates named around each match, to choose between localities of the same name
  const nearby = new Map<string, number>();
  for (const ids of first)
    if (ids.length === 1 && !gaz.byId.get(ids[0]!)?.locality) {
      const a = gaz.byId.get(ids[0]!)?.admin1;
      if (a) nearby.set(a, (nearby.get(a) ?? 0) + 1);
    }
  const resolved = matches.map((m, i) => {
    let ids = first[i]!;
    if (ids.some((id) => gaz.byId.get(id)?.locality)) ids = chooseLocality(gaz, ids, nearby, context);
    if (ids.length > 1) {
      const key = folded.lower.slice(m.start, m.end).replace(/ {2,}/g, ' ');
      const amb = gaz.ambiguous.get(key);
      const picked = ids.filter((id) => linked.has(id));
      if (!amb?.all) ids = picked.length ? picked : amb?.default ? [amb.default] : [];
    }
    return ids;
  });
  const asGovernorate = governorateContext(gaz, folded, matches, resolved);

  for (const [i, m] of matches.entries()) {
    const ids = resolved[i]!;
    if (!ids.length) continue;
    for (let id of ids) {
      const gov = asGovernorate.get(i);
      if (gov && capitalOf(gaz).get(id) === gov) id = gov;
      const e = gaz.byId.get(id)!;
      if (e.type === 'agency') continue;
      if (demonymKinds.has(e.kind)) {
        const after = folded.lower.slice(m.end);
        if (suffixes.some((s) => after.startsWith(s))) {
          demonymOnly.add(id);
          continue;
        }
      }
      add(id);
      // a place whose name embeds the name of a place it lies in names that place too:
      // 阿勒颇老城 (the Old City of Aleppo) names Aleppo, 阿勒颇机场 names Aleppo
      if (e.type === 'place' && gaz.rules.namedInside?.kinds.includes(e.kind)) for (const a of embeddedAncestors(gaz, e, folded, m)) add(a);
    }
  }

  // linked entities whose own names occur in the text, though hidden by a longer match
  for (const id of linked) {
    if (found.includes(id) || demonymOnly.has(id)) continue;
    const e: GazetteerEntity | undefined = gaz.byId.get(id);
    if (!e || e.type === 'agency') continue;
    if (entityNames(e).some((n) => aliasOccurs(folded, n))) add(id);
  }

  // a country named as the actor of a military act names its forces (土耳其增派軍隊); read only
  // that way, it is not where the passage happens
  const acting = stateActors(gaz, folded, matches, resolved);
  for (const [country, { forces, everyMention }] of acting) {
    // the forces as any group is read: a group of another war only is not read here
    if (!found.includes(country) || roleOrId(forces) === undefined) continue;
    if (!found.includes(forces)) found.splice(found.indexOf(country) + 1, 0, forces);
    if (everyMention) found.splice(found.indexOf(country), 1);
  }

  // a country's people's adjective right before a military act names its forces: Russian air strikes
  for (const country of demonymsBefore(gaz, folded, 'acts', gaz.rules.stateActs?.words ?? [])) {
    const forces = stateForces(gaz).get(country);
    if (forces && roleOrId(forces) !== undefined && !found.includes(forces)) found.push(forces);
  }

  const places: string[] = [];
  const groups: string[] = [];
  for (const id of found) (gaz.byId.get(id)!.type === 'place' ? places : groups).push(id);
  for (const id of demonymsBefore(gaz, folded, 'places', gaz.rules.demonym.places)) if (!places.includes(id)) places.push(id);

  // names a place cue marks that no name of the gazetteer claimed
  const byCue = placesByCue(gaz, text, folded, matches, context, nearby);
  for (const id of byCue.superseded) if (places.includes(id)) places.splice(places.indexOf(id), 1);
  for (const id of byCue.ids) if (!places.includes(id)) places.push(id);
  const byHead = groupsByCue(gaz, text, folded, matches);
  for (const e of byHead) if (!groups.includes(e.id)) groups.push(e.id);
  const cued = [...byCue.cued, ...byHead];
  return {
    places,
    groups,
    ...(cued.length ? { cued } : {}),
    ...(Object.keys(byCue.spellings).length ? { spellings: byCue.spellings } : {}),
  };
}

/**
 * What each cued name (cued.ts) names: a known place of the text's region whose loose key it shares
 * (one place, or the locality its governorate picks), else a place of its own, with the cue's kind
 * and the name as written (and a glossed Chinese name in both scripts). A name that overlaps any
 * match (an entity, an agency, a known person, a role word) is the matcher's.
 */
function placesByCue(
  gaz: Gazetteer,
  text: string,
  folded: Folded,
  matches: Match[],
  context: TagContext,
  nearby: Map<string, number>,
): { ids: string[]; cued: GazetteerEntity[]; spellings: Record<string, string[]>; superseded: string[] } {
  const out = { ids: [] as string[], cued: [] as GazetteerEntity[], spellings: {} as Record<string, string[]>, superseded: [] as string[] };
  const names = cuedNames(gaz, text, folded);
  if (!names.length) return out;
  const claimed = new Uint8Array(text.length + 1);
  for (const m of matches) claimed.fill(1, m.start, m.end);
  const free = (start: number, end: number) => {
    for (let k = start; k < end; k++) if (claimed[k]) return false;
    return true;
  };
  // a name with its own feature word may hold known places ("Tabqa Dam" holds Tabqa): the feature
  // word must be free and no match may cross the name's edge; a known place inside of the feature's
  // own kind is the name ("Euphrates River"); else the name is a place of its own, and the places
  // inside it are not named by it (the dam is not the town)
  const places = (m: Match) => m.ids.filter((id) => gaz.byId.get(id)?.type === 'place');
  const inside = (n: CuedName) => matches.filter((m) => m.start < n.end && m.end > n.start);
  const featureFree = (n: CuedName) => {
    const within = inside(n);
    return (
      free(n.feature!.start, n.feature!.end) &&
      within.every((m) => m.start >= n.start && m.end <= n.end && places(m).length) &&
      !within.some((m) => places(m).some((id) => gaz.byId.get(id)?.kind === n.kind))
    );
  };
  const holders: CuedName[] = [];
  // another spelling is of a place of the war's own countries, not of a neighbour's
  const region = context.conflict?.countries ?? context.countries;
  const index = region?.length ? looseIndex(gaz, region) : undefined;
  for (const n of names) {
    if (n.han && n.hanStart !== undefined && !free(n.hanStart, n.hanStart + n.han.length)) continue;
    if (!(n.feature ? featureFree(n) : free(n.start, n.end))) continue;
    const holds = n.feature !== undefined && !free(n.start, n.end);
    let known = index?.get(looseKey(n.name, spellingsOf(gaz))) ?? [];
    if (known.some((id) => gaz.byId.get(id)?.locality)) known = chooseLocality(gaz, known, nearby, context);
    if (known.length === 1) {
      const id = known[0]!;
      if (!out.ids.includes(id)) out.ids.push(id);
      (out.spellings[id] ??= []).includes(n.name) || out.spellings[id]!.push(n.name);
      if (holds) holders.push(n);
      continue;
    }
    // several known places answer to it: it is one of them, which one is not known
    if (known.length > 1 || n.knownOnly) continue;
    // a known place of another region (or a text of none) answers to it: that place, which is not
    // read here, as its own name would not be; not a new one
    if (looseIndex(gaz).has(looseKey(n.name, spellingsOf(gaz)))) continue;
    const id = cuedId(gaz, n.name);
    if (!id) continue;
    if (holds) holders.push(n);
    if (out.ids.includes(id)) continue;
    const han = n.han ? bothScripts(n.han) : undefined;
    out.ids.push(id);
    out.cued.push({
      id,
      type: 'place',
      kind: n.kind,
      name: { en: n.name, ...(han ? { 'zh-Hans': han['zh-Hans'], 'zh-Hant': han['zh-Hant'] } : {}) },
      aliases: [n.name, ...withoutArticle(n.name), ...(n.han ? [n.han] : [])],
      cued: true,
    });
  }
  // the known places inside such names, unless the passage names them outside one too
  const held = (m: Match) => holders.some((n) => m.start >= n.start && m.end <= n.end);
  const outside = new Set(matches.filter((m) => !held(m)).flatMap((m) => m.ids));
  out.superseded = [...new Set(matches.filter(held).flatMap(places))].filter((id) => !outside.has(id));
  return out;
}

const stateNames = new WeakMap<Gazetteer, Set<string>>();

/** Whether `name` is a country that has its state forces (groups.json `state`), or its people's adjective. */
function stateNamed(gaz: Gazetteer, name: string): boolean {
  let names = stateNames.get(gaz);
  if (!names) {
    names = new Set();
    for (const country of stateForces(gaz).keys()) {
      const e = gaz.byId.get(country);
      for (const n of e ? [e.name.en, ...e.aliases, ...(e.demonyms ?? [])] : []) names.add(foldName(n).lower);
    }
    stateNames.set(gaz, names);
  }
  return names.has(foldName(name).lower);
}

const forcesOfState = new WeakMap<Gazetteer, Map<string, string>>();

/** Country id -> its state forces (groups' `state`). */
function stateForces(gaz: Gazetteer): Map<string, string> {
  let m = forcesOfState.get(gaz);
  if (!m) {
    m = new Map(gaz.groups.filter((g) => g.state).map((g) => [g.state!, g.id]));
    forcesOfState.set(gaz, m);
  }
  return m;
}

const CLAUSE_END = /[，。；：,.;:!?！？\n]/;

/**
 * Countries named as the actor of a military act (rules.json stateActs): a word of the act starts
 * at most `within` characters after the name, in its clause. By country: its forces, and whether
 * every mention of it in the passage reads so.
 */
function stateActors(gaz: Gazetteer, folded: Folded, matches: Match[], resolved: string[][]): Map<string, { forces: string; everyMention: boolean }> {
  const out = new Map<string, { forces: string; everyMention: boolean }>();
  const acts = gaz.rules.stateActs;
  if (!acts) return out;
  const forces = stateForces(gaz);
  const { acts: words, placeAfter } = foldedRules(gaz);
  const mentions = new Map<string, boolean[]>();
  for (const [i, m] of matches.entries()) {
    const ids = resolved[i]!;
    if (ids.length !== 1 || !forces.has(ids[0]!)) continue;
    const country = ids[0]!;
    const before = folded.lower.slice(Math.max(0, m.start - 8), m.start).trimEnd();
    const destination = placeAfter.some((p) => before.endsWith(p) && !(isLatinWordChar(p[0]) && isLatinWordChar(before[before.length - p.length - 1])));
    let window = folded.lower.slice(m.end, m.end + acts.within + 12);
    const stop = window.search(CLAUSE_END);
    if (stop >= 0) window = window.slice(0, stop);
    const acting = !destination && words.some((w) => {
      const at = window.indexOf(w);
      return at >= 0 && at <= acts.within && !(isLatinWordChar(w[0]) && isLatinWordChar(window[at - 1])) && !(isLatinWordChar(w[w.length - 1]) && isLatinWordChar(window[at + w.length]));
    });
    (mentions.get(country) ?? mentions.set(country, []).get(country)!).push(acting);
  }
  for (const [country, reads] of mentions) if (reads.some(Boolean)) out.set(country, { forces: forces.get(country)!, everyMention: reads.every(Boolean) });
  return out;
}

/**
 * Groups named by a group head word (cued.ts) whose head no name of the gazetteer claims: "Free
 * Syrian Army" is the gazetteer's, "Manbij Military Council" a group of its own (a known place
 * inside the name keeps its own tag).
 */
function groupsByCue(gaz: Gazetteer, text: string, folded: Folded, matches: Match[]): GazetteerEntity[] {
  const out: GazetteerEntity[] = [];
  const names = cuedGroupNames(gaz, text, folded);
  for (const n of names) {
    // the longest name read at a place: "Romanian IV Army Corps", not also "Romanian IV Army"
    if (names.some((o) => o !== n && o.start <= n.start && o.end >= n.end && o.end - o.start > n.end - n.start)) continue;
    // the head's last word, or the lead: a name the gazetteer claims there is the gazetteer's
    const lead = n.feature && n.feature.start === n.start;
    const [from, to] = lead ? [n.start, n.feature!.end] : [n.end - (n.name.split(' ').at(-1)?.length ?? 0), n.end];
    // a role word the head opens is no name of its own here: "Red Army forces" is the Red Army's
    const roleFromHead = (m: Match) => !lead && m.start >= from && m.ids.every((id) => id.startsWith(ROLE));
    if (matches.some((m) => m.start < to && m.end > from && !roleFromHead(m))) continue;
    // a state's own branch ("US Navy", "Russian Air Force") is its armed forces (the state acts read it)
    const words = n.name.split(' ');
    if (n.branch && [1, 2].some((k) => words.length > k && stateNamed(gaz, words.slice(0, -k).join(' ')))) continue;
    const id = cuedId(gaz, n.name);
    if (!id || out.some((e) => e.id === id)) continue;
    out.push({ id, type: 'group', kind: n.kind, name: { en: n.name }, aliases: [n.name], cued: true });
  }
  return out;
}

/**
 * The reading of a name that dataset localities answer to (one or several): a hand-written entry
 * first (it was written for these texts), else the locality in the governorate most named around it
 * (in the passage, then in the whole text), else a seat (city, town, unit) the name alone can stand
 * for: the only one, the only city, or the one clearly nearest the text's places. Else none: an
 * unsupported name is not tagged.
 */
function chooseLocality(gaz: Gazetteer, ids: string[], nearby: Map<string, number>, context: TagContext): string[] {
  const hand = ids.filter((id) => !gaz.byId.get(id)?.locality);
  if (hand.length) return hand;
  // a village only where its governorate is named (in the passage or the text): "Milh" in
  // "al-Milh Square" of an Aleppo text is not the village of that name in As-Suwayda; a seat of a
  // governorate or district (kind city or town) is known enough to stand on its own name
  for (const counts of [nearby, context.admins]) {
    if (!counts) continue;
    const scored = ids.map((id) => ({ id, n: counts.get(gaz.byId.get(id)?.admin1 ?? '') ?? 0 })).sort((a, b) => b.n - a.n);
    if (scored[0]!.n > 0 && scored[0]!.n > (scored[1]?.n ?? 0)) return [scored[0]!.id];
  }
  const seats = ids.filter((id) => SEAT_KINDS.has(gaz.byId.get(id)?.kind ?? ''));
  if (seats.length <= 1) return seats;
  // a city and a unit or town of its name (Rostov-on-Don, Rostov Oblast, the town of Rostov): the city
  const cities = seats.filter((id) => gaz.byId.get(id)?.kind === 'city');
  if (cities.length === 1) return cities;
  // two towns of one name (Kalach): the one the text's other places lie around
  const centre = context.centre?.();
  if (!centre) return [];
  const byDistance = seats
    .map((id) => ({ id, d: distance(gaz.byId.get(id)?.coords, centre) }))
    .sort((a, b) => a.d - b.d);
  return byDistance[0]!.d * NEARER < byDistance[1]!.d ? [byDistance[0]!.id] : [];
}

/** How much nearer the text's places one same-named seat must be than the next to be the one meant. */
const NEARER = 2;

/** Great-circle distance in radians (d3-geo), infinite for a place without coordinates. */
function distance(a: [number, number] | undefined, b: [number, number]): number {
  return a ? geoDistance(a, b) : Infinity;
}

/** Kinds of dataset localities that are administrative seats (GeoNames PPLA/PPLC, PPLA2), and
 * generated countries and first-level units (world.ts). */
const SEAT_KINDS = new Set(['city', 'town', 'country', 'region']);

const locals = new WeakMap<Gazetteer, Set<string>>();
/** Groups that some conflict lists as its own (fighting in that war only). */
function localGroups(gaz: Gazetteer): Set<string> {
  let set = locals.get(gaz);
  if (!set) locals.set(gaz, (set = new Set(gaz.conflicts.flatMap((c) => c.groups))));
  return set;
}

const demonymPatterns = new WeakMap<Gazetteer, Map<string, { pattern: RegExp; countryOf: Map<string, string> } | null>>();

/** Countries whose people's adjective, written with its capital, stands right before one of
 * `words` (`what` names the list, for the cache): "the Lebanese town of Arsal" (demonym.places),
 * "Russian air strikes" (stateActs.words). */
function demonymsBefore(gaz: Gazetteer, folded: Folded, what: string, words: string[]): string[] {
  let byList = demonymPatterns.get(gaz);
  if (!byList) demonymPatterns.set(gaz, (byList = new Map()));
  let p = byList.get(what);
  if (p === undefined) {
    const countryOf = new Map(gaz.places.flatMap((e) => (e.demonyms ?? []).map((d) => [foldName(d).lower, e.id] as const)));
    // after an adjective written in Latin letters: the list's Latin words
    const nouns = words.map((n) => foldName(n).lower).filter((n) => /^\p{Script=Latin}/u.test(n));
    const alt = (xs: string[]) => [...xs].sort((a, b) => b.length - a.length).map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    p = countryOf.size && nouns.length ? { pattern: new RegExp(`(?<![\\p{L}'])(${alt([...countryOf.keys()])}) (?:${alt(nouns)})(?![\\p{L}])`, 'gu'), countryOf } : null;
    byList.set(what, p);
  }
  if (!p) return [];
  const out: string[] = [];
  for (const m of folded.lower.matchAll(p.pattern)) {
    if (!/^\p{Lu}/u.test(folded.text[m.index!]!)) continue;
    const id = p.countryOf.get(m[1]!)!;
    if (!out.includes(id)) out.push(id);
  }
  return out;
}

interface FoldedRules {
  suffixes: string[];
  demonymKinds: Set<string>;
  /** stateActs.words and stateActs.placeAfter */
  acts: string[];
  placeAfter: string[];
  governorate?: { before: string[]; after: string[]; anaphora: string[]; joiners: Set<string>; locatives: string[] };
}
const foldedRuleSets = new WeakMap<Gazetteer, FoldedRules>();

/** The gazetteer's rule phrases folded as the text is, once per gazetteer rather than per passage. */
function foldedRules(gaz: Gazetteer): FoldedRules {
  let rules = foldedRuleSets.get(gaz);
  if (rules) return rules;
  const norm = (x: string) => foldName(x).lower;
  const g = gaz.rules.governorate;
  rules = {
    suffixes: gaz.rules.demonym.suffixes.map(norm).filter(Boolean),
    demonymKinds: new Set(gaz.rules.demonym.kinds),
    acts: (gaz.rules.stateActs?.words ?? []).map(norm).filter(Boolean),
    placeAfter: (gaz.rules.stateActs?.placeAfter ?? []).map(norm).filter(Boolean),
    governorate: g && {
      before: g.before.map(norm),
      after: g.after.map(norm),
      anaphora: g.anaphora.map(norm),
      joiners: new Set(g.joiners.map(norm)),
      locatives: g.locatives.map(norm),
    },
  };
  foldedRuleSets.set(gaz, rules);
  return rules;
}

const names = new WeakMap<GazetteerEntity, string[]>();
/** namesOf, kept per entity (the gazetteer does not change during an ingest). */
function entityNames(e: GazetteerEntity): string[] {
  let list = names.get(e);
  if (!list) names.set(e, (list = namesOf(e)));
  return list;
}

const capitals = new WeakMap<Gazetteer, Map<string, string>>();

/** City id -> the governorate it is the capital of (a governorate named after it: Aleppo, Aleppo Governorate). */
export function capitalOf(gaz: Gazetteer): Map<string, string> {
  let map = capitals.get(gaz);
  if (map) return map;
  map = new Map();
  for (const c of gaz.places) {
    const g = c.parent ? gaz.byId.get(c.parent) : undefined;
    if (!g || g.kind !== 'governorate' || c.kind === 'governorate') continue;
    const govNames = namesOf(g).map((n) => foldName(n).lower);
    const named = namesOf(c)
      .map((n) => foldName(n).lower)
      .some((n) => govNames.some((gn) => gn.length > n.length && gn.startsWith(n) && !isLatinWordChar(gn[n.length])));
    if (named) map.set(c.id, g.id);
  }
  capitals.set(gaz, map);
  return map;
}

const SENTENCE_END = /[.。;；!?！？]/;
const CITY_WORD = /(^city of | city$|市$|城$)/;

/**
 * Matches (by index) whose capital-city name stands for its governorate here, with that
 * governorate: see rules.json `governorate`. A name spelled as the city ("Aleppo city", 阿勒颇市)
 * is never read as the governorate.
 */
function governorateContext(gaz: Gazetteer, f: Folded, matches: Match[], resolved: string[][]): Map<number, string> {
  const out = new Map<number, string>();
  const rules = foldedRules(gaz).governorate;
  if (!rules) return out;
  const capital = capitalOf(gaz);
  const s = f.lower;
  const { before, after, joiners, locatives } = rules;
  const govOf = (i: number): string | undefined => {
    const span = s.slice(matches[i]!.start, matches[i]!.end);
    if (CITY_WORD.test(span)) return undefined;
    for (const id of resolved[i]!) if (capital.has(id)) return capital.get(id);
    return undefined;
  };
  const isPlace = (i: number) => resolved[i]!.some((id) => gaz.byId.get(id)?.type === 'place');
  const endsWithPhrase = (text: string, p: string) =>
    text.endsWith(p) && !(isLatinWordChar(p[0]) && isLatinWordChar(text[text.length - p.length - 1]));
  const startsWithPhrase = (text: string, p: string) =>
    text.startsWith(p) && !(isLatinWordChar(p[p.length - 1]) && isLatinWordChar(text[p.length]));

  // runs of place names joined by list words ("Idlib and Latakia", "阿勒颇和伊德利卜")
  const runs: number[][] = [];
  for (let i = 0; i < matches.length; i++) {
    if (!isPlace(i)) continue;
    const last = runs.at(-1);
    const prev = last?.at(-1);
    const between = prev === undefined ? '' : s.slice(matches[prev]!.end, matches[i]!.start).trim().replace(/ {2,}/g, ' ');
    if (last && prev === i - 1 && joiners.has(between)) last.push(i);
    else runs.push([i]);
  }
  for (const run of runs) {
    const first = matches[run[0]!]!;
    const last = matches[run.at(-1)!]!;
    const pre = s.slice(Math.max(0, first.start - 40), first.start).trimEnd();
    const post = s.slice(last.end, last.end + 40).trimStart();
    const context =
      before.some((p) => endsWithPhrase(pre, p)) ||
      after.some((p) => startsWithPhrase(post, p));
    if (!context) continue;
    for (const i of run) {
      const gov = govOf(i);
      if (gov) out.set(i, gov);
    }
  }

  // "... the province": the nearest place named before it in the same sentence
  for (const phrase of rules.anaphora) {
    for (let at = s.indexOf(phrase); at >= 0; at = s.indexOf(phrase, at + 1)) {
      const end = at + phrase.length;
      if (isLatinWordChar(phrase[0]) && isLatinWordChar(s[at - 1])) continue;
      if (isLatinWordChar(phrase[phrase.length - 1]) && isLatinWordChar(s[end])) continue;
      if (matches.some((m) => m.start < end && m.end > at)) continue;
      let j = -1;
      for (let i = 0; i < matches.length && matches[i]!.end <= at; i++) if (isPlace(i)) j = i;
      if (j < 0 || SENTENCE_END.test(s.slice(matches[j]!.end, at))) continue;
      const lead = s.slice(Math.max(0, matches[j]!.start - 20), matches[j]!.start).trimEnd();
      if (!locatives.some((p) => endsWithPhrase(lead, p))) continue;
      const gov = govOf(j);
      if (gov) out.set(j, gov);
    }
  }
  return out;
}

/** Places that `e` lies in (its parent chain) whose own name is spelled inside the matched name. */
function embeddedAncestors(gaz: Gazetteer, e: GazetteerEntity, f: Folded, m: Match): string[] {
  const span: Folded = { text: f.text.slice(m.start, m.end), lower: f.lower.slice(m.start, m.end), aligned: true, simplified: f.simplified.slice(m.start, m.end) };
  const out: string[] = [];
  const seen = new Set<string>([e.id]);
  for (let p = e.parent ? gaz.byId.get(e.parent) : undefined; p && !seen.has(p.id); p = p.parent ? gaz.byId.get(p.parent) : undefined) {
    seen.add(p.id);
    if (p.type === 'place' && entityNames(p).some((n) => aliasOccurs(span, n))) out.push(p.id);
  }
  return out;
}
