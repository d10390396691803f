/**
 * Language knowledge for the dates engine, loaded from resources/<language>.json. The engine never
 * names a word of any language itself: everything language-specific is in those files.
 */
import { readFileSync } from 'node:fs';
import type { Lang } from '../../schema/records.ts';

export type FuzzyPart = 'early' | 'mid' | 'late';

export interface RelativeEntry {
  phrase: string;
  /** Offset in days (per unit when `perUnit`, the phrase then holds `{n}`). */
  days?: number;
  /** Offsets in whole months or years (a month later, 次年): the passage gets that month or year. */
  months?: number;
  years?: number;
  perUnit?: boolean;
  /** An offset nobody can pin down: the span [min, max] days from the current date. */
  vague?: [number, number];
  /** Keeps the narrative on its current date. */
  same?: boolean;
  /** Counted from the publication date when there is one (yesterday, today). */
  deictic?: boolean;
}

export interface DateResource {
  style: 'words' | 'units';
  caseSensitiveNames?: boolean;
  /** Index = month - 1; first entry the full name, the rest abbreviations. */
  months: string[][];
  /** Index 0 = Monday; first entry the full name. */
  weekdays: string[][];
  ordinalSuffixes?: string[];
  seasons: { words: string[]; months: [number, number] }[];
  seasonLinks?: string[];
  fuzzyPosition: 'before' | 'after';
  fuzzy: { part: FuzzyPart; words: string[]; days: [number, number]; months: [number, number] }[];
  numbers: Record<string, number>;
  relative: RelativeEntry[];
  rangeConnectors: { word: string; needsOpener?: boolean; orFuzzy?: boolean }[];
  rangeOpeners: string[];
  rangeClosers?: string[];
  yearContextWords?: string[];
  monthContextWords?: string[];
  timesOfDay: string[];
  units?: { year: string[]; month: string[]; day: string[] };
  dayOnlyUnits?: string[];
  anchorPrefixes: string[];
  adverbialPrepositions: string[];
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
  /** Longest subject (in characters) allowed before the preposition of a clause-initial date. */
  maxSubjectChars?: number;
  /** An era or regnal year written before a bracketed calendar gloss (清光緒八年（1882年）): a regex source matching the end of the text before the bracket. */
  eraYearBeforeGloss?: string;
  /** What may not follow a lone day number's unit (3日期限 is a three-day deadline, not the 3rd). */
  dayOnlyNotBefore?: string[];
  /** Words that make a named day of a weekday (Easter Monday, Good Friday). */
  weekdayQualifiers?: string[];
  /** A relative offset right after one of these is a bound (until the following morning), not a move. */
  relativeNotAfter?: string[];
  /** A date followed by one of these opens the time of a clause (… of 1497 when a Cornish army marched). */
  timeClauseAfter?: string[];
  /** A bare ordinal day (on the 25th) counts only after one of these… */
  ordinalDayAfter?: string[];
  /** …and before punctuation or one of these words (the 95th Rifles is a regiment). */
  ordinalDayFollowers?: string[];
  /** Connectives that open a clause even with commas of that clause between them and its final date. */
  farClauseConnectors?: string[];
  /** A paragraph ending with one of these asks, it does not report: no date is carried into it. */
  questionMarks?: string[];
}

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
    const url = new URL(`./resources/${key}.json`, import.meta.url);
    resource = JSON.parse(readFileSync(url, 'utf8')) as DateResource;
    cache.set(key, resource);
  }
  return resource;
}
