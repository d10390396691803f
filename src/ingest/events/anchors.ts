/**
 * Anchor choice: which date mentions move the narrative and where the passage they date begins.
 *
 * The rule, in the order it is applied to each mention of a paragraph:
 *  1. an impossible date is `invalid`; "later that day", "Meanwhile", 当天, 同时 are `same`;
 *  2. a date inside parentheses, or in passing — after since/until/which/who in its clause,
 *     自从…, …以来, 持续到… — is `embedded`: it never moves the narrative;
 *  3. a date at the start of its sentence or clause, with only connective words before it
 *     ("On 5 January,", "Between …", "By late May", "1月5日，", "在5月上旬", "但於9月初") is an
 *     anchor (`initial`): the passage starts at its sentence (or at its clause when the sentence
 *     already has an earlier anchor);
 *  4. otherwise, the first date of a sentence that has no anchor yet is an anchor (`sentence`)
 *     when it reads as the sentence's time adverbial: after a preposition ("… on 2 February.",
 *     "在1月18日的冲突中"), or a forward relative phrase ("re-entered the camp the following day");
 *     the passage starts at its sentence, so a date written at the end still dates the sentence;
 *  5. in a sentence that already has an anchor, a later clause starting with a connective gets
 *     its own passage (`clause-final`, starting at the connective) when its date is day-precise
 *     and ends the clause ("… and completely secured Darkush the following day.") or follows a
 *     preposition ("… but clashes started in late July 2011"); in Chinese, a later clause whose
 *     date follows a short subject and a preposition (…，反對派在10月發起反攻) starts one too;
 *  6. everything else is `embedded` (with the reason, so the segmenter can still use the date of
 *     a sentence that has nothing before it: see segment.ts).
 * Vague offsets (几天之后, a few days later) move the story only from the start of a clause; a
 * vague look back (几天前) never does. A date reported as a plan ("would begin on Easter Sunday"),
 * a bound or an aim ("until after", "for Sunday", "until the following morning") is in passing,
 * and so is a date in apposition to one in passing ("the following day, Easter Monday,"); a date
 * followed by "when" dates the clause it opens, even after a name or a copula (resource lists).
 */
import type { DateMention } from '../dates/find.ts';
import { loadDateResource, type DateResource } from '../dates/resources.ts';
import type { Lang } from '../../schema/records.ts';

export type MentionRole = 'anchor' | 'embedded' | 'same' | 'invalid';
export type AnchorRule = 'initial' | 'sentence' | 'clause-final';

export interface ClassifiedMention {
  mention: DateMention;
  role: MentionRole;
  rule?: AnchorRule;
  /** Where the passage dated by this anchor begins. */
  segmentStart?: number;
  /** Start of the sentence holding the mention. */
  sentenceStart: number;
  /** Why an embedded mention is not an anchor. */
  reason?: 'parenthetical' | 'passing' | 'modifier' | 'definition' | 'position';
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const CITATION = /\[\d+\]|\\\[\d+\\\]|\[[a-z]\]/g;

/** Sentence starts in a text (always includes 0). */
export function sentenceStarts(text: string, res: DateResource, citationOffsets: number[] = []): number[] {
  const starts = [0];
  // Where a reader removed a citation marker that closed a sentence whose full stop was lost
  // ("… children[93] By 23 January, …"), the next capitalised word starts a sentence.
  for (const offset of citationOffsets) {
    const m = /^\s+(?=\p{Lu}\p{Ll})/u.exec(text.slice(offset));
    if (m && offset > 0 && /[\p{L}\d]/u.test(text[offset - 1]!)) starts.push(offset + m[0].length);
  }
  const abbreviations = new Set(res.sentenceAbbreviations.map((a) => a.toLowerCase()));
  const re = /([.!?。！？])(["'”’」』）)\]]*)((?:\[\d+\]|\\\[\d+\\\])*)(\s*)/gu;
  for (const m of text.matchAll(re)) {
    const after = m.index! + m[0].length;
    if (after >= text.length) continue;
    const cjk = /[。！？]/.test(m[1]!);
    if (!cjk) {
      if (m[4]!.length === 0 && !m[3]) continue; // 1.5, U.S.
      const next = text[after]!;
      if (!/[\p{Lu}\d"“‘'(\p{Script=Han}]/u.test(next)) continue;
      const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, m.index! - 12), m.index!))?.[1] ?? '';
      if (abbreviations.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word)) continue;
    }
    starts.push(after);
  }
  for (const m of text.matchAll(/\n+\s*/g)) starts.push(m.index! + m[0].length);
  // A citation marker followed by a capitalised word ends a sentence whose full stop was lost.
  for (const m of text.matchAll(/(?<=[\p{Ll}\d])\[\d+\]\s+(?=\p{Lu}\p{Ll})/gu)) starts.push(m.index! + m[0].length);
  return [...new Set(starts)].filter((s) => s < text.length || s === 0).sort((a, b) => a - b);
}

interface LanguageTools {
  res: DateResource;
  wordEdge: boolean;
  prefixRe: RegExp;
  separatorChars: RegExp;
  connectorRe?: RegExp;
  hasWord: (haystack: string, words: string[]) => boolean;
}

const toolsCache = new Map<string, LanguageTools>();

function tools(lang: Lang): LanguageTools {
  const key = lang.startsWith('zh') ? 'zh' : 'en';
  const hit = toolsCache.get(key);
  if (hit) return hit;
  const res = loadDateResource(lang);
  const wordEdge = res.style === 'words';
  const prefixes = [...res.anchorPrefixes].sort((a, b) => b.length - a.length).map((p) => escape(p).replace(/ /g, '\\s+'));
  const prefixRe = wordEdge
    ? new RegExp(`^(?:${prefixes.join('|')})(?![\\p{L}])`, 'iu')
    : new RegExp(`^(?:${prefixes.join('|')})`, 'u');
  const connectorRe = wordEdge
    ? new RegExp(`\\s(?:${res.clauseConnectors.map(escape).join('|')})\\s`, 'giu')
    : undefined;
  const hasWord = (haystack: string, words: string[]): boolean =>
    words.some((w) =>
      wordEdge ? new RegExp(`(?<![\\p{L}])${escape(w).replace(/ /g, '\\s+')}(?![\\p{L}])`, 'iu').test(haystack) : haystack.includes(w),
    );
  const t: LanguageTools = {
    res,
    wordEdge,
    prefixRe,
    separatorChars: wordEdge ? /[,;:—]/ : /[，；：,;:]/,
    connectorRe,
    hasWord,
  };
  toolsCache.set(key, t);
  return t;
}

/** Start of the clause holding `pos` (after the last separator or connective word in the sentence). */
function clauseStart(text: string, sentenceStart: number, pos: number, t: LanguageTools): { start: number; connectorAt?: number } {
  let start = sentenceStart;
  let semicolon = false;
  for (let i = pos - 1; i >= sentenceStart; i--) {
    if (t.separatorChars.test(text[i]!)) {
      start = i + 1;
      semicolon = text[i] === ';' || text[i] === '；';
      break;
    }
  }
  // A semicolon joins independent clauses: like a connective, it opens one (…on 9 June; a ceasefire was signed on 11 June.).
  if (semicolon) return { start: skipSpace(text, start), connectorAt: skipSpace(text, start) };
  if (t.connectorRe) {
    const slice = text.slice(start, pos);
    let last: RegExpExecArray | undefined;
    for (const m of slice.matchAll(t.connectorRe)) last = m as RegExpExecArray;
    if (last) return { start: start + last.index! + 1, connectorAt: start + last.index! + 1 };
  }
  return { start };
}

/** True when only connective words stand between the clause start and the mention. */
function onlyPrefixesBefore(lead: string, t: LanguageTools): boolean {
  let rest = lead.replace(CITATION, '');
  for (let guard = 0; guard < 12; guard++) {
    rest = rest.replace(/^[\s,，、;；:："“”'‘’()（）\-–—]+/u, '');
    if (rest === '') return true;
    const m = t.prefixRe.exec(rest);
    if (!m) return false;
    rest = rest.slice(m[0].length);
  }
  return rest.trim() === '';
}

function insideParentheses(text: string, sentenceStart: number, pos: number): boolean {
  let depth = 0;
  for (let i = sentenceStart; i < pos; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '（') depth++;
    else if ((ch === ')' || ch === '）') && depth > 0) depth--;
  }
  return depth > 0;
}

/**
 * Where the era year glossed by a bracketed date begins (清光緒八年（1882年）), when the mention is
 * the whole bracket and an era year (resource `eraYearBeforeGloss`) ends right before it.
 */
function eraGlossStart(text: string, sentenceStart: number, clauseStart: number, m: DateMention, t: LanguageTools): number | undefined {
  const source = t.res.eraYearBeforeGloss;
  if (!source || m.kind !== 'absolute' || m.date?.year === undefined) return undefined;
  const open = text.lastIndexOf('（', m.start) >= text.lastIndexOf('(', m.start) ? text.lastIndexOf('（', m.start) : text.lastIndexOf('(', m.start);
  if (open < Math.max(sentenceStart, clauseStart) || text.slice(open + 1, m.start).trim() !== '') return undefined;
  if (!/^\s*[)）]/u.test(text.slice(m.end)) && !/[)）]/u.test(text.slice(m.start, m.end))) return undefined;
  const era = new RegExp(source, 'u').exec(text.slice(clauseStart, open));
  return era ? clauseStart + era.index : undefined;
}

function inPassing(text: string, clause: number, m: DateMention, t: LanguageTools): boolean {
  const lead = text.slice(clause, m.start);
  if (t.hasWord(lead, t.res.passingBefore)) return true;
  const trimmed = lead.replace(CITATION, '').trimEnd();
  const adjacent = (w: string): boolean => (t.wordEdge ? new RegExp(`(?<![\\p{L}])${escape(w).replace(/ /g, '\\s+')}$`, 'iu').test(trimmed) : trimmed.endsWith(w));
  const bound = (t.res.passingAdjacentBefore ?? []).find(adjacent);
  if (bound !== undefined) {
    // 直至同年11月18日，…: a bound that opens its clause gives the clause's time; so does one whose
    // clause goes on to say the outcome came then (…直到10月24日晚才…).
    const opensClause = onlyPrefixesBefore(trimmed.slice(0, trimmed.length - bound.length), t);
    const clauseRest = /^[^，。；,;!?！？]*/u.exec(text.slice(m.end))![0];
    const outcome = (t.res.boundThenOutcome ?? []).some((w) => clauseRest.includes(w));
    if (!opensClause && !outcome) return true;
  }
  const after = text.slice(m.end).replace(/^\s+/, '');
  const notBefore = t.res.passingAfterNotBefore ?? [];
  for (const w of t.res.passingAfter) {
    if (!after.startsWith(w)) continue;
    if (notBefore.includes(after.charAt(w.length))) continue;
    return true;
  }
  const rest = /^[^，。；,;!?！？]*/u.exec(text.slice(m.end))![0].replace(CITATION, '').trim();
  if ((t.res.passingLaterInClause ?? []).some((w) => rest.includes(w))) return true;
  const prepositioned = t.res.adverbialPrepositions.some((p) => trimmed.endsWith(p));
  if (prepositioned && rest.length > 0 && (t.res.afterClauseMarkers ?? []).some((w) => rest.endsWith(w))) return true;
  return false;
}

/** A defining clause (X是一场…开始的冲突): the date qualifies a noun, it describes the subject. */
function inDefinition(text: string, clause: number, m: DateMention, t: LanguageTools): boolean {
  const copulas = t.res.copulas ?? [];
  if (copulas.length === 0) return false;
  if (opensTimeClause(text, m, t)) return false;
  let lead = text.slice(clause, m.start);
  for (const w of t.res.copulaNotIn ?? []) lead = lead.split(w).join('');
  if (!t.hasWord(lead, copulas)) return false;
  // Where the language marks a noun's qualifier (…开始的冲突), require that mark after the date.
  const markers = t.res.attributiveMarkers ?? [];
  if (markers.length === 0) return true;
  const rest = /^[^，。；,;]*/u.exec(text.slice(m.end))![0];
  return markers.some((a) => rest.includes(a));
}

/** Does the mention read as its sentence's time adverbial (rule 4)? */
function isAdverbial(text: string, m: DateMention, t: LanguageTools): boolean {
  const lead = text.slice(Math.max(0, m.start - 20), m.start).replace(CITATION, '').trimEnd();
  const after = text.slice(m.end);
  const prepositionBefore = t.res.adverbialPrepositions.some((p) =>
    t.wordEdge ? new RegExp(`(?<![\\p{L}])${escape(p)}$`, 'iu').test(lead) : lead.endsWith(p),
  );
  const opener = t.res.rangeOpeners.some((o) => m.expression.toLowerCase().startsWith(o.toLowerCase()));
  if (opensTimeClause(text, m, t)) return true;
  // An ordinal day of an episode (攻势的第三天，) reads like a written date: it is the clause's time.
  if (newsDate(text, m, t)) return true;
  if (m.kind === 'relative' && m.relative?.ordinal === undefined) {
    // "held their positions until the following morning": a bound, not a move.
    if ((t.res.relativeNotAfter ?? []).some((w) => (t.wordEdge ? new RegExp(`(?<![\\p{L}])${escape(w)}$`, 'iu').test(lead) : lead.endsWith(w)))) return false;
    // A vague offset (a few days later) moves the story only from the start of its clause.
    if (m.relative?.vague) return false;
    const r = m.relative!;
    const days = (r.days ?? 0) || (r.months ?? 0) || (r.years ?? 0);
    if (r.deictic) return true;
    // Forward offsets are adverbs on their own in English ("the following day"); backward ones
    // ("the previous day"), and any offset in Chinese (…车队一天之后 = after the convoy), only
    // with a preposition, else they qualify a noun or a clause.
    if (t.wordEdge && days > 0) return true;
    return prepositionBefore;
  }
  // A weekday dates its sentence even as a possessive ("claimed Thursday's car bomb").
  if (m.kind === 'weekday') return true;
  if (prepositionBefore || opener) return true;
  // "In the fighting of 25–27 July, …", "During the night of 5 May, …": a short prepositional
  // phrase that opens the sentence and ends with the date and a comma is the sentence's time.
  if (t.wordEdge && m.kind === 'absolute' && /^\s*,/u.test(after.replace(CITATION, '')) && opensWithShortPhrase(text, m, t)) return true;
  if (!t.wordEdge && /^\s*(?:[，,]|起)/.test(after)) return true;
  if (newsDate(text, m, t)) return true;
  // 在…的7月23日凌晨，…: a time of day may stand between the date and its comma.
  if (!t.wordEdge && t.res.timesOfDay.some((w) => new RegExp(`^\\s*${escape(w)}\\s*[，,]`, 'u').test(after))) return true;
  return false;
}

/**
 * News style: a day date (22日) or a day counted from the post (上周末, 昨天) right after its
 * clause's subject (纳库亚22日表示, 乌克兰军队上周末在…) is the clause's time.
 */
function newsDate(text: string, m: DateMention, t: LanguageTools): boolean {
  if (t.wordEdge) return false;
  const day = (m.kind === 'absolute' && m.date?.day !== undefined) || (m.kind === 'relative' && !!m.relative?.deictic);
  return day && subjectThenDate(text, m, t);
}

/** The date follows its clause's subject directly (no digits, no 的 after the date, a short subject). */
function subjectThenDate(text: string, m: DateMention, t: LanguageTools): boolean {
  const max = t.res.subjectBeforeDateChars ?? 0;
  if (max === 0) return false;
  const lead = text.slice(Math.max(0, m.start - max - 1), m.start);
  const clause = lead.split(/[，。；：,;:!?！？\n]/u).at(-1)!.replace(CITATION, '');
  if (clause.length === 0 || clause.length > max || /\d/.test(clause)) return false;
  const after = text.slice(m.end);
  return /^\s*\p{Script=Han}/u.test(after) && !(t.res.attributiveMarkers ?? []).some((a) => after.trimStart().startsWith(a));
}

/** The text from the sentence start to the date is a short phrase opened by a preposition. */
function opensWithShortPhrase(text: string, m: DateMention, t: LanguageTools): boolean {
  const starts = sentenceStarts(text, t.res);
  let sentence = 0;
  for (const s of starts) if (s <= m.start) sentence = s;
  const lead = text.slice(sentence, m.start).replace(CITATION, '').trim();
  if (!lead || lead.split(/\s+/).length > MAX_OPENING_PHRASE_WORDS || /[,;:]/.test(lead)) return false;
  return t.res.adverbialPrepositions.some((p) => new RegExp(`^${escape(p).replace(/ /g, '\\s+')}(?![\\p{L}])`, 'iu').test(lead));
}
const MAX_OPENING_PHRASE_WORDS = 6;

/** A date followed by "when" (resource timeClauseAfter) gives the time of the clause it opens. */
function opensTimeClause(text: string, m: DateMention, t: LanguageTools): boolean {
  const words = t.res.timeClauseAfter ?? [];
  if (words.length === 0 || m.kind !== 'absolute') return false;
  const after = text.slice(m.end).replace(CITATION, '');
  return words.some((w) => (t.wordEdge ? new RegExp(`^\\s+${escape(w)}(?![\\p{L}])`, 'iu').test(after) : after.startsWith(w)));
}

/** True when nothing but citations and punctuation follows the mention up to its clause's end. */
function endsClause(text: string, m: DateMention): boolean {
  const after = text.slice(m.end).replace(CITATION, '');
  return /^\s*(?:[.,;!?。，；！？]|$)/u.test(after);
}

/** Year-only mentions in Chinese are anchors only as adverbials (2015年，/在2015年); 2012年阿勒颇省冲突 names a conflict. */
function yearOnlyAsModifier(text: string, m: DateMention, t: LanguageTools): boolean {
  if (t.wordEdge || m.kind !== 'absolute' || !m.date || m.rangeEnd) return false;
  const d = m.date;
  if (d.year === undefined || d.month !== undefined || d.season !== undefined || d.fuzzy) return false;
  const lead = text.slice(Math.max(0, m.start - 4), m.start);
  const after = text.slice(m.end);
  const prepositionBefore = t.res.adverbialPrepositions.some((p) => lead.endsWith(p));
  // 1894年（清光緒二十年），…: a bracketed gloss may stand between the year and its comma.
  return !prepositionBefore && !/^\s*(?:[（(][^（）()]*[）)]\s*)?(?:[，,。；;：:]|起|$)/u.test(after);
}

/** Classifies every mention of one paragraph (see the rule at the top of this file). */
export function classifyMentions(text: string, mentions: DateMention[], lang: Lang, citationOffsets: number[] = []): ClassifiedMention[] {
  const t = tools(lang);
  const starts = sentenceStarts(text, t.res, citationOffsets);
  const sentenceOf = (pos: number): number => {
    let s = 0;
    for (const st of starts) if (st <= pos) s = st;
    return s;
  };
  const anchoredSentences = new Set<number>();
  const lastAnchorEnd = new Map<number, number>();
  let previous: ClassifiedMention | undefined;
  return mentions.map((m): ClassifiedMention => {
    const anchoredBefore = anchoredSentences.has(sentenceOf(m.start));
    const result = classifyOne(m);
    // A date in apposition to the one before it ("would go ahead the following day, Easter
    // Monday,") names the same day: it takes that date's role.
    const glued = previous?.role === 'embedded' && /^\s*,\s*$/u.test(text.slice(previous.mention.end, m.start)) && apposition(text, m, t);
    if (glued && result.role === 'anchor' && !anchoredBefore) anchoredSentences.delete(result.sentenceStart);
    previous = glued ? { mention: m, sentenceStart: result.sentenceStart, role: 'embedded', reason: previous!.reason } : result;
    if (previous.role === 'anchor') lastAnchorEnd.set(previous.sentenceStart, m.end);
    return previous;
  });
  function classifyOne(m: DateMention): ClassifiedMention {
    const sentenceStart = sentenceOf(m.start);
    const base = { mention: m, sentenceStart };
    if (m.invalid) return { ...base, role: 'invalid' };
    if (m.kind === 'relative' && m.relative?.same) return { ...base, role: 'same' };
    const clause = clauseStart(text, sentenceStart, m.start, t);
    const gloss = eraGlossStart(text, sentenceStart, clause.start, m, t);
    if (gloss !== undefined) {
      // 清光緒八年（1882年），…: the bracket glosses the era year that opens the clause.
      if (onlyPrefixesBefore(text.slice(clause.start, gloss), t)) {
        const hasAnchorHere = anchoredSentences.has(sentenceStart);
        anchoredSentences.add(sentenceStart);
        const segmentStart = hasAnchorHere ? (clause.connectorAt ?? clause.start) : sentenceStart;
        return { ...base, role: 'anchor', rule: 'initial', segmentStart: skipSpace(text, segmentStart) };
      }
    }
    if (insideParentheses(text, sentenceStart, m.start)) return { ...base, role: 'embedded', reason: 'parenthetical' };
    if (inPassing(text, clause.start, m, t)) return { ...base, role: 'embedded', reason: 'passing' };
    // "… had moved … during the previous day": a look back from a past-perfect sentence.
    const back = m.kind === 'relative' && ((m.relative?.days ?? 0) < 0 || (m.relative?.vague?.[1] ?? 0) < 0);
    if (back && t.hasWord(text.slice(sentenceStart, m.start), t.res.pastPerfect ?? [])) return { ...base, role: 'embedded', reason: 'passing' };
    // Looking back a vague few days (几天前) is a flashback detail, never a move of the story.
    if (m.kind === 'relative' && m.relative?.vague && m.relative.vague[1] < 0) return { ...base, role: 'embedded', reason: 'passing' };
    if (yearOnlyAsModifier(text, m, t)) return { ...base, role: 'embedded', reason: 'modifier' };
    const hasAnchor = anchoredSentences.has(sentenceStart);
    if (onlyPrefixesBefore(text.slice(clause.start, m.start), t)) {
      anchoredSentences.add(sentenceStart);
      const segmentStart = hasAnchor ? (clause.connectorAt ?? clause.start) : sentenceStart;
      return { ...base, role: 'anchor', rule: 'initial', segmentStart: skipSpace(text, segmentStart) };
    }
    if (!hasAnchor && isAdverbial(text, m, t)) {
      if (inDefinition(text, sentenceStart, m, t)) return { ...base, role: 'embedded', reason: 'definition' };
      anchoredSentences.add(sentenceStart);
      return { ...base, role: 'anchor', rule: 'sentence', segmentStart: sentenceStart };
    }
    // An offset in days, months or years is as exact as the date it counts from (…and executed three years later.).
    const dayPrecise = (m.kind === 'absolute' && m.date?.day !== undefined && !m.rangeEnd) || (m.kind === 'relative' && (m.relative?.days !== undefined || m.relative?.months !== undefined || m.relative?.years !== undefined));
    if (hasAnchor && clause.connectorAt !== undefined && ((dayPrecise && endsClause(text, m)) || (m.kind === 'absolute' && isAdverbial(text, m, t)))) {
      return { ...base, role: 'anchor', rule: 'clause-final', segmentStart: clause.connectorAt };
    }
    // "… set sail on 4 April, whilst the two carriers, in the company of escorts, left Portsmouth
    // only a day later.": the connective may stand before commas of its own clause.
    const connector = dayPrecise && hasAnchor && clause.connectorAt === undefined && endsClause(text, m) ? connectorSince(text, Math.max(sentenceStart, lastAnchorEnd.get(sentenceStart) ?? sentenceStart), m.start, t) : undefined;
    if (connector !== undefined) return { ...base, role: 'anchor', rule: 'clause-final', segmentStart: connector };
    if (hasAnchor && ((m.kind === 'absolute' && shortSubjectBefore(text.slice(clause.start, m.start), t)) || newsDate(text, m, t))) {
      return { ...base, role: 'anchor', rule: 'initial', segmentStart: skipSpace(text, clause.start) };
    }
    return { ...base, role: 'embedded', reason: 'position' };
  }
}

/** Offset of the last far clause connective (resource farClauseConnectors: whilst, but …) between `from` and `to`. */
function connectorSince(text: string, from: number, to: number, t: LanguageTools): number | undefined {
  const words = t.res.farClauseConnectors ?? [];
  if (!t.wordEdge || words.length === 0) return undefined;
  let last: number | undefined;
  for (const m of text.slice(from, to).matchAll(new RegExp(`\\s(?:${words.map(escape).join('|')})\\s`, 'giu'))) last = from + m.index! + 1;
  return last;
}

/** The mention is a complete apposition: it closes its clause (…the following day, Easter Monday, and…). */
function apposition(text: string, m: DateMention, t: LanguageTools): boolean {
  const after = text.slice(m.end).replace(CITATION, '');
  return t.wordEdge ? /^\s*(?:[,.;:)]|$)/u.test(after) : /^\s*(?:[，。；,;)）]|$)/u.test(after);
}

/** 反對派在10月…: a short subject, then a preposition, then the date. */
function shortSubjectBefore(lead: string, t: LanguageTools): boolean {
  const max = t.res.maxSubjectChars ?? 0;
  if (max === 0) return false;
  const trimmed = lead.replace(CITATION, '').trim();
  const preposition = t.res.adverbialPrepositions.find((p) => trimmed.endsWith(p));
  if (!preposition) return false;
  const subject = trimmed.slice(0, trimmed.length - preposition.length);
  return subject.length > 0 && subject.length <= max && /^[\p{Script=Han}]+$/u.test(subject);
}

function skipSpace(text: string, pos: number): number {
  while (pos < text.length && /\s/.test(text[pos]!)) pos++;
  return pos;
}
