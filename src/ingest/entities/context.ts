/**
 * What a whole text is about, for the tagger (TagContext): the conflict its chronology belongs to
 * (manifest `chronology`, conflicts.json), or, for a text without one, the country most of its
 * places lie in (the world's cities when the gazetteer's say nothing) and the conflict fought there;
 * then the governorates its places lie in, to choose between same-named localities. A text about a
 * war no conflict of conflicts.json covers gets no conflict: its generic role words ("rebels",
 * "政府军") name no actor. Its country's cities and units are read from the world index (world.ts);
 * a conflict's text is read for the cities and towns of the conflict's neighbours it names too.
 */
import { inCapitalisedRun, type Folded } from './fold.ts';
import { ROLE, type Conflict, type Gazetteer, type Match, type Matcher, type Scan, type TagContext } from './types.ts';
import { worldVoters } from './world.ts';

/** A text is about a country when at least this many of its place mentions lie there... */
const MIN_MENTIONS = 3;
/** ...and they are at least this share of the mentions of places with a known country. */
const MIN_SHARE = 0.5;
/** A second country is the text's too when it has at least this share of the first's mentions. */
const SECOND_SHARE = 0.25;

export function conflictOfChronology(gaz: Gazetteer, chronology: string | undefined): Conflict | undefined {
  return chronology ? gaz.conflicts.find((c) => c.chronologies.includes(chronology)) : undefined;
}

/** The country most of `texts`' matches lie in (`countryOf` reads one match), when it clearly
 * dominates, and a second one named often beside it (a war between two countries: India and China). */
function mostNamed(matcher: Matcher, texts: string[], countryOf: (ids: string[], m: Match, folded: Folded) => string | undefined): string[] {
  const counts = new Map<string, number>();
  const names = new Map<string, Set<string>>();
  let total = 0;
  for (const text of texts) {
    const { matches, folded } = matcher.scan(text);
    for (const m of matches) {
      const country = countryOf(m.ids, m, folded);
      if (!country) continue;
      counts.set(country, (counts.get(country) ?? 0) + 1);
      names.set(country, (names.get(country) ?? new Set()).add(folded.lower.slice(m.start, m.end)));
      total++;
    }
  }
  const [top, second] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (!top || top[1] < MIN_MENTIONS || top[1] / total < MIN_SHARE) return [];
  // the second names several of its places (one name said often may be a namesake: Kingstown)
  const alsoSecond = second && second[1] >= MIN_MENTIONS && second[1] >= SECOND_SHARE * top[1] && (names.get(second[0])?.size ?? 0) >= 2;
  return alsoSecond ? [top[0], second[0]] : [top[0]];
}

/** The countries most of the texts' places below country level lie in (mostNamed): the
 * gazetteer's places, else the world's cities and first-level units (world.ts). */
export function dominantCountries(gaz: Gazetteer, texts: string[], lower: () => Set<string> = () => lowerCaseWords(texts)): string[] {
  const known = mostNamed(gaz.matcher, texts, (ids) => {
    const e = ids.length === 1 ? gaz.byId.get(ids[0]!) : undefined;
    // where things happen: towns, governorates, regions; a country is as often a party
    // ("土耳其軍", "Turkish jets") as a place, so it does not vote
    return e?.type === 'place' && e.kind !== 'country' ? e.country : undefined;
  });
  if (known.length) return known;
  // a city's name inside a longer capitalised one ("The New York Times", "Middle East") is that
  // one's, and a name the text also writes in lower case is a word there ("East", "east of the city")
  return mostNamed(worldVoters(gaz), texts, (ids, m, folded) =>
    ids.length === 1 && !inCapitalisedRun(folded, m.start, m.end) && !lower().has(folded.text.slice(m.start, m.end).toLowerCase()) ? ids[0] : undefined,
  );
}

/** The Latin words `texts` write in lower case. */
export function lowerCaseWords(texts: string[]): Set<string> {
  const out = new Set<string>();
  for (const text of texts) for (const w of text.matchAll(/(?<![\p{L}'’-])\p{Ll}[\p{Ll}'’-]*/gu)) out.add(w[0]);
  return out;
}

export function textContext(gaz: Gazetteer, chronology: string | undefined, texts: string[]): TagContext {
  // the text's lower-case words, read once for the voters and the tagger (world places)
  let lower: Set<string> | undefined;
  const lowerOnce = () => (lower ??= lowerCaseWords(texts));
  let conflict = conflictOfChronology(gaz, chronology);
  let countries = conflict?.countries;
  if (!conflict) {
    const [country, ...others] = dominantCountries(gaz, texts, lowerOnce);
    if (country) {
      conflict = gaz.conflicts.find((c) => c.countries.includes(country));
      countries = conflict?.countries ?? [country, ...others];
    }
  }
  // the conflict's neighbours the text names: their cities and towns are read in it too
  if (conflict && countries) countries = [...countries, ...namedNeighbours(gaz, conflict, texts)];
  const admins = new Map<string, number>();
  if (countries) {
    const matcher = gaz.matcher;
    for (const text of texts)
      for (const m of matcher.scan(text).matches) {
        if (m.ids.length !== 1) continue;
        // hand-written places only: a dataset locality needs its governorate named by something else
        const e = gaz.byId.get(m.ids[0]!);
        if (e?.admin1 && !e.locality) admins.set(e.admin1, (admins.get(e.admin1) ?? 0) + 1);
      }
  }
  let centre: [number, number] | undefined | null = null;
  const centreOnce = () => (centre === null ? (centre = centreOf(gaz, countries, texts)) : centre);
  return { ...(conflict ? { conflict } : {}), ...(countries ? { countries } : {}), admins, ...(countries ? { centre: centreOnce, lowerCaseWords: lowerOnce } : {}) };
}

/** The neighbours of `conflict` (conflicts.json) that `texts` name, by a name of the country or its
 * people's adjective: a text about the war that names Lebanon may name a Lebanese town ("Halba");
 * one that does not is not read for them ("Zarqa" is then a Syrian village, not the Jordanian city). */
function namedNeighbours(gaz: Gazetteer, conflict: Conflict, texts: string[]): string[] {
  return conflict.neighbours.filter((code) => {
    const country = gaz.places.find((e) => e.kind === 'country' && e.country === code);
    if (!country) return false;
    const names = [country.name.en, country.name['zh-Hans'], country.name['zh-Hant'], ...country.aliases, ...(country.demonyms ?? [])].filter((n): n is string => Boolean(n));
    return texts.some((t) => names.some((n) => t.includes(n)));
  });
}

/** The median longitude and latitude of the places below country level the texts name with one
 * reading (a median, so a capital named in passing does not pull it off the fighting). */
function centreOf(gaz: Gazetteer, countries: string[] | undefined, texts: string[]): [number, number] | undefined {
  const lons: number[] = [];
  const lats: number[] = [];
  const matcher = gaz.matcherFor(countries);
  for (const text of texts)
    for (const m of matcher.scan(text).matches) {
      const e = m.ids.length === 1 ? gaz.byId.get(m.ids[0]!) : undefined;
      if (e?.type !== 'place' || !e.coords || e.kind === 'country' || e.kind === 'region') continue;
      lons.push(e.coords[0]);
      lats.push(e.coords[1]);
    }
  if (!lons.length) return undefined;
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return [median(lons), median(lats)];
}

/**
 * The gazetteer as a text of `context` reads it, for stages that scan names themselves (event
 * types, figures): the region's dataset names are matched, a generic role word names its conflict's
 * actor (or nothing), and a group of another war only is left out. Matches keep their spans, so a
 * role word still claims its text.
 */
export function withContext(gaz: Gazetteer, context: TagContext, scanned?: ReadonlyMap<string, Scan>): Gazetteer {
  const matcher = gaz.matcherFor(context.countries);
  const actors = context.conflict?.actors ?? {};
  const own = new Set(context.conflict?.groups ?? []);
  const local = new Set(gaz.conflicts.flatMap((c) => c.groups));
  const resolve = (id: string): string | undefined =>
    id.startsWith(ROLE) ? actors[id.slice(ROLE.length)] : local.has(id) && !own.has(id) ? undefined : id;
  // types and figures both scan the passage: the last one resolved is kept
  let last: { text: string; result: ReturnType<Gazetteer['matcher']['scan']> } | undefined;
  return {
    ...gaz,
    matcher: {
      scan(text) {
        if (last?.text === text) return last.result;
        // a passage the tagger scanned is not scanned again
        const r = scanned?.get(text) ?? matcher.scan(text);
        const result = { ...r, matches: r.matches.map((m) => ({ ...m, ids: [...new Set(m.ids.map(resolve).filter((id): id is string => id !== undefined))] })) };
        last = { text, result };
        return result;
      },
      lookup: (name) => matcher.lookup(name),
    },
  };
}
