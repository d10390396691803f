/**
 * What a passage reports: its acts (battles, car bombs, executions, truces…) in text order, and
 * the type and sub-type that name the passage. Every act is grounded: it carries the words that
 * report it. A passage with no act gets the taxonomy's fallback type and no sub-type.
 */
import type { Gazetteer } from '../entities/index.ts';
import { clauseAround, sentenceAt, sentenceSpans, type Span } from '../sentences.ts';
import { loadTypeResource, type CompiledTypeResource } from './resources.ts';
import { TAXONOMY, eventType, subtypeOf } from './taxonomy.ts';
import type { Lang } from '../../schema/records.ts';

export interface Act {
  type: string;
  subtype?: string;
  /** the words that report the act, as written */
  text: string;
}

export interface Classified {
  type: string;
  subtype?: string;
  acts: Act[];
}

interface Found extends Act {
  start: number;
  end: number;
  rank: number;
  sentence: number;
}

interface GroupMention {
  start: number;
  end: number;
  ids: string[];
}

function isGovernment(gaz: Gazetteer, ids: string[], governmentSubtype: string): boolean {
  const actors = subtypeOf(governmentSubtype)?.subtype.actors;
  if (!actors) return false;
  return ids.some((id) => {
    const e = gaz.byId.get(id);
    return !!e && (actors.ids.includes(id) || actors.kinds.includes(e.kind));
  });
}

/** The group that acts: the nearest one named before the words in their clause, else after a passive "by". */
function actorOf(sentence: Span, clause: Span, at: Span, groups: GroupMention[], res: CompiledTypeResource, lower: string): string[] | undefined {
  const before = groups.filter((g) => g.end <= at.start && g.start >= clause.start);
  if (before.length) return before[before.length - 1]!.ids;
  // A Chinese subject carries over the commas of its sentence (政府军夺取了…，还清除了…).
  const earlier = groups.filter((g) => g.end <= clause.start && g.start >= sentence.start);
  if (earlier.length && res.subjectCarries) return earlier[earlier.length - 1]!.ids;
  const rest = lower.slice(at.end, clause.end);
  const by = res.passive.scan(rest)[0];
  if (!by) return undefined;
  const next = groups.find((g) => g.start >= at.end + by.end && g.start <= at.end + by.end + 3);
  return next?.ids;
}

export function classify(text: string, lang: Lang, gaz: Gazetteer): Classified {
  const res = loadTypeResource(lang);
  // the scan's folding is the text's (foldText), made once for the tags, the types and the figures
  const { matches, folded } = gaz.matcher.scan(text);
  const source = folded.aligned ? text : folded.text;
  const sentences = sentenceSpans(folded.text);
  const groups: GroupMention[] = [];
  const places: Span[] = [];
  for (const m of matches) {
    const types = m.ids.map((id) => gaz.byId.get(id)?.type);
    if (types.includes('group')) groups.push({ start: m.start, end: m.end, ids: m.ids.filter((id) => gaz.byId.get(id)?.type === 'group') });
    else if (types.includes('place')) places.push({ start: m.start, end: m.end });
  }
  const { acts: actWords, places: placeWords } = res.words.scan(folded);

  const found: Found[] = [];
  for (const hit of actWords) {
    if (hit.value < 0) continue;
    const rule = res.rules[hit.value]!;
    const sentence = sentenceAt(sentences, hit.start);
    const clause = clauseAround(folded.text, sentence, hit.start, hit.end);
    if (rule.needsPlace) {
      const inClause = (s: Span) => s.start >= clause.start && s.end <= clause.end;
      if (!places.some(inClause) && !placeWords.some(inClause)) continue;
    }
    let subtype = rule.subtype;
    if (rule.subtypeByActor) {
      const actor = actorOf(sentence, clause, hit, groups, res, folded.lower);
      subtype = actor && isGovernment(gaz, actor, rule.subtypeByActor[0]) ? rule.subtypeByActor[0] : rule.subtypeByActor[1];
    }
    const base = { start: hit.start, end: hit.end, rank: rule.rank, sentence: sentences.indexOf(sentence), text: source.slice(hit.start, hit.end), type: rule.type };
    found.push({ ...base, ...(subtype ? { subtype } : {}) });
    if (rule.also) found.push({ ...base, subtype: rule.also });
  }

  // One act per type and sub-type, at its first mention.
  const acts: Found[] = [];
  for (const f of found) if (!acts.some((a) => a.type === f.type && a.subtype === f.subtype)) acts.push(f);
  if (!acts.length) return { type: TAXONOMY.fallback, acts: [] };

  const tier = (a: Found) => eventType(a.type)?.tier ?? 9;
  const lowest = Math.min(...acts.map(tier));
  const candidates = found.filter((a) => tier(a) === lowest);
  const firstSentence = Math.min(...candidates.map((a) => a.sentence));
  // The first act of that sentence names the type; its most telling act of that type the sub-type
  // ("attacked and captured the town": a battle in which territory changed hands).
  const inSentence = candidates.filter((a) => a.sentence === firstSentence);
  const main = inSentence
    .filter((a) => a.type === inSentence[0]!.type)
    .reduce((best, a) => (a.rank > best.rank || (a.rank === best.rank && a.subtype && !best.subtype) ? a : best));
  return {
    type: main.type,
    ...(main.subtype ? { subtype: main.subtype } : {}),
    acts: acts.map((a) => ({ type: a.type, ...(a.subtype ? { subtype: a.subtype } : {}), text: a.text })),
  };
}
