/**
 * Language knowledge for the dates engine, loaded from the folder resources/<language>/ (patterns, rules, spans, narrative words). The engine never
 * names a word of any language itself: everything language-specific is in those files.
 */
import { readFileSync } from 'node:fs';
import type { Lang } from '../../schema/records.ts';
import { compileRules, loadRuleFiles, type RuleSet } from './rules.ts';

/** The parts of a month or year a resource may name (spans.json says what each covers). */
export const FUZZY_PARTS = ['early', 'mid', 'late', 'firstHalf', 'secondHalf'] as const;
export type FuzzyPart = (typeof FUZZY_PARTS)[number];

export interface DateResource {
  /** Words stand alone between spaces (English) or not (Chinese): how listed words are matched. */
  wordBoundaries: boolean;
  /** The same, as the segmenter has always read it. */
  style: 'words' | 'units';
  /** The date rules of rules.json over the patterns of patterns.json, compiled. */
  rules: RuleSet;
  /** The names of months and weekdays (patterns monthFull, month, weekdayFull): words the tagger
   * never reads as a place ("March", a town in England). */
  calendarNames: string[];
  /** What a part of a month or year covers (spans.json). */
  fuzzy: { part: FuzzyPart; days: [number, number]; months: [number, number] }[];
  /** Months a season covers (spans.json), in the order the rules number them. */
  seasons: { months: [number, number] }[];
  /** A bound (直到) whose clause then has one of these (才) gives the time the outcome came. */
  boundThenOutcome?: string[];
  /** News style (纳库亚22日表示): a day date after at most this many characters of its clause's subject is the clause's time. */
  subjectBeforeDateChars?: number;
  /** Marks of a sentence told as earlier than the story's day (had): a backward offset in it looks back, it does not move the story. */
  pastPerfect?: string[];
  /** What follows the day of a news dateline (— in "SANA’A, Feb. 23—", 电 in 中新网8月23日电). */
  datelineMarks?: string[];
  /** What may stand before the day of a news dateline (a place in capitals, an agency): a regex source. */
  datelinePlace?: string;
  /** A date after one of these restates the one before it more exactly (当年底即1940年12月). */
  restatementMarkers?: string[];
  /** Words that leave a written period open (– ongoing, 至今). */
  openEnded?: string[];
  /** Words that make a date the start of what is told (began in January 2014, 2014年1月爆发): a lead that dates only a start leaves the story's end open. */
  periodStartWords?: string[];
  rangeConnectors: { word: string; needsOpener?: boolean; orFuzzy?: boolean }[];
  /** Labels of a post's metadata line that give its publication day ("Date:"): the report it heads looks back from that day. */
  datelineLabels?: string[];
  /** Words that open a clause telling what happened at the date before them (", when …"): from the
   * date's phrase on, the passage is that date's. */
  whenClauseMarkers?: string[];
  /** How a time of day stands before the end date of a range, `%time` the time of day ("the %time of"). */
  timeOfDayBefore?: string;
  rangeOpeners: string[];
  timesOfDay: string[];
  anchorPrefixes: string[];
  adverbialPrepositions: string[];
  /** Articles that may stand between such a preposition and a date that qualifies the noun after
   * it ("at the 1950 general election", "in a 1 June 1912 note"): the phrase is the clause's time. */
  adverbialArticles?: string[];
  clauseConnectors: string[];
  passingBefore: string[];
  passingAdjacentBefore?: string[];
  passingAfter: string[];
  sentenceAbbreviations: string[];
  /** A date directly after one of these that ends its clause is mentioned in passing (…前 = before). */
  passingAfterNotBefore?: string[];
  /** Copulas (是): a date in a defining clause that qualifies a noun does not move the narrative. */
  copulas?: string[];
  copulaNotIn?: string[];
  attributiveMarkers?: string[];
  /** 在<date>…之后: the rest of the clause ending in one of these makes the date a passing one. */
  afterClauseMarkers?: string[];
  /** Words later in the date's clause that make it a passing mention (…以来). */
  passingLaterInClause?: string[];
  /** Regex sources of phrases in which those words belong to something else (两年以来: a duration). */
  passingLaterInClauseExcept?: string[];
  /** Longest subject (in characters) allowed before the preposition of a clause-initial date. */
  maxSubjectChars?: number;
  /** An era or regnal year written before a bracketed calendar gloss (清光緒八年（1882年）): a regex source matching the end of the text before the bracket. */
  eraYearBeforeGloss?: string;
  /** A relative offset right after one of these is a bound (until the following morning), not a move. */
  relativeNotAfter?: string[];
  /** Words pointing back to the story (此, 这): after a preposition and such a word (在这场反攻之前一天) a relative offset is the clause's time. */
  pointBackWords?: string[];
  /** A date followed by one of these opens the time of a clause (… of 1497 when a Cornish army marched). */
  timeClauseAfter?: string[];
  /** Connectives that open a clause even with commas of that clause between them and its final date. */
  farClauseConnectors?: string[];
  /** A paragraph ending with one of these asks, it does not report: no date is carried into it. */
  questionMarks?: string[];
}

/** A language folder of resources/ (common/ holds what every language shares). */
export type ResourceLanguage = 'en' | 'zh';

const cache = new Map<ResourceLanguage, DateResource>();

/** Which resource file serves a record language (both Chinese scripts share one file). */
export function resourceLanguage(lang: Lang | ResourceLanguage): ResourceLanguage {
  return lang.startsWith('zh') ? 'zh' : 'en';
}

export function loadDateResource(lang: Lang | ResourceLanguage): DateResource {
  const key = resourceLanguage(lang);
  let resource = cache.get(key);
  if (!resource) {
    const dir = new URL(`./resources/${key}/`, import.meta.url);
    const read = (name: string) => JSON.parse(readFileSync(new URL(name, dir), 'utf8'));
    const narrative = read('narrative.json');
    const spans = read('spans.json');
    // Shapes written alike in every language (resources/common/) come with each language's own.
    const common = loadRuleFiles(new URL('./resources/common/', import.meta.url));
    const own = loadRuleFiles(dir);
    const patterns = { ...common.patterns, ...own.patterns };
    const rules = [...common.rules, ...own.rules];
    resource = {
      ...narrative,
      style: narrative.wordBoundaries ? 'words' : 'units',
      fuzzy: spans.fuzzy,
      seasons: spans.seasons,
      rules: compileRules(patterns, rules, `resources/${key}`),
      calendarNames: ['monthFull', 'month', 'weekdayFull'].flatMap((k) => Object.keys((patterns as Record<string, { values?: Record<string, unknown> }>)[k]?.values ?? {})),
    } as DateResource;
    cache.set(key, resource);
  }
  return resource;
}
