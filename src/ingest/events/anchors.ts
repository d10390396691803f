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
import { alternation } from '../dates/rules.ts';
import type { Lang } from '../../schema/records.ts';
import { CITATION, LastMatch, Occurrences, WORD_WINDOW, headOf, lastAtOrBefore, lastCharFinder, nextCharFinder, tailOf, wordPatterns } from './textScan.ts';

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
  reason?: 'parenthetical' | 'passing' | 'modifier' | 'definition' | 'name' | 'qualifier' | 'position';
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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
  /** Characters that end a clause. */
  separators: string;
  connectorRe?: RegExp;
  farConnectorRe?: RegExp;
  /** A preposition, a word pointing back to the story and a short phrase, ending where a relative offset follows (在此 / 在这场反攻 + 之前一天). */
  pointsBackRe?: RegExp;
  /** An article (resource adverbialArticles) ending a text, and a preposition ending it (alone, or
   * before spaces), compiled once. */
  articleEndRe?: RegExp;
  prepositionEndRe: RegExp;
  prepositionBeforeSpaceRe: RegExp;
  /** A comma and a word opening a when-clause (resource whenClauseMarkers) at the start of a text. */
  whenClauseRe?: RegExp;
  /** The word lists the rules search a clause for, compiled once. */
  words: { passingBefore: RegExp[]; passingLater: RegExp[]; passingLaterExcept: RegExp[]; copulas: RegExp[]; copulaNotIn: RegExp[]; attributives: RegExp[] };
}

/**
 * What the rules need of one paragraph, scanned once (textScan.ts): every question about the
 * text around a mention costs a bounded window or a forward cursor, never the clause's length.
 */
interface ParagraphScan {
  text: string;
  t: LanguageTools;
  lastSeparator: (pos: number) => number;
  connectors?: LastMatch;
  farConnectors?: LastMatch;
  lastOpenParen: (pos: number) => number;
  /** Clause ends after a mention, for the passing rules and for defining clauses. */
  passingEnd: (pos: number) => number;
  definitionEnd: (pos: number) => number;
  passingBefore: Occurrences;
  passingLater: Occurrences;
  copulas: Occurrences;
  attributives: Occurrences;
  parens: { from: number; at: number; depth: number };
}

/** Longest match of a connective pattern: one whitespace character, the word, one whitespace character. */
const longestMatch = (words: readonly string[]) => 2 + Math.max(0, ...words.map((w) => w.length));

function scanParagraph(text: string, t: LanguageTools): ParagraphScan {
  return {
    text,
    t,
    lastSeparator: lastCharFinder(text, t.separators),
    connectors: t.connectorRe ? new LastMatch(text, t.connectorRe, longestMatch(t.res.clauseConnectors)) : undefined,
    farConnectors: t.farConnectorRe ? new LastMatch(text, t.farConnectorRe, longestMatch(t.res.farClauseConnectors ?? [])) : undefined,
    lastOpenParen: lastCharFinder(text, '(（'),
    passingEnd: nextCharFinder(text, '，。；,;!?！？'),
    definitionEnd: nextCharFinder(text, '，。；,;'),
    passingBefore: new Occurrences(text, t.words.passingBefore),
    passingLater: new Occurrences(text, t.words.passingLater, t.words.passingLaterExcept),
    copulas: new Occurrences(text, t.words.copulas, t.words.copulaNotIn),
    attributives: new Occurrences(text, t.words.attributives),
    parens: { from: -1, at: -1, depth: 0 },
  };
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
  const far = res.farClauseConnectors ?? [];
  const farConnectorRe = wordEdge && far.length > 0 ? new RegExp(`\\s(?:${far.map(escape).join('|')})\\s`, 'giu') : undefined;
  const back = res.pointBackWords ?? [];
  const pointsBackRe = back.length
    ? new RegExp(`(?:${alternation(res.adverbialPrepositions)})\\s*(?:${alternation(back)})[^，。；：,;:]{0,10}$`, wordEdge ? 'iu' : 'u')
    : undefined;
  const articles = res.adverbialArticles ?? [];
  const whenMarkers = res.whenClauseMarkers ?? [];
  const prepositions = res.adverbialPrepositions.map(escape).join('|');
  const t: LanguageTools = {
    res,
    wordEdge,
    prefixRe,
    ...(articles.length ? { articleEndRe: new RegExp(`(?<![\\p{L}])(?:${articles.map(escape).join('|')})$`, 'iu') } : {}),
    prepositionEndRe: new RegExp(`(?<![\\p{L}])(?:${prepositions})$`, 'iu'),
    prepositionBeforeSpaceRe: new RegExp(`(?<![\\p{L}])(?:${prepositions})\\s+$`, 'iu'),
    ...(whenMarkers.length ? { whenClauseRe: new RegExp(`^\\s*,\\s*(?:${whenMarkers.map(escape).join('|')})(?![\\p{L}])`, 'u') } : {}),
    separators: wordEdge ? ',;:—' : '，；：,;:',
    connectorRe,
    farConnectorRe,
    pointsBackRe,
    words: {
      passingBefore: wordPatterns(res.passingBefore, wordEdge),
      passingLater: wordPatterns(res.passingLaterInClause ?? [], wordEdge),
      passingLaterExcept: (res.passingLaterInClauseExcept ?? []).map((source) => new RegExp(source, 'gu')),
      copulas: wordPatterns(res.copulas ?? [], wordEdge),
      copulaNotIn: wordPatterns(res.copulaNotIn ?? [], wordEdge),
      attributives: wordPatterns(res.attributiveMarkers ?? [], false),
    },
  };
  toolsCache.set(key, t);
  return t;
}

/** Start of the clause holding `pos` (after the last separator or connective word in the sentence). */
function clauseStart(p: ParagraphScan, sentenceStart: number, pos: number): { start: number; connectorAt?: number } {
  const separator = p.lastSeparator(pos);
  const start = separator >= sentenceStart ? separator + 1 : sentenceStart;
  const connector = p.connectors?.lastIndex(start, pos);
  if (connector !== undefined) return { start: connector + 1, connectorAt: connector + 1 };
  // A semicolon joins independent clauses: like a connective, it opens one (…on 9 June; a ceasefire was signed on 11 June.).
  if (separator >= sentenceStart && (p.text[separator] === ';' || p.text[separator] === '；')) {
    const at = skipSpace(p.text, start);
    return { start: at, connectorAt: at };
  }
  return { start };
}

/**
 * True when only connective words stand between the clause start and the mention. Citations are
 * read through as punctuation is; the scan stops at the first word that is not a connective, so
 * it costs what it reads, not the clause's length.
 */
function onlyPrefixesBefore(lead: string, t: LanguageTools): boolean {
  let rest = lead;
  for (let guard = 0; guard < 12; guard++) {
    rest = rest.replace(FILLER, '');
    if (rest === '') return true;
    const m = t.prefixRe.exec(rest);
    if (!m) return false;
    rest = rest.slice(m[0].length);
  }
  return /^(?:\s|\[\d+\]|\\\[\d+\\\]|\[[a-z]\])*$/u.test(rest);
}

/** Punctuation and citation markers that may stand between connectives. */
const FILLER = /^(?:[\s,，、;；:："“”'‘’()（）\-–—]|\[\d+\]|\\\[\d+\\\]|\[[a-z]\])+/u;

/** Whether `pos` is inside brackets opened in its sentence; counted on from the previous mention. */
function insideParentheses(p: ParagraphScan, sentenceStart: number, pos: number): boolean {
  const c = p.parens;
  if (c.from !== sentenceStart || pos < c.at) {
    c.from = sentenceStart;
    c.at = sentenceStart;
    c.depth = 0;
  }
  for (; c.at < pos; c.at++) {
    const ch = p.text[c.at];
    if (ch === '(' || ch === '（') c.depth++;
    else if ((ch === ')' || ch === '）') && c.depth > 0) c.depth--;
  }
  return c.depth > 0;
}

/**
 * Where the era year glossed by a bracketed date begins (清光緒八年（1882年）), when the mention is
 * the whole bracket and an era year (resource `eraYearBeforeGloss`) ends right before it.
 */
function eraGlossStart(p: ParagraphScan, sentenceStart: number, clauseStart: number, m: DateMention): number | undefined {
  const { text, t } = p;
  const source = t.res.eraYearBeforeGloss;
  if (!source || m.kind !== 'absolute' || m.date?.year === undefined) return undefined;
  const open = p.lastOpenParen(m.start + 1);
  if (open < Math.max(sentenceStart, clauseStart)) return undefined;
  for (let i = open + 1; i < m.start; i++) if (!/\s/.test(text[i]!)) return undefined;
  if (!/^\s*[)）]/u.test(text.slice(m.end)) && !/[)）]/u.test(text.slice(m.start, m.end))) return undefined;
  // The era year ends right before the bracket (the resource pattern ends in $): a window suffices.
  const from = Math.max(clauseStart, open - 200);
  const era = new RegExp(source, 'u').exec(text.slice(from, open));
  return era ? from + era.index : undefined;
}

function inPassing(p: ParagraphScan, clause: number, m: DateMention): boolean {
  const { text, t } = p;
  if (p.passingBefore.within(clause, m.start)) return true;
  const trimmed = tailOf(text, clause, m.start).text;
  const adjacent = (w: string): boolean => (t.wordEdge ? new RegExp(`(?<![\\p{L}])${escape(w).replace(/ /g, '\\s+')}$`, 'iu').test(trimmed) : trimmed.endsWith(w));
  const bound = (t.res.passingAdjacentBefore ?? []).find(adjacent);
  if (bound !== undefined) {
    // 直至同年11月18日，…: a bound that opens its clause gives the clause's time; so does one whose
    // clause goes on to say the outcome came then (…直到10月24日晚才…).
    const opensClause = onlyPrefixesBefore(trimmed.slice(0, trimmed.length - bound.length), t);
    const clauseRest = text.slice(m.end, p.passingEnd(m.end));
    const outcome = (t.res.boundThenOutcome ?? []).some((w) => clauseRest.includes(w));
    if (!opensClause && !outcome) return true;
  }
  let next = m.end;
  while (next < text.length && /\s/.test(text[next]!)) next++;
  const after = text.slice(next, next + WORD_WINDOW);
  const notBefore = t.res.passingAfterNotBefore ?? [];
  for (const w of t.res.passingAfter) {
    if (!after.startsWith(w)) continue;
    if (notBefore.includes(after.charAt(w.length))) continue;
    return true;
  }
  // The rest of the clause after the mention, up to its punctuation.
  const restEnd = p.passingEnd(m.end);
  if (p.passingLater.within(m.end, restEnd)) return true;
  const prepositioned = t.res.adverbialPrepositions.some((w) => trimmed.endsWith(w));
  const markers = t.res.afterClauseMarkers ?? [];
  if (prepositioned && markers.length > 0) {
    const rest = tailOf(text, m.end, restEnd).text.trimStart();
    if (rest.length > 0 && markers.some((w) => rest.endsWith(w))) return true;
  }
  return false;
}

/**
 * A date that a subject's name holds (2013年8月叙利亚化武袭击事件是2013年8月21日发生的…): the
 * name runs unbroken from the date to a copula, and another date follows the copula. That date
 * is the sentence's time; the first is part of the name.
 */
function inSubjectName(p: ParagraphScan, m: DateMention, mentions: DateMention[]): boolean {
  if ((p.t.res.copulas ?? []).length === 0) return false;
  // the mentions are in text order: the first to start at or past the mention's end, found by halving
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (mentions[mid]!.start < m.end) lo = mid + 1;
    else hi = mid;
  }
  const next = mentions[lo];
  if (!next) return false;
  const between = p.text.slice(m.end, next.start);
  return /^[^\s，,。；;：:、（(]+$/u.test(between) && p.copulas.within(m.end, next.start);
}

/** Where the phrase of a date that a when-clause follows (", when …") starts: the preposition before
 * it, else the date; undefined when none follows (resource whenClauseMarkers). */
function whenClauseAfter(text: string, m: DateMention, t: LanguageTools): number | undefined {
  if (!t.whenClauseRe || m.kind !== 'absolute') return undefined;
  if (!t.whenClauseRe.test(text.slice(m.end, m.end + WORD_WINDOW))) return undefined;
  const from = Math.max(0, m.start - 20);
  const at = t.prepositionBeforeSpaceRe.exec(text.slice(from, m.start));
  return at ? from + at.index : m.start;
}

/** A defining clause (X是一场…开始的冲突): the date qualifies a noun, it describes the subject. */
function inDefinition(p: ParagraphScan, clause: number, m: DateMention): boolean {
  const { text, t } = p;
  const copulas = t.res.copulas ?? [];
  if (copulas.length === 0) return false;
  if (opensTimeClause(text, m, t)) return false;
  // A copula in the clause before the date, not one inside a longer word (但是, 于是).
  if (!p.copulas.within(clause, m.start)) return false;
  // Where the language marks a noun's qualifier (…开始的冲突), require that mark after the date.
  const markers = t.res.attributiveMarkers ?? [];
  if (markers.length === 0) return true;
  return p.attributives.within(m.end, p.definitionEnd(m.end));
}

/** Does the mention read as its sentence's time adverbial (rule 4)? */
function isAdverbial(text: string, m: DateMention, t: LanguageTools, sentenceStart: number): boolean {
  const lead = text.slice(Math.max(0, m.start - 20), m.start).replace(CITATION, '').trimEnd();
  // What follows is read through a bounded window: every question asked of it is about its first words.
  const after = text.slice(m.end, m.end + WORD_WINDOW);
  // "at the 1950 general election": an article between the preposition and a date that qualifies
  // the noun after it
  const article = m.kind === 'absolute' ? t.articleEndRe?.exec(lead)?.[0] : undefined;
  const head = article ? lead.slice(0, lead.length - article.length).trimEnd() : lead;
  const prepositionBefore = t.wordEdge ? t.prepositionEndRe.test(head) : t.res.adverbialPrepositions.some((p) => head.endsWith(p));
  const opener = t.res.rangeOpeners.some((o) => m.expression.toLowerCase().startsWith(o.toLowerCase()));
  if (opensTimeClause(text, m, t)) return true;
  // An ordinal day of an episode (攻势的第三天，) reads like a written date: it is the clause's time.
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
    // …but a preposition and a word pointing back to the story (在此之前一天, 在这场反攻之前一天:
    // the day before this, before this counter-attack) make it the clause's time, counted from the story's day.
    return prepositionBefore || (t.pointsBackRe?.test(lead) ?? false);
  }
  // A weekday dates its sentence even as a possessive ("claimed Thursday's car bomb").
  if (m.kind === 'weekday') return true;
  if (prepositionBefore || opener) return true;
  // "In the fighting of 25–27 July, …", "During the night of 5 May, …": a short prepositional
  // phrase that opens the sentence and ends with the date and a comma is the sentence's time.
  if (t.wordEdge && m.kind === 'absolute' && /^\s*,/u.test(after.replace(CITATION, '')) && opensWithShortPhrase(text, sentenceStart, m, t)) return true;
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
  // "这批部队主要是26日凌晨增援而来": a copula makes the date what the subject is said to be
  // (a cleft looking back), not the clause's own time.
  // (A clause that opens with 但是 and the date is an initial anchor anyway.)
  if ((t.res.copulas ?? []).some((c) => clause.includes(c))) return false;
  const after = text.slice(m.end, m.end + WORD_WINDOW);
  return /^\s*\p{Script=Han}/u.test(after) && !(t.res.attributiveMarkers ?? []).some((a) => after.trimStart().startsWith(a));
}

/** The text from the sentence start to the date is a short phrase opened by a preposition. */
function opensWithShortPhrase(text: string, sentenceStart: number, m: DateMention, t: LanguageTools): boolean {
  if (m.start - sentenceStart > MAX_OPENING_PHRASE_CHARS) return false;
  const lead = text.slice(sentenceStart, m.start).replace(CITATION, '').trim();
  if (!lead || lead.split(/\s+/).length > MAX_OPENING_PHRASE_WORDS || /[,;:]/.test(lead)) return false;
  return t.res.adverbialPrepositions.some((p) => new RegExp(`^${escape(p).replace(/ /g, '\\s+')}(?![\\p{L}])`, 'iu').test(lead));
}
const MAX_OPENING_PHRASE_WORDS = 6;
const MAX_OPENING_PHRASE_CHARS = 80;

const pastPerfectRes = new WeakMap<DateResource, RegExp | null>();
/** A past-perfect mark (had) in the sentence before `pos`, read through a bounded window. */
function pastPerfectBefore(text: string, sentenceStart: number, pos: number, t: LanguageTools): boolean {
  let re = pastPerfectRes.get(t.res);
  if (re === undefined) {
    const words = t.res.pastPerfect ?? [];
    re = words.length ? new RegExp(`(?<![\\p{L}])(?:${words.map(escape).join('|')})(?![\\p{L}])`, 'iu') : null;
    pastPerfectRes.set(t.res, re);
  }
  return !!re && re.test(text.slice(Math.max(sentenceStart, pos - PAST_PERFECT_WINDOW), pos));
}
const PAST_PERFECT_WINDOW = 200;

/** A date followed by "when" (resource timeClauseAfter) gives the time of the clause it opens. */
function opensTimeClause(text: string, m: DateMention, t: LanguageTools): boolean {
  const words = t.res.timeClauseAfter ?? [];
  if (words.length === 0 || m.kind !== 'absolute') return false;
  const after = headOf(text, m.end).text;
  return words.some((w) => (t.wordEdge ? new RegExp(`^\\s+${escape(w)}(?![\\p{L}])`, 'iu').test(after) : after.startsWith(w)));
}

/** True when nothing but citations and punctuation follows the mention up to its clause's end. */
function endsClause(text: string, m: DateMention): boolean {
  const after = headOf(text, m.end);
  return /^\s*[.,;!?。，；！？]/u.test(after.text) || (after.atEnd && after.text.trim() === '');
}

const GLOSS_WINDOW = 1000;
const GLOSS_THEN_COMMA = /^\s*(?:[（(][^（）()]*[）)]\s*)?(?:[，,。；;：:]|起)/u;
const GLOSS_THEN_COMMA_OR_END = /^\s*(?:[（(][^（）()]*[）)]\s*)?(?:[，,。；;：:]|起|$)/u;

/** Year-only mentions in Chinese are anchors only as adverbials (2015年，/在2015年); 2012年阿勒颇省冲突 names a conflict. */
function yearOnlyAsModifier(text: string, m: DateMention, t: LanguageTools): boolean {
  if (t.wordEdge || m.kind !== 'absolute' || !m.date || m.rangeEnd) return false;
  const d = m.date;
  if (d.year === undefined || d.month !== undefined || d.season !== undefined || d.fuzzy) return false;
  const lead = text.slice(Math.max(0, m.start - 4), m.start);
  const prepositionBefore = t.res.adverbialPrepositions.some((p) => lead.endsWith(p));
  // 1894年（清光緒二十年），…: a bracketed gloss may stand between the year and its comma. A
  // window past the mention holds any real gloss; the text's end counts only when it is in it.
  const window = text.slice(m.end, m.end + GLOSS_WINDOW);
  const atEnd = m.end + GLOSS_WINDOW >= text.length;
  return !prepositionBefore && !(atEnd ? GLOSS_THEN_COMMA_OR_END : GLOSS_THEN_COMMA).test(window);
}

/** Classifies every mention of one paragraph (see the rule at the top of this file). */
export function classifyMentions(text: string, mentions: DateMention[], lang: Lang, citationOffsets: number[] = []): ClassifiedMention[] {
  const t = tools(lang);
  const starts = sentenceStarts(text, t.res, citationOffsets);
  const sentenceOf = (pos: number): number => lastAtOrBefore(starts, pos);
  const p = scanParagraph(text, t);
  const anchoredSentences = new Set<number>();
  /** Sentences whose subject's name holds a date (inSubjectName): the next date dates them. */
  const namedSentences = new Set<number>();
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
    if (m.kind === 'relative' && m.relative?.same) {
      // "That same day, …", 是日晨，…: a sentence that opens on the story's own day has its time
      // (a connective, "Meanwhile", does not say it);
      // a later date in it (…, who had come on 26 October) dates at most a clause.
      const opening = clauseStart(p, sentenceStart, m.start);
      if (!m.relative.connective && opening.start === sentenceStart && onlyPrefixesBefore(text.slice(sentenceStart, m.start), t)) anchoredSentences.add(sentenceStart);
      return { ...base, role: 'same' };
    }
    const clause = clauseStart(p, sentenceStart, m.start);
    const gloss = eraGlossStart(p, sentenceStart, clause.start, m);
    if (gloss !== undefined) {
      // 清光緒八年（1882年），…: the bracket glosses the era year that opens the clause.
      if (onlyPrefixesBefore(text.slice(clause.start, gloss), t)) {
        const hasAnchorHere = anchoredSentences.has(sentenceStart);
        anchoredSentences.add(sentenceStart);
        const segmentStart = hasAnchorHere ? (clause.connectorAt ?? clause.start) : sentenceStart;
        return { ...base, role: 'anchor', rule: 'initial', segmentStart: skipSpace(text, segmentStart) };
      }
    }
    if (insideParentheses(p, sentenceStart, m.start)) return { ...base, role: 'embedded', reason: 'parenthetical' };
    if (inPassing(p, clause.start, m)) return { ...base, role: 'embedded', reason: 'passing' };
    // "… had moved … during the previous day": a look back from a past-perfect sentence.
    const back = m.kind === 'relative' && ((m.relative?.days ?? 0) < 0 || (m.relative?.vague?.[1] ?? 0) < 0);
    if (back && pastPerfectBefore(text, sentenceStart, m.start, t)) return { ...base, role: 'embedded', reason: 'passing' };
    // Looking back a vague few days (几天前) is a flashback detail, never a move of the story.
    if (m.kind === 'relative' && m.relative?.vague && m.relative.vague[1] < 0) return { ...base, role: 'embedded', reason: 'passing' };
    if (inSubjectName(p, m, mentions)) {
      namedSentences.add(sentenceStart);
      return { ...base, role: 'embedded', reason: 'name' };
    }
    if (yearOnlyAsModifier(text, m, t)) return { ...base, role: 'embedded', reason: 'modifier' };
    const hasAnchor = anchoredSentences.has(sentenceStart);
    // …事件是2013年8月21日发生的: the date after the copula of a subject named with a date is the sentence's time
    if (!hasAnchor && namedSentences.has(sentenceStart)) {
      namedSentences.delete(sentenceStart);
      anchoredSentences.add(sentenceStart);
      return { ...base, role: 'anchor', rule: 'sentence', segmentStart: sentenceStart };
    }
    if (onlyPrefixesBefore(text.slice(clause.start, m.start), t)) {
      anchoredSentences.add(sentenceStart);
      const segmentStart = hasAnchor ? (clause.connectorAt ?? clause.start) : sentenceStart;
      return { ...base, role: 'anchor', rule: 'initial', segmentStart: skipSpace(text, segmentStart) };
    }
    if (!hasAnchor && isAdverbial(text, m, t, sentenceStart)) {
      if (inDefinition(p, sentenceStart, m)) return { ...base, role: 'embedded', reason: 'definition' };
      anchoredSentences.add(sentenceStart);
      return { ...base, role: 'anchor', rule: 'sentence', segmentStart: sentenceStart };
    }
    // An offset in days, months or years is as exact as the date it counts from (…and executed three years later.).
    const dayPrecise = (m.kind === 'absolute' && m.date?.day !== undefined && !m.rangeEnd) || (m.kind === 'relative' && (m.relative?.days !== undefined || m.relative?.months !== undefined || m.relative?.years !== undefined));
    // (the connective opens a clause after the sentence's last anchor: "Only A and B remained … from
    // May 1940 through to … May 1945" has its "and" before the first date)
    const connectorAfterAnchor = clause.connectorAt !== undefined && clause.connectorAt >= (lastAnchorEnd.get(sentenceStart) ?? sentenceStart);
    if (hasAnchor && connectorAfterAnchor && ((dayPrecise && endsClause(text, m)) || (m.kind === 'absolute' && isAdverbial(text, m, t, sentenceStart)))) {
      return { ...base, role: 'anchor', rule: 'clause-final', segmentStart: clause.connectorAt };
    }
    // "… set sail on 4 April, whilst the two carriers, in the company of escorts, left Portsmouth
    // only a day later.": the connective may stand before commas of its own clause.
    const connector = dayPrecise && hasAnchor && clause.connectorAt === undefined && endsClause(text, m) ? connectorSince(p, Math.max(sentenceStart, lastAnchorEnd.get(sentenceStart) ?? sentenceStart), m.start) : undefined;
    if (connector !== undefined) return { ...base, role: 'anchor', rule: 'clause-final', segmentStart: connector };
    if (hasAnchor && ((m.kind === 'absolute' && shortSubjectBefore(p, clause.start, m.start)) || newsDate(text, m, t))) {
      return { ...base, role: 'anchor', rule: 'initial', segmentStart: skipSpace(text, clause.start) };
    }
    // "…held for five months until August, when the government fell": the when-clause tells what
    // happened at the date, so from the date's phrase on the passage is that date's
    const whenAt = whenClauseAfter(text, m, t);
    if (whenAt !== undefined) return { ...base, role: 'anchor', rule: 'clause-final', segmentStart: whenAt };
    // …于2012年创立的新闻网站: a date inside a qualifier of a noun (the language's mark, 的, after
    // it in its clause) says when that thing began; it gives no year to the sentence's other dates
    // (after a preposition: a name that opens with its year, 2012年阿勒颇省冲突在2月10日爆发, does give it)
    const markers = t.res.attributiveMarkers ?? [];
    const lead = text.slice(Math.max(0, m.start - 12), m.start).trimEnd();
    const prepositioned = t.res.adverbialPrepositions.some((w) => lead.endsWith(w));
    if (markers.length > 0 && prepositioned && p.attributives.within(m.end, p.definitionEnd(m.end))) return { ...base, role: 'embedded', reason: 'qualifier' };
    return { ...base, role: 'embedded', reason: 'position' };
  }
}

/** Offset of the last far clause connective (resource farClauseConnectors: whilst, but …) between `from` and `to`. */
function connectorSince(p: ParagraphScan, from: number, to: number): number | undefined {
  const at = p.farConnectors?.lastIndex(from, to);
  return at === undefined ? undefined : at + 1;
}

/** The mention is a complete apposition: it closes its clause (…the following day, Easter Monday, and…). */
function apposition(text: string, m: DateMention, t: LanguageTools): boolean {
  const after = headOf(text, m.end);
  if (after.atEnd && after.text.trim() === '') return true;
  return t.wordEdge ? /^\s*[,.;:)]/u.test(after.text) : /^\s*[，。；,;)）]/u.test(after.text);
}

/** 反對派在10月…: a short subject, then a preposition, then the date. */
function shortSubjectBefore(p: ParagraphScan, from: number, to: number): boolean {
  const { t } = p;
  const max = t.res.maxSubjectChars ?? 0;
  if (max === 0) return false;
  // A subject of at most `max` characters and a preposition: a longer lead never qualifies.
  const tail = tailOf(p.text, from, to, max + 24);
  if (!tail.complete) return false;
  const trimmed = tail.text.trim();
  const preposition = t.res.adverbialPrepositions.find((p) => trimmed.endsWith(p));
  if (!preposition) return false;
  const subject = trimmed.slice(0, trimmed.length - preposition.length);
  return subject.length > 0 && subject.length <= max && /^[\p{Script=Han}]+$/u.test(subject);
}

function skipSpace(text: string, pos: number): number {
  while (pos < text.length && /\s/.test(text[pos]!)) pos++;
  return pos;
}
