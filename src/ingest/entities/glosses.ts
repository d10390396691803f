/**
 * Names a text teaches about itself: a Chinese text that glosses a name once (`哈賈爾阿斯瓦德（Hajar
 * al-Aswad）`, `{{le|塔代夫|Tadef}}`) goes on to write the Han name alone (`哈賈爾阿斯瓦德區`). When the
 * Latin name is a place or group the text is tagged with (the gazetteer's, or one a cue made in this
 * text), its Han name names it in every passage of the text. Only a Han name that the text writes
 * again outside the gloss is learned (the longest such ending of the run before the bracket, so
 * `正在空袭塔達蒙（Tadamon）` teaches 塔達蒙), and never one the gazetteer already reads. Likewise a name
 * a cue made a place in one passage is that place in every passage of the text. Pure: a text's tags
 * in, its tags with the learned names out.
 */
import { harvestNames } from './generate/evidence.ts';
import { foldText, HAN, inCapitalisedRun } from './fold.ts';
import { aliasOccurrences } from './matcher.ts';
import type { Tags } from './tag.ts';
import { ROLE, type Gazetteer, type GazetteerEntity, type Scan, type TagContext } from './types.ts';

/** A Han name shorter than this is part of too many words. */
const MIN_HAN = 2;

export interface Learned {
  /** folded Han name -> the id it names, with the name as written */
  names: Map<string, { id: string; written: string }>;
}

/** What the glosses of `text` teach: Han names of entities that `known` resolves their Latin name to. */
export function learnGlosses(
  gaz: Gazetteer,
  text: string,
  context: TagContext,
  cued: GazetteerEntity[],
  // the passages' scans, when the caller has them: their folded texts are where a name recurs
  scans?: Scan[],
): Learned {
  const names = new Map<string, { id: string; written: string }>();
  const pairs = harvestNames('', text, gaz.rules.glossBoundaries ?? []).filter((e) => e.latin && e.kind !== 'link');
  if (!pairs.length) return { names };
  const matcher = gaz.matcherFor(context.countries);
  const folded = scans ? scans.map((s) => s.folded.lower).join('\n') : foldText(text).lower;
  const byName = new Map<string, string>();
  for (const c of cued) for (const n of [c.name.en, ...c.aliases]) byName.set(n.toLowerCase(), c.id);
  const idOf = (latin: string): string | undefined => {
    const m = matcher.scan(latin).matches;
    if (m.length === 1 && m[0]!.start === 0 && m[0]!.end === latin.length && m[0]!.ids.length === 1) {
      const id = m[0]!.ids[0]!;
      const e = gaz.byId.get(id);
      if (!id.startsWith(ROLE) && (e?.type === 'place' || e?.type === 'group')) return id;
    }
    return byName.get(latin.toLowerCase());
  };
  for (const p of pairs) {
    const id = idOf(p.latin!);
    if (!id) continue;
    // the longest ending of the Han run that the text writes again elsewhere
    for (let k = 0; k + MIN_HAN <= p.han.length; k++) {
      const han = p.han.slice(k);
      const key = foldText(han).lower;
      const first = folded.indexOf(key);
      if (first < 0 || folded.indexOf(key, first + 1) < 0) continue;
      if (names.has(key) || matcher.lookup(han).length) break;
      names.set(key, { id, written: han });
      break;
    }
  }
  return { names };
}

/**
 * Each passage's tags with what the text taught: the places and groups its learned Han names name
 * (with the names as spellings), and the places and groups a cue made or read in one passage
 * wherever the text names them again without a cue (`the village of Qarmuta` … `in Qarmuta`).
 */
export function withLearned(
  gaz: Gazetteer,
  passages: string[],
  tagged: Tags[],
  learned: Learned,
  context: TagContext = {},
  // the passages' scans, when the caller has them (the tagger's)
  scans?: Scan[],
): Tags[] {
  // names a cue gave, by id: a place the text made, or another spelling of a known one
  const cuedNames = new Map<string, { type: 'place' | 'group'; names: string[] }>();
  for (const t of tagged) {
    for (const c of t.cued ?? []) cuedNames.set(c.id, { type: c.type === 'group' ? 'group' : 'place', names: [...new Set([c.name.en, ...c.aliases])].filter((n) => !HAN.test(n)) });
    for (const [id, names] of Object.entries(t.spellings ?? {})) {
      const had = cuedNames.get(id);
      cuedNames.set(id, { type: gaz.byId.get(id)?.type === 'group' ? 'group' : 'place', names: [...new Set([...(had?.names ?? []), ...names])].filter((n) => !HAN.test(n)) });
    }
  }
  if (!learned.names.size && !cuedNames.size) return tagged;
  const matcher = gaz.matcherFor(context.countries);
  return tagged.map((t, i) => {
    const { matches, folded } = scans?.[i] ?? matcher.scan(passages[i]!);
    // a name inside a longer one the gazetteer reads ("al-Aswad" of "Hajar al-Aswad") is that one's
    // and so is a name inside a longer capitalised run ("Al-Hajjar al-Aswad", "Qarmuta Dam")
    const free = (o: { start: number; end: number }) => !inCapitalisedRun(folded, o.start, o.end) && !matches.some((m) => m.start < o.end && o.start < m.end && m.end - m.start > o.end - o.start);
    let out = t;
    const add = (id: string, type: string | undefined, written?: string) => {
      const list = type === 'group' ? 'groups' : 'places';
      if (out[list].includes(id)) return;
      out = { ...out, [list]: [...out[list], id], ...(written ? { spellings: { ...out.spellings, [id]: [...(out.spellings?.[id] ?? []), written] } } : {}) };
    };
    for (const [key, { id, written }] of learned.names)
      if (folded.lower.includes(key)) add(id, gaz.byId.get(id)?.type ?? cuedNames.get(id)?.type, written);
    for (const [id, { type, names }] of cuedNames) if (names.some((n) => aliasOccurrences(folded, n).some(free))) add(id, type);
    return out;
  });
}

